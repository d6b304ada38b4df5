"""
Template families: a house style is a folder of templates plus ``family.toml``, a small
description of what it is, what it needs and when it is chosen.

Built-in families live in ``templates/draft/<name>/``; a user's own family is any folder
with a ``family.toml`` (``draft(..., family=Path("my-family"))``, ``--style my-family/``).
A family's sections are its own ``<locale>/NN_name.j2``; the templates it lacks (macros,
notes, a whole locale) come from the family it ``extends``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from pathlib import Path

from attrs import field, frozen

from budgetdiff._model.budget import Budget
from budgetdiff._model.fields import tuple_of
from budgetdiff._model.money import Unit
from budgetdiff.exceptions import TemplateError

BUILT_IN = Path(__file__).parent.parent / "templates" / "draft"
DEFAULT = "xinjiang"


@frozen(kw_only=True)
class Family:
    """A house style: its folder, the family it extends, how it prints numbers, when it fits."""

    name: str
    folder: Path
    description: str = ""
    extends: str = ""
    numbers: str = "by-unit"  # seed, shanghai, or by-unit (the document's unit decides)
    templates: tuple[str, ...] = field(default=(), converter=tuple_of)  # Disclosure.template
    titles: tuple[str, ...] = field(default=(), converter=tuple_of)  # words in table titles
    units: tuple[str, ...] = field(default=(), converter=tuple_of)  # 元, 万元
    holds: tuple[str, ...] = field(default=(), converter=tuple_of)  # Budget fields, all held
    needs: tuple[str, ...] = field(default=(), converter=tuple_of)  # Budget fields it uses

    def chain(self) -> list[Family]:
        """This family, then the families it extends, nearest first."""
        chain, seen = [self], {self.name}
        while chain[-1].extends and chain[-1].extends not in seen:
            parent = family(chain[-1].extends)
            chain.append(parent)
            seen.add(parent.name)
        return chain

    def has_locale(self, locale: str) -> bool:
        return any((self.folder / locale).glob("[0-9][0-9]_*.j2"))

    def missing(self, budget: Budget) -> list[str]:
        """What this family needs that *budget* does not hold."""
        return [name for name in self.needs if not _holds(budget, name)]

    def fits(self, budget: Budget) -> bool:
        """Whether *budget* holds every figure only this style publishes (``detect.holds``)."""
        return bool(self.holds) and all(_holds(budget, name) for name in self.holds)


def _holds(budget: Budget, dotted: str) -> bool:
    node: object = budget
    for name in dotted.split("."):
        node = getattr(node, name, None)
        if node is None:
            return False
    return bool(node) if isinstance(node, tuple) else True


def load_family(folder: Path) -> Family:
    """The family described by ``folder/family.toml``; one message naming the file if bad."""
    path = folder / "family.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        msg = f"{folder}: not a template family (no family.toml)"
        raise TemplateError(msg) from None
    except tomllib.TOMLDecodeError as exc:
        msg = f"{path}: {exc}"
        raise TemplateError(msg) from None
    detect = data.get("detect", {})
    needs = data.get("needs", {})
    try:
        return Family(
            name=str(data.get("name") or folder.name),
            folder=folder,
            description=str(data.get("description", "")),
            extends=str(data.get("extends", "")),
            numbers=str(data.get("numbers", "by-unit")),
            templates=[str(t) for t in detect.get("templates", ())],
            titles=[str(t) for t in detect.get("titles", ())],
            units=[str(u) for u in detect.get("units", ())],
            holds=[str(h) for h in detect.get("holds", ())],
            needs=[str(n) for n in needs.get("budget", ())],
        )
    except (TypeError, AttributeError) as exc:
        msg = f"{path}: {exc}"
        raise TemplateError(msg) from None


@functools.cache
def built_in() -> tuple[Family, ...]:
    """The families that ship with budgetdiff."""
    return tuple(
        load_family(folder)
        for folder in sorted(BUILT_IN.iterdir())
        if (folder / "family.toml").is_file()
    )


def family(name_or_folder: str | Path) -> Family:
    """A built-in family by name, or a user's family by its folder."""
    if isinstance(name_or_folder, Path) or "/" in str(name_or_folder):
        return load_family(Path(name_or_folder))
    for known in built_in():
        if known.name == name_or_folder:
            return known
    if Path(name_or_folder).is_dir():
        return load_family(Path(name_or_folder))
    names = ", ".join(f.name for f in built_in())
    msg = f"unknown style {name_or_folder!r}: choose one of {names}, or a folder with family.toml"
    raise TemplateError(msg)


def choose(budget: Budget, *, template: str = "", titles: Sequence[str] = ()) -> Family:
    """
    The family the documents look like: the reader's template (``Disclosure.template``)
    first, then words of their table titles, then the figures only one style publishes
    (Jiangsu's 会议费 and 培训费), then the unit they print in; else the seed's.
    """
    families = built_in()
    if template:
        for known in families:
            if template in known.templates:
                return known
    for known in families:
        if any(word in title for word in known.titles for title in titles):
            return known
    for known in families:
        if known.fits(budget):
            return known
    unit = "元" if budget.presentation.unit is Unit.YUAN else "万元"
    for known in families:
        if unit in known.units:
            return known
    return family(DEFAULT)
