"""The demo network reads like a real one: it does not contradict itself.

Every publication is distinct; timestamps tell one history in the past; adaptations come
after their source and never reveal an office that did not publish under its name; what
a text says about its office or its numbers matches the data; and the metric cells add
up. The database checks look only at the demo's own items (other tests add theirs).
"""

import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime

import pytest

from network.audit.models import AuditEvent
from network.demo.documents import load_briefs, load_policies
from network.demo.history import AS_OF, HISTORY_START, LATEST, NETWORK_FOUNDED, Fate
from network.demo.loader import demo_seed, plan_demo
from network.demo.observations import BREAKDOWN_MONTHS, CATEGORIES, FIRST_MONTH, MONTHS
from network.demo.offices import DEMO_OFFICES, PLACES, demo_offices
from network.demo.plan import PlannedItem
from network.demo.wording import Publisher
from network.metrics.models import MetricDefinition, Observation
from network.metrics.standard import STANDARD_METRICS
from network.offices.bands import size_band_for
from network.offices.models import Attribution, Member, Office
from network.offices.service import NewOffice
from network.publications.models import (
    Publication,
    PublicationKind,
    PublicationMetric,
    PublicationStatus,
    Revision,
    Visibility,
)
from network.settings import Settings
from tests.conftest import DEMO_SEED

WIDTH = {Visibility.OFFICE: 0, Visibility.NETWORK: 1, Visibility.FEDERATED: 2, Visibility.PUBLIC: 3}
SIZE_WORDS = {"small": "SMALL", "mid-size": "MEDIUM", "large": "LARGE", "very large": "VERY_LARGE"}
SIZE_PHRASE = re.compile(
    r"\b(very large|small|mid-size|large)\s+(office|county|jurisdiction)", re.IGNORECASE
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
}
DURATION = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")[ -](year|month)s?\b", re.I)
NAMED_SOURCE = re.compile(
    r'adapted this (?:policy|practice) from "([^"]+)", published by (.+?) in (\w+ \d{4})'
)


def _publishers(
    k: int = Settings.generalized_k, offices: tuple[NewOffice, ...] = DEMO_OFFICES
) -> list[Publisher]:
    """The demo offices as the loader sees them, without a database."""
    bands = {spec.slug: size_band_for(spec.population_served) for spec in offices}
    publishers = []
    for spec in offices:
        alike = sum(
            1 for o in offices if o.region == spec.region and bands[o.slug] == bands[spec.slug]
        )
        attribution = spec.default_attribution
        if attribution is Attribution.GENERALIZED and alike < k:
            attribution = Attribution.PSEUDONYMOUS
        publishers.append(
            Publisher(
                spec.slug, spec.name, spec.jurisdiction, spec.kind, bands[spec.slug], attribution
            )
        )
    return publishers


def _text(item: PlannedItem) -> str:
    parts = []
    for draft in item.drafts:
        parts += [
            draft.title,
            draft.summary,
            draft.body,
            draft.change_summary,
            *draft.sections.values(),
        ]
    return "\n".join(parts)


async def _demo_items(settings) -> dict[str, Publication]:
    plan = plan_demo(DEMO_SEED, _publishers(settings.generalized_k))
    ids = [item.origin_id for item in plan]
    rows = await Publication.filter(origin_instance=settings.instance_id, origin_id__in=ids)
    return {p.origin_id: p for p in rows}


async def _revisions(publications: list[Publication]) -> dict[int, list[Revision]]:
    found: dict[int, list[Revision]] = defaultdict(list)
    for revision in await Revision.filter(publication_id__in=[p.id for p in publications]).order_by(
        "number"
    ):
        found[revision.publication_id].append(revision)  # type: ignore[attr-defined]
    return found


# -- distinct -------------------------------------------------------------------------


def test_each_named_instance_has_offices_and_texts_of_its_own() -> None:
    """Two instances' demos (`network demo --instance-name`) hold different offices of
    the same shapes, and their texts speak of their own offices only."""
    a, b = demo_offices("Instance A"), demo_offices("Instance B")
    assert demo_offices("Instance B") == b and demo_offices(None) == DEMO_OFFICES

    def shape(o: NewOffice) -> tuple[object, ...]:
        return (o.state, o.kind, o.population_served, o.region, o.default_attribution)

    for offices in (a, b):
        assert [shape(o) for o in offices] == [shape(o) for o in DEMO_OFFICES]
        assert len({o.slug for o in offices}) == len({o.name for o in offices}) == len(offices)
    kept = {o.name for o in DEMO_OFFICES if o.slug not in PLACES}  # the state's own office
    for offices in (a, b):  # nothing in common with the classic demo's offices
        assert {o.name for o in offices} & {o.name for o in DEMO_OFFICES} == kept
        assert {o.slug for o in offices} & {o.slug for o in DEMO_OFFICES} == {
            o.slug for o in DEMO_OFFICES if o.slug not in PLACES
        }
    # between two named ones, places are drawn from one pool: most differ
    assert sum(x.name != y.name for x, y in zip(a, b, strict=True)) > len(PLACES) // 2
    assert demo_seed("Instance A") != demo_seed("Instance B")

    def texts(offices: tuple[NewOffice, ...], seed: int) -> str:
        return "\n".join(_text(item) for item in plan_demo(seed, _publishers(offices=offices)))

    places = {o.slug: o.jurisdiction for o in b}
    classic, named = texts(DEMO_OFFICES, DEMO_SEED), texts(b, demo_seed("Instance B"))
    assert any(place in classic for place in PLACES.values())  # texts do name offices
    assert not [place for place in PLACES.values() if place in named]
    assert any(place in named for place in places.values())


async def test_every_demo_publication_is_distinct(settings) -> None:
    items = await _demo_items(settings)
    assert len(items) == 126
    heads = {
        r.id: r for r in await Revision.filter(id__in=[p.head_revision_id for p in items.values()])
    }
    titles = [p.title for p in items.values()]
    summaries = [p.summary for p in items.values()]
    texts = [
        heads[p.head_revision_id].body or repr(sorted(heads[p.head_revision_id].sections.items()))
        for p in items.values()
    ]  # type: ignore[index]
    assert len(set(titles)) == len(titles), Counter(titles).most_common(3)
    assert len(set(summaries)) == len(summaries), Counter(summaries).most_common(3)
    assert len(set(texts)) == len(texts)


def test_distinct_for_other_seeds_too() -> None:
    for seed in range(1, 13):
        plan = plan_demo(seed, _publishers())
        for field in ("title", "summary"):
            values = [getattr(item.drafts[-1], field) for item in plan]
            assert len(set(values)) == len(values), (seed, field)
        bodies = [item.drafts[-1].body or repr(item.drafts[-1].sections) for item in plan]
        assert len(set(bodies)) == len(bodies), seed
        assert "{{" not in "".join(_text(item) for item in plan)


# -- one history ----------------------------------------------------------------------


async def test_timestamps_tell_one_history_in_the_past(settings) -> None:
    items = await _demo_items(settings)
    revisions = await _revisions(list(items.values()))
    now = datetime.now(UTC)
    for publication in items.values():
        created = [r.created_at for r in revisions[publication.id]]
        effective = [r.effective_date for r in revisions[publication.id]]
        assert created == sorted(created) and len(set(created)) == len(created)
        assert publication.created_at == created[0]
        assert all(HISTORY_START <= t <= LATEST < AS_OF < now for t in created)
        assert all(e is not None and e > t.date() for e, t in zip(effective, created, strict=True))
        assert effective == sorted(effective) and len(set(effective)) == len(effective)
        events = [*created, publication.published_at, publication.retracted_at]
        assert publication.updated_at == max(t for t in events if t)
        if publication.status == PublicationStatus.DRAFT:
            assert publication.published_at is None and publication.retracted_at is None
            continue
        assert publication.published_at is not None
        assert created[0] < publication.published_at <= LATEST
        if publication.status == PublicationStatus.RETRACTED:
            assert publication.retracted_at is not None
            assert publication.retracted_at > max(created[-1], publication.published_at)
        else:
            assert publication.retracted_at is None


async def test_audit_events_and_joins_agree_with_the_history(settings) -> None:
    items = await _demo_items(settings)
    # The demo's own history (other tests may adopt or revise demo items later on).
    events = await AuditEvent.filter(
        target_type="publication",
        target_id__in=list(items),
        action__in=["publication.publish", "publication.retract"],
    )
    assert events
    for event in events:
        publication = items[event.target_id]
        when = (
            publication.published_at
            if event.action.endswith("publish")
            else publication.retracted_at
        )
        assert event.occurred_at == when, (event.action, publication.title)
    slugs = [spec.slug for spec in DEMO_OFFICES]
    offices = await Office.filter(slug__in=slugs)
    members = await Member.filter(office_id__in=[o.id for o in offices])
    first = min(p.created_at for p in items.values())
    assert all(o.created_at == NETWORK_FOUNDED < first for o in offices)
    assert all(m.created_at < first for m in members if m.issuer.endswith(tuple(slugs)))


def test_histories_are_ordered_for_other_seeds_too() -> None:
    for seed in (1, 2, 3, 5, 8, 13):
        plan = plan_demo(seed, _publishers())
        by_id = {item.origin_id: item for item in plan}
        for item in plan:
            t = item.timeline
            assert list(t.revisions) == sorted(t.revisions) and t.updated_at <= LATEST
            if t.published_at is not None:
                assert t.revisions[0] < t.published_at
            if item.fate == Fate.RETRACTED:
                assert t.retracted_at is not None and t.retracted_at > t.revisions[-1]
            if item.source is not None:
                source = by_id[item.source].timeline
                assert source.published_at is not None and source.published_at < t.revisions[0]
                assert all(a > b for a, b in zip(t.revisions, source.revisions, strict=False))


# -- adaptations ----------------------------------------------------------------------


def test_adaptations_come_from_published_items_at_most_twice_per_document() -> None:
    plan = plan_demo(DEMO_SEED, _publishers())
    by_id = {item.origin_id: item for item in plan}
    adaptations = [item for item in plan if item.source is not None]
    assert len(adaptations) == 126 - 78
    per_document = Counter((item.kind, item.key) for item in adaptations)
    assert max(per_document.values()) <= 2
    for item in adaptations:
        source = by_id[item.source]  # type: ignore[index]
        assert source.variant == 0 and source.key == item.key
        assert source.publisher.slug != item.publisher.slug
        assert source.fate in (Fate.PUBLISHED, Fate.RETRACTED)
        assert source.visibility is not Visibility.OFFICE
        text = _text(item)
        assert "adapted this policy from" in text or "adapted this practice from" in text
        assert item.drafts[0].title not in _text(source)
        if item.attribution is Attribution.NAMED:
            assert item.publisher.jurisdiction in text


async def test_no_text_names_an_office_that_did_not_publish_under_its_name(settings) -> None:
    """An office's name or jurisdiction appears only in its own named items, or as the
    named source of an adaptation that is visible no more widely than the source."""
    items = await _demo_items(settings)
    revisions = await _revisions(list(items.values()))
    offices = {o.id: o for o in await Office.all()}
    named_titles: dict[int, set[tuple[str, str, int]]] = defaultdict(set)
    for publication in items.values():
        if publication.attribution == Attribution.NAMED and publication.published_at:
            for revision in revisions[publication.id]:
                named_titles[publication.office_id].add(  # type: ignore[attr-defined]
                    (
                        revision.title,
                        f"{publication.published_at:%B %Y}",
                        WIDTH[publication.visibility],
                    )
                )
    named_sources = 0
    for publication in items.values():
        text = "\n".join(
            "\n".join([r.title, r.summary, r.body, r.change_summary, *r.sections.values()])
            for r in revisions[publication.id]
        )
        assert "{{" not in text and "}}" not in text
        sources = {name for _, name, _ in NAMED_SOURCE.findall(text)}
        named_sources += len(sources)
        for title, name, month in NAMED_SOURCE.findall(text):
            office = next(o for o in offices.values() if name in (o.name, f"the {o.name}"))
            assert (title, month) in {
                (t, m) for t, m, w in named_titles[office.id] if w >= WIDTH[publication.visibility]
            }
        for office in offices.values():
            mentioned = office.name in text or office.jurisdiction in text
            own = office.id == publication.office_id  # type: ignore[attr-defined]
            if own and publication.attribution != Attribution.NAMED:
                assert not mentioned, (publication.title, office.slug)
            elif mentioned and not own:
                assert office.name in sources or f"the {office.name}" in sources, publication.title
        if publication.attribution != Attribution.NAMED:
            assert not re.search(r"\b(parish|circuit)\b", text), publication.title
    assert named_sources  # some adaptations do name their source


async def test_jurisdiction_words_fit_the_office(settings) -> None:
    """A text calls its jurisdiction "county" (or "parish", "circuit") only when it is
    one and the office publishes under its name; otherwise "jurisdiction" or the like.
    (Lower case: the text's own words, not an office name such as "Harlow County".)"""
    items = await _demo_items(settings)
    revisions = await _revisions(list(items.values()))
    offices = {o.id: o for o in await Office.all()}
    seen = Counter()
    for publication in items.values():
        office = offices[publication.office_id]  # type: ignore[attr-defined]
        for revision in revisions[publication.id]:
            text = " ".join([revision.summary, revision.body, *revision.sections.values()])
            for word in re.findall(r"\b(county|parish|circuit|jurisdiction)\b", text):
                seen[word] += 1
                if word == "jurisdiction":
                    continue
                assert publication.attribution == Attribution.NAMED, publication.title
                assert word in office.jurisdiction.lower(), (publication.title, office.slug)
    assert seen["county"] and seen["jurisdiction"]


# -- facts ----------------------------------------------------------------------------


async def test_size_words_match_the_publishing_office(settings) -> None:
    items = await _demo_items(settings)
    offices = {o.id: o for o in await Office.all()}
    checked = 0
    for publication in items.values():
        for revision in await Revision.filter(publication_id=publication.id):
            for word, _ in SIZE_PHRASE.findall(f"{revision.title} {revision.summary}"):
                office = offices[publication.office_id]  # type: ignore[attr-defined]
                assert office.size_band == SIZE_WORDS[word.lower()], (revision.title, office.slug)
                assert publication.attribution != Attribution.PSEUDONYMOUS
                checked += 1
    assert checked  # the corpus does say, somewhere, how big its office is
    sizes = {t.key: t.office_size for t in (*load_policies(), *load_briefs())}
    for item in plan_demo(DEMO_SEED, _publishers()):
        assert not sizes[item.key] or item.publisher.size_band in sizes[item.key], item.key


def _durations(text: str) -> set[int]:
    """Periods stated in a text, in months ("first two years" -> 24)."""
    found = set()
    for number, unit in DURATION.findall(text):
        n = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
        found.add(n * 12 if unit.lower() == "year" else n)
    return found


async def test_briefs_state_the_same_periods_and_evidence_in_summary_and_outcomes(settings) -> None:
    items = await _demo_items(settings)
    briefs = [p for p in items.values() if p.kind == PublicationKind.BRIEF]
    for revisions in (await _revisions(briefs)).values():
        for revision in revisions:
            outcomes = revision.sections["outcomes"] + " " + revision.sections["practice"]
            assert _durations(revision.summary) <= _durations(outcomes), revision.summary
            if revision.evidence_level == "EXPERIMENTAL":
                assert "random" in revision.sections["outcomes"]
            if revision.evidence_level == "QUASI_EXPERIMENTAL":
                assert "compar" in revision.sections["outcomes"].lower()


async def test_every_brief_links_the_metrics_it_names_and_they_have_data(settings) -> None:
    items = await _demo_items(settings)
    metrics = {m.id: m.key for m in await MetricDefinition.all()}
    wanted = {b.key: set(b.linked_metrics) for b in load_briefs()}
    plan = {i.origin_id: i for i in plan_demo(DEMO_SEED, _publishers(settings.generalized_k))}
    with_data = set(await Observation.all().distinct().values_list("metric_id", flat=True))
    for origin, publication in items.items():
        if publication.kind != PublicationKind.BRIEF:
            continue
        links = await PublicationMetric.filter(publication_id=publication.id)
        assert {metrics[link.metric_id] for link in links} == wanted[plan[origin].key]  # type: ignore[attr-defined]
        assert all(link.metric_id in with_data for link in links)  # type: ignore[attr-defined]


# -- metric cells ---------------------------------------------------------------------


@pytest.fixture(scope="module")
async def observations(settings) -> dict[tuple[int, int, date], dict[str, tuple]]:
    slugs = [spec.slug for spec in DEMO_OFFICES]
    offices = [o.id for o in await Office.filter(slug__in=slugs)]
    cells: dict[tuple[int, int, date], dict[str, tuple]] = defaultdict(dict)
    # Only what the demo sent: other tests upload older periods for demo offices.
    rows = await Observation.filter(
        office_id__in=offices, period_start__gte=FIRST_MONTH
    ).values_list(
        "office_id",
        "metric_id",
        "period_start",
        "disaggregation",
        "count",
        "numerator",
        "denominator",
        "value",
    )
    for office, metric, period, label, count, numerator, denominator, value in rows:
        cells[office, metric, period][label] = (count, numerator, denominator, value)
    return cells


async def test_observation_volume_and_breakdowns(settings, observations) -> None:
    total = sum(len(c) for c in observations.values())
    assert total < 140_000
    specs = {spec.key: spec for spec in STANDARD_METRICS}
    metrics = {m.id: specs[m.key] for m in await MetricDefinition.filter(key__in=list(specs))}
    periods = sorted({period for _, _, period in observations})
    assert len(periods) == MONTHS
    recent = set(periods[-BREAKDOWN_MONTHS:])
    for (_, metric, period), cells in observations.items():
        spec = metrics[metric]
        dims = {label.split("=")[0] for label in cells if label}
        assert "" in cells
        assert dims == (set(spec.disaggregations) if period in recent else set())
        for label in cells:
            if label:
                dim, value = label.split("=")
                assert value in {name for name, _ in CATEGORIES[dim]}


async def test_cells_add_up_and_counts_are_exact(settings, observations) -> None:
    specs = {spec.key: spec for spec in STANDARD_METRICS}
    keys = {m.id: m.key for m in await MetricDefinition.all()}
    small = 0
    for (office, metric, period), cells in observations.items():
        spec = specs[keys[metric]]
        count, numerator, denominator, value = cells[""]
        by_dim: dict[str, list[tuple]] = defaultdict(list)
        for label, cell in cells.items():
            if label:
                by_dim[label.split("=")[0]].append(cell)
        for cell in cells.values():
            assert all(c is None or isinstance(c, int) for c in cell[:3])
        for parts in by_dim.values():
            if spec.unit in ("COUNT", "MONEY", "DAYS"):
                assert sum(p[0] for p in parts) == count
                small += sum(1 for p in parts if 1 <= p[0] <= 10)
            if spec.unit == "MONEY":
                assert sum(p[3] for p in parts) == value
            elif spec.unit == "RATE":
                assert sum(p[1] for p in parts) == numerator
                assert sum(p[2] for p in parts) == denominator
                small += sum(1 for p in parts if 1 <= p[2] <= 10)
            elif spec.unit == "DAYS":
                known = [p[3] for p in parts if p[3] is not None]
                assert min(known) <= value <= max(known)
        if spec.unit == "RATE":
            for _, cell_numerator, cell_denominator, cell_value in cells.values():
                assert 0 <= cell_numerator <= cell_denominator
                assert cell_value is None, "a rate is recomputed from its parts, never stored"
        if keys[metric] == "cases_filed":
            referred_id = next(i for i, k in keys.items() if k == "cases_referred")
            referred = observations[office, referred_id, period]
            assert all(cell[0] <= referred[label][0] for label, cell in cells.items())
    assert small > 1000
