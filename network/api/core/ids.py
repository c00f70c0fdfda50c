"""What goes inside global ids.

Publications and revisions are named by the publication's origin (instance and
random origin id), never by row ids: sequential row ids would tell anyone how many
items exist that they cannot see. The origin pair is unique, shown anyway in
`origin`, and the same on every instance that holds a copy. Offices and topics keep
row ids: every one of them is listed publicly, so their ids reveal nothing hidden.

Anything that does not decode is simply not found (the `node` field answers null),
whatever its length or alphabet.
"""

from collections.abc import Iterable

from network.publications.queries import OriginKey

# Column widths of origin_id and origin_instance: longer parts cannot match a row.
_MAX_ORIGIN_ID = 64
_MAX_INSTANCE = 200
_MAX_ROW_ID = 2**31 - 1


def publication_node_id(origin_instance: str, origin_id: str) -> str:
    return f"{origin_id}@{origin_instance}"


def revision_node_id(origin_instance: str, origin_id: str, number: int) -> str:
    return f"{origin_id}@{origin_instance}/{number}"


def parse_publication_key(node_id: str) -> OriginKey | None:
    origin_id, at, instance = node_id.partition("@")
    if not at or not origin_id or not instance:
        return None
    if len(origin_id) > _MAX_ORIGIN_ID or len(instance) > _MAX_INSTANCE:
        return None
    return OriginKey(instance=instance, origin_id=origin_id)


def parse_revision_key(node_id: str) -> tuple[OriginKey, int] | None:
    publication, slash, number = node_id.rpartition("/")
    key = parse_publication_key(publication) if slash else None
    row = _small_int(number)
    if key is None or row is None:
        return None
    return key, row


def node_pks(node_ids: Iterable[str]) -> list[int]:
    """Integer row keys; anything else (non-ASCII digits, out of range) becomes -1,
    which matches no row."""
    return [_small_int(i) or -1 for i in node_ids]


def _small_int(text: str) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    value = int(text)
    return value if 0 < value <= _MAX_ROW_ID else None
