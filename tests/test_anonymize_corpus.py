"""The detection targets on the labelled corpus (tests/fixtures/pii): recall of at least
0.97 over all identifying entities and precision of at least 0.85, with the matching rule
of bench/pii.py (overlap; see its docstring)."""

from bench.pii import evaluate
from network.anonymize.analyzer import BLOCKING_SCORE, analyze
from tests.pii_corpus import load

RECALL_TARGET = 0.97
PRECISION_TARGET = 0.85


def test_the_corpus_is_large_enough_to_mean_something() -> None:
    passages = load()
    assert len(passages) >= 150
    assert sum(len(p.entities) for p in passages) >= 300


def test_recall_and_precision_over_all_identifying_entities() -> None:
    scores = evaluate(load(), analyze, BLOCKING_SCORE)
    missed = "\n".join(scores.misses)
    alarms = "\n".join(scores.false_alarms)
    assert scores.overall.recall >= RECALL_TARGET, f"recall {scores.overall.recall:.3f}:\n{missed}"
    assert scores.overall.precision >= PRECISION_TARGET, (
        f"precision {scores.overall.precision:.3f}:\n{alarms}"
    )


def test_every_entity_type_is_labelled_and_mostly_found() -> None:
    scores = evaluate(load(), analyze, BLOCKING_SCORE)
    for kind, tally in scores.by_type.items():
        assert tally.gold > 0, f"no {kind} in the corpus"
        assert tally.recall >= 0.75, f"{kind}: recall {tally.recall:.3f}"
