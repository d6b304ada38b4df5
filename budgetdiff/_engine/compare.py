"""`compare`: run the comparators on two budgets and link each change to its drivers."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal

from attrs import evolve, field, frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.catalog import Catalog, default_catalog
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.findings import Finding, Severity
from budgetdiff._model.money import Money
from budgetdiff._words import builtin_messages

from .changes import Change, Direction, Driver, Link
from .contracts import Comparator, CompareContext, CompareOptions
from .registry import Registered, choose, installed


@frozen(kw_only=True)
class Comparison:
    """The result of `compare`: what changed, what did not, and what failed."""

    old: Budget
    new: Budget
    changes: tuple[Change, ...] = field(converter=tuple_of)
    unchanged: tuple[Change, ...] = field(default=(), converter=tuple_of)
    failures: tuple[Finding, ...] = field(default=(), converter=tuple_of)
    comparators: tuple[str, ...] = field(default=(), converter=tuple_of)
    options: CompareOptions = field(factory=CompareOptions)

    @functools.cached_property
    def _index(self) -> Mapping[str, Change]:
        return {c.id: c for c in (*self.changes, *self.unchanged)}

    def get(self, change_id: str) -> Change | None:
        """The change (or unchanged comparison) with this ``kind:key`` id."""
        return self._index.get(change_id)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.subject.kind == kind)

    def drivers(self, change: Change) -> list[tuple[Change, Driver]]:
        """The changes that drive *change*, largest contribution first."""
        return [(self._index[d.change], d) for d in change.drivers if d.change in self._index]

    def all_drivers(self, change: Change) -> Iterator[Change]:
        """
        Every change below *change* in the driver graph, depth first, each once
        (the basic-spending increase ← 其他工资福利支出 ← 33 more 员额控制人员).
        """
        seen: set[str] = {change.id}
        stack = [d for d, _ in reversed(self.drivers(change))]
        while stack:
            current = stack.pop()
            if current.id in seen:
                continue
            seen.add(current.id)
            yield current
            stack.extend(d for d, _ in reversed(self.drivers(current)))


def compare(
    old: Budget,
    new: Budget,
    *,
    comparators: Sequence[str] | Mapping[str, Comparator] | None = None,
    block: Iterable[str] = (),
    options: CompareOptions | None = None,
    catalog: Catalog | None = None,
) -> Comparison:
    """
    Compare two budgets of one unit with the installed comparators.

    Args:
        old, new: last year's and this year's budget.
        comparators: names of installed comparators to run (all when None), or a
            mapping of name → comparator object to run instead of the installed ones.
        block: names of comparators not to run.
        options: materiality thresholds.

    A comparator that raises does not take the run down: its failure is
    reported in ``Comparison.failures`` (naming the plugin) and the others run.

    .. versionadded:: 0.1.0
    """
    options = options or CompareOptions()
    context = CompareContext(catalog=catalog or default_catalog(), options=options)
    chosen = choose(
        comparators,
        block,
        kind="comparator",
        registered=lambda: installed().comparators,
        distribution="budgetdiff-comparators",
    )
    found: dict[str, Change] = {}
    links: list[Link] = []
    failures: list[Finding] = []
    for entry in chosen:
        try:
            produced = list(entry.item.compare(old, new, context))
        except Exception as exc:  # one broken comparator must not take the others down
            failures.append(_failure(entry, exc))
            continue
        for item in produced:
            if isinstance(item, Link):
                links.append(item)
            else:
                found.setdefault(item.id, item)
    for link in links:
        target, cause = found.get(link.target), found.get(link.driver.change)
        if target is None or cause is None or not _links_up(target, cause, link.driver):
            continue
        if all(d.change != link.driver.change for d in target.drivers):
            found[link.target] = evolve(target, drivers=(*target.drivers, link.driver))
    linked = _attribute(found, options)
    return Comparison(
        old=old,
        new=new,
        changes=[c for c in linked if c.direction is not Direction.FLAT],
        unchanged=[c for c in linked if c.direction is Direction.FLAT],
        failures=failures,
        comparators=[e.item.name for e in chosen],
        options=options,
    )


def _failure(entry: Registered[Comparator], exc: Exception) -> Finding:
    return builtin_messages("compare.toml").finding(
        "compare.comparator_failed",
        Severity.ERROR,
        actual=repr(exc),
        comparator=entry.item.name,
        plugin=entry.plugin,
        distribution=entry.distribution,
        error=f"{type(exc).__name__}: {exc}",
    )


def _attribute(found: Mapping[str, Change], options: CompareOptions) -> list[Change]:
    """
    Resolve driver ids (dropping those that name no change or an unchanged one),
    give each driver its share, rank drivers by contribution, mark materiality.
    """
    linked = []
    for change in found.values():
        material = _material(change, options)
        if not change.drivers and material:
            linked.append(change)
            continue
        drivers = sorted(
            (
                _with_share(d, change, found[d.change])
                for d in change.drivers
                if d.change in found and found[d.change].direction is not Direction.FLAT
            ),
            key=lambda d: _weight(found[d.change]),
            reverse=True,
        )
        linked.append(evolve(change, drivers=drivers, material=material))
    return linked


def _links_up(target: Change, cause: Change, driver: Driver) -> bool:
    """A cause explains a change only when both moved, the same way (a move: always)."""
    if driver.relation in ("moved", "moved_out"):
        return True
    return _sign(target.delta) != 0 and _sign(target.delta) == _sign(cause.delta)


def _sign(value: Money | int | Decimal) -> int:
    number = value.yuan if isinstance(value, Money) else Decimal(value)
    return (number > 0) - (number < 0)


def _with_share(driver: Driver, change: Change, cause: Change) -> Driver:
    """The share of *change* that *cause* explains; a move out of a code counts against it."""
    delta, part = change.delta, cause.delta
    if driver.share is None and isinstance(delta, Money) and isinstance(part, Money) and delta:
        sign = -1 if driver.relation == "moved_out" else 1
        return evolve(driver, share=sign * part.yuan / delta.yuan)
    return driver


def _weight(change: Change) -> Decimal:
    delta = change.delta
    return abs(delta.yuan) if isinstance(delta, Money) else abs(Decimal(delta))


def _material(change: Change, options: CompareOptions) -> bool:
    delta = change.delta
    if not (options.min_amount or options.min_percent) or not isinstance(delta, Money):
        return True
    if options.min_amount and abs(delta) >= options.min_amount:
        return True
    growth = change.growth
    return bool(options.min_percent) and (growth is None or abs(growth) >= options.min_percent)
