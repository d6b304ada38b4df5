"""What every normalisation step shares: the disclosure, the catalog, the record of choices."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from budgetdiff._model.catalog import Catalog
from budgetdiff._model.money import Money, Presentation, Unit
from budgetdiff._read.disclosure import CellKind, Disclosure, PrintedCell
from budgetdiff._words import NumberStyle, builtin_messages

from .normalized import Copy, Resolution, ResolutionKind


class Context:
    """The disclosure being normalised, the catalog, and the resolutions made so far."""

    def __init__(self, disclosure: Disclosure, catalog: Catalog, presentation: Presentation):
        self.disclosure = disclosure
        self.catalog = catalog
        self.presentation = presentation
        self.resolutions: list[Resolution] = []
        self._read: set[tuple[int, str, str]] = set()
        self.style = NumberStyle(
            unit=presentation.unit,
            places=presentation.places,
            strip_zeros=presentation.unit is Unit.WAN_YUAN,
            thousands=presentation.unit is Unit.YUAN,
        )

    def resolve(
        self,
        kind: ResolutionKind,
        rule: str,
        subject: str,
        *,
        chosen: Any = None,
        copies: Iterable[Copy] = (),
        path: str = "",
        **data: Any,
    ) -> Resolution:
        """Record a choice; its messages come from ``messages/normalize.toml``."""
        listed = tuple(copies)
        values = {
            "subject": subject,
            "chosen": chosen,
            "copies": [
                {"where": str(c.location), "value": c.value, "text": c.text} for c in listed
            ],
            "style": self.style,
            **data,
        }
        messages = builtin_messages("normalize.toml")
        resolution = Resolution(
            kind=kind,
            rule=rule,
            subject=subject,
            message=messages.render(rule, "zh", values),
            message_en=messages.render(rule, "en", values),
            chosen=chosen,
            copies=listed,
            path=path,
        )
        self.resolutions.append(resolution)
        return resolution

    def amount(self, cell: PrintedCell | None) -> Money | None:
        """
        A cell's amount for the budget: blank and dash are zero; a malformed number is
        its suggestion (recorded); text is None (recorded: not carried).
        """
        if cell is None or cell.kind in (CellKind.BLANK, CellKind.DASH):
            return Money(0)
        if cell.kind is CellKind.NUMBER:
            return cell.amount
        key = (cell.line, cell.location.table, cell.location.column)
        first = key not in self._read
        self._read.add(key)
        unit = self.disclosure_unit(cell)
        if cell.kind is CellKind.MALFORMED and cell.suggestion is not None and unit is not None:
            chosen = Money.of(cell.suggestion, unit)
            if first:
                self.resolve(
                    ResolutionKind.INFERRED,
                    "normalize.malformed",
                    str(cell.location),
                    chosen=chosen,
                    copies=[copy_of(cell)],
                    where=str(cell.location),
                    text=cell.text,
                )
            return chosen
        if first:
            self.resolve(
                ResolutionKind.NOT_CARRIED,
                "normalize.unreadable",
                str(cell.location),
                copies=[copy_of(cell)],
                where=str(cell.location),
                text=cell.text,
            )
        return None

    def disclosure_unit(self, cell: PrintedCell) -> Unit | None:
        """The money unit of the table *cell* was printed in."""
        for table in self.disclosure.tables:
            if table.name == cell.location.table:
                return table.unit
        return None


def copy_of(cell: PrintedCell) -> Copy:
    """A cell as a printed copy of a figure."""
    text = "" if cell.kind in (CellKind.NUMBER, CellKind.BLANK) else cell.text
    return Copy(value=cell.amount, location=cell.location, text=text)


def amount_or_zero(cell: PrintedCell | None) -> Money | None:
    """A cell's amount; a blank or a dash is zero; a malformed number or text is None."""
    if cell is None or cell.kind in (CellKind.BLANK, CellKind.DASH):
        return Money(0)
    return cell.amount
