"""Offices saying "we adopted this": the signal peers look for when a practice spreads.

An adoption is shown under the adopting office's chosen attribution (named,
pseudonymous, or generalized when enough offices share the description), exactly
like a publication, so marking an adoption never reveals more about an office than
publishing would.
"""

from collections import defaultdict
from collections.abc import Iterable

from network.access.principal import Principal
from network.audit import service as audit
from network.changes import log as changes
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.offices.models import Attribution, Office
from network.publications.disclosure import attribution_label
from network.publications.models import Adoption, Publication, PublicationStatus
from network.publications.queries import get_publication
from network.publications.service import KIND
from network.transactions import atomic

ADOPTED = "adopt"
MAX_NOTE = 1_000


async def mark_adopted(
    principal: Principal,
    publication_id: int,
    *,
    attribution: Attribution | None,
    note: str,
    generalized_k: int,
) -> tuple[Adoption, Publication]:
    publication = await get_publication(principal, publication_id)
    office_id = principal.office_id
    if office_id is None or not principal.may_publish_for(office_id):
        raise PermissionDenied("Publishers and admins of an office mark what it adopted.")
    if publication.status != PublicationStatus.PUBLISHED:
        raise Conflict("Only a published item can be marked as adopted.", field="id")
    if publication.office_id == office_id:  # type: ignore[attr-defined]
        raise InvalidInput("An office does not adopt its own publication.", field="id")
    note = note.strip()
    if len(note) > MAX_NOTE or "\x00" in note:
        raise InvalidInput(f"A note is at most {MAX_NOTE:,} characters.", field="note")
    office = await Office.get(id=office_id)
    chosen = attribution or Attribution(office.default_attribution)
    label = await attribution_label(office, chosen, generalized_k)
    async with atomic():
        adoption, created = await Adoption.get_or_create(
            publication_id=publication.id,
            office_id=office_id,
            defaults={"attribution": chosen, "attribution_label": label, "note": note},
        )
        if not created:
            adoption.attribution = chosen
            adoption.attribution_label = label
            adoption.note = note
            await adoption.save()
        await changes.record(KIND, publication.id, publication.version, ADOPTED)
        await audit.record(
            principal,
            f"{KIND}.adopt",
            target_type="publication",
            target_id=publication.origin_id,
            office_id=office_id,
            detail={"attribution": str(chosen)},
        )
    return adoption, publication


async def unmark_adopted(principal: Principal, publication_id: int) -> Publication:
    publication = await get_publication(principal, publication_id)
    office_id = principal.office_id
    if office_id is None or not principal.may_publish_for(office_id):
        raise PermissionDenied("Publishers and admins of an office mark what it adopted.")
    async with atomic():
        deleted = await Adoption.filter(publication_id=publication.id, office_id=office_id).delete()
        if not deleted:
            raise NotFound("Your office has not marked this publication as adopted.", field="id")
        await changes.record(KIND, publication.id, publication.version, ADOPTED)
        await audit.record(
            principal,
            f"{KIND}.unadopt",
            target_type="publication",
            target_id=publication.origin_id,
            office_id=office_id,
        )
    return publication


async def adoptions_by_publication(publication_ids: Iterable[int]) -> dict[int, list[Adoption]]:
    """Adoptions of publications the caller can already see, oldest first."""
    grouped: dict[int, list[Adoption]] = defaultdict(list)
    wanted = list(set(publication_ids))
    if wanted:
        for adoption in await Adoption.filter(publication_id__in=wanted).order_by(
            "publication_id", "created_at", "id"
        ):
            grouped[adoption.publication_id].append(adoption)  # type: ignore[attr-defined]
    return grouped
