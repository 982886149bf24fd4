"""RSS 2.0 and Atom feeds: one document per item (RSS) or entry (Atom).

Each document takes the item's title, its link as ``source``, its date (ISO)
and, as text, its content (``content:encoded`` or Atom ``content``) or else
its description/summary, with HTML turned into text the way an HTML page is
read.  A feed is parsed with the standard library; a feed that declares a
DOCTYPE or entities is refused, so no entity expansion ("billion laughs") or
external entity can be triggered by a file.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterator

from ..dates import parse_doc_date
from ..types import GraphbuildError
from .decode import _read_bytes
from .document import _document_date, document_from_text
from .html import html_text
from .problems import EMPTY_FILE, ReadProblem
from .records import Record, Source, part

__all__ = ["Entry", "feed_entries"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
# A DOCTYPE may declare entities, and expanding them is the classic XML bomb.
_DECLARATION_RE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TAG_RE = re.compile(r"<[A-Za-z!/]")
REFUSED_DECLARATIONS = "feed declares a DOCTYPE or entities (refused: they could expand without limit)"


@dataclass(frozen=True)
class Entry:
    """One item of a feed, as written in it (HTML not yet turned into text)."""

    title: str | None
    link: str | None
    date: str | None
    content: str  # HTML or plain text
    html: bool  # whether ``content`` is markup


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return "".join(element.itertext()).strip() or None


def _rss_entries(root: ET.Element) -> list[Entry]:
    entries = []
    for item in root.iter("item"):
        content = _text(item.find(_CONTENT)) or _text(item.find("description")) or ""
        date = _text(item.find("pubDate")) or _text(item.find(_DC_DATE))
        entries.append(Entry(_text(item.find("title")), _text(item.find("link")), date, content,
                             html=bool(_TAG_RE.search(content))))
    return entries


def _atom_link(entry: ET.Element) -> str | None:
    links = entry.findall(f"{_ATOM}link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href").strip()
    return next((link.get("href").strip() for link in links if link.get("href")), None)


def _atom_body(element: ET.Element | None) -> tuple[str, bool]:
    """Text of an Atom ``content``/``summary`` and whether it is markup (type html or xhtml)."""
    if element is None:
        return "", False
    kind = element.get("type", "text")
    if kind == "xhtml":
        markup = "".join(ET.tostring(child, encoding="unicode") for child in element)
        return re.sub(r"\s*xmlns(:\w+)?=\"[^\"]*\"", "", markup), True
    text = _text(element) or ""
    return text, kind == "html" or "html" in kind


def _atom_entries(root: ET.Element) -> list[Entry]:
    entries = []
    for entry in root.findall(f"{_ATOM}entry"):
        content, markup = _atom_body(entry.find(f"{_ATOM}content"))
        if not content.strip():
            content, markup = _atom_body(entry.find(f"{_ATOM}summary"))
        date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
        entries.append(Entry(_text(entry.find(f"{_ATOM}title")), _atom_link(entry), date, content, markup))
    return entries


def feed_entries(data: bytes) -> list[Entry]:
    """The items of an RSS 2.0 or Atom feed, in document order.

    Raises
    ------
    GraphbuildError
        When the file is empty, declares a DOCTYPE or entities, is not
        well-formed XML, or its root is neither ``<rss>`` nor Atom ``<feed>``.

    Examples
    --------
    >>> feed = b'<rss version="2.0"><channel><item><title>T</title><link>http://x/1</link>'
    >>> feed += b'<pubDate>Mon, 02 May 2016 10:00:00 GMT</pubDate><description>Kerry met Lavrov.'
    >>> feed += b'</description></item></channel></rss>'
    >>> feed_entries(feed)
    [Entry(title='T', link='http://x/1', date='Mon, 02 May 2016 10:00:00 GMT', content='Kerry met Lavrov.', html=False)]
    """
    if not data.strip():
        raise GraphbuildError(EMPTY_FILE)
    if _DECLARATION_RE.search(data):
        raise GraphbuildError(REFUSED_DECLARATIONS)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise GraphbuildError(f"malformed feed ({exc})") from None
    if root.tag == "rss":
        return _rss_entries(root)
    if root.tag == f"{_ATOM}feed":
        return _atom_entries(root)
    name = root.tag.rsplit("}", 1)[-1]
    raise GraphbuildError(f"not an RSS or Atom feed (the XML root is <{name}>)")


def _entry_text(entry: Entry) -> str:
    """The item's article text: markup read like an HTML page, plain text as it is."""
    if not entry.html:
        return entry.content
    return html_text(entry.content)[0]


def _iso(date: str | None) -> str | None:
    """A feed date (RFC 822 in RSS, ISO in Atom) as an ISO day; returned as written when it is none."""
    day = parse_doc_date(date)
    return day.isoformat() if day else date


def read(source: Source, default_date: str | None) -> Iterator[Record | ReadProblem]:
    """One document per item; a bad item is a problem for that item only."""
    entries = feed_entries(_read_bytes(source.path))
    if not entries:
        raise GraphbuildError("feed has no items")
    for number, entry in enumerate(entries, start=1):
        identifier, where, alt_id = part(source, number, None)
        try:
            date, bad_date = _document_date(_iso(entry.date), where)
            document = document_from_text(_entry_text(entry), identifier, title=entry.title,
                                          date=date or default_date, source=entry.link or source.name)
        except GraphbuildError as exc:
            yield ReadProblem(where, f"{exc} in item {number}")
            continue
        if bad_date is not None:
            yield bad_date
        yield Record(document, where, alt_id)
