"""Dates as written in news -> ISO dates, given the article's own date.

Pure functions on strings; no spaCy.  A date that cannot be resolved is
returned as written so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["normalize_date", "parse_doc_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def parse_doc_date(value: str | None) -> dt.date | None:
    """The document's date from ISO text (``2016-05-02`` or a full timestamp)."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        from dateutil import parser as du

        return du.parse(value, fuzzy=True).date()
    except (ValueError, OverflowError, ImportError):
        return None


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
