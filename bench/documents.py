"""What importing and rendering documents costs, in process.

Times `extract` on a generated 5,000-word .docx (headings, bold runs, lists, a table)
and a generated 30-page PDF (45 lines a page), and `markdown_to_html` on a 5,000-word
Markdown text, a full-size body (200,000 characters, the most a draft may hold) and a
pathological one of the same size (`![` repeated: markdown-it's slowest input we
found). Reports p50/p95 over the runs after one warm-up, and peak memory two ways:
traced Python allocations (tracemalloc), and the growth of the resident high-water mark
of a fresh process per case (Linux), since lxml (python-docx) and nh3 allocate outside
Python's allocator. Prints a table and writes bench/RESULTS-documents.md.

    .venv/bin/python bench/documents.py [--iterations 50]
"""

import argparse
import multiprocessing
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.documents_files import docx_bytes, pdf_document, sentences  # noqa: E402


def _docx_5000_words() -> tuple[bytes, int]:
    import docx

    document = docx.Document()
    document.add_heading("Pretrial diversion", 1)
    words = 0
    for index, sentence in enumerate(sentences(350, seed=11)):
        if index % 30 == 0:
            document.add_heading(f"Section {index // 30 + 1}", 2)
        if index % 30 in (10, 11, 12):
            document.add_paragraph(sentence, style="List Bullet")
        else:
            paragraph = document.add_paragraph(sentence[:30])
            paragraph.add_run(sentence[30:60]).bold = True
            paragraph.add_run(sentence[60:])
        words += len(sentence.split())
    table = document.add_table(rows=20, cols=3)
    for row in range(20):
        for column in range(3):
            table.cell(row, column).text = f"Cell {row}.{column}"
    return docx_bytes(document), words + 60


def _pdf_30_pages() -> tuple[bytes, int]:
    lines = [sentence[:90] for sentence in sentences(30 * 45, seed=13)]
    pages = [lines[n * 45 : (n + 1) * 45] for n in range(30)]
    return pdf_document(pages), sum(len(line.split()) for line in lines)


def _markdown(words_wanted: int) -> str:
    parts = ["# Pretrial diversion"]
    words = 0
    for index, sentence in enumerate(sentences(words_wanted // 10, seed=17)):
        if words >= words_wanted:
            break
        if index % 25 == 0:
            parts.append(f"## Section {index // 25 + 1}")
        if index % 25 in (5, 6, 7):
            parts.append(f"- {sentence}")
        else:
            head, tail = sentence.split(" ", 1)
            parts.append(
                f"**{head}** {tail} See [the rule](https://example.org/{index}) and [PERSON-1]."
            )
        words += len(sentence.split()) + 5
    parts.append(
        "| charge | cases |\n|---|--:|\n" + "\n".join(f"| c{n} | {n} |" for n in range(20))
    )
    return "\n\n".join(parts)


def _full_size_markdown() -> str:
    text = _markdown(40_000)
    return text[:200_000]


def _docx_case() -> tuple[str, object, str]:
    data, words = _docx_5000_words()
    return "extract", ("policy.docx", data), f"{words:,} words, {len(data) / 1024:,.0f} KiB"


def _pdf_case() -> tuple[str, object, str]:
    data, words = _pdf_30_pages()
    return (
        "extract",
        ("policy.pdf", data),
        f"30 pages, {words:,} words, {len(data) / 1024:,.0f} KiB",
    )


def _render_case() -> tuple[str, object, str]:
    text = _markdown(5_000)
    return "render", text, f"{len(text.split()):,} words, {len(text):,} chars"


def _render_full_case() -> tuple[str, object, str]:
    text = _full_size_markdown()
    return "render", text, f"{len(text.split()):,} words, {len(text):,} chars"


def _render_worst_case() -> tuple[str, object, str]:
    return "render", "![" * 100_000, "200,000 chars of `![`"


# name: builds (what runs, its input, a description of the input)
CASES: dict[str, Callable[[], tuple[str, object, str]]] = {
    "extract .docx": _docx_case,
    "extract .pdf": _pdf_case,
    "render Markdown": _render_case,
    "render full-size body": _render_full_case,
    "render pathological body": _render_worst_case,
}


def _run(kind: str, payload: object) -> None:
    if kind == "extract":
        from network.documents.extract import extract

        filename, data = cast(tuple[str, bytes], payload)
        assert extract(filename, data).text
    else:
        from network.documents.render import markdown_to_html

        assert markdown_to_html(cast(str, payload))


def _time(kind: str, payload: object, iterations: int) -> tuple[list[float], int]:
    _run(kind, payload)  # warm-up: imports, caches
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        _run(kind, payload)
        samples.append(time.perf_counter() - start)
    tracemalloc.start()
    _run(kind, payload)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return samples, traced


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _rss_growth(kind: str, payload: object, results: "multiprocessing.Queue[int]") -> None:
    """In a fresh process, after a warm-up run: how far one run lifts the resident set
    above where it started (Linux: the high-water mark is reset first)."""
    _run(kind, payload)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # reset VmHWM to the current resident size
    before = _status_kib("VmRSS")
    _run(kind, payload)
    results.put((_status_kib("VmHWM") - before) * 1024)


def _peak_rss(kind: str, payload: object) -> int:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=_rss_growth, args=(kind, payload, results))
    process.start()
    growth = results.get(timeout=600)
    process.join()
    return int(growth)


def _ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(iterations: int) -> str:
    rows = [
        "| case | input | runs | mean ms | p50 ms | p95 ms | traced peak MiB | RSS growth MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in CASES:
        kind, payload, description = CASES[name]()
        runs = iterations if "pathological" not in name else max(3, iterations // 20)
        samples, traced = _time(kind, payload, runs)
        rows.append(
            f"| {name} | {description} | {runs} | {statistics.mean(samples) * 1000:.1f} | "
            f"{_ms(samples, 0.5):.1f} | {_ms(samples, 0.95):.1f} | {traced / 2**20:.1f} | "
            f"{_peak_rss(kind, payload) / 2**20:.1f} |"
        )
    return "\n".join(
        [
            "# Document import and rendering",
            "",
            "In process, one thread, after one warm-up run. Traced peak: Python allocations",
            "during one run (tracemalloc). RSS growth: how far one run lifts the resident set",
            "of a fresh, warmed-up process (includes lxml and nh3, which tracemalloc misses).",
            "",
            *rows,
            "",
        ]
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=50)
    args = parser.parse_args()
    report = main(args.iterations)
    print(report)
    (ROOT / "bench" / "RESULTS-documents.md").write_text(report)
