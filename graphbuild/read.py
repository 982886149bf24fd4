"""Read stage: files, folders, globs and stdin -> :class:`~graphbuild.types.Document`.

Inputs are named the way a shell user names them: file paths, folders (read
recursively), glob patterns and ``-`` for standard input.  Plain text
(``.txt``/``.text``), HTML (``.html``/``.htm``) and JSON Lines
(``.jsonl``/``.json-lines``) are understood; text arrives in UTF-8, UTF-16 or
a legacy single-byte encoding such as Latin-1/cp1252.

An input that cannot be used (missing, empty, binary, unreadable, a bad JSONL
line, ...) never stops the run: it is reported once as a :class:`ReadProblem`
through the ``on_problem`` callback and skipped, and every other input is
still read.  The library never prints and never exits.

Scraped pages carry page furniture -- navigation labels, photo captions,
credit lines, publisher footers -- that would otherwise become actors;
:func:`clean_text` removes it with general rules whose word lists live in
``graphbuild/data/boilerplate.json``.

Examples
--------
>>> from graphbuild.read import document_from_text
>>> doc = document_from_text("Breaking News\\n\\nKerry met Lavrov in Geneva on Monday.", id="a")
>>> doc.text
'Kerry met Lavrov in Geneva on Monday.'
"""
from __future__ import annotations

import codecs
from collections import abc
import glob
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, TextIO

from .dates import is_date, normalize_date
from .types import Dateline, Document, GraphbuildError
from .util import load_data

__all__ = [
    "sample_documents",
    "printable_path",
    "strip_invisible",
    "check_date",
    "ReadProblem",
    "iter_documents",
    "read_text_file",
    "clean_text",
    "document_from_text",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "READ_SUFFIXES",
    "STDIN_ID",
]

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".json-lines")
#: Suffixes picked up when walking a folder; a file named explicitly is read whatever its suffix.
READ_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
#: Id (and problem path) of the document read from standard input.
STDIN_ID = "<stdin>"

# Reasons shared by several code paths, so that the CLI and tests see one wording.
NO_SUCH_FILE = "no such file or directory"
PERMISSION_DENIED = "permission denied"
EMPTY_FILE = "empty file"
WHITESPACE_FILE = "empty file (only whitespace)"
BINARY_FILE = "binary file (not text)"
UNDECODABLE = "undecodable text"
NO_HTML_TEXT = "no article text found in HTML"
ONLY_BOILERPLATE = "no article text left after removing boilerplate"

_GLOB_CHARS = frozenset("*?[")
# Git's rule of thumb: a NUL byte in the first 8 KB means binary (unless UTF-16).
_SNIFF_BYTES = 8192
# Encoding and binary checks look at a prefix so a 10 MB article costs no more than a page.
_SAMPLE_CHARS = 65536
_MAX_CONTROL_RATIO = 0.05
# Signatures of common binary formats that may hide no NUL byte in their first bytes.
_BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_BOMS = tuple(bom for bom, codec in _BOMS if codec != "utf-8-sig")
# Encodings whose reading of Western text is what cp1252 already gives.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii"})
# charset-normalizer's guess must be this much less "messy" than cp1252 to win:
# on short Latin-1 texts it happily picks cp1250, cp932 or even UTF-16.
_LEGACY_MESS_MARGIN = 0.2
_LEGACY_MIN_BYTES = 32
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters removed from every text at read time: control characters other
# than tab and line breaks (a NUL glued to a name makes a second actor) and
# the invisible bidirectional marks, embeddings, overrides and isolates (an
# override draws "Angela\u202elekreM" as "AngelaMerkel").  Lone surrogates
# (not text) become U+FFFD.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: Start of the reason reported for a document date that is not a date (the document is kept).
IGNORED_DATE = "ignored the date"


@dataclass
class ReadProblem:
    """One input that could not be used, and why.

    Parameters
    ----------
    path : str
        The input as the user named it: a path, ``"<stdin>"``, or
        ``"file.jsonl:12"`` for one line of a JSON Lines file.
    reason : str
        Short and actionable, e.g. ``"empty file"``, ``"binary file (not text)"``.
    """

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """``{"path": ..., "reason": ...}``, the shape of an extraction's ``skipped`` entries."""
        return {"path": self.path, "reason": self.reason}


# --------------------------------------------------------------------------- #
# Boilerplate removal
# --------------------------------------------------------------------------- #

_BULLETS = "\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219*-\u2013\u2014>|"
_NO_WORD_RE = re.compile(r"^[\W_]+$")
# Final punctuation, closing quotes or brackets, then any footnote markers ("[1]", "[citation needed]").
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*(?:\s*\[[^\[\]\n]{1,20}\])*$")
# A photo caption is a sentence or two; a longer unpunctuated line is article text.
_MAX_CAPTION_WORDS = 60
# A lead line shorter than this and not a sentence is page furniture (nav label, headline, byline).
_MAX_NAV_WORDS = 15
# A line ending like this runs on into the next one (hard-wrapped text), as does
# a next line that starts in lower case.
_WRAP_ENDINGS = (",", ";", "-", "\u2013", "\u2014", "(")
_MIN_PROSE_WORDS = 4
_MIN_TITLE_WORDS = 3
# A credit line is one line of names; a longer line is prose that happens to start alike.
_MAX_CREDIT_WORDS = 40
_MAX_RIGHTS_WORDS = 15
_COPYRIGHT_RE = re.compile(
    r"^(?:\u00a9|\(c\)\s*\d{4}|copyright\b(?=\s*(?:\u00a9|\(c\)|\d{4}|by\b|:|$)))", re.IGNORECASE
)
# Publisher voice: "we"/"our"/"you"; lower-case "us" only, because "US" is a country.
_PUBLISHER_VOICE_RE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our)\b")
# Words of a reported sentence, which a credit line never has.
_REPORTED_RE = re.compile(r"\b(?:said|says|told|tells|according)\b", re.IGNORECASE)
_QUOTED_RE = re.compile(r"[\"\u201c\u201d\u00ab\u00bb][^\"\u201c\u201d\u00ab\u00bb]*[\"\u201c\u201d\u00ab\u00bb]")


@dataclass(frozen=True)
class _Rules:
    """Compiled boilerplate patterns built from ``boilerplate.json``."""

    credit_prefixes: tuple[str, ...]
    credit_suffix: re.Pattern[str]
    placeholder: re.Pattern[str]
    footer: re.Pattern[str]
    caption_position: re.Pattern[str]
    caption_phrase: re.Pattern[str]
    photo_credit: re.Pattern[str]
    dateline_kickers: frozenset[str]
    wire_agencies: frozenset[str]


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``phrases`` as whole words."""
    alternatives = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """The compiled rules (cached: the data file never changes at run time)."""
    data = load_data("boilerplate.json")
    placeholder_words = "|".join(re.escape(w) for w in data["placeholder_words"])
    positions = "|".join(re.escape(w) for w in data["caption_position_markers"])
    photo_words = "|".join(re.escape(w) for w in data["photo_credit_words"])
    suffixes = "|".join(re.escape(w) for w in sorted(data["credit_suffixes"], key=len, reverse=True))
    return _Rules(
        credit_prefixes=tuple(p.lower() for p in data["credit_prefixes"]),
        # "... contributed to this report." / "... contributed reporting from Oldtown.": the line's end.
        credit_suffix=re.compile(
            rf"\b(?:{suffixes})(?:\s+(?:from|in)\s+[^.;:\"\u201c\u201d]{{1,60}})?\.?$", re.IGNORECASE
        ),
        # "16x9 Image", "Photo", "Video 2": an image slot the scraper turned into text.
        placeholder=re.compile(
            rf"^(?:\d+\s*[x\u00d7:/]\s*\d+\s+)?(?:{placeholder_words})(?:\s+\d+)?$", re.IGNORECASE
        ),
        footer=_phrase_pattern(data["footer_phrases"]),
        # "(right)", "(L)", "(2nd R)", "(3rd from left)": where a person stands in a photo.
        caption_position=re.compile(
            rf"\((?:\d+(?:st|nd|rd|th)\s+(?:from\s+)?)?(?:{positions})\)", re.IGNORECASE
        ),
        caption_phrase=_phrase_pattern(data["caption_phrases"]),
        # A photographer's credit closing the line: "(AP Photo/Ana Lopes)", "(Photo by A. Lopes/Agency)",
        # or an agency in capitals, a slash and a name ("REUTERS/Ana Lopes", "AFP PHOTO / ANA LOPES").
        photo_credit=re.compile(
            rf"(?:\((?:[^()]*?\s)?(?i:{photo_words})\b[^()]*\)"
            r"|(?<![\w/])[A-Z][A-Z.&]+(?:\s[A-Z][A-Z.&]+)?\s?/\s?[A-Z][^/()]{2,60})\s*$"
        ),
        dateline_kickers=frozenset(w.casefold() for w in data["dateline_kickers"]),
        wire_agencies=frozenset(load_data("news_agencies.json")["wire_agencies"]),
    )


def _core(line: str) -> str:
    """``line`` without surrounding space, list bullets and an opening bracket."""
    return line.strip().lstrip(_BULLETS + " \t\u00a0").lstrip("([").strip()


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END_RE.search(line.strip()))


def _is_prose(line: str) -> bool:
    return _is_sentence(line) and len(line.split()) >= _MIN_PROSE_WORDS


def _is_credit(line: str, rules: _Rules) -> bool:
    """A credit/rights line ("With reporting by ...", "Photo: ...", "(c) 2016 ...").

    A line ending "... contributed to this report." is a credit too, unless it
    quotes or reports someone: then it is a sentence of the article ("Donors
    contributed to this report, the minister said.").
    """
    core = _core(line)
    lower = core.lower()
    words = len(core.split())
    if words <= _MAX_CREDIT_WORDS and lower.startswith(rules.credit_prefixes):
        return True
    if words <= _MAX_CREDIT_WORDS and rules.credit_suffix.search(core.rstrip(")]").rstrip()):
        return not (_QUOTED_RE.search(core) or _REPORTED_RE.search(core))
    if _COPYRIGHT_RE.match(core):
        return True
    return words <= _MAX_RIGHTS_WORDS and "all rights reserved" in lower


def _is_placeholder(line: str, rules: _Rules) -> bool:
    """An image slot ("16x9 Image") or a line of bullets/punctuation only."""
    return bool(_NO_WORD_RE.match(line) or rules.placeholder.match(_core(line)))


def _is_furniture(line: str, rules: _Rules) -> bool:
    """A line dropped wherever it stands: credit, placeholder or photo caption."""
    if not line.strip():
        return False  # blank lines keep the paragraph layout
    return _is_credit(line, rules) or _is_placeholder(line, rules) or _is_caption(line, rules, lead=False)


def _is_caption(line: str, rules: _Rules, *, lead: bool) -> bool:
    """A photo caption: no final punctuation and a position marker or photo wording.

    Position markers ("(right)"), "file photo" and a closing photographer's
    credit ("(AP Photo/Ana Lopes)", "REUTERS/Ana Lopes") are specific enough to
    trust anywhere; verbs such as "gestures" only in the lead block, where a
    caption sits between the headline and the first paragraph.
    """
    if not line.strip() or _is_sentence(line) or len(line.split()) > _MAX_CAPTION_WORDS:
        return False
    if rules.caption_position.search(line) or re.search(r"(?i)\bfile photo\b", line):
        return True
    if rules.photo_credit.search(line.strip()):
        return True
    return lead and bool(rules.caption_phrase.search(line))


def _wraps(line: str, following: str) -> bool:
    """Whether ``following`` continues ``line``'s sentence (hard-wrapped text)."""
    if not line.strip() or not following.strip():
        return False
    return following.lstrip()[:1].islower() or line.rstrip().endswith(_WRAP_ENDINGS)


def _logical_lines(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, text)`` of each logical line: hard-wrapped lines joined into one.

    A generator, because the lead block is usually a few lines of a long text.
    """
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and _wraps(lines[end - 1], lines[end]):
            end += 1
        yield start, end, " ".join(line.strip() for line in lines[start:end])
        start = end


def _drop_lead(lines: list[str], rules: _Rules) -> tuple[list[str], str | None, re.Match[str] | None]:
    """Drop nav labels, headline, byline and caption lines before the first paragraph.

    Nothing is dropped when the text has no prose paragraph at all, so a short
    note such as ``"Kerry met Lavrov in Geneva"`` survives.  Returns the kept
    lines, the headline (the longest dropped line that reads like a title) and
    a dateline standing alone on a dropped line (``"KYIV, March 3 -"``), which
    is no headline.
    """
    lead: list[tuple[int, int, str]] = []
    for span in _logical_lines(lines):
        if _is_prose(span[2]):
            break
        lead.append(span)
    else:
        return lines, None, None  # no prose paragraph at all
    titles: list[str] = []
    dateline = None
    cut = 0
    for _, end, text in lead:
        alone = _match_dateline(text, rules, alone=True) if text else None
        if alone:
            dateline = alone
        elif text and not _is_caption(text, rules, lead=True):
            if _is_sentence(text) or len(text.split()) > _MAX_NAV_WORDS:
                break  # a real (if odd) first paragraph: keep it and all that follows
            titles.append(text)
        cut = end
    candidates = [t for t in titles if len(t.split()) >= _MIN_TITLE_WORDS]
    return lines[cut:], max(candidates, key=len, default=None), dateline


def _paragraph_starts(lines: list[str]) -> list[int]:
    """Index of each paragraph's first line: blank-line separated, else one a line."""
    if any(not line.strip() for line in lines):
        return [
            i
            for i, line in enumerate(lines)
            if line.strip() and (i == 0 or not lines[i - 1].strip())
        ]
    return list(range(len(lines)))


def _is_footer(paragraph: str, rules: _Rules) -> bool:
    """A paragraph about the publisher: footer wording in the publisher's own voice.

    Quoted speech is ignored, so an article ending with ``"We will sign up,"
    he said.`` is kept; a line of links with no sentence ("Privacy Policy |
    Terms of Use") needs no pronoun.
    """
    if not rules.footer.search(paragraph):
        return False
    unquoted = _QUOTED_RE.sub(" ", paragraph)
    return bool(_PUBLISHER_VOICE_RE.search(unquoted)) or not _is_sentence(paragraph)


def _drop_footer(lines: list[str], rules: _Rules) -> list[str]:
    """Drop trailing publisher paragraphs, always keeping the first paragraph."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    starts = _paragraph_starts(lines)
    while len(starts) > 1 and _is_footer(" ".join(lines[starts[-1]:]), rules):
        lines = lines[: starts.pop()]
        while lines and not lines[-1].strip():
            lines = lines[:-1]
    return lines


# --------------------------------------------------------------------------- #
# Datelines
# --------------------------------------------------------------------------- #

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A word of a place, region or agency: letters with inner full stops, hyphens or
# apostrophes ("ST.", "AL-ARISH", "D.C.", "O'HARE"); no digits.
_DL_WORD = r"[^\W\d_](?:[^\W\d_]|[.'\u2019-])*"
_DL_WORDS = rf"{_DL_WORD}(?:[ ]{_DL_WORD}){{0,3}}"
# "BAGHDAD, Oct 17 (Reuters) -", "NUSA DUA, Indonesia, Nov 14 (Reuters) -",
# "LA PAZ, Bolivia (AP) \u2014", "BRUSSELS/BEIJING, July 4 (Reuters) -", "KYIV, March 3, 2022 -":
# place words, then optional region, date and agency, then a dash of any kind.  A
# hyphen-minus needs a space or the agency's bracket before it, so "U.S.-Russia"
# is no dateline.  Whether the words are capitals is checked in code (Unicode case).
_DATELINE_RE = re.compile(
    rf"""
    (?P<head>
      (?P<place>{_DL_WORDS}(?:[ ]?/[ ]?{_DL_WORDS})*)
      (?:,[ ](?P<region>{_DL_WORD}(?:[ ]{_DL_WORD}){{0,2}}))?
      (?:,[ ](?P<date>(?i:{_MONTH})\.?[ ]\d{{1,2}}(?:,?[ ]\d{{4}})?|\d{{1,2}}[ ](?i:{_MONTH})\.?(?:,?[ ]\d{{4}})?))?
      (?:[ ]?\((?P<agency>{_DL_WORDS})\))?
    )
    [ \t]*(?:--|[\u2012-\u2015\u2212]|(?<=[ \t)])-)\s*
    """,
    re.VERBOSE,
)
# Words kept in lower case inside a place name written in capitals ("RIO DE JANEIRO").
_PLACE_PARTICLES = frozenset("de da di do del della dos das du des of the upon am on sur en".split())


def _capitalised(words: str) -> bool:
    return all(w[:1].isupper() for w in words.split())


def _match_dateline(text: str, rules: _Rules, *, alone: bool = False) -> re.Match[str] | None:
    """The dateline opening ``text`` (the first paragraph), or None.

    With ``alone``, ``text`` must be the dateline and nothing else (a line of
    its own above the first paragraph); otherwise the paragraph must go on
    after the dash with a sentence start (capital, digit or quote), so that
    "NATO - which ..." or a paragraph without a dash are left alone.  The place
    is in capitals; in title case ("Washington (AFP) -") only when a wire
    agency follows it.  Kicker labels such as "EXCLUSIVE -" are no place.
    """
    m = _DATELINE_RE.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    if alone:
        if rest.strip():
            return None
    else:
        first = rest.lstrip("\"'\u201c\u2018([")[:1]
        if not (first.isupper() or first.isdigit()):
            return None
    place, region, agency = m["place"], m["region"], m["agency"]
    words = re.split(r"[ /]+", place)
    if not all(w.isupper() for w in words):
        if agency not in rules.wire_agencies or not all(w[:1].isupper() for w in words):
            return None
    if place.casefold() in rules.dateline_kickers:
        return None
    if region and not _capitalised(region):
        return None
    if agency and not (agency[:1].isupper() or agency in rules.wire_agencies):
        return None
    return m


def _place_name(name: str, body: str) -> str:
    """A dateline place as the article writes it ("NUSA DUA" -> "Nusa Dua"), else in title case."""
    for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", body, re.IGNORECASE):
        if not found.group().isupper():
            return found.group()
    if not name.isupper():
        return name  # "Washington (AFP) -", "McALLEN, Texas (AP) -"
    # Capitals start each word, each hyphenated part, each initial ("D.C.") and follow an elided
    # letter ("O'HARE" -> "O'Hare"), but not a possessive ("ST. MARY'S" -> "St. Mary's").
    titled = re.sub(
        r"(?:^|(?<=[\s.\-/])|(?<=\b\w['\u2019]))\w", lambda c: c.group().upper(), name.lower()
    )
    words = titled.split(" ")
    return " ".join(w.lower() if i and w.lower() in _PLACE_PARTICLES else w for i, w in enumerate(words))


def _dateline_record(m: re.Match[str], body: str) -> Dateline:
    """What a dateline says, as kept in :attr:`Document.dateline`."""
    return Dateline(
        text=m["head"].strip(),
        places=[_place_name(p.strip(), body) for p in m["place"].split("/")],
        region=m["region"],
        date=m["date"],
        agency=m["agency"],
    )


def _clean(text: str) -> tuple[str, str | None, Dateline | None]:
    """:func:`clean_text` plus the headline found in the lead block and the dateline (or None)."""
    rules = _rules()
    lines = [
        line.rstrip() for line in _normalise_newlines(text).split("\n") if not _is_furniture(line, rules)
    ]
    lines, title, alone = _drop_lead(lines, rules)
    lines = _drop_footer(lines, rules)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n").strip()
    # The dateline would be parsed as the first sentence's subject ("BAGHDAD ... forces tightened"):
    # the text keeps the sentence, the document keeps what the dateline says.
    opening = _match_dateline(cleaned, rules)
    if opening:
        cleaned = cleaned[opening.end() :]
    found = opening or alone
    return cleaned, title, _dateline_record(found, cleaned) if found else None


def clean_text(text: str) -> str:
    """Remove scraped-page boilerplate, leaving the article's paragraphs as they were.

    The rules are general (word lists in ``graphbuild/data/boilerplate.json``):

    1. short lines that are not sentences before the first prose paragraph
       (navigation labels, "Breaking News", the headline, a byline) are dropped;
    2. credit lines anywhere ("With reporting by ...", "Editing by ...",
       "Photo: ...", "Copyright ...", "(c) ...", "All rights reserved",
       "... contributed to this report."), image
       placeholders ("16x9 Image") and lines of bullets/punctuation only;
    3. trailing paragraphs that speak about the publisher ("our journalists",
       "subscribe to our newsletter", "privacy policy", "Our Standards: ...")
       after the article;
    4. photo captions: unpunctuated lines with "(right)", "(L)", "file photo",
       a closing photographer's credit ("(AP Photo/Ana Lopes)"), or, just
       below the headline, "gestures", "poses", "looks on", ...;
    5. a wire dateline opening the first paragraph ("BAGHDAD, Oct 17
       (Reuters) - ", "LA PAZ, Bolivia (AP) \u2014 "), so that the paragraph
       starts with its sentence; :func:`document_from_text` keeps it as
       :attr:`Document.dateline`.

    Line endings become ``\\n``; runs of blank lines shrink to one.  If the
    text has no prose paragraph, the lead lines are kept (a one-line note is
    not boilerplate).

    Parameters
    ----------
    text : str
        Decoded article text.

    Returns
    -------
    str
        The cleaned text (possibly empty when it held only boilerplate).

    Examples
    --------
    >>> clean_text("Home\\nWorld News\\n\\nThe minister met his counterpart on Monday.\\n\\nEditing by A. Person")
    'The minister met his counterpart on Monday.'
    >>> clean_text("OLDTOWN, May 2 (Reuters) - The minister met his counterpart on Monday.")
    'The minister met his counterpart on Monday.'
    """
    return _clean(text)[0]


def sample_documents(corpus: bool = False) -> list[Document]:
    """The article shipped with graphbuild (and, with ``corpus=True``, three short ones more).

    Ids are the file names, so output does not depend on where graphbuild is installed.
    """
    from .util import data_path

    paths = [data_path("samples/kerry_geneva.txt")]
    if corpus:
        paths += sorted(data_path("samples/corpus").glob("*.txt"))
    return [document_from_text(read_text_file(p), id=p.name, source=p.name) for p in paths]


def strip_invisible(text: str) -> str:
    """``text`` without control characters (tab and line breaks stay) and bidirectional controls.

    Lone surrogates become U+FFFD.  Every document's text goes through this
    before anything else, so event offsets count characters of the text
    *after* removal: a removed character shifts later offsets by one against
    the file (as removed boilerplate does).

    >>> strip_invisible("Angela\\u202eMerkel met\\x00 Erdogan\\tin Ankara.")
    'AngelaMerkel met Erdogan\\tin Ankara.'
    """
    text = _INVISIBLE_RE.sub("", text)
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def check_date(date: str | None) -> str | None:
    """``date`` when it names one day (see :func:`graphbuild.dates.parse_doc_date`), or None.

    Raises
    ------
    GraphbuildError
        When ``date`` is given but is not a date, with the reason.
    """
    if date is None:
        return None
    if not isinstance(date, str) or not is_date(date):
        raise GraphbuildError(f"date {date!r} is not a date (write it like 2016-05-02)")
    return date


def _document_date(value: str | None, where: str) -> tuple[str | None, ReadProblem | None]:
    """A document's own date, or None and the problem to report when it is no date."""
    if value is None or is_date(value):
        return value, None
    return None, ReadProblem(where, f"{IGNORED_DATE} {value!r} (not a date; write it like 2016-05-02)")


def document_from_text(
    text: str,
    id: str = "text",
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
) -> Document:
    """A :class:`Document` from a string: boilerplate removed, headline kept as title.

    A wire dateline opening the first paragraph ("BAGHDAD, Oct 17 (Reuters) -")
    is taken out of the text and kept as ``Document.dateline``
    (:class:`~graphbuild.types.Dateline`).

    Parameters
    ----------
    text : str
        The article text (already decoded).
    id : str
        Document id.
    title, date, source : str, optional
        Metadata.  When ``title`` is None, the headline found above the first
        paragraph (if any) is used.  When ``date`` is None and the dateline
        has a full date ("March 3, 2022"), that date is used.

    Returns
    -------
    Document

    Raises
    ------
    GraphbuildError
        If the text is not a string, is empty or holds only boilerplate.
    """
    if not isinstance(text, str):
        raise GraphbuildError(f"text is not a string but {type(text).__name__}")
    text = strip_invisible(text)
    if not text.strip():
        raise GraphbuildError("empty text")
    title = strip_invisible(title) if isinstance(title, str) else title
    cleaned, headline, dateline = _clean(text)
    if not cleaned:
        raise GraphbuildError(ONLY_BOILERPLATE)
    if date is None and dateline and dateline.date:
        date = normalize_date(dateline.date, None)  # only a date with its year resolves alone
    return Document(
        id=id, text=cleaned, title=title or headline, date=date, source=source, dateline=dateline
    )


# --------------------------------------------------------------------------- #
# Bytes -> text
# --------------------------------------------------------------------------- #


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bomless_utf16(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit on one side of each byte pair.

    Latin-script text in UTF-16 without a BOM has a NUL as every other byte;
    a binary file has NULs scattered on both sides.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_western(data: bytes) -> str:
    """cp1252, or Latin-1 for the five bytes cp1252 leaves undefined."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8: cp1252 unless another codec is clearly better.

    News files that are not UTF-8 are nearly always Latin-1/cp1252, but
    charset-normalizer guesses exotic codecs for short Western texts (cp1250
    turns French "è" into "č").  Its guess is taken only when reading the bytes
    as cp1252 is markedly messier (Cyrillic, Greek, Polish, ...).
    """
    western = _decode_western(data)
    if len(data) < _LEGACY_MIN_BYTES:
        return western
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    # UTF-8/16/32 were ruled out before we got here, whatever the detector says.
    guess = next((m for m in from_bytes(data) if not m.encoding.startswith("utf")), None)
    if guess is None or guess.encoding in _WESTERN:
        return western
    alternative = str(guess)
    western_mess = mess_ratio(western[:_SAMPLE_CHARS], maximum_threshold=1.0)
    alternative_mess = mess_ratio(alternative[:_SAMPLE_CHARS], maximum_threshold=1.0)
    return alternative if alternative_mess + _LEGACY_MESS_MARGIN <= western_mess else western


def _check_text(text: str) -> str:
    """Newline-normalised ``text``, or GraphbuildError when it is binary or blank."""
    text = _normalise_newlines(text)
    sample = text[:_SAMPLE_CHARS]
    if len(_CONTROL_RE.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise GraphbuildError(BINARY_FILE)
    if not text.strip():
        raise GraphbuildError(WHITESPACE_FILE)
    return text


def _declared_charset(data: bytes) -> str | None:
    """The codec an HTML/XML page declares in its first bytes, if Python knows it."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page declaring UTF-16 but stored without BOM or NULs was re-encoded on the way.
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _decode(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text, or raise GraphbuildError with the reason.

    Order: empty, known binary signature, BOM, BOM-less UTF-16, NUL bytes
    (binary), the declared charset (HTML), UTF-8, then legacy codecs.
    """
    if not data:
        raise GraphbuildError(EMPTY_FILE)
    if data.startswith(_BINARY_MAGIC):
        raise GraphbuildError(BINARY_FILE)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError:
                raise GraphbuildError(UNDECODABLE) from None
    head = data[:_SNIFF_BYTES]
    utf16 = _bomless_utf16(head)
    if utf16:
        try:
            return _check_text(data.decode(utf16))
        except UnicodeDecodeError:
            raise GraphbuildError(BINARY_FILE) from None
    if b"\x00" in head:
        raise GraphbuildError(BINARY_FILE)
    for codec in (declared, "utf-8"):
        if codec:
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError:
                pass
    return _check_text(_decode_legacy(data))


def _os_error_reason(exc: OSError) -> str:
    """A short reason for an error opening or reading a file."""
    if isinstance(exc, FileNotFoundError):
        return NO_SUCH_FILE
    if isinstance(exc, PermissionError):
        return PERMISSION_DENIED
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read file: {exc.strerror or exc}"


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise GraphbuildError(_os_error_reason(exc)) from None


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file; boilerplate is NOT removed (see :func:`clean_text`).

    UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM and
    legacy encodings (cp1252/Latin-1 preferred, other codecs when
    charset-normalizer is clearly right) are decoded; line endings become ``\\n``.
    A file of any size is read.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    str

    Raises
    ------
    GraphbuildError
        With the reason as message: ``"no such file or directory"``,
        ``"permission denied"``, ``"is a directory"``, ``"empty file"``,
        ``"empty file (only whitespace)"``, ``"binary file (not text)"`` or
        ``"undecodable text"``.
    """
    return _decode(_read_bytes(os.fspath(path)))


# --------------------------------------------------------------------------- #
# Formats
# --------------------------------------------------------------------------- #


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
    # Imported here: trafilatura takes a while to import and only HTML needs it.
    import trafilatura

    # lxml refuses str input that still carries an encoding declaration.
    html = _XML_DECLARATION_RE.sub("", _decode(data, _declared_charset(data)))
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


def _string_field(record: dict[str, Any], name: str) -> str | None:
    """A JSONL metadata field as a non-empty string (numbers converted), else None."""
    value = record.get(name)
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def _parse_jsonl_line(line: str, lineno: int) -> dict[str, Any]:
    """The JSON object on one line, checked for a usable ``text``; raises with the reason."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GraphbuildError(f"invalid JSON on line {lineno}: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise GraphbuildError(f"line {lineno} is not a JSON object")
    if "text" not in record:
        raise GraphbuildError(f"no 'text' field on line {lineno}")
    if not isinstance(record["text"], str):
        raise GraphbuildError(f"'text' on line {lineno} is not a string")
    if not record["text"].strip():
        raise GraphbuildError(f"empty 'text' field on line {lineno}")
    identifier = record.get("id")
    if identifier is not None and (isinstance(identifier, bool) or not isinstance(identifier, (str, int))):
        raise GraphbuildError(f"'id' on line {lineno} is not a string or integer")
    return record


def _looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object with a ``text`` field."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "text" in record


def _jsonl_file_lines(path: str) -> Iterator[str]:
    """Decoded lines of a JSON Lines file, streamed so a huge corpus is never held whole.

    UTF-16/32 files (BOM or NUL pattern) are rare and decoded whole; otherwise
    each line is UTF-8, or cp1252/Latin-1 when it is not valid UTF-8.
    """
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
        if not head:
            raise GraphbuildError(EMPTY_FILE)
        if head.startswith(_WIDE_BOMS) or _bomless_utf16(head):
            yield from _decode(head + fh.read()).split("\n")
            return
        if b"\x00" in head or head.startswith(_BINARY_MAGIC):
            raise GraphbuildError(BINARY_FILE)
        fh.seek(0)
        blank = True
        for number, raw in enumerate(fh):
            if number == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = _decode_western(raw)
            blank = blank and not line.strip()
            yield line.rstrip("\r\n")
        if blank:
            raise GraphbuildError(WHITESPACE_FILE)


# --------------------------------------------------------------------------- #
# Inputs -> sources -> documents
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class _Source:
    """One file (or stdin) to read, with the ids it may take."""

    path: str  # as the user named it, to open
    name: str  # ``path`` as printable text: problems and ``Document.source`` show this
    id: str  # preferred document id
    alt_id: str  # id when another input already took ``id``
    key: str  # identity, so one file named twice is read once

    @property
    def kind(self) -> str:
        lower = self.path.lower()
        if lower.endswith(HTML_SUFFIXES):
            return "html"
        if lower.endswith(JSONL_SUFFIXES):
            return "jsonl"
        return "text"


@dataclass(frozen=True)
class _Record:
    """A document read from a source, before its id is checked for uniqueness."""

    document: Document
    problem_path: str
    alt_id: str | None  # id to take when ``document.id`` is used; None for a JSONL record's own id


def _posix(path: str) -> str:
    return printable_path(os.path.normpath(path).replace(os.sep, "/"))


def printable_path(path: str) -> str:
    """``path`` as text that can be printed and written as UTF-8.

    A file name that is not valid UTF-8 reaches Python with its odd bytes as
    lone surrogates (``"bad\\udcffname.txt"``); here each such byte is written
    as an escape (``"bad\\\\xffname.txt"``), so ids, problems and output files
    stay valid text while the file itself is still opened by its real name.

    >>> printable_path(os.fsdecode(b"bad\\xffname.txt"))
    'bad\\\\xffname.txt'
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _named_source(path: str) -> _Source:
    """A file the user named (directly or through a glob): its id is the path as typed."""
    shown = _posix(path)
    return _Source(path=path, name=printable_path(path), id=shown, alt_id=shown,
                   key=os.path.realpath(path))


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str, relative: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[_Source]:
    """Readable files under ``folder`` in sorted order, one directory listed at a time."""
    here = os.path.join(folder, relative) if relative else folder
    try:
        entries = sorted(os.scandir(here), key=lambda e: e.name)
    except OSError as exc:
        on_problem(ReadProblem(printable_path(here), _os_error_reason(exc)))
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        rel = f"{relative}/{entry.name}" if relative else entry.name
        try:
            # Linked folders are not entered: a link back up would loop forever.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(folder, rel, on_problem)
        elif entry.name.lower().endswith(READ_SUFFIXES):
            path = os.path.join(folder, rel)
            yield _Source(path=path, name=printable_path(path), id=printable_path(rel),
                          alt_id=_posix(path), key=os.path.realpath(path))


def _folder_sources(folder: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[_Source]:
    found = False
    for source in _walk(folder, "", on_problem):
        found = True
        yield source
    if not found:
        suffixes = ", ".join(READ_SUFFIXES)
        on_problem(ReadProblem(printable_path(folder), f"folder has no readable files (looked for {suffixes})"))


def _glob_sources(pattern: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[_Source]:
    """Files matching ``pattern``; folders it matches are not entered (write ``**`` for that)."""
    found = False
    for path in sorted(glob.iglob(pattern, recursive=True)):
        if os.path.isdir(path):
            continue
        found = True
        yield _named_source(path)
    if not found:
        on_problem(ReadProblem(printable_path(pattern), "no files match this pattern"))


def _sources(raw: str, on_problem: Callable[[ReadProblem], None]) -> Iterator[_Source]:
    """What one command-line input stands for."""
    if raw == "-":
        yield _Source(path=STDIN_ID, name=STDIN_ID, id=STDIN_ID, alt_id=STDIN_ID, key=STDIN_ID)
    elif os.path.isdir(raw):
        yield from _folder_sources(raw, on_problem)
    elif os.path.lexists(raw) or not _GLOB_CHARS.intersection(raw):
        # A missing path is still a source: reading it reports "no such file".
        yield _named_source(raw)
    else:
        yield from _glob_sources(raw, on_problem)


def _jsonl_records(
    lines: Iterable[str], source: _Source, default_date: str | None
) -> Iterator[_Record | ReadProblem]:
    """One record per non-blank JSONL line; a bad line is a problem for that line only."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source.name}:{lineno}"
        try:
            record = _parse_jsonl_line(line, lineno)
            identifier = _string_field(record, "id")
            date, bad_date = _document_date(_string_field(record, "date"), where)
            document = document_from_text(
                record["text"],
                identifier or f"{source.id}:{lineno}",
                title=_string_field(record, "title"),
                date=date or default_date,
                source=_string_field(record, "url") or source.name,
            )
        except GraphbuildError as exc:
            reason = str(exc)
            yield ReadProblem(where, reason if "line" in reason else f"{reason} on line {lineno}")
            continue
        if bad_date is not None:
            yield bad_date
        alt_id = None if identifier else f"{source.alt_id}:{lineno}"
        yield _Record(document, where, alt_id)


def _read_stdin(stream: TextIO) -> str:
    """Standard input as checked text; raw bytes are decoded like a file when available."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        if not data:
            raise GraphbuildError("empty input")
        return _decode(data)
    text = stream.read()
    if not text:
        raise GraphbuildError("empty input")
    return _check_text(text)


def _records(
    source: _Source, default_date: str | None, stdin: TextIO | None
) -> Iterator[_Record | ReadProblem]:
    """Documents (or problems) from one source; raises GraphbuildError for a whole-source problem."""
    if source.key == STDIN_ID:
        text = _read_stdin(stdin if stdin is not None else sys.stdin)
        if _looks_like_jsonl(text):
            yield from _jsonl_records(text.split("\n"), source, default_date)
            return
        title = date = None
    elif source.kind == "jsonl":
        try:
            yield from _jsonl_records(_jsonl_file_lines(source.path), source, default_date)
        except OSError as exc:
            raise GraphbuildError(_os_error_reason(exc)) from None
        return
    elif source.kind == "html":
        text, title, date = _read_html(_read_bytes(source.path))
    else:
        text = read_text_file(source.path)
        title = date = None
    date, bad_date = _document_date(date, source.name)
    document = document_from_text(
        text, source.id, title=title, date=date or default_date, source=source.name
    )
    if bad_date is not None:
        yield bad_date
    yield _Record(document, source.name, source.alt_id)


def _ignore(problem: ReadProblem) -> None:
    """The ``on_problem`` used when the caller passes none: skip silently."""


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: str | None = None,
    on_problem: Callable[[ReadProblem], None] | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Document]:
    """Yield one :class:`Document` per article found in ``inputs``, lazily.

    Parameters
    ----------
    inputs : iterable of str or os.PathLike
        File paths, folders (read recursively, sorted; hidden files and
        folders and suffixes other than ``.txt .text .html .htm .jsonl
        .json-lines`` skipped), glob patterns (``*``, ``?``, ``[...]``, ``**``;
        sorted; matching files are read whatever their suffix) and ``-`` for
        standard input.  A file named explicitly is read whatever its suffix
        (as text unless it is HTML or JSONL by suffix).
    date : str, optional
        Date given to documents that carry none (the CLI's ``--date``); it
        must name one day (``2016-05-02``).  A document's own date (JSONL
        ``date``, an HTML page's date) that is no date is reported (reason
        starting :data:`IGNORED_DATE`) and replaced by ``date``; the document
        is kept.
    on_problem : callable, optional
        Called once with a :class:`ReadProblem` for each input (or JSONL line)
        that cannot be used; the input is skipped and reading continues.  When
        None, problems are skipped silently.  An item of ``inputs`` that is
        not a path (None, a number) is such an input, named ``inputs[i]``.
    stdin : file-like, optional
        Stream read for ``-`` (default ``sys.stdin``).  Its content is read as
        JSON Lines when the first non-blank line is a JSON object with
        ``text``, otherwise as one document with id ``"<stdin>"``.

    Yields
    ------
    Document
        Ids: a file found under a folder gets its path relative to the folder
        (``"sub/a.txt"``); a file named directly gets the path as typed
        (forward slashes); a JSONL record gets its ``id`` or
        ``"<file id>:<line>"``.  A file named twice is yielded once; when two
        different files would share an id the later takes its full path, and
        a JSONL id already used is reported as a problem.

    Examples
    --------
    >>> import io
    >>> problems = []
    >>> docs = iter_documents(["-", "missing.txt"], on_problem=problems.append,
    ...                       stdin=io.StringIO("Kerry met Lavrov in Geneva on Monday."))
    >>> [(d.id, d.text) for d in docs]
    [('<stdin>', 'Kerry met Lavrov in Geneva on Monday.')]
    >>> problems
    [ReadProblem(path='missing.txt', reason='no such file or directory')]
    """
    report = on_problem or _ignore
    check_date(date)
    if isinstance(inputs, (str, bytes, os.PathLike)) or not isinstance(inputs, abc.Iterable):
        inputs = [inputs]  # one path, not an iterable of characters
    read_keys: set[str] = set()
    used_ids: dict[str, str] = {}
    for i, raw in enumerate(inputs):
        try:
            path = os.fsdecode(raw)
        except TypeError:
            report(ReadProblem(f"inputs[{i}]", f"not a file name but {type(raw).__name__}"))
            continue
        for source in _sources(path, report):
            if source.key in read_keys:
                continue  # the same file reached twice (named and matched by a glob, say)
            read_keys.add(source.key)
            try:
                for item in _records(source, date, stdin):
                    if isinstance(item, ReadProblem):
                        report(item)
                        continue
                    document = _claim_id(item, used_ids, report)
                    if document is not None:
                        yield document
            except GraphbuildError as exc:
                report(ReadProblem(source.name, str(exc)))


def _claim_id(
    record: _Record, used_ids: dict[str, str], report: Callable[[ReadProblem], None]
) -> Document | None:
    """The record's document under an id no earlier document has, or None (reported)."""
    document = record.document
    if document.id in used_ids and record.alt_id and record.alt_id not in used_ids:
        document.id = record.alt_id
    if document.id in used_ids:
        report(
            ReadProblem(
                record.problem_path,
                f"duplicate id {document.id!r} (already used by {used_ids[document.id]})",
            )
        )
        return None
    used_ids[document.id] = record.problem_path
    return document
