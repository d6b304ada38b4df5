"""`Draft`: a drafted 情况说明, every number in it traced to where it came from."""

from __future__ import annotations

import html
import itertools
import json
import re
from typing import Any

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of

# Filters wrap every number they print in these private-use marks, so the text a
# template produced can be split into plain text and the sources of its numbers.
OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
ADJUSTED = "\ue003"  # inside a mark's source: the text the figure had before an adjustment
_MARKED = re.compile(f"{OPEN}([^{MID}]*){MID}([^{CLOSE}]*){CLOSE}")


@frozen(kw_only=True)
class Span:
    """A number in the draft: its characters ``[start, end)`` and where it came from."""

    start: int
    end: int
    text: str
    source: str  # "total:expenditure#delta", or "2021:basic_by_economic[0]"
    value: str = ""  # the exact value behind the printed figure ("4312.8700万元", "21.4821")
    where: str = ""  # where it came from, in words ("2025年 基本支出 …, 预算数")
    adjusted: str = ""  # a largest-remainder adjustment: the figure before it ("0.01万元");
    #                     for a change from the printed figures, what the exact ones print
    printed_old: str = ""  # a change from the printed figures: last year's ("15,621.11万元")
    printed_new: str = ""  # … and this year's ("18,976.76万元")


@frozen(kw_only=True)
class Note:
    """
    What the self-check could not confirm: a number it cannot trace, a statement its
    figures contradict, funding items that do not add up.  ``text`` is the note as
    the family's ``_notes.j2`` words it; ``section``/``paragraph``/``start``/``end``
    locate the words it is about (``paragraph`` −1: the section as a whole).
    """

    kind: str
    text: str
    section: str = ""
    paragraph: int = -1
    start: int = 0
    end: int = 0


@frozen(kw_only=True)
class Section:
    """One section of the draft: its key (the template's name), title and paragraphs."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = field(converter=tuple_of)
    spans: tuple[tuple[Span, ...], ...] = field(converter=tuple_of)  # per paragraph


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Split text with number marks into plain text and the spans of its numbers."""
    spans: list[Span] = []
    out: list[str] = []
    position = 0
    cursor = 0
    for match in _MARKED.finditer(marked):
        plain = marked[cursor : match.start()]
        out.append(plain)
        position += len(plain)
        source, _, before = match.group(1).partition(ADJUSTED)
        text = match.group(2)
        spans.append(
            Span(
                start=position,
                end=position + len(text),
                text=text,
                source=source,
                adjusted=before,
            )
        )
        out.append(text)
        position += len(text)
        cursor = match.end()
    out.append(marked[cursor:])
    return "".join(out), tuple(spans)


@frozen(kw_only=True)
class Draft:
    """
    A drafted 情况说明: sections of paragraphs, each number traced.

    ``render("text" | "markdown" | "html" | "json")`` gives it in a format;
    ``save_docx(path)`` writes a Word document.
    """

    unit_name: str
    year: int
    prior_year: int
    locale: str
    title: str
    sections: tuple[Section, ...] = field(converter=tuple_of)
    notes: tuple[Note, ...] = field(default=(), converter=tuple_of)
    notes_title: str = "自检提示"
    family: str = "xinjiang"

    @property
    def text(self) -> str:
        return self.render("text")

    @property
    def placeholders(self) -> int:
        """How many places still wait for the author (【请补充…】 / [to be completed])."""
        return sum(
            p.count("【") + p.count("[to be completed") + p.count("[to be verified")
            for s in self.sections
            for p in s.paragraphs
        )

    def render(self, fmt: str = "text") -> str:
        if fmt == "text":
            return _text(self)
        if fmt == "markdown":
            return _markdown(self)
        if fmt == "html":
            return _html(self)
        if fmt == "json":
            return json.dumps(self.data(), ensure_ascii=False, indent=2) + "\n"
        msg = f"unknown draft format {fmt!r} (text, markdown, html, json; docx via save_docx)"
        raise ValueError(msg)

    def data(self) -> dict[str, Any]:
        """The draft as plain data: sections, paragraphs and the source of every number."""
        return {
            "schema": "budgetdiff.draft/1",
            "unit_name": self.unit_name,
            "year": self.year,
            "prior_year": self.prior_year,
            "locale": self.locale,
            "title": self.title,
            "family": self.family,
            "notes": [
                {
                    "kind": n.kind,
                    "text": n.text,
                    "section": n.section,
                    "paragraph": n.paragraph,
                    "start": n.start,
                    "end": n.end,
                }
                for n in self.notes
            ],
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "paragraphs": [
                        {
                            "text": text,
                            "numbers": [
                                {
                                    "start": sp.start,
                                    "end": sp.end,
                                    "text": sp.text,
                                    "source": sp.source,
                                    "value": sp.value,
                                    "where": sp.where,
                                    **_adjusted(sp),
                                }
                                for sp in spans
                            ],
                        }
                        for text, spans in zip(s.paragraphs, s.spans, strict=True)
                    ],
                }
                for s in self.sections
            ],
        }


def _adjusted(span: Span) -> dict[str, Any]:
    """What a number would have printed otherwise, and why (the JSON trace)."""
    if span.printed_old:  # a change computed from the printed figures
        found: dict[str, Any] = {
            "computed_from": {"old": span.printed_old, "new": span.printed_new},
        }
        if span.adjusted:
            found["exact_text"] = span.adjusted
        return found
    return {"adjusted_from": span.adjusted} if span.adjusted else {}


def _text(draft: Draft) -> str:
    lines = [draft.title, ""]
    for section in draft.sections:
        if section.title:
            lines.append(section.title)
        lines.extend(section.paragraphs)
    if draft.notes:
        lines += ["", draft.notes_title]
        lines += [f"{i}. {n.text}" for i, n in enumerate(draft.notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def _markdown(draft: Draft) -> str:
    lines = [f"# {draft.title}", ""]
    for section in draft.sections:
        if section.title:
            lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    if draft.notes:
        lines += [f"## {draft.notes_title}", ""]
        lines += [f"{i}. {n.text}" for i, n in enumerate(draft.notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def _html(draft: Draft) -> str:
    body = [f"<h1>{html.escape(draft.title)}</h1>"]
    for section in draft.sections:
        if section.title:
            body.append(f"<h2>{html.escape(section.title)}</h2>")
        for index, (paragraph, spans) in enumerate(
            zip(section.paragraphs, section.spans, strict=True)
        ):
            flagged = [
                (n.start, n.end, number)
                for number, n in enumerate(draft.notes, start=1)
                if n.section == section.key and n.paragraph == index and n.end > n.start
            ]
            body.append(f"<p>{_linked(paragraph, spans, flagged)}</p>")
    if draft.notes:
        body.append(f'<h2 id="notes">{html.escape(draft.notes_title)}</h2>')
        items = "".join(
            f'<li id="note-{i}">{html.escape(n.text)}</li>'
            for i, n in enumerate(draft.notes, start=1)
        )
        body.append(f'<ol class="notes">{items}</ol>')
    lang = "zh-CN" if draft.locale.startswith("zh") else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(draft.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


_CSS = (
    "body{font-family:serif;max-width:48em;margin:2em auto;line-height:1.8}"
    "span.n{border-bottom:1px dotted #888;cursor:help}"
    "mark.todo{background:#fff3a0}mark.flag{background:#ffc9c9}"
)

_PLACEHOLDER = re.compile(r"【[^】]*】|\[to be (?:completed|verified)[^\]]*\]")


def _escaped(text: str) -> str:
    """Text HTML-escaped, its placeholders 【…】 highlighted."""
    out, cursor = [], 0
    for match in _PLACEHOLDER.finditer(text):
        out.append(html.escape(text[cursor : match.start()]))
        out.append(f'<mark class="todo">{html.escape(match.group())}</mark>')
        cursor = match.end()
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _linked(
    paragraph: str,
    spans: tuple[Span, ...],
    flagged: list[tuple[int, int, int]] | None = None,
) -> str:
    """
    The paragraph, HTML-escaped: each number in a span whose title says in words where
    it came from, placeholders highlighted, the words a note is about marked with it.
    """
    opens: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    for start, end, number in flagged or ():
        opens.setdefault(start, []).append(
            f'<mark class="flag" title="{number}"><a href="#note-{number}">'
        )
        closes[end] = closes.get(end, 0) + 1
    pieces: list[tuple[int, int, Span | None]] = []
    cursor = 0
    for span in spans:
        pieces.append((cursor, span.start, None))
        pieces.append((span.start, span.end, span))
        cursor = span.end
    pieces.append((cursor, len(paragraph), None))
    out: list[str] = []
    bounds = sorted({*opens, *closes, *(a for a, _, _ in pieces), len(paragraph)})
    for a, b, piece in pieces:
        cuts = [a, *(x for x in bounds if a < x < b), b] if piece is None else [a, b]
        for x, y in itertools.pairwise(cuts):
            out.append("</a></mark>" * closes.pop(x, 0))
            out.extend(opens.pop(x, []))
            if piece is None:
                out.append(_escaped(paragraph[x:y]))
            else:
                title = html.escape(piece.where or piece.source, quote=True)
                source = html.escape(piece.source, quote=True)
                out.append(
                    f'<span class="n" title="{title}" data-source="{source}">'
                    f"{html.escape(piece.text)}</span>"
                )
    out.append("</a></mark>" * sum(closes.values()))
    return "".join(out)
