"""Which publications a principal may see: the single place this is decided.

Every read of publications, including search and facets, starts from
`visible_q`, so an item hidden here is hidden everywhere (and an item of another
office that the principal may not see answers exactly like one that does not exist).
"""

from tortoise.expressions import Q

from network.access.principal import Principal
from network.publications.models import PublicationStatus, Visibility

# Visibilities any signed-in principal of this network may read once published.
_NETWORK_WIDE = (Visibility.NETWORK, Visibility.FEDERATED, Visibility.PUBLIC)


def visible_q(principal: Principal) -> Q:
    if principal.is_system:
        return Q()
    published_public = Q(status=PublicationStatus.PUBLISHED, visibility=Visibility.PUBLIC)
    if not principal.reads_as_member:
        return published_public
    readable = Q(status=PublicationStatus.PUBLISHED, visibility__in=_NETWORK_WIDE)
    own_office = Q(office_id=principal.office_id)
    own_published = own_office & Q(status=PublicationStatus.PUBLISHED)
    clauses = readable | own_published
    if principal.can_edit_drafts:
        # Drafts, items in review and retracted items stay inside the office.
        clauses = clauses | own_office
    return clauses
