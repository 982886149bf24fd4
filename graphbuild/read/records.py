"""What a format reader hands on: the file it reads (:class:`Source`) and the documents it finds (:class:`Record`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..types import Document
from .document import _document_date, document_from_text
from .problems import ReadProblem

__all__ = ["Source", "Record", "whole_file", "part"]


@dataclass(frozen=True)
class Source:
    """One file (or stdin) to read, with the ids it may take."""

    path: str  # as the user named it, to open
    name: str  # ``path`` as printable text: problems and ``Document.source`` show this
    id: str  # preferred document id
    alt_id: str  # id when another input already took ``id``
    key: str  # identity, so one file named twice is read once


@dataclass(frozen=True)
class Record:
    """A document read from a source, before its id is checked for uniqueness."""

    document: Document
    problem_path: str
    alt_id: str | None  # id to take when ``document.id`` is used; None for a record's own id


def whole_file(
    source: Source, text: str, title: str | None, date: str | None, default_date: str | None
) -> Iterator[Record | ReadProblem]:
    """The one document of a file that holds one article (a date that is no date is reported)."""
    date, bad_date = _document_date(date, source.name)
    document = document_from_text(
        text, source.id, title=title, date=date or default_date, source=source.name
    )
    if bad_date is not None:
        yield bad_date
    yield Record(document, source.name, source.alt_id)


def part(source: Source, number: int, own_id: str | None) -> tuple[str, str, str | None]:
    """``(id, problem path, alt id)`` of the ``number``-th document of a file that holds many.

    Its id is ``own_id`` when the file gives one (kept as is: a clash is
    reported), else ``"<file id>:<number>"``.
    """
    where = f"{source.name}:{number}"
    if own_id:
        return own_id, where, None
    return f"{source.id}:{number}", where, f"{source.alt_id}:{number}"
