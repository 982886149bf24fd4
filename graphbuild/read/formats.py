"""The input formats: one table from file suffix to reader.

This table is the one place that knows the formats.  Walking a folder picks
the files whose suffix is in it; a file named directly is read by the format
of its suffix (as text when the suffix is unknown); a format with no reader
is refused with its reason instead of being read as text.  To add a format,
write a module with a ``read(source, default_date)`` generator and add a row
here (CONTRIBUTING.md, "Add an input format").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from . import feeds, html, jsonl, txt
from .problems import ReadProblem
from .records import Record, Source

__all__ = ["Format", "FORMATS", "format_of", "READ_SUFFIXES", "KNOWN_SUFFIXES"]

#: ``read(source, default_date)``: the documents of one file (and problems with
#: parts of it); a problem with the whole file is raised as GraphbuildError.
Reader = Callable[[Source, "str | None"], Iterator["Record | ReadProblem"]]


@dataclass(frozen=True)
class Format:
    """One input format: its name, file suffixes, and reader or the reason it is refused."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader | None = None
    refused: str | None = None  # why a file of a format with no reader is skipped
    magic: tuple[bytes, ...] = ()  # how a refused format's file starts, whatever its name


FORMATS: tuple[Format, ...] = (
    Format("text", (".txt", ".text"), txt.read),
    Format("html", (".html", ".htm"), html.read),
    Format("jsonl", (".jsonl", ".json-lines"), jsonl.read),
    Format("feed", (".rss", ".atom", ".xml"), feeds.read),
    Format("pdf", (".pdf",), refused="PDF is not supported (convert it to text first, e.g. with pdftotext)",
           magic=(b"%PDF-",)),
    Format("word", (".doc", ".docx", ".odt"),
           refused="word-processor files are not supported (save the article as text or HTML)"),
)
TEXT = FORMATS[0]
#: Suffixes of the formats that are read.
READ_SUFFIXES = tuple(s for f in FORMATS if f.read for s in f.suffixes)
#: Suffixes picked up when walking a folder: the formats read, and those refused with a reason.
KNOWN_SUFFIXES = tuple(s for f in FORMATS for s in f.suffixes)
_MAGIC_BYTES = max((len(m) for f in FORMATS for m in f.magic), default=0)


def _by_suffix(path: str) -> Format | None:
    lower = path.lower()
    return next((f for f in FORMATS if lower.endswith(f.suffixes)), None)


def format_of(path: str) -> Format:
    """The format a file is read as: by its suffix, else text (unless it starts like a refused format)."""
    found = _by_suffix(path)
    if (found is not None and found is not TEXT) or not _MAGIC_BYTES:
        return found or TEXT
    try:
        with open(path, "rb") as fh:
            head = fh.read(_MAGIC_BYTES)
    except OSError:
        return TEXT  # reading it will report why
    return next((f for f in FORMATS if f.refused and head.startswith(f.magic)), TEXT) if head else TEXT
