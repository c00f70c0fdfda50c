"""Shared by the benchmark scripts: search terms and the closed-loop load driver."""

import asyncio
import time
from collections.abc import Awaitable, Callable

SEARCH_TERMS = [
    "diversion",
    "cash bail",
    "restorative",
    "Brady list",
    "competency restoration",
    "fentanyl",
    "juvenile transfer",
    "text-message reminders",
    "immigration consequences",
    "resentencing",
    "declination",
    "plea offers",
    "discovery",
    "sentencing recommendations",
    "victim notification",
    "restitution",
    "cannabis records",
    "overdose",
    "mental health court",
    "use of force",
    "racial disparities",
    "dashboard",
    "performance indicators",
    "clemency",
    "pretrial detention",
    "supervisor approval",
    "quarterly report",
    "training hours",
    "eligibility",
    "dismissal",
    "warrant",
    "trespass",
    "driving while suspended",
    "forensic",
    "innocence",
    "emerging adults",
    "mandatory minimum",
    "enhancement",
    "screening",
    "treatment",
]


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def drive(work: Callable[[int], Awaitable[None]], seconds: int, concurrency: int) -> dict:
    """Run `work` from `concurrency` tasks for `seconds`; latency per call."""
    latencies: list[float] = []
    stop = time.monotonic() + seconds

    async def worker(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            started = time.perf_counter()
            await work(i)
            latencies.append(time.perf_counter() - started)
            i += concurrency

    began = time.monotonic()
    await asyncio.gather(*(worker(n) for n in range(concurrency)))
    elapsed = time.monotonic() - began
    return {
        "rps": len(latencies) / elapsed,
        "p50": _ms(latencies, 0.50),
        "p95": _ms(latencies, 0.95),
        "p99": _ms(latencies, 0.99),
    }
