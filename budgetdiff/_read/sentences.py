"""Narrative text into sentences, each with the lines it was printed on.

Published PDFs wrap lines mid-sentence ("比2024年预算增加" / "3,355.65万元"); a line
that does not end a sentence is joined to the next, unless the next starts a
numbered item.  Sentences end at 。！？.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .disclosure import Sentence, TextLine

_ENDS = "。！？!?"
_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d+[)）]|\d+[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[条部])"
)
_ASCII_WORD = re.compile(r"[0-9A-Za-z%.,]")


def _clean(text: str) -> str:
    return text.strip(" \u3000\t")


def paragraphs(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Group *lines* into paragraphs, joining the lines a sentence was wrapped over."""
    result: list[list[TextLine]] = []
    for line in lines:
        text = _clean(line.text)
        if not text:
            continue
        previous = result[-1][-1] if result else None
        joins = (
            previous is not None
            and not _clean(previous.text).endswith(tuple(_ENDS))
            and not _ITEM.match(text)
        )
        if joins:
            result[-1].append(line)
        else:
            result.append([line])
    return result


def _joined(paragraph: Sequence[TextLine]) -> tuple[str, list[int]]:
    """The paragraph's text, and the line number of each of its characters."""
    text = ""
    owners: list[int] = []
    for line in paragraph:
        part = _clean(line.text)
        if text and _ASCII_WORD.match(text[-1]) and _ASCII_WORD.match(part[0]):
            text += " "
            owners.append(line.number)
        text += part
        owners.extend([line.number] * len(part))
    return text, owners


def sentences(lines: Sequence[TextLine]) -> tuple[Sentence, ...]:
    """The sentences of *lines*, in order, each with its first and last line."""
    result: list[Sentence] = []
    for paragraph in paragraphs(lines):
        text, owners = _joined(paragraph)
        start = 0
        for index, char in enumerate(text):
            if char in _ENDS or index == len(text) - 1:
                piece = text[start : index + 1]
                stripped = piece.strip()
                if stripped:
                    first = start + (len(piece) - len(piece.lstrip()))
                    result.append(
                        Sentence(text=stripped, line=owners[first], end_line=owners[index])
                    )
                start = index + 1
    return tuple(result)
