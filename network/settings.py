"""Configuration read from the environment, once, into an immutable object.

Every setting has a default that makes `network serve` work on a laptop: an SQLite
file in a data directory. Production sets DATABASE_URL to a PostgreSQL URL.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _number(name: str, default: T, parse: Callable[[str], T], what: str) -> T:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be {what}, got {raw!r}") from exc


def _int(name: str, default: int) -> int:
    return _number(name, default, int, "an integer")


def _float(name: str, default: float) -> float:
    return _number(name, default, float, "a number")


def _decimal(name: str) -> Decimal | None:
    def parse(raw: str) -> Decimal:
        try:
            value = Decimal(raw.strip())
        except InvalidOperation as exc:
            raise ValueError(raw) from exc
        if not value.is_finite():
            raise ValueError(raw)
        return value

    return _number(name, None, parse, "a decimal number")


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def default_database_url(data_dir: Path) -> str:
    return f"sqlite://{data_dir / 'network.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    instance_id: str
    instance_name: str
    base_url: str
    max_page_size: int = 100
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_body_bytes: int = 256 * 1024
    # A multipart GraphQL request importing a document (the file and its request).
    max_upload_bytes: int = 12 * 1024 * 1024
    response_cache_entries: int = 2048
    response_cache_enabled: bool = True
    # Bytes the response cache may hold per process, and the largest answer it keeps.
    response_cache_bytes: int = 32 * 1024 * 1024
    response_cache_max_entry_bytes: int = 512 * 1024
    # The most a single GraphQL operation may cost (see network.api.cost).
    max_query_cost: int = 10_000
    # Seconds a client has to send a whole request body, and how many requests may be
    # reading a body at once per process (slow senders beyond that are refused).
    body_timeout_seconds: float = 10.0
    max_body_readers: int = 64
    # Addresses (IPs or CIDR ranges) of reverse proxies whose X-Forwarded-For is trusted.
    trusted_proxies: tuple[str, ...] = ()
    generalized_k: int = 5
    # Metric cells showing a count from 1 to k-1 are never released (see metrics).
    suppression_k: int = 11
    # The largest CSV of observations read from one upload.
    max_metrics_upload_bytes: int = 32 * 1024 * 1024
    # Differential privacy on released counts (off unless both are set): epsilon spent
    # by each released table, and each office's budget per month.
    dp_epsilon: Decimal | None = None
    dp_budget: Decimal | None = None
    # Days a retired federation signing key stays published for verification.
    federation_key_retention_days: int = 30
    # Seconds between pulls from a healthy peer (hints make a pull happen at once), and
    # whether `network serve` syncs peers itself (otherwise `network worker` does).
    federation_poll_seconds: int = 60
    federation_sync_in_serve: bool = True
    # Seconds between anti-entropy checks with each peer (digests of its items compared
    # with what was applied here; see federation.digests).
    federation_check_seconds: int = 6 * 3600
    # Helper processes that check the signatures of the next page while one is being
    # applied (0: check them in the syncing process; see federation.verifying).
    federation_verify_processes: int = 1
    search_rank_window: int = 2000
    db_pool_max: int = 10
    secret_key: str = ""
    session_hours: int = 12
    access_token_seconds: int = 600
    sign_in_per_minute: int = 30
    token_per_minute: int = 120
    debug: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Limits that cannot work are a configuration error at start-up."""
        positive = {
            "NETWORK_BODY_TIMEOUT_SECONDS": self.body_timeout_seconds,
            "NETWORK_MAX_BODY_READERS": self.max_body_readers,
            "NETWORK_MAX_QUERY_COST": self.max_query_cost,
            "NETWORK_RESPONSE_CACHE_BYTES": self.response_cache_bytes,
            "NETWORK_MAX_PAGE_SIZE": self.max_page_size,
            "NETWORK_SIGN_IN_PER_MINUTE": self.sign_in_per_minute,
            "NETWORK_TOKEN_PER_MINUTE": self.token_per_minute,
            "NETWORK_MAX_METRICS_UPLOAD_BYTES": self.max_metrics_upload_bytes,
            "NETWORK_FEDERATION_KEY_RETENTION_DAYS": self.federation_key_retention_days,
            "NETWORK_FEDERATION_POLL_SECONDS": self.federation_poll_seconds,
            "NETWORK_FEDERATION_CHECK_SECONDS": self.federation_check_seconds,
        }
        for name, value in positive.items():
            if not value > 0:
                raise ValueError(f"{name} must be above 0, got {value}")
        if self.suppression_k < 3:
            raise ValueError(f"NETWORK_SUPPRESSION_K must be at least 3, got {self.suppression_k}")
        if (self.dp_epsilon is None) != (self.dp_budget is None):
            raise ValueError("Set both NETWORK_DP_EPSILON and NETWORK_DP_BUDGET, or neither")
        if self.dp_epsilon is not None and self.dp_budget is not None:
            if not 0 < self.dp_epsilon <= 100:
                raise ValueError(
                    f"NETWORK_DP_EPSILON must be above 0 and at most 100, got {self.dp_epsilon}"
                )
            if self.dp_budget < self.dp_epsilon:
                raise ValueError(
                    f"NETWORK_DP_BUDGET ({self.dp_budget}) is below NETWORK_DP_EPSILON "
                    f"({self.dp_epsilon}): no table could ever be released"
                )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def secure_cookies(self) -> bool:
        """Cookies get the Secure flag whenever the instance is served over TLS."""
        return self.base_url.startswith("https://")


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("NETWORK_DATA_DIR", "data")).resolve()
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or default_database_url(data_dir),
        data_dir=data_dir,
        instance_id=os.environ.get("NETWORK_INSTANCE_ID", "practice-network.local"),
        instance_name=os.environ.get("NETWORK_INSTANCE_NAME", "Practice Network (demo)"),
        base_url=os.environ.get("NETWORK_BASE_URL", "http://127.0.0.1:8000"),
        max_page_size=_int("NETWORK_MAX_PAGE_SIZE", 100),
        response_cache_entries=_int("NETWORK_RESPONSE_CACHE_ENTRIES", 2048),
        response_cache_enabled=_bool("NETWORK_RESPONSE_CACHE", True),
        response_cache_bytes=_int("NETWORK_RESPONSE_CACHE_BYTES", 32 * 1024 * 1024),
        response_cache_max_entry_bytes=_int("NETWORK_RESPONSE_CACHE_MAX_ENTRY_BYTES", 512 * 1024),
        max_query_cost=_int("NETWORK_MAX_QUERY_COST", 10_000),
        max_upload_bytes=_int("NETWORK_MAX_UPLOAD_BYTES", 12 * 1024 * 1024),
        body_timeout_seconds=_float("NETWORK_BODY_TIMEOUT_SECONDS", 10.0),
        max_body_readers=_int("NETWORK_MAX_BODY_READERS", 64),
        trusted_proxies=_list("NETWORK_TRUSTED_PROXIES"),
        generalized_k=_int("NETWORK_GENERALIZED_K", 5),
        suppression_k=_int("NETWORK_SUPPRESSION_K", 11),
        max_metrics_upload_bytes=_int("NETWORK_MAX_METRICS_UPLOAD_BYTES", 32 * 1024 * 1024),
        dp_epsilon=_decimal("NETWORK_DP_EPSILON"),
        dp_budget=_decimal("NETWORK_DP_BUDGET"),
        federation_key_retention_days=_int("NETWORK_FEDERATION_KEY_RETENTION_DAYS", 30),
        federation_poll_seconds=_int("NETWORK_FEDERATION_POLL_SECONDS", 60),
        federation_sync_in_serve=_bool("NETWORK_FEDERATION_SYNC_IN_SERVE", True),
        federation_check_seconds=_int("NETWORK_FEDERATION_CHECK_SECONDS", 6 * 3600),
        federation_verify_processes=min(
            max(_int("NETWORK_FEDERATION_VERIFY_PROCESSES", int((os.cpu_count() or 1) > 1)), 0), 8
        ),
        search_rank_window=_int("NETWORK_SEARCH_RANK_WINDOW", 2000),
        db_pool_max=_int("NETWORK_DB_POOL_MAX", 10),
        secret_key=os.environ.get("NETWORK_SECRET_KEY", ""),
        session_hours=_int("NETWORK_SESSION_HOURS", 12),
        access_token_seconds=min(_int("NETWORK_ACCESS_TOKEN_SECONDS", 600), 900),
        sign_in_per_minute=_int("NETWORK_SIGN_IN_PER_MINUTE", 30),
        token_per_minute=_int("NETWORK_TOKEN_PER_MINUTE", 120),
        debug=_bool("NETWORK_DEBUG", False),
    )
