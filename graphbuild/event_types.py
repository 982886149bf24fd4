"""The registry of event types, read from ``graphbuild/data/event_types.json``.

Every fact about an event type lives in that one file: its name, the CAMEO
root codes it covers, the arguments it takes, its colour on the page and its
trigger words.  Everything else is derived from it: the type names of
:data:`graphbuild.types.EVENT_TYPES`, the trigger tables of
:mod:`graphbuild.lexicon`, the type sets the rules of :mod:`graphbuild.events`
test, and the colours of :mod:`graphbuild.render`.  The extraction schema and
``docs/graph-schema.md`` are tested against it.

:data:`REGISTRY` is the package's file.  The words of the types (their ``triggers``)
that extraction reads are the lexicon's: a lexicon folder may change them, not the
types (:func:`graphbuild.lexicon.load_lexicon`), so rules take them from the lexicon
they are given, never from here.

>>> REGISTRY["meeting"].cameo
('04',)
>>> REGISTRY["attack"].verbs["shell"]
'195'
>>> sorted(names(source="speaker"))[:2]
['accusation', 'appeal']

Nothing here knows spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from .util import load_data

__all__ = ["EventType", "EventTypes", "REGISTRY", "names"]


@dataclass(frozen=True)
class EventType:
    """One entry of the registry (see the ``_about`` of ``event_types.json``)."""

    name: str
    description: str
    #: CAMEO root codes the type covers ("04" for meetings).
    cameo: tuple[str, ...]
    #: "speaker" (a speech act), "party" or "agent".
    source: str
    #: "actors" or "actors or places".
    targets: str
    symmetric: bool
    directed: bool
    needs_party: bool
    takes_content: bool
    color: str
    #: lemma -> CAMEO code.
    verbs: Mapping[str, str]
    #: noun -> (CAMEO code, lemmas of the verbs it must be the object of; empty: any context).
    nouns: Mapping[str, tuple[str, frozenset[str]]]
    #: "verb particle" -> CAMEO code.
    phrasal: Mapping[str, str]
    #: Codes of events a rule makes rather than a trigger word ("according to": "010").
    rules: Mapping[str, str]
    #: Further word lists the type's rules read ("finite_only", "reporting_verbs", ...).
    words: Mapping[str, frozenset[str]]
    #: Further tables its rules read: word -> CAMEO code ("crowd_verbs": {"strike": "143"}) or
    #: word -> words ("object_words": {"share": {"intelligence", ...}}).
    tables: Mapping[str, Mapping[str, Any]]

    @property
    def speech(self) -> bool:
        """A speech act: the source is the speaker, and there is no act without one."""
        return self.source == "speaker"

    @property
    def place_targets(self) -> bool:
        """Its targets may be places as well as actors ("shelled Aleppo")."""
        return "places" in self.targets

    def word_list(self, name: str) -> frozenset[str]:
        """The type's word list ``name`` (empty when it has none)."""
        return self.words.get(name, frozenset())

    def table(self, name: str) -> Mapping[str, Any]:
        """The type's table ``name`` (empty when it has none)."""
        return self.tables.get(name, MappingProxyType({}))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EventType":
        args = data["arguments"]
        trig = dict(data.get("triggers", {}))
        nouns = {}
        for noun, value in trig.pop("nouns", {}).items():
            code, verbs = (value, []) if isinstance(value, str) else value
            nouns[noun] = (code, frozenset(verbs))
        return cls(
            name=data["name"], description=data["description"], cameo=tuple(data["cameo"]),
            source=args["source"], targets=args["targets"], symmetric=args["symmetric"],
            directed=args["directed"], needs_party=args["needs_party"], takes_content=args["takes_content"],
            color=data["color"],
            verbs=MappingProxyType(dict(trig.pop("verbs", {}))),
            nouns=MappingProxyType(nouns),
            phrasal=MappingProxyType(dict(trig.pop("phrasal", {}))),
            rules=MappingProxyType(dict(trig.pop("rules", {}))),
            words=MappingProxyType({k: frozenset(v) for k, v in trig.items() if isinstance(v, list)}),
            tables=MappingProxyType({k: MappingProxyType({w: frozenset(x) if isinstance(x, list) else x
                                                          for w, x in v.items()})
                                     for k, v in trig.items() if isinstance(v, dict)}),
        )


class EventTypes(Mapping[str, EventType]):
    """The registry: event types by name, in the file's order (the order of legends and ties)."""

    def __init__(self, types: list[EventType]) -> None:
        self._types = {t.name: t for t in types}
        if len(self._types) != len(types):
            raise ValueError("event_types.json names a type twice")

    def __getitem__(self, name: str) -> EventType:
        return self._types[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def rule(self, name: str) -> tuple[str, str]:
        """(type, CAMEO code) of the events the rule ``name`` makes ("according to" -> statement 010)."""
        for t in self._types.values():
            if name in t.rules:
                return t.name, t.rules[name]
        raise KeyError(f"no event type in event_types.json has the rule {name!r}")

    def words(self, name: str) -> frozenset[str]:
        """The words of the lists called ``name``, over all types ("finite_only")."""
        lists = [t.words[name] for t in self._types.values() if name in t.words]
        if not lists:
            raise KeyError(f"no event type in event_types.json has the word list {name!r}")
        return frozenset().union(*lists)


def _load() -> EventTypes:
    return EventTypes([EventType.from_dict(t) for t in load_data("event_types.json")["types"]])


#: The event types, loaded once.
REGISTRY = _load()


def names(**flags: Any) -> frozenset[str]:
    """Names of the types whose attributes equal ``flags``: ``names(symmetric=True)``."""
    return frozenset(t.name for t in REGISTRY.values()
                     if all(getattr(t, k) == v for k, v in flags.items()))
