"""What the reader reports: :class:`ReadProblem`, its shared reasons, printable paths."""
from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["ReadProblem", "printable_path", "IGNORED_DATE"]

# Reasons shared by several code paths, so that the CLI and tests see one wording.
NO_SUCH_FILE = "no such file or directory"
PERMISSION_DENIED = "permission denied"
EMPTY_FILE = "empty file"
WHITESPACE_FILE = "empty file (only whitespace)"
BINARY_FILE = "binary file (not text)"
UNDECODABLE = "undecodable text"
NO_HTML_TEXT = "no article text found in HTML"
ONLY_BOILERPLATE = "no article text left after removing boilerplate"
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



def _os_error_reason(exc: OSError) -> str:
    """A short reason for an error opening or reading a file."""
    if isinstance(exc, FileNotFoundError):
        return NO_SUCH_FILE
    if isinstance(exc, PermissionError):
        return PERMISSION_DENIED
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read file: {exc.strerror or exc}"

