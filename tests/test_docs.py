"""
Every Python and shell block of the README and of docs/*.md runs, as written.

A page runs in a workspace of its own that looks like a clone (the repository's
files linked into it, ``../shared`` beside it where present), so a block reads
``examples/…`` and ``../shared/…`` as a reader's would, and what it writes stays
in the workspace.

- A ``python`` block is executed; the blocks of a page share one namespace, in order.
- A block whose first line is a comment naming a file (``# acme-budget/acme_budget.py``,
  ``{# my-templates/zh_CN/08_three_public.j2 #}``) is that file: it is written into the
  workspace, not executed.
- A ``bash`` block is run by bash (``-euo pipefail``); it must exit 0.
- A page that installs something (``pip install``) runs in a virtual environment of
  its own that sees the test environment's packages (and installs into itself); build
  isolation is off, so nothing is downloaded (the build backend is already installed).
- ``<!-- continues: PAGE -->`` runs PAGE's blocks first, in the same workspace.
- ``<!-- not run: REASON -->`` on the line before a block leaves it out; the reason
  is required (a page left with nothing to run says its reasons when it is skipped).
- An expression whose comment starts with a value (``# Money('11900元')``) must have it.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import io
import os
import re
import site
import subprocess
import sys
import sysconfig
import tokenize
from pathlib import Path

import pytest
from attrs import frozen

from tests.conftest import REPO, SHARED

PAGES = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]
RUNNABLE = {"python", "bash"}
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
FILE_HEADER = re.compile(
    r"^(?:#|//|\{#) (?P<path>[\w./-]+\.(?:py|toml|csv|j2|yaml|json|txt))(?: #\})?\s*$"
)
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>[^>]*?) -->\s*$")
CONTINUES = re.compile(r"<!-- continues: (?P<page>[\w./-]+) -->")
NESTED = "BUDGETDIFF_DOCS_RUNNING"  # set for the commands a page runs: a page never reruns the docs


@frozen
class Block:
    page: str
    line: int  # of the opening fence
    lang: str
    body: str
    not_run: str | None  # the reason, when the block is left out
    file: str | None  # the path it stands for, when it is a file


def blocks(page: str) -> list[Block]:
    text = (REPO / page).read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = NOT_RUN.search(before)
        first = match.group("body").split("\n", 1)[0]
        header = FILE_HEADER.match(first)
        found.append(
            Block(
                page=page,
                line=text[: match.start()].count("\n") + 1,
                lang=match.group("lang"),
                body=match.group("body"),
                not_run=marker.group("reason").strip() if marker else None,
                file=header.group("path") if header else None,
            )
        )
    return found


def chain(page: str) -> list[str]:
    """The pages to run for *page*: those it continues, then itself."""
    text = (REPO / page).read_text(encoding="utf-8")
    before = [m.group("page") for m in CONTINUES.finditer(text)]
    return [p for first in before for p in chain(first)] + [page]


class Workspace:
    """A clone-like folder for one page, and the environment its commands run in."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cwd = root / "repo"
        self.cwd.mkdir()
        for entry in REPO.iterdir():
            if entry.name not in {".git", ".ci"} and not entry.name.startswith("."):
                (self.cwd / entry.name).symlink_to(entry)
        if SHARED.exists():
            (root / "shared").symlink_to(SHARED)
        self.env = dict(os.environ)
        self.env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), self.env["PATH"]])
        self.env["PIP_NO_BUILD_ISOLATION"] = "1"
        self.env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        self.env.pop("PYTHONPATH", None)
        self.env[NESTED] = "1"
        self.venv: Path | None = None
        self.namespace: dict[str, object] = {"__name__": "__docs__"}

    def isolate(self) -> None:
        """A virtual environment for commands that install: it sees our packages."""
        if self.venv is not None:
            return
        self.venv = self.root / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", self.venv], check=True)
        # the packages of the environment running the tests, whether or not it is a venv
        # itself (their .pth files processed, so editable installs resolve)
        paths = [
            *site.getsitepackages(),
            *([site.getusersitepackages()] if site.ENABLE_USER_SITE else []),
        ]
        purelib = sysconfig.get_path("purelib", vars={"base": str(self.venv)})
        Path(purelib, "_tested_environment.pth").write_text(
            "".join(f"import site; site.addsitedir({path!r})\n" for path in paths),
            encoding="utf-8",
        )
        self.env["PATH"] = os.pathsep.join([str(self.venv / "bin"), self.env["PATH"]])
        self.env["VIRTUAL_ENV"] = str(self.venv)

    def run(self, block: Block) -> None:
        where = f"{block.page}, line {block.line}"
        if block.file is not None:
            target = self.cwd / block.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
        elif block.lang == "python":
            with contextlib.chdir(self.cwd), contextlib.redirect_stdout(io.StringIO()):
                self.execute(block, where)
        elif block.lang == "bash":
            if "pip install" in block.body:
                self.isolate()
            result = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", block.body],
                cwd=self.cwd,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            output = f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
            assert result.returncode == 0, f"{where}: exit {result.returncode}\n{output}"

    def execute(self, block: Block, where: str) -> None:
        """
        Run a Python block statement by statement; an expression whose comment starts
        with a value (``# Money('11900元')``, ``# Decimal('350.52…')``) must show it
        (``…`` ends a prefix; what follows `` — ``, ``: `` or `` (`` is explanation).
        """
        lines = block.body.split("\n")
        tree = ast.parse(block.body, where)
        for statement in tree.body:
            code = compile(ast.Module(body=[statement], type_ignores=[]), where, "exec")
            expected = _expected(lines[(statement.end_lineno or statement.lineno) - 1])
            if expected is None or not isinstance(statement, ast.Expr):
                exec(code, self.namespace)
                continue
            value = eval(compile(ast.Expression(statement.value), where, "eval"), self.namespace)
            shown = [repr(value), str(value)]
            if isinstance(value, tuple):
                shown.append(", ".join(map(repr, value)))
            prefix = expected.split("…", 1)[0]
            line = block.line + statement.lineno
            assert any(
                s == expected or ("…" in expected and s.startswith(prefix)) for s in shown
            ), f"{block.page}, line {line}: the page says {expected}, the code gives {shown[0]}"


EXPECTED = re.compile(r"(?:[A-Z]\w*[(.]|['\"\d-]).*")


def _expected(line: str) -> str | None:
    """The value a line's comment says its expression has, or None when it says none."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
    except (tokenize.TokenError, SyntaxError):  # a line inside a longer statement
        return None
    comment = next((tok.string for tok in tokens if tok.type == tokenize.COMMENT), "")
    text = comment.lstrip("#").strip()
    if not EXPECTED.fullmatch(text):
        return None
    return re.split(r" — |: | \(", text, maxsplit=1)[0].strip()


def test_every_block_is_run_or_says_why_not() -> None:
    """Each Python or shell block either runs or carries a reason; no other language runs."""
    for page in PAGES:
        for block in blocks(page):
            if block.not_run is not None:
                assert block.not_run, f"{page}, line {block.line}: 'not run' needs a reason"
            if block.lang in {"sh", "shell", "console", "py", "python3"}:
                pytest.fail(f"{page}, line {block.line}: write ```bash or ```python")


@pytest.mark.parametrize("page", PAGES)
def test_page_runs(page: str, tmp_path: Path) -> None:
    """The page's blocks run in order, in a workspace like a reader's clone."""
    if os.environ.get(NESTED):
        pytest.skip("run by a command of a docs page: the docs are not run again inside it")
    pages = chain(page)
    runnable = [
        b
        for p in pages
        for b in blocks(p)
        if (b.lang in RUNNABLE or b.file is not None) and b.not_run is None
    ]
    if not any(b.page == page for b in runnable):
        reasons = sorted({b.not_run for b in blocks(page) if b.not_run})
        pytest.skip(f"{page} has no runnable block" + "".join(f"; not run: {r}" for r in reasons))
    if not SHARED.exists() and any("../shared" in b.body for b in runnable):
        pytest.skip(f"{page} reads ../shared, which is not present (CI has it)")
    workspace = Workspace(tmp_path)
    for block in runnable:
        workspace.run(block)


def test_the_plugin_api_table_names_what_each_module_exports() -> None:
    """
    Every name docs/plugins.md lists for a public module is in that module's ``__all__``
    (or is a submodule of it), and every name `budgetdiff.plugin` exports is listed.
    """
    text = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(budgetdiff[\w.]*)` \| (.*) \|$", text, flags=re.M))
    assert set(rows) >= {
        "budgetdiff",
        "budgetdiff.plugin",
        "budgetdiff.model",
        "budgetdiff.disclosure",
        "budgetdiff.narrative",
    }
    missing = []
    for module, cell in rows.items():
        face = importlib.import_module(module)
        for name in re.findall(r"`(\w+)(?:\(\))?", cell):
            exported = name in getattr(face, "__all__", ())
            submodule = hasattr(face, "__path__") and importlib.util.find_spec(f"{module}.{name}")
            if not (exported or submodule):
                missing.append(f"{module}.{name}")
    assert missing == []
    listed = set(re.findall(r"`(\w+)(?:\(\))?", rows["budgetdiff.plugin"]))
    assert set(importlib.import_module("budgetdiff.plugin").__all__) - listed == set()
