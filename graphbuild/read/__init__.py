"""Read stage: files, folders, globs and stdin -> :class:`~graphbuild.types.Document`.

Inputs are named the way a shell user names them: file paths, folders (read
recursively), glob patterns and ``-`` for standard input.  Each file is read
by its format, found in one table (:data:`graphbuild.read.formats.FORMATS`):
plain text (``.txt``/``.text``), HTML (``.html``/``.htm``), JSON Lines
(``.jsonl``/``.json-lines``) and RSS/Atom feeds (``.rss``/``.atom``/``.xml``);
PDF and word-processor files are refused with the reason.  Text arrives in
UTF-8, UTF-16 or a legacy single-byte encoding such as Latin-1/cp1252.

An input that cannot be used (missing, empty, binary, unreadable, a bad JSONL
line, ...) never stops the run: it is reported once as a :class:`ReadProblem`
through the ``on_problem`` callback and skipped, and every other input is
still read.  The library never prints and never exits.

The modules: ``inputs`` (what an input stands for, ids, stdin), ``formats``
(the table), one module per format (``txt``, ``html``, ``jsonl``,
``feeds``), ``decode`` (bytes -> text), ``boilerplate`` (page furniture),
``datelines`` (wire datelines), ``document`` (text -> Document), ``records``
and ``problems`` (what readers hand on and report).

Examples
--------
>>> from graphbuild.read import document_from_text
>>> doc = document_from_text("Breaking News\\n\\nKerry met Lavrov in Geneva on Monday.", id="a")
>>> doc.text
'Kerry met Lavrov in Geneva on Monday.'
"""
from __future__ import annotations

from .boilerplate import clean_text
from .decode import read_text_file, strip_invisible
from .document import check_date, document_from_text, sample_documents
from .formats import FORMATS, KNOWN_SUFFIXES, READ_SUFFIXES, Format, format_of
from .inputs import STDIN_ID, iter_documents
from .problems import IGNORED_DATE, ReadProblem, printable_path

__all__ = [
    "sample_documents",
    "printable_path",
    "strip_invisible",
    "check_date",
    "IGNORED_DATE",
    "ReadProblem",
    "iter_documents",
    "read_text_file",
    "clean_text",
    "document_from_text",
    "Format",
    "FORMATS",
    "format_of",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "FEED_SUFFIXES",
    "READ_SUFFIXES",
    "KNOWN_SUFFIXES",
    "STDIN_ID",
]

_SUFFIXES = {f.name: f.suffixes for f in FORMATS}
TEXT_SUFFIXES = _SUFFIXES["text"]
HTML_SUFFIXES = _SUFFIXES["html"]
JSONL_SUFFIXES = _SUFFIXES["jsonl"]
FEED_SUFFIXES = _SUFFIXES["feed"]
