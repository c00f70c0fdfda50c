"""Every query and mutation against every kind of caller: allowed or denied, each cell.

A new root field that is not in MATRIX fails `test_matrix_covers_every_operation`, so
nobody adds an operation without deciding who may call it.
"""

import httpx
import pytest

from network.access.principal import ANONYMOUS, Principal, PrincipalKind, member_principal
from network.access.principal import SYSTEM as _SYSTEM
from network.api.schema import build_schema
from network.auth import service as identity
from network.offices.models import Member, Office, OfficeRole
from network.settings import load_settings
from tests.conftest import as_principal

HOME = "wabash-valley-prosecutor"  # the office the operations act on
OTHER = "high-desert-county-da"

ROLES = (
    "anonymous",
    "viewer",
    "publisher",
    "office_admin",
    "other_office_admin",
    "convener",
    "network_admin",
    "client_read",
    "client_publications",
    "client_metrics",
)
EVERYONE = dict.fromkeys(ROLES, "allow")
ADMINS = {
    role: ("allow" if role in {"office_admin", "network_admin"} else "deny") for role in ROLES
}
AUDIT = {
    role: ("allow" if role in {"office_admin", "other_office_admin", "network_admin"} else "deny")
    for role in ROLES
}

# operation -> (GraphQL document, expected outcome per role)
MATRIX: dict[str, tuple[str, dict[str, str]]] = {
    "instance": ("{ instance { id } }", EVERYONE),
    "node": ('{ node(id: "T2ZmaWNlOjE=") { id } }', EVERYONE),
    "offices": ("{ offices(first: 2) { totalCount } }", EVERYONE),
    "office": (f'{{ office(slug: "{HOME}") {{ name }} }}', EVERYONE),
    "policies": ("{ policies(first: 2) { totalCount } }", EVERYONE),
    "briefs": ("{ briefs(first: 2) { totalCount } }", EVERYONE),
    "search": ('{ search(query: "diversion", first: 2) { totalCount } }', EVERYONE),
    "publicationFacets": ("{ publicationFacets { total } }", EVERYONE),
    "topics": ("{ topics { topic { slug } } }", EVERYONE),
    "metricDefinitions": ("{ metricDefinitions { key } }", EVERYONE),
    "viewer": ("{ viewer { signedIn } }", EVERYONE),
    "apiClients": (f'{{ apiClients(officeSlug: "{HOME}") {{ clientId }} }}', ADMINS),
    "officeMembers": (f'{{ officeMembers(officeSlug: "{HOME}") {{ id }} }}', ADMINS),
    "identityProvider": (f'{{ identityProvider(officeSlug: "{HOME}") {{ issuer }} }}', ADMINS),
    "auditEvents": ("{ auditEvents(first: 2) { edges { node { action } } } }", AUDIT),
    "configureIdentityProvider": (
        'mutation { configureIdentityProvider(input: {officeSlug: "' + HOME + '", '
        'issuer: "https://idp.wabash.example", clientId: "pn", clientSecret: "s"}) '
        "{ identityProvider { issuer } errors { code } } }",
        ADMINS,
    ),
    "createApiClient": (
        'mutation { createApiClient(input: {officeSlug: "' + HOME + '", name: "matrix", '
        'scopes: ["read"]}) { apiClient { clientId } errors { code } } }',
        ADMINS,
    ),
    "revokeApiClient": (
        'mutation { revokeApiClient(clientId: "CLIENT_ID") { apiClient { clientId } errors { code } } }',
        ADMINS,
    ),
    "setMemberRole": (
        "mutation { setMemberRole(input: {memberId: MEMBER_ID, officeRole: VIEWER}) "
        "{ member { id } errors { code } } }",
        ADMINS,
    ),
}
DENIAL_CODES = {"PERMISSION_DENIED", "NOT_FOUND"}


def test_matrix_covers_every_operation() -> None:
    schema = build_schema(load_settings())
    graphql_schema = schema._schema
    names = set(graphql_schema.query_type.fields) | set(graphql_schema.mutation_type.fields)
    assert names == set(MATRIX), f"add to MATRIX: {sorted(names - set(MATRIX))}"
    assert all(set(expected) == set(ROLES) for _, expected in MATRIX.values())


async def _principal(role: str) -> Principal:
    home = await Office.get(slug=HOME)
    other = await Office.get(slug=OTHER)

    async def member(office: Office, office_role: OfficeRole, **flags: bool) -> Principal:
        row = (
            await Member.filter(office_id=office.id, office_role=office_role).order_by("id").first()
        )
        assert row is not None
        return member_principal(office_id=office.id, member_id=row.id, role=office_role, **flags)

    def client(*scopes: str) -> Principal:
        return Principal(
            kind=PrincipalKind.CLIENT, office_id=home.id, scopes=frozenset(scopes), label="client"
        )

    if role == "anonymous":
        return ANONYMOUS
    if role.startswith("client_"):
        scopes = {"client_read": ("read",), "client_publications": ("read", "publications:write")}
        return client(*scopes.get(role, ("metrics:write",)))
    office, office_role, flags = {
        "viewer": (home, OfficeRole.VIEWER, {}),
        "publisher": (home, OfficeRole.PUBLISHER, {}),
        "office_admin": (home, OfficeRole.OFFICE_ADMIN, {}),
        "other_office_admin": (other, OfficeRole.OFFICE_ADMIN, {}),
        "convener": (other, OfficeRole.VIEWER, {"is_convener": True}),
        "network_admin": (other, OfficeRole.PUBLISHER, {"is_network_admin": True}),
    }[role]
    return await member(office, office_role, **flags)


async def _document(operation: str) -> str:
    document = MATRIX[operation][0]
    if "CLIENT_ID" in document:
        home = await Office.get(slug=HOME)
        created, _ = await identity.create_api_client(
            _SYSTEM, home.id, identity.NewApiClient(name="to revoke", scopes=("read",))
        )
        document = document.replace("CLIENT_ID", created.client_id)
    if "MEMBER_ID" in document:
        target = await Member.filter(office__slug=HOME, office_role=OfficeRole.VIEWER).first()
        assert target is not None
        document = document.replace("MEMBER_ID", str(target.id))
    return document


def _outcome(body: dict) -> str:
    errors = list(body.get("errors") or [])
    for value in (body.get("data") or {}).values():
        if isinstance(value, dict):
            errors += value.get("errors") or []
    codes = {(e.get("extensions") or {}).get("code", e.get("code")) for e in errors}
    if not errors:
        return "allow"
    if codes <= DENIAL_CODES:
        return "deny"
    return f"error {codes}: {errors}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(MATRIX))
async def test_authorization_cell(app_client: httpx.AsyncClient, operation: str, role: str) -> None:
    document = await _document(operation)
    async with as_principal(app_client, await _principal(role)) as client:
        response = await client.post("/graphql", json={"query": document})
    assert response.status_code == 200, response.text
    assert _outcome(response.json()) == MATRIX[operation][1][role], response.text
