"""Bytes -> text: encodings, binary files, invisible characters.

Text arrives in UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16
without one), or a legacy single-byte encoding such as Latin-1/cp1252.  A
file that is binary, empty or undecodable is refused with the reason.
"""
from __future__ import annotations

import codecs
import os
import re

from ..types import GraphbuildError
from .problems import BINARY_FILE, EMPTY_FILE, UNDECODABLE, WHITESPACE_FILE, _os_error_reason

__all__ = ["read_text_file", "strip_invisible"]

_SNIFF_BYTES = 8192
# Encoding and binary checks look at a prefix so a 10 MB article costs no more than a page.
_SAMPLE_CHARS = 65536
_MAX_CONTROL_RATIO = 0.05
# Signatures of common binary formats that may hide no NUL byte in their first bytes.
_BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_BOMS = tuple(bom for bom, codec in _BOMS if codec != "utf-8-sig")
# Encodings whose reading of Western text is what cp1252 already gives.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii"})
# charset-normalizer's guess must be this much less "messy" than cp1252 to win:
# on short Latin-1 texts it happily picks cp1250, cp932 or even UTF-16.
_LEGACY_MESS_MARGIN = 0.2
_LEGACY_MIN_BYTES = 32
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# Characters removed from every text at read time: control characters other
# than tab and line breaks (a NUL glued to a name makes a second actor) and
# the invisible bidirectional marks, embeddings, overrides and isolates (an
# override draws "Angela\u202elekreM" as "AngelaMerkel").  Lone surrogates
# (not text) become U+FFFD.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def strip_invisible(text: str) -> str:
    """``text`` without control characters (tab and line breaks stay) and bidirectional controls.

    Lone surrogates become U+FFFD.  Every document's text goes through this
    before anything else, so event offsets count characters of the text
    *after* removal: a removed character shifts later offsets by one against
    the file (as removed boilerplate does).

    >>> strip_invisible("Angela\\u202eMerkel met\\x00 Erdogan\\tin Ankara.")
    'AngelaMerkel met Erdogan\\tin Ankara.'
    """
    text = _INVISIBLE_RE.sub("", text)
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text



def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bomless_utf16(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit on one side of each byte pair.

    Latin-script text in UTF-16 without a BOM has a NUL as every other byte;
    a binary file has NULs scattered on both sides.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_western(data: bytes) -> str:
    """cp1252, or Latin-1 for the five bytes cp1252 leaves undefined."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8: cp1252 unless another codec is clearly better.

    News files that are not UTF-8 are nearly always Latin-1/cp1252, but
    charset-normalizer guesses exotic codecs for short Western texts (cp1250
    turns French "è" into "č").  Its guess is taken only when reading the bytes
    as cp1252 is markedly messier (Cyrillic, Greek, Polish, ...).
    """
    western = _decode_western(data)
    if len(data) < _LEGACY_MIN_BYTES:
        return western
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    # UTF-8/16/32 were ruled out before we got here, whatever the detector says.
    guess = next((m for m in from_bytes(data) if not m.encoding.startswith("utf")), None)
    if guess is None or guess.encoding in _WESTERN:
        return western
    alternative = str(guess)
    western_mess = mess_ratio(western[:_SAMPLE_CHARS], maximum_threshold=1.0)
    alternative_mess = mess_ratio(alternative[:_SAMPLE_CHARS], maximum_threshold=1.0)
    return alternative if alternative_mess + _LEGACY_MESS_MARGIN <= western_mess else western


def _check_text(text: str) -> str:
    """Newline-normalised ``text``, or GraphbuildError when it is binary or blank."""
    text = _normalise_newlines(text)
    sample = text[:_SAMPLE_CHARS]
    if len(_CONTROL_RE.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise GraphbuildError(BINARY_FILE)
    if not text.strip():
        raise GraphbuildError(WHITESPACE_FILE)
    return text


def _declared_charset(data: bytes) -> str | None:
    """The codec an HTML/XML page declares in its first bytes, if Python knows it."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page declaring UTF-16 but stored without BOM or NULs was re-encoded on the way.
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _decode(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text, or raise GraphbuildError with the reason.

    Order: empty, known binary signature, BOM, BOM-less UTF-16, NUL bytes
    (binary), the declared charset (HTML), UTF-8, then legacy codecs.
    """
    if not data:
        raise GraphbuildError(EMPTY_FILE)
    if data.startswith(_BINARY_MAGIC):
        raise GraphbuildError(BINARY_FILE)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError:
                raise GraphbuildError(UNDECODABLE) from None
    head = data[:_SNIFF_BYTES]
    utf16 = _bomless_utf16(head)
    if utf16:
        try:
            return _check_text(data.decode(utf16))
        except UnicodeDecodeError:
            raise GraphbuildError(BINARY_FILE) from None
    if b"\x00" in head:
        raise GraphbuildError(BINARY_FILE)
    for codec in (declared, "utf-8"):
        if codec:
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError:
                pass
    return _check_text(_decode_legacy(data))



def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise GraphbuildError(_os_error_reason(exc)) from None


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file; boilerplate is NOT removed (see :func:`clean_text`).

    UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM and
    legacy encodings (cp1252/Latin-1 preferred, other codecs when
    charset-normalizer is clearly right) are decoded; line endings become ``\\n``.
    A file of any size is read.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    str

    Raises
    ------
    GraphbuildError
        With the reason as message: ``"no such file or directory"``,
        ``"permission denied"``, ``"is a directory"``, ``"empty file"``,
        ``"empty file (only whitespace)"``, ``"binary file (not text)"`` or
        ``"undecodable text"``.
    """
    return _decode(_read_bytes(os.fspath(path)))

