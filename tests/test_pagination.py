"""Every list pages by keyset where its order allows: pages are stable while rows are
added before the cursor, and follow each other without gaps or repeats."""

import httpx

from network.access.principal import SYSTEM
from network.offices.models import Office, OfficeKind, Region
from network.offices.service import NewOffice, create_office
from tests.conftest import gql

OFFICES = """
query($after: String) {
  offices(first: 5, after: $after) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { slug } }
  }
}
"""


async def _walk(client: httpx.AsyncClient, stop_after: int | None = None) -> list[str]:
    slugs: list[str] = []
    after = None
    pages = 0
    while True:
        page = (await gql(client, OFFICES, {"after": after}))["data"]["offices"]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        slugs += [e["node"]["slug"] for e in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"] or pages == stop_after:
            return slugs
        after = page["pageInfo"]["endCursor"]


async def test_office_pages_follow_the_name_order(app_client: httpx.AsyncClient) -> None:
    slugs = await _walk(app_client)
    expected = (
        await Office.filter(placeholder=False).order_by("name", "id").values_list("slug", flat=True)
    )
    assert slugs == list(expected)
    assert len(slugs) > 10


async def test_an_office_added_before_the_cursor_shifts_nothing(
    app_client: httpx.AsyncClient,
) -> None:
    first = (await gql(app_client, OFFICES, {}))["data"]["offices"]
    cursor = first["pageInfo"]["endCursor"]
    second = (await gql(app_client, OFFICES, {"after": cursor}))["data"]["offices"]
    added = await create_office(
        SYSTEM,
        NewOffice(
            "aaa-first-alphabetically",
            "AAA First Office",
            "Nowhere",
            "OH",
            OfficeKind.COUNTY,
            50_000,
            Region.MIDWEST,
        ),
        pseudonym_key=b"pagination test",
    )
    try:
        again = (await gql(app_client, OFFICES, {"after": cursor}))["data"]["offices"]
        assert again["edges"] == second["edges"]
    finally:
        await added.delete()
