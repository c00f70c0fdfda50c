"""How well, how fast and in how much memory `network.anonymize` finds identifiers.

Runs the analysis over the labelled corpus (tests/fixtures/pii, loaded by
tests/pii_corpus.py) and prints precision, recall and F1 per entity type and over all
identifying entities, then the latency of analysing a 5,000-word document (p50/p95 over
repeated runs, pinned to one core), the start-up time of `network anonymize` on a small
file, and peak memory.

Matching rule (overlap, not exact offsets: an author resolving a finding sees the words
either way, and labels differ on titles and trailing punctuation):
- per type: a gold entity is found if a prediction of the same type overlaps it; a
  prediction is a true positive if it overlaps a gold entity of the same type;
- "all": a gold entity is found if any prediction overlaps it; a prediction is a true
  positive if it overlaps any gold entity (a name read as a case number still gets
  redacted);
- "all, blocking": the same, counting only predictions at or above BLOCKING_SCORE (what
  an author must resolve before publishing).
Every finding `analyze` returns counts, weak ones included.

    .venv/bin/python bench/pii.py [--runs 30] [--misses]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_WORDS = 5000


@dataclass
class Tally:
    found: int = 0  # gold entities overlapped by a prediction
    gold: int = 0
    correct: int = 0  # predictions overlapping a gold entity
    predicted: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    by_type: dict[str, Tally] = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)
    blocking: Tally = field(default_factory=Tally)
    by_style: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.start < b.end and b.start < a.end)


def evaluate(
    passages: Sequence[Any], analyze: Callable[[str], list[Any]], threshold: float
) -> Scores:
    """Score `analyze` (text -> findings with type, start, end, score) on the passages."""
    scores = Scores()
    for passage in passages:
        predictions = analyze(passage.text)
        blocking = [p for p in predictions if p.score >= threshold]
        style = scores.by_style.setdefault(passage.style, Tally())
        for tally, predicted in ((scores.overall, predictions), (scores.blocking, blocking)):
            tally.gold += len(passage.entities)
            tally.found += sum(any(_overlap(g, p) for p in predicted) for g in passage.entities)
            tally.predicted += len(predicted)
            tally.correct += sum(any(_overlap(g, p) for g in passage.entities) for p in predicted)
        style.gold += len(passage.entities)
        style.found += sum(any(_overlap(g, p) for p in predictions) for g in passage.entities)
        style.predicted += len(predictions)
        style.correct += sum(any(_overlap(g, p) for g in passage.entities) for p in predictions)
        for gold in passage.entities:
            tally = scores.by_type.setdefault(gold.type, Tally())
            tally.gold += 1
            same = [p for p in predictions if str(p.type) == gold.type]
            tally.found += any(_overlap(gold, p) for p in same)
            if not any(_overlap(gold, p) for p in predictions):
                scores.misses.append(f"{passage.id}: {gold.type} {gold.text!r}")
        for prediction in predictions:
            kind = str(prediction.type)
            tally = scores.by_type.setdefault(kind, Tally())
            tally.predicted += 1
            same = [g for g in passage.entities if g.type == kind]
            tally.correct += any(_overlap(g, prediction) for g in same)
            if not any(_overlap(g, prediction) for g in passage.entities):
                scores.false_alarms.append(
                    f"{passage.id}: {kind} {prediction.text!r} ({prediction.score})"
                )
    return scores


def _document(passages: Sequence[Any], words: int) -> str:
    """Corpus passages, repeated in order, up to `words` words."""
    chunks: list[str] = []
    count = 0
    while count < words:
        text = passages[len(chunks) % len(passages)].text
        chunks.append(text)
        count += len(text.split())
    return "\n\n".join(chunks)


def _latency(analyze: Callable[[str], Any], document: str, runs: int) -> tuple[float, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    analyze(document)  # warm: recognizers built, name lists read
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        analyze(document)
        samples.append(time.perf_counter() - started)
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _startup(runs: int) -> tuple[float, float]:
    """Wall time of `network anonymize FILE` on a two-sentence file: median and best."""
    command = ROOT / ".venv" / "bin" / "network"
    if not command.exists():
        command = Path(sys.executable).with_name("network")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("Officer Daniel Ruiz stopped Marcus Albright (DOB 03/14/1991).\n")
    samples = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [str(command), "anonymize", handle.name], check=True, capture_output=True
            )
            samples.append(time.perf_counter() - started)
    finally:
        os.unlink(handle.name)
    return statistics.median(samples), min(samples)


def _row(name: str, tally: Tally) -> str:
    return (
        f"| {name} | {tally.gold} | {tally.predicted} | {tally.precision:.3f} "
        f"| {tally.recall:.3f} | {tally.f1:.3f} |"
    )


def main(runs: int, show_misses: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from network.anonymize.analyzer import BLOCKING_SCORE, analyze
    from tests import pii_corpus

    passages = pii_corpus.load()
    scores = evaluate(passages, analyze, BLOCKING_SCORE)
    header = [
        "| entity type | gold | predicted | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines = [
        f"### Detection: {len(passages)} passages, {scores.overall.gold} labelled entities",
        "",
        *header,
        *(_row(kind, scores.by_type[kind]) for kind in sorted(scores.by_type)),
        _row("**all identifying entities**", scores.overall),
        _row(f"all, blocking only (score ≥ {BLOCKING_SCORE})", scores.blocking),
        "",
        "| style | gold | predicted | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|",
        *(_row(style, scores.by_style[style]) for style in sorted(scores.by_style)),
        "",
    ]
    start_median, start_best = _startup(5)  # before pinning: the command gets both cores
    document = _document(passages, DOCUMENT_WORDS)
    p50, p95 = _latency(analyze, document, runs)
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    command_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines += [
        "### Cost",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| analysis of a {len(document.split()):,}-word document, p50 (one core, {runs} runs) | {p50 * 1000:.0f} ms |",
        f"| same, p95 | {p95 * 1000:.0f} ms |",
        f"| `network anonymize FILE` start-up to exit, median of 5 (best) | {start_median:.2f} s ({start_best:.2f} s) |",
        f"| peak RSS of `network anonymize` | {command_peak:.0f} MiB |",
        f"| peak RSS of this process (corpus + analysis) | {own_peak:.0f} MiB |",
    ]
    print("\n".join(lines))
    if show_misses:
        print("\nMissed:", *scores.misses, sep="\n  ")
        print("\nFalse alarms:", *scores.false_alarms, sep="\n  ")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=30, help="timed runs of the 5,000-word analysis"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list missed entities and false alarms"
    )
    arguments = parser.parse_args()
    main(arguments.runs, arguments.misses)
