"""Records passed between the stages: documents, actors, places, events.

Every record is a small dataclass with ``to_dict``/``from_dict`` so that an
extraction can be written to JSON and read back without loss.  Stages pass
these records, never spaCy objects: ``graph``, ``render`` and ``export`` only
ever see what is defined here.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from . import cameo
from .event_types import REGISTRY

__all__ = [
    "GraphbuildError",
    "Dateline",
    "Document",
    "Actor",
    "Place",
    "Event",
    "DocExtraction",
    "Extraction",
    "ACTOR_TYPES",
    "EVENT_TYPES",
    "STATUSES",
    "slugify",
    "stable_id",
]

ACTOR_TYPES = ("person", "organization", "state", "group")
#: The event types, in the order of the registry (``data/event_types.json``): legends and ties follow it.
EVENT_TYPES = tuple(REGISTRY)
STATUSES = ("occurred", "planned", "proposed", "negated", "hypothetical")


class GraphbuildError(ValueError):
    """The one exception graphbuild raises for problems a user can act on."""


def slugify(text: str) -> str:
    """Lower-case ASCII slug used inside node ids: ``"Adel al-Jubeir" -> "adel-al-jubeir"``."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    return s or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def stable_id(*parts: Any, length: int = 12) -> str:
    """A short hash of ``parts`` that is the same on every run and machine."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


class _Record:
    """``to_dict``/``from_dict`` shared by the records below."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, (list, tuple)) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Dateline(_Record):
    """What a wire dateline said before it was taken out of the article's text.

    ``"NUSA DUA, Indonesia, Nov 14 (Reuters) -"`` gives text ``"NUSA DUA,
    Indonesia, Nov 14 (Reuters)"``, places ``["Nusa Dua"]`` (spelled as the
    article spells them), region ``"Indonesia"``, date ``"Nov 14"`` (as
    written) and agency ``"Reuters"``.
    """

    text: str
    places: list[str] = field(default_factory=list)
    region: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass
class Document(_Record):
    """One article: its id (path relative to the folder given, or the JSONL id) and text.

    ``dateline`` is the wire dateline that opened the first paragraph, or None.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: Dateline | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["dateline"] = self.dateline.to_dict() if self.dateline else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        document = super().from_dict(data)
        if isinstance(document.dateline, dict):
            document.dateline = Dateline.from_dict(document.dateline)
        return document

    def meta(self) -> dict[str, Any]:
        """The document without its text, as written in an extraction's ``documents``.

        ``dateline`` is written only when there is one, so documents without
        a dateline keep the same JSON.
        """
        out = {"id": self.id, "title": self.title, "date": self.date, "source": self.source}
        if self.dateline is not None:
            out["dateline"] = self.dateline.to_dict()
        return out


@dataclass
class Actor(_Record):
    """A person, organization, state or group, with every name it was seen under.

    ``country`` (ISO 3166 alpha-3), ``sectors`` (CAMEO sector codes) and ``code``
    (``"AUSGOV"``) come from :mod:`graphbuild.codes`.  ``affiliation_evidence``
    is where the text ties the actor to its affiliation: ``{"doc", "sentence",
    "start", "end"}``, or None when the tie comes from a dictionary.
    """

    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    title: str | None = None
    affiliation: str | None = None
    docs: list[str] = field(default_factory=list)
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    code: str | None = None
    affiliation_evidence: dict | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "actor:" + slugify(self.label)


@dataclass
class Place(_Record):
    """A place named in the text; coordinates when :mod:`graphbuild.geocode` knows it."""

    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    docs: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = "place:" + slugify(self.label)


@dataclass
class Event(_Record):
    """One meeting, statement, accusation, ... with the sentence that proves it.

    ``source``/``targets``/``place`` hold labels (the extraction contract);
    ``source_id``/``target_ids``/``place_id`` hold the node ids the graph uses,
    because an actor and a place may share a label ("Syria").  ``cluster`` is
    the id of the happening this event reports and ``reports`` the number of
    articles reporting that happening (:mod:`graphbuild.cluster`).
    """

    type: str
    source: str
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    status: str = "occurred"
    trigger: str = ""
    cameo: str | None = None
    #: Goldstein scale value and QuadClass (1-4) of ``cameo``; filled in from the CAMEO tables.
    goldstein: float | None = None
    quad_class: int | None = None
    quote: str | None = None
    sentence: str = ""
    doc: str = ""
    start: int = 0
    end: int = 0
    source_id: str = ""
    target_ids: list[str] = field(default_factory=list)
    place_id: str | None = None
    id: str = ""
    cluster: str | None = None
    reports: int | None = None

    def __post_init__(self) -> None:
        if self.cameo and self.goldstein is None:
            self.goldstein = cameo.goldstein(self.cameo)
        if self.cameo and self.quad_class is None:
            self.quad_class = cameo.quad_class(self.cameo)
        if not self.id:
            self.id = "event:" + stable_id(
                self.doc, self.start, self.type, self.trigger, self.source, *self.targets
            )


@dataclass
class DocExtraction(_Record):
    """What one document yields before actors are merged across documents."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.meta(),
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocExtraction":
        doc = dict(data["document"])
        doc.setdefault("text", "")
        return cls(
            document=Document.from_dict(doc),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            places=[Place.from_dict(p) for p in data.get("places", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
        )


@dataclass
class Extraction(_Record):
    """Resolved actors, places and events for a set of documents.

    ``to_dict`` gives the JSON of ``graphbuild extract``: sorted, so the same
    input always gives the same bytes.
    """

    documents: list[dict[str, Any]] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": sorted(self.documents, key=lambda d: d["id"]),
            "actors": [a.to_dict() for a in sorted(self.actors, key=lambda a: a.id)],
            "places": [p.to_dict() for p in sorted(self.places, key=lambda p: p.id)],
            "events": [
                e.to_dict() for e in sorted(self.events, key=lambda e: (e.doc, e.start, e.id))
            ],
            "skipped": sorted(self.skipped, key=lambda s: (s.get("path", ""), s.get("reason", ""))),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Extraction":
        return cls(
            documents=list(data.get("documents", [])),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            places=[Place.from_dict(p) for p in data.get("places", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            skipped=list(data.get("skipped", [])),
        )

    def actor(self, name: str) -> Actor | None:
        """The actor whose label or one of whose aliases is ``name`` (case-insensitive)."""
        key = name.casefold()
        for a in self.actors:
            if a.label.casefold() == key or any(x.casefold() == key for x in a.aliases):
                return a
        return None

    def summary(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "actors": len(self.actors),
            "places": len(self.places),
            "events": len(self.events),
            "skipped": len(self.skipped),
        }

