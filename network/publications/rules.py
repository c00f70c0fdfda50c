"""An office's publishing rules: whether authors may approve their own drafts, and the
terms its texts must never show (flagged by every analysis, whatever else it finds).

The deny-list holds the very names an office wants hidden, so only the office's
publishers and admins read it, and only its admins change it; changes are audited
by count, never by content.
"""

from dataclasses import dataclass

from network.access.principal import Principal
from network.audit import service as audit
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.offices.models import Office
from network.transactions import atomic

MAX_TERMS = 500
MAX_TERM_LENGTH = 100


@dataclass(frozen=True)
class PublishingRules:
    allow_self_approval: bool
    deny_terms: tuple[str, ...]


async def publishing_rules(principal: Principal, office_id: int) -> PublishingRules:
    if not principal.may_publish_for(office_id):
        raise PermissionDenied("Only the office's publishers and admins see its rules.")
    office = await Office.get_or_none(id=office_id)
    if office is None:
        raise NotFound("No such office.", field="officeSlug")
    return PublishingRules(office.allow_self_approval, tuple(office.deny_terms or ()))


async def set_publishing_rules(
    principal: Principal,
    office_id: int,
    *,
    allow_self_approval: bool | None = None,
    deny_terms: list[str] | None = None,
) -> PublishingRules:
    """Change what is given; a term list replaces the old one (blank and duplicate
    terms dropped, case-insensitively)."""
    if not principal.is_admin_of(office_id):
        raise PermissionDenied("Only an admin of the office sets its publishing rules.")
    terms: list[str] | None = None
    if deny_terms is not None:
        if len(deny_terms) > MAX_TERMS:
            raise InvalidInput(f"At most {MAX_TERMS} terms.", field="denyTerms")
        seen: set[str] = set()
        terms = []
        for term in (" ".join(t.split()) for t in deny_terms):
            if len(term) > MAX_TERM_LENGTH or "\x00" in term:
                raise InvalidInput(
                    f"A term is at most {MAX_TERM_LENGTH} characters.", field="denyTerms"
                )
            if term and term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
    async with atomic():
        office = await Office.get_or_none(id=office_id)
        if office is None:
            raise NotFound("No such office.", field="officeSlug")
        if allow_self_approval is not None:
            office.allow_self_approval = allow_self_approval
        if terms is not None:
            office.deny_terms = terms
        await office.save(update_fields=["allow_self_approval", "deny_terms", "updated_at"])
        await audit.record(
            principal,
            "office.publishing_rules",
            target_type="office",
            target_id=office.id,
            office_id=office.id,
            detail={
                "allow_self_approval": str(office.allow_self_approval),
                "deny_terms": str(len(office.deny_terms or [])),
            },
        )
    return PublishingRules(office.allow_self_approval, tuple(office.deny_terms or ()))
