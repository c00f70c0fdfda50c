"""Signatures checked beside the database work, in helper processes.

Opening an envelope is CPU work (the Ed25519 check, the payload's canonical form)
that holds the interpreter's lock: done in the syncing process, it runs in series
with applying pages. With `NETWORK_FEDERATION_VERIFY_PROCESSES` > 0 (the default on
a machine with more than one core) a round checks the next page's signatures in
helper processes while the current page is being applied. The helpers receive only
public keys and tokens and return verified entries or refusals; the decision to
trust an origin's key stays with the syncing process (`federation.sync`).
"""

import asyncio
import json
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from joserfc.jwk import OKPKey

from federation.envelope import Entry, EnvelopeError, Sealed, verify

Job = tuple[Sealed, OKPKey, str]  # the envelope, the key named by its kid, its origin
Result = Entry | tuple[str, str]  # the entry, or (reason, message) to quarantine it with
SMALLEST_BATCH = 16  # below this the trip to a helper costs more than it saves

_pool: ProcessPoolExecutor | None = None
_workers = 0
_imported: dict[str, OKPKey] = {}  # in a helper: public keys by their JWK text


def check(jobs: list[Job], processes: int) -> asyncio.Future[list[Result]] | list[Result]:
    """Verify `jobs`: in helper processes (a future) when `processes` > 0 and the
    batch is worth it, else here and now."""
    if processes < 1 or len(jobs) < SMALLEST_BATCH:
        return [_one(*job) for job in jobs]
    return asyncio.ensure_future(_in_helpers(jobs, processes))


async def _in_helpers(jobs: list[Job], processes: int) -> list[Result]:
    texts: dict[int, str] = {}
    shipped = [
        (sealed, texts.setdefault(id(key), json.dumps(key.as_dict(private=False))), origin)
        for sealed, key, origin in jobs
    ]
    size = -(-len(shipped) // processes)
    loop = asyncio.get_running_loop()
    try:
        pool = _executor(processes)
        parts = await asyncio.gather(*(
            loop.run_in_executor(pool, check_shipped, shipped[i : i + size])
            for i in range(0, len(shipped), size)
        ))  # fmt: skip
    except BrokenProcessPool:  # a helper died (killed, out of memory): check here instead
        close()
        return [_one(*job) for job in jobs]
    return [result for part in parts for result in part]


def check_shipped(jobs: list[tuple[Sealed, str, str]]) -> list[Result]:
    """What a helper runs: each job's key arrives as its public JWK's text."""
    results = []
    for sealed, jwk, origin in jobs:
        key = _imported.get(jwk)
        if key is None:
            key = _imported[jwk] = OKPKey.import_key(json.loads(jwk))
        results.append(_one(sealed, key, origin))
    return results


def _one(sealed: Sealed, key: OKPKey, origin: str) -> Result:
    try:
        return verify(sealed, key, origin=origin)
    except EnvelopeError as error:
        return (error.reason, str(error))


def _executor(processes: int) -> ProcessPoolExecutor:
    global _pool, _workers
    if _pool is None or _workers != processes:
        close()
        # spawned, not forked: the syncing process runs an event loop and threads
        _pool = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_follow_parent,
            initargs=(os.getpid(),),
        )
        _workers = processes
    return _pool


def _follow_parent(parent: int) -> None:
    """In a helper: exit when the syncing process is gone, however it ended (a killed
    process does not stop its pool, and an orphan helper would live on)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def close() -> None:
    """Stop the helpers (at shutdown; they are started again when next needed)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
