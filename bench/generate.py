"""Generate a national-scale Practice Network data set for the benchmarks.

The demo loader writes a few dozen items through the service layer; benchmarks need
the size of a real national network: about 2,300 prosecutor offices over the 50
states, 50,000 policies and practice briefs (each with 1-3 revisions, topics, metric
links and a full-text index entry) and 10 million monthly metric observations. This
script applies the schema with `network migrate`, then bulk-loads those rows with raw
SQL (COPY on PostgreSQL, executemany on SQLite; one transaction per step), deterministic
for `--seed`. Texts recombine the demo corpus so full-text search sees a realistic
vocabulary; stored formats match what the ORM writes, so the app reads the rows back.

    .venv/bin/python bench/generate.py --database-url sqlite:///abs/path.sqlite3
    .venv/bin/python bench/generate.py --database-url postgres://postgres@127.0.0.1:5432/db
"""

import argparse
import asyncio
import itertools
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from typing import Any

import asyncpg

from network.demo import documents
from network.metrics.standard import STANDARD_METRICS, MetricSpec
from network.offices.bands import generalized_label, size_band_for
from network.offices.models import Attribution, Region, SizeBand
from network.offices.service import pseudonym_for
from network.publications.models import Revision
from network.publications.queries import BRIEF_SECTIONS, revision_text

CHUNK = 200_000  # observation rows per COPY / executemany
PUB_CHUNK = 2_000  # publications (with their revisions, links, index rows) per batch
ORIGIN = "bench.instance"
PSEUDONYM_KEY = b"bench pseudonym key"  # keys the generated offices' pseudonyms
GENERALIZED_K = 3  # the default NETWORK_GENERALIZED_K: fewer lookalikes means pseudonymous
LAST_MONTH = date(2026, 10, 1)
# Prosecutor offices roughly follow counties: the weights are county counts per state.
STATES = {
    Region.NORTHEAST: "CT:8 ME:16 MA:14 NH:10 RI:5 VT:14 NJ:21 NY:62 PA:67",
    Region.MIDWEST: "IL:102 IN:92 MI:83 OH:88 WI:72 IA:99 KS:105 MN:87 MO:115 NE:93 ND:53 SD:66",
    Region.SOUTH: "DE:3 FL:67 GA:159 MD:24 NC:100 SC:46 VA:133 WV:55 AL:67 KY:120 MS:82 "
    "TN:95 AR:75 LA:64 OK:77 TX:254",
    Region.WEST: "AZ:15 CO:64 ID:44 MT:56 NV:17 NM:33 UT:29 WY:23 AK:30 CA:58 HI:5 OR:36 WA:39",
}
PREFIXES = (
    "Ash", "Bel", "Cedar", "Clay", "Elm", "Fair", "Glen", "Hazel", "Iron", "Lake", "Maple", "Mill",
    "Oak", "Pine", "Red", "Rock", "Salt", "Silver", "Spring", "Stone", "Sun", "Willow", "West",
    "East", "North", "South", "Green", "Brook", "High", "Fox",
)  # fmt: skip
SUFFIXES = (
    "ford", "field", "wood", "ton", "ville", "burg", "dale", "ridge", "land", "mont", "port",
    "view", "haven", "crest", "water",
)  # fmt: skip
TITLES = ("District Attorney", "State's Attorney", "Prosecuting Attorney", "Attorney")
KINDS = {"COUNTY": 0.8, "DISTRICT": 0.1, "CITY": 0.07, "STATE": 0.03}
STATUSES = {"PUBLISHED": 0.9, "DRAFT": 0.05, "IN_REVIEW": 0.03, "RETRACTED": 0.02}
VISIBILITIES = {"PUBLIC": 0.55, "NETWORK": 0.2, "FEDERATED": 0.15, "OFFICE": 0.1}
ATTRIBUTIONS = {"PSEUDONYMOUS": 0.5, "NAMED": 0.3, "GENERALIZED": 0.2}
SENTENCES = (
    "In {place}, the office phased this in over two quarters after consulting the court, "
    "the public defender and the sheriff.",
    "Supervisors in {place} review a sample of files each month to confirm the practice is "
    "followed, and report exceptions to the elected prosecutor.",
    "For {place}, the data unit publishes the resulting counts on the office dashboard, "
    "broken down by offense category, race and ethnicity.",
    "Line prosecutors in {place} received training on the change, and victim advocates were "
    "briefed before it took effect.",
    "The approach in {place} was adapted from a peer office's published version and adjusted "
    "to local charging, diversion and sentencing practice.",
)
# Disaggregation cells and their share of the total, in the order cells are filled.
CELLS = {
    "sex": (("female", 0.25), ("male", 0.75)),
    "age_band": (("under_25", 0.3), ("25_to_44", 0.5), ("45_plus", 0.2)),
    "severity": (("felony", 0.35), ("misdemeanor", 0.65)),
    "offense_category": (("violent", 0.2), ("property", 0.3), ("drug", 0.25), ("other", 0.25)),
    "race_ethnicity": (("black", 0.3), ("hispanic", 0.2), ("white", 0.42), ("other", 0.08)),
}
OFFICE_COLUMNS = (
    "id", "slug", "name", "jurisdiction", "state", "kind", "population_served", "region",
    "size_band", "pseudonym", "default_attribution", "origin_instance", "created_at", "updated_at",
)  # fmt: skip
PUBLICATION_COLUMNS = (
    "id", "kind", "office_id", "title", "summary", "status", "visibility", "attribution",
    "attribution_label", "effective_date", "origin_instance", "origin_id", "version",
    "revision_count", "head_revision_id", "published_at", "retracted_at", "created_at",
    "updated_at",
)  # fmt: skip
REVISION_COLUMNS = (
    "id", "publication_id", "number", "title", "summary", "body", "sections", "evidence_level",
    "effective_date", "change_summary", "created_at",
)  # fmt: skip
OBSERVATION_COLUMNS = (
    "office_id", "metric_id", "period_start", "disaggregation", "count", "numerator",
    "denominator", "value", "created_at",
)  # fmt: skip
BUMP_COUNTER = (
    "INSERT INTO counter (name, value) VALUES ('content', 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counter.value + 1"
)
Row = tuple[Any, ...]


class SqliteSink:
    """Raw SQL on SQLite (stdlib sqlite3, autocommit unless told BEGIN): executemany.

    Tortoise stores datetimes as `str(aware datetime)` and dates as ISO strings."""

    search_table = "publication_fts"
    search_columns = ("rowid", "title", "summary", "body")

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=OFF", "cache_size=-262144"):
            self.db.execute(f"PRAGMA {pragma}")

    def ts(self, value: datetime | None) -> Any:
        return None if value is None else str(value)

    def day(self, value: date) -> Any:
        return value.isoformat()

    def dec(self, value: float) -> Any:
        return str(Decimal(str(value)))

    async def query(self, sql: str) -> list[Row]:
        return self.db.execute(sql).fetchall()

    async def copy(self, table: str, columns: Sequence[str], rows: list[Row]) -> None:
        marks = ", ".join("?" * len(columns))
        self.db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    async def finish(self, tables: Sequence[str]) -> None:
        for statement in ("ANALYZE", "PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)"):
            self.db.execute(statement)
        self.db.close()


class PostgresSink:
    """Raw SQL on PostgreSQL: asyncpg, with binary COPY for bulk writes.

    timestamptz, date and jsonb (as a JSON string) take the Python values as they are."""

    search_table = "publication_search"
    search_columns = ("publication_id", "title", "summary", "body")

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    def ts(self, value: datetime | None) -> Any:
        return value

    def day(self, value: date) -> Any:
        return value

    def dec(self, value: float) -> Any:
        return Decimal(str(value))

    async def query(self, sql: str) -> list[Row]:
        return [tuple(record) for record in await self.conn.fetch(sql)]

    async def copy(self, table: str, columns: Sequence[str], rows: list[Row]) -> None:
        await self.conn.copy_records_to_table(table, records=rows, columns=list(columns))

    async def finish(self, tables: Sequence[str]) -> None:
        for table in ("office", "publication", "revision"):  # tables whose ids we chose
            await self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        await self.conn.execute(f"VACUUM ANALYZE {', '.join(tables)}")
        await self.conn.close()


Sink = SqliteSink | PostgresSink


@dataclass
class Office:
    id: int
    slug: str
    name: str
    jurisdiction: str
    state: str
    kind: str
    population: int
    region: Region
    default_attribution: Attribution
    attribution: Attribution = Attribution.PSEUDONYMOUS  # what its publications may use

    @property
    def size_band(self) -> SizeBand:
        return size_band_for(self.population)

    @property
    def label(self) -> str:
        if self.attribution is Attribution.NAMED:
            return self.name
        if self.attribution is Attribution.PSEUDONYMOUS:
            return pseudonym_for(self.slug, PSEUDONYM_KEY)
        return generalized_label(self.size_band, self.region)

    def row(self, now: Any) -> Row:
        return (
            self.id, self.slug, self.name, self.jurisdiction, self.state, self.kind,
            self.population, self.region.value, self.size_band.value,
            pseudonym_for(self.slug, PSEUDONYM_KEY), self.default_attribution.value, "", now, now,
        )  # fmt: skip


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def make_offices(count: int, rng: random.Random) -> list[Office]:
    """Offices over the 50 states; population log-normal, median 60,000, 10k to 10M."""
    states = [
        (code, region, int(weight))
        for region, spec in STATES.items()
        for code, weight in (item.split(":") for item in spec.split())
    ]
    weights = list(itertools.accumulate(weight for _, _, weight in states))
    offices: list[Office] = []
    slugs: set[str] = set()
    pseudonyms: set[str] = set()
    for office_id in range(1, count + 1):
        state, region, _ = rng.choices(states, cum_weights=weights)[0]
        kind = pick(rng, KINDS)
        place, title = rng.choice(PREFIXES) + rng.choice(SUFFIXES), rng.choice(TITLES)
        population = int(min(max(rng.lognormvariate(math.log(60_000), 1.2), 1e4), 1e7))
        jurisdiction, name = {
            "COUNTY": (f"{place} County", f"{place} County {title}'s Office"),
            "DISTRICT": (f"{place} Judicial District", f"{place} District Attorney's Office"),
            "CITY": (f"City of {place}", f"{place} City Attorney's Office"),
            "STATE": (f"State of {state}", f"{state} Attorney General's Office, {place} Unit"),
        }[kind]
        slug = base = f"{place}-{kind}-{state}".lower()
        while slug in slugs or pseudonym_for(slug, PSEUDONYM_KEY) in pseudonyms:
            slug = f"{base}-{len(slugs)}"
        slugs.add(slug)
        pseudonyms.add(pseudonym_for(slug, PSEUDONYM_KEY))
        attribution = Attribution(pick(rng, ATTRIBUTIONS))
        offices.append(
            Office(
                office_id, slug, name, jurisdiction, state, kind, population, region, attribution
            )
        )
    alike = Counter((o.region, o.size_band) for o in offices)
    for office in offices:  # as the publications service would allow
        office.attribution = office.default_attribution
        rare = alike[(office.region, office.size_band)] < GENERALIZED_K
        if office.attribution is Attribution.GENERALIZED and rare:
            office.attribution = Attribution.PSEUDONYMOUS
    return offices


def at(day: date) -> datetime:
    return datetime.combine(day, clock(9), tzinfo=UTC)


def varied(
    src: documents.PolicyRevisionText | documents.BriefRevisionText,
    sentence: str,
    shuffle_seed: float,
) -> tuple[str, dict[str, str], str | None]:
    """(body, sections, evidence level) of a corpus revision adapted by another office:
    a policy's sections after the first are shuffled, and a local sentence is added."""
    if isinstance(src, documents.BriefRevisionText):
        sections = {name: getattr(src, name) for name in BRIEF_SECTIONS}
        sections["implementation"] += " " + sentence
        return "", sections, src.evidence_level
    parts = ["## " + part.strip() for part in src.body.split("## ") if part.strip()]
    rest = parts[1:]
    random.Random(shuffle_seed).shuffle(rest)  # same order in every revision
    return "\n\n".join([*parts[:1], *rest, sentence]) + "\n", {}, None


def make_publication(
    sink: Sink,
    rows: dict[str, list[Row]],
    ids: tuple[int, int],
    office: Office,
    refs: tuple[dict[str, int], dict[str, int]],
    rng: random.Random,
) -> int:
    """Add to `rows` a policy (70%) or brief (30%) recombined from the demo corpus, with
    1-3 revisions, its topic and metric links and its search row; return its revision count.
    `ids` are the publication's id and its first revision's; `refs` map topic slugs and
    metric keys to ids."""
    (pub_id, revision_id), (topic_ids, metric_ids) = ids, refs
    is_brief = rng.random() < 0.3
    texts: Sequence[documents.PolicyText | documents.BriefText] = (
        documents.load_briefs() if is_brief else documents.load_policies()
    )
    text = rng.choice(texts)
    named = office.attribution is Attribution.NAMED
    sentence = rng.choice(SENTENCES).format(place=office.jurisdiction if named else "this county")
    suffix = f" ({office.jurisdiction})" if named and rng.random() < 0.3 else ""
    shuffle_seed = rng.random()
    days = [date(2017, 1, 1) + timedelta(days=rng.randrange(7 * 365))]  # the last by 2026-04
    for _ in range(2):
        days.append(days[-1] + timedelta(days=rng.randrange(150, 420)))
    count = rng.randint(1, 3)
    for number in range(1, count + 1):
        src = text.revisions[min(number, len(text.revisions)) - 1]
        change = src.change_summary if number <= len(text.revisions) else "Clarified wording."
        body, sections, evidence = varied(src, sentence, shuffle_seed)
        head = Revision(title=src.title + suffix, summary=src.summary, body=body, sections=sections)
        rows["revision"].append(
            (revision_id + number - 1, pub_id, number, head.title, head.summary, body,
             json.dumps(sections, ensure_ascii=False, separators=(",", ":")), evidence,
             sink.day(days[number - 1]), change if number > 1 else "Initial version.",
             sink.ts(at(days[number - 1])))
        )  # fmt: skip
    status, last = pick(rng, STATUSES), days[count - 1]
    published = at(days[0] + timedelta(days=3)) if status in ("PUBLISHED", "RETRACTED") else None
    retracted = at(last + timedelta(days=30)) if status == "RETRACTED" else None
    rows["publication"].append(
        (pub_id, "BRIEF" if is_brief else "POLICY", office.id, head.title, head.summary, status,
         pick(rng, VISIBILITIES), office.attribution.value, office.label, sink.day(last), ORIGIN,
         str(uuid.UUID(int=rng.getrandbits(128), version=4)), count + 1, count,
         revision_id + count - 1, sink.ts(published), sink.ts(retracted), sink.ts(at(days[0])),
         sink.ts(retracted or at(last)))
    )  # fmt: skip
    rows[sink.search_table].append((pub_id, head.title, head.summary, revision_text(head)))
    topics = {topic_ids[slug] for slug in text.topics}
    if len(topics) < 3 and rng.random() < 0.25:
        topics.add(rng.choice(list(topic_ids.values())))
    rows["publication_topic"] += [(pub_id, topic) for topic in sorted(topics)]
    keys = list(text.linked_metrics) if isinstance(text, documents.BriefText) else []
    metrics = {metric_ids[key] for key in rng.sample(keys, min(len(keys), rng.randint(1, 2)))}
    rows["publication_metric"] += [(pub_id, metric) for metric in sorted(metrics)]
    return count


async def load_publications(
    sink: Sink, count: int, offices: list[Office], rng: random.Random
) -> None:
    """Publications, revisions, topic and metric links and search rows, batch by batch."""
    columns = {
        "publication": PUBLICATION_COLUMNS,
        "revision": REVISION_COLUMNS,
        "publication_topic": ("publication_id", "topic_id"),
        "publication_metric": ("publication_id", "metric_id"),
        sink.search_table: sink.search_columns,
    }  # in foreign-key order
    refs: tuple[dict[str, int], dict[str, int]] = (
        dict(await sink.query("SELECT slug, id FROM topic ORDER BY id")),
        dict(await sink.query("SELECT key, id FROM metric_definition ORDER BY id")),
    )
    weights = list(itertools.accumulate(math.log10(o.population) - 3 for o in offices))
    revision_id = 1
    await sink.query("BEGIN")
    for first in range(1, count + 1, PUB_CHUNK):
        rows: dict[str, list[Row]] = {table: [] for table in columns}
        for pub_id in range(first, min(first + PUB_CHUNK, count + 1)):
            office = rng.choices(offices, cum_weights=weights)[0]
            revision_id += make_publication(sink, rows, (pub_id, revision_id), office, refs, rng)
        for table, names in columns.items():
            await sink.copy(table, names, rows[table])
    await sink.query("COMMIT")


def series_quotas(caps: list[int], offices: int, target: int) -> Iterator[int]:
    """Rows for each (office, metric) series, office-major: as even as capacities allow,
    summing to exactly `target` (the first series take the remainder)."""
    level = 0
    while level < max(caps) and offices * sum(min(c, level + 1) for c in caps) <= target:
        level += 1
    extra = target - offices * sum(min(c, level) for c in caps)
    for _ in range(offices):
        for cap in caps:
            bonus = int(extra > 0 and cap > level)
            extra -= bonus
            yield min(cap, level) + bonus


def observation_rows(
    sink: Sink, offices: list[Office], metrics: list[tuple[int, MetricSpec]], target: int,
    rng: random.Random,
) -> Iterator[Row]:  # fmt: skip
    """Monthly values going back from LAST_MONTH for the totals and for as many whole
    disaggregation dimensions (in CELLS order) as it takes to reach `target` rows.

    A series has a level in the metric's `typical` range (scaled by population for counts
    and money, for a rate's denominator), a trend, seasonality and noise; cells take
    their share of the total."""
    groups = [
        [[("", 1.0)]]
        + [[(f"{dim}={value}", share) for value, share in values]
           for dim, values in CELLS.items() if dim in spec.disaggregations]
        for _, spec in metrics
    ]  # fmt: skip
    sizes = [sum(map(len, metric_groups)) for metric_groups in groups]  # cells per metric
    months = max(60, math.ceil(target / (len(offices) * sum(sizes))))
    periods = []
    for k in range(months):
        year, month = divmod(LAST_MONTH.year * 12 + LAST_MONTH.month - 1 - k, 12)
        season = 1 + 0.06 * math.sin(month * math.pi / 6)
        periods.append((sink.day(date(year, month + 1, 1)), season))
    quotas = series_quotas([size * months for size in sizes], len(offices), target)
    now = sink.ts(datetime.now(UTC))
    gauss = rng.gauss
    for office in offices:
        scale = office.population / 500_000
        for (metric_id, spec), metric_groups in zip(metrics, groups, strict=True):
            quota, level = next(quotas), rng.uniform(*spec.typical)
            trend = rng.uniform(-0.15, 0.15) / 36
            used: list[tuple[str, float]] = []
            for group in metric_groups:  # whole dimensions, as few as the quota allows
                used += group
                if len(used) * months >= quota:
                    break
            per_cell, extra = divmod(quota, len(used))
            for index, (label, share) in enumerate(used):
                bias = rng.uniform(0.85, 1.15)
                for k in range(per_cell + (index < extra)):
                    period, season = periods[k]
                    drift = 1 - trend * k
                    # Exact counts; a measured value (days, money, ratio) as a decimal.
                    if spec.unit == "RATE":
                        den = max(round(400 * scale * share * season * gauss(1, 0.08)), 1)
                        num = round(min(max(level * bias * drift * gauss(1, 0.05), 0), 1) * den)
                        yield office.id, metric_id, period, label, None, num, den, None, now
                    elif spec.unit == "COUNT":
                        count = round(level * scale * share * drift * season * gauss(1, 0.05))
                        yield (
                            office.id,
                            metric_id,
                            period,
                            label,
                            max(count, 0),
                            None,
                            None,
                            None,
                            now,
                        )
                    elif spec.unit == "MONEY":
                        amount = round(level * scale * share * drift * season * gauss(1, 0.05))
                        cases = max(round(90 * scale * share * season), 0)
                        yield (office.id, metric_id, period, label, cases, None, None,
                               sink.dec(max(amount, 0)), now)  # fmt: skip
                    else:
                        value = round(level * bias * drift * season * gauss(1, 0.05), 2)
                        cases = (
                            max(round(300 * scale * share * season), 0)
                            if spec.unit == "DAYS"
                            else None
                        )
                        yield (office.id, metric_id, period, label, cases, None, None,
                               sink.dec(value), now)  # fmt: skip


async def load_observations(
    sink: Sink, offices: list[Office], target: int, rng: random.Random
) -> None:
    """`target` observation rows, streamed to the database CHUNK rows at a time."""
    if not (offices and target):
        return
    specs = {spec.key: spec for spec in STANDARD_METRICS}
    found = await sink.query("SELECT id, key FROM metric_definition ORDER BY id")
    metrics = [
        (metric_id, specs[key])
        for metric_id, key in found
        if key in specs and not specs[key].derived_from  # indices are computed, not sent
    ]
    await sink.query("BEGIN")
    rows = observation_rows(sink, offices, metrics, target, rng)
    while batch := list(itertools.islice(rows, CHUNK)):
        await sink.copy("observation", OBSERVATION_COLUMNS, batch)
    await sink.query("COMMIT")


async def load(args: argparse.Namespace, laps: dict[str, float]) -> dict[str, int]:
    """Fill a freshly migrated database; returns the row count of every table filled."""
    url = args.database_url
    sink: Sink
    if url.startswith("sqlite://"):
        sink = SqliteSink(url.removeprefix("sqlite://"))
    else:
        sink = PostgresSink(await asyncpg.connect(url))
    for table in ("office", "publication"):
        if (await sink.query(f"SELECT count(*) FROM {table}"))[0][0]:
            sys.exit(f"The {table} table already has rows: give a fresh database.")
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        laps[name], mark = time.perf_counter() - mark, time.perf_counter()

    offices = make_offices(args.offices, random.Random(f"{args.seed}:offices"))
    now = sink.ts(datetime.now(UTC))
    await sink.query("BEGIN")
    await sink.copy("office", OFFICE_COLUMNS, [office.row(now) for office in offices])
    await sink.query("COMMIT")
    lap("offices")
    await load_publications(sink, args.publications, offices, random.Random(f"{args.seed}:pub"))
    lap("publications")
    await load_observations(sink, offices, args.observations, random.Random(f"{args.seed}:obs"))
    lap("observations")
    tables: tuple[str, ...] = ("office", "publication", "revision", "publication_topic")
    tables += ("publication_metric", sink.search_table, "observation")
    counts = {table: (await sink.query(f"SELECT count(*) FROM {table}"))[0][0] for table in tables}
    await sink.query(BUMP_COUNTER)
    await sink.finish([t for t in tables if t != "publication_fts"])  # not an ANALYZE target
    lap("analyze")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="sqlite:///abs/path or postgres://")
    parser.add_argument("--offices", type=int, default=2300)
    parser.add_argument("--publications", type=int, default=50_000)
    parser.add_argument("--observations", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    env = {**os.environ, "DATABASE_URL": args.database_url}
    subprocess.run([sys.executable, "-m", "network.cli", "migrate"], env=env, check=True)
    laps = {"migrate": time.perf_counter() - started}
    counts = asyncio.run(load(args, laps))
    for table, rows in counts.items():
        print(f"{table:>20} {rows:>12,} rows")
    for step, seconds in laps.items():
        print(f"{step:>20} {seconds:>12.1f} s")
    print(f"{'total':>20} {time.perf_counter() - started:>12.1f} s")


if __name__ == "__main__":
    main()
