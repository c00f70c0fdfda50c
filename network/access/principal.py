"""Who is asking: the one object every service takes to decide what may be seen or done.

Built by `network.auth` from a session cookie or a bearer token; services never look
at HTTP. `ANONYMOUS` may read only published PUBLIC items; `SYSTEM` is for trusted
in-process work (migrations, the demo loader, the CLI) and is never built from a
request.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from network.access.roles import OfficeRole
from network.access.scopes import FEDERATION, METRICS_WRITE, PUBLICATIONS_WRITE, READ


class PrincipalKind(StrEnum):
    ANONYMOUS = "anonymous"
    MEMBER = "member"
    CLIENT = "client"
    SYSTEM = "system"


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    office_id: int | None = None
    member_id: int | None = None
    office_role: OfficeRole | None = None
    is_convener: bool = False
    is_network_admin: bool = False
    scopes: frozenset[str] = field(default_factory=frozenset)
    label: str = ""

    @property
    def is_authenticated(self) -> bool:
        return self.kind is not PrincipalKind.ANONYMOUS

    @property
    def is_system(self) -> bool:
        return self.kind is PrincipalKind.SYSTEM

    @property
    def can_edit_drafts(self) -> bool:
        """Works on its office's drafts: publishers and office admins, and API
        clients holding `publications:write`."""
        if self.kind is PrincipalKind.MEMBER:
            return self.office_role in (OfficeRole.PUBLISHER, OfficeRole.OFFICE_ADMIN)
        return self.kind is PrincipalKind.CLIENT and PUBLICATIONS_WRITE in self.scopes

    @property
    def reads_as_member(self) -> bool:
        """Members read what the network shares; API clients need the `read` scope,
        without it they read only what is public."""
        if self.kind is PrincipalKind.MEMBER:
            return self.office_id is not None
        return self.kind is PrincipalKind.CLIENT and READ in self.scopes

    def is_admin_of(self, office_id: int | None) -> bool:
        """May administer `office_id` (its provider, members, clients, audit log):
        its office admins, network admins and trusted in-process work."""
        if self.is_system or self.is_network_admin:
            return True
        return (
            self.kind is PrincipalKind.MEMBER
            and office_id is not None
            and self.office_id == office_id
            and self.office_role is OfficeRole.OFFICE_ADMIN
        )

    @property
    def is_office_admin(self) -> bool:
        """An admin of the office the principal belongs to."""
        return self.kind is PrincipalKind.MEMBER and self.office_role is OfficeRole.OFFICE_ADMIN

    def may_publish_for(self, office_id: int) -> bool:
        """May write the publications of `office_id`: its publishers and office admins
        (and trusted in-process work)."""
        return self.is_system or (self.office_id == office_id and self.can_edit_drafts)

    @property
    def may_send_files(self) -> bool:
        """May send a file at all (a document to import, figures to upload): the body
        of a multipart request is read only for these callers."""
        if self.can_edit_drafts or self.is_office_admin:
            return True
        return self.kind is PrincipalKind.CLIENT and METRICS_WRITE in self.scopes

    @property
    def client_id(self) -> str | None:
        """The API client's id, for a client principal."""
        if self.kind is PrincipalKind.CLIENT and self.label.startswith("client:"):
            return self.label.removeprefix("client:")
        return None

    @property
    def reads_federation_feed(self) -> bool:
        """A peer instance (its registered client, holding the federation scope)."""
        return self.kind is PrincipalKind.CLIENT and FEDERATION in self.scopes

    def may_upload_metrics_for(self, office_id: int) -> bool:
        """May upload the figures of `office_id`: its office admins, its API clients
        holding `metrics:write`, and trusted in-process work. Nobody uploads for
        another office, network admins included."""
        if self.is_system:
            return True
        if self.office_id != office_id:
            return False
        if self.kind is PrincipalKind.CLIENT:
            return METRICS_WRITE in self.scopes
        return self.kind is PrincipalKind.MEMBER and self.office_role is OfficeRole.OFFICE_ADMIN

    def reads_own_office(self, office_id: int | None) -> bool:
        """Whether `office_id` is the caller's own office for reading: only callers
        that read as members (the office is part of their visibility key) get an
        office's own view; an API client without `read` reads like anyone else."""
        return self.reads_as_member and office_id is not None and self.office_id == office_id

    def visibility_key(self) -> str:
        """A key that is equal for two principals exactly when they see the same items.

        Response caches are keyed by it: every anonymous caller shares one entry,
        while members of an office share theirs (drafts add the role).
        """
        if self.kind is PrincipalKind.SYSTEM:
            return "system"
        if not self.reads_as_member:
            return "anonymous"
        editor = "editor" if self.can_edit_drafts else "reader"
        return f"office:{self.office_id}:{editor}"

    def visibility_scope(self) -> "Principal":
        """The canonical principal of this one's visibility key, built from the key's
        parts alone. Shared (cacheable) reads run as this principal, so a cached answer
        can depend only on what its key captures: nothing else about the caller (its
        kind, scopes, member id or network roles) can reach a resolver."""
        if self.kind is PrincipalKind.SYSTEM:
            return SYSTEM
        if not self.reads_as_member:
            return ANONYMOUS
        return Principal(
            kind=PrincipalKind.MEMBER,
            office_id=self.office_id,
            office_role=OfficeRole.PUBLISHER if self.can_edit_drafts else OfficeRole.VIEWER,
            scopes=frozenset({READ}),
            label=f"scope:{self.visibility_key()}",
        )


ANONYMOUS = Principal(kind=PrincipalKind.ANONYMOUS, label="anonymous")
SYSTEM = Principal(kind=PrincipalKind.SYSTEM, label="system")


def member_principal(
    *,
    office_id: int,
    member_id: int,
    role: OfficeRole,
    is_convener: bool = False,
    is_network_admin: bool = False,
    label: str = "",
) -> Principal:
    return Principal(
        kind=PrincipalKind.MEMBER,
        office_id=office_id,
        member_id=member_id,
        office_role=role,
        is_convener=is_convener,
        is_network_admin=is_network_admin,
        scopes=frozenset({READ}),
        label=label or f"member:{member_id}",
    )
