"""The worker loop: claim due jobs, run them, sleep when there is nothing to do."""

import asyncio
import contextlib
import logging
import os
import socket

from network.jobs.service import run_due

log = logging.getLogger("network.jobs")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


async def run_worker(stop: asyncio.Event, *, poll_seconds: float = 2.0, batch: int = 10) -> None:
    name = worker_name()
    log.info("worker %s started", name)
    while not stop.is_set():
        ran = await run_due(name, batch)
        if ran == 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
    log.info("worker %s stopped", name)
