"""`Draft`: a drafted 情况说明, every number in it traced to where it came from."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from attrs import field, frozen

from budgetdiff._model.fields import tuple_of

# Filters wrap every number they print in these private-use marks, so the text a
# template produced can be split into plain text and the sources of its numbers.
OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
_MARKED = re.compile(f"{OPEN}([^{MID}]*){MID}([^{CLOSE}]*){CLOSE}")


@frozen(kw_only=True)
class Span:
    """A number in the draft: its characters ``[start, end)`` and where it came from."""

    start: int
    end: int
    text: str
    source: str  # "total:expenditure#delta", or "2021:basic_by_economic[0]"


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
        source, text = match.group(1), match.group(2)
        spans.append(Span(start=position, end=position + len(text), text=text, source=source))
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

    @property
    def text(self) -> str:
        return self.render("text")

    @property
    def placeholders(self) -> int:
        """How many places still wait for the author (【请补充…】 / [to be completed])."""
        return sum(
            p.count("【") + p.count("[to be completed") for s in self.sections for p in s.paragraphs
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


def _text(draft: Draft) -> str:
    lines = [draft.title, ""]
    for section in draft.sections:
        if section.title:
            lines.append(section.title)
        lines.extend(section.paragraphs)
    return "\n".join(lines).rstrip() + "\n"


def _markdown(draft: Draft) -> str:
    lines = [f"# {draft.title}", ""]
    for section in draft.sections:
        if section.title:
            lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines).rstrip() + "\n"


def _html(draft: Draft) -> str:
    body = [f"<h1>{html.escape(draft.title)}</h1>"]
    for section in draft.sections:
        if section.title:
            body.append(f"<h2>{html.escape(section.title)}</h2>")
        for paragraph, spans in zip(section.paragraphs, section.spans, strict=True):
            body.append(f"<p>{_linked(paragraph, spans)}</p>")
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
)


def _linked(paragraph: str, spans: tuple[Span, ...]) -> str:
    """The paragraph, HTML-escaped, each number in a span whose title names its source."""
    out, cursor = [], 0
    for span in spans:
        out.append(html.escape(paragraph[cursor : span.start]))
        source = html.escape(span.source, quote=True)
        out.append(
            f'<span class="n" title="{source}" data-source="{source}">'
            f"{html.escape(span.text)}</span>"
        )
        cursor = span.end
    out.append(html.escape(paragraph[cursor:]))
    return "".join(out)
