"""
`draft`: the whole 情况说明 written from a comparison, in the house style of the
templates in ``templates/draft/<locale>/``, every number traced to its source.

Templates hold the words; the filters here print numbers (and mark where each
came from).  A user's folder of same-named templates overrides the built-in
ones section by section; every template runs in jinja2's sandbox with
StrictUndefined, and an error names the template file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import evolve

from budgetdiff._engine.compare import Comparison
from budgetdiff._engine.registry import installed
from budgetdiff._model.money import Money, Unit
from budgetdiff._words import (
    SEED_STYLE,
    SHANGHAI_STYLE,
    NumberStyle,
    amount,
    format_number,
    percent_text,
    quantity,
)
from budgetdiff.exceptions import SelfCheckError, TemplateError

from .basis import CHANGES_FROM, Basis, ChangesFrom
from .context import draft_context
from .document import ADJUSTED, CLOSE, MID, OPEN, Draft, Note, Section, unmark
from .facts import Figure
from .families import Family, choose
from .families import family as get_family
from .self_check import Problem, resolve, self_check

LOCALES = ("zh_CN", "en")
_SECTION = re.compile(r"^\d\d_[\w-]+\.j2$")


def _mark(figure: Figure | Money | Decimal | int | None, text: str, before: str = "") -> str:
    source = figure.source if isinstance(figure, Figure) else "untraced"
    if before and before != text:
        source = f"{source}{ADJUSTED}{before}"
    return f"{OPEN}{source}{MID}{text}{CLOSE}"


def _value(figure: Figure | Money | Decimal | int) -> Money | Decimal | int | str:
    return figure.value if isinstance(figure, Figure) else figure


def make_filters(style: NumberStyle) -> dict[str, Any]:
    """The draft's number filters; each prints a number and marks its source."""

    def money(figure: Figure | Money) -> str:
        value = _value(figure)
        if not isinstance(value, Money):
            msg = f"money filter expects an amount, got {value!r}"
            raise TypeError(msg)
        if isinstance(figure, Figure) and isinstance(figure.printed, Money):
            return _mark(figure, amount(figure.printed, style), amount(value, style))
        return _mark(figure, amount(value, style))

    def num(figure: Figure | Money | int) -> str:
        """A figure without its unit (the template words the unit: "10k yuan")."""
        if isinstance(figure, Figure) and figure.printed is not None:
            return _mark(figure, quantity(figure.printed, style), quantity(figure.value, style))
        return _mark(figure, quantity(_value(figure), style))

    def pct(figure: Figure | Decimal) -> str:
        value = _value(figure)
        if not isinstance(value, Decimal):
            msg = f"pct filter expects a percentage, got {value!r}"
            raise TypeError(msg)
        if isinstance(figure, Figure) and isinstance(figure.printed, Decimal):
            return _mark(figure, percent_text(figure.printed, style), percent_text(value, style))
        return _mark(figure, percent_text(value, style))

    def count(figure: Figure | int) -> str:
        value = _value(figure)
        if value is None:
            msg = "count filter got no figure (use the n() macro for a figure that may be absent)"
            raise TypeError(msg)
        return _mark(figure, str(value))

    def copied(figure: Figure | str | None) -> str:
        """Text copied from the source document (a funding item, a policy basis)."""
        if not isinstance(figure, Figure):
            return "" if figure is None else _mark(None, str(figure))
        return _mark(figure, str(figure.value))

    def codes(values: Sequence[str]) -> str:
        return "、".join(values)

    return {
        "money": money,
        "num": num,
        "pct": pct,
        "count": count,
        "copied": copied,
        "codes_list": codes,
    }


@functools.lru_cache(maxsize=32)
def _environment(
    user_dirs: tuple[Path, ...], family_dirs: tuple[Path, ...], style: NumberStyle
) -> Any:
    """
    The draft environment, built once per (user folders, family chain, style): templates
    are compiled on first use and reloaded only when their file changes.  A name is looked
    up in the user's folders, the plugins', then the family and the families it extends.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in user_dirs]),
            jinja2.FileSystemLoader(_plugin_dirs()),
            jinja2.FileSystemLoader([str(d) for d in family_dirs]),
        ]
    )
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(make_filters(style))
    return env


def _plugin_dirs() -> list[str]:
    return [str(d.item) for d in installed().template_dirs]


def _same_unit(old: str, new: str) -> bool:
    """Whether two unit names name one unit: alike but for 本级 and spaces, or one in the other."""
    a, b = (re.sub(r"\s|（本级）|\(本级\)|本级$", "", name) for name in (old, new))
    return not a or not b or a in b or b in a


def _pair_problems(comparison: Comparison) -> list[Problem]:
    """
    A draft says "比上年…" of last year's budget of the same unit: a pair of two units, or of
    years that do not follow each other, makes every such sentence false.
    """
    old, new = comparison.old, comparison.new
    problems = []
    if new.year != old.year + 1:
        problems.append(Problem(kind="years", params={"old": str(old.year), "new": str(new.year)}))
    if not _same_unit(old.unit_name, new.unit_name):
        problems.append(Problem(kind="units", params={"old": old.unit_name, "new": new.unit_name}))
    return problems


def _sections(folders: Sequence[Path], locale: str) -> list[str]:
    """The section templates (``NN_name.j2``) of *folders*' *locale*, in order."""
    names = {
        path.name
        for folder in folders
        for path in Path(folder, locale).glob("*.j2")
        if _SECTION.match(path.name)
    }
    return sorted(names)


def number_style(chosen: Family, comparison: Comparison) -> NumberStyle:
    """How a family prints numbers: its own style, or the document's unit decides."""
    if chosen.numbers == "shanghai":
        return SHANGHAI_STYLE
    if chosen.numbers == "seed":
        return SEED_STYLE
    return SHANGHAI_STYLE if comparison.new.presentation.unit is Unit.YUAN else SEED_STYLE


def draft(
    comparison: Comparison,
    *,
    locale: str = "zh_CN",
    templates: Path | Sequence[Path] | None = None,
    style: NumberStyle | None = None,
    family: str | Path | Family | None = None,
    check: bool = True,
    strict: bool = False,
    changes_from: ChangesFrom = "exact",
) -> Draft:
    """
    Draft the 情况说明 of ``comparison.new`` against ``comparison.old``.

    Args:
        comparison: what `compare` found.
        locale: ``zh_CN`` (the house style of the seed disclosure) or ``en``.
        templates: folder(s) of templates that override the family's by name.
        style: how numbers are printed.  By default, the family's: the seed's
            ("115万元", trailing zeros dropped) or Shanghai's ("18,976.76万元").
        family: the house style — a built-in family's name (``xinjiang``,
            ``shanghai``), a folder with ``family.toml``, or a `Family`.  By default,
            the family the budgets look like (see `families.choose`).
        check: verify the draft against its budgets; what cannot be confirmed is
            listed in the draft's ``notes`` (and highlighted in HTML and Word).
        strict: raise `SelfCheckError` instead when the check finds anything.
        changes_from: ``exact`` (the default): a change is the difference of the two
            budgets' exact amounts.  ``printed``: the difference of last year's figure as
            its document printed it (四舍五入 to the draft's unit and places) and this
            year's as the draft prints it, so the draft agrees with what was published
            (3,355.65万元, where the exact amounts differ by 3,355.6428万元); rates too.
            The trace keeps the exact figure (each number's ``value``) and the printed
            figures the change was computed from.

    Raises:
        TemplateError: a template is missing, invalid or fails; names file and line.
        SelfCheckError: with ``strict``, the check found a problem.

    .. versionadded:: 0.1.0
    """
    if locale not in LOCALES:
        msg = f"unknown locale {locale!r}: choose one of {', '.join(LOCALES)}"
        raise TemplateError(msg)
    if changes_from not in CHANGES_FROM:
        msg = f"unknown changes_from {changes_from!r}: choose one of {', '.join(CHANGES_FROM)}"
        raise ValueError(msg)
    user_dirs = [templates] if isinstance(templates, Path) else list(templates or ())
    for folder in user_dirs:
        if not Path(folder).is_dir():
            msg = f"{folder}: not a folder of templates"
            raise TemplateError(msg)
        if not any(Path(folder, locale).glob("*.j2")):
            msg = f"{folder}: no {locale}/*.j2 templates to use (lay it out as {locale}/NN_name.j2)"
            raise TemplateError(msg)
    if family is None:
        chosen = choose(comparison.new)
    elif isinstance(family, Family):
        chosen = family
    else:
        chosen = get_family(family)
    chain = chosen.chain()
    home = next((f for f in chain if f.has_locale(locale)), chain[-1])
    if style is None:
        style = number_style(chosen, comparison)
    folders = tuple(Path(d) for d in user_dirs)
    env = _environment(folders, tuple(f.folder for f in chain), style)
    context = draft_context(comparison, style, changes_from=changes_from)
    names = _sections([*folders, *map(Path, _plugin_dirs()), home.folder], locale)
    sections = [_render(env, f"{locale}/{name}", context) for name in names]
    sections = [_described(s, comparison, env, locale, context) for s in sections]
    title = _render(env, f"{locale}/title.j2", context).title
    result = Draft(
        family=chosen.name,
        unit_name=comparison.new.unit_name,
        year=comparison.new.year,
        prior_year=comparison.old.year,
        locale=locale,
        title=title,
        sections=[s for s in sections if s.title or s.paragraphs],
    )
    if not check:
        return result
    problems = self_check(result, comparison, style)
    problems += [
        Problem(kind="missing_input", params={"field": name})
        for name in chosen.missing(comparison.new)
    ]
    problems += _pair_problems(comparison)
    if strict and problems:
        msg = "the draft contradicts its own budgets:\n" + "\n".join(
            f"{p.section}: {p.kind} {p.params}" for p in problems
        )
        raise SelfCheckError(msg)
    return evolve(
        result,
        notes=[_note(env, locale, context, p) for p in problems],
        notes_title=_macro(env, locale, "notes_title", context),
    )


def _macro(env: Any, locale: str, name: str, context: dict[str, Any], *args: Any) -> str:
    module = env.get_template(f"{locale}/_notes.j2").make_module(context)
    return str(getattr(module, name)(*args)).strip()


def _note(env: Any, locale: str, context: dict[str, Any], problem: Problem) -> Note:
    """A problem the self-check found, in the family's words (``_notes.j2``)."""
    text = _macro(env, locale, "note", context, problem.kind, problem.params)
    return Note(
        kind=problem.kind,
        text=unmark(text)[0],
        section=problem.section,
        paragraph=problem.paragraph,
        start=problem.start,
        end=problem.end,
    )


def _described(
    section: Section, comparison: Comparison, env: Any, locale: str, context: dict[str, Any]
) -> Section:
    """
    Each number of *section* with its exact value and, in words, where it came from (and,
    for a change computed from the printed figures, which they were).
    """
    basis: Basis = context["basis"]
    style: NumberStyle = context["style"]
    spans = []
    for paragraph in section.spans:
        described = []
        for span in paragraph:
            value = resolve(span.source, comparison)
            pair = basis.pairs.get(span.source) if basis.printed else None
            printed = {"printed_old": "", "printed_new": "", "exact": ""}
            if pair is not None:
                printed = {
                    "printed_old": amount(pair[0], style),
                    "printed_new": amount(pair[1], style),
                    "exact": _exact_text(value, style),
                }
            parts = {**describe(span.source, comparison), **printed}
            described.append(
                evolve(
                    span,
                    value=_exact(value),
                    where=_macro(env, locale, "where", context, parts),
                    printed_old=printed["printed_old"],
                    printed_new=printed["printed_new"],
                )
            )
        spans.append(tuple(described))
    return evolve(section, spans=spans)


def _exact_text(value: object, style: NumberStyle) -> str:
    """A change as the exact amounts give it: every decimal of an amount, a rate as printed."""
    if isinstance(value, Money):
        number = value.to(style.unit)
        exponent = number.as_tuple().exponent
        places = max(style.places, -exponent if isinstance(exponent, int) else 0)
        return f"{format_number(number, style, places)}{style.unit.value}"
    if isinstance(value, Decimal):
        return percent_text(value, style)
    return "" if value is None else str(value)


def _exact(value: object) -> str:
    if isinstance(value, Money):
        return f"{value.yuan}元"
    return "" if value is None else str(value)


_FIELD = re.compile(r"^(\d{4}):([a-z_]+)(?:\[(@?\d+)\])?(?:\.(.*))?$")


def describe(source: str, comparison: Comparison) -> dict[str, str]:
    """What a source names, as parts a template words: year, table, row, column."""
    if source.startswith(("diff:", "rate:")):
        how, _, rest = source.partition(":")
        parts = describe(rest, comparison)
        return {**parts, "column": f"{how}:" + parts.get("column", "")}
    if "#" in source:
        change_id, _, part = source.rpartition("#")
        change = comparison.get(change_id)
        name = change.subject.name if change is not None else change_id
        kind = change.subject.kind if change is not None else ""
        return {
            "kind": "change",
            "table": kind,
            "row": name,
            "code": change.subject.key if change is not None else "",
            "column": part,
            "year": str(comparison.new.year),
            "prior_year": str(comparison.old.year),
        }
    if source.startswith("prior:"):
        source = f"{comparison.old.year}:{source.removeprefix('prior:')}"
    match = _FIELD.match(source)
    if match is None:
        return {"kind": "unknown", "row": source}
    year, table, index, rest = match.groups()
    budget = comparison.new if year == str(comparison.new.year) else comparison.old
    row = ""
    if index is not None:
        rows = list(getattr(budget, table, ()) or ())
        if index.startswith("@"):  # a line by its code
            rows = [r for r in rows if getattr(r.code, "value", "") == index[1:]]
            index = "0"
        if int(index) < len(rows):
            item = rows[int(index)]
            row = str(getattr(item, "name", "") or getattr(item, "kind", ""))
            code = getattr(getattr(item, "code", None), "value", "")
            row = f"{row}（{code}）" if code else row
    if table == "assets" and rest and rest.startswith("vehicles["):
        vehicles = budget.assets.vehicles if budget.assets else ()
        at = int(rest[len("vehicles[") : rest.index("]")])
        row = vehicles[at].kind if at < len(vehicles) else ""
        rest = rest.split(".", 1)[1] if "." in rest else ""
    return {
        "kind": "figure",
        "table": table,
        "row": row,
        "column": rest or "",
        "year": year,
        "prior_year": str(comparison.old.year),
    }


def _render(env: Any, name: str, context: dict[str, Any]) -> Section:
    import jinja2

    try:
        text = env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        msg = f"{where}, line {exc.lineno}: {exc.message}"
        raise TemplateError(msg) from None
    except jinja2.TemplateNotFound:
        msg = f"template {name} not found"
        raise TemplateError(msg) from None
    except Exception as exc:  # UndefinedError, SecurityError, errors in filters
        where = _template_frame(exc, name)
        msg = f"{where}: {type(exc).__name__}: {exc}"
        raise TemplateError(msg) from None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    title_marked = lines[0] if lines else ""
    paragraphs = [unmark(line) for line in lines[1:]]
    return Section(
        key=name.split("/", 1)[1].removesuffix(".j2"),
        title=unmark(title_marked)[0],
        paragraphs=[p for p, _ in paragraphs],
        spans=[s for _, s in paragraphs],
    )


def _template_frame(exc: BaseException, name: str) -> str:
    """The template file and line an exception was raised in (from its traceback)."""
    tb = exc.__traceback__
    where = name
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return where
