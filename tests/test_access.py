"""Visibility: who sees which publications, through lists, nodes and search alike."""

import httpx
from strawberry.relay import to_base64

from network.access.principal import member_principal
from network.api.publications.types import PolicyType
from network.offices.models import Office, OfficeRole
from network.publications.models import Publication, PublicationKind, PublicationStatus, Visibility
from tests.conftest import as_principal, gql, node_id

NODE = "query($id: ID!) { node(id: $id) { id ... on Publication { title status visibility } } }"


def _gid(publication: Publication) -> str:
    return node_id(publication)


async def _member(office: Office, role: OfficeRole):
    return member_principal(office_id=office.id, member_id=0, role=role, label="test")


async def test_office_only_item_is_not_found_for_others(
    settings, app_client: httpx.AsyncClient
) -> None:
    item = await Publication.filter(
        visibility=Visibility.OFFICE, status=PublicationStatus.PUBLISHED
    ).first()
    assert item is not None
    other = await Office.exclude(id=item.office_id).first()
    owner = await Office.get(id=item.office_id)
    missing_id = to_base64("Policy", 999_999)
    anonymous = (await gql(app_client, NODE, {"id": _gid(item)}))["data"]["node"]
    assert anonymous is None
    assert (await gql(app_client, NODE, {"id": missing_id}))["data"]["node"] is None
    async with as_principal(app_client, await _member(other, OfficeRole.OFFICE_ADMIN)) as client:
        assert (await gql(client, NODE, {"id": _gid(item)}))["data"]["node"] is None
    async with as_principal(app_client, await _member(owner, OfficeRole.VIEWER)) as client:
        node = (await gql(client, NODE, {"id": _gid(item)}))["data"]["node"]
        assert node["title"] == item.title


async def test_drafts_stay_with_the_office_editors(settings, app_client: httpx.AsyncClient) -> None:
    draft = await Publication.filter(status=PublicationStatus.DRAFT).first()
    assert draft is not None
    owner = await Office.get(id=draft.office_id)
    other = await Office.exclude(id=draft.office_id).first()
    assert other is not None
    async with as_principal(app_client, await _member(owner, OfficeRole.PUBLISHER)) as client:
        assert (await gql(client, NODE, {"id": _gid(draft)}))["data"]["node"]["status"] == "DRAFT"
    async with as_principal(app_client, await _member(owner, OfficeRole.VIEWER)) as client:
        assert (await gql(client, NODE, {"id": _gid(draft)}))["data"]["node"] is None
    async with as_principal(app_client, await _member(other, OfficeRole.OFFICE_ADMIN)) as client:
        assert (await gql(client, NODE, {"id": _gid(draft)}))["data"]["node"] is None


async def test_members_see_network_items_anonymous_do_not(
    settings, app_client: httpx.AsyncClient
) -> None:
    query = "{ policies(first: 100) { totalCount edges { node { visibility } } } }"
    anonymous = (await gql(app_client, query))["data"]["policies"]
    office = await Office.first()
    assert office is not None
    async with as_principal(app_client, await _member(office, OfficeRole.VIEWER)) as client:
        member = (await gql(client, query))["data"]["policies"]
    assert member["totalCount"] > anonymous["totalCount"]
    visibilities = {e["node"]["visibility"] for e in member["edges"]}
    assert {"NETWORK", "PUBLIC"} <= visibilities


async def test_wrong_type_in_global_id_is_not_found(
    settings, app_client: httpx.AsyncClient
) -> None:
    brief = await Publication.filter(
        kind=PublicationKind.BRIEF, visibility=Visibility.PUBLIC, status=PublicationStatus.PUBLISHED
    ).first()
    assert brief is not None
    as_policy = node_id(brief, PolicyType.__name__.replace("Type", ""))
    assert (await gql(app_client, NODE, {"id": as_policy}))["data"]["node"] is None
    assert (await gql(app_client, NODE, {"id": _gid(brief)}))["data"]["node"][
        "title"
    ] == brief.title


async def test_malformed_global_id_is_a_clear_error(app_client: httpx.AsyncClient) -> None:
    for bad in ("not-base64!", to_base64("NoSuchType", 1)):
        body = await gql(app_client, NODE, {"id": bad})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT", body
        assert body["errors"][0]["message"] == "Not an id this instance issued."
    # A well-formed id of a known type whose key cannot exist is simply not found.
    assert (await gql(app_client, NODE, {"id": to_base64("Policy", "abc")}))["data"]["node"] is None
