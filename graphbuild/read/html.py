"""HTML pages: the main article text (trafilatura, else the page's paragraphs), title and date."""
from __future__ import annotations

import re
from typing import Any, Iterator

from ..types import GraphbuildError
from .decode import _declared_charset, _decode, _read_bytes
from .problems import NO_HTML_TEXT, ReadProblem
from .records import Record, Source, whole_file

__all__ = ["html_text"]

_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


def read(source: Source, default_date: str | None) -> Iterator[Record | ReadProblem]:
    """The page's one document; raises GraphbuildError with the reason."""
    text, title, date = _read_html(_read_bytes(source.path))
    yield from whole_file(source, text, title, date, default_date)


def _html_paragraphs(html: str) -> tuple[str, str | None]:
    """Fallback extraction: the text of ``<p>`` elements outside page chrome, and ``<title>``."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None
    etree.strip_elements(
        root, "script", "style", "noscript", "template", "nav", "header", "footer",
        "aside", "form", with_tail=False,
    )  # fmt: skip
    paragraphs = [" ".join(p.text_content().split()) for p in root.iter("p")]
    title = root.findtext(".//title")
    return "\n\n".join(p for p in paragraphs if p), (title.strip() or None) if title else None


def _extraction_field(result: Any, name: str) -> str | None:
    """A field of trafilatura's result: a Document (trafilatura 2) or a dict (1.x)."""
    if isinstance(result, dict):
        return result.get(name)
    return getattr(result, name, None)


def _read_html(data: bytes) -> tuple[str, str | None, str | None]:
    """Main text, title and date of an HTML page (text not yet cleaned)."""
    # lxml refuses str input that still carries an encoding declaration.
    return html_text(_XML_DECLARATION_RE.sub("", _decode(data, _declared_charset(data))))


def html_text(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and date of HTML markup, the way an HTML file is read.

    Raises
    ------
    GraphbuildError
        When no article text is found.
    """
    # Imported here: trafilatura takes a while to import and only HTML needs it.
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
    )
    text, title, date = (_extraction_field(result, name) for name in ("text", "title", "date"))
    text = text or ""
    if not text.strip():
        text, fallback_title = _html_paragraphs(html)
        title = title or fallback_title
    if not text.strip():
        raise GraphbuildError(NO_HTML_TEXT)
    return text, title, date

