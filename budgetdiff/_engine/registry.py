"""Finding and loading plugins: the ``budgetdiff`` entry-point group, on first use only.

First-party plugins (the folders in ``plugins/``) are separate distributions
and load exactly as a third party's do; the core never imports one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

import pluggy
from attrs import frozen

from budgetdiff.exceptions import PluginError

from . import hookspecs
from .contracts import Check, Comparator

ENTRY_POINT_GROUP = hookspecs.PROJECT

T = TypeVar("T")


@frozen(kw_only=True)
class PluginInfo:
    """An installed plugin: its entry-point name, distribution and version."""

    name: str
    distribution: str
    version: str
    hooks: tuple[str, ...]


@frozen(kw_only=True)
class Registered(Generic[T]):
    """Something a plugin registered, with the plugin it came from."""

    item: T
    plugin: str
    distribution: str


@frozen(kw_only=True)
class LoadFailure:
    """A plugin that could not be imported: reported, the others still load."""

    plugin: str
    distribution: str
    error: str


@frozen(kw_only=True)
class Registry:
    """Everything the installed plugins registered."""

    plugins: tuple[PluginInfo, ...]
    comparators: Mapping[str, Registered[Comparator]]
    checks: Mapping[str, Registered[Check]]
    template_dirs: tuple[Registered[Path], ...]
    failures: tuple[LoadFailure, ...]


def make_plugin_manager(
    *, entry_points: bool = True, plugins: Iterable[tuple[str, object]] = ()
) -> tuple[pluggy.PluginManager, dict[str, tuple[str, str]], list[LoadFailure]]:
    """
    A plugin manager with the entry-point plugins (unless *entry_points* is false)
    and the given ``(name, plugin)`` pairs registered.

    Returns the manager, each plugin's (distribution, version), and the plugins
    that failed to import.  A hook implementation whose name is not a hook
    (a misspelling) raises `PluginError`.
    """
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    origin: dict[str, tuple[str, str]] = {}
    failures: list[LoadFailure] = []
    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = ep.dist.name if ep.dist else "?"
            version = ep.dist.version if ep.dist else "?"
            if pm.get_plugin(ep.name) is not None:
                other = origin.get(ep.name, ("?", "?"))[0]
                msg = f"two plugins are named {ep.name!r}: in {other} and in {dist}"
                raise PluginError(msg)
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not take budgetdiff down
                failures.append(LoadFailure(plugin=ep.name, distribution=dist, error=repr(exc)))
                continue
            pm.register(plugin, name=ep.name)
            origin[ep.name] = (dist, version)
    for name, plugin in plugins:
        pm.register(plugin, name=name)
        origin.setdefault(name, ("(registered in code)", ""))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        plugin_name = pm.get_name(exc.plugin) or "?"
        where = origin.get(plugin_name, ("?", ""))[0]
        msg = f"plugin {plugin_name!r} ({where}) implements an unknown hook: {exc}"
        raise PluginError(msg) from None
    return pm, origin, failures


def _collect(
    pm: pluggy.PluginManager,
    hook_name: str,
    origin: Mapping[str, tuple[str, str]],
    key: Callable[[Any], str] | None,
) -> tuple[dict[str, Registered[Any]], list[Registered[Any]]]:
    named: dict[str, Registered[Any]] = {}
    ordered: list[Registered[Any]] = []
    hook = getattr(pm.hook, hook_name)
    for impl in reversed(hook.get_hookimpls()):  # registration order
        plugin = impl.plugin_name
        dist = origin.get(plugin, ("?", ""))[0]

        def register(item: Any, plugin: str = plugin, dist: str = dist) -> None:
            entry = Registered(item=item, plugin=plugin, distribution=dist)
            if key is None:
                ordered.append(entry)
                return
            name = key(item)
            if name in named:
                first = named[name]
                msg = (
                    f"{hook_name}: {name!r} is registered twice, by {first.plugin} "
                    f"({first.distribution}) and by {plugin} ({dist})"
                )
                raise PluginError(msg)
            named[name] = entry

        impl.function(register=register)
    return named, ordered


def build_registry(
    *, entry_points: bool = True, plugins: Iterable[tuple[str, object]] = ()
) -> Registry:
    """Load plugins and collect what they register (see `make_plugin_manager`)."""
    pm, origin, failures = make_plugin_manager(entry_points=entry_points, plugins=plugins)
    comparators, _ = _collect(pm, "register_comparators", origin, lambda c: str(c.name))
    checks, _ = _collect(pm, "register_checks", origin, lambda c: str(c.name))
    _, dirs = _collect(pm, "register_template_dirs", origin, None)
    infos = tuple(
        PluginInfo(
            name=name,
            distribution=origin[name][0],
            version=origin[name][1],
            hooks=tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ())),
        )
        for name, plugin in pm.list_name_plugin()
        if name in origin
    )
    return Registry(
        plugins=infos,
        comparators=dict(sorted(comparators.items())),
        checks=dict(sorted(checks.items())),
        template_dirs=tuple(
            Registered(item=Path(d.item), plugin=d.plugin, distribution=d.distribution)
            for d in dirs
        ),
        failures=tuple(failures),
    )


@functools.cache
def installed() -> Registry:
    """
    The installed plugins and what they registered: comparators and checks by
    name, template folders, and the plugins that failed to load.  Loaded once,
    on first use (``budgetdiff plugins`` prints it).

    .. versionadded:: 0.1.0
    """
    return build_registry()


def choose(
    wanted: Sequence[str] | Mapping[str, T] | None,
    block: Iterable[str],
    *,
    kind: str,
    registered: Callable[[], Mapping[str, Registered[T]]],
    distribution: str,
) -> list[Registered[T]]:
    """
    What to run: the objects given (a mapping of name → object, no plugins loaded),
    or the installed ones named in *wanted* (all when None), minus those blocked.
    """
    if isinstance(wanted, Mapping):
        given = {
            n: Registered(item=c, plugin="(given)", distribution="") for n, c in wanted.items()
        }
        return select(given, block=block, kind=kind)
    available = registered()
    if not available:
        msg = (
            f"no {kind}s are installed; install budgetdiff's first-party plugins: "
            f"python -m pip install -e plugins/{distribution}"
        )
        raise PluginError(msg)
    return select(available, only=wanted, block=block, kind=kind)


def select(
    available: Mapping[str, Registered[T]],
    *,
    only: Iterable[str] | None = None,
    block: Iterable[str] = (),
    kind: str,
) -> list[Registered[T]]:
    """The registered items named in *only* (all when None), minus those in *block*."""
    blocked = set(block)
    unknown = [n for n in [*(only or ()), *blocked] if n not in available]
    if unknown:
        names = ", ".join(sorted(available)) or "none installed"
        msg = f"unknown {kind}(s): {', '.join(unknown)} (available: {names})"
        raise PluginError(msg)
    wanted = list(available) if only is None else list(dict.fromkeys(only))
    return [available[name] for name in wanted if name not in blocked]
