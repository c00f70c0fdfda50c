"""Database configuration shared by the app, the CLI, tests and benchmarks."""

from typing import Any

from network.settings import Settings

MODEL_MODULES = [
    "network.offices.models",
    "network.publications.models",
    "network.metrics.models",
    "network.audit.models",
    "network.state.models",
    "network.jobs.models",
    "network.auth.models",
    "network.changes.models",
]
APP_LABEL = "network"


def _connection_url(settings: Settings) -> str:
    url = settings.database_url
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://") :]
    return url


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The Tortoise config dict; migrations live in `network.migrations`."""
    url = _connection_url(settings)
    if url.startswith("sqlite://"):
        from pathlib import Path

        path = url[len("sqlite://") :]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection: Any = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": path or ":memory:",
                "journal_mode": "WAL",
                "foreign_keys": "ON",
                # The web and worker processes share the file: wait for a writer
                # instead of failing at once with "database is locked".
                "busy_timeout": 5000,
            },
        }
    else:
        connection = url
        if "maxsize=" not in url:
            sep = "&" if "?" in url else "?"
            connection = f"{url}{sep}minsize=1&maxsize={settings.db_pool_max}"
    return {
        "connections": {"default": connection},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "network.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }
