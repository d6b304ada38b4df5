"""Structured files: a `Budget` as YAML, JSON or TOML, and back, exactly."""

from __future__ import annotations

import enum
import json
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import cattrs

from budgetdiff.exceptions import InvalidFileError

from .budget import Budget
from .money import Unit
from .serde import InexactNumber, make_converter


class Format(enum.Enum):
    """A structured-file format."""

    YAML = "yaml"
    JSON = "json"
    TOML = "toml"

    @classmethod
    def for_path(cls, path: Path) -> Format | None:
        return _SUFFIXES.get(path.suffix.lower())


_SUFFIXES = {".yaml": Format.YAML, ".yml": Format.YAML, ".json": Format.JSON, ".toml": Format.TOML}


def sniff_format(text: str) -> Format | None:
    """Guess a structured format from content: JSON starts with ``{``; TOML has ``key = value``."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return Format.JSON
    first = next((ln for ln in stripped.splitlines() if ln.strip() and ln[0] != "#"), "")
    if first.startswith("[") or ("=" in first and ":" not in first.split("=")[0]):
        return Format.TOML
    if ":" in first:
        return Format.YAML
    return None


def parse(text: str, fmt: Format, source: str) -> Any:
    """Parse *text* into plain data; numbers keep their literal text, never become floats."""
    try:
        if fmt is Format.JSON:
            return json.loads(
                text, parse_float=InexactNumber, parse_constant=_json_constant(source)
            )
        if fmt is Format.TOML:
            return tomllib.loads(text, parse_float=lambda s: InexactNumber(s, "TOML"))
        return _load_yaml(text)
    except InvalidFileError:
        raise
    except json.JSONDecodeError as exc:
        raise InvalidFileError(source, [f"line {exc.lineno}: not valid JSON: {exc.msg}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidFileError(source, [f"not valid TOML: {exc}"]) from None
    except Exception as exc:  # yaml.YAMLError and its marks
        raise InvalidFileError(source, [f"not valid YAML: {_yaml_problem(exc)}"]) from None


def _json_constant(source: str) -> Any:
    def refuse(name: str) -> None:
        raise InvalidFileError(source, [f"{name} is not an amount"])

    return refuse


def _yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return str(problem)


def _load_yaml(text: str) -> Any:
    import yaml

    class ExactLoader(yaml.SafeLoader):
        """A YAML loader that keeps every plain scalar as text (no floats, no 'yes' booleans)."""

    ExactLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(text, Loader=ExactLoader)


def budget_from_data(data: Any, source: str) -> Budget:
    """Structure plain data (as parsed from a file) into a `Budget`, or raise `InvalidFileError`."""
    if not isinstance(data, Mapping):
        raise InvalidFileError(source, ["the file does not hold a budget (a mapping of fields)"])
    unit = _unit_of(data, source)
    try:
        return make_converter(unit).structure(data, Budget)
    except cattrs.BaseValidationError as exc:
        raise InvalidFileError(source, _problems(exc)) from None
    except (ValueError, TypeError) as exc:
        raise InvalidFileError(source, [str(exc)]) from None


def _unit_of(data: Mapping[str, Any], source: str) -> Unit:
    presentation = data.get("presentation") or {}
    text = (
        presentation.get("unit", Unit.WAN_YUAN.value) if isinstance(presentation, Mapping) else ""
    )
    try:
        return Unit(text)
    except ValueError:
        problem = f"presentation.unit: {text!r} is not a money unit (use 万元 or 元)"
        raise InvalidFileError(source, [problem]) from None


def _problems(exc: cattrs.BaseValidationError) -> list[str]:
    def describe(error: BaseException, _type: Any) -> str:
        if isinstance(error, KeyError):
            return "required field is missing"
        if isinstance(error, cattrs.ForbiddenExtraKeysError):
            keys = ", ".join(sorted(error.extra_fields))
            return f"unknown field(s): {keys}"
        text = str(error)
        return text if text else type(error).__name__

    problems = []
    for line in cattrs.transform_error(exc, path="", format_exception=describe):
        message, _, where = line.rpartition(" @ ")
        where = where.removeprefix(".")
        problems.append(f"{where}: {message}" if where else message)
    return problems


def budget_to_data(budget: Budget) -> dict[str, Any]:
    """*budget* as plain data: amounts as strings in the budget's own unit."""
    data: dict[str, Any] = make_converter(budget.presentation.unit).unstructure(budget)
    data["kind"] = budget.kind.value  # the document's identity is always written out
    data["scope"] = budget.scope.value
    data["presentation"] = {
        "unit": budget.presentation.unit.value,
        "places": budget.presentation.places,
    }
    return _ordered(data)


_FIRST_KEYS = ("year", "kind", "scope", "presentation", "profile")


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    first = {k: data[k] for k in _FIRST_KEYS if k in data}
    return first | {k: v for k, v in data.items() if k not in first}


def dumps(budget: Budget, fmt: Format) -> str:
    """*budget* as text in *fmt*; reading it back gives an equal budget."""
    data = budget_to_data(budget)
    if fmt is Format.JSON:
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if fmt is Format.TOML:
        import tomli_w

        return tomli_w.dumps(data)
    import yaml

    dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return dumped


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    msg = f"{type(value).__name__} cannot be written as JSON"
    raise TypeError(msg)


def loads(text: str, fmt: Format | None = None, *, source: str = "<text>") -> Budget:
    """Read a `Budget` from structured *text* (format sniffed from content when not given)."""
    fmt = fmt or sniff_format(text)
    if fmt is None:
        raise InvalidFileError(source, ["not YAML, JSON or TOML"])
    return budget_from_data(parse(text, fmt, source), source)


def load(path: str | Path) -> Budget:
    """
    Read a `Budget` from a YAML, JSON or TOML file.

    Raises:
        InvalidFileError: the file cannot be read or does not describe a budget;
            the message names the file and the path inside it.

    .. versionadded:: 0.1.0
    """
    path = Path(path)
    text = read_text(path)
    return loads(text, Format.for_path(path) or sniff_format(text), source=str(path))


def read_text(path: Path) -> str:
    """The text of a structured file (UTF-8, with or without BOM)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidFileError(str(path), [exc.strerror or str(exc)]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text (byte {exc.start}); save structured files as UTF-8"
        raise InvalidFileError(str(path), [problem]) from None


def dump(budget: Budget, path: str | Path, fmt: Format | None = None) -> None:
    """
    Write *budget* to *path* in *fmt* (by default, the format its suffix names).

    .. versionadded:: 0.1.0
    """
    path = Path(path)
    chosen = fmt or Format.for_path(path)
    if chosen is None:
        raise InvalidFileError(str(path), ["unknown format: use .yaml, .json or .toml"])
    path.write_text(dumps(budget, chosen), encoding="utf-8")
