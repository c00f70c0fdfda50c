"""What federation's envelopes cost: sealing and opening entries against the bare
Ed25519 signature underneath, measured in one run.

- seal: canonical JSON (RFC 8785) of a realistic publication entry, signed as a
  compact JWS; baseline: `json.dumps` plus a raw Ed25519 signature of the bytes;
- open: every check `federation.envelope.open_envelope` makes (header, key lookup,
  signature, members, canonical form, origin); baseline: a raw Ed25519 verification.

Prints a table and writes bench/RESULTS-federation.md.

    .venv/bin/python bench/federation.py [--entries 5000]
"""

import argparse
import asyncio
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from joserfc.jwk import OKPKey  # noqa: E402

from federation import canonical  # noqa: E402
from federation.envelope import open_envelope, seal  # noqa: E402

ORIGIN = "national.example"
BODY_WORDS = 1200  # a typical policy's length in the demo corpus


def entry(i: int) -> dict:
    words = " ".join(f"word{j % 97}" for j in range(BODY_WORDS))
    return {
        "origin": ORIGIN,
        "id": f"00000000-0000-4000-8000-{i:012d}",
        "version": 1 + i % 7,
        "kind": "publication",
        "body": {
            "kind": "POLICY", "visibility": "FEDERATED", "title": f"Pretrial release {i}",
            "summary": "How the office decides on release conditions.",
            "attribution": "PSEUDONYMOUS", "attributionLabel": "Office Kestrel-42",
            "topics": ["bail-pretrial", "charging-standards"], "effectiveDate": "2024-03-01",
            "sunsetDate": None, "publishedAt": "2024-03-02T10:00:00+00:00",
            "sourceReference": "",
            "revision": {
                "number": 1, "title": f"Pretrial release {i}", "summary": "Release.",
                "body": words, "sections": {}, "evidenceLevel": None, "evidenceStudies": None,
                "changeSummary": "Initial version.", "publishedAt": "2024-03-02T10:00:00+00:00",
            },
        },
    }  # fmt: skip


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}"


async def main(args: argparse.Namespace) -> None:
    key = OKPKey.generate_key("Ed25519", parameters={"kid": "k1"}, private=True)
    raw_private = key.private_key
    raw_public = key.public_key
    entries = [entry(i) for i in range(args.entries)]

    async def key_for(kid: str) -> OKPKey | None:
        return key if kid == "k1" else None

    rows = []
    tracemalloc.start()
    t = time.perf_counter()
    tokens = [seal(key, "k1", e) for e in entries]
    sealed = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    t = time.perf_counter()
    signed = []
    for e in entries:
        data = json.dumps(e).encode()
        signed.append((data, raw_private.sign(data)))  # type: ignore[union-attr]
    bare_sign = time.perf_counter() - t
    latencies = []
    t = time.perf_counter()
    for token in tokens:
        start = time.perf_counter()
        await open_envelope(token, key_for, origin=ORIGIN)
        latencies.append(time.perf_counter() - start)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    for data, signature in signed:
        raw_public.verify(signature, data)  # type: ignore[union-attr]
    bare_verify = time.perf_counter() - t
    size = statistics.mean(len(x) for x in tokens)
    canonical_bytes = statistics.mean(len(canonical.encode(e)) for e in entries[:100])
    ordered = sorted(latencies)
    rows.append(("seal (canonical JSON + JWS)", rate(len(entries), sealed), "", ""))
    rows.append(("baseline: json.dumps + raw Ed25519 sign", rate(len(entries), bare_sign), "", ""))
    rows.append((
        "open (every check)", rate(len(entries), opened),
        f"{ordered[len(ordered) // 2] * 1e3:.3f}", f"{ordered[int(len(ordered) * 0.99)] * 1e3:.3f}",
    ))  # fmt: skip
    rows.append(("baseline: raw Ed25519 verify", rate(len(entries), bare_verify), "", ""))
    lines = [
        "| measurement | entries/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
    ]
    text = "\n".join(lines)
    detail = (
        f"{len(entries):,} entries of a {BODY_WORDS:,}-word policy; canonical payload "
        f"{canonical_bytes / 1024:.1f} KiB, envelope {size / 1024:.1f} KiB; sealing them "
        f"all peaked at {peak / 2**20:.0f} MiB traced."
    )
    print(text)
    print(detail)
    (ROOT / "bench" / "RESULTS-federation.md").write_text(
        "# Federation envelopes (one process, no database)\n\n" + text + "\n\n" + detail + "\n"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    asyncio.run(main(parser.parse_args()))
