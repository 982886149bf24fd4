"""Plain text files: one article each."""
from __future__ import annotations

from typing import Iterator

from .decode import read_text_file
from .problems import ReadProblem
from .records import Record, Source, whole_file


def read(source: Source, default_date: str | None) -> Iterator[Record | ReadProblem]:
    """The file's one document (boilerplate removed); raises GraphbuildError with the reason."""
    yield from whole_file(source, read_text_file(source.path), None, None, default_date)
