"""Word lists and the gazetteer, loaded from ``graphbuild/data`` into one object.

The trigger tables come from the event-type registry (:mod:`graphbuild.event_types`).

Nothing here knows spaCy: the lists are plain strings, and :class:`Lexicon`
answers questions such as "which event does this word trigger?" or "which
state does 'Saudi' denote?".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .event_types import REGISTRY
from .util import load_data

__all__ = ["Lexicon", "Trigger", "default_lexicon", "base_forms"]


@dataclass(frozen=True)
class Trigger:
    """What a trigger word means: event type and CAMEO code."""

    type: str
    cameo: str
    lemma: str
    #: For a noun that is an event only when a given verb governs it ("lodged a protest"):
    #: the lemmas of those verbs; empty when any context will do.
    verbs: frozenset[str] = frozenset()
    #: For such a noun, what it means under any other verb ("protests erupted": a demonstration).
    otherwise: "Trigger | None" = None


def base_forms(word: str) -> list[str]:
    """Candidate base forms of an inflected English word, most likely first.

    Regular morphology only; irregular forms come from the lexicon's table.
    ``"urged" -> ["urged", "urge", "urg"]``: the caller keeps the first that is a
    known lemma, so over-generation is harmless.
    """
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out += [w[:-2], w[:-1]]
    elif w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ed"):
        stem = w[:-2]
        out += [stem + "e", stem]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
        if w.endswith("ied"):
            out.append(w[:-3] + "y")
    if w.endswith("ing"):
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out


@dataclass
class Lexicon:
    """Trigger words, role words and the gazetteer.

    Build one with :func:`default_lexicon` (cached) rather than directly.
    """

    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phrasal: dict[tuple[str, str], Trigger]
    light_verbs: frozenset[str]
    irregular: dict[str, str]
    roles: dict
    countries: dict[str, dict]
    demonyms: dict[str, str]
    seats: dict[str, str]
    cities: dict[str, dict]
    regions: frozenset[str]
    finite_only: frozenset[str] = frozenset()
    #: Phrases that make a reported clause an accusation of its subject ("had illegally intruded").
    accusing_phrases: frozenset[str] = frozenset()
    #: Wire agencies ("Reuters", "AFP"): the medium reporting the news, never an actor in it.
    news_agencies: frozenset[str] = frozenset()
    country_by_name: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for iso, c in self.countries.items():
            for name in c["aliases"]:
                self.country_by_name.setdefault(name.lower(), iso)
        r = self.roles
        self.honorifics = frozenset(x.lower().rstrip(".") for x in r["honorifics"])
        self.title_words = frozenset(x.lower().rstrip(".") for x in r["title_words"])
        self.title_nouns = frozenset(r["title_nouns"])
        self.official_heads = frozenset(r["official_heads"])
        self.group_heads = frozenset(r["group_heads"])
        self.org_words = frozenset(x.lower().rstrip(".") for x in r["org_words"])
        self.place_nouns = frozenset(r["place_nouns"])
        self.locative_preps = frozenset(r["locative_preps"])
        self.event_locative_preps = frozenset(r["event_locative_preps"])
        self.negation_verbs = frozenset(r["negation_verbs"])
        self.negation_particles = dict(r["negation_particles"])
        self.planned_verbs = frozenset(r["planned_verbs"])
        self.proposed_verbs = frozenset(r["proposed_verbs"])
        self.hypothetical_markers = frozenset(r["hypothetical_markers"])
        self.person_pronouns = dict(r["person_pronouns"])
        self.thing_pronouns = frozenset(r["thing_pronouns"])
        self.intent_actions = {w: "negative" for w in r["negative_actions"]}
        self.intent_actions.update({w: "positive" for w in r["cooperative_actions"]})
        self.willing_words = frozenset(r["willing_words"])
        self.dissident_words = frozenset(r["dissident_words"])
        self.intent_verbs = frozenset(r["intent_verbs"])
        self.negative_objects = frozenset(r["negative_objects"])
        self.relief_actions = frozenset(r["relief_actions"])
        self.carrier_nouns = frozenset(r["carrier_nouns"])
        self.wish_verbs = frozenset(r["wish_verbs"])

    # -- words -------------------------------------------------------------
    def lemma(self, word: str, known: dict | frozenset | None = None) -> str:
        """Base form of ``word`` among ``known`` lemmas (verbs by default)."""
        w = word.lower()
        if w in self.irregular:
            return self.irregular[w]
        pool = self.verbs if known is None else known
        for cand in base_forms(w):
            if cand in pool:
                return cand
        return w

    def verb_trigger(self, word: str) -> Trigger | None:
        return self.verbs.get(self.lemma(word))

    def noun_trigger(self, word: str) -> Trigger | None:
        w = word.lower()
        if w in self.nouns:
            return self.nouns[w]
        # Plurals only: "-ing"/"-ed" stripping would turn "calling" into the noun "call".
        singular = [w[:-3] + "y"] if w.endswith("ies") else []
        singular += [w[:-1], w[:-2]] if w.endswith("es") else [w[:-1]] if w.endswith("s") else []
        for cand in singular:
            if cand in self.nouns:
                return self.nouns[cand]
        return None

    def phrasal_trigger(self, verb: str, particle: str) -> Trigger | None:
        return self.phrasal.get((self.lemma(verb, self._phrasal_verbs), particle.lower()))

    @property
    def _phrasal_verbs(self) -> frozenset[str]:
        return frozenset(v for v, _ in self.phrasal)

    def is_light_verb(self, word: str) -> bool:
        return self.lemma(word, self.light_verbs) in self.light_verbs

    # -- gazetteer ---------------------------------------------------------
    def country(self, name: str) -> str | None:
        """ISO code of the country called ``name`` (any alias), else None."""
        return self.country_by_name.get(_strip_the(name).lower())

    def country_label(self, iso: str) -> str:
        return self.countries[iso]["label"]

    def demonym(self, word: str) -> str | None:
        """ISO code for a demonym or adjective, singular or plural ("Russians")."""
        w = word.strip()
        if w in self.demonyms:
            return self.demonyms[w]
        if w.endswith("s") and w[:-1] in self.demonyms:
            return self.demonyms[w[:-1]]
        if w.endswith("es") and w[:-2] in self.demonyms:
            return self.demonyms[w[:-2]]
        return None

    def seat(self, name: str) -> str | None:
        """ISO code of the state whose capital or seat of government is ``name``."""
        return self.seats.get(name)

    def city(self, name: str) -> dict | None:
        return self.cities.get(name)

    def is_region(self, name: str) -> bool:
        return _strip_the(name) in self.regions

    def is_news_agency(self, name: str) -> bool:
        """Whether ``name`` is a wire agency ("Reuters", "the Associated Press"); state agencies are not."""
        return _strip_the(name) in self.news_agencies

    def is_place_name(self, name: str) -> bool:
        n = _strip_the(name)
        return bool(self.country(n) or n in self.cities or n in self.regions)


def _merged(old: Trigger | None, new: Trigger) -> Trigger:
    """One noun in two event types: the one it is only after given verbs, otherwise the other
    ("lodged a protest" is a complaint, "protests erupted" a demonstration)."""
    if old is None:
        return new
    narrow, broad = (old, new) if old.verbs else (new, old)
    if not narrow.verbs or broad.verbs:
        raise ValueError(f"the noun {new.lemma!r} is a trigger of both {old.type} and {new.type}")
    return Trigger(narrow.type, narrow.cameo, narrow.lemma, narrow.verbs, otherwise=broad)


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with graphbuild, loaded once per process."""
    lex = load_data("lexicon.json")
    gaz = load_data("gazetteer.json")

    verbs, nouns, phrasal = {}, {}, {}
    for t in REGISTRY.values():
        verbs.update({k: Trigger(t.name, code, k) for k, code in t.verbs.items()})
        for k, (code, only_after) in t.nouns.items():
            nouns[k] = _merged(nouns.get(k), Trigger(t.name, code, k, only_after))
        for k, code in t.phrasal.items():
            verb, particle = k.split(" ", 1)
            phrasal[(verb, particle)] = Trigger(t.name, code, k)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrasal=phrasal,
        light_verbs=frozenset(lex["light_verbs"]),
        finite_only=REGISTRY.words("finite_only"),
        accusing_phrases=REGISTRY.words("accusing_phrases"),
        irregular=dict(lex["irregular"]),
        roles=load_data("roles.json"),
        countries=gaz["countries"],
        demonyms=gaz["demonyms"],
        seats=gaz["seats"],
        cities=gaz["cities"],
        regions=frozenset(gaz["regions"]),
        news_agencies=frozenset(load_data("news_agencies.json")["wire_agencies"]),
    )
