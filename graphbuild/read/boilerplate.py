"""Scraped-page boilerplate: navigation, headlines, bylines, captions, credits, footers.

Scraped pages carry page furniture -- navigation labels, photo captions,
credit lines, publisher footers -- that would otherwise become actors;
:func:`clean_text` removes it with general rules whose word lists live in
``graphbuild/data/boilerplate.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from ..types import Dateline
from ..util import load_data
from .datelines import _dateline_record, _match_dateline
from .decode import _normalise_newlines

__all__ = ["clean_text"]

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
        alone = _match_dateline(text, alone=True) if text else None
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
    opening = _match_dateline(cleaned)
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

