"""Ids and cursors a client sees reveal no row ids (which would count hidden items),
and old row-id based ids no longer resolve."""

import base64

import httpx
from strawberry.relay import from_base64, to_base64

from network.api.core.ids import revision_node_id
from network.publications.models import Publication, PublicationStatus, Visibility
from tests.conftest import gql, node_id

BROWSE = """
query($first: Int, $after: String) {
  policies(first: $first, after: $after) {
    pageInfo { endCursor }
    edges { cursor node { id origin { id itemId } latestRevision { id number } } }
  }
}
"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Revision { number title } ... on Policy { title } } }"


async def test_global_ids_name_the_origin_not_the_row(app_client: httpx.AsyncClient) -> None:
    page = (await gql(app_client, BROWSE, {"first": 10}))["data"]["policies"]
    assert len(page["edges"]) == 10
    for edge in page["edges"]:
        node = edge["node"]
        type_name, key = from_base64(node["id"])
        row = await Publication.get(origin_id=node["origin"]["itemId"])
        assert type_name == "Policy"
        assert key == f"{node['origin']['itemId']}@{node['origin']['id']}"
        assert str(row.id) not in key.split("@")[0].split("-")
        revision_type, revision_key = from_base64(node["latestRevision"]["id"])
        assert revision_type == "Revision"
        assert revision_key == f"{key}/{node['latestRevision']['number']}"


async def test_row_ids_no_longer_resolve(app_client: httpx.AsyncClient) -> None:
    item = await Publication.filter(
        kind="POLICY", visibility=Visibility.PUBLIC, status=PublicationStatus.PUBLISHED
    ).first()
    assert item is not None
    found = (await gql(app_client, NODE, {"id": node_id(item)}))["data"]["node"]
    assert found["title"] == item.title
    assert (await gql(app_client, NODE, {"id": to_base64("Policy", item.id)}))["data"][
        "node"
    ] is None
    assert (await gql(app_client, NODE, {"id": to_base64("Revision", item.head_revision_id)}))[
        "data"
    ]["node"] is None


async def test_revision_ids_resolve_only_where_the_publication_is_visible(
    app_client: httpx.AsyncClient,
) -> None:
    public = await Publication.filter(
        visibility=Visibility.PUBLIC, status=PublicationStatus.PUBLISHED
    ).first()
    hidden = await Publication.filter(visibility=Visibility.OFFICE).first()
    assert public is not None and hidden is not None
    ok = to_base64("Revision", revision_node_id(public.origin_instance, public.origin_id, 1))
    node = (await gql(app_client, NODE, {"id": ok}))["data"]["node"]
    assert node["number"] == 1 and node["id"] == ok
    for key in (
        revision_node_id(hidden.origin_instance, hidden.origin_id, 1),
        revision_node_id(public.origin_instance, public.origin_id, 99),
        revision_node_id(public.origin_instance, public.origin_id, 0) + "9" * 40,
        f"{public.origin_id}@{public.origin_instance}/١",
        "x" * 500 + "@" + "y" * 500 + "/1",
    ):
        body = await gql(app_client, NODE, {"id": to_base64("Revision", key)})
        assert body["data"]["node"] is None, (key, body)


async def test_cursors_are_sealed_and_bound_to_their_list(app_client: httpx.AsyncClient) -> None:
    page = (await gql(app_client, BROWSE, {"first": 5}))["data"]["policies"]
    cursor = page["pageInfo"]["endCursor"]
    # The position inside is not readable: no row id appears in the decoded bytes.
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    last = await Publication.get(origin_id=page["edges"][-1]["node"]["origin"]["itemId"])
    assert str(last.id).encode() not in raw
    assert last.id.to_bytes(8, "big") not in raw
    # The same page always gets the same cursors (responses stay cacheable).
    again = (await gql(app_client, BROWSE, {"first": 5}))["data"]["policies"]
    assert again["pageInfo"]["endCursor"] == cursor
    # The next page follows on.
    following = (await gql(app_client, BROWSE, {"first": 5, "after": cursor}))["data"]["policies"]
    assert following["edges"][0]["node"]["id"] not in {e["node"]["id"] for e in page["edges"]}
    # A cursor of another list, a tampered one and an old readable one are refused.
    tampered = cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BB")
    legacy = base64.urlsafe_b64encode(f"v1:pub:{last.id}".encode()).decode().rstrip("=")
    for bad, query in (
        (cursor, "query($a: String) { offices(after: $a) { totalCount } }"),
        (cursor, 'query($a: String) { search(query: "bail", after: $a) { totalCount } }'),
        (tampered, "query($a: String) { policies(after: $a) { totalCount } }"),
        (legacy, "query($a: String) { policies(after: $a) { totalCount } }"),
        ("é" * 32, "query($a: String) { policies(after: $a) { totalCount } }"),
    ):
        body = await gql(app_client, query, {"a": bad})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT", body
