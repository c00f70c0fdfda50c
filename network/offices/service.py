"""The office directory: creating offices and listing them.

The directory (names, places, size bands) is public information about member
offices; what an office has published is governed by the publications' own
visibility and attribution, not by this directory.
"""

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q

from network.access.principal import Principal
from network.db import by_ids
from network.errors import Conflict, InvalidInput, PermissionDenied
from network.instance_secret import derive
from network.offices.bands import size_band_for
from network.offices.models import Attribution, Office, OfficeKind, Region, SizeBand
from network.pagination import Page, by_field
from network.settings import Settings

CURSOR_KIND = "office"
SLUG_LENGTH = 80  # the column's width
MAX_FILTER_VALUES = 50


@dataclass(frozen=True)
class OfficeFilter:
    states: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    size_bands: tuple[SizeBand, ...] = ()
    kinds: tuple[OfficeKind, ...] = ()


@dataclass(frozen=True)
class NewOffice:
    slug: str
    name: str
    jurisdiction: str
    state: str
    kind: OfficeKind
    population_served: int
    region: Region
    default_attribution: Attribution = Attribution.PSEUDONYMOUS


# RFC 4648 base32 with the look-alike letters swapped for digits a reader can tell
# apart (Crockford's alphabet): I, L, O and U never appear in a pseudonym.
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_READABLE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_READABLE = str.maketrans(_B32, _READABLE)
# Pseudonyms of the first scheme: 32 bits of sha256(instance id + ":" + slug). Both
# inputs are public, so such a pseudonym names its office to anyone who tries.
LEGACY_PSEUDONYM = re.compile(r"^Office [0-9A-F]{4}-[0-9A-F]{4}$")


def pseudonym_key(settings: Settings) -> bytes:
    """The key pseudonyms are made with; it never leaves the instance."""
    return derive(settings, "office-pseudonym")


def pseudonym_for(slug: str, key: bytes) -> str:
    """A stable pseudonym that nobody without the instance's secret key can link to
    the office: HMAC-SHA256 of the slug under a key derived from NETWORK_SECRET_KEY,
    cut to 60 bits (a collision among a million offices has odds of about 1 in 2
    million), written as three groups of four readable characters."""
    digest = hmac.new(key, slug.encode(), hashlib.sha256).digest()
    text = base64.b32encode(digest).decode()[:12].translate(_TO_READABLE)
    return f"Office {text[:4]}-{text[4:8]}-{text[8:12]}"


async def create_office(principal: Principal, new: NewOffice, *, pseudonym_key: bytes) -> Office:
    if not (principal.is_system or principal.is_network_admin):
        raise PermissionDenied("Only a network admin can add an office.")
    state = new.state.upper()
    if len(state) != 2 or not state.isalpha():
        raise InvalidInput("State must be a two-letter postal code.", field="state")
    if new.population_served <= 0:
        raise InvalidInput("Population served must be positive.", field="populationServed")
    if await Office.filter(slug=new.slug).exists():
        raise Conflict(f"An office with slug {new.slug!r} exists.", field="slug")
    return await Office.create(
        slug=new.slug,
        name=new.name,
        jurisdiction=new.jurisdiction,
        state=state,
        kind=new.kind,
        population_served=new.population_served,
        region=new.region,
        size_band=size_band_for(new.population_served),
        pseudonym=pseudonym_for(new.slug, pseudonym_key),
        default_attribution=new.default_attribution,
    )


def _filter_q(spec: OfficeFilter | None) -> Q:
    q = Q(placeholder=False)
    if spec is None:
        return q
    if spec.states:
        states = [s.upper() for s in spec.states]
        if len(states) > MAX_FILTER_VALUES or any(
            len(s) != 2 or not (s.isascii() and s.isalpha()) for s in states
        ):
            raise InvalidInput(
                f"States are two-letter postal codes, at most {MAX_FILTER_VALUES}.",
                field="states",
            )
        q &= Q(state__in=states)
    if spec.regions:
        q &= Q(region__in=list(spec.regions))
    if spec.size_bands:
        q &= Q(size_band__in=list(spec.size_bands))
    if spec.kinds:
        q &= Q(kind__in=list(spec.kinds))
    return q


async def list_offices(
    *, spec: OfficeFilter | None, first: int | None, after: str | None, max_page_size: int
) -> Page[Office]:
    """Offices by name, keyset-paginated on (name, id)."""
    return await by_field(
        Office.filter(_filter_q(spec)),
        "name",
        kind=CURSOR_KIND,
        first=first,
        after=after,
        max_page_size=max_page_size,
    )


async def rekey_legacy_pseudonyms(key: bytes) -> dict[int, str]:
    """Give every office of this instance still under the first, reversible scheme a
    keyed pseudonym; returns {office id: new pseudonym}. Offices known through
    federation keep the pseudonym their origin gave them. Run in the caller's
    transaction, together with relabelling what those offices published."""
    changed: dict[int, str] = {}
    for office in await Office.filter(origin_instance="").select_for_update():
        if LEGACY_PSEUDONYM.match(office.pseudonym):
            office.pseudonym = pseudonym_for(office.slug, key)
            await office.save(update_fields=["pseudonym", "updated_at"])
            changed[office.id] = office.pseudonym
    return changed


async def count_offices(spec: OfficeFilter | None) -> int:
    return await Office.filter(_filter_q(spec)).count()


async def offices_by_ids(ids: Iterable[int]) -> dict[int, Office]:
    """The directory's offices among `ids` (placeholders are not in the directory)."""
    return await by_ids(Office.filter(placeholder=False), ids)


async def offices_by_slugs(slugs: Iterable[str]) -> list[Office]:
    """The offices among `slugs`; a slug longer than any stored one matches nothing."""
    wanted = [slug for slug in slugs if len(slug) <= SLUG_LENGTH]
    return await Office.filter(slug__in=wanted, placeholder=False) if wanted else []


@dataclass(frozen=True)
class RemoteOffice:
    """Who published a peer's item, as far as its attribution says: a NAMED office
    comes with its directory facts, a GENERALIZED label with region and size band, a
    PSEUDONYMOUS one with nothing but the pseudonym (the label)."""

    origin_instance: str
    attribution: Attribution
    label: str
    jurisdiction: str = ""
    state: str = ""
    kind: OfficeKind | None = None
    population_served: int = 0
    region: Region | None = None
    size_band: SizeBand | None = None


async def remote_offices(remotes: Iterable[RemoteOffice]) -> dict[RemoteOffice, Office]:
    """The local offices that stand for `remotes` (made or brought up to date), in a
    few statements for any number. Keyed by origin, attribution and label, never by
    anything a local office owns: a peer naming one of our pseudonyms gets an office
    of its own, not ours."""
    wanted = {remote: _stand_in(remote) for remote in set(remotes)}
    if not wanted:
        return {}
    found: dict[tuple[str, str], Office] = {}
    for origin in {remote.origin_instance for remote in wanted}:
        slugs = [
            slug for remote, (slug, _, _) in wanted.items() if remote.origin_instance == origin
        ]
        for office in await Office.filter(origin_instance=origin, slug__in=slugs):
            found[(origin, office.slug)] = office
    missing = {
        (remote.origin_instance, slug): Office(
            slug=slug,
            pseudonym=pseudonym,
            default_attribution=remote.attribution,
            origin_instance=remote.origin_instance,
            placeholder=remote.attribution is not Attribution.NAMED,
            **facts,
        )
        for remote, (slug, pseudonym, facts) in wanted.items()
        if (remote.origin_instance, slug) not in found
    }
    if missing:
        await Office.bulk_create(list(missing.values()))
        for origin in {origin for origin, _ in missing}:
            slugs = [slug for o, slug in missing if o == origin]
            for office in await Office.filter(origin_instance=origin, slug__in=slugs):
                found[(origin, office.slug)] = office
    result: dict[RemoteOffice, Office] = {}
    for remote, (slug, _, facts) in wanted.items():
        office = found[(remote.origin_instance, slug)]
        if any(getattr(office, name) != value for name, value in facts.items()):
            await Office.filter(id=office.id).update(**facts)
            await office.refresh_from_db()
        result[remote] = office
    return result


def _stand_in(remote: RemoteOffice) -> tuple[str, str, dict[str, Any]]:
    """Slug, pseudonym and directory facts of the office that stands for `remote`."""
    key = hashlib.sha256(
        f"{remote.origin_instance}\n{remote.attribution}\n{remote.label}".encode()
    ).hexdigest()
    named = remote.attribution is Attribution.NAMED
    slug = f"{_slug_words(remote.label)}-{key[:12]}" if named else f"peer-{key[:24]}"
    facts: dict[str, Any] = {
        "name": remote.label[:200],
        "jurisdiction": remote.jurisdiction[:200],
        "state": remote.state.upper()[:2],
        "kind": remote.kind or OfficeKind.COUNTY,
        "population_served": max(remote.population_served, 0),
        "region": remote.region or Region.NORTHEAST,
        "size_band": remote.size_band or SizeBand.SMALL,
    }
    return slug, f"peer-{key[:35]}", facts


def _slug_words(label: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return (words or "office")[:60].rstrip("-")
