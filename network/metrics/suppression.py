"""Cell suppression for one office's table of one metric and period.

A table is the total and the cells of each disaggregation. Each additive dimension
is one equation, "its cells add up to the total"; a reader who knows every released
cell can solve those equations, so hiding small cells is not enough:

- primary suppression hides every cell that shows a count from 1 to k-1 (for a rate:
  its numerator, its denominator, or the people who are in the denominator but not
  the numerator);
- complementary suppression hides more cells, chosen by a mixed-integer program
  (HiGHS) that loses as little as it can, so that in every equation touching a
  hidden cell at least two cells are hidden, and, while the total is shown, the
  hidden cells of one equation add up to 0 or at least k in every count they carry.
  The first rule leaves every hidden cell undetermined by the equations (the tests
  check it with the rank of the released system); the second keeps a reader from
  learning that a group of hidden cells is itself a small count.

Equations between periods or metrics do not arise: a release holds the cells of one
period, and nothing sums releases over periods or offices except from released
cells (see `metrics.compare`). Nothing here touches the database.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import highspy
import numpy as np

UNSTABLE_BELOW = 20


class Reason(StrEnum):
    SMALL_COUNT = "small_count"
    SMALL_DENOMINATOR = "small_denominator"
    SMALL_COMPLEMENT = "small_complement"
    COMPLEMENTARY = "complementary"
    SUPPRESSED_INPUT = "suppressed_input"  # a derived value whose inputs are hidden


@dataclass(frozen=True)
class TableCell:
    """One cell: its key ("" for the total, else "dimension=category") and the
    counts it carries, in the same order for every cell of the table (a count
    table carries one; a rate carries numerator, denominator and complement)."""

    key: str
    counts: tuple[int, ...]

    @property
    def dimension(self) -> str:
        return self.key.partition("=")[0]


@dataclass(frozen=True)
class Decision:
    reason: Reason | None  # None when released
    unstable: bool = False

    @property
    def released(self) -> bool:
        return self.reason is None


def primary_reason(counts: Sequence[int], k: int, *, rate: bool) -> Reason | None:
    """Why a cell must be hidden on its own, if it must."""
    if rate:
        numerator, denominator = counts[0], counts[1]
        if 0 < denominator < k:
            return Reason.SMALL_DENOMINATOR
        if 0 < numerator < k:
            return Reason.SMALL_COUNT
        if 0 < denominator - numerator < k:
            return Reason.SMALL_COMPLEMENT
        return None
    if any(0 < c < k for c in counts):
        return Reason.SMALL_COUNT
    return None


def suppress(
    cells: Sequence[TableCell],
    k: int,
    *,
    rate: bool = False,
    additive: frozenset[str] | None = None,
    base: int = 0,
) -> dict[str, Decision]:
    """Decide, for every cell, whether it is released, and why not.

    `additive` names the dimensions whose cells add up to the total (all of them when
    None); `base` is the index of the count that measures how many people a cell
    rests on (for the instability flag: the denominator of a rate).
    """
    by_key = {c.key: c for c in cells}
    if "" not in by_key:
        raise ValueError("a table needs its total")
    primary = {c.key: primary_reason(c.counts, k, rate=rate) for c in cells}
    hidden = {key for key, reason in primary.items() if reason is not None}
    equations = _equations(cells, additive)
    if hidden and equations:
        hidden = _protect(cells, by_key, equations, hidden, k)
    decisions: dict[str, Decision] = {}
    for cell in cells:
        if cell.key in hidden:
            decisions[cell.key] = Decision(primary[cell.key] or Reason.COMPLEMENTARY)
        else:
            decisions[cell.key] = Decision(None, unstable=0 < cell.counts[base] < UNSTABLE_BELOW)
    return decisions


def _equations(cells: Sequence[TableCell], additive: frozenset[str] | None) -> list[list[str]]:
    """One list of cell keys per additive dimension (the total is implied)."""
    groups: dict[str, list[str]] = {}
    for cell in cells:
        if cell.key and (additive is None or cell.dimension in additive):
            groups.setdefault(cell.dimension, []).append(cell.key)
    return list(groups.values())


def _protect(
    cells: Sequence[TableCell],
    by_key: dict[str, TableCell],
    equations: list[list[str]],
    hidden: set[str],
    k: int,
) -> set[str]:
    """While the total can stay shown, the equations share nothing hidden and each is
    solved on its own (small programs, solved fast); otherwise the whole table is."""
    if "" not in hidden:
        chosen = set(hidden)
        for keys in equations:
            mine = hidden.intersection(keys)
            if not mine:
                continue
            part = [by_key[""], *(by_key[key] for key in keys)]
            found = _complement(part, [keys], mine, k, total_shown=True)
            if found is None:
                break
            chosen |= found
        else:
            return chosen
    found = _complement(cells, equations, hidden, k)
    return found if found is not None else {c.key for c in cells}


def _complement(
    cells: Sequence[TableCell],
    equations: list[list[str]],
    hidden: set[str],
    k: int,
    *,
    total_shown: bool = False,
) -> set[str] | None:
    """The least costly superset of `hidden` that meets both rules (see the module),
    or None when there is none (only possible with `total_shown`)."""
    index = {c.key: i for i, c in enumerate(cells)}
    total = index[""]
    n = len(cells)
    systems = len(cells[0].counts)
    counts = np.array([c.counts for c in cells], dtype=np.float64)
    # Hiding the total costs the most: it is the figure readers need first.
    cost = 1.0 + counts.max(axis=1)
    cost[total] = cost[total] * 10 + 1000
    lower = np.array([1.0 if c.key in hidden else 0.0 for c in cells])
    upper = np.ones(n)
    if total_shown:
        upper[total] = 0.0

    rows: list[tuple[Mapping[int, float], float]] = []  # (coefficients, lower bound)
    for keys in equations:
        members = [index[key] for key in keys] + [total]
        # A hidden member needs another hidden member in its equation:
        # sum(others) - s_i >= 0.
        for i in members:
            rows.append(({**{j: 1.0 for j in members if j != i}, i: -1.0}, 0.0))
        # While the total is shown, the hidden cells of the equation carry 0 or at
        # least k of every count: sum(v_j s_j) + k s_total - k s_i >= 0 for each cell
        # i with a count > 0 in that system (a zero cell adds nothing to protect).
        for system in range(systems):
            for i in members[:-1]:
                if counts[i, system] <= 0:
                    continue
                # Capping each count at k changes no integer solution and makes the
                # relaxation much tighter (the solver then rarely needs to branch).
                coefficients = {j: min(float(counts[j, system]), k) for j in members[:-1]}
                coefficients[total] = coefficients.get(total, 0.0) + k
                coefficients[i] = coefficients[i] - k
                rows.append((coefficients, 0.0))

    solver = highspy._Highs()  # type: ignore[attr-defined]  # the wrapper prints a banner
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", 10.0)
    solver.addVars(n, lower, upper)
    columns = np.arange(n, dtype=np.int32)
    solver.changeColsCost(n, columns, cost)
    solver.changeColsIntegrality(n, columns, np.ones(n, dtype=np.uint8))
    starts: list[int] = []
    indices: list[int] = []
    values: list[float] = []
    for row, _ in rows:
        starts.append(len(indices))
        for j, v in row.items():
            if v != 0.0:
                indices.append(j)
                values.append(v)
    solver.addRows(
        len(rows),
        np.array([low for _, low in rows], dtype=np.float64),
        np.full(len(rows), np.inf),
        len(indices),
        np.array(starts, dtype=np.int32),
        np.array(indices, dtype=np.int32),
        np.array(values, dtype=np.float64),
    )
    solver.run()
    status = solver.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        # With the total hidden too, hiding every cell always meets both rules: a
        # table is never released on a failure (the caller then hides everything).
        return None
    chosen = solver.getSolution().col_value
    return {c.key for c, v in zip(cells, chosen, strict=True) if v > 0.5}
