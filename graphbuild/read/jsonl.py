"""JSON Lines: one document per line, ``text`` with optional ``id``, ``title``, ``date`` and ``url``.

A bad line is a problem for that line only; the file is streamed, so a huge
corpus is never held whole.
"""
from __future__ import annotations

import codecs
import json
from typing import Any, Iterable, Iterator

from ..types import GraphbuildError
from .decode import _BINARY_MAGIC, _SNIFF_BYTES, _WIDE_BOMS, _bomless_utf16, _decode, _decode_western
from .document import _document_date, document_from_text
from .problems import BINARY_FILE, EMPTY_FILE, WHITESPACE_FILE, ReadProblem, _os_error_reason
from .records import Record, Source, part

__all__ = ["records_from_lines", "looks_like_jsonl"]


def read(source: Source, default_date: str | None) -> Iterator[Record | ReadProblem]:
    """One document per line; raises GraphbuildError for a problem with the whole file."""
    try:
        yield from records_from_lines(_jsonl_file_lines(source.path), source, default_date)
    except OSError as exc:
        raise GraphbuildError(_os_error_reason(exc)) from None


def records_from_lines(
    lines: Iterable[str], source: Source, default_date: str | None
) -> Iterator[Record | ReadProblem]:
    """One record per non-blank JSONL line; a bad line is a problem for that line only."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source.name}:{lineno}"
        try:
            record = _parse_jsonl_line(line, lineno)
            identifier, where, alt_id = part(source, lineno, _string_field(record, "id"))
            date, bad_date = _document_date(_string_field(record, "date"), where)
            document = document_from_text(
                record["text"],
                identifier,
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
        yield Record(document, where, alt_id)



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


def looks_like_jsonl(text: str) -> bool:
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

