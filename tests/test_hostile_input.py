"""Hostile GraphQL input gets a clear 4xx or INVALID_INPUT, never a 500 or a traceback;
a multi-operation document cannot slip a mutation past the CSRF check."""

import logging

import httpx
import pytest
from strawberry.relay import to_base64

from network.auth import sessions
from network.auth.models import ApiClient
from network.offices.models import Member, OfficeRole
from network.settings import Settings
from tests.conftest import gql

HUGE = "9" * 5000
CREATE = (
    'mutation Create { createApiClient(input: {officeSlug: "SLUG", name: "csrf probe", '
    'scopes: ["read"]}) { apiClient { clientId } errors { code } } }'
)


async def _admin_session(settings: Settings) -> tuple[str, str, str]:
    member = (
        await Member.filter(office_role=OfficeRole.OFFICE_ADMIN, is_active=True)
        .select_related("office")
        .first()
    )
    assert member is not None
    token, session = await sessions.start_session(member, settings)
    return token, session.csrf_token, member.office.slug


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({}, id="several-operations-no-name"),
        pytest.param({"operationName": "Create"}, id="named-mutation"),
    ],
)
async def test_cookie_mutation_in_a_multi_operation_document_needs_csrf(
    settings: Settings, app_client: httpx.AsyncClient, body: dict
) -> None:
    token, _, slug = await _admin_session(settings)
    document = CREATE.replace("SLUG", slug) + " query Read { instance { id } }"
    before = await ApiClient.filter(name="csrf probe").count()
    response = await app_client.post(
        "/graphql",
        json={"query": document, **body},
        headers={"cookie": f"{sessions.COOKIE}={token}"},
    )
    assert response.status_code in (400, 403), response.text
    assert "errors" in response.json() and "data" not in response.json()
    assert await ApiClient.filter(name="csrf probe").count() == before


async def test_the_operation_that_runs_decides_csrf(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    token, csrf, slug = await _admin_session(settings)
    document = CREATE.replace("SLUG", slug) + " query Read { instance { id } }"
    cookie = f"{sessions.COOKIE}={token}"
    read = await app_client.post(
        "/graphql", json={"query": document, "operationName": "Read"}, headers={"cookie": cookie}
    )
    assert read.status_code == 200 and read.json()["data"]["instance"]["id"]
    created = await app_client.post(
        "/graphql",
        json={"query": document, "operationName": "Create"},
        headers={"cookie": cookie, "x-csrf-token": csrf},
    )
    assert created.json()["data"]["createApiClient"]["errors"] == []
    await ApiClient.filter(name="csrf probe").delete()


@pytest.mark.parametrize(
    ("document", "operation_name"),
    [
        ("query A { instance { id } } query B { instance { name } }", None),
        ("query A { instance { id } }", "Nope"),
        ("query A { instance { id } }", "A" * 5000),
        ("fragment F on Query { instance { id } }", None),
    ],
)
async def test_unrunnable_operation_choice_is_a_400(
    app_client: httpx.AsyncClient, document: str, operation_name: str | None
) -> None:
    response = await app_client.post(
        "/graphql",
        json={"query": document, "operationName": operation_name},
        headers={"accept": "application/graphql-response+json"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


HOSTILE = [
    (
        "node huge digits",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Office", HUGE)},
    ),
    (
        "node 20 digits",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Topic", "9" * 20)},
    ),
    (
        "node arabic digits",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Office", "١٢")},
    ),
    (
        "node superscript",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Office", "²")},
    ),
    (
        "node negative",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Office", "-1")},
    ),
    (
        "node interface",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("Publication", "x@y")},
    ),
    ("node Node", "query($id: ID!) { node(id: $id) { id } }", {"id": to_base64("Node", "1")}),
    (
        "node connection type",
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_base64("SearchHit", "1")},
    ),
    ("huge cursor", "query($a: String) { policies(after: $a) { totalCount } }", {"a": HUGE}),
    ("unicode cursor", "query($a: String) { offices(after: $a) { totalCount } }", {"a": "٣" * 32}),
    ("long office slug", "query($s: String!) { office(slug: $s) { name } }", {"s": "x" * 5000}),
    (
        "long topic",
        "query($t: [String!]) { policies(filter: {topics: $t}) { totalCount } }",
        {"t": ["x" * 5000]},
    ),
    (
        "long state",
        "query($t: [String!]) { policies(filter: {states: $t}) { totalCount } }",
        {"t": ["x" * 5000]},
    ),
    (
        "long office state",
        "query($t: [String!]) { offices(filter: {states: $t}) { totalCount } }",
        {"t": ["xyz"]},
    ),
    (
        "non-ascii office state",
        "query($t: [String!]) { offices(filter: {states: $t}) { totalCount } }",
        {"t": ["ÖÄ"]},
    ),
    (
        "long office filter",
        "query($t: [String!]) { briefs(filter: {offices: $t}) { totalCount } }",
        {"t": ["x" * 5000]},
    ),
    (
        "many topics",
        "query($t: [String!]) { policies(filter: {topics: $t}) { totalCount } }",
        {"t": [f"t{i}" for i in range(5000)]},
    ),
    (
        "long search",
        "query($q: String!) { search(query: $q) { totalCount } }",
        {"q": "bail " * 5000},
    ),
    ("huge first", "{ policies(first: 99999999999) { totalCount } }", {}),
    # PostgreSQL cannot store NUL: it must be refused before any query is built.
    ("nul in slug", "query($s: String!) { office(slug: $s) { name } }", {"s": "a\x00b"}),
    ("nul in search", "query($q: String!) { search(query: $q) { totalCount } }", {"q": "bail\x00"}),
    ("nul in literal", '{ search(query: "bail\\u0000") { totalCount } }', {}),
    ("nul in block string", '{ office(slug: """a\x00""") { name } }', {}),
    (
        "nul in a list",
        "query($t: [String!]) { policies(filter: {topics: $t}) { totalCount } }",
        {"t": ["bail", "\x00"]},
    ),
    (
        "nul in a mutation",
        "mutation($c: String!) { revokeApiClient(clientId: $c) { errors { code } } }",
        {"c": "pn_\x00"},
    ),
    (
        "diff huge numbers",
        "query($id: ID!) { node(id: $id) { ... on Policy { diff(fromNumber: 1, toNumber: 2147483647) } } }",
        {"id": to_base64("Policy", "x@y")},
    ),
]


@pytest.mark.parametrize(("name", "query", "variables"), HOSTILE, ids=[h[0] for h in HOSTILE])
async def test_hostile_input_is_refused_clearly(
    app_client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    name: str,
    query: str,
    variables: dict,
) -> None:
    with caplog.at_level(logging.INFO):
        response = await app_client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"accept": "application/graphql-response+json"},
        )
    assert response.status_code in (200, 400), response.text
    body = response.json()
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
    assert "INTERNAL_SERVER_ERROR" not in codes, body
    assert codes <= {"INVALID_INPUT", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"}, body
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR], [
        r.getMessage() for r in caplog.records
    ]


async def test_hostile_input_leaves_the_instance_answering(app_client: httpx.AsyncClient) -> None:
    body = await gql(app_client, "{ policies(first: 1) { totalCount } }")
    assert body["data"]["policies"]["totalCount"] > 0


async def test_nul_is_refused_before_any_query_runs(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql",
        json={
            "query": "query($s: String!) { office(slug: $s) { name } }",
            "variables": {"s": "\x00"},
        },
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["errors"][0]["message"]
    literal = await app_client.post(
        "/graphql", json={"query": '{ office(slug: "\\u0000") { name } }'}
    )
    assert "NUL" in literal.json()["errors"][0]["message"], literal.text


@pytest.mark.parametrize(
    "url",
    ["/auth/login?office=a%00b", "/auth/callback/a%00b?code=x&state=y", "/graphql?query=%00"],
)
async def test_nul_in_a_url_is_a_400_on_every_route(
    app_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, url: str
) -> None:
    with caplog.at_level(logging.INFO):
        response = await app_client.get(url)
    assert response.status_code == 400, response.text
    assert "NUL" in response.text
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
