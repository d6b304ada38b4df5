"""
The self-check of a draft: every number traced and equal to what its source says, no
statement of absence or direction its figures contradict, funding items that add up.

It reports; it never refuses.  `self_check` returns `Problem`s — what kind, what it is
about, where in the draft — and the family's ``_notes.j2`` words them as the draft's
notes.  ``draft(..., strict=True)`` raises `SelfCheckError` on any (for tests of a
family's templates, where a problem is a bug).
"""

from __future__ import annotations

import re
from decimal import Decimal

from attrs import field, frozen

from budgetdiff._engine.changes import magnitude
from budgetdiff._engine.compare import Comparison
from budgetdiff._model.budget import Budget
from budgetdiff._model.findings import Severity
from budgetdiff._model.money import ZERO, Money, total
from budgetdiff._narrative.claims import AmountClaim, ChangeClaim, CountClaim, PercentClaim
from budgetdiff._narrative.consistency import check_claims
from budgetdiff._narrative.extract import claims
from budgetdiff._words import NumberStyle, amount, percent_text, quantity

from .document import Draft

_PATH_STEP = re.compile(r"([a-z_0-9]+)(?:\[(\d+|\*|@\d+)\])?")

Value = Money | Decimal | int | str


@frozen(kw_only=True)
class Problem:
    """One thing the self-check could not confirm; ``params`` are for the note's words."""

    kind: str  # untraced, unresolved, mismatch, claim_untraced, wrong_subject, absence,
    #            direction, funding_sum, inconsistent
    params: dict[str, str] = field(factory=dict)
    section: str = ""
    paragraph: int = -1
    start: int = 0
    end: int = 0


def resolve(source: str, comparison: Comparison) -> Value | None:
    """
    The value a span's source names: ``kind:key#field`` (a change), ``year:path.in.budget``
    (a figure or a copied text of that year's budget, ``[*]`` summing over a list).
    """
    if "#" in source:
        change_id, _, part = source.rpartition("#")
        change = comparison.get(change_id)
        if change is None:
            return None
        if part == "moved_out":
            moved = [comparison.get(d.change) for d in change.drivers if d.relation == "moved_out"]
            return total(m.new for m in moved if m is not None and isinstance(m.new, Money))
        value = {
            "old": change.old,
            "new": change.new,
            "delta": change.delta,
            "growth": change.growth,
        }.get(part)
        if value is None or isinstance(value, str):
            return None
        return magnitude(value)
    if source.startswith(("diff:", "rate:")):  # diff:2025:path: this year's less last year's
        how, _, path = source.partition(":")
        new, old = resolve(path, comparison), resolve(_other_year(path, comparison), comparison)
        if "[@" in path:  # a line of that code absent in a year: nothing spent on it
            new, old = (ZERO if v is None else v for v in (new, old))
        if not (isinstance(new, Money) and isinstance(old, Money)):
            return None
        if how == "diff":
            return magnitude(new - old)
        return None if old == ZERO else abs((new - old).yuan / old.yuan * 100)
    year, _, path = source.partition(":")
    if year == "prior":  # last year's budget, whatever its year (a unit's and its dept's)
        return walk(comparison.old, path)
    budget = comparison.new if str(comparison.new.year) == year else comparison.old
    return walk(budget, path)


def _other_year(path: str, comparison: Comparison) -> str:
    _, _, rest = path.partition(":")
    return f"prior:{rest}"


def walk(budget: Budget, path: str) -> Value | None:
    """The figure at *path* in *budget* (``projects[0].funding_items[*].amount`` sums)."""
    nodes: list[object] = [budget]
    for name, index in _PATH_STEP.findall(path):
        step: list[object] = []
        for node in nodes:
            child = getattr(node, name, None)
            if child is None:
                continue
            if index == "*":
                step.extend(child)
            elif index.startswith("@"):  # the line of that code: expenditure[@2129999]
                step.extend(x for x in child if getattr(x.code, "value", None) == index[1:])
            elif index:
                items = list(child)
                if int(index) < len(items):
                    step.append(items[int(index)])
            else:
                step.append(child)
        nodes = step
    if "[*]" in path:
        amounts = [n for n in nodes if isinstance(n, Money)]
        return total(amounts) if amounts else None
    if len(nodes) != 1:
        return None
    node = nodes[0]
    if isinstance(node, Money | Decimal | int | str):
        return node
    count = getattr(node, "count", None)  # a vehicle holding
    return count if isinstance(count, int) else None


def _expected_text(value: Value, style: NumberStyle) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, Money):
        return {amount(value, style), quantity(value, style)}
    if isinstance(value, Decimal):
        return {percent_text(value, style)}
    return {str(value)}


def self_check(
    draft: Draft,
    comparison: Comparison,
    style: NumberStyle,
) -> list[Problem]:
    """
    Every problem of *draft* against its budgets: a number with no source, a source
    that names nothing, a number that differs from its source (unless *adjusted* says
    a largest-remainder adjustment printed it so), a statement its figures contradict.
    """
    problems: list[Problem] = []
    for section in draft.sections:
        for index, spans in enumerate(section.spans):
            for span in spans:
                value = None if span.source == "untraced" else resolve(span.source, comparison)
                if span.source == "untraced":
                    kind, params = "untraced", {"text": span.text}
                elif value is None:
                    kind, params = "unresolved", {"text": span.text, "source": span.source}
                elif (span.adjusted or span.text) not in _expected_text(value, style):
                    # an adjusted figure (largest remainder) printed its source's value before
                    kind = "mismatch"
                    params = {"text": span.text, "source": span.source, "value": str(value)}
                else:
                    continue
                problems.append(
                    Problem(
                        kind=kind,
                        params=params,
                        section=section.key,
                        paragraph=index,
                        start=span.start,
                        end=span.end,
                    )
                )
    problems += _funding_problems(draft, comparison, style)
    if draft.locale.startswith("zh"):  # the claims extractor reads Chinese narratives
        problems += _claims_problems(draft, comparison)
        problems += absence_problems(draft, comparison)
    return problems


def _funding_problems(draft: Draft, comparison: Comparison, style: NumberStyle) -> list[Problem]:
    """A project whose funding items do not add up to its amount: flagged, never reprinted."""
    section = next((s.key for s in draft.sections if s.key.endswith("projects")), "")
    found = []
    for project in comparison.new.projects:
        amounts = [f.amount for f in project.funding_items if f.amount is not None]
        if not amounts or len(amounts) != len(project.funding_items):
            continue
        listed = total(amounts)
        if listed != project.amount:
            found.append(
                Problem(
                    kind="funding_sum",
                    params={
                        "project": project.name,
                        "listed": amount(listed, style),
                        "amount": amount(project.amount, style),
                    },
                    section=section,
                )
            )
    return found


def _layout(draft: Draft) -> tuple[str, list[tuple[int, str, int]], list[tuple[int, int, str]]]:
    """The draft as one text, where each paragraph starts, and the traced spans' offsets."""
    lines, starts, traced = [draft.title, ""], [], []
    offset = len(draft.title) + 1 + 1
    for section in draft.sections:
        if section.title:
            lines.append(section.title)
            offset += len(section.title) + 1
        for index, (paragraph, spans) in enumerate(
            zip(section.paragraphs, section.spans, strict=True)
        ):
            starts.append((offset, section.key, index))
            traced += [(offset + sp.start, offset + sp.end, sp.source) for sp in spans]
            lines.append(paragraph)
            offset += len(paragraph) + 1
    return "\n".join(lines), starts, traced


def _problem(
    kind: str, params: dict[str, str], starts: list[tuple[int, str, int]], span: tuple[int, int]
) -> Problem:
    """A problem about the draft's characters *span* (offsets into the whole text)."""
    start, end = span
    for offset, key, index in reversed(starts):
        if offset <= start:
            return Problem(
                kind=kind,
                params=params,
                section=key,
                paragraph=index,
                start=start - offset,
                end=end - offset,
            )
    return Problem(kind=kind, params=params)


def _claims_problems(draft: Draft, comparison: Comparison) -> list[Problem]:
    """
    Read the draft as a reviewer's claims extractor would: every number it states must
    be one the draft traced (or copied from the source), said of the subject it belongs
    to, in the direction its figures move; and its claims must not contradict each other.
    """
    text, starts, traced = _layout(draft)
    found = claims(text, source="draft")
    owner = _owners(comparison)
    problems = []
    for claim in found:
        if not isinstance(claim, AmountClaim | ChangeClaim | PercentClaim | CountClaim):
            continue
        start, end = claim.span
        said_of = owner.get(claim.subject.name)
        if isinstance(claim, ChangeClaim) and said_of is not None and not claim.subject.inherited:
            sign, actual = claim.direction.sign, _sign(comparison, said_of)
            if sign is not None and actual is not None and sign != actual:
                params = {"text": claim.text, "subject": claim.subject.name}
                problems.append(_problem("direction", params, starts, claim.span))
        no_figure = isinstance(claim, ChangeClaim) and claim.magnitude is None
        if no_figure or not any(ch.isdigit() for ch in claim.text):
            continue  # 与上年持平, 无增加或减少, 上年无此项支出: a direction, no figure
        sources = [src for a, b, src in traced if a < end and start < b]
        if not sources:
            problems.append(_problem("claim_untraced", {"text": claim.text}, starts, claim.span))
            continue
        source = sources[0].split("#")[0]
        from_budget = source[:1].isdigit() or source.startswith(("diff:", "rate:", "prior:"))
        if (
            said_of is not None
            and isinstance(claim, AmountClaim)
            and not from_budget
            and said_of != source
        ):
            params = {
                "text": claim.text,
                "subject": claim.subject.name,
                "said_of": said_of,
                "source": source,
            }
            problems.append(_problem("wrong_subject", params, starts, claim.span))
    shared = _shared_names(comparison)
    for finding in check_claims(found):
        if any(finding.message.startswith(name) for name in shared):
            continue  # 一般行政管理事务 of 组织事务 and of 宣传事务: two lines, not one said twice
        if finding.severity is Severity.ERROR:
            problems.append(
                Problem(
                    kind="inconsistent",
                    params={"rule": finding.rule, "zh": finding.message, "en": finding.message_en},
                )
            )
    return problems


def _sign(comparison: Comparison, change_id: str) -> int | None:
    change = comparison.get(change_id)
    if change is None or change.old is None or change.new is None:
        return None
    delta = change.delta
    if not isinstance(delta, Money):
        return None
    step = comparison.new.presentation.step
    if abs(delta) < step:  # what prints as 0.00 is 持平
        return 0
    return 1 if delta > ZERO else -1


def _shared_names(comparison: Comparison) -> set[str]:
    """Names more than one 项 line of a year carries (claims cannot tell those lines apart)."""
    shared = set()
    for budget in (comparison.old, comparison.new):
        names = [line.name for line in budget.expenditure]
        shared |= {name for name in names if names.count(name) > 1}
    return shared


def _owners(comparison: Comparison) -> dict[str, str]:
    """Names that belong to exactly one total or line of the comparison → its change id."""
    owners: dict[str, set[str]] = {}
    for change in (*comparison.changes, *comparison.unchanged):
        if change.subject.kind in ("total", "function", "economic", "three_public", "admin_costs"):
            owners.setdefault(change.subject.name, set()).add(change.id)
    return {name: ids.pop() for name, ids in owners.items() if len(ids) == 1}


# --- statements of absence -------------------------------------------------------------

_ABSENCE = re.compile(
    r"(?:无|没有使用|没有|未安排|不含)(?P<what>[^，。；、：]{1,30})"
    r"|(?P<before>[^，。；：]{1,30}?)(?:未安排|为空表|为0(?![\d.])|为零)"
)


def _fund(budget: Budget, name: str) -> Money:
    """A fund source's money this year: its income, or what the lines spend of it."""
    spent = total(getattr(line.funds, name) for line in budget.expenditure)
    received: Money = getattr(budget.income, name)
    return max(received, spent)


def _figures(budget: Budget) -> list[tuple[str, Money | None]]:
    """Names a statement of absence may use, longest first, with this year's figure."""
    tp = budget.three_public
    named: list[tuple[str, Money | None]] = [
        ("一般公共预算项目支出", budget.project.general_public),
        ("一般公共预算基本支出", budget.basic.general_public),
        ("政府性基金预算", _fund(budget, "government_fund")),
        ("政府性基金", _fund(budget, "government_fund")),
        ("国有资本经营预算", _fund(budget, "state_capital")),
        ("国有资本经营", _fund(budget, "state_capital")),
        ("项目支出", budget.project.total),
        ("基本支出", budget.basic.total),
        ("“三公”经费", None if tp is None else tp.total),
        ("三公经费", None if tp is None else tp.total),
        ("机关运行经费", budget.admin_costs),
        ("政府采购", None if budget.procurement is None else budget.procurement.total),
    ]
    return sorted(named, key=lambda pair: -len(pair[0]))


def absence_problems(draft: Draft, comparison: Comparison) -> list[Problem]:
    """
    Statements of absence ("无一般公共预算项目支出", "政府性基金预算未安排") about a
    figure this year's budget states as more than zero.
    """
    figures = _figures(comparison.new)
    problems = []
    for section in draft.sections:
        for index, paragraph in enumerate(section.paragraphs):
            for match in _ABSENCE.finditer(paragraph):
                phrase = match.group("what") or match.group("before") or ""
                if "上年" in phrase or str(comparison.old.year) in phrase:
                    continue  # a statement about last year
                for name, figure in _named_in(phrase, figures):
                    if figure is not None and figure > ZERO:
                        problems.append(
                            Problem(
                                kind="absence",
                                params={"text": match.group(), "subject": name},
                                section=section.key,
                                paragraph=index,
                                start=match.start(),
                                end=match.end(),
                            )
                        )
    return problems


def _named_in(
    phrase: str, figures: list[tuple[str, Money | None]]
) -> list[tuple[str, Money | None]]:
    """The names *phrase* uses, longest first, none inside another's match."""
    taken: list[tuple[int, int]] = []
    found = []
    for name, figure in figures:
        at = phrase.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(a < end and at < b for a, b in taken):
                taken.append((at, end))
                found.append((name, figure))
            at = phrase.find(name, end)
    return found
