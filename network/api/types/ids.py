"""Primary keys from the id part of global ids."""

from collections.abc import Iterable


def node_pks(node_ids: Iterable[str]) -> list[int]:
    """Integer keys; a non-numeric id becomes -1, which matches no row (not found)."""
    return [int(i) if i.isdigit() else -1 for i in node_ids]
