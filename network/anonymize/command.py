"""`network anonymize [FILE|-] [--redact] [--jsonl]`: find or redact identifying details
in a text from a shell, without a database or a server.

By default the input is one document and each finding is printed as a JSON object on its
own line, with character offsets into the input. `--redact` prints the text with every
finding replaced by a placeholder (`[PERSON-1]`, the same entity always the same number).
`--jsonl` reads one JSON object with a `text` string per line, analysed one by one: each
finding also carries its `line` (0-based), and with `--redact` each object is printed back
with its `text` redacted (other keys are copied as they are). Bad input exits with status 2
and a one-line message before anything is printed.

The analysis modules are imported only once the arguments are read: `network anonymize`
is meant for shell loops over folders and is answered before the rest of the command line
loads (`network.entry`).
"""

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PROG = "network anonymize"


class InputError(Exception):
    """Input the command cannot read: reported in one line, exit status 2."""


def add_command(commands: Any) -> None:
    """Register `anonymize` with the `network` command's subparsers."""
    parser = commands.add_parser(
        "anonymize",
        help="find or redact identifying details in a text (offline, no database)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", help="the text to analyse (default, or -: standard input)"
    )
    parser.add_argument(
        "--redact", action="store_true", help="print the redacted text instead of the findings"
    )
    parser.add_argument(
        "--jsonl", action="store_true", help='each input line is a JSON object with a "text" key'
    )


def main(argv: list[str] | None = None) -> int:
    """The command on its own (`network.entry` calls this)."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace, settings: object = None) -> int:
    """Run with parsed arguments; `settings` is accepted for the `network` command's
    handler table and not needed."""
    try:
        raw = _read(args.file)
        text = _decode(raw, args.file)
        documents = _documents(text) if args.jsonl else None
    except InputError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    try:
        lines = _jsonl_output(documents, args.redact) if documents is not None else None
        _write(lines if lines is not None else _text_output(text, args.redact))
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours.
        sys.stderr.close()
    return 0


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        where = "standard input" if name == "-" else name
        raise InputError(
            f"{where} is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None


def _documents(text: str) -> list[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSON-lines input with their 0-based line numbers; blank
    lines are skipped. Everything is checked before anything is analysed."""
    documents = []
    for number, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}: invalid JSON ({error.msg})") from None
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise InputError(f'line {number}: expected a JSON object with a "text" string')
        documents.append((number, value))
    return documents


def _text_output(text: str, redact: bool) -> Iterator[str]:
    from network.anonymize.analyzer import analyze

    findings = analyze(text)
    if redact:
        yield _redacted(text, findings)
        return
    for finding in findings:
        yield _finding_json(finding) + "\n"


def _jsonl_output(documents: list[tuple[int, dict[str, Any]]], redact: bool) -> Iterator[str]:
    from network.anonymize.analyzer import analyze

    for number, document in documents:
        text = document["text"]
        findings = analyze(text)
        if redact:
            yield json.dumps({**document, "text": _redacted(text, findings)}, ensure_ascii=False)
            yield "\n"
        else:
            for finding in findings:
                yield _finding_json(finding, line=number) + "\n"


def _redacted(text: str, findings: list[Any]) -> str:
    from network.anonymize.redaction import Span, redact

    spans = [Span("text", f.start, f.end, f.type, f.text) for f in findings]
    return redact({"text": text}, spans)["text"]


def _finding_json(finding: Any, line: int | None = None) -> str:
    record: dict[str, Any] = {} if line is None else {"line": line}
    record.update(
        type=str(finding.type),
        start=finding.start,
        end=finding.end,
        text=finding.text,
        score=finding.score,
    )
    return json.dumps(record, ensure_ascii=False)


def _write(chunks: Iterator[str]) -> None:
    out = sys.stdout.buffer
    for chunk in chunks:
        out.write(chunk.encode("utf-8"))
    out.flush()
