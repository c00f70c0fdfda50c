"""Readiness: the database answers and every migration on disk has been applied."""

import pkgutil
from dataclasses import dataclass, field
from functools import cache

from tortoise import connections

import network.migrations
from network.db import APP_LABEL


@dataclass
class Readiness:
    database: bool
    pending_migrations: list[str] = field(default_factory=list)
    problem: str = ""

    @property
    def ready(self) -> bool:
        return self.database and not self.pending_migrations

    def as_dict(self) -> dict[str, object]:
        return {
            "status": "ready" if self.ready else "not ready",
            "database": "ok" if self.database else "unreachable",
            "pendingMigrations": self.pending_migrations,
            **({"problem": self.problem} if self.problem else {}),
        }


@cache
def migrations_on_disk() -> tuple[str, ...]:
    return tuple(
        sorted(
            name
            for _, name, is_pkg in pkgutil.iter_modules(network.migrations.__path__)
            if not is_pkg and name[0] not in "_~"
        )
    )


async def pending_migrations() -> list[str]:
    client = connections.get("default")
    try:
        rows = await client.execute_query_dict(
            f"SELECT name FROM tortoise_migrations WHERE app = '{APP_LABEL}'"
        )
    except Exception:
        return list(migrations_on_disk())
    applied = {row["name"] for row in rows}
    return [name for name in migrations_on_disk() if name not in applied]


async def readiness() -> Readiness:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception as exc:
        return Readiness(database=False, problem=type(exc).__name__)
    return Readiness(database=True, pending_migrations=await pending_migrations())
