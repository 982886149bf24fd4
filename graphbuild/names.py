"""How names are written: particles, prefixes and suffixes, surnames, acronyms, initials.

One home for the rules about the shape of a name, shared by the entity fixer
(:mod:`graphbuild.nlp`), the mentions of one document (:mod:`graphbuild.mentions`)
and the merging across documents (:mod:`graphbuild.resolve`).  Plain strings in,
plain strings out: nothing here knows spaCy.  The particles, prefixes and
suffixes of names are words of ``names.json``, read into the lexicon
(:class:`graphbuild.lexicon.Lexicon`: ``name_particles``, ``name_prefixes``,
``name_suffixes``); the functions that need them, or a country look-up, take the
lexicon as an argument, so a lexicon folder changes them too.

>>> from graphbuild.lexicon import default_lexicon
>>> lex = default_lexicon()
>>> surname(["Ferdinand", "Marcos", "Jr"], lex)
'marcos'
>>> surname(["Haider", "al-Abadi"], lex)
'abadi'
>>> is_acronym("U.N."), is_acronym("Kerry")
(True, False)
>>> initials("Organization for Security and Co-operation in Europe")
'OSCE'
>>> name_key("the U.S.'s")
'us'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence

__all__ = [
    "surname", "strip_name_prefix", "is_acronym", "is_initials", "is_shouted", "initials", "clean_name",
    "name_key", "split_country",
]


def strip_name_prefix(word: str, lex) -> str:
    """A lower-case surname without its article prefixes (``lex.name_prefixes``): "al-abadi" ->
    "abadi" (never empty)."""
    for p in lex.name_prefixes:
        if word.startswith(p) and len(word) > len(p) + 1:
            word = word[len(p):]
    return word


def surname(words: Sequence[str], lex) -> str:
    """The key a person's name is found by: its last word, lower-case, without suffix or prefix
    (``lex.name_suffixes``, ``lex.name_prefixes``).

    ``["Ferdinand", "Marcos", "Jr"]`` and ``["Marcos"]`` give "marcos"; ``["al-Abadi"]``
    gives "abadi".  The empty name gives "".
    """
    words = list(words)
    while len(words) > 1 and words[-1].lower().strip(".,") in lex.name_suffixes:
        words.pop()
    return strip_name_prefix(words[-1].lower(), lex) if words else ""


def is_acronym(text: str) -> bool:
    """"PKK", "G20", "U.N.": capitals and digits, two to eight of them, beginning with a letter."""
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters[0].isalpha() and letters.isupper() and letters.isalnum()


def is_initials(name: str) -> bool:
    """A name written in capitals, dots aside ("UN", "U.S.", "FARC"): initials, not a name spelt out."""
    return name.replace(".", "").isupper()


def is_shouted(text: str) -> bool:
    """An all-capitals name of four letters or more ("CARACAS", "LA PAZ"): a dateline or headline, not an acronym."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and "." not in text


def initials(text: str) -> str:
    """Initials of a name's capitalised words: "Organization for Security and Co-operation in Europe" -> "OSCE"."""
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def clean_name(name: str) -> str:
    """A name as a label: spaces collapsed, no leading "the", no possessive, no stray punctuation."""
    name = re.sub(r"\s+", " ", name).strip().strip(",;:\"'“”‘’()")
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]  # sentence full stop, not "U.S."
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"(?:'s|’s|')$", "", name)
    return name.strip()


_LEADING_THE = re.compile(r"^(the|The) ")
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Normalised form of a name used to match names across documents."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'")
    s = _LEADING_THE.sub("", s.strip())
    s = _POSSESSIVE.sub("", s)
    s = s.replace(".", "")
    return _SPACES.sub(" ", s).casefold()


def split_country(label: str, lex) -> tuple[str | None, str]:
    """An organization's leading country and the rest of its name, countries as ``lex`` knows them.

    "U.S. State Department" -> ("US", "State Department"); "Coast Guard" -> (None, "Coast Guard").
    """
    words = label.split()
    if len(words) > 1:
        iso = lex.country(words[0]) or lex.demonym(words[0])
        if iso:
            return iso, " ".join(words[1:])
    return None, label
