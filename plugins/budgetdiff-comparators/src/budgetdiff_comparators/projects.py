"""``standard.projects``: new, discontinued and changed projects, matched by name robustly."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from attrs import frozen

from budgetdiff import Budget, Change, hookimpl
from budgetdiff.model import Project
from budgetdiff.plugin import Comparator, CompareContext, Fact

from ._pairing import change

NAME = "standard.projects"
SIMILAR = 0.8  # names at least this similar (after normalizing) are the same project

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def project_key(name: str) -> str:
    """A project's name for matching: full-width folded, punctuation and spaces removed."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name)).lower()


@frozen(kw_only=True)
class ProjectPair:
    """One project across the two years (either side may be absent)."""

    key: str
    old: Project | None
    new: Project | None
    similarity: float


def _keyed(projects: Sequence[Project]) -> dict[str, Project]:
    counts = Counter(project_key(p.name) for p in projects)
    return {
        project_key(p.name)
        if counts[project_key(p.name)] == 1
        else f"{project_key(p.name)}@{p.function_code}": p
        for p in projects
    }


_LAST: list[tuple[Budget, Budget, list[ProjectPair]]] = []  # the last pair matched


def match_projects(old: Budget, new: Budget) -> list[ProjectPair]:
    """
    Pair last year's projects with this year's: same name after normalizing first,
    then the most similar remaining names (ratio ≥ 0.8), greedily.  Four comparators
    ask for the same pair in one comparison; it is matched once.
    """
    if _LAST and _LAST[0][0] is old and _LAST[0][1] is new:
        return _LAST[0][2]
    pairs = _match(old, new)
    _LAST[:] = [(old, new, pairs)]
    return pairs


def _match(old: Budget, new: Budget) -> list[ProjectPair]:
    before, after = _keyed(old.projects), _keyed(new.projects)
    found = [
        ProjectPair(key=k, old=before[k], new=after[k], similarity=1.0)
        for k in before.keys() & after.keys()
    ]
    left = {k: p for k, p in before.items() if k not in after}
    right = {k: p for k, p in after.items() if k not in before}
    scored = sorted(
        ((difflib.SequenceMatcher(None, a, b).ratio(), a, b) for a in left for b in right),
        reverse=True,
    )
    for ratio, a, b in scored:
        if ratio < SIMILAR:
            break
        if a in left and b in right:
            found.append(ProjectPair(key=b, old=left.pop(a), new=right.pop(b), similarity=ratio))
    found += [ProjectPair(key=k, old=p, new=None, similarity=0.0) for k, p in left.items()]
    found += [ProjectPair(key=k, old=None, new=p, similarity=0.0) for k, p in right.items()]
    return sorted(found, key=lambda pair: pair.key)


def project_keys(old: Budget, new: Budget) -> list[str]:
    return [pair.key for pair in match_projects(old, new)]


@frozen
class Projects:
    """Each project's amount; a project absent last year is 新增, absent this year 不再安排."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change]:
        for pair in match_projects(old, new):
            current = pair.new or pair.old
            assert current is not None
            facts = [Fact(label="功能分类", value=str(current.function_code))]
            if pair.old and pair.new and pair.old.name != pair.new.name:
                facts.append(Fact(label="上年名称", value=pair.old.name))
            if pair.old and pair.new and pair.old.function_code != pair.new.function_code:
                facts.append(Fact(label="上年功能分类", value=str(pair.old.function_code)))
            yield change(
                NAME,
                "project",
                pair.key,
                current.name,
                pair.old.amount if pair.old else None,
                pair.new.amount if pair.new else None,
                facts=facts,
            )


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Projects())
