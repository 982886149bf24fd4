"""Dates as written in news -> ISO dates, given the article's own date.

Pure functions on strings; no spaCy.  A date that cannot be resolved is
returned as written so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["normalize_date", "parse_doc_date", "is_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d|\s*$)")
_MONTH_WORD = re.compile(r"(?i)\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")")
_MAX_DATE_CHARS = 64
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))


def parse_doc_date(value: str | None) -> dt.date | None:
    """The document's date, or None when ``value`` does not name one day.

    ISO text (``2016-05-02`` or a full timestamp) and dates written out with
    their year, month and day (``May 2, 2016``, ``Mon, 02 May 2016 10:00:00
    GMT``) are read.  Parsing is strict: text that only contains a date
    somewhere, or lacks its year, month or day ("page 3", "May 2"), gives
    None rather than a guess, so nothing ever depends on the day of the run.

    >>> parse_doc_date("2016-05-02T10:00:00Z")
    datetime.date(2016, 5, 2)
    >>> parse_doc_date("Mon, 02 May 2016 10:00:00 GMT")
    datetime.date(2016, 5, 2)
    >>> parse_doc_date("page 3") is None and parse_doc_date("2016-13-45") is None
    True
    """
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not _MONTH_WORD.search(value) or len(value) > _MAX_DATE_CHARS:
        return None  # all-digit forms other than ISO are ambiguous (05/02/2016)
    try:
        from dateutil import parser as du

        # dateutil fills what the text lacks from ``default``: two different
        # defaults giving two different dates means the text lacks a part.
        first = du.parse(value, default=_DEFAULTS[0])
        second = du.parse(value, default=_DEFAULTS[1])
    except (ValueError, OverflowError, TypeError):
        return None
    return first.date() if first.date() == second.date() else None


def is_date(value: str | None) -> bool:
    """Whether :func:`parse_doc_date` reads ``value`` as one day."""
    return parse_doc_date(value) is not None


def normalize_date(text: str, reference: dt.date | None, *, future: bool = False) -> str | None:
    """ISO date for ``text`` ("May 2", "on Sunday", "yesterday", "at the weekend").

    ``reference`` is the article's date; relative expressions need it.  ``future``
    says the event is planned, so "Sunday" means the next one rather than the last.
    Returns None when the text names no single day.

    >>> normalize_date("May 3", dt.date(2016, 5, 2))
    '2016-05-03'
    >>> normalize_date("on Sunday", dt.date(2016, 5, 4))
    '2016-05-01'
    """
    t = text.lower().strip()
    t = re.sub(r"^(on|at|by|from|since|until|late|early|earlier|later)\s+", "", t)
    t = re.sub(r"^(on|at)\s+", "", t)
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}"
    if reference is not None:
        if t in ("today", "this morning", "this afternoon", "this evening", "tonight"):
            return reference.isoformat()
        if t in ("yesterday", "last night"):
            return (reference - dt.timedelta(days=1)).isoformat()
        if t == "tomorrow":
            return (reference + dt.timedelta(days=1)).isoformat()
        if t in ("the weekend", "weekend", "this weekend", "the week-end"):
            delta = (reference.weekday() - 5) % 7  # back to the last Saturday
            if future:
                delta = -((5 - reference.weekday()) % 7)
            return (reference - dt.timedelta(days=delta)).isoformat()
        for i, name in enumerate(_WEEKDAYS):
            if re.fullmatch(rf"(last |this |next )?{name}( morning| afternoon| evening| night)?", t):
                if future or t.startswith("next"):
                    delta = -((i - reference.weekday()) % 7 or 7)
                else:
                    delta = (reference.weekday() - i) % 7
                return (reference - dt.timedelta(days=delta)).isoformat()
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?(?:\s+(\d{4}))?", t)
    if m and m[2] in _MONTHS:
        day, month, year = int(m[1]), _MONTHS[m[2]], m[3]
        return _iso(year, month, day, reference)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?", t)
    if m and m[1] in _MONTHS:
        return _iso(m[3], _MONTHS[m[1]], int(m[2]), reference)
    return None


def _iso(year: str | None, month: int, day: int, reference: dt.date | None) -> str | None:
    if year is None:
        if reference is None:
            return None
        y = reference.year
        # "December 30" in an article of January 2 is last year's.
        if month - reference.month > 6:
            y -= 1
        elif reference.month - month > 6:
            y += 1
    else:
        y = int(year)
    try:
        return dt.date(y, month, day).isoformat()
    except ValueError:
        return None
