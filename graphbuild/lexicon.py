"""Word lists and the gazetteer, loaded from data files into one frozen :class:`Lexicon`.

Every word list the extraction rules read lives in ``graphbuild/data``:

=====================  ==================================================================
``event_types.json``   the event types, their trigger words and the word lists of their rules
                       (:mod:`graphbuild.event_types`)
``lexicon.json``       irregular verb forms and light verbs ("made a visit")
``mentions.json``      words that make or shape actors and places: titles, honorifics,
                       heads of official and group phrases, organization and place words
``modality.json``      negation, plan, proposal, condition and wish words; announced actions
``arguments.json``     prepositions of an event's place and topic, carrier and sanction nouns
``gazetteer.json``     countries, demonyms, seats of government, cities, regions
``news_agencies.json`` wire agencies (never actors)
``names.json``         particles, prefixes and suffixes of personal names (:mod:`graphbuild.names`)
=====================  ==================================================================

:func:`load_lexicon` reads them once per folder; :func:`default_lexicon` is the
package's own.  A :class:`Lexicon` is immutable and is passed explicitly: to
:func:`graphbuild.nlp.load_pipeline` (whose entity fixer receives it through its
spaCy config), to :func:`graphbuild.events.extract_document` and to
:func:`graphbuild.resolve.resolve`; the actor code book is built from it
(:func:`graphbuild.codes.codebook_for`), and the name rules of :mod:`graphbuild.names`
take it.  The rules read these lists through the lexicon they are given (``res.lex``),
never through a module constant or the event-type registry, so a folder changes them too.

To change word lists for one run, copy the files you change into a folder and load it:
``load_lexicon("my-words/")`` (``graphbuild extract --lexicon my-words/``); files
missing from the folder come from the package, and every list can change.  A folder's
``event_types.json`` changes the words of the event types -- trigger verbs, nouns and
phrasal verbs, the word lists and tables their rules read, the codes of the rules --
but not the types: it lists the package's types, each with the package's lists and
rules, and with its name, CAMEO roots, arguments and colour as the package has them (a
new type is a change to the package, see CONTRIBUTING.md).  Anything else in a folder
is a :class:`~graphbuild.types.GraphbuildError` naming the file and the reason.  A
lexicon pickles as the texts of its folder's files, so a process on another machine (a
Dask worker) reads the same words without the folder.

Nothing here knows spaCy: the lists are plain strings, and :class:`Lexicon`
answers questions such as "which event does this word trigger?" or "which
state does 'Saudi' denote?".
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .cameo import is_code
from .event_types import REGISTRY, EventType, EventTypes
from .types import GraphbuildError
from .util import atomic_write_text, load_data

__all__ = ["Lexicon", "Trigger", "load_lexicon", "default_lexicon", "base_forms"]


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


@dataclass(frozen=True, eq=False, slots=True)
class Lexicon:
    """Every word list and the gazetteer, as read by :func:`load_lexicon`: immutable, declared in full.

    Get one with :func:`default_lexicon` or :func:`load_lexicon`; the fields are
    frozensets, read-only mappings and (``name_prefixes``, whose order counts) a tuple,
    named as the keys of the data files.  The rules read them as attributes
    (``lex.violence_words``): nothing is built per token.
    """

    # -- triggers (from the event-type registry, data/event_types.json) --------------------
    verbs: Mapping[str, Trigger]
    nouns: Mapping[str, Trigger]
    phrasal: Mapping[tuple[str, str], Trigger]
    #: Verbs that are an act only when finite ("marched to protest" is no complaint).
    finite_only: frozenset[str]
    #: Phrases that make a reported clause an accusation of its subject ("had illegally intruded").
    accusing_phrases: frozenset[str]
    #: The verbs of ``phrasal`` ("call" of "call on").
    phrasal_verbs: frozenset[str]
    #: Events a rule makes rather than a trigger word: rule -> (type, CAMEO code)
    #: (``rules["according to"] == ("statement", "010")``).
    rules: Mapping[str, tuple[str, str]]
    #: Verb + particle that is no event of the type ("blasted off" is no attack), by type.
    not_phrasal: Mapping[str, frozenset[str]]
    #: Statement verbs that report what someone said, with no act of their own ("announce",
    #: "confirm" have one).
    reporting_verbs: frozenset[str]
    #: Statement verbs whose object is whom the speaker addressed ("told Kerry", "briefed President Ford").
    addressee_verbs: frozenset[str]
    #: Statement verbs whose passive subject is the speaker and whose agent only passes the words
    #: on ("X was quoted by Reuters as saying").
    quoting_verbs: frozenset[str]
    #: Threat verbs that are a statement (-> its code) when addressed to no one and holding out
    #: nothing coercive ("warned of a new computer virus" 012).
    unthreatening: Mapping[str, str]
    #: Meeting verbs whose subject takes part in the meeting their object names ("attended a summit").
    holding_verbs: frozenset[str]
    #: Appeal verbs whose object, or the subject of whose clause, is the one asked ("wants Putin to attack").
    asking_verbs: frozenset[str]
    #: Agreement verbs that are one only with one of these objects ("share intelligence").
    object_words: Mapping[str, frozenset[str]]
    #: Agreement verbs that are none with one of these objects ("accepted the prize").
    not_objects: Mapping[str, frozenset[str]]
    #: Agreement verbs that need an actor as their object ("recognise Kosovo").
    actor_object: frozenset[str]
    #: Agreement verbs that need "to" ("committed to the plan", not "committed acts").
    to_complement: frozenset[str]
    #: Modifiers that make an attack noun no attack: the attack's ``not_after`` and the protest's
    #: ``strike_modifiers`` ("hunger strike").
    not_attack_modifiers: frozenset[str]
    #: Subjects or agents that make an attack verb no attack ("the storm struck").
    not_agents: frozenset[str]
    #: Objects that make an attack verb no attack ("battling the blaze").
    not_targets: frozenset[str]
    #: Attack verbs that are a contest among ``competition_words`` ("beat South Africa by 246 runs").
    contest_verbs: frozenset[str]
    competition_words: frozenset[str]
    #: Verbs of harm that are an attack without an agent only among ``violence_words``.
    casualty_verbs: frozenset[str]
    violence_words: frozenset[str]
    #: "was fired from the factory": a dismissal, not an attack.
    dismissal_verbs: frozenset[str]
    #: Attack nouns that are an attack only when aimed at someone ("launched missiles at X").
    aimed_nouns: frozenset[str]
    #: Verbs that are a protest when a crowd does them, with their codes: the protest's
    #: ``crowd_verbs`` ("strike": 143) and its own verbs ("demonstrate", "rally").
    crowd_verbs: Mapping[str, str]
    #: The words for such a crowd ("protesters", "workers").
    crowd_nouns: frozenset[str]
    #: Modifiers that make "strike" a protest, with their codes ("hunger strike" 142).
    strike_modifiers: Mapping[str, str]
    #: Verbs that report a protest named by a noun as happening ("protests erupted").
    occurrence_verbs: frozenset[str]

    # -- morphology and light verbs (lexicon.json) ------------------------------------------
    #: Irregular inflected form -> lemma ("met" -> "meet").
    irregular: Mapping[str, str]
    #: Verbs whose object noun names the event ("held talks", "launched an attack").
    light_verbs: frozenset[str]

    # -- actors and places (mentions.json) ----------------------------------------------------
    #: Honorifics, title words and organization words: lower-case, without a final full stop.
    honorifics: frozenset[str]
    title_words: frozenset[str]
    title_nouns: frozenset[str]
    #: Ministerial portfolios: "Interior Minister", "French Trade Minister" belong to the title.
    portfolios: frozenset[str]
    #: Heads of a phrase that speaks for a state or body ("Russian officials", "Saudi warplanes").
    official_heads: frozenset[str]
    #: Heads of a phrase that names a group ("Syrian rebels", "the contact group").
    group_heads: frozenset[str]
    #: Group heads that are a group without a modifier ("rebels", "police").
    bare_groups: frozenset[str]
    #: Modifiers of a group that sets it against the state ("opposition leaders").
    dissident_words: frozenset[str]
    #: People and bodies a demonym can qualify besides titles, officials and groups ("Chinese carmakers").
    agent_nouns: frozenset[str]
    #: People who act for the body they belong to ("members of the tribunal").
    member_nouns: frozenset[str]
    #: A body of people named by what follows "of" ("a group of Moroccan diplomats").
    collective_nouns: frozenset[str]
    #: People sent to talk for a side ("talks with envoys of the army and the RSF").
    envoy_nouns: frozenset[str]
    #: "the government", "the authorities": a state.
    government_nouns: frozenset[str]
    #: Modifiers that leave "the government" the state's ("the central government").
    government_modifiers: frozenset[str]
    #: A text that speaks for whoever issued it ("a report released in Kigali alleged").
    document_nouns: frozenset[str]
    org_words: frozenset[str]
    #: Bare definite nouns that stand for an organization named earlier ("the tribunal").
    body_nouns: frozenset[str]
    #: Lower-case heads of a state's bodies ("China's foreign ministry").
    ministry_nouns: frozenset[str]
    #: A state's forces named with a possessive ("Sudan's army").
    force_nouns: frozenset[str]
    #: Words of an organization's name that make it an armed group.
    armed_words: frozenset[str]
    #: Names of armed groups (lower-case).
    armed_names: frozenset[str]
    #: "known by its Spanish initials TSE".
    acronym_nouns: frozenset[str]
    #: "Dagalo, widely known as Hemedti".
    naming_verbs: frozenset[str]
    #: Social networks: "on Twitter" is where something was said, not who said it.
    platforms: frozenset[str]
    #: Personal pronouns and their gender.
    person_pronouns: Mapping[str, str]
    place_nouns: frozenset[str]
    #: Words that make a name a place, whatever the model says: first ("Plaza Altamira") or last
    #: ("Tahrir Square"), as written.  Words that are also surnames ("Park", "Port") stay out of the first.
    place_name_first: frozenset[str]
    place_name_last: frozenset[str]
    #: "eastern Ukraine", "Greater Tunis": a region, not an organization.
    compass_words: frozenset[str]
    #: Prepositions before a place named as a location ("in Moscow", not "Moscow said").
    locative_preps: frozenset[str]

    # -- names (names.json) -------------------------------------------------------------------------
    #: Particles that stay lower-case inside a personal name ("Staffan de Mistura", "Osama bin Laden").
    name_particles: frozenset[str]
    #: Article prefixes joined to an Arabic surname by a hyphen ("al-Abadi" is called "Abadi" too),
    #: stripped in this order.
    name_prefixes: tuple[str, ...]
    #: Generational suffixes that follow a surname ("Ferdinand Marcos Jr" is called "Marcos").
    name_suffixes: frozenset[str]

    # -- modality (modality.json) ---------------------------------------------------------------
    negation_words: frozenset[str]
    negation_verbs: frozenset[str]
    #: A negation verb that negates only with its particle ("rule out", "call off").
    negation_particles: Mapping[str, str]
    planned_words: frozenset[str]
    proposed_words: frozenset[str]
    planned_modifiers: frozenset[str]
    proposed_modifiers: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    conditional_auxiliaries: frozenset[str]
    #: A reported clause with one of these is a demand of its subject ("said Y must / should go").
    demand_auxiliaries: frozenset[str]
    hypothetical_marks: frozenset[str]
    wish_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    willing_words: frozenset[str]
    #: Announced action -> "negative" (a threat) or "positive" (an offer).
    intent_actions: Mapping[str, str]
    #: Actions that undo a coercive measure ("lift the sanctions").
    relief_actions: frozenset[str]
    #: Coercive measures and armed acts as objects ("extend the curfew").
    negative_objects: frozenset[str]

    # -- arguments (arguments.json) -------------------------------------------------------------
    event_locative_preps: frozenset[str]
    #: Prepositions of what an event is about, not where ("talks on the conflict in Ukraine").
    topic_preps: frozenset[str]
    #: Prepositions of whom a statement is about ('spoke about X'), when its clause names no one.
    statement_topic_preps: frozenset[str]
    #: Prepositions whose object says when, why or how an act happens, never whom it is aimed at.
    background_preps: frozenset[str]
    #: "in response to", "in retaliation for", "in protest at": the act's reason, not its target.
    reason_nouns: frozenset[str]
    #: Nouns that carry a noun trigger's arguments ("a mediation effort between A and B").
    carrier_nouns: frozenset[str]
    #: What a warning or threat holds out to someone ("consequences for Belgrade").
    sanction_nouns: frozenset[str]
    #: Verbs of arriving somewhere, whose place is where a visit goes ("arrived in Amman on a visit").
    arrival_verbs: frozenset[str]
    #: Verbs that carry a matter to a forum ("take the dispute to the WTO"): a threat is not aimed there.
    forum_verbs: frozenset[str]

    # -- gazetteer (gazetteer.json, news_agencies.json) ------------------------------------------
    countries: Mapping[str, Mapping]
    #: Every alias of a country, lower-case -> ISO code.
    country_by_name: Mapping[str, str]
    demonyms: Mapping[str, str]
    seats: Mapping[str, str]
    cities: Mapping[str, Mapping]
    regions: frozenset[str]
    #: Wire agencies ("Reuters", "AFP"): the medium reporting the news, never an actor in it.
    news_agencies: frozenset[str]

    #: The folder the lexicon was read from; None for the package's own data.
    data_dir: str | None = None
    #: The word files read from ``data_dir``, as (file name, text): what a pickled lexicon
    #: carries, so that a process on another machine (a Dask worker) reads the same words.
    files: tuple[tuple[str, str], ...] = ()

    def __reduce__(self):
        # Tables are read-only mappings, which do not pickle: a lexicon travels as the
        # texts of its folder's files and is read again on the other side.
        return _unpickle, (self.data_dir, self.files)

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
        return self.phrasal.get((self.lemma(verb, self.phrasal_verbs), particle.lower()))

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


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """The lexicon read from ``data_dir`` (files it lacks come from the package), once per folder.

    ``None`` reads the package's own ``graphbuild/data``.  Raises
    :class:`~graphbuild.types.GraphbuildError` naming the file for a folder that does
    not exist, a file that is not JSON or a list that is missing.
    """
    if data_dir is None:
        return _load(None)
    folder = Path(data_dir).resolve()
    if not folder.is_dir():
        raise GraphbuildError(f"{data_dir}: not a folder of word lists")
    return _load(str(folder))


def default_lexicon() -> Lexicon:
    """The lexicon shipped with graphbuild (read once per process)."""
    return _load(None)


def _unpickle(data_dir: str | None, files: tuple[tuple[str, str], ...]) -> Lexicon:
    """The lexicon of ``data_dir`` whose files held ``files``: the folder itself when it still
    holds those texts, else a copy of them in a folder of the temporary directory named by
    their digest (a worker that does not share the folder)."""
    if data_dir is None:
        return default_lexicon()
    folder = Path(data_dir)
    if folder.is_dir() and all(_text(folder / name) == text for name, text in files) and \
            {p.name for p in folder.glob("*.json")} & _WORD_FILES == {name for name, _ in files}:
        return load_lexicon(folder)
    digest = hashlib.sha1(json.dumps(files).encode("utf-8")).hexdigest()[:16]
    copy = Path(tempfile.gettempdir()) / f"graphbuild-lexicon-{digest}"
    copy.mkdir(exist_ok=True)
    for name, text in files:
        if _text(copy / name) != text:
            atomic_write_text(copy / name, text)
    return load_lexicon(copy)


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class _Files:
    """The data files of one lexicon folder, each read once; errors name the file."""

    def __init__(self, data_dir: str | None) -> None:
        self.data_dir = data_dir
        self._read: dict[str, tuple[str, Any]] = {}
        #: The texts of the files read from the folder, by name.
        self.texts: dict[str, str] = {}

    def get(self, name: str) -> tuple[str, Any]:
        if name not in self._read:
            path = Path(self.data_dir) / name if self.data_dir else None
            if path is not None and path.is_file():
                try:
                    text = path.read_text(encoding="utf-8")
                    self._read[name] = (str(path), json.loads(text))
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    raise GraphbuildError(f"{path}: cannot read word lists ({exc})") from exc
                self.texts[name] = text
            else:
                self._read[name] = (f"graphbuild/data/{name}", load_data(name))
        return self._read[name]

    def value(self, name: str, key: str) -> Any:
        where, data = self.get(name)
        if not isinstance(data, dict) or key not in data:
            raise GraphbuildError(f"{where}: no entry {key!r}")
        return data[key]

    def words(self, name: str, key: str, *, fold: bool = False) -> frozenset[str]:
        """The list ``key`` of file ``name``; ``fold``: lower-case without a final full stop."""
        values = self.words_in_order(name, key)
        return frozenset(v.lower().rstrip(".") for v in values) if fold else frozenset(values)

    def words_in_order(self, name: str, key: str) -> list[str]:
        """The list ``key`` of file ``name``, as written."""
        values = self.value(name, key)
        if not isinstance(values, (list, dict)) or not all(isinstance(v, str) for v in values):
            raise GraphbuildError(f"{self.get(name)[0]}: {key!r} must be a list of words")
        return list(values)

    def table(self, name: str, key: str) -> Mapping[str, Any]:
        value = self.value(name, key)
        if not isinstance(value, dict):
            raise GraphbuildError(f"{self.get(name)[0]}: {key!r} must be a table")
        return MappingProxyType(dict(value))


#: The word lists of each data file, as (file, fields read with ``fold``, plain fields).
_LISTS = {
    "mentions.json": (
        ("honorifics", "title_words", "org_words"),
        ("title_nouns", "portfolios", "official_heads", "group_heads", "bare_groups", "dissident_words",
         "agent_nouns", "member_nouns", "collective_nouns", "envoy_nouns", "government_nouns", "government_modifiers",
         "document_nouns",
         "body_nouns", "ministry_nouns", "force_nouns", "armed_words", "armed_names", "acronym_nouns",
         "naming_verbs", "platforms", "place_nouns", "place_name_first", "place_name_last",
         "compass_words", "locative_preps"),
    ),
    "modality.json": (
        (),
        ("negation_words", "negation_verbs", "planned_words", "proposed_words", "planned_modifiers",
         "proposed_modifiers", "future_auxiliaries", "hypothetical_auxiliaries", "conditional_auxiliaries",
         "demand_auxiliaries",
         "hypothetical_marks", "wish_verbs", "intent_verbs", "willing_words", "relief_actions",
         "negative_objects"),
    ),
    "arguments.json": ((), ("event_locative_preps", "topic_preps", "statement_topic_preps", "background_preps", "reason_nouns",
                            "carrier_nouns", "sanction_nouns", "arrival_verbs",
                            "forum_verbs")),
}
#: Every file a lexicon folder may hold.
_WORD_FILES = frozenset({*_LISTS, "event_types.json", "lexicon.json", "names.json", "gazetteer.json",
                         "news_agencies.json"})


#: Word lists and tables of one event type that are fields of the lexicon: field -> (type, key).
_TYPE_WORDS = {
    "reporting_verbs": ("statement", "reporting_verbs"), "addressee_verbs": ("statement", "addressee_verbs"),
    "quoting_verbs": ("statement", "quoting_verbs"),
    "unthreatening": ("statement", "unthreatening"),
    "holding_verbs": ("meeting", "holding_verbs"),
    "asking_verbs": ("appeal", "asking_verbs"),
    "object_words": ("agreement", "object_words"), "not_objects": ("agreement", "not_objects"),
    "actor_object": ("agreement", "actor_object"), "to_complement": ("agreement", "to_complement"),
    "not_agents": ("attack", "not_agents"), "not_targets": ("attack", "not_targets"),
    "contest_verbs": ("attack", "contest_verbs"), "competition_words": ("attack", "competition_words"),
    "casualty_verbs": ("attack", "casualty_verbs"), "violence_words": ("attack", "violence_words"),
    "dismissal_verbs": ("attack", "dismissal_verbs"), "aimed_nouns": ("attack", "aimed_nouns"),
    "crowd_nouns": ("protest", "crowd_nouns"), "strike_modifiers": ("protest", "strike_modifiers"),
    "occurrence_verbs": ("protest", "occurrence_verbs"),
}

def _event_types(files: _Files) -> EventTypes:
    """The package's event types with the trigger words of the folder's ``event_types.json``.

    The folder may change every word of a type's ``triggers`` but not the types themselves:
    the same types, each with the package's lists and rules (a new type is a change to the
    package: CONTRIBUTING.md, "Add an event type"), and name, CAMEO roots, arguments and
    colour as the package has them (or left out).
    """
    where, data = files.get("event_types.json")
    if "event_types.json" not in files.texts:
        return REGISTRY
    package = {t["name"]: t for t in load_data("event_types.json")["types"]}
    entries = data.get("types") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(t, dict) and isinstance(t.get("name"), str)
                                                for t in entries):
        raise GraphbuildError(f"{where}: 'types' must be a list of event types, each with its 'name'")
    known = ", ".join(package)
    types, seen = [], set()
    for entry in entries:
        name = entry["name"]
        if name not in package:
            raise GraphbuildError(f"{where}: {name!r} is not one of graphbuild's event types ({known}); "
                                  "a folder changes the words of the types, a new type is a change to the package")
        if name in seen:
            raise GraphbuildError(f"{where}: the event type {name!r} is listed twice")
        seen.add(name)
        own = package[name]
        for key, value in entry.items():
            if key not in ("name", "triggers") and value != own.get(key):
                raise GraphbuildError(f"{where}: the {key!r} of {name!r} differs from the package's; "
                                      "a folder changes only the type's 'triggers'")
        triggers = entry.get("triggers")
        if not isinstance(triggers, dict):
            raise GraphbuildError(f"{where}: the event type {name!r} has no 'triggers' table")
        _check_trigger_keys(where, name, triggers, own["triggers"])
        try:
            types.append(EventType.from_dict({**own, "triggers": triggers}))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise GraphbuildError(f"{where}: the triggers of {name!r} are malformed ({exc})") from exc
    missing = [n for n in package if n not in seen]
    if missing:
        raise GraphbuildError(f"{where}: the event type {missing[0]!r} is missing; a folder lists every "
                              f"type of the package ({known}) and changes only their words")
    order = list(package)
    return EventTypes(sorted(types, key=lambda t: order.index(t.name)))


def _check_trigger_keys(where: str, name: str, triggers: dict, own: dict) -> None:
    """A type's ``triggers`` in a folder hold the package's lists and rules, each of its kind."""
    for key in own:
        if key not in triggers:
            raise GraphbuildError(f"{where}: the triggers of {name!r} lack {key!r} (an empty one will do)")
    for key, value in triggers.items():
        if key not in own:
            raise GraphbuildError(f"{where}: {key!r} is no word list of the event type {name!r} "
                                  f"(it has {', '.join(own)})")
        if not isinstance(value, type(own[key])) or not all(isinstance(w, str) for w in value):
            kind = "a table of words" if isinstance(own[key], dict) else "a list of words"
            raise GraphbuildError(f"{where}: {key!r} of {name!r} must be {kind}")
        if key in ("verbs", "phrasal", "rules") and not all(isinstance(v, str) for v in value.values()):
            raise GraphbuildError(f"{where}: {key!r} of {name!r} must give each word a CAMEO code")
    if set(triggers.get("rules", {})) != set(own.get("rules", {})):
        raise GraphbuildError(f"{where}: the rules of {name!r} must be the package's "
                              f"({', '.join(own.get('rules', {})) or 'none'}); change only their codes")


def _codes_of(t: EventType) -> list[tuple[str, str]]:
    """(word, CAMEO code) of every code an event type's triggers give."""
    return [*t.verbs.items(), *((w, c) for w, (c, _) in t.nouns.items()), *t.phrasal.items(), *t.rules.items(),
            *((w, c) for table in t.tables.values() for w, c in table.items() if isinstance(c, str))]


def _trigger_tables(types: EventTypes, where: str) -> dict[str, Any]:
    """The trigger tables and the rules' word lists of ``types`` (read from ``where``)."""
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrasal: dict[tuple[str, str], Trigger] = {}
    rules: dict[str, tuple[str, str]] = {}
    for t in types.values():
        for word, code in _codes_of(t):
            if not is_code(code) or code[:2] not in t.cameo:
                raise GraphbuildError(f"{where}: the code {code!r} of {word!r} is no CAMEO code under the "
                                      f"roots of {t.name!r} ({', '.join(t.cameo)})")
        for kind, table, words, key in (("verb", verbs, t.verbs, str),
                                        ("phrasal verb", phrasal, t.phrasal, _pair)):
            clash = next((w for w in words if key(w) in table), None)
            if clash is not None:
                raise GraphbuildError(f"{where}: the {kind} {clash!r} is a trigger of both {table[key(clash)].type} "
                                      f"and {t.name}")
            table.update({key(w): Trigger(t.name, code, w) for w, code in words.items()})
        for k, (code, only_after) in t.nouns.items():
            try:
                nouns[k] = _merged(nouns.get(k), Trigger(t.name, code, k, only_after))
            except ValueError as exc:
                raise GraphbuildError(f"{where}: {exc}") from exc
        rules.update({rule: (t.name, code) for rule, code in t.rules.items()})
    words: dict[str, Any] = {}
    for field, (name, key) in _TYPE_WORDS.items():
        t = types[name]
        words[field] = t.tables[key] if key in t.tables else t.words[key]
    words["finite_only"] = types.words("finite_only")
    words["accusing_phrases"] = types.words("accusing_phrases")
    words["not_phrasal"] = MappingProxyType({n: t.word_list("not_phrasal") for n, t in types.items()
                                             if "not_phrasal" in t.words})
    words["not_attack_modifiers"] = types["attack"].word_list("not_after") | frozenset(words["strike_modifiers"])
    words["crowd_verbs"] = MappingProxyType({**types["protest"].table("crowd_verbs"), **types["protest"].verbs})
    return {
        "verbs": MappingProxyType(verbs), "nouns": MappingProxyType(nouns), "phrasal": MappingProxyType(phrasal),
        "phrasal_verbs": frozenset(v for v, _ in phrasal), "rules": MappingProxyType(rules), **words,
    }


def _pair(phrasal: str) -> tuple[str, str]:
    """"call on" -> ("call", "on")."""
    verb, particle = phrasal.split(" ", 1)
    return verb, particle


@lru_cache(maxsize=8)
def _load(data_dir: str | None) -> Lexicon:
    files = _Files(data_dir)
    lists: dict[str, Any] = {}
    for name, (folded, plain) in _LISTS.items():
        lists.update({k: files.words(name, k, fold=True) for k in folded})
        lists.update({k: files.words(name, k) for k in plain})
    intent = {w: "negative" for w in files.words("modality.json", "negative_actions")}
    intent.update({w: "positive" for w in files.words("modality.json", "cooperative_actions")})
    countries = files.table("gazetteer.json", "countries")
    by_name: dict[str, str] = {}
    for iso, c in countries.items():
        for alias in c["aliases"]:
            by_name.setdefault(alias.lower(), iso)
    return Lexicon(
        **_trigger_tables(_event_types(files), files.get("event_types.json")[0]),
        irregular=files.table("lexicon.json", "irregular"),
        light_verbs=files.words("lexicon.json", "light_verbs"),
        **lists,
        name_particles=files.words("names.json", "particles"),
        name_prefixes=tuple(files.words_in_order("names.json", "prefixes")),
        name_suffixes=files.words("names.json", "suffixes"),
        person_pronouns=files.table("mentions.json", "person_pronouns"),
        negation_particles=files.table("modality.json", "negation_particles"),
        intent_actions=MappingProxyType(intent),
        countries=countries,
        country_by_name=MappingProxyType(by_name),
        demonyms=files.table("gazetteer.json", "demonyms"),
        seats=files.table("gazetteer.json", "seats"),
        cities=files.table("gazetteer.json", "cities"),
        regions=files.words("gazetteer.json", "regions"),
        news_agencies=files.words("news_agencies.json", "wire_agencies"),
        data_dir=data_dir,
        files=tuple(sorted(files.texts.items())),
    )
