"""Every query and mutation against every kind of caller: allowed or denied, each cell.

A new root field that is not in MATRIX fails `test_matrix_covers_every_operation`, so
nobody adds an operation without deciding who may call it.
"""

import json
import uuid
from typing import Any

import httpx
import pytest

from federation.models import Peer, Quarantined
from network.access.principal import ANONYMOUS, Principal, PrincipalKind, member_principal
from network.access.principal import SYSTEM as _SYSTEM
from network.auth import service as identity
from network.offices.models import Attribution, Member, Office, OfficeRole
from network.publications import workflow
from network.publications.drafts import DraftText
from network.publications.models import (
    Finding,
    Publication,
    PublicationKind,
    PublicationStatus,
    Visibility,
)
from network.settings import Settings, load_settings
from network.wiring import graphql_schema
from tests.conftest import as_principal, node_id

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

# Publishing: the home office's publishers and admins, and its clients with
# publications:write; reviewing takes a person; any office's editors adopt and see
# their own drafts.
WRITERS = {
    role: ("allow" if role in {"publisher", "office_admin", "client_publications"} else "deny")
    for role in ROLES
}
REVIEWERS = {role: ("allow" if role in {"publisher", "office_admin"} else "deny") for role in ROLES}
ADOPTERS = {
    role: (
        "allow"
        if role
        in {
            "publisher",
            "office_admin",
            "other_office_admin",
            "network_admin",
            "client_publications",
        }
        else "deny"
    )
    for role in ROLES
}

# Metrics: comparisons and the corrections log for whoever reads as a member (or
# convenes); uploads for the home office's admins and its metrics clients.
READERS = {role: ("deny" if role in {"anonymous", "client_metrics"} else "allow") for role in ROLES}
UPLOADERS = {
    role: ("allow" if role in {"office_admin", "client_metrics"} else "deny") for role in ROLES
}
NETWORK_ADMINS = {role: ("allow" if role == "network_admin" else "deny") for role in ROLES}
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
    "createDraft": (
        'mutation { createDraft(input: {kind: POLICY, officeSlug: "' + HOME + '", fields: '
        '{title: "Matrix draft", topics: ["cash-bail"]}}) { draft { state } errors { code } } }',
        WRITERS,
    ),
    "importDocument": (
        "mutation($input: ImportDocumentInput!) { importDocument(input: $input) "
        "{ draft { state } errors { code } } }",
        WRITERS,
    ),
    "updateDraft": (
        'mutation { updateDraft(input: {id: "DRAFT_ID", fields: {summary: "Shorter."}}) '
        "{ draft { state } errors { code } } }",
        WRITERS,
    ),
    "resolveFinding": (
        'mutation { resolveFinding(input: {findingId: "FINDING_ID", decision: ACCEPTED}) '
        "{ finding { decision } errors { code } } }",
        WRITERS,
    ),
    "submitForReview": (
        'mutation { submitForReview(id: "DRAFT_ID") { draft { state } errors { code } } }',
        WRITERS,
    ),
    "approve": (
        'mutation { approve(id: "REVIEW_ID") { draft { state } errors { code } } }',
        REVIEWERS,
    ),
    "requestChanges": (
        'mutation { requestChanges(id: "REVIEW_ID", note: "More detail.") '
        "{ draft { state } errors { code } } }",
        REVIEWERS,
    ),
    "publish": (
        'mutation { publish(id: "APPROVED_ID") { publication { status } errors { code } } }',
        WRITERS,
    ),
    "revise": (
        'mutation { revise(id: "PUBLISHED_ID") { draft { state } errors { code } } }',
        WRITERS,
    ),
    "retract": (
        'mutation { retract(id: "PUBLISHED_ID", reason: "Superseded.") '
        "{ publication { status } errors { code } } }",
        WRITERS,
    ),
    "discardDraft": (
        'mutation { discardDraft(id: "DRAFT_ID") { publication { status } errors { code } } }',
        WRITERS,
    ),
    "markAdopted": (
        'mutation { markAdopted(id: "ADOPTABLE_ID", attribution: PSEUDONYMOUS) '
        "{ adoption { attributedTo } errors { code } } }",
        ADOPTERS,
    ),
    "unmarkAdopted": (
        'mutation { markAdopted(id: "ADOPTABLE_ID") { errors { code } } '
        'unmarkAdopted(id: "ADOPTABLE_ID") { publication { status } errors { code } } }',
        ADOPTERS,
    ),
    "drafts": ("{ drafts(first: 2) { totalCount } }", ADOPTERS),
    "publishingRules": (
        f'{{ publishingRules(officeSlug: "{HOME}") {{ allowSelfApproval denyTerms }} }}',
        WRITERS,
    ),
    "setPublishingRules": (
        'mutation { setPublishingRules(input: {officeSlug: "' + HOME + '", '
        "allowSelfApproval: false}) { rules { allowSelfApproval } errors { code } } }",
        ADMINS,
    ),
    "metricComparison": (
        '{ metricComparison(input: {metric: "cases_referred", from: "2024-01", to: "2024-03", '
        "regions: [MIDWEST]}) { series { label points { value flag } } peers { median } } }",
        READERS,
    ),
    "metricCorrections": ("{ metricCorrections(first: 5) { office metric period } }", READERS),
    "uploadMetrics": (
        "mutation($input: UploadMetricsInput!) { uploadMetrics(input: $input) "
        "{ valid tables { cells { flag } } errors { code } } }",
        UPLOADERS,
    ),
    "setLocalDefinition": (
        'mutation { setLocalDefinition(officeSlug: "' + HOME + '", metric: "cases_referred", '
        'note: "We count by charging document.") { key errors { code } } }',
        ADMINS,
    ),
    # Federation: network admins only. Adding a peer needs a live instance at the URL:
    # here the admin is let through authorization and fails on the unreachable URL
    # ("reached"), everyone else is denied before anything is fetched.
    "peers": ("{ peers { instanceId state cursor } }", NETWORK_ADMINS),
    "createPeerInvitation": (
        "mutation { createPeerInvitation(expiresInMinutes: 30) { code errors { code } } }",
        NETWORK_ADMINS,
    ),
    "addPeer": (
        'mutation { addPeer(url: "http://127.0.0.1:9", code: "pn-invite-x") '
        "{ peer { instanceId } errors { code } } }",
        {**NETWORK_ADMINS, "network_admin": "reached"},
    ),
    "setPeerState": (
        'mutation { setPeerState(instanceId: "PEER_ID", state: PAUSED) '
        "{ peer { state } errors { code } } }",
        NETWORK_ADMINS,
    ),
    "removePeer": (
        'mutation { removePeer(instanceId: "PEER_ID") { instanceId errors { code } } }',
        NETWORK_ADMINS,
    ),
    "setPeerRelay": (
        'mutation { setPeerRelay(instanceId: "PEER_ID", relay: true) '
        "{ peer { relay } errors { code } } }",
        NETWORK_ADMINS,
    ),
    "syncPeer": (
        'mutation { syncPeer(instanceId: "PEER_ID") { peer { state } errors { code } } }',
        NETWORK_ADMINS,
    ),
    "quarantinedEntries": ("{ quarantinedEntries { id reason } }", NETWORK_ADMINS),
    "retryQuarantinedEntry": (
        "mutation { retryQuarantinedEntry(id: QUARANTINE_ID) { applied entry { reason } "
        "errors { code } } }",
        NETWORK_ADMINS,
    ),
    "discardQuarantinedEntry": (
        "mutation { discardQuarantinedEntry(id: QUARANTINE_ID) { entry { state } "
        "errors { code } } }",
        NETWORK_ADMINS,
    ),
    "defineMetric": (
        'mutation { defineMetric(input: {key: "NEW_METRIC_KEY", name: "Warrants served", '
        "unit: COUNT}) { key errors { code } } }",
        NETWORK_ADMINS,
    ),
    "setMemberRole": (
        "mutation { setMemberRole(input: {memberId: MEMBER_ID, officeRole: VIEWER}) "
        "{ member { id } errors { code } } }",
        ADMINS,
    ),
}
DENIAL_CODES = {"PERMISSION_DENIED", "NOT_FOUND"}


def test_matrix_covers_every_operation() -> None:
    schema = graphql_schema(load_settings())._schema
    names = set(schema.query_type.fields) | set(schema.mutation_type.fields)
    assert names == set(MATRIX), f"add to MATRIX: {sorted(names - set(MATRIX))}"
    assert all(set(expected) == set(ROLES) for _, expected in MATRIX.values())
    assert {v for _, expected in MATRIX.values() for v in expected.values()} <= {
        "allow", "deny", "reached",
    }  # fmt: skip


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


async def _publication(state: str, settings: Settings) -> tuple[str, str]:
    """A fresh home-office policy in `state`, made through the workflow; its global id
    and the id of one of its findings."""
    home = await Office.get(slug=HOME)
    limits = workflow.Limits(settings.instance_id, settings.generalized_k)
    text = "Referrals go to the program within ten days."
    if state == "finding":
        text = "Defendant Marcus Hill was referred under 2023-CF-004512."
    publication, copy = await workflow.create_draft(
        _SYSTEM,
        home,
        PublicationKind.POLICY,
        DraftText(title="Matrix fixture", body=text),
        workflow.DraftSettings(topics=("cash-bail",), visibility=Visibility.NETWORK),
        limits,
    )
    finding = await Finding.filter(working_copy_id=copy.id).first()
    if state in {"review", "approved", "published"}:
        await workflow.submit_for_review(_SYSTEM, publication.id, limits)
    if state in {"approved", "published"}:
        admin = await _principal("office_admin")
        await workflow.approve(admin, publication.id, limits)
    if state == "published":
        await workflow.publish(_SYSTEM, publication.id, limits)
    return node_id(publication), finding.public_id if finding else ""


async def _document(operation: str, settings: Settings) -> str:
    document = MATRIX[operation][0]
    for marker, state in (
        ("DRAFT_ID", "draft"),
        ("REVIEW_ID", "review"),
        ("APPROVED_ID", "approved"),
        ("PUBLISHED_ID", "published"),
    ):
        if marker in document:
            document = document.replace(marker, (await _publication(state, settings))[0])
    if "FINDING_ID" in document:
        document = document.replace("FINDING_ID", (await _publication("finding", settings))[1])
    if "ADOPTABLE_ID" in document:
        item = (
            await Publication.filter(
                status=PublicationStatus.PUBLISHED,
                attribution=Attribution.NAMED,
                visibility__in=[Visibility.NETWORK, Visibility.PUBLIC],
            )
            .exclude(office__slug__in=[HOME, OTHER])
            .first()
        )
        assert item is not None
        document = document.replace("ADOPTABLE_ID", node_id(item))
    if "CLIENT_ID" in document:
        home = await Office.get(slug=HOME)
        created, _ = await identity.create_api_client(
            _SYSTEM, home.id, identity.NewApiClient(name="to revoke", scopes=("read",))
        )
        document = document.replace("CLIENT_ID", created.client_id)
    if "NEW_METRIC_KEY" in document:
        document = document.replace("NEW_METRIC_KEY", f"matrix_{uuid.uuid4().hex[:10]}")
    if "PEER_ID" in document or "QUARANTINE_ID" in document:
        peer = await Peer.create(
            instance_id=f"matrix-{uuid.uuid4().hex[:10]}.test", name="Matrix peer",
            base_url="http://127.0.0.1:9", token_endpoint="http://127.0.0.1:9/oauth/token",
            feed_endpoint="http://127.0.0.1:9/federation/feed",
            hint_endpoint="http://127.0.0.1:9/federation/hint",
            jwks_uri="http://127.0.0.1:9/federation/jwks.json",
            client_id_at_them="peer_x", their_client_id="peer_y",
        )  # fmt: skip
        document = document.replace("PEER_ID", peer.instance_id)
        if "QUARANTINE_ID" in document:
            row = await Quarantined.create(
                peer=peer.instance_id, seq=1, reason="malformed", envelope="not.a.jws"
            )
            document = document.replace("QUARANTINE_ID", str(row.id))
    if "MEMBER_ID" in document:
        target = await Member.filter(office__slug=HOME, office_role=OfficeRole.VIEWER).first()
        assert target is not None
        document = document.replace("MEMBER_ID", str(target.id))
    return document


def _upload(document: str) -> dict[str, Any]:
    operations = {
        "query": document,
        "variables": {
            "input": {
                "kind": "POLICY",
                "officeSlug": HOME,
                "file": None,
                "fields": {"topics": ["cash-bail"]},
            }
        },
    }
    return {
        "data": {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        "files": {"0": ("matrix.md", b"# Matrix import\n\nPlain text.\n", "text/markdown")},
    }


def _metrics_upload(document: str) -> dict[str, Any]:
    operations = {
        "query": document,
        "variables": {"input": {"officeSlug": HOME, "file": None, "dryRun": True}},
    }
    csv = (
        "office,metric,period,disaggregation,count,numerator,denominator,value\n"
        f"{HOME},cases_referred,2014-01,,120,,,\n"
    )
    return {
        "data": {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        "files": {"0": ("figures.csv", csv.encode(), "text/csv")},
    }


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
async def test_authorization_cell(
    app_client: httpx.AsyncClient, settings: Settings, operation: str, role: str
) -> None:
    document = await _document(operation, settings)
    async with as_principal(app_client, await _principal(role)) as client:
        if operation in ("importDocument", "uploadMetrics"):
            upload = _upload if operation == "importDocument" else _metrics_upload
            response = await client.post("/graphql", **upload(document))
            if response.status_code == 403:  # refused before the body is read
                assert MATRIX[operation][1][role] == "deny"
                return
        else:
            response = await client.post("/graphql", json={"query": document})
    assert response.status_code == 200, response.text
    expected = MATRIX[operation][1][role]
    if expected == "reached":  # authorised, then failed on what it was given
        assert _outcome(response.json()) not in ("allow", "deny"), response.text
        return
    assert _outcome(response.json()) == expected, response.text
