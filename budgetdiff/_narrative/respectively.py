"""
Respectively constructions spelled out: "收、支总计分别是500、520万元" is "收入总计是500万元；
支出总计是520万元", and "基本支出和项目支出各减少5、8万元，各下降5%、10%" states each
subject's change and rate.  The reader then links each figure to its own subject as in
any sentence.

The rewrite keeps, for every character it writes, the offset of the printed character it
stands for (a subject's name, a shared suffix, a number, its unit), so each claim still
points at the printed figure.  A construction is spelled out only when it is plain: as
many numbers as subjects in every group, subjects of words (no figure among them), a unit
after the last number; anything else is left as printed.
"""

from __future__ import annotations

import bisect
import re

from .prose import Paragraph

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = r"亿元|万元|元|%|％|人|名|个|辆|项"
_VALUES = re.compile(
    rf"\s*(?P<values>{_NUMBER}\s*(?:{_UNIT})?(?:\s*(?:、|和|及)\s*{_NUMBER}\s*(?:{_UNIT})?)+)"
)
_VALUE = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<unit>{_UNIT})?")
_MARKER = re.compile(
    r"(?P<marker>分别|各)\s*(?P<between>(?:比|较|与)[^，,。；;、\d]{1,12}?)?"
    r"(?P<verb>是|为|有|达到?|占|增加|减少|增长|下降|上升|降低|增|减)?(?=\s*\d)"
)
_CLAUSE_START = re.compile(r"[，,。；;：:！？!?（(]")
_LEAD = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])?\s*(?:本单位|本部门|我单位|全年)?"
    r"\s*(?:(?:19|20)\d{2}\s*年度?)?\s*"
)
_PROTECTED = re.compile(
    r"商品和服务|个人和家庭|社会保障和就业|灾害防治及应急管理|文化旅游体育与传媒|文化体育与传媒"
    r"|结转和结余"
)
_PREDICATE = re.compile(r"占|较|比|与|同比")
_SUFFIX = re.compile(r"(?:支出|收入|总计|合计|经费|预算|拨款)$")
"""What a suffix the subjects share can be: "收、支总计", "基本、项目支出"."""
_ABBREVIATIONS = {"收": "收入", "支": "支出"}

Char = tuple[str, int]


def spelled_out(para: Paragraph) -> Paragraph:
    """*para* with each plain respectively construction written out subject by subject."""
    if para.heading or not re.search(r"分别|各", para.text):
        return para
    chars: list[Char] = list(zip(para.text, para.offsets, strict=True))
    cursor = 0
    out: list[Char] = []
    marks = [m.end() for m in _CLAUSE_START.finditer(para.text)]
    for match in _MARKER.finditer(para.text):
        if match.start() < cursor:
            continue
        before = bisect.bisect_right(marks, match.start()) - 1
        clause_start = marks[before] if before >= 0 else 0
        rewritten = _construction(para, match, clause_start)
        if rewritten is None:
            continue
        start, end, chars_of = rewritten
        if start < cursor:
            continue  # its subjects were the previous construction's: leave it as printed
        out.extend(chars[cursor:start])
        out.extend(chars_of)
        cursor = end
    if not out:
        return para
    out.extend(chars[cursor:])
    return Paragraph(
        text="".join(c for c, _ in out),
        offsets=[o for _, o in out],
        heading=para.heading,
        level=para.level,
    )


def _construction(
    para: Paragraph, marker: re.Match[str], clause_start: int
) -> tuple[int, int, list[Char]] | None:
    """(start, end, characters) of the construction whose first marker is *marker*."""
    text = para.text
    lead = _LEAD.match(text, clause_start)
    body_start = lead.end() if lead else clause_start
    subjects = _subjects(text, body_start, marker.start())
    if subjects is None:
        return None
    groups: list[tuple[re.Match[str], list[tuple[int, int, int, int]]]] = []
    position = end = marker.start()
    while (found := _MARKER.match(text, position)) is not None:
        values = _VALUES.match(text, found.end())
        spans = _values(text, values) if values is not None else None
        if values is None or spans is None or len(spans) != len(subjects):
            break
        groups.append((found, spans))
        position = end = values.end()
        follow = re.match(r"\s*[，,]\s*(?=分别|各)", text[position:])
        if follow is None:
            break
        position += follow.end()
    if not groups:
        return None
    out: list[Char] = []
    for i, (name, suffix) in enumerate(subjects):
        if i:
            out.append(("；", para.offsets[name[0][1]]))
        else:
            out.extend(_copy(para, clause_start, body_start))
        out.extend((c, para.offsets[k]) for c, k in (*name, *suffix))
        for g, (found, spans) in enumerate(groups):
            if g:
                comma = found.start()
                out.append(("，", para.offsets[comma]))
            for part in ("between", "verb"):
                if found.group(part):
                    out.extend(_copy(para, found.start(part), found.end(part)))
            number_start, number_end, unit_start, unit_end = spans[i]
            out.extend(_copy(para, number_start, number_end))
            out.extend(_copy(para, unit_start, unit_end))
    return clause_start, end, out


def _copy(para: Paragraph, start: int, end: int) -> list[Char]:
    return list(zip(para.text[start:end], para.offsets[start:end], strict=True))


def _subjects(text: str, start: int, end: int) -> list[tuple[list[Char], list[Char]]] | None:
    """
    The subjects a construction lists before its marker, each with the suffix they share,
    as (character, position in *text*).
    """
    body = text[start:end]
    if not body or len(body) > 40 or re.search(r"\d|[^\u4e00-\u9fff、“”]", body):
        return None
    masked = _PROTECTED.sub(lambda m: "\0" * len(m.group()), body)
    if "、" in masked:
        cuts = [m.start() for m in re.finditer("、", masked)]
        last = re.search(r"和|及|与", masked[cuts[-1] :])
        if last is not None:
            cuts.append(cuts[-1] + last.start())
    else:
        joins = [m.start() for m in re.finditer(r"和|及|与", masked)]
        if len(joins) != 1:
            return None
        cuts = joins
    bounds = [0, *[c + 1 for c in cuts]]
    pieces = [(bounds[i], (cuts[i] if i < len(cuts) else len(body))) for i in range(len(bounds))]
    if any(b <= a for a, b in pieces):
        return None
    first = pieces[0][1] - pieces[0][0]
    last_start, last_end = pieces[-1]
    core = last_end - last_start
    if all(b - a <= 2 for a, b in pieces[:-1]) and last_end - last_start > first:
        if not _SUFFIX.fullmatch(body[last_start + first : last_end]):
            return None  # "教育和科学技术支出", "房租、物业管理费": no shared suffix
        core = first
    else:
        predicate = _PREDICATE.search(body, last_start + 2, last_end)
        if predicate is not None:
            core = predicate.start() - last_start
    suffix_start = last_start + core
    suffix = [(body[k], start + k) for k in range(suffix_start, last_end)]
    subjects: list[tuple[list[Char], list[Char]]] = []
    for a, b in pieces:
        b = min(b, suffix_start) if (a, b) == pieces[-1] else b
        name = [(body[k], start + k) for k in range(a, b)]
        word = body[a:b]
        if word in _ABBREVIATIONS and suffix:
            name = [(c, start + a) for c in _ABBREVIATIONS[word]]
        subjects.append((name, suffix))
    return subjects


def _values(text: str, values: re.Match[str]) -> list[tuple[int, int, int, int]] | None:
    """Each number's (start, end) and its unit's (start, end): its own or the last one's."""
    found = list(_VALUE.finditer(text, values.start("values"), values.end("values")))
    if not found or found[-1].group("unit") is None:
        return None
    last = found[-1]
    return [
        (
            m.start("number"),
            m.end("number"),
            m.start("unit") if m.group("unit") else last.start("unit"),
            m.end("unit") if m.group("unit") else last.end("unit"),
        )
        for m in found
    ]
