"""Wire datelines ("BAGHDAD, Oct 17 (Reuters) -"): found, taken out of the text, kept as a record."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..types import Dateline
from ..util import load_data


@dataclass(frozen=True)
class _Words:
    """The word lists a dateline is checked against (from ``boilerplate.json`` and ``news_agencies.json``)."""

    dateline_kickers: frozenset[str]
    wire_agencies: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words(
        dateline_kickers=frozenset(w.casefold() for w in load_data("boilerplate.json")["dateline_kickers"]),
        wire_agencies=frozenset(load_data("news_agencies.json")["wire_agencies"]),
    )

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


def _match_dateline(text: str, *, alone: bool = False) -> re.Match[str] | None:
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
    rules = _words()
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

