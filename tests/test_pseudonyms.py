"""Pseudonyms: nobody can compute them from public data, and instances running the
first (reversible) scheme are moved off it by `network migrate`."""

import asyncio
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from network.offices.service import pseudonym_for, pseudonym_key
from network.settings import Settings
from tests.conftest import create_database, drop_database, gql

NEW_FORMAT = re.compile(
    r"^Office [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"
)
PSEUDONYMOUS_LABELS = """
query($after: String) {
  policies(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { attribution attributedTo } }
  }
}
"""


def _legacy(instance_id: str, slug: str) -> str:
    """The first scheme, as an outsider can run it: sha256 of public inputs."""
    digest = hashlib.sha256(f"{instance_id}:{slug}".encode()).hexdigest().upper()
    return f"Office {digest[:4]}-{digest[4:8]}"


async def test_pseudonyms_cannot_be_computed_from_public_data(
    app_client: httpx.AsyncClient,
) -> None:
    # Given everything an anonymous caller can read: the instance id and every slug
    instance_id = (await gql(app_client, "{ instance { id } }"))["data"]["instance"]["id"]
    offices = await gql(app_client, "{ offices(first: 100) { edges { node { slug } } } }")
    slugs = [e["node"]["slug"] for e in offices["data"]["offices"]["edges"]]
    # when the outsider maps slugs to pseudonyms with the formulas they can know
    guesses = {_legacy(instance_id, slug) for slug in slugs}
    guesses |= {pseudonym_for(slug, instance_id.encode()) for slug in slugs}
    guesses |= {pseudonym_for(slug, b"") for slug in slugs}
    labels: list[str] = []
    after = None
    while True:
        page = (await gql(app_client, PSEUDONYMOUS_LABELS, {"after": after}))["data"]["policies"]
        labels += [
            e["node"]["attributedTo"]
            for e in page["edges"]
            if e["node"]["attribution"] == "PSEUDONYMOUS"
        ]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # then no pseudonym shown is among the guesses, and all are of the keyed form
    assert len(labels) >= 5
    assert not guesses & set(labels)
    assert all(NEW_FORMAT.match(label) for label in labels), labels


def test_pseudonym_depends_on_the_secret_only(settings: Settings, tmp_path: Path) -> None:
    # The same secret on another instance id gives the same key: what a federated
    # item shows was computed by its origin and cannot depend on who receives it.
    elsewhere = replace(settings, instance_id="another.instance")
    assert pseudonym_key(elsewhere) == pseudonym_key(settings)
    other_secret = replace(settings, secret_key="a different root secret", data_dir=tmp_path)
    assert pseudonym_key(other_secret) != pseudonym_key(settings)
    slug = "harlow-county-da"
    assert pseudonym_for(slug, pseudonym_key(settings)) == pseudonym_for(
        slug, pseudonym_key(settings)
    )
    assert pseudonym_for(slug, pseudonym_key(other_secret)) != pseudonym_for(
        slug, pseudonym_key(settings)
    )
    # 60 bits: no collision among many offices
    many = {pseudonym_for(f"office-{i}", pseudonym_key(settings)) for i in range(20_000)}
    assert len(many) == 20_000


async def _sql(url: str, statements: list[tuple[str, list[Any]]]) -> list[list[tuple]]:
    """Run statements on a database directly (`?` placeholders), outside the ORM."""
    results: list[list[tuple]] = []
    if url.startswith("sqlite://"):
        with sqlite3.connect(url[len("sqlite://") :]) as conn:
            for sql, params in statements:
                results.append([tuple(r) for r in conn.execute(sql, params)])
        return results
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://"))
    try:
        for sql, params in statements:
            numbered = sql
            for i in range(len(params)):
                numbered = numbered.replace("?", f"${i + 1}", 1)
            results.append([tuple(r) for r in await conn.fetch(numbered, *params)])
    finally:
        await conn.close()
    return results


def _cli(url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "NETWORK_INSTANCE_ID": "upgrade.instance",
        "NETWORK_SECRET_KEY": "upgrade test root secret",
        "NETWORK_DATA_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "network.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


STATE = (
    "SELECT o.slug, o.pseudonym, o.origin_instance, p.origin_id, p.attribution, "
    "p.attribution_label, p.version FROM publication p JOIN office o ON o.id = p.office_id "
    "ORDER BY p.origin_id",
    [],
)


async def test_migrate_replaces_reversible_pseudonyms(settings: Settings, tmp_path: Path) -> None:
    name = f"pn_pseud_{uuid.uuid4().hex[:8]}"
    fresh = await create_database(tmp_path, name)
    url = fresh.database_url
    try:
        # Given an instance whose offices still carry first-scheme pseudonyms, one of
        # them an office known through federation
        loaded = await asyncio.to_thread(_cli, url, tmp_path, "demo", "--seed", "7")
        assert loaded.returncode == 0, loaded.stderr
        (offices,) = await _sql(url, [("SELECT id, slug FROM office ORDER BY id", [])])
        peer_id, peer_slug = offices[0]
        statements: list[tuple[str, list[Any]]] = [
            ("UPDATE office SET origin_instance = ? WHERE id = ?", ["peer.example", peer_id])
        ]
        for office_id, slug in offices:
            old = _legacy("upgrade.instance", slug)
            statements += [
                ("UPDATE office SET pseudonym = ? WHERE id = ?", [old, office_id]),
                (
                    "UPDATE publication SET attribution_label = ? "
                    "WHERE office_id = ? AND attribution = 'PSEUDONYMOUS'",
                    [old, office_id],
                ),
            ]
        await _sql(url, statements)
        (before,) = await _sql(url, [STATE])

        # When the instance is migrated
        migrated = await asyncio.to_thread(_cli, url, tmp_path, "migrate")
        assert migrated.returncode == 0, migrated.stderr
        assert "replaced the reversible pseudonyms" in migrated.stderr
        (after,) = await _sql(url, [STATE])

        # Then every local office has a keyed pseudonym, shown on its pseudonymous
        # publications, whose version moved on; the federated office kept its own
        key = pseudonym_key(
            replace(settings, secret_key="upgrade test root secret", data_dir=tmp_path)
        )
        versions = {row[3]: row[6] for row in before}
        relabelled = 0
        for slug, pseudonym, origin, origin_id, attribution, label, version in after:
            if origin == "peer.example":
                assert pseudonym == _legacy("upgrade.instance", peer_slug)
                assert version == versions[origin_id]
                continue
            assert pseudonym == pseudonym_for(slug, key)
            assert NEW_FORMAT.match(pseudonym)
            if attribution == "PSEUDONYMOUS":
                assert label == pseudonym
                assert version == versions[origin_id] + 1
                relabelled += 1
            else:
                assert version == versions[origin_id]
        assert relabelled >= 5

        # and a second run changes nothing
        again = await asyncio.to_thread(_cli, url, tmp_path, "migrate")
        assert again.returncode == 0, again.stderr
        assert "replaced the reversible pseudonyms" not in again.stderr
        assert (await _sql(url, [STATE]))[0] == after
    finally:
        await drop_database(name)
