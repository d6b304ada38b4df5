"""Section headings: 第一部分…, 一、…, （一）…, and Shanghai's titled sections.

A heading is short, ends no sentence mid-way, and prints no amount; a line that
wraps a sentence ("（一）贯彻执行…法律、法规、") or a table row printed as text
("二、事业收入 五、文化旅游体育与传媒支出 380,000") is not one.
"""

from __future__ import annotations

import re

from .disclosure import SectionPart
from .table_titles import compact

_PART = re.compile(r"^(第[一二三四五六七八九十]+部分)\s*(.*)$")
_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")
_LEVEL2 = re.compile(r"^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))\s*(.*)$")
_AMOUNT = re.compile(r"\d,\d{3}|\d\.\d|\d{5,}|\d\s+\d")
_LEVEL2_ENDINGS = ("情况", "说明", "事项", "目标", "依据", "情况）", "说明）")
_TOP_ENDINGS = (
    "主要职能",
    "机构设置",
    "单位构成",
    "名词解释",
    "编制说明",
    "情况说明",
    "项目经费情况说明",
)


def heading(text: str) -> tuple[int, str, str] | None:
    """(level, number, title) when *text* is a section heading, else None."""
    t = text.strip(" \u3000\t")
    if not t or len(t) > 60:
        return None
    found = _PART.match(t)
    if found:
        return 0, found.group(1), found.group(2).strip()
    body = t[:-1] if t.endswith("。") else t
    if "。" in body or "：" in body or ":" in body or "；" in body or _AMOUNT.search(t):
        return None
    if t.endswith(("、", "，", ",")):
        return None  # a line wrapped mid-sentence
    found = _LEVEL1.match(t)
    if found and len(t) <= 45 and not t.endswith("。"):
        return 1, found.group(1), found.group(2).strip()
    found = _LEVEL2.match(t)
    if (
        found
        and len(t) <= 45
        and "万元" not in t
        and "%" not in t
        and "，" not in t
        and compact(body).endswith(_LEVEL2_ENDINGS)
        and (not t.endswith("。") or compact(body).endswith(("说明", "情况")))
    ):
        return 2, found.group(1), found.group(2).strip()
    if compact(body).endswith(_TOP_ENDINGS) and len(t) <= 50:
        return 0, "", t
    return None


def part_of(title: str, current: SectionPart, *, numbered: bool) -> SectionPart:
    """The part a level-0 heading opens (a 第X部分 heading always opens a new part)."""
    t = compact(title)
    if "名词解释" in t:
        return SectionPart.GLOSSARY
    if "概况" in t or t.endswith(("主要职能", "主要职责", "机构设置", "单位构成")):
        return SectionPart.PROFILE
    if t.endswith(("表", "表格")):
        return SectionPart.TABLES
    if "说明" in t or numbered:
        return SectionPart.NARRATIVE
    return current


def is_noise(text: str) -> bool:
    """True for a line of displaced quote marks ("“ ”"), which PDFs print apart from their text."""
    return bool(text.strip()) and not compact(text).strip(":：")
