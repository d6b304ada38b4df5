"""
Numbers in words: the number styles and the jinja2 filters that format figures,
the message catalogs, and the environments of budgetdiff's own templates.

Words live in templates (``templates/*.j2`` and ``messages/*.toml``); this module
only formats numbers, so a template writes ``{{ change.delta|amount }}`` and
never formats a figure by hand.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ._model.findings import Finding, Location, Severity
from ._model.money import Money, Unit, Value, half_up

if TYPE_CHECKING:
    import jinja2


@frozen(kw_only=True)
class NumberStyle:
    """
    How a narrative prints numbers.

    The seed's house style (the default) prints 万元 to two places with trailing
    zeros dropped ("115万元", "306.9万元"); Shanghai's prints "18,976.76万元" and
    keeps "0.00".
    """

    unit: Unit = Unit.WAN_YUAN
    places: int = 2
    strip_zeros: bool = True
    thousands: bool = False
    percent_places: int = 2


SEED_STYLE = NumberStyle()
SHANGHAI_STYLE = NumberStyle(strip_zeros=False, thousands=True)


def format_number(number: Decimal, style: NumberStyle, places: int | None = None) -> str:
    """*number* rounded 四舍五入 to the style's places, as the style prints it."""
    rounded = half_up(number, style.places if places is None else places)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0"
    text = f"{rounded:,f}" if style.thousands else f"{rounded:f}"
    if style.strip_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def number(value: Money | Decimal | int, style: NumberStyle = SEED_STYLE) -> str:
    """An amount (in the style's unit) or a plain number, without its unit."""
    if isinstance(value, Money):
        return format_number(value.to(style.unit), style)
    if isinstance(value, int):
        return str(value)
    return format_number(value, style)


def amount(value: Money, style: NumberStyle = SEED_STYLE) -> str:
    """An amount with its unit: "433.34万元"."""
    return f"{number(value, style)}{style.unit.value}"


def percent_text(value: Decimal | None, style: NumberStyle = SEED_STYLE) -> str:
    """A percentage to the style's places, 四舍五入: "202.53%"; "" when there is none."""
    if value is None:
        return ""
    return f"{format_number(value, style, style.percent_places)}%"


def quantity(value: Money | Decimal | int | str | None, style: NumberStyle = SEED_STYLE) -> str:
    """Any compared value: an amount's number, a count, a percentage ("73.46%"), a text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return percent_text(value, style)
    if isinstance(value, str):
        return value
    return number(value, style)


def signed(value: Money | Decimal | int, style: NumberStyle = SEED_STYLE) -> str:
    """A change with its sign: "+290.1", "-0.09", "+33", "+24.13%" (percentage points)."""
    text = quantity(value, style)
    negative = (value.yuan if isinstance(value, Money) else value) < 0
    if negative:
        return text if text.startswith("-") else f"-{text}"
    return text if text.strip("0.%") == "" else f"+{text}"


def _style(context: Mapping[str, Any]) -> NumberStyle:
    style = context.get("style")
    return style if isinstance(style, NumberStyle) else SEED_STYLE


def install_filters(env: jinja2.Environment) -> None:
    """Add budgetdiff's number filters to *env*: amount, number, pct, magnitude."""
    import jinja2

    @jinja2.pass_context
    def amount_filter(context: Any, value: Money) -> str:
        return amount(value, _style(context))

    @jinja2.pass_context
    def number_filter(context: Any, value: Money | Decimal | int) -> str:
        return number(value, _style(context))

    @jinja2.pass_context
    def pct_filter(context: Any, value: Decimal | None) -> str:
        return percent_text(value, _style(context))

    @jinja2.pass_context
    def quantity_filter(context: Any, value: Money | Decimal | int | str | None) -> str:
        return quantity(value, _style(context))

    @jinja2.pass_context
    def signed_filter(context: Any, value: Money | Decimal | int) -> str:
        return signed(value, _style(context))

    env.filters.update(
        amount=amount_filter,
        number=number_filter,
        pct=pct_filter,
        magnitude=abs,
        quantity=quantity_filter,
        signed=signed_filter,
    )


@functools.cache
def message_environment() -> jinja2.Environment:
    """The environment finding messages are compiled in: the number filters, strict."""
    import jinja2

    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    install_filters(env)
    return env


class Messages:
    """
    A catalog of finding messages: rule id → a Chinese and an English template.

    Catalogs are TOML files of tables ``["rule.id"] zh = "…" en = "…"``; a plugin
    ships its own next to its code and loads it with `Messages.from_package`.
    """

    def __init__(self, catalog: Mapping[str, Mapping[str, str]]) -> None:
        self._catalog = catalog
        self._compiled: dict[tuple[str, str], jinja2.Template] = {}

    @classmethod
    def from_package(cls, package: str, name: str) -> Messages:
        """The catalog shipped in *package* as the TOML file *name* (``messages/x.toml``)."""
        text = (resources.files(package) / name).read_text(encoding="utf-8")
        return cls(tomllib.loads(text))

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids the catalog has messages for."""
        return tuple(self._catalog)

    def render(self, rule: str, locale: str, data: Mapping[str, Any]) -> str:
        """The *locale* (``zh`` or ``en``) message of *rule* filled with *data*, stripped."""
        key = (rule, locale)
        template = self._compiled.get(key)
        if template is None:
            template = message_environment().from_string(self._catalog[rule][locale])
            self._compiled[key] = template
        return template.render({"style": SEED_STYLE, **data}).strip()

    def finding(
        self,
        rule: str,
        severity: Severity,
        *,
        key: str | None = None,
        locations: Iterable[Location] = (),
        expected: Value | None = None,
        actual: Value | None = None,
        inputs: Iterable[tuple[str, Value | None]] = (),
        **data: Any,
    ) -> Finding:
        """A `Finding` of *rule*, its messages the template *key* (default: *rule*) of *data*."""
        template = key or rule
        return Finding(
            rule=rule,
            severity=severity,
            message=self.render(template, "zh", data),
            message_en=self.render(template, "en", data),
            locations=tuple(locations),
            expected=expected,
            actual=actual,
            inputs=tuple(inputs),
        )


@functools.cache
def builtin_messages(name: str) -> Messages:
    """One of budgetdiff's own message catalogs (``messages/NAME``), loaded once."""
    return Messages.from_package("budgetdiff", f"messages/{name}")


@functools.cache
def builtin_environment() -> jinja2.Environment:
    """The environment of budgetdiff's own report templates (not user-overridable)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("budgetdiff", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_filters(env)
    return env
