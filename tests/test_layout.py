"""
The package's layout holds: every import runs down the dependency order written in
docs/layout.md, no module is part of an import circle, budgetdiff's own modules are
imported at the top of a module, and no plugin reaches into a private room.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "budgetdiff"
LAYOUT = REPO / "docs" / "layout.md"

FACES = "faces"
"""The public modules, above every room: budgetdiff, model, disclosure, narrative, plugin, …"""

DEFERRED = {
    "budgetdiff.testing": "the Hypothesis entry point runs while Hypothesis is imported",
    "budgetdiff._engine.subject": "the subject's budget and claims: importing budgetdiff.plugin "
    "must not load the normalizer and the claims extractor",
}
"""Modules allowed a function-level import of budgetdiff's own code, and why."""

HEAVY = {
    "jinja2": "only what writes words compiles templates",
    "jinja2.sandbox": "only drafts run user templates",
    "docx": "the docx extra, for Word output only",
    "yaml": "only YAML files need the YAML loader",
    "tomli_w": "only writing TOML needs it",
    "hypothesis": "the testing extra",
    "importlib.metadata": "the front door's __version__, read on first use",
    "pdfplumber": "the pdf extra, for PDF input only",
    "pdfminer.pdfparser": "the pdf extra (pdfplumber's parser), for PDF input only",
    "openpyxl": "the xlsx extra, for workbook input and output only",
    "openpyxl.styles": "the xlsx extra, for workbook output only",
    "openpyxl.utils": "the xlsx extra, for workbook input and output only",
}
"""Third-party (and standard) modules a function may import on first use, and why."""


@frozen
class Import:
    source: str  # the importing module
    target: str  # the module imported (a budgetdiff module)
    line: int
    nested: bool  # inside a function


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@frozen
class Statement:
    """One import statement: the module it names (relative ones resolved), the names it takes."""

    module: str
    names: tuple[str, ...]  # empty for ``import x``
    line: int
    nested: bool  # inside a function


def statements(path: Path) -> Iterator[Statement]:
    """Every import statement of *path*, at module level or in a function."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    package = [p for p in package if p != "__init__"]

    def visit(node: ast.AST, nested: bool) -> Iterator[Statement]:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level:
                    anchor = package[: len(package) - child.level + 1]
                    module = ".".join([*anchor, *([child.module] if child.module else [])])
                names = tuple(alias.name for alias in child.names)
                yield Statement(module, names, child.lineno, inner)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    yield Statement(alias.name, (), child.lineno, inner)
            yield from visit(child, inner)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")), False)


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[Import]:
    """The budgetdiff modules *name* imports, at module level or in a function."""
    for statement in statements(path):
        targets = [f"{statement.module}.{n}" for n in statement.names] or [statement.module]
        for submodule in targets:
            target = submodule if submodule in known else statement.module
            if target in known:
                yield Import(name, target, statement.line, statement.nested)


def room(module: str) -> str:
    """``_read`` for budgetdiff._read.reader; ``exceptions``; the faces for the rest."""
    parts = module.split(".")
    if len(parts) > 1 and (parts[1].startswith("_") and not parts[1].startswith("__")):
        return parts[1]
    if parts[1:2] == ["exceptions"]:
        return "exceptions"
    return FACES


def order() -> dict[str, int]:
    """The rank of each room in docs/layout.md's dependency line (higher imports lower)."""
    text = LAYOUT.read_text(encoding="utf-8")
    line = re.search(r"^faces →.*$", text, flags=re.M)
    assert line is not None, f"{LAYOUT} states no dependency line starting 'faces →'"
    steps = [step.strip() for step in line.group().split("→")]
    return {
        name.strip(): len(steps) - rank
        for rank, step in enumerate(steps)
        for name in step.split("|")
    }


KNOWN = modules()
IMPORTS = [i for name, path in KNOWN.items() for i in imports(name, path, KNOWN)]


def test_the_walk_sees_the_package() -> None:
    """The walk finds the rooms and their imports (a broken walk would prove nothing)."""
    assert {"budgetdiff._read.reader", "budgetdiff._engine.check", "budgetdiff.plugin"} <= set(
        KNOWN
    )
    assert Import("budgetdiff._engine.check", "budgetdiff._read.reader", 0, False) in {
        Import(i.source, i.target, 0, i.nested) for i in IMPORTS
    }
    assert len(IMPORTS) > 500


def test_every_room_is_on_the_dependency_line() -> None:
    """A new room must be given its place in docs/layout.md."""
    ranks = order()
    rooms = {room(name) for name in KNOWN}
    assert rooms - set(ranks) == set(), "rooms missing from docs/layout.md's dependency line"
    assert set(ranks) - rooms == set(), "docs/layout.md names rooms the package does not have"


def test_no_import_runs_up_the_line() -> None:
    """Each room imports only rooms below it; two rooms of one step never import each other."""
    ranks = order()
    upward = [
        f"{KNOWN[i.source].relative_to(REPO)}:{i.line}: {room(i.source)} imports "
        f"{i.target} ({room(i.target)})"
        for i in IMPORTS
        if room(i.source) != room(i.target) and ranks[room(i.target)] >= ranks[room(i.source)]
    ]
    assert upward == []


def test_no_import_circle() -> None:
    """No module imports, through any chain, a module that imports it."""
    graph: dict[str, set[str]] = {name: set() for name in KNOWN}
    for i in IMPORTS:
        if i.source != i.target:
            graph[i.source].add(i.target)
    circles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert circles == []


def test_imports_in_functions_only_defer_heavy_dependencies() -> None:
    """
    A function-level import defers a heavy dependency that not every path needs
    (`HEAVY`), or one of our own stages where `DEFERRED` says why — never anything else,
    and never to dodge a circle (the circle test sees these imports too).
    """
    nested = [
        f"{path.relative_to(REPO)}:{line}: imports {target} in a function"
        for name, path in KNOWN.items()
        for target, line in ((s.module, s.line) for s in statements(path) if s.nested)
        if not (target in HEAVY or (target.startswith("budgetdiff") and name in DEFERRED))
    ]
    assert nested == []
    used = {
        n for n in DEFERRED for s in statements(KNOWN[n]) if s.nested and "budgetdiff" in s.module
    }
    assert used == set(DEFERRED), "an exemption no longer needed is a rule left open"


def test_no_module_is_imported_by_name_but_the_front_doors() -> None:
    """importlib and __import__ load modules only in the front door's lazy exports."""
    found = [
        f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)[:60]}"
        for name, path in KNOWN.items()
        if name != "budgetdiff"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) in {"importlib.import_module", "import_module", "__import__"}
    ]
    assert found == []


PRIVATE = re.compile(r"budgetdiff\._|from budgetdiff import[^\n]*\b_[a-z]")


def test_plugins_name_no_private_module() -> None:
    """No file under plugins/ imports, or so much as names, a private budgetdiff module."""
    offending = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "plugins").rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path)
        for number, line in enumerate(_text(path).splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offending == []


def test_the_lint_bans_every_room_outside_the_core() -> None:
    """ruff's banned-api names every room, and only the core is exempt from it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    banned = {name for name in lint["flake8-tidy-imports"]["banned-api"] if "._" in name}
    assert banned == {f"budgetdiff.{r}" for r in {room(name) for name in KNOWN}} - {
        f"budgetdiff.{FACES}",
        "budgetdiff.exceptions",
    }
    exempt = {glob for glob, rules in lint["per-file-ignores"].items() if "TID251" in rules}
    assert exempt == {"budgetdiff/**", "tests/**", "benchmarks/**", "scripts/**"}
    assert not (REPO / "plugins").joinpath("ruff.toml").exists()


@pytest.mark.parametrize(
    ("where", "source"),
    [
        ("budgetdiff-checks/src/budgetdiff_checks/probe.py", "from budgetdiff._model import money"),
        ("budgetdiff-comparators/tests/test_probe.py", "import budgetdiff._engine.registry"),
    ],
)
def test_a_private_import_in_a_plugin_fails_lint(where: str, source: str) -> None:
    """A probe import of a room, in a plugin's code or tests, fails ruff (TID251)."""
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (requirements-test.txt installs it)")
    result = subprocess.run(
        [ruff, "check", "--select", "TID251", "--stdin-filename", f"plugins/{where}", "-"],
        input=source + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "TID251" in result.stdout


def _text(path: Path) -> str:
    """A file's text; binary files have none."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of *graph*."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                connect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found
