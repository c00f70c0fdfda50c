"""The two query helpers of `network.db`, pinned on both databases: a spliced subquery
keeps the parameters before and after it in their places (it is the one place that
uses Tortoise's private query compilation, so an upgrade that changes it fails here),
and `by_ids` batches, de-duplicates and honours a filtered queryset."""

import pytest
from tortoise import connections

from network.db import by_ids, subquery_sql
from network.publications.models import Publication, PublicationStatus, Visibility
from tests.conftest import ENGINE
from tests.diagnostics import count_queries


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


async def test_every_parameter_around_a_subquery_takes_part(settings) -> None:
    # given a filtered queryset with parameters, and a threshold that cuts its result
    filtered = Publication.filter(
        status=PublicationStatus.PUBLISHED, visibility__in=[Visibility.PUBLIC, Visibility.NETWORK]
    )
    ids = sorted(await filtered.filter(kind="POLICY").values_list("id", flat=True))
    threshold = ids[len(ids) // 2]
    expected = set(
        await filtered.filter(kind="POLICY", id__gt=threshold).values_list("id", flat=True)
    )
    # when it is spliced between one parameter before it and one after it
    sql, params = subquery_sql(filtered.values_list("id"), first_placeholder=2)
    if ENGINE == "postgres":
        after = f"${len(params) + 2}"
        query = f"SELECT id FROM publication WHERE kind = $1 AND id IN ({sql}) AND id > {after}"
    else:
        query = f"SELECT id FROM publication WHERE kind = ? AND id IN ({sql}) AND id > ?"
    rows = await connections.get("default").execute_query_dict(
        query, ["POLICY", *params, threshold]
    )
    # then the raw query finds exactly what the ORM finds, and every filter took part
    assert len(params) >= 3
    assert {row["id"] for row in rows} == expected
    assert 0 < len(expected) < len(ids)
    assert set(await Publication.filter(kind="POLICY").values_list("id", flat=True)) > set(ids)


async def test_a_subquery_alone_starts_at_the_first_placeholder(settings) -> None:
    filtered = Publication.filter(visibility=Visibility.PUBLIC, kind="BRIEF")
    sql, params = subquery_sql(filtered.values_list("id"))
    if ENGINE == "postgres":
        assert "$1" in sql
    rows = await connections.get("default").execute_query_dict(
        f"SELECT id FROM publication WHERE id IN ({sql})", params
    )
    assert {row["id"] for row in rows} == set(await filtered.values_list("id", flat=True))
    assert rows
    with pytest.raises(ValueError):
        subquery_sql(filtered.values_list("id"), first_placeholder=0)


async def test_by_ids_batches_and_filters(settings) -> None:
    ids = list(await Publication.all().order_by("id").limit(6).values_list("id", flat=True))
    assert await by_ids(Publication, []) == {}
    found = await by_ids(Publication, [*ids, ids[0], 10**9])
    assert sorted(found) == sorted(ids)
    assert all(found[i].id == i for i in ids)
    public = await by_ids(Publication.filter(visibility=Visibility.PUBLIC), ids)
    assert all(p.visibility == Visibility.PUBLIC for p in public.values())
    assert set(public) <= set(ids)


async def test_by_ids_is_one_query_and_keeps_only_what_the_queryset_shows(settings) -> None:
    # given ids of public items and of items a public reader may not see
    public = await Publication.filter(visibility=Visibility.PUBLIC).order_by("id").limit(3)
    hidden = await Publication.exclude(visibility=Visibility.PUBLIC).order_by("id").limit(3)
    assert len(public) == 3 and len(hidden) == 3
    wanted = [p.id for p in (*public, *hidden)]
    # when they are looked up through the public queryset, duplicates included
    with count_queries() as counter:
        found = await by_ids(Publication.filter(visibility=Visibility.PUBLIC), wanted * 2)
        nothing = await by_ids(Publication.filter(visibility=Visibility.PUBLIC), [])
    # then only the public ones come back, in one statement, and no ids cost none
    assert sorted(found) == sorted(p.id for p in public)
    assert nothing == {}
    assert len(counter.statements) == 1
