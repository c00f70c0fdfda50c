"""Comparisons, exports and what no combination of them can reveal: hidden cells stay
hidden, small counts never show, pseudonyms stay untied to their offices."""

import csv
import io
import json
import statistics
from collections import defaultdict
from datetime import date

import httpx
import pytest

from network.access.principal import ANONYMOUS, Principal, PrincipalKind, member_principal
from network.access.scopes import METRICS_WRITE
from network.audit.models import AuditEvent
from network.comparisons.export import neutralise
from network.metrics.models import MetricDefinition, Observation, ReleaseCell
from network.metrics.suppression import UNSTABLE_BELOW
from network.offices.models import Attribution, Member, Office, OfficeRole
from tests.conftest import as_principal, gql

K = 11
HOME = "three-rivers-county-prosecutor"  # NAMED, MEDIUM, MIDWEST
PSEUDONYMOUS = "maumee-county-prosecutor"  # PSEUDONYMOUS, MEDIUM, MIDWEST
COMPARE = """
query($input: MetricComparisonInput!) {
  metricComparison(input: $input) {
    metric unit minimumOffices peerTrendPerYear
    series { label attribution own counted localDefinition trendPerYear
             points { period value count numerator denominator flag rank }
             policies { id title effectiveDate beforeMean afterMean } }
    peers { period offices median lowerQuartile upperQuartile }
  }
}"""


async def _viewer(slug: str = HOME) -> Principal:
    office = await Office.get(slug=slug)
    member = await Member.filter(office_id=office.id).order_by("id").first()
    assert member is not None
    return member_principal(office_id=office.id, member_id=member.id, role=OfficeRole.VIEWER)


async def _compare(app_client: httpx.AsyncClient, principal: Principal, **input) -> dict:
    async with as_principal(app_client, principal) as client:
        body = await gql(client, COMPARE, {"input": input})
    assert "errors" not in body, body
    return body["data"]["metricComparison"]


async def test_no_released_cell_shows_a_small_count(settings) -> None:
    rows = await ReleaseCell.all().values_list("count", "numerator", "denominator", "flag")
    assert len(rows) > 50_000
    hidden = 0
    for count, numerator, denominator, flag in rows:
        shown = [c for c in (count, numerator, denominator) if c is not None]
        if numerator is not None and denominator is not None:
            shown.append(denominator - numerator)
        assert not any(0 < c < K for c in shown), (count, numerator, denominator, flag)
        hidden += flag not in ("", "unstable")
        if flag == "unstable":
            assert any(K <= c < UNSTABLE_BELOW for c in shown)
    assert hidden > 1000, "the demo has small cells for the engine to hide"


async def test_hidden_cells_cannot_be_recomputed_from_released_ones(settings) -> None:
    """Attacker: total minus the shown cells of a dimension. Where a cell is hidden
    and the total shown, at least two cells are hidden and together they hold 0 or
    at least k people (checked against the raw figures)."""
    metrics = {m.id: m for m in await MetricDefinition.all()}
    cells = await ReleaseCell.filter(current=True).values_list(
        "office_id", "metric_id", "period_start", "disaggregation", "flag"
    )
    tables: dict[tuple, dict[str, str]] = defaultdict(dict)
    for office, metric, period, name, flag in cells:
        tables[office, metric, period][name] = flag
    checked = 0
    for (office, metric, period), flags in tables.items():
        definition = metrics[metric]
        if (
            definition.derived_from
            or definition.unit == "RATIO"
            or flags.get("") not in ("", "unstable")
        ):
            continue
        hidden = {n for n, f in flags.items() if f not in ("", "unstable")}
        if not hidden:
            continue
        raw = {
            o.disaggregation: o
            for o in await Observation.filter(
                office_id=office, metric_id=metric, period_start=period
            )
        }
        for dimension in {n.partition("=")[0] for n in hidden}:
            if dimension in (definition.non_additive or ()):
                continue
            mine = [n for n in hidden if n.startswith(dimension + "=")]
            assert len(mine) >= 2, (definition.key, period, mine)
            for part in ("count", "numerator", "denominator"):
                held = sum(getattr(raw[n], part) or 0 for n in mine)
                assert held == 0 or held >= K, (definition.key, period, mine, part, held)
            checked += 1
    assert checked > 500


async def test_peer_statistics_use_released_values_only(settings, app_client) -> None:
    """Attacker: differencing peer groups. Every statistic is recomputed here from the
    released values the answer itself shows, so nothing hidden can be behind it."""
    answer = await _compare(
        app_client, await _viewer(), metric="diversion_offered_rate", **{"from": "2024-01"},
        to="2025-12", sizeBands=["MEDIUM"], regions=["MIDWEST"],
    )  # fmt: skip
    assert answer["minimumOffices"] == settings.generalized_k
    counted = [s for s in answer["series"] if s["counted"]]
    assert len(counted) >= settings.generalized_k
    medians = 0
    for stat in answer["peers"]:
        values = [
            p["value"]
            for s in counted
            for p in s["points"]
            if p["period"] == stat["period"] and p["value"] is not None
        ]
        assert stat["offices"] == len(values)
        if len(values) < settings.generalized_k:
            assert stat["median"] is None
            continue
        assert abs(stat["median"] - statistics.median(values)) < 1e-9
        medians += 1
    assert medians >= 12
    for s in answer["series"]:
        for p in s["points"]:
            if p["flag"] not in ("", "unstable"):
                assert (p["value"], p["numerator"], p["denominator"]) == (None, None, None)


async def test_ranks_trends_and_pages_follow_from_the_released_values(settings, app_client) -> None:
    """The caller's rank, every trend and the pages of series, recomputed here from
    the values the answer shows."""
    viewer = await _viewer()
    ask = {"metric": "declination_rate", "from": "2023-01", "to": "2025-12"}
    paged = COMPARE.replace("series {", "seriesCount series(first: 10, offset: $offset) {")
    paged = paged.replace(
        "query($input: MetricComparisonInput!)",
        "query($input: MetricComparisonInput!, $offset: Int!)",
    )
    everyone: list[dict] = []
    async with as_principal(app_client, viewer) as client:
        total = None
        while total is None or len(everyone) < total:
            body = await gql(client, paged, {"input": ask, "offset": len(everyone)})
            answer = body["data"]["metricComparison"]
            total = answer["seriesCount"]
            assert answer["series"], "a page came back empty before the end"
            everyone += answer["series"]
    assert len(everyone) == total > 10
    # Pages come in one order: yours first, then by label; the pages put together are
    # the list a single page of everything gives.
    labels = [s["label"] for s in everyone[1:]]
    assert labels == sorted(labels, key=str.casefold)
    whole = (
        "query($input: MetricComparisonInput!) { metricComparison(input: $input) "
        "{ series(first: 100) { label own trendPerYear } } }"
    )
    async with as_principal(app_client, viewer) as client:
        body = await gql(client, whole, {"input": ask})
    assert [(s["label"], s["own"], s["trendPerYear"]) for s in everyone] == [
        (s["label"], s["own"], s["trendPerYear"])
        for s in body["data"]["metricComparison"]["series"]
    ]
    own = everyone[0]
    assert own["own"] and own["counted"]
    ranked = 0
    for point in own["points"]:
        if point["value"] is None:
            assert point["rank"] is None
            continue
        others = [
            p["value"]
            for s in everyone
            if s["counted"]
            for p in s["points"]
            if p["period"] == point["period"] and p["value"] is not None
        ]
        # Declinations have no desired direction: the highest value ranks first.
        better = sum(1 for v in others if v > point["value"])
        assert point["rank"] == better + 1
        ranked += 1
    assert ranked >= 24
    for s in everyone:
        known = [(date.fromisoformat(p["period"]), p["value"]) for p in s["points"]
                 if p["value"] is not None]  # fmt: skip
        if len(known) < 3:
            assert s["trendPerYear"] is None
            continue
        slope, _ = statistics.linear_regression(
            [d.year * 12 + d.month for d, _ in known], [v for _, v in known]
        )
        assert s["trendPerYear"] == pytest.approx(slope * 12, rel=1e-9, abs=1e-12)


async def test_pseudonyms_appear_only_in_region_and_size_groups(settings, app_client) -> None:
    office = await Office.get(slug=PSEUDONYMOUS)
    assert office.default_attribution == Attribution.PSEUDONYMOUS
    viewer = await _viewer()
    coarse = await _compare(
        app_client, viewer, metric="cases_referred", **{"from": "2025-01"}, to="2025-06",
        sizeBands=["MEDIUM"], regions=["MIDWEST"],
    )  # fmt: skip
    labels = {s["label"] for s in coarse["series"]}
    assert office.pseudonym in labels and office.name not in labels
    for group in ({"states": [office.state]}, {"kinds": [office.kind]}, {"offices": [HOME]}):
        fine = await _compare(
            app_client, viewer, metric="cases_referred", **{"from": "2025-01"}, to="2025-06",
            **group,
        )  # fmt: skip
        labels = {s["label"] for s in fine["series"]}
        assert office.pseudonym not in labels and office.name not in labels, group
    # Its own members see it by name, first, with their rank.
    own = await _compare(
        app_client, await _viewer(PSEUDONYMOUS), metric="cases_referred", **{"from": "2025-01"},
        to="2025-06", sizeBands=["MEDIUM"], regions=["MIDWEST"],
    )  # fmt: skip
    first = own["series"][0]
    assert first["own"] and first["label"] == office.name
    assert all(p["rank"] is not None for p in first["points"])
    assert office.pseudonym not in {s["label"] for s in own["series"]}


async def test_repeated_queries_give_the_same_answer(settings, app_client) -> None:
    ask = dict(
        metric="dismissal_rate", to="2025-12", regions=["SOUTH"], disaggregation="sex=female"
    )
    first = await _compare(app_client, await _viewer(), **{"from": "2025-01"}, **ask)
    again = await _compare(app_client, await _viewer(), **{"from": "2025-01"}, **ask)
    assert first == again


async def test_nothing_in_the_schema_reads_observations(settings, app_client) -> None:
    body = await gql(app_client, "{ __schema { types { name fields { name } } } }")
    names = {t["name"] for t in body["data"]["__schema"]["types"]}
    fields = {f["name"] for t in body["data"]["__schema"]["types"] for f in (t["fields"] or [])}
    assert not any("observation" in n.lower() for n in names | fields)


async def test_the_csv_export_agrees_with_the_comparison(settings, app_client) -> None:
    viewer = await _viewer()
    answer = await _compare(
        app_client, viewer, metric="median_days_to_disposition", **{"from": "2025-01"},
        to="2025-12", sizeBands=["MEDIUM"], regions=["MIDWEST"], disaggregation="severity=felony",
    )  # fmt: skip
    async with as_principal(app_client, viewer) as client:
        response = await client.get(
            "/metrics/export.csv",
            params={
                "metric": "median_days_to_disposition", "from": "2025-01", "to": "2025-12",
                "peer_group": "size_band:MEDIUM,region:MIDWEST", "disaggregation": "severity=felony",
            },
        )  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "metric", "unit", "office", "period", "disaggregation", "value", "numerator",
        "denominator", "flag",
    ]  # fmt: skip
    from_graphql = {
        (s["label"], p["period"][:7]): (p["value"], p["count"], p["flag"])
        for s in answer["series"]
        for p in s["points"]
    }
    from_csv = {
        (r["office"], r["period"]): (
            float(r["value"]) if r["value"] else None,
            int(r["denominator"]) if r["denominator"] else None,
            r["flag"],
        )
        for r in rows
    }
    assert from_csv == from_graphql
    assert await AuditEvent.filter(
        action="metrics.export", target_id="median_days_to_disposition"
    ).exists()


async def test_export_refusals(settings, app_client) -> None:
    url = "/metrics/export.csv?metric=cases_referred&from=2025-01&to=2025-03"
    async with as_principal(app_client, ANONYMOUS) as client:
        assert (await client.get(url)).status_code == 403
    office = await Office.get(slug=HOME)
    writer = Principal(
        kind=PrincipalKind.CLIENT, office_id=office.id, scopes=frozenset({METRICS_WRITE})
    )
    async with as_principal(app_client, writer) as client:
        assert (await client.get(url)).status_code == 403
    async with as_principal(app_client, await _viewer()) as client:
        for bad, status in (
            ("/metrics/export.csv?metric=cases_referred&from=2025-01", 400),
            ("/metrics/export.csv?metric=nope&from=2025-01&to=2025-03", 404),
            ("/metrics/export.csv?metric=cases_referred&from=2025-13&to=2026-01", 400),
            ("/metrics/export.csv?metric=cases_referred&from=2010-01&to=2025-03", 400),
            (url + "&peer_group=planet:MARS", 400),
            (url + "&peer_group=region:ATLANTIS", 400),
            (url + "&disaggregation=colour=red", 400),
        ):
            response = await client.get(bad)
            assert response.status_code == status, (bad, response.text)
            assert "Traceback" not in response.text


def test_formula_looking_cells_are_neutralised() -> None:
    for text in ("=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\t=1"):
        assert neutralise(text).startswith("'")
    assert neutralise("Three Rivers County Prosecutor") == "Three Rivers County Prosecutor"


async def test_upload_through_graphql_and_its_refusals(settings, app_client) -> None:
    office = await Office.get(slug=HOME)
    admin_row = await Member.filter(
        office_id=office.id, office_role=OfficeRole.OFFICE_ADMIN
    ).first()
    assert admin_row is not None
    admin = member_principal(
        office_id=office.id, member_id=admin_row.id, role=OfficeRole.OFFICE_ADMIN
    )
    document = (
        "mutation($input: UploadMetricsInput!) { uploadMetrics(input: $input) { valid dryRun "
        "rows problems { line column message } tables { metric period version "
        "cells { disaggregation count flag hidden } } errors { code field } } }"
    )

    def multipart(csv_text: str, dry_run: bool) -> dict:
        operations = {"query": document,
                      "variables": {"input": {"file": None, "dryRun": dry_run}}}  # fmt: skip
        return {
            "data": {"operations": json.dumps(operations),
                     "map": json.dumps({"0": ["variables.input.file"]})},
            "files": {"0": ("figures.csv", csv_text.encode(), "text/csv")},
        }  # fmt: skip

    header = "office,metric,period,disaggregation,count,numerator,denominator,value\n"
    bad = header + f"{HOME},cases_referred,2014-05,,-3,,,\n"
    good = header + (
        f"{HOME},cases_referred,2014-06,,150,,,\n{HOME},cases_referred,2014-06,sex=female,6,,,\n"
        f"{HOME},cases_referred,2014-06,sex=male,144,,,\n"
    )
    async with as_principal(app_client, admin) as client:
        answer = (await client.post("/graphql", **multipart(bad, False))).json()
        result = answer["data"]["uploadMetrics"]
        assert result["valid"] is False
        assert result["problems"] == [{"line": 2, "column": 5, "message": "negative count -3"}]
        answer = (await client.post("/graphql", **multipart(good, False))).json()
        result = answer["data"]["uploadMetrics"]
        assert result["valid"] and result["tables"][0]["version"] == 1
        flags = {c["disaggregation"]: c["flag"] for c in result["tables"][0]["cells"]}
        assert flags == {"": "", "sex=female": "small_count", "sex=male": "complementary"}
        huge = await client.post(
            "/graphql",
            content=b"x" * (settings.max_metrics_upload_bytes + 10),
            headers={"content-type": "multipart/form-data; boundary=x"},
        )
        assert huge.status_code == 413
    stored = await ReleaseCell.filter(office_id=office.id, period_start=date(2014, 6, 1)).count()
    assert stored == 3
    assert not await Observation.filter(office_id=office.id, period_start=date(2014, 5, 1)).exists()
