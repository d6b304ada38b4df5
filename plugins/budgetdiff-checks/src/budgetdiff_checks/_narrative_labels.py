"""How messages name a subject of the tables ("支出合计", "2111101 生态环境监测与信息")."""

from __future__ import annotations

from ._narrative_base import messages
from ._narrative_figures import FigureBook
from ._narrative_keys import Key, What


def function_name(code: str, book: FigureBook) -> str:
    """The name the tables print for a function code, else the catalog's."""
    printed = book.names_of(code)
    if printed:
        return printed[0].strip()
    return book.catalog.function_name(code, book.year) or ""


def label(key: Key, book: FigureBook) -> dict[str, str]:
    """The subject *key* names, in Chinese and English (the ``label`` template)."""
    data = {
        "what": key.what.value,
        "code": key.code,
        "source": key.source,
        "name": "",
    }
    if key.what in (What.SPEND, What.BASIC, What.PROJECT) and key.code:
        data["name"] = function_name(key.code, book)
    elif key.what in (What.ECONOMIC, What.PROJECT_ITEM):
        figures = book.figures(key)
        data["name"] = figures[0].name if figures and figures[0].name else key.code
    catalog = messages()
    return {locale: catalog.render("label", locale, data) for locale in ("zh", "en")}
