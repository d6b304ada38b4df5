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

from budgetdiff._engine.compare import Comparison
from budgetdiff._engine.registry import installed
from budgetdiff._model.money import Money, Unit
from budgetdiff._words import (
    SEED_STYLE,
    SHANGHAI_STYLE,
    NumberStyle,
    amount,
    percent_text,
    quantity,
)
from budgetdiff.exceptions import TemplateError

from .context import draft_context
from .document import CLOSE, MID, OPEN, Draft, Section, unmark
from .facts import Figure
from .self_check import self_check

LOCALES = ("zh_CN", "en")
_SECTION = re.compile(r"^\d\d_[\w-]+\.j2$")


def _mark(figure: Figure | Money | Decimal | int | None, text: str) -> str:
    source = figure.source if isinstance(figure, Figure) else "untraced"
    return f"{OPEN}{source}{MID}{text}{CLOSE}"


def _value(figure: Figure | Money | Decimal | int) -> Money | Decimal | int:
    return figure.value if isinstance(figure, Figure) else figure


def make_filters(style: NumberStyle) -> dict[str, Any]:
    """The draft's number filters; each prints a number and marks its source."""

    def money(figure: Figure | Money) -> str:
        value = _value(figure)
        if not isinstance(value, Money):
            msg = f"money filter expects an amount, got {value!r}"
            raise TypeError(msg)
        return _mark(figure, amount(value, style))

    def num(figure: Figure | Money | int) -> str:
        return _mark(figure, quantity(_value(figure), style))

    def pct(figure: Figure | Decimal) -> str:
        value = _value(figure)
        if not isinstance(value, Decimal):
            msg = f"pct filter expects a percentage, got {value!r}"
            raise TypeError(msg)
        return _mark(figure, percent_text(value, style))

    def count(figure: Figure | int) -> str:
        return _mark(figure, str(_value(figure)))

    def codes(values: Sequence[str]) -> str:
        return "、".join(values)

    return {"money": money, "num": num, "pct": pct, "count": count, "codes_list": codes}


@functools.lru_cache(maxsize=32)
def _environment(locale: str, user_dirs: tuple[Path, ...], style: NumberStyle) -> Any:
    """
    The draft environment, built once per (locale, user folders, style): templates are
    compiled on first use and reloaded only when their file changes.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    plugin_dirs = [str(d.item) for d in installed().template_dirs]
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in user_dirs]),
            jinja2.FileSystemLoader(plugin_dirs),
            jinja2.PackageLoader("budgetdiff", "templates/draft"),
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


def _sections(env: Any, locale: str) -> list[str]:
    names = {
        name.split("/", 1)[1]
        for name in env.list_templates()
        if name.startswith(f"{locale}/") and _SECTION.match(name.split("/", 1)[1])
    }
    return sorted(names)


def draft(
    comparison: Comparison,
    *,
    locale: str = "zh_CN",
    templates: Path | Sequence[Path] | None = None,
    style: NumberStyle | None = None,
    check: bool = True,
) -> Draft:
    """
    Draft the 情况说明 of ``comparison.new`` against ``comparison.old``.

    Args:
        comparison: what `compare` found.
        locale: ``zh_CN`` (the house style of the seed disclosure) or ``en``.
        templates: folder(s) of templates that override the built-in ones by name.
        style: how numbers are printed.  By default, the house style of the
            document's family: a budget printed in 万元 gets the seed's ("115万元",
            trailing zeros dropped), one printed in 元 Shanghai's ("18,976.76万元").
        check: verify the draft's numbers against the budgets before returning it.

    Raises:
        TemplateError: a template is missing, invalid or fails; names file and line.
        SelfCheckError: the draft states a number its budgets contradict (a bug).

    .. versionadded:: 0.1.0
    """
    if locale not in LOCALES:
        msg = f"unknown locale {locale!r}: choose one of {', '.join(LOCALES)}"
        raise TemplateError(msg)
    user_dirs = [templates] if isinstance(templates, Path) else list(templates or ())
    for folder in user_dirs:
        if not Path(folder).is_dir():
            msg = f"{folder}: not a folder of templates"
            raise TemplateError(msg)
        if not any(Path(folder, locale).glob("*.j2")):
            msg = f"{folder}: no {locale}/*.j2 templates to use (lay it out as {locale}/NN_name.j2)"
            raise TemplateError(msg)
    if style is None:
        style = SHANGHAI_STYLE if comparison.new.presentation.unit is Unit.YUAN else SEED_STYLE
    env = _environment(locale, tuple(Path(d) for d in user_dirs), style)
    context = draft_context(comparison, style)
    sections = [_render(env, f"{locale}/{name}", context) for name in _sections(env, locale)]
    title = _render(env, f"{locale}/title.j2", context).title
    result = Draft(
        unit_name=comparison.new.unit_name,
        year=comparison.new.year,
        prior_year=comparison.old.year,
        locale=locale,
        title=title,
        sections=[s for s in sections if s.title or s.paragraphs],
    )
    if check:
        self_check(result, comparison, style)
    return result


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
