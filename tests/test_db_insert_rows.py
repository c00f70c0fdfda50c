"""Bulk inserts store what the ORM would store: values of the field's type pass as
they are, everything else goes through the field's own conversion, and a value the
field refuses is refused before anything is written."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from tortoise.exceptions import ValidationError

from network.db import insert_rows
from network.metrics.models import MetricDefinition, Observation, Release
from network.offices.models import Office
from network.transactions import atomic

COLUMNS = (
    "office_id", "metric_id", "period_start", "disaggregation", "count", "value", "created_at",
)  # fmt: skip


async def test_bulk_rows_read_back_as_orm_rows(settings) -> None:
    office = await Office.get(slug="north-fork-county-attorney")
    metric = await MetricDefinition.get(key="median_days_to_disposition")
    eastern = timezone(timedelta(hours=-5))
    when = datetime(2019, 1, 2, 3, 4, 5, tzinfo=eastern)
    rows = [
        # Plain values of each field's type.
        (office.id, metric.id, date(1990, 1, 1), "", 40, Decimal("12.5"), when),
        # Values the fields convert: an int for a decimal, a float count, a string
        # date, a timestamp in another zone.
        (
            office.id,
            metric.id,
            "1990-02-01",
            "sex=female",
            12.0,
            7,
            datetime(2019, 5, 6, 7, tzinfo=timezone(timedelta(hours=2))),
        ),
    ]
    assert await insert_rows(Observation, COLUMNS, rows) == 2
    orm = [
        await Observation.create(
            office_id=office.id,
            metric_id=metric.id,
            period_start=period,
            disaggregation=name,
            count=count,
            value=value,
            created_at=created,
        )
        for period, name, count, value, created in (
            (date(1990, 3, 1), "", 40, Decimal("12.5"), when),
            (
                "1990-04-01",
                "sex=female",
                12.0,
                7,
                datetime(2019, 5, 6, 7, tzinfo=timezone(timedelta(hours=2))),
            ),
        )
    ]
    bulk = await Observation.filter(
        office_id=office.id, metric_id=metric.id, period_start__lt=date(1990, 3, 1)
    ).order_by("period_start")
    fresh = [await Observation.get(id=o.id) for o in orm]
    for mine, theirs in zip(bulk, fresh, strict=True):
        assert mine.disaggregation == theirs.disaggregation
        assert mine.count == theirs.count and type(mine.count) is int
        assert Decimal(mine.value) == Decimal(theirs.value)
        assert mine.created_at == theirs.created_at
        assert mine.created_at.tzinfo is not None
    assert bulk[0].created_at == when.astimezone(UTC)
    assert bulk[1].period_start == date(1990, 2, 1)


async def test_a_value_the_field_refuses_stops_the_whole_insert(settings) -> None:
    office = await Office.get(slug="north-fork-county-attorney")
    metric = await MetricDefinition.get(key="cases_referred")
    before = await Observation.filter(office_id=office.id, metric_id=metric.id).count()
    rows = [
        (office.id, metric.id, date(1991, 1, 1), "", 1, None, datetime.now(UTC)),
        (office.id, metric.id, date(1991, 2, 1), "x" * 121, 1, None, datetime.now(UTC)),
    ]
    with pytest.raises(ValidationError, match="disaggregation"):
        async with atomic():
            await insert_rows(Observation, COLUMNS, rows)
    assert await Observation.filter(office_id=office.id, metric_id=metric.id).count() == before
    with pytest.raises(ValueError):
        await insert_rows(
            Release,
            ("office_id", "metric_id", "period_start", "version", "method", "k"),
            [(office.id, metric.id, date(1991, 1, 1), "two", "suppression", 11)],
        )
    assert not await Release.filter(office_id=office.id, period_start=date(1991, 1, 1)).exists()
