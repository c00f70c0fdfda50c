"""Uploading figures: every problem reported by line and column, nothing stored from a
bad file, releases computed from good ones, corrections logged, only the office's own
admins and metrics clients allowed."""

from datetime import date
from decimal import Decimal

import pytest

from network.access.principal import Principal, PrincipalKind, member_principal
from network.access.scopes import METRICS_WRITE, READ
from network.audit.models import AuditEvent
from network.errors import PermissionDenied
from network.metrics import uploads
from network.metrics.models import Correction, Observation, Release, ReleaseCell, Upload
from network.offices.models import Member, Office, OfficeRole

HOME = "wabash-valley-prosecutor"
OTHER = "prairie-county-pa"
TODAY = date(2026, 12, 3)
POLICY = uploads.ReleasePolicy(k=11)
HEADER = "office,metric,period,disaggregation,count,numerator,denominator,value\n"


async def _admin(slug: str = HOME) -> Principal:
    office = await Office.get(slug=slug)
    member = await Member.filter(office_id=office.id, office_role=OfficeRole.OFFICE_ADMIN).first()
    assert member is not None
    return member_principal(office_id=office.id, member_id=member.id, role=OfficeRole.OFFICE_ADMIN)


def _csv(*rows: str, office: str = HOME) -> bytes:
    return (HEADER + "".join(f"{office},{row}\n" for row in rows)).encode()


GOOD = (
    "cases_referred,2019-05,,200,,,",
    "cases_referred,2019-05,sex=female,4,,,",
    "cases_referred,2019-05,sex=male,196,,,",
    "declination_rate,2019-05,,,40,120,",
    "declination_rate,2019-05,severity=felony,,3,30,",
    "declination_rate,2019-05,severity=misdemeanor,,37,90,",
)


async def _upload(data: bytes, principal: Principal | None = None, **kw) -> uploads.UploadReport:
    principal = principal or await _admin()
    office = await Office.get(slug=HOME)
    return await uploads.upload_observations(
        principal, office.id, data, policy=POLICY, today=TODAY, **kw
    )


async def test_a_good_file_is_stored_and_released_with_small_cells_hidden(settings) -> None:
    report = await _upload(_csv(*GOOD), filename="may.csv")
    assert report.valid and report.upload_id is not None, report.problems
    office = await Office.get(slug=HOME)
    stored = await Observation.filter(office_id=office.id, upload_id=report.upload_id).count()
    assert stored == len(GOOD)
    tables = {(t.metric, t.period): {c.disaggregation: c for c in t.cells} for t in report.tables}
    referred = tables["cases_referred", "2019-05"]
    assert referred["sex=female"].flag == "small_count" and referred["sex=female"].count is None
    assert referred["sex=male"].flag == "complementary" and referred["sex=male"].count is None
    assert referred[""].count == 200 and referred[""].flag == ""
    rate = tables["declination_rate", "2019-05"]
    assert rate["severity=felony"].flag == "small_count"
    assert rate["severity=misdemeanor"].flag == "complementary"
    assert rate[""].value == Decimal("0.333333") and rate[""].numerator == 40
    # What is stored is what was reported.
    cells = await ReleaseCell.filter(
        office_id=office.id, period_start=date(2019, 5, 1), current=True
    )
    assert {(c.disaggregation, c.flag) for c in cells} >= {
        ("sex=female", "small_count"),
        ("sex=male", "complementary"),
    }
    assert all(c.count is None and c.value is None for c in cells if c.flag == "small_count")
    assert await AuditEvent.filter(
        action="metrics.upload", target_id=str(report.upload_id)
    ).exists()


async def test_a_dry_run_reports_the_release_and_stores_nothing(settings) -> None:
    office = await Office.get(slug=HOME)
    before = (await Upload.all().count(), await Observation.filter(office_id=office.id).count())
    rows = [r.replace("2019-05", "2019-07") for r in GOOD]
    report = await _upload(_csv(*rows), dry_run=True)
    assert report.valid and report.upload_id is None
    assert any(c.flag == "small_count" for t in report.tables for c in t.cells)
    assert all(t.version is None for t in report.tables)
    after = (await Upload.all().count(), await Observation.filter(office_id=office.id).count())
    assert before == after
    assert not await Release.filter(office_id=office.id, period_start=date(2019, 7, 1)).exists()


BAD = [
    ("cases_referrd,2019-01,,200,,,", 2, "unknown metric"),
    ("cases_referred,2019-13,,200,,,", 3, "is not a period"),
    ("cases_referred,2019/01,,200,,,", 3, "is not a period"),
    ("cases_referred,2019-01,,-5,,,", 5, "negative count"),
    ("cases_referred,2019-01,,12.5,,,", 5, "not a whole number"),
    ("declination_rate,2019-01,,,50,40,", 6, "above the denominator"),
    ("cases_referred,2026-12,,200,,,", 3, "has not ended"),
    ("cases_referred,2031-01,,200,,,", 3, "has not ended"),
    ("cases_referred,2019-01,colour=red,200,,,", 4, "unknown dimension"),
    ("cases_referred,2019-01,sex=robot,200,,,", 4, "not a sex category"),
    ("felony_caseload_per_attorney,2019-01,sex=male,,,,50", 4, "not broken down by sex"),
    ("cases_referred,2019-01,,=cmd|' /C calc'!A0,,,", 5, "formula"),
    ('=HYPERLINK("x"),2019-01,,1,,,', 2, "formula"),
    ("cases_referred,2019-01,,200,4,,", 6, "no numerator"),
    ("declination_rate,2019-01,,,10,,", 7, "need a denominator"),
    ("declination_rate,2019-01,,,10,40,0.25", 8, "leave it empty"),
    ("rri_declination,2019-01,race_ethnicity=black,,,,1.2", 2, "computed by the network"),
]


@pytest.mark.parametrize(("row", "column", "message"), BAD, ids=[m for _, _, m in BAD])
async def test_each_bad_row_is_named_by_line_and_column(settings, row, column, message) -> None:
    report = await _upload(_csv("cases_referred,2018-02,,300,,,", row))
    assert not report.valid
    assert any(
        p.line == 3 and p.column == column and message in p.message for p in report.problems
    ), [str(p) for p in report.problems]
    assert report.upload_id is None


async def test_table_level_problems(settings) -> None:
    report = await _upload(
        _csv(
            "cases_referred,2018-03,,100,,,",
            "cases_referred,2018-03,sex=female,30,,,",
            "cases_referred,2018-03,sex=male,60,,,",
            "cases_referred,2018-03,sex=male,60,,,",
            "cases_filed,2018-03,sex=male,60,,,",
            "declination_rate,2018-03,,,20,100,",
            "declination_rate,2018-03,severity=felony,,5,40,",
            "declination_rate,2018-03,severity=misdemeanor,,10,60,",
        )
    )
    text = [str(p) for p in report.problems]
    assert "line 5, column 4: duplicates line 4 (same metric, period and disaggregation)" in text
    assert any(
        t.startswith("line 3, column 5: the sex cells of cases_referred 2018-03 add up to 90")
        for t in text
    ), text
    assert any(
        t.startswith("line 6, column 4: cases_filed 2018-03 has cells but no total") for t in text
    ), text
    assert any(
        t.startswith("line 8, column 6: the severity cells of declination_rate") for t in text
    ), text


async def test_file_level_problems(settings) -> None:
    latin = _csv("cases_referred,2018-04,,100,,,").replace(b"100", "10\xe9".encode("latin-1"))
    assert [str(p) for p in (await _upload(latin)).problems] == [
        "line 2, column 0: the file is not UTF-8 text: save it as 'CSV UTF-8' and upload again"
    ]
    assert "missing column" in str((await _upload(b"office,metric\nx,y\n")).problems)
    assert "the file is empty" in str((await _upload(b"")).problems)
    assert "no rows" in str((await _upload(HEADER.encode())).problems)
    report = await _upload(_csv("cases_referred,2018-04,,100,,,", office=OTHER))
    assert "this upload is for office 'wabash-valley-prosecutor'" in str(report.problems)
    huge = uploads.ReleasePolicy(k=11, max_bytes=1000)
    office = await Office.get(slug=HOME)
    report = await uploads.upload_observations(
        await _admin(), office.id, b"x" * 1001, policy=huge, today=TODAY
    )
    assert "at most 1,000" in str(report.problems)


async def test_one_bad_row_stores_nothing_at_all(settings) -> None:
    office = await Office.get(slug=HOME)
    counts = (
        await Upload.all().count(),
        await Observation.filter(office_id=office.id).count(),
        await Release.all().count(),
    )
    rows = [r.replace("2019-05", "2017-01") for r in GOOD] + ["cases_filed,2017-01,,-1,,,"]
    report = await _upload(_csv(*rows))
    assert [str(p) for p in report.problems] == ["line 8, column 5: negative count -1"]
    assert counts == (
        await Upload.all().count(),
        await Observation.filter(office_id=office.id).count(),
        await Release.all().count(),
    )


async def test_a_reupload_replaces_the_period_and_logs_corrections(settings) -> None:
    first = [r.replace("2019-05", "2016-03") for r in GOOD]
    assert (await _upload(_csv(*first))).valid
    second = [r.replace("200", "230").replace("196", "226") for r in first]
    report = await _upload(_csv(*second))
    assert report.valid and report.corrections >= 1
    office = await Office.get(slug=HOME)
    period = date(2016, 3, 1)
    releases = await Release.filter(office_id=office.id, period_start=period).order_by("version")
    referred = [r for r in releases if r.metric_id == releases[0].metric_id]
    assert [r.version for r in referred] == [1, 2]
    assert referred[0].superseded_at is not None and referred[1].superseded_at is None
    observations = await Observation.filter(
        office_id=office.id, period_start=period, disaggregation=""
    )
    assert sorted(o.count for o in observations if o.count is not None) == [230]
    corrections = await Correction.filter(office_id=office.id, period_start=period)
    total = next(c for c in corrections if c.disaggregation == "")
    assert (total.before["count"], total.after["count"]) == (200, 230)
    # The hidden cells stay hidden on both sides of the log.
    assert all(
        c.before.get("count") is None and c.after.get("count") is None
        for c in corrections
        if c.disaggregation.startswith("sex=")
    )
    # The same file again changes nothing.
    again = await _upload(_csv(*second))
    assert again.corrections == 0 and all(t.version is None for t in again.tables)


async def test_only_the_offices_admins_and_metrics_clients_upload(settings) -> None:
    office = await Office.get(slug=HOME)
    data = _csv(*[r.replace("2019-05", "2015-01") for r in GOOD])
    publisher = await Member.filter(office_id=office.id, office_role=OfficeRole.PUBLISHER).first()
    assert publisher is not None
    refused = [
        await _admin(OTHER),
        member_principal(office_id=office.id, member_id=publisher.id, role=OfficeRole.PUBLISHER),
        Principal(kind=PrincipalKind.CLIENT, office_id=office.id, scopes=frozenset({READ})),
        Principal(
            kind=PrincipalKind.CLIENT,
            office_id=(await Office.get(slug=OTHER)).id,
            scopes=frozenset({METRICS_WRITE}),
        ),
        member_principal(
            office_id=(await Office.get(slug=OTHER)).id,
            member_id=1,
            role=OfficeRole.VIEWER,
            is_network_admin=True,
            is_convener=True,
        ),
    ]
    for principal in refused:
        with pytest.raises(PermissionDenied):
            await _upload(data, principal)
    client = Principal(
        kind=PrincipalKind.CLIENT, office_id=office.id, scopes=frozenset({METRICS_WRITE})
    )
    assert (await _upload(data, client, dry_run=True)).valid


async def test_the_template_lists_every_cell_to_fill(settings) -> None:
    text = await uploads.template(
        ["cases_referred", "declination_rate"], office_slug=HOME, period=date(2026, 11, 1)
    )
    lines = text.splitlines()
    assert lines[0] == HEADER.strip()
    assert f"{HOME},cases_referred,2026-11,,,,," in lines
    assert f"{HOME},declination_rate,2026-11,race_ethnicity=unknown,,,," in lines
    assert len(lines) == 1 + 2 * (1 + 2 + 4 + 5 + 3 + 4)
