"""CAMEO actor codes: a country (ISO 3166 alpha-3), sector codes and the joined code.

Works on actor records, never on spaCy objects, so the same function codes an
actor when a document is extracted, when documents are merged, and when a user
corrects an actor by hand.

Where a code comes from, first match wins:

* a **named actor** of the Phoenix / PETRARCH2 dictionaries (``John Howard`` ->
  ``AUSGOV`` from 1996-03-11 to 2007-12-03, ``United Nations`` -> ``IGOUNO``,
  ``Al Qaeda`` -> ``IMGMUSALQ``), the entry whose dates cover the document's date;
* for an organization or group, the **country names and demonyms** in its name
  ("Australian Government" -> AUS) and the **role nouns** of the agents
  dictionary ("Government" -> GOV, "Police" -> COP, the last one in the name:
  "Deputy Prime Minister" is GOV, not the COP of "deputy");
* for a person, the role nouns of the **title** ("Foreign Minister" -> GOV);
* the actor's **affiliation** (Kerry's "United States" gives USA; a spokesman of
  "NSW Police" gets COP);
* the **document's home state** for an unnamed national body ("the Federal
  Government" of an Australian story is AUSGOV).

The dictionaries are bundled as ``graphbuild/data/cameo_actors.json.gz``
(``tools/make_cameo_actors.py`` regenerates it; licence and provenance in
``graphbuild/data/cameo_LICENSE.txt``).  :func:`codebook_for` joins them with the
country names and demonyms of a lexicon, once per lexicon (:func:`default_codebook`
with the package's own); the :class:`CodeBook` is immutable and passed explicitly
to whoever codes.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterable, Mapping

from .util import data_path, load_data

if TYPE_CHECKING:  # pragma: no cover
    from .lexicon import Lexicon
    from .types import Actor

__all__ = [
    "ActorCode",
    "CodeBook",
    "NO_CODE",
    "SECTORS",
    "ARMED_SECTORS",
    "STATE_SECTORS",
    "code_actor",
    "code_actors",
    "is_armed_group",
    "codes_conflict",
    "date_number",
    "codebook_for",
    "default_codebook",
    "name_tokens",
]

#: Sectors of armed non-state actors: an organization coded with one is a group.
ARMED_SECTORS = frozenset({"REB", "INS", "IMG", "UAF", "SEP"})
#: Sectors of a state's own bodies: an unnamed one ("the Government") belongs to the home state.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP"})
#: CAMEO sector (and religion) codes: those the agents dictionary uses, and the international ones.
SECTORS = frozenset({
    "AGR", "BUD", "BUS", "CHR", "COP", "CRM", "CTH", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HIN",
    "HLH", "HRI", "IGO", "IMG", "INS", "JEW", "JUD", "LAB", "LEG", "MAR", "MED", "MIL", "MNC", "MUS",
    "NGM", "NGO", "OPP", "PPL", "PRO", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF",
})
#: Codes that name an international body, not a country: ``IGOUNO`` is the UN.
_BODY_PREFIXES = ("IGO", "IMG", "NGO", "NGM", "MNC")
_SPLIT = re.compile(r"[\s]+|(?=[-/()])|(?<=[-/()])")


def name_tokens(text: str) -> tuple[str, ...]:
    """A name as the dictionaries are keyed: lower case words, no full stops, hyphens apart.

    >>> name_tokens("al-Qaeda"), name_tokens("U.N. Security Council")
    (('al', '-', 'qaeda'), ('un', 'security', 'council'))
    """
    s = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace(".", "").lower()
    s = re.sub(r"'s\b", "", s)
    return tuple(t for t in _SPLIT.split(s) if t and not t.isspace())


def date_number(value) -> int | None:
    """``datetime.date(2001, 12, 3)`` or ``"2001-12-03"`` -> ``20011203``; None when unknown."""
    if value is None:
        return None
    if hasattr(value, "year"):
        return value.year * 10000 + value.month * 100 + value.day
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    return int(m[1] + m[2] + m[3]) if m else None


@dataclass(frozen=True)
class ActorCode:
    """What the dictionaries say about one actor.

    ``code`` joins the country (or the international body, ``IGOUNO``) and the
    sectors, CAMEO style: ``USAGOV``, ``SYRREB``; ``---COP`` when only the sector
    is known, None when nothing is.
    """

    country: str | None = None
    sectors: tuple[str, ...] = ()
    code: str | None = None

    @classmethod
    def of(cls, country: str | None, sectors: Iterable[str] = (), body: str | None = None) -> "ActorCode":
        sectors = tuple(dict.fromkeys(s for s in sectors if s))
        head = body or country
        if head is None and not sectors:
            return NO_CODE
        rest = "".join(s for s in sectors if not (body and s == body[:3]))
        code = (head or "---") + rest
        return cls(country, sectors, code)

    @classmethod
    def parse(cls, code: str, iso3: Iterable[str] = (), known: Iterable[str] = SECTORS) -> "ActorCode":
        """A dictionary code read back.

        ``"AUSGOV"`` -> country AUS, sectors (GOV,); ``"IGOUNO"`` -> no country,
        sectors (IGO,); ``"PSEREBHMS"`` -> PSE, (REB,): HMS names Hamas, it is no sector.
        """
        code = code.strip().upper()
        head, rest = code[:3], code[3:]
        if head in _BODY_PREFIXES:
            return cls(None, (head,), code)
        country = head if head in iso3 else None
        chunks = [rest[i:i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
        if not country and len(code) == 3:
            chunks = [head]  # a bare sector: "[ELI]"
        sectors = tuple(c for c in chunks if c in known)
        return cls(country, sectors, code if (country or sectors) else None)

    def to_fields(self) -> dict:
        return {"country": self.country, "sectors": list(self.sectors), "code": self.code}

    @classmethod
    def of_actor(cls, actor: "Actor") -> "ActorCode | None":
        """The code an actor carries (its ``country``, ``sectors`` and ``code``), None when it has none."""
        return cls(actor.country, tuple(actor.sectors), actor.code) if actor.code else None


NO_CODE = ActorCode()


@dataclass(frozen=True)
class Entry:
    """One code a named actor holds, with the dates it holds it (``yyyymmdd``, None = open)."""

    code: ActorCode
    start: int | None
    end: int | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: int) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class CodeBook:
    """The bundled dictionaries as token-tuple automata (read-only mappings)."""

    #: Every name of a country: names, demonyms, capitals, big cities ("perth" -> AUS).
    countries: Mapping[tuple[str, ...], str]
    actors: Mapping[tuple[str, ...], tuple[Entry, ...]]
    agents: Mapping[tuple[str, ...], tuple[str, ...]]
    #: ISO alpha-3 -> the label graphbuild gives that state ("AUS" -> "Australia").
    state_labels: Mapping[str, str]
    longest: int
    #: Names that say a country inside a longer name: country names and demonyms only, so that
    #: the town of Lawrence, Kansas (a USA name of the dictionaries) does not make "Carmen Lawrence" American.
    country_words: Mapping[tuple[str, ...], str]
    #: Named actors that are organizations or groups, not people ("al qaeda").
    bodies: frozenset
    #: ISO alpha-3 -> the demonym graphbuild knows for it ("AUS" -> "Australian").
    demonyms: Mapping[str, str]
    #: Word lists of ``data/actor_rules.json``.
    rules: Mapping[str, frozenset]

    @classmethod
    def load(cls, lexicon: "Lexicon | None" = None) -> "CodeBook":
        """Read ``cameo_actors.json.gz``; with a lexicon, add its country names and demonyms."""
        with gzip.open(data_path("cameo_actors.json.gz"), "rt", encoding="utf-8") as fh:
            raw = json.load(fh)
        iso3_of = raw["iso3"]
        valid = frozenset(iso3_of.values())
        countries = {tuple(k.split()): v for k, v in raw["countries"].items()}
        labels: dict[str, str] = {}
        words: dict[tuple[str, ...], str] = {}
        demonyms: dict[str, str] = {}
        if lexicon is not None:
            for iso2, c in lexicon.countries.items():
                if iso2 in iso3_of:
                    labels[iso3_of[iso2]] = c["label"]
            names = list(lexicon.country_by_name.items()) + list(lexicon.demonyms.items())
            names += [(k + "s", v) for k, v in lexicon.demonyms.items()]
            for name, iso2 in names:
                if iso2 in iso3_of:
                    words.setdefault(name_tokens(name), iso3_of[iso2])
                    countries.setdefault(name_tokens(name), iso3_of[iso2])
            for name, iso2 in sorted(lexicon.demonyms.items(), key=lambda x: (-len(x[0]), x[0])):
                if iso2 in iso3_of and not name.isupper():
                    demonyms.setdefault(iso3_of[iso2], name)
        else:
            words = countries
        actors = {
            tuple(k.split()): tuple(Entry(ActorCode.parse(c, valid), s, e) for c, s, e in v)
            for k, v in raw["actors"].items()
        }
        agents = {tuple(k.split()): tuple(v) for k, v in raw["agents"].items()}
        rule_data = load_data("actor_rules.json")
        for k, v in rule_data.get("role_nouns", {}).items():
            agents[name_tokens(k)] = tuple(v)
        longest = max(len(k) for d in (countries, actors, agents) for k in d)
        rules = {k: frozenset(v) for k, v in rule_data.items() if isinstance(v, list)}
        return cls(MappingProxyType(countries), MappingProxyType(actors), MappingProxyType(agents),
                   MappingProxyType(labels), longest, MappingProxyType(words),
                   frozenset(tuple(b.split()) for b in raw["bodies"]), MappingProxyType(demonyms),
                   MappingProxyType(rules))

    # -- look-ups ------------------------------------------------------------
    def country_of(self, name: str) -> str | None:
        """ISO alpha-3 of a country name, demonym or capital ("Australian" -> "AUS")."""
        return self.countries.get(name_tokens(name))

    def is_body(self, name: str) -> bool:
        """Whether ``name`` is an organization or group of the dictionaries ("Al Qaeda", "NATO")."""
        return name_tokens(name) in self.bodies

    def is_generic(self, name: str) -> bool:
        """A bare common noun that names nobody in particular: "Police", "Group", "Militants"."""
        toks = name_tokens(name)
        if len(toks) != 1 or name.strip(".").isupper() or toks in self.countries:
            return False
        return toks[0] in self.rules.get("generic_words", ()) or toks in self.agents

    def national_label(self, word: str, country: str) -> str:
        """A generic body named with its state: ("police", "PAK") -> "Pakistani police"."""
        word = word.lower()
        if country in self.demonyms:
            return f"{self.demonyms[country]} {word}"
        return f"{word.capitalize()} of {self.state_labels.get(country, country)}"

    def entries(self, name: str) -> tuple[Entry, ...]:
        """The codes of a named actor called exactly ``name``."""
        return self.actors.get(name_tokens(name), ())

    def sectors_of(self, phrase: str | None) -> tuple[str, ...]:
        """Sectors of the last role noun in ``phrase`` ("Deputy Prime Minister" -> GOV)."""
        if not phrase:
            return ()
        hits = [h for h in self.scan(name_tokens(phrase), (self.agents,))]
        if not hits:
            return ()
        last = max(hits, key=lambda h: (h[1], h[1] - h[0]))
        return last[2]

    def scan(self, tokens: tuple[str, ...], tables: tuple[Mapping, ...]):
        """``(start, end, value)`` of the longest phrase of any table at each position."""
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tokens[i:i + n]
                value = next((t[key] for t in tables if key in t), None)
                if value is not None:
                    yield i, i + n, value
                    i += n - 1
                    break
            i += 1


@lru_cache(maxsize=4)
def codebook_for(lexicon: "Lexicon") -> CodeBook:
    """The bundled dictionaries with the gazetteer of ``lexicon``, loaded once per lexicon and process.

    A lexicon read from a folder (:func:`graphbuild.lexicon.load_lexicon`) that names
    another country or demonym gives its actors that country's code.
    """
    return CodeBook.load(lexicon)


def default_codebook() -> CodeBook:
    """The bundled dictionaries with graphbuild's own gazetteer, loaded once per process."""
    from .lexicon import default_lexicon

    return codebook_for(default_lexicon())


# ---------------------------------------------------------------------------
# coding one actor
# ---------------------------------------------------------------------------
def _named(book: CodeBook, names: Iterable[str], day: int | None) -> ActorCode | None:
    """The code of the first of ``names`` that is a named actor, for the document's date.

    With a date: the entry whose dates cover it, else the undated one, else (dated offices
    outside the date) the country alone when every entry agrees on it.  Without a
    date: the country when every entry agrees on it, with the sectors of the latest
    government office (people are in the news most while in office), else of the
    latest dated entry, else of the undated one; an international body only when no
    national office competes with it (Wolfowitz was USAGOV before IGOUNODEVWBK).
    """
    for name in names:
        entries = book.entries(name)
        if not entries:
            continue
        countries = {e.code.country for e in entries if e.code.country}
        country = next(iter(countries)) if len(countries) == 1 else None  # every entry that has one agrees
        if day is not None:
            hit = next((e for e in entries if e.dated and e.covers(day)), None) \
                or next((e for e in entries if not e.dated), None)
            if hit is not None:
                if hit.code.country is None and country and not hit.code.sectors[:1] in (("IGO",), ("IMG",)):
                    return ActorCode.of(country, hit.code.sectors)  # "[ELI]" alone: the others' country
                return hit.code
            # Dated offices none of which the document's date falls in: the person is still
            # who the dictionary says, and a nationality outlasts an office ("Alexander Downer"
            # is AUSGOV from 2003; in 2001 he is still Australian, his title says the rest).
            if country and all(e.code.country for e in entries):
                return ActorCode.of(country)
            continue
        dated = [e for e in entries if e.dated]
        office = [e for e in dated if "GOV" in e.code.sectors]
        best = max(office or dated, key=lambda e: (e.start or 0)) if dated else entries[0]
        if best.code.country is None:
            return best.code
        return ActorCode.of(country, best.code.sectors) if country else None
    return None


def code_actor(
    label: str,
    type: str,
    *,
    book: CodeBook,
    aliases: Iterable[str] = (),
    title: str | None = None,
    affiliation: ActorCode | None = None,
    date=None,
    home: str | None = None,
) -> ActorCode:
    """The CAMEO code of one actor.

    Parameters
    ----------
    label, type, aliases, title
        As on :class:`~graphbuild.types.Actor`.
    book
        The dictionaries (:func:`default_codebook`).
    affiliation
        The code of the state or organization the actor serves, when known.
    date
        The document's date (``datetime.date`` or ISO text), to pick the entry of
        a named actor whose dates cover it.
    home
        ISO alpha-3 of the state the document is about: the country of an
        unnamed national body ("the Government", "Federal Police").

    Examples
    --------
    >>> book = default_codebook()
    >>> code_actor("Australian Government", "organization", book=book).code
    'AUSGOV'
    >>> code_actor("Alexander Downer", "person", title="Foreign Minister", book=book,
    ...            affiliation=code_actor("Australia", "state", book=book)).code
    'AUSGOV'
    """
    day = date_number(date)
    names = sorted({label, *aliases}, key=lambda n: (-len(n.split()), n))
    if type == "state":
        iso = next((c for c in (book.country_of(n) for n in names) if c), None)
        return ActorCode.of(iso)
    named = _named(book, names if type != "person" else [n for n in names if len(n.split()) > 1], day)
    if type == "person":
        country = named.country if named else None
        # The title says what the person is; then the dictionary, when the date settles the
        # entry; then the body the person serves ("Federal Opposition leader": OPP); then
        # the dictionary's guess for an undated article.
        titled = book.sectors_of(title)
        sectors = titled or (named.sectors if named and day is not None else ()) \
            or (affiliation.sectors if affiliation else ()) or (named.sectors if named else ())
        if sectors == ("GOV",) and affiliation and affiliation.sectors and "GOV" not in affiliation.sectors:
            sectors = affiliation.sectors  # the president of a party or chief executive of a company is not GOV
        body = named.code if named and named.code and named.code[:3] in _BODY_PREFIXES else None
        if body and day is None and titled and all(
                e.dated for n in names for e in book.entries(n)):
            body = None  # an office held for a time, at a time the article does not give
    elif named is not None:
        country, sectors = named.country, named.sectors
        body = named.code if named.code and named.code[:3] in _BODY_PREFIXES else None
    else:
        tokens = name_tokens(label)
        country = book.countries.get(tokens) or next(
            (v for _, _, v in book.scan(tokens, (book.country_words,))), None)
        sectors = book.sectors_of(label)
        body = None
        inner = [v for _, _, v in book.scan(tokens, (book.actors,))]
        if not country and inner:
            # "UN Security Council": the body or the state inside the name
            first = inner[0][0].code
            if first.code and first.code[:3] in _BODY_PREFIXES:
                body = first.code[:6]
                sectors = sectors or first.sectors
            elif first.country:
                country = first.country
    if affiliation is not None and affiliation != NO_CODE:
        country = country or affiliation.country
        if not body and affiliation.code and affiliation.code[:3] in _BODY_PREFIXES:
            body = affiliation.code[:6]
        if not sectors and affiliation.sectors and not (body and not affiliation.country):
            sectors = affiliation.sectors
    if not country and not body and home and set(sectors) & STATE_SECTORS:
        country = home
    if body:
        # An official of an international body is the body's ("UN special envoy": IGOUNO, not IGOUNOGOV).
        sectors = (body[:3], *[s for s in sectors if s != body[:3] and s != "GOV"])
    return ActorCode.of(country, sectors, body)


def codes_conflict(a: ActorCode | None, b: ActorCode | None) -> bool:
    """Whether two actors' codes say they cannot be one actor (two countries, or two bodies)."""
    if not a or not b:
        return False
    if a.country and b.country and a.country != b.country:
        return True
    ab = a.code[:6] if a.code and a.code[:3] in _BODY_PREFIXES else None
    bb = b.code[:6] if b.code and b.code[:3] in _BODY_PREFIXES else None
    return bool(ab and bb and ab != bb)


def is_armed_group(book: CodeBook, names: Iterable[str]) -> bool:
    """Whether a name is an armed non-state group of the dictionaries ("Hezbollah", "Al Qaeda")."""
    return any(set(e.code.sectors) & ARMED_SECTORS for n in names for e in book.entries(n))


def code_actors(actors: "list[Actor]", book: CodeBook, *, date=None, home: str | None = None) -> None:
    """Set ``country``, ``sectors`` and ``code`` of one document's actors, in place.

    States first, then organizations and groups, then people, so that each can
    lean on the code of its affiliation.  ``home`` is the label of the state the
    document is about.  Two things follow from the codes:

    * a person with no affiliation whom the dictionaries place in a country
      (a head of state in office on the document's date) gets that state's label
      as affiliation;
    * an organization that the dictionaries know as an armed non-state group
      becomes a group.
    """
    by_label = {a.label: a for a in actors}
    home_iso = book.country_of(home) if home else None
    rank = {"state": 0, "organization": 1, "group": 1, "person": 2}
    for a in sorted(actors, key=lambda a: (rank.get(a.type, 3), a.affiliation is not None, a.id)):
        affiliation = None
        if a.affiliation:
            other = by_label.get(a.affiliation)
            if other is not None and other is not a and other.code:
                affiliation = ActorCode.of_actor(other)
            else:
                affiliation = ActorCode.of(book.country_of(a.affiliation))
        if a.type == "organization" and is_armed_group(book, [a.label, *a.aliases]):
            a.type = "group"
        c = code_actor(a.label, a.type, book=book, aliases=a.aliases, title=a.title,
                       affiliation=affiliation, date=date, home=home_iso)
        a.country, a.sectors, a.code = c.country, list(c.sectors), c.code
        if a.type == "person" and not a.affiliation and c.country in book.state_labels:
            a.affiliation = book.state_labels[c.country]
