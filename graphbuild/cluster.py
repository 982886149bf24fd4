"""Group the events that report one happening.

Seven articles on one meeting give seven meeting events; an analyst counts
one meeting reported seven times.  :func:`assign_clusters` puts events in one
*happening* when they have

* the same type,
* the same source and the same set of targets (resolved actor ids, or the
  actors' codes with ``by="code"``); for a meeting, whose direction is only
  the sentence's word order ("A met B", "B met A"), the same set of
  participants,
* compatible statuses: ``occurred`` with ``occurred``, ``planned`` with
  ``proposed``, ``negated`` and ``hypothetical`` each on their own,
* dates within a day of the happening's first date.  An event without a
  full ISO date of its own is dated by its article's date (a report is
  published within a day or so of what it reports); with neither, it groups
  with the events of the same key and the same partial date ("2016-05"), or,
  with no date at all, only with those of its own article.

Every event keeps its own record (its report: sentence, document, offsets)
and gets ``cluster`` (the happening's id) and ``reports`` (the number of
distinct articles reporting it, counting the copies of those articles that
:mod:`graphbuild.dedup` set aside).  Graph views count happenings, not
events, so a happening reported many times is one unit of edge width and
centrality.

The ids are ``"happening:"`` and a hash of the type, the status group, the
participants and the first date: the same on every run, and unchanged when
new articles add reports to a happening (unless they report it a day
earlier).  Grouping is a sort and one pass: a few tens of milliseconds for
30,000 events (``bench/bench_cluster.py``).

Examples
--------
>>> from graphbuild.types import Event, Extraction
>>> x = Extraction(events=[
...     Event("meeting", "A", ["B"], date="2016-05-02", doc="a.txt", source_id="actor:a", target_ids=["actor:b"]),
...     Event("meeting", "A", ["B"], date="2016-05-03", doc="b.txt", source_id="actor:a", target_ids=["actor:b"]),
...     Event("meeting", "A", ["B"], date="2016-05-09", doc="c.txt", source_id="actor:a", target_ids=["actor:b"])])
>>> [(e.doc, e.reports) for e in assign_clusters(x).events]
[('a.txt', 2), ('b.txt', 2), ('c.txt', 1)]
>>> x.events[0].cluster == x.events[1].cluster != x.events[2].cluster
True
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from typing import Any, Hashable

from .types import Event, Extraction, GraphbuildError, stable_id

__all__ = ["assign_clusters", "happening_key", "STATUS_GROUPS", "SYMMETRIC_TYPES", "WINDOW_DAYS"]

#: Statuses that can describe one happening.
STATUS_GROUPS = {"occurred": "occurred", "planned": "future", "proposed": "future",
                 "negated": "negated", "hypothetical": "hypothetical"}
#: Event types whose source and targets are all simply participants.
SYMMETRIC_TYPES = frozenset({"meeting"})
#: Reports dated up to this many days after a happening's first date join it.
WINDOW_DAYS = 1

_PARTIAL_ISO = re.compile(r"^\d{4}(-\d{2})?$")


def _day(date: str | None) -> int | None:
    """Day number of a full ISO date ("2016-05-02", "2016-05-02T10:00"), else None."""
    if not date or len(date) < 10:
        return None
    try:
        return _dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def happening_key(event: Event, codes: dict[str, str] | None = None) -> tuple[Hashable, ...]:
    """What events of one happening share: type, status group, source and targets.

    ``codes`` maps actor ids to the codes to compare instead (actors
    without a code are compared by id).
    """
    codes = codes or {}
    source = codes.get(event.source_id or event.source, event.source_id or event.source)
    targets = {codes.get(t, t) for t in event.target_ids or event.targets}
    if event.type in SYMMETRIC_TYPES:
        source, targets = "", targets | {source}
    return (event.type, STATUS_GROUPS.get(event.status, event.status), source, tuple(sorted(targets)))


def assign_clusters(extraction: Extraction, *, by: str = "id") -> Extraction:
    """Set ``cluster`` and ``reports`` on every event of ``extraction`` (in place; returned).

    Parameters
    ----------
    extraction : Extraction
        Resolved (and corrected) events.  Documents whose entry has
        ``duplicate_of`` count as reports of what their original reports.
    by : {"id", "code"}
        Compare participants by resolved actor id, or by the actor's
        ``code`` where it has one (coarser: two officials of one government
        share a code).

    Returns
    -------
    Extraction
    """
    if by not in ("id", "code"):
        raise GraphbuildError(f"cluster participants by 'id' or 'code', not {by!r}")
    codes = {a.id: f"code:{a.code}" for a in extraction.actors if getattr(a, "code", None)} \
        if by == "code" else None
    copies: dict[str, int] = defaultdict(int)
    for entry in extraction.documents:
        if entry.get("duplicate_of"):
            copies[entry["duplicate_of"]] += 1
    doc_days = {d["id"]: _day(d.get("date")) for d in extraction.documents if d.get("id")}
    groups: dict[tuple[Hashable, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for event in extraction.events:
        day = _day(event.date)
        partial = event.date if day is None and _PARTIAL_ISO.match(event.date or "") else None
        if day is None and partial is None:
            day = doc_days.get(event.doc)
        # Undated events sort after dated ones and group by their partial date
        # or, with none, by their article.
        if day is not None:
            partial = ""
        elif partial is None:
            partial = "\x00" + event.doc
        groups[happening_key(event, codes)].append(
            (day is None, day or 0, partial, event.doc, event.start, event.id, event))
    for key, members in groups.items():
        members.sort(key=lambda m: m[:6])
        current: list[Event] = []
        anchor: tuple[Any, ...] | None = None
        for undated, day, partial, *_, event in members:
            fits = anchor is not None and (
                (undated and anchor == (True, partial))
                or (not undated and anchor[0] is False and day - anchor[1] <= WINDOW_DAYS))
            if not fits:
                _close(current, key, anchor, copies)
                current, anchor = [], (True, partial) if undated else (False, day)
            current.append(event)
        _close(current, key, anchor, copies)
    return extraction


def _close(events: list[Event], key: tuple[Hashable, ...], anchor: tuple[Any, ...] | None,
           copies: dict[str, int]) -> None:
    if not events:
        return
    cluster = "happening:" + stable_id(*key[:3], *key[3], *anchor)  # type: ignore[misc]
    docs = {e.doc for e in events}
    reports = len(docs) + sum(copies.get(d, 0) for d in docs)
    for e in events:
        e.cluster = cluster
        e.reports = reports
