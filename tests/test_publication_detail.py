"""One publication: full text, history, diffs between revisions, and facet counts."""

import httpx

from network.app import OPERATIONS_DIR
from network.publications.models import (
    Publication,
    PublicationKind,
    PublicationStatus,
    Revision,
    Visibility,
)
from network.publications.queries import revision_text
from tests.conftest import gql, node_id

DETAIL = (OPERATIONS_DIR / "PublicationDetail.graphql").read_text()
DIFF = (OPERATIONS_DIR / "RevisionDiff.graphql").read_text()
FACETS = (OPERATIONS_DIR / "PublicationFacets.graphql").read_text()
BROWSE = (OPERATIONS_DIR / "BrowsePolicies.graphql").read_text()


async def _public(kind: PublicationKind, min_revisions: int = 2) -> Publication:
    item = await Publication.filter(
        kind=kind,
        status=PublicationStatus.PUBLISHED,
        visibility=Visibility.PUBLIC,
        revision_count__gte=min_revisions,
    ).first()
    assert item is not None
    return item


async def test_policy_detail_has_history(app_client: httpx.AsyncClient, settings) -> None:
    policy = await _public(PublicationKind.POLICY)
    node = (await gql(app_client, DETAIL, {"id": node_id(policy)}))["data"]["node"]
    assert node["__typename"] == "Policy"
    assert node["revisionCount"] == policy.revision_count == len(node["revisions"])
    assert [r["number"] for r in node["revisions"]] == list(range(1, policy.revision_count + 1))
    assert node["latestRevision"]["number"] == policy.revision_count
    assert node["latestRevision"]["body"]
    assert node["origin"] == {
        "id": "test.instance",
        "name": settings.instance_name,
        "itemId": policy.origin_id,
        "version": policy.version,
    }


async def test_brief_detail_has_sections_and_metrics(app_client: httpx.AsyncClient) -> None:
    brief = await _public(PublicationKind.BRIEF)
    node = (await gql(app_client, DETAIL, {"id": node_id(brief)}))["data"]["node"]
    sections = node["latestRevision"]["sections"]
    assert all(
        sections[k] for k in ("problem", "practice", "implementation", "outcomes", "costStaffing")
    )
    assert node["evidenceLevel"] in {
        "ANECDOTAL",
        "DESCRIPTIVE",
        "QUASI_EXPERIMENTAL",
        "EXPERIMENTAL",
    }
    assert node["linkedMetrics"]


async def test_diff_between_revisions(app_client: httpx.AsyncClient) -> None:
    policy = await _public(PublicationKind.POLICY)
    first, last = await Revision.filter(
        publication_id=policy.id, number__in=[1, policy.revision_count]
    ).order_by("number")
    variables = {
        "id": node_id(policy),
        "fromNumber": 1,
        "toNumber": policy.revision_count,
    }
    diff = (await gql(app_client, DIFF, variables))["data"]["node"]["diff"]
    assert diff.startswith(f"--- revision 1\n+++ revision {policy.revision_count}\n")
    before = revision_text(first).splitlines()
    after = revision_text(last).splitlines()
    body = [line for line in diff.splitlines()[2:] if not line.startswith("@@")]
    assert any(line.startswith(("+", "-")) for line in body)
    for line in body:
        marker, text = line[:1], line[1:]
        if marker == "+":
            assert text in after
        elif marker == "-":
            assert text in before
        else:
            assert text in before and text in after


async def test_diff_refuses_bad_revision_numbers(app_client: httpx.AsyncClient) -> None:
    policy = await _public(PublicationKind.POLICY)
    gid = node_id(policy)
    for from_number, to_number, text in (
        (1, 99, "Revision 99 does not exist"),
        (2, 2, "two different"),
        (0, 1, "Revision 0 does not exist"),
    ):
        body = await gql(
            app_client, DIFF, {"id": gid, "fromNumber": from_number, "toNumber": to_number}
        )
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
        assert text in body["errors"][0]["message"]


async def test_facets_add_up(app_client: httpx.AsyncClient) -> None:
    facets = (await gql(app_client, FACETS, {"kind": "POLICY"}))["data"]["publicationFacets"]
    total = (await gql(app_client, BROWSE, {"first": 1}))["data"]["policies"]["totalCount"]
    assert facets["total"] == total
    assert sum(r["count"] for r in facets["regions"]) + facets["undisclosedPlace"] == total
    assert sum(b["count"] for b in facets["sizeBands"]) + facets["undisclosedPlace"] == total
    assert facets["undisclosedPlace"] > 0
    counts = [t["count"] for t in facets["topics"]]
    assert counts == sorted(counts, reverse=True) and sum(counts) >= total


async def test_facets_follow_the_filter(app_client: httpx.AsyncClient) -> None:
    facets = (await gql(app_client, FACETS, {"kind": "POLICY", "filter": {"regions": ["SOUTH"]}}))[
        "data"
    ]["publicationFacets"]
    assert facets["total"] > 0
    assert [r["region"] for r in facets["regions"]] == ["SOUTH"]
    assert facets["undisclosedPlace"] == 0
    browse = (await gql(app_client, BROWSE, {"first": 1, "filter": {"regions": ["SOUTH"]}}))[
        "data"
    ]["policies"]
    assert facets["total"] == browse["totalCount"]
