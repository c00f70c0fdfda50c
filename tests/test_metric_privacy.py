"""Differential privacy on released counts: noise drawn once per release and stored,
a persisted budget per office and month, uploads refused (and nothing stored) once a
month's budget would be overspent, suppression still applied first."""

import json
import math
import statistics
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from network.access.principal import Principal, member_principal
from network.app import create_app
from network.metrics import privacy, uploads
from network.metrics.models import (
    MetricDefinition,
    Observation,
    PrivacySpend,
    Release,
    ReleaseCell,
)
from network.metrics.releases import Cell, ReleasedCell, compute_cells
from network.offices.models import Member, Office, OfficeRole
from network.settings import Settings, load_settings
from tests.conftest import as_principal

ROOT = Path(__file__).resolve().parent.parent
OFFICE = "millbrook-county-prosecutor"
TODAY = date(2026, 12, 3)
HEADER = "office,metric,period,disaggregation,count,numerator,denominator,value\n"
K = 11


def _policy(epsilon: str = "1", budget: str = "10") -> uploads.ReleasePolicy:
    return uploads.ReleasePolicy(
        k=K, privacy=privacy.PrivacyPolicy(Decimal(epsilon), Decimal(budget))
    )


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{OFFICE},{row}\n" for row in rows)).encode()


def _bumped(period: str) -> tuple[str, ...]:
    """The month's figures with ten more declinations of misdemeanors."""
    rows = _month(period)
    return (
        *rows[:3],
        rows[3].replace("400,1200", "410,1200"),
        rows[4],
        rows[5].replace("250,700", "260,700"),
    )


def _month(period: str) -> tuple[str, ...]:
    return (
        f"cases_referred,{period},,2400,,,",
        f"cases_referred,{period},sex=female,700,,,",
        f"cases_referred,{period},sex=male,1700,,,",
        f"declination_rate,{period},,,400,1200,",
        f"declination_rate,{period},severity=felony,,150,500,",
        f"declination_rate,{period},severity=misdemeanor,,250,700,",
    )


async def _admin() -> tuple[Principal, int]:
    office = await Office.get(slug=OFFICE)
    member = await Member.filter(office_id=office.id, office_role=OfficeRole.OFFICE_ADMIN).first()
    assert member is not None
    principal = member_principal(
        office_id=office.id, member_id=member.id, role=OfficeRole.OFFICE_ADMIN
    )
    return principal, office.id


async def _upload(data: bytes, policy: uploads.ReleasePolicy, **kw) -> uploads.UploadReport:
    principal, office_id = await _admin()
    return await uploads.upload_observations(
        principal, office_id, data, policy=policy, today=TODAY, **kw
    )


async def _ledger(office_id: int) -> dict[date, Decimal]:
    totals: dict[date, Decimal] = {}
    for row in await PrivacySpend.filter(office_id=office_id):
        totals[row.month] = totals.get(row.month, Decimal(0)) + Decimal(row.epsilon)
    return totals


async def test_noise_is_drawn_once_stored_and_charged_to_the_month(settings) -> None:
    _, office_id = await _admin()
    policy = _policy("1", "10")
    report = await _upload(_csv(*_month("2018-03")), policy)
    assert report.valid, report.problems
    # Two tables: counts with a total and one additive dimension (sensitivity 2),
    # a rate with a total and one dimension (numerator and denominator: 4). Each
    # costs epsilon 1 as OpenDP accounts for it.
    assert report.privacy_spent == Decimal(2)
    assert (await _ledger(office_id))[date(2018, 3, 1)] == Decimal(2)
    releases = await Release.filter(
        office_id=office_id, period_start=date(2018, 3, 1), superseded_at=None
    )
    assert {r.method for r in releases} == {"suppression+laplace"}
    assert all(Decimal(r.epsilon) == Decimal(1) for r in releases)
    stored = {
        (c.metric_id, c.disaggregation): c
        for c in await ReleaseCell.filter(release_id__in=[r.id for r in releases])
    }
    shown = {(t.metric, c.disaggregation): c for t in report.tables for c in t.cells}
    referred = await MetricDefinition.get(key="cases_referred")
    assert stored[referred.id, ""].count == shown["cases_referred", ""].count
    # The raw figures stay in the office; what was released is what is stored.
    raw = await Observation.get(
        office_id=office_id, metric_id=referred.id, period_start=date(2018, 3, 1),
        disaggregation="",
    )  # fmt: skip
    assert raw.count == 2400
    # The same figures again: nothing is released, noised or spent again.
    again = await _upload(_csv(*_month("2018-03")), policy)
    assert again.valid and again.unchanged == 2 and again.privacy_spent == Decimal(0)
    assert not again.tables
    assert (await _ledger(office_id))[date(2018, 3, 1)] == Decimal(2)
    now = await Release.filter(
        office_id=office_id, period_start=date(2018, 3, 1), superseded_at=None
    )
    assert {r.id for r in now} == {r.id for r in releases}


async def test_an_upload_past_the_budget_is_refused_and_nothing_is_stored(settings) -> None:
    _, office_id = await _admin()
    policy = _policy("1", "3")
    first = await _upload(_csv(*_month("2018-04")), policy)
    assert first.valid and first.privacy_spent == Decimal(2)
    before_obs = await Observation.filter(office_id=office_id).count()
    before_releases = await Release.filter(office_id=office_id).count()
    before_ledger = await _ledger(office_id)
    # Both tables of April change: 2 + 2 > 3.
    both = _csv(
        *(r.replace("2400", "2401").replace("1700", "1701") for r in _month("2018-04")[:3]),
        *_bumped("2018-04")[3:],
    )
    # Only April's rate changes (1 more) and May is new (2): within both budgets.
    changed = _csv(*_bumped("2018-04"), *_month("2018-05"))
    refused = await _upload(both, policy)
    assert not refused.valid
    assert len(refused.problems) == 1
    message = str(refused.problems[0])
    assert "privacy budget of 2018-04" in message and "2 of 3 used" in message
    assert "needs 2 more" in message
    assert await Observation.filter(office_id=office_id).count() == before_obs
    assert await Release.filter(office_id=office_id).count() == before_releases
    assert await _ledger(office_id) == before_ledger
    # A dry run reports the same refusal; one that fits says what it would spend.
    dry = await _upload(both, policy, dry_run=True)
    assert not dry.valid and "privacy budget of 2018-04" in str(dry.problems[0])
    fits = await _upload(changed, policy, dry_run=True)
    assert fits.valid and fits.privacy_spent == Decimal(3) and fits.unchanged == 1
    assert await _ledger(office_id) == before_ledger
    # A dry run draws no noise: it shows the office its own figures after suppression.
    rate = {(t.metric, t.period): t for t in fits.tables}["declination_rate", "2018-04"]
    assert {c.disaggregation: c.numerator for c in rate.cells}[""] == 410
    stored = await _upload(changed, policy)
    assert stored.valid and (await _ledger(office_id))[date(2018, 4, 1)] == Decimal(3)
    assert (await _ledger(office_id))[date(2018, 5, 1)] == Decimal(2)
    # April is now spent: any change to it is refused.
    spent = await _upload(_csv(*_month("2018-04")), policy)
    assert not spent.valid and "2018-04" in str(spent.problems[0])


async def test_a_quarterly_table_is_charged_to_each_of_its_months(settings) -> None:
    _, office_id = await _admin()
    policy = _policy("0.5", "10")
    report = await _upload(_csv("staff_retention_rate,2017-Q2,,,180,200,"), policy)
    assert report.valid, report.problems
    ledger = await _ledger(office_id)
    assert [ledger.get(date(2017, m, 1)) for m in (4, 5, 6)] == [Decimal("0.5")] * 3
    assert date(2017, 7, 1) not in ledger


def _table(definition: MetricDefinition, cells: list[Cell]) -> list[ReleasedCell]:
    return compute_cells(definition, cells, K)


async def test_noised_tables_keep_the_k_promise_and_stay_consistent(settings) -> None:
    referred = await MetricDefinition.get(key="cases_referred")
    declined = await MetricDefinition.get(key="declination_rate")
    counts = [Cell("", 60), Cell("sex=female", 14), Cell("sex=male", 46)]
    rates = [
        Cell("", numerator=30, denominator=60),
        Cell("severity=felony", numerator=14, denominator=25),
        Cell("severity=misdemeanor", numerator=16, denominator=35),
    ]
    seen_counts, seen_hidden = set(), 0
    for _ in range(300):
        for cell in privacy.noised(referred, _table(referred, counts), K, Decimal("0.2")):
            assert cell.count is None or cell.count == 0 or cell.count >= K
            if cell.count is not None:
                seen_counts.add(cell.count)
            seen_hidden += cell.hidden
        for cell in privacy.noised(declined, _table(declined, rates), K, Decimal("0.2")):
            if cell.hidden:
                assert cell.value is None and cell.numerator is None
                continue
            assert cell.numerator is not None and cell.denominator is not None
            assert 0 <= cell.numerator <= cell.denominator
            for n in (cell.numerator, cell.denominator, cell.denominator - cell.numerator):
                assert n == 0 or n >= K
    assert len(seen_counts) > 20  # the noise is real (scale 10 at epsilon 0.2)
    assert seen_hidden > 0  # and can push a count under k, which then hides it


async def test_noise_has_the_scale_the_budget_pays_for(settings) -> None:
    referred = await MetricDefinition.get(key="cases_referred")
    cells = [ReleasedCell("", None, 100_000, None, None, "")]
    for epsilon in (Decimal("0.1"), Decimal("1")):
        # Discrete Laplace with scale b = 1 / epsilon: mean 0, mean absolute deviation
        # 2a / (1 - a^2) with a = exp(-1 / b).
        a = math.exp(-float(epsilon))
        expected = 2 * a / (1 - a * a)
        draws = [
            privacy.noised(referred, cells, K, epsilon)[0].count - 100_000  # type: ignore[operator]
            for _ in range(2000)
        ]
        assert abs(statistics.fmean(draws)) < expected * 0.15
        spread = statistics.fmean(abs(d) for d in draws)
        assert expected * 0.9 < spread < expected * 1.1, (epsilon, spread, expected)


async def test_sensitivity_counts_every_cell_one_case_can_reach(settings) -> None:
    declined = await MetricDefinition.get(key="declination_rate")
    cells = [ReleasedCell(name, None, None, 1, 2, "") for name in (
        "", "severity=felony", "severity=misdemeanor", "sex=female", "sex=male")]  # fmt: skip
    assert privacy.sensitivity(declined, cells) == (1 + 1 + 1) * 2
    overlapping = SimpleNamespace(unit=declined.unit, non_additive=["sex"])
    assert privacy.sensitivity(overlapping, cells) == (1 + 1 + 2) * 2  # type: ignore[arg-type]
    assert privacy.months_of(date(2020, 11, 1), "QUARTERLY") == [
        date(2020, 11, 1), date(2020, 12, 1), date(2021, 1, 1)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("epsilon", "budget", "message"),
    [
        ("1", "", "Set both"),
        ("", "4", "Set both"),
        ("0", "4", "must be above 0"),
        ("2", "1", "is below NETWORK_DP_EPSILON"),
        ("abc", "4", "must be a decimal number"),
        ("nan", "4", "must be a decimal number"),
    ],
)
def test_privacy_settings_that_cannot_work_stop_the_start(
    monkeypatch: pytest.MonkeyPatch, epsilon: str, budget: str, message: str
) -> None:
    monkeypatch.setenv("NETWORK_DP_EPSILON", epsilon)
    monkeypatch.setenv("NETWORK_DP_BUDGET", budget)
    with pytest.raises(ValueError, match=message):
        load_settings()


def test_privacy_is_off_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETWORK_DP_EPSILON", raising=False)
    monkeypatch.delenv("NETWORK_DP_BUDGET", raising=False)
    assert uploads.ReleasePolicy.of(load_settings()).privacy is None
    monkeypatch.setenv("NETWORK_DP_EPSILON", "0.5")
    monkeypatch.setenv("NETWORK_DP_BUDGET", "12")
    settings: Settings = load_settings()
    assert uploads.ReleasePolicy.of(settings).privacy == privacy.PrivacyPolicy(
        Decimal("0.5"), Decimal(12)
    )


async def test_graphql_upload_reports_what_it_spends_and_refuses_past_the_budget(
    settings: Settings,
) -> None:
    principal, office_id = await _admin()
    app = create_app(
        replace(
            settings,
            response_cache_enabled=False,
            dp_epsilon=Decimal("1.5"),
            dp_budget=Decimal("3"),
        )
    )
    document = (ROOT / "graphql" / "operations" / "UploadMetrics.graphql").read_text()

    def multipart(csv: bytes, dry_run: bool) -> dict:
        operations = {"query": document, "variables": {"input": {"file": None, "dryRun": dry_run}}}
        return {
            "data": {
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.input.file"]}),
            },
            "files": {"0": ("figures.csv", csv, "text/csv")},
        }

    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
        ) as plain,
        as_principal(plain, principal) as client,
    ):
        dry = (await client.post("/graphql", **multipart(_csv(*_month("2016-07")), True))).json()
        result = dry["data"]["uploadMetrics"]
        assert result["valid"] and result["dryRun"] and result["privacySpent"] == 3.0
        stored = (
            await client.post("/graphql", **multipart(_csv(*_month("2016-07")), False))
        ).json()
        result = stored["data"]["uploadMetrics"]
        assert result["valid"] and result["privacySpent"] == 3.0
        assert {t["version"] for t in result["tables"]} == {1}
        refused = (
            await client.post("/graphql", **multipart(_csv(*_bumped("2016-07")), False))
        ).json()
        result = refused["data"]["uploadMetrics"]
        assert result["valid"] is False and result["tables"] == []
        assert result["problems"][0]["line"] == 0
        assert "privacy budget of 2016-07" in result["problems"][0]["message"]
    assert (await _ledger(office_id))[date(2016, 7, 1)] == Decimal(3)
