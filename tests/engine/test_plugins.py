"""The plugin system: entry points only, loaded on first use, validated, duplicates refused."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Change
from budgetdiff._draft.drafting import _environment
from budgetdiff._engine import hookspecs
from budgetdiff._engine.registry import build_registry
from budgetdiff.exceptions import PluginError
from budgetdiff.plugin import installed
from budgetdiff.testing.render import render_disclosure
from tests.conftest import EXAMPLES


def install_fake_distribution(
    root: Path, name: str, module: str, source: str, entry_points: dict[str, str]
) -> None:
    """A distribution as pip leaves it: a module and a .dist-info folder with entry points."""
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{name.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n")
    lines = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[budgetdiff]\n{lines}", encoding="utf-8")


THIRD_PARTY = """
    from attrs import frozen
    from budgetdiff import hookimpl
    from budgetdiff.plugin import Change, Subject

    @frozen
    class ProjectCount:
        name: str = "acme.project_count"

        def compare(self, old, new, context):
            yield Change(comparator=self.name,
                         subject=Subject(kind="acme", key="projects", name="项目个数"),
                         old=len(old.projects), new=len(new.projects))

    @hookimpl
    def register_comparators(register):
        register(ProjectCount())
"""


def test_third_party_plugin_is_discovered_with_no_change_to_the_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_distribution(
        tmp_path, "acme-budget", "acme_budget", THIRD_PARTY, {"acme.project_count": "acme_budget"}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = build_registry()
    assert "acme.project_count" in registry.comparators
    info = next(p for p in registry.plugins if p.name == "acme.project_count")
    assert (info.distribution, info.version) == ("acme-budget", "1.2.3")
    assert "standard.totals" in registry.comparators  # first-party ones load the same way


def test_misspelled_hook_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = """
        from budgetdiff import hookimpl

        @hookimpl
        def register_comparator(register):
            pass
    """
    install_fake_distribution(
        tmp_path, "typo-plugin", "typo_plugin", source, {"typo": "typo_plugin"}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError, match=r"typo.*unknown hook"):
        build_registry()


def test_duplicate_comparator_names_name_both_distributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clash = THIRD_PARTY.replace("acme.project_count", "standard.totals")
    install_fake_distribution(
        tmp_path, "clash-plugin", "clash_plugin", clash, {"clash.totals": "clash_plugin"}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError) as info:
        build_registry()
    message = str(info.value)
    assert "standard.totals" in message
    assert "budgetdiff-comparators" in message
    assert "clash-plugin" in message


def test_plugin_that_fails_to_import_is_reported_and_the_rest_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_distribution(
        tmp_path,
        "broken-plugin",
        "broken_plugin",
        "raise RuntimeError('boom')\n",
        {"broken": "broken_plugin"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = build_registry()
    assert "broken" in [f.plugin for f in registry.failures]
    assert "boom" in next(f.error for f in registry.failures if f.plugin == "broken")
    assert "standard.totals" in registry.comparators


def test_a_failing_comparator_is_reported_and_the_others_run() -> None:
    class Broken:
        name = "test.broken"

        def compare(self, old: object, new: object, context: object) -> list[Change]:
            message = "division by zero"
            raise ZeroDivisionError(message)

    registry = build_registry()
    totals = registry.comparators["standard.totals"].item
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    result = budgetdiff.compare(
        old, new, comparators={"test.broken": Broken(), "standard.totals": totals}
    )
    assert result.get("total:expenditure") is not None
    assert [f.rule for f in result.failures] == ["compare.comparator_failed"]
    assert "test.broken" in result.failures[0].message
    assert "ZeroDivisionError" in result.failures[0].message_en


def test_select_and_block_by_name() -> None:
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    only = budgetdiff.compare(old, new, comparators=["standard.totals"])
    assert only.comparators == ("standard.totals",)
    blocked = budgetdiff.compare(old, new, block=["standard.structural"])
    assert "standard.structural" not in blocked.comparators
    assert not blocked.of_kind("field")
    with pytest.raises(PluginError, match="unknown comparator"):
        budgetdiff.compare(old, new, comparators=["standard.nope"])


def test_plugins_load_only_when_first_needed() -> None:
    code = (
        "import sys, budgetdiff; budgetdiff.load('examples/changji/2021.yaml'); "
        "print(sorted(m for m in sys.modules if m.startswith('budgetdiff_')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=EXAMPLES.parents[1],
    )
    assert out.stdout.strip() == "[]"


@pytest.fixture
def fresh_plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """
    A folder on sys.path for fake distributions, and the installed plugins (and the
    draft environments built from them) loaded afresh, before and after the test.
    """
    monkeypatch.syspath_prepend(str(tmp_path))
    installed.cache_clear()
    _environment.cache_clear()
    yield tmp_path
    installed.cache_clear()
    _environment.cache_clear()


def test_hook_register_comparators(fresh_plugins: Path) -> None:
    """A comparator a third party registers runs in `budgetdiff.compare`, by name."""
    install_fake_distribution(
        fresh_plugins, "acme-budget", "acme_budget", THIRD_PARTY, {"acme.counts": "acme_budget"}
    )
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    result = budgetdiff.compare(old, new, comparators=["acme.project_count"])
    change = result.get("acme:projects")
    assert change is not None
    assert (change.old, change.new) == (len(old.projects), len(new.projects))
    assert result.comparators == ("acme.project_count",)


CHECK_PLUGIN = """
    from attrs import frozen
    from budgetdiff import Severity, hookimpl
    from budgetdiff.plugin import Location, Messages

    MESSAGES = Messages({"acme.title": {"zh": "标题：{{ title }}", "en": "title: {{ title }}"}})

    @frozen
    class Title:
        name: str = "acme.title"

        def check(self, subject):
            title = subject.disclosure.title
            yield MESSAGES.finding(
                "acme.title", Severity.NOTE, title=title,
                locations=[Location(source=subject.disclosure.source, line=1)],
            )

    @hookimpl
    def register_checks(register):
        register(Title())
"""


def test_hook_register_checks(fresh_plugins: Path) -> None:
    """A check a third party registers runs in `budgetdiff.check`, its finding located."""
    install_fake_distribution(
        fresh_plugins, "acme-checks", "acme_checks", CHECK_PLUGIN, {"acme.checks": "acme_checks"}
    )
    document = fresh_plugins / "2021.txt"
    document.write_text(render_disclosure(budgetdiff.load(EXAMPLES / "2021.yaml")), "utf-8")
    report = budgetdiff.check(document, checks=["acme.title"])
    assert report.checks == ("acme.title",)
    (finding,) = report.findings
    assert (finding.rule, finding.severity) == ("acme.title", budgetdiff.Severity.NOTE)
    assert finding.message == f"标题：{budgetdiff.read(document).title}"  # type: ignore[union-attr]
    assert finding.locations[0].source == str(document)


TEMPLATE_PLUGIN = """
    from pathlib import Path
    from budgetdiff import hookimpl

    @hookimpl
    def register_template_dirs(register):
        register(Path(__file__).parent / "acme_templates")
"""


def test_hook_register_template_dirs(fresh_plugins: Path) -> None:
    """
    A plugin's template folder adds a section to every draft, and a file with a
    built-in template's name replaces that section's wording.
    """
    install_fake_distribution(
        fresh_plugins,
        "acme-words",
        "acme_words",
        TEMPLATE_PLUGIN,
        {"acme.words": "acme_words"},
    )
    words = fresh_plugins / "acme_templates" / "zh_CN"
    words.mkdir(parents=True)
    (words / "11_acme.j2").write_text("十一、其他需要说明的事项\n本单位无其他需要说明的事项。\n")
    (words / "00_profile.j2").write_text("〇、单位职责\n{{ unit }}的职责见单位网站。\n")
    old = budgetdiff.load(EXAMPLES / "2020.yaml")
    new = budgetdiff.load(EXAMPLES / "2021.yaml")
    result = budgetdiff.draft(budgetdiff.compare(old, new))
    titles = [s.title for s in result.sections]
    assert titles[0] == "〇、单位职责"
    assert titles[-1] == "十一、其他需要说明的事项"
    assert result.sections[0].paragraphs == (f"{new.unit_name}的职责见单位网站。",)
    info = next(p for p in installed().plugins if p.name == "acme.words")
    assert info.hooks == ("register_template_dirs",)


def test_every_hook_has_a_test() -> None:
    """Each hook has a ``test_hook_<name>`` here (a hook without one is untested)."""
    assert [n for n in _hooks() if f"test_hook_{n}" not in globals()] == []


def test_every_hook_is_documented() -> None:
    """docs/plugins.md has a heading per hook, with its signature."""
    doc = (EXAMPLES.parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = _hooks()
    assert hooks == ["register_checks", "register_comparators", "register_template_dirs"]
    for hook in hooks:
        assert f"## {hook}(register)" in doc


PUBLIC = {
    "budgetdiff",
    "budgetdiff.model",
    "budgetdiff.disclosure",
    "budgetdiff.narrative",
    "budgetdiff.plugin",
    "budgetdiff.exceptions",
}


@pytest.mark.parametrize("source", [THIRD_PARTY, CHECK_PLUGIN, TEMPLATE_PLUGIN])
def test_the_third_party_plugins_import_only_public_modules(source: str) -> None:
    """The plugins standing for a third party's here use only budgetdiff's faces."""
    tree = ast.parse(textwrap.dedent(source))
    used = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    used |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in used if m and m.startswith("budgetdiff")} <= PUBLIC


def _hooks() -> list[str]:
    """The hooks budgetdiff declares: the functions pluggy marked as specs, whatever their name."""
    return sorted(
        name
        for name, value in vars(hookspecs).items()
        if callable(value) and hasattr(value, f"{hookspecs.PROJECT}_spec")
    )
