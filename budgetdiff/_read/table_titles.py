"""Recognising tables by what they print: titles, numbers, unit and preparer lines.

Documents number and title the same tables differently (表一 部门（单位）收支总体
情况表; 2025年部门财务收支预算总表; 收入支出决算总表); the role says what a table
shows whatever it is called.
"""

from __future__ import annotations

import functools
import re

from budgetdiff._model.money import Unit
from budgetdiff._model.tables import TableRole

_SPACE = re.compile(r"[\s\u3000]+")
_NUMBER = re.compile(
    r"^((?:公开\s*)?表\s*[一二三四五六七八九十\d]+|公开\s*\d{1,2}\s*表|[一二三四五六七八九十]+(?=、)"
    r"|\d{1,2}(?=[.．、]\s*\D))"
    r"\s*[：:、.．]?\s*(.*)$"
)
_UNIT = re.compile(r"(?:计量)?单位\s*[：:]\s*(万元|元)")
_PREPARER = re.compile(
    r"(?:编制部门（单位）|编制部门\(单位\)|编制部门|编制单位|预算单位|预算主管部门|部门名称|单位名称|^部门)"
    r"\s*[：:]\s*(.+?)\s*(?=(?:计量)?单位\s*[：:]|$)"
)
_NOTE = re.compile(r"^(?:备\s*注|注|说\s*明)\s*[：:]")
# a whole line in brackets saying the table holds nothing: "（无政府性基金支出）"
_BRACKETED_NOTE = re.compile(r"^[（(]\s*(?:无|没有|本表|此表|本单位|本部门)[^（）()]*[）)]$")
_PERFORMANCE = re.compile(r"项目支出绩效目标表|绩效目标(?:填报|申报)?表")
_CLASS_NOTE = re.compile(r"[（(][^（）()]{1,8}[）)]$")  # 表（功能科目）, 表（经济科目）
_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": ""})


@functools.lru_cache(maxsize=8192)
def compact(text: str) -> str:
    """*text* without any spaces (ASCII or full-width) and without quotes."""
    return _SPACE.sub("", text).translate(_QUOTES)


def table_role(title: str) -> TableRole | None:
    """The role of a table titled *title*, or None when the title names no standard table."""
    t = _titled(title)
    if t is None or _is_extra(t):
        return None
    rules = (
        ("三公", TableRole.THREE_PUBLIC),
        ("政府性基金", TableRole.GOVERNMENT_FUND),
        ("国有资本经营", TableRole.STATE_CAPITAL),
        ("基本支出", TableRole.BASIC_ECONOMIC),
        ("项目支出", TableRole.PROJECTS),
    )
    for word, role in rules:
        if word in t:
            return role
    two_sided = "收支" in t or "收入支出" in t
    if "财政拨款" in t and two_sided:
        return TableRole.FISCAL
    if "一般公共预算" in t and "支出" in t:
        return TableRole.GENERAL_PUBLIC
    if two_sided:
        return TableRole.SUMMARY
    if "收入" in t:
        return TableRole.INCOME
    if "支出" in t:
        return TableRole.EXPENDITURE
    return None


def is_table_title(title: str) -> bool:
    """True for the title of a table: one of the nine, or one printed beside them."""
    t = _titled(title)
    return t is not None and (table_role(title) is not None or _is_extra(t))


def _titled(title: str) -> str | None:
    """*title* compacted, without a closing "（功能科目）", if it titles a table."""
    t = _CLASS_NOTE.sub("", compact(title))
    if not t.endswith("表") or t.endswith("空表") or len(t) > 60 or "绩效" in t:
        return None
    return t


def _is_extra(title: str) -> bool:
    """
    A table beside the nine: 政府采购, 机关运行经费 (without the 三公 it is printed with
    elsewhere), and 财政拨款 by class alone (财政拨款支出预算表（功能科目）), whose figures
    the 一般公共预算 and 政府性基金 tables print by fund.
    """
    if "三公" in title:
        return False
    if "政府采购" in title or "机关运行经费" in title:
        return True
    funds = ("一般公共预算", "政府性基金", "国有资本经营")
    two_sided = "收支" in title or "收入支出" in title
    return "财政拨款" in title and not two_sided and not any(f in title for f in funds)


def split_number(text: str) -> tuple[str, str]:
    """("表一", rest) for a line that starts with a table number, else ("", text)."""
    found = _NUMBER.match(text.strip())
    if found is None:
        return "", text.strip()
    return compact(found.group(1)), found.group(2).strip()


def unit_in(text: str) -> Unit | None:
    """The money unit a unit line names ("单位：万元" → 万元), if any."""
    found = _UNIT.search(text)
    return None if found is None else Unit(found.group(1))


_UNIT_BROKEN = re.compile(r"(?:计量)?单位\s*[：:]\s*万$")
_NAME_PART = re.compile(r"^[\u4e00-\u9fff（）()]{1,20}$")


def unit_broken(text: str) -> bool:
    """True for a unit line wrapped after 万 ("单位：万", its 元 on another line)."""
    return bool(_UNIT_BROKEN.search(text.strip()))


def name_part(text: str) -> bool:
    """True for a line that can be the wrapped rest of a unit's name ("常委会办公厅")."""
    return bool(_NAME_PART.match(compact(text)))


def preparer_in(text: str) -> str | None:
    """The unit named by a preparer line ("编制部门（单位）：X  单位：万元" → X)."""
    found = _PREPARER.search(text.strip())
    if found is None:
        return None
    return found.group(1).strip(" \u3000\t")


def is_note(text: str) -> bool:
    """True for a note under a table (备注：…, 注：…, 说明：…, "（无…支出）")."""
    return bool(_NOTE.match(text.strip()) or _BRACKETED_NOTE.match(text.strip()))


def is_performance_title(text: str) -> bool:
    """True for the title of a project performance-target table."""
    t = compact(text)
    return len(t) <= 30 and bool(_PERFORMANCE.search(t))


def is_table_number(text: str) -> bool:
    """True for a line that is only a table number ("表一：")."""
    number, rest = split_number(text)
    return bool(number) and not rest
