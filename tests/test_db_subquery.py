"""The one helper that turns a queryset into SQL for raw queries, pinned on both
databases: parameters before and after the spliced subquery keep their places."""

from tortoise import connections

from network.db import by_ids, subquery_sql
from network.publications.models import Publication, PublicationStatus, Visibility
from tests.conftest import ENGINE


async def test_a_spliced_subquery_matches_the_orm(settings) -> None:
    filtered = Publication.filter(
        status=PublicationStatus.PUBLISHED, visibility__in=[Visibility.PUBLIC, Visibility.NETWORK]
    )
    expected = set(await filtered.filter(kind="POLICY").values_list("id", flat=True))
    sql, params = subquery_sql(filtered.values_list("id"), first_placeholder=2)
    if ENGINE == "postgres":
        query = (
            f"SELECT id FROM publication WHERE kind = $1 AND id IN ({sql}) "
            f"AND id > ${len(params) + 2}"
        )
    else:
        query = f"SELECT id FROM publication WHERE kind = ? AND id IN ({sql}) AND id > ?"
    rows = await connections.get("default").execute_query_dict(query, ["POLICY", *params, 0])
    assert {row["id"] for row in rows} == expected
    assert len(expected) > 5


async def test_by_ids_batches_and_filters(settings) -> None:
    ids = list(await Publication.all().order_by("id").limit(6).values_list("id", flat=True))
    assert await by_ids(Publication, []) == {}
    found = await by_ids(Publication, [*ids, ids[0], 10**9])
    assert sorted(found) == sorted(ids)
    public = await by_ids(Publication.filter(visibility=Visibility.PUBLIC), ids)
    assert all(p.visibility == Visibility.PUBLIC for p in public.values())
    assert set(public) <= set(ids)
