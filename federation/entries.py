"""What of a publication enters the feed: its published, redacted text under the
label its attribution allows, never more.

The body holds the head revision as published (the redacted text, sections and
rendered HTML are not sent: a receiving instance renders and sanitises for itself),
the publication's public facts, and the attribution label: for a pseudonymous or
generalized publication that label is all that says who published it. No office id,
member, draft, finding or working copy is ever read here. Dates are ISO strings and
every number an integer (see `federation.canonical`).
"""

from typing import Any

from network.offices.models import Attribution, Office
from network.publications.models import (
    Publication,
    PublicationStatus,
    PublicationTopic,
    Revision,
    Visibility,
)

PUBLICATION = "publication"
RETRACTION = "retraction"
SHARED = (Visibility.FEDERATED, Visibility.PUBLIC)


def shared(publication: Publication) -> bool:
    """Whether the publication is meant for other instances now."""
    return Visibility(publication.visibility) in SHARED


async def publication_body(publication: Publication) -> dict[str, Any] | None:
    """The body of a published, shared publication's entry; None when there is no
    published revision to send."""
    if publication.head_revision_id is None:
        return None
    revision = await Revision.get_or_none(id=publication.head_revision_id)
    if revision is None:
        return None
    topics = await PublicationTopic.filter(publication_id=publication.id).values_list(
        "topic__slug", flat=True
    )
    return {
        "kind": str(publication.kind),
        "visibility": str(publication.visibility),
        "title": publication.title,
        "summary": publication.summary,
        "attribution": str(publication.attribution),
        "attributionLabel": publication.attribution_label,
        "office": await _office(publication),
        "topics": sorted(str(t) for t in topics),
        "effectiveDate": _date(publication.effective_date),
        "sunsetDate": _date(publication.sunset_date),
        "publishedAt": _instant(publication.published_at),
        "sourceReference": publication.source_reference,
        "revision": {
            "number": revision.number,
            "title": revision.title,
            "summary": revision.summary,
            "body": revision.body,
            "sections": {str(k): str(v) for k, v in (revision.sections or {}).items()},
            "evidenceLevel": None if revision.evidence_level is None
            else str(revision.evidence_level),
            "evidenceStudies": None if revision.evidence_studies is None
            else str(revision.evidence_studies),
            "changeSummary": revision.change_summary,
            "publishedAt": _instant(revision.created_at),
        },
    }  # fmt: skip


async def _office(publication: Publication) -> dict[str, Any]:
    """What the attribution discloses of the publishing office beyond its label:
    a named office's directory facts, a generalized label's region and size band, and
    for a pseudonym nothing at all (the label is the pseudonym)."""
    attribution = Attribution(publication.attribution)
    if attribution is Attribution.PSEUDONYMOUS:
        return {}
    office = await Office.get(id=publication.office_id)  # type: ignore[attr-defined]
    if attribution is Attribution.GENERALIZED:
        return {"region": str(office.region), "sizeBand": str(office.size_band)}
    return {
        "jurisdiction": office.jurisdiction,
        "state": office.state,
        "kind": str(office.kind),
        "region": str(office.region),
        "sizeBand": str(office.size_band),
        "populationServed": office.population_served,
    }


def retraction_body(publication: Publication, *, withdrawn: bool) -> dict[str, Any]:
    """A tombstone: the item is gone for readers elsewhere. `withdrawn` when it was
    not retracted but is no longer shared beyond the network (it may be shared again,
    with a newer version; a retraction is final)."""
    reason = "No longer shared beyond its network." if withdrawn else publication.retraction_reason
    return {
        "kind": str(publication.kind),
        "reason": reason,
        "withdrawn": withdrawn,
        "retractedAt": _instant(publication.retracted_at or publication.updated_at),
    }


def is_retracted(publication: Publication) -> bool:
    return PublicationStatus(publication.status) is PublicationStatus.RETRACTED


def _date(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _instant(value: Any) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")
