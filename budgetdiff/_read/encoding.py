"""Decoding a published text: UTF-8 (with or without BOM), GB18030/GBK, CRLF.

The encoding is detected, never guessed silently: the result names it, and a file
that neither UTF-8 nor GB18030 decodes cleanly is a `ReadError` naming the byte
offset (and line) where decoding fails.
"""

from __future__ import annotations

import codecs

from attrs import frozen

from budgetdiff.exceptions import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@frozen(kw_only=True)
class Decoded:
    """A file's text with its lines split, and how it was encoded."""

    text: str  # newlines normalised to "\n"
    encoding: str
    newline: str  # "\n", "\r\n" or "\r": the file's (first) line ending


def decode(data: bytes, source: str) -> Decoded:
    """
    Decode *data* (the bytes of *source*).

    Raises:
        ReadError: the bytes are not text in UTF-8 or GB18030, or hold NUL bytes.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise _error(data, source, name, exc) from None
    if b"\x00" in data:
        offset = data.index(b"\x00")
        message = f"not a text file: a NUL byte at byte offset {offset}"
        raise ReadError(source, message, line=_line_of(data, offset))
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8:
        try:
            return _finish(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError as gb:
            offset = max(utf8.start, gb.start)
            message = (
                f"neither UTF-8 (invalid byte at offset {utf8.start}) nor GB18030 "
                f"(invalid byte at offset {gb.start}) decodes this file; "
                "save it as UTF-8 or GBK"
            )
            raise ReadError(source, message, line=_line_of(data, offset)) from None


def _error(data: bytes, source: str, name: str, exc: UnicodeDecodeError) -> ReadError:
    message = (
        f"the file starts with a {name} byte-order mark but byte offset {exc.start} is not {name}"
    )
    return ReadError(source, message, line=_line_of(data, exc.start))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _finish(text: str, encoding: str) -> Decoded:
    newline = "\n"
    first = text.find("\n")
    if first > 0 and text[first - 1] == "\r":
        newline = "\r\n"
    elif "\r" in text and first < 0:
        newline = "\r"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, encoding=encoding, newline=newline)
