"""Browsing policies, briefs and offices: pagination, filters and bad arguments."""

import base64

import httpx
import pytest

from network.app import OPERATIONS_DIR
from tests.conftest import gql

BROWSE = (OPERATIONS_DIR / "BrowsePolicies.graphql").read_text()


async def test_anonymous_browse_shows_only_published_public(app_client: httpx.AsyncClient) -> None:
    body = await gql(app_client, BROWSE, {"first": 100})
    nodes = [e["node"] for e in body["data"]["policies"]["edges"]]
    assert nodes, "the demo has public policies"
    assert {n["visibility"] for n in nodes} == {"PUBLIC"}
    assert {n["status"] for n in nodes} == {"PUBLISHED"}


async def test_pages_follow_cursors_without_overlap(app_client: httpx.AsyncClient) -> None:
    total = (await gql(app_client, BROWSE, {"first": 1}))["data"]["policies"]["totalCount"]
    seen: list[str] = []
    after = None
    while True:
        page = (await gql(app_client, BROWSE, {"first": 7, "after": after}))["data"]["policies"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == total


async def test_attribution_controls_office_field(app_client: httpx.AsyncClient) -> None:
    nodes = [
        e["node"]
        for e in (await gql(app_client, BROWSE, {"first": 100}))["data"]["policies"]["edges"]
    ]
    named = [n for n in nodes if n["attribution"] == "NAMED"]
    hidden = [n for n in nodes if n["attribution"] != "NAMED"]
    assert named and hidden
    assert all(n["office"] and n["office"]["name"] == n["attributedTo"] for n in named)
    assert all(n["office"] is None for n in hidden)
    generalized = [n for n in hidden if n["attribution"] == "GENERALIZED"]
    assert all(" office in the " in n["attributedTo"] for n in generalized)


async def test_topic_filter_includes_subtopics(app_client: httpx.AsyncClient) -> None:
    body = await gql(app_client, BROWSE, {"first": 100, "filter": {"topics": ["diversion"]}})
    nodes = [e["node"] for e in body["data"]["policies"]["edges"]]
    assert nodes
    diversion_family = {
        "diversion",
        "pre-charge-diversion",
        "post-charge-diversion",
        "restorative-justice",
    }
    for node in nodes:
        assert diversion_family & {t["slug"] for t in node["topics"]}


async def test_state_filter_matches_named_only(app_client: httpx.AsyncClient) -> None:
    body = await gql(
        app_client, BROWSE, {"first": 100, "filter": {"states": ["ny", "CA", "IL", "FL"]}}
    )
    nodes = [e["node"] for e in body["data"]["policies"]["edges"]]
    assert nodes
    assert all(
        n["attribution"] == "NAMED" and n["office"]["state"] in {"NY", "CA", "IL", "FL"}
        for n in nodes
    )


async def test_region_and_size_filters(app_client: httpx.AsyncClient) -> None:
    body = await gql(
        app_client,
        BROWSE,
        {"first": 100, "filter": {"regions": ["MIDWEST"], "sizeBands": ["MEDIUM"]}},
    )
    nodes = [e["node"] for e in body["data"]["policies"]["edges"]]
    assert nodes
    for node in nodes:
        assert node["attribution"] in {"NAMED", "GENERALIZED"}
        if node["office"]:
            assert (node["office"]["region"], node["office"]["sizeBand"]) == ("MIDWEST", "MEDIUM")
        else:
            assert node["attributedTo"] == "a mid-size office in the Midwest"


async def test_effective_date_range(app_client: httpx.AsyncClient) -> None:
    window = {"effectiveFrom": "2021-01-01", "effectiveTo": "2022-06-30"}
    nodes = [
        e["node"]
        for e in (await gql(app_client, BROWSE, {"first": 100, "filter": window}))["data"][
            "policies"
        ]["edges"]
    ]
    assert nodes
    assert all("2021-01-01" <= n["effectiveDate"] <= "2022-06-30" for n in nodes)


@pytest.mark.parametrize(
    ("variables", "code", "text"),
    [
        ({"first": -1}, "INVALID_INPUT", "between 1 and 100"),
        ({"first": 0}, "INVALID_INPUT", "between 1 and 100"),
        ({"first": 10_000}, "INVALID_INPUT", "between 1 and 100"),
        ({"after": "not-a-cursor"}, "INVALID_INPUT", "not a cursor"),
        (
            {"after": base64.urlsafe_b64encode(b"v1:office:3").decode()},
            "INVALID_INPUT",
            "not a cursor",
        ),
        ({"filter": {"topics": ["no-such-topic"]}}, "INVALID_INPUT", "Unknown topic"),
        ({"filter": {"states": ["California"]}}, "INVALID_INPUT", "two-letter"),
        (
            {"filter": {"effectiveFrom": "2024-01-01", "effectiveTo": "2023-01-01"}},
            "INVALID_INPUT",
            "after",
        ),
    ],
)
async def test_bad_arguments_are_clear_errors(
    app_client: httpx.AsyncClient, variables: dict, code: str, text: str
) -> None:
    body = await gql(app_client, BROWSE, variables)
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == code
    assert text in error["message"]


async def test_bad_enum_value_is_a_validation_error(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql",
        json={"query": BROWSE, "variables": {"filter": {"regions": ["MARS"]}}},
        headers={"accept": "application/graphql-response+json"},
    )
    assert response.status_code == 400
    assert "data" not in response.json()
    assert "MARS" in response.json()["errors"][0]["message"]


async def test_briefs_have_sections_and_metrics(app_client: httpx.AsyncClient) -> None:
    query = (OPERATIONS_DIR / "BrowseBriefs.graphql").read_text()
    nodes = [
        e["node"] for e in (await gql(app_client, query, {"first": 50}))["data"]["briefs"]["edges"]
    ]
    assert nodes
    assert all(n["sections"]["problem"] and n["evidenceLevel"] for n in nodes)
    assert any(n["linkedMetrics"] for n in nodes)


async def test_offices_directory_filters_and_pages(app_client: httpx.AsyncClient) -> None:
    query = (OPERATIONS_DIR / "Offices.graphql").read_text()
    everything = (await gql(app_client, query, {"first": 100}))["data"]["offices"]
    assert everything["totalCount"] >= 15
    names = [e["node"]["name"] for e in everything["edges"]]
    assert names == sorted(names)
    midwest = (await gql(app_client, query, {"filter": {"regions": ["MIDWEST"]}}))["data"][
        "offices"
    ]
    assert midwest["totalCount"] and all(e["node"]["region"] == "MIDWEST" for e in midwest["edges"])
    first = (await gql(app_client, query, {"first": 5}))["data"]["offices"]
    second = (await gql(app_client, query, {"first": 5, "after": first["pageInfo"]["endCursor"]}))[
        "data"
    ]["offices"]
    assert [e["node"]["name"] for e in first["edges"] + second["edges"]] == names[:10]


async def test_office_directory_never_exposes_pseudonyms(app_client: httpx.AsyncClient) -> None:
    response = await app_client.post(
        "/graphql", json={"query": "{ offices { edges { node { pseudonym } } } }"}
    )
    assert "Cannot query field 'pseudonym'" in response.json()["errors"][0]["message"]
