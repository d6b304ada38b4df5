"""
What a narrative figure is about, as a key of the `FigureBook`.

A figure's subject is read in this order:

1. a coded line ("节能环保支出（211）污染减排（11）…（01）款") or a line named
   by its levels ("一般公共服务支出（类）财政事务（款）行政运行（项）"): the
   code printed, else the code whose printed or catalog names match level by
   level, else — when the names do not match — the one line under the class
   whose figure the narrative's figure agrees with;
2. the “三公” figures and 机关运行经费;
3. a function class named alone ("社会保障和就业支出6.32万元");
4. an economic line of 基本支出 ("基本工资24.77万元"), a project of the project
   table, or a 款 or 项 the tables print, by its name alone;
5. the totals by their words: 收入, 支出, 财政拨款, 一般公共预算, 基本支出,
   项目支出, 人员经费, 公用经费, 收入支出总计.

A subject may name several keys (基本支出 is the basic spending of every
source, of 财政拨款 and of the general public budget: a narrative may mean any);
the figure agrees when it agrees with one of them.  Figures of other matters
(政府采购, 资产, 车辆, …) and figures no rule recognises are not checked.
"""

from __future__ import annotations

import re

from attrs import field, frozen

from budgetdiff import Money
from budgetdiff.disclosure import compact
from budgetdiff.model import FundSource
from budgetdiff.narrative import AmountClaim

from ._fields import tuple_of
from ._narrative_figures import FigureBook
from ._narrative_keys import Key, What, agrees, money_half
from ._narrative_names import class_names, norm, same_name

GP = FundSource.GENERAL_PUBLIC.value
GF = FundSource.GOVERNMENT_FUND.value
SC = FundSource.STATE_CAPITAL.value

_OTHER_MATTERS = re.compile(r"采购|资产|价值|车辆|用车|设备|房屋|面积|绩效目标|用款计划|预计|合同")
_SOURCES = (
    ("一般公共预算", GP),
    ("政府性基金", GF),
    ("国有资本经营", SC),
    ("事业单位经营收入", FundSource.OPERATING.value),
    ("经营收入", FundSource.OPERATING.value),
    ("事业收入", FundSource.BUSINESS.value),
    ("上级补助", FundSource.SUPERIOR_GRANTS.value),
    ("附属单位上缴", FundSource.SUBSIDIARY.value),
    ("其他资金收入", FundSource.OTHER.value),
    ("其他收入", FundSource.OTHER.value),
    ("财政专户", FundSource.SPECIAL_ACCOUNT.value),
    ("教育收费", FundSource.SPECIAL_ACCOUNT.value),
)
_CHANGE_WORDS = re.compile(r"^(?:增加|新增|减少|安排|用于)")


@frozen(kw_only=True)
class Want:
    """The keys a narrative figure may be the figure of, the first the one it most likely is."""

    keys: tuple[Key, ...] = field(converter=tuple_of)
    code: str = ""  # the function code a line resolved to
    how: str = ""  # code, names, amount, class, line, three, economic, project, words
    names: tuple[str, ...] = field(default=(), converter=tuple_of)  # the level names printed


def spend_keys(code: str) -> tuple[Key, ...]:
    return tuple(Key(What.SPEND, code, source) for source in ("", "fiscal", GP))


def want_of(claim: AmountClaim, book: FigureBook) -> Want | None:
    """The keys *claim* is about, or None when it names nothing the tables give."""
    subject = claim.subject
    name = compact(subject.name)
    if not name or claim.per:
        return None
    if subject.code or subject.names:
        return _line(claim, book)
    three = _three(name)
    if three is not None:
        return three
    klass = _class(name, book)
    if klass is not None:
        return Want(keys=spend_keys(klass), code=klass, how="class", names=(subject.name,))
    economic = _economic(name, book)
    if economic is not None:
        return economic
    if _OTHER_MATTERS.search(name):
        return None
    project = _project(name, book)
    if project is not None:
        return project
    line = _bare_line(name, book)
    if line is not None:
        return Want(keys=spend_keys(line), code=line, how="line", names=())
    keys = _words(name)
    return Want(keys=keys, how="words") if keys else None


# ---------------------------------------------------------------- lines


def _line(claim: AmountClaim, book: FigureBook) -> Want | None:
    subject = claim.subject
    names = subject.names or (subject.name,)
    if subject.code:
        return Want(keys=spend_keys(subject.code), code=subject.code, how="code", names=names)
    classes = _class_codes(names[0], book)
    if not classes:
        return None
    codes = book.codes()
    present = [c for c in classes if c in codes]
    klass = (present or list(classes))[0]
    if len(names) == 1:
        return Want(keys=spend_keys(klass), code=klass, how="names", names=names)
    below = [c for c in codes if c.startswith(klass) and c != klass]
    section = _named(names[1], [c for c in below if len(c) == 5], book)
    if len(names) == 2:
        if section is not None:
            return Want(keys=spend_keys(section), code=section, how="names", names=names)
        return _by_amount(claim, [c for c in below if len(c) == 5], names, book)
    items = [c for c in below if len(c) == 7]
    under = [c for c in items if section is None or c.startswith(section)]
    item = _named(names[2], under, book) or _named(names[2], items, book)
    if item is not None:
        return Want(keys=spend_keys(item), code=item, how="names", names=names)
    return _by_amount(claim, under if section is not None else items, names, book)


def _named(printed: str, codes: list[str], book: FigureBook) -> str | None:
    found = [
        code
        for code in codes
        if any(same_name(printed, n) for n in book.names_of(code))
        or any(same_name(printed, n) for n in book.catalog.function_names(code))
    ]
    return found[0] if len(found) == 1 else None


def _by_amount(
    claim: AmountClaim, codes: list[str], names: tuple[str, ...], book: FigureBook
) -> Want | None:
    """The one line among *codes* whose figure agrees with the claim's (names did not match)."""
    half = _claim_half(claim)
    found = [
        code
        for code in codes
        if any(
            agrees(claim.amount, half, figure, claim.places)
            for key in spend_keys(code)
            for figure in book.figures(key)
            if not figure.rejected
        )
    ]
    if len(found) != 1:
        return None
    return Want(keys=spend_keys(found[0]), code=found[0], how="amount", names=names)


def _class_codes(printed: str, book: FigureBook) -> tuple[str, ...]:
    wanted = norm(printed)
    codes = list(class_names(book.catalog).get(wanted, ()))
    for code, names in book.function_names.items():
        if len(code) == 3 and any(norm(n) == wanted for n in names):
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def _class(name: str, book: FigureBook) -> str | None:
    if not name.endswith("支出") and "（类）" not in name:
        return None
    codes = _class_codes(name, book)
    if not codes:
        return None
    present = [c for c in codes if c in book.codes()]
    return (present or list(codes))[0]


def _bare_line(name: str, book: FigureBook) -> str | None:
    """A 款 or 项 named alone ("事业单位医疗2.5万元"): the one line of the tables so named."""
    found = [
        code
        for code in book.codes()
        if len(code) > 3 and any(same_name(name, n) for n in book.names_of(code))
    ]
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------- matters and items


def _three(name: str) -> Want | None:
    field_name: str | None = None
    if "三公" in name:
        field_name = "total"
    elif "因公出国" in name:
        field_name = "outbound"
    elif re.search(r"公务(?:用)?车.*购置及运行|购置及运行", name):
        field_name = "vehicles"
    elif re.search(r"公务(?:用)?车.*购置", name):
        field_name = "vehicle_purchase"
    elif re.search(r"公务(?:用)?车.*运行|公务车用车运行", name):
        field_name = "vehicle_operation"
    elif "公务接待" in name:
        field_name = "reception"
    elif "机关运行经费" in name:
        return Want(keys=(Key(What.ADMIN),), how="three")
    if field_name is None:
        return None
    return Want(keys=(Key(What.THREE, field_name),), how="three")


def _economic(name: str, book: FigureBook) -> Want | None:
    wanted = norm(name)
    if wanted in book.economic_names():
        return Want(keys=(Key(What.ECONOMIC, wanted),), how="economic")
    return None


def _project(name: str, book: FigureBook) -> Want | None:
    wanted = norm(_CHANGE_WORDS.sub("", name))
    if wanted.endswith("项目"):
        wanted = wanted[:-2]
    if len(wanted) < 4:
        return None
    found = [p for p in book.project_names() if wanted in p or (len(p) >= 4 and p in wanted)]
    if len(found) != 1:
        return None
    return Want(keys=(Key(What.PROJECT_ITEM, found[0]),), how="project")


# ---------------------------------------------------------------- totals by their words


def _source(name: str) -> str | None:
    for word, source in _SOURCES:
        if word in name:
            return source
    if "财政拨款" in name:
        return "fiscal"
    return None


_FUND = r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)"
_SPEND_WORDS = re.compile(
    rf"(?:本年)?(?:{_FUND}(?:财政)?(?:拨款)?|财政拨款)?支出(?:预算|决算)?(?:合计|总计)?"
)
_INCOME_WORDS = re.compile(
    rf"(?:本年)?(?:{_FUND}(?:财政)?(?:拨款)?|财政拨款|事业单位经营|经营|事业|其他|上级补助|"
    r"附属单位上缴|单位其他资金)?收入(?:预算|决算)?(?:合计|总计)?"
)
_SOURCE_WORDS = re.compile(rf"(?:{_FUND}|财政)(?:拨款|财政拨款)?(?:资金|合计)?")
_SPLIT_WORDS = re.compile(
    rf"(?:{_FUND}(?:财政)?(?:拨款)?|财政拨款)?(基本支出|项目支出)(?:预算|决算)?"
)


def _words(name: str) -> tuple[Key, ...]:
    """The totals named by their words alone (the whole name must be such words)."""
    source = _source(name)
    if re.fullmatch(r"(?:基本支出)?人员经费(?:合计)?", name):
        return (Key(What.PERSONNEL),)
    if re.fullmatch(r"(?:基本支出)?(?:日常)?公用经费(?:合计)?", name):
        return (Key(What.PUBLIC_USE),)
    if re.fullmatch(r"(?:财政拨款)?(?:收入支出总计|收支总(?:计|预算)?)", name):
        return (Key(What.GRAND, "", "fiscal" if "财政拨款" in name else ""),)
    split = _SPLIT_WORDS.fullmatch(name)
    if split:
        what = What.BASIC if split.group(1) == "基本支出" else What.PROJECT
        if source == GP:
            return (Key(what, "", GP),)
        if source == "fiscal":
            return (Key(what, "", "fiscal"), Key(what, "", GP))
        return (Key(what), Key(what, "", "fiscal"), Key(what, "", GP))
    if _INCOME_WORDS.fullmatch(name):
        return (Key(What.INCOME, "", source or ""),)
    if _SPEND_WORDS.fullmatch(name):
        return (Key(What.SPEND, "", source or ""),)
    if source is not None and _SOURCE_WORDS.fullmatch(name):
        return (Key(What.INCOME, "", source), Key(What.SPEND, "", source))
    return ()


def _claim_half(claim: AmountClaim) -> Money:
    return money_half(claim.unit, claim.places)
