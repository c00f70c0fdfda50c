"""Which publications a principal may see: the single place this is decided.

Every read of publications, including search and facets, starts from
`visible_q`, so an item hidden here is hidden everywhere (and an item of another
office that the principal may not see answers exactly like one that does not exist).

A retracted item stays findable by id, as a tombstone, for whoever could read it
while it was published (`retracted=True`); lists, search and facets leave it out
unless asked. Its text is shown only inside its office (`shows_text`).
"""

from tortoise.expressions import Q

from network.access.principal import Principal
from network.errors import NotFound, ReadOnlyCopy
from network.publications.models import Publication, PublicationStatus, Visibility

# Visibilities any signed-in principal of this network may read once published.
_NETWORK_WIDE = (Visibility.NETWORK, Visibility.FEDERATED, Visibility.PUBLIC)


def visible_q(principal: Principal, *, retracted: bool = False) -> Q:
    if principal.is_system:
        return Q()
    shown = (
        [PublicationStatus.PUBLISHED, PublicationStatus.RETRACTED]
        if retracted
        else [PublicationStatus.PUBLISHED]
    )
    public = Q(status__in=shown, visibility=Visibility.PUBLIC)
    if not principal.reads_as_member:
        return public
    readable = Q(status__in=shown, visibility__in=_NETWORK_WIDE)
    own_office = Q(office_id=principal.office_id)
    clauses = readable | (own_office & Q(status__in=shown))
    if principal.can_edit_drafts:
        # Drafts, items in review and retracted items stay inside the office.
        clauses = clauses | own_office
    return clauses


def shows_text(principal: Principal, publication: Publication) -> bool:
    """Whether `principal` may read the text (revisions, body, sections) of a
    publication it can see: always, unless it is a tombstone seen from outside its
    office."""
    if publication.status != PublicationStatus.RETRACTED or principal.is_system:
        return True
    return principal.reads_own_office(publication.office_id)  # type: ignore[attr-defined]


async def load_for_write(
    principal: Principal, publication_id: int, instance_id: str
) -> Publication:
    """The publication a write names, if it belongs to the principal's office (or the
    principal is the system). A copy of a peer's item the principal can read is
    refused as read-only; anything else the principal may not write answers like a
    publication that does not exist. Each write still checks its own role."""
    publication = await Publication.get_or_none(id=publication_id)
    if publication is None:
        raise NotFound("No such publication.")
    if publication.origin_instance != instance_id:
        readable = await Publication.filter(
            visible_q(principal, retracted=True), id=publication.id
        ).exists()
        if readable:
            raise ReadOnlyCopy("Publications received from a peer instance are read-only.")
        raise NotFound("No such publication.")
    if not (principal.is_system or publication.office_id == principal.office_id):  # type: ignore[attr-defined]
        raise NotFound("No such publication.")
    return publication
