"""The extraction stage's driver: one parsed document -> actors, places and events.

The steps run in this order (:func:`extract_document`); each reads what the steps
before it made and keeps what it finds in a record of its own:

1. :class:`~.mentions.Mentions` groups the entity spans into the document's actors
   and places (and the wire dateline's places); they are only read from then on;
2. :func:`iter_events` walks each sentence for triggers; the rules of :mod:`.triggers`
   run on each in the order :mod:`.rules` declares; the :class:`~.coreference.Resolver`
   they read their arguments with keeps the descriptions it resolved and the groups
   named by common nouns;
3. :func:`~.mentions.labelled` then labels the mentions' entities and those groups --
   after step 2, so that the groups the events named have one;
4. the found events become :class:`~graphbuild.types.Event` records with place, date
   and quote.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator, TYPE_CHECKING

from ..codes import STATE_SECTORS, CodeBook, code_actors, codebook_for
from ..dates import normalize_date, parse_doc_date
from ..lexicon import Lexicon, default_lexicon
from ..types import Actor, DocExtraction, Document, Event, Place
from .arguments import _date, _place
from .clauses import _children
from .coreference import Resolver
from .mentions import LocalEntity, Mentions, labelled
from .modality import _intent_to_meet, _is_reported_only
from .records import FoundEvent, ACTOR_TARGET_TYPES
from .rules import noun_event, verb_event

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")


def iter_events(m: Mentions, res: Resolver | None = None) -> Iterator[FoundEvent]:
    """Yield the events of a document, sentence by sentence.

    ``res`` resolves their arguments and keeps what coreference finds (a new
    :class:`~.coreference.Resolver` of ``m`` when None); ``m`` is only read.
    """
    if res is None:
        res = Resolver(m)
    for sent in m.doc.sents:
        found: list[FoundEvent] = []
        for tok in sent:
            f = verb_event(tok, res) if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" else None
            if f is None and tok.pos_ in ("NOUN", "PROPN") and res.actor_key(tok.i) is None and tok.i not in m.place_at:
                f = noun_event(tok, res)
            if f is not None:
                found.append(f)
        for f in found:
            if _is_reported_only(f, found):
                continue
            # "ready to meet": an intent to meet (036), not a meeting -- one trigger gives one event.
            f = _intent_to_meet(f, res.lex) or f
            yield f
            for key in f.co_sources:
                targets = f.targets[f.targets.index(key) + 1:] if key in f.targets else f.targets
                yield replace(f, source=[key], targets=targets, co_sources=())
        yield from _according_to(sent, res)


def _according_to(sent, res: Resolver) -> Iterator[FoundEvent]:
    """A statement for each "according to X" of the sentence, X its source."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(res.doc) and res.doc[tok.i + 1].lower_ == "to":
            to = res.doc[tok.i + 1]
            for o in _children(to, "pobj"):
                src = res.phrase(o, allow_groups=False)
                if src:
                    yield FoundEvent(*res.lex.rules["according to"], tok, src[:1], [], "occurred")


def _recent_place(events: list[Event], source_id: str, before: int, places: dict[str, Place]) -> str | None:
    """The place of the same actor's last meeting in the previous few sentences (a visit's venue)."""
    for ev in reversed(events[-12:]):
        if ev.type == "meeting" and ev.source_id == source_id and ev.place_id and before - ev.start < 600:
            for key, p in places.items():
                if p.id == ev.place_id:
                    return key
    return None


def _quote(sent_text: str, trigger_offset: int) -> str | None:
    """The quoted words of a statement, when the trigger itself is outside the quotes."""
    quotes = [(q.start(), q.end(), q.group(1)) for q in QUOTE_RE.finditer(sent_text)]
    for s, e, q in quotes:
        if s <= trigger_offset < e:
            return None
    if quotes:
        return max(quotes, key=lambda x: len(x[2]))[2].strip()
    return None


def _qualified(m: Mentions, ents: dict[str, LocalEntity], actor_at: dict[int, str], key: str, actor: Actor,
               book: CodeBook, doc_id: str) -> str | None:
    """A label for an actor named by a bare common noun ("Police", "Militants"), or None to drop it.

    * A state's body is that state's: "Police in Karachi say" gives "Pakistani police" (the
      country of its code, else of the places of its sentences);
    * anyone else is placed where its sentence is: "Militants attacked a bus in Kashmir"
      gives "Militants in Kashmir";
    * a party of an event named nowhere else keeps its word with the article's id
      ("Rebels (t.txt)"), so it never joins another article's rebels;
    * a capitalised word the model took for a name ("Group" of "the Group of eight") is no actor.

    ``ents`` and ``actor_at`` are the document's entities and actor tokens, coreference's included.
    """
    lex = m.lex
    sents = sorted({m.doc[i].sent.start for i, k in actor_at.items() if k == key})
    where: list[tuple[int, str]] = []
    for table in (m.place_at, actor_at):
        for i, k in table.items():
            e = ents.get(k)
            if e is not None and k != key and m.doc[i].sent.start in sents and (e.kind == "place" or e.type == "state"):
                where.append((i, k))
    where.sort()
    national = bool(set(actor.sectors) & STATE_SECTORS)
    if national:
        country = actor.country
        if not country:
            # where it is ("Police in Karachi"), not whom its sentence names: the state that
            # "is ready to meet the opposition" is not the opposition's
            isos = {ents[k].iso or (lex.city(ents[k].label) or {}).get("country")
                    for _, k in where if ents[k].kind == "place"} - {None}
            states = {book.country_of(lex.country_label(i)) for i in isos if i in lex.countries} - {None}
            country = states.pop() if len(states) == 1 else None
        if country:
            actor.country = country
            actor.code = country + "".join(actor.sectors)
            return book.national_label(actor.label, country)
    if not (national or key.startswith("group:")):
        return None  # a capitalised common noun the model took for a name ("the Group of eight")
    places = [ents[k].label for _, k in where if ents[k].kind == "place"]
    if places:
        return f"{actor.label} in {places[0]}"
    return f"{actor.label} ({doc_id})" if key.startswith("group:") else None


def _affiliation_evidence(m: Mentions, actor_at: dict[int, str], key: str, aff: str, doc_id: str,
                          offset: int) -> dict | None:
    """The first sentence that names both an actor and its affiliation ("U.S. Secretary of State John Kerry").

    ``actor_at`` holds the document's actor tokens, coreference's included.
    """
    def sentences(k: str) -> dict[int, object]:
        out = {}
        for table in (actor_at, m.place_at):
            for i, v in table.items():
                if v == k:
                    sent = m.doc[i].sent
                    out.setdefault(sent.start, sent)
        return out

    mine, theirs = sentences(key), sentences(aff)
    both = sorted(set(mine) & set(theirs))
    if not both:
        return None
    sent = mine[both[0]]
    return {"doc": doc_id, "sentence": sent.text.strip(), "start": sent.start_char + offset,
            "end": sent.end_char + offset}


def _entities(m: Mentions, res: Resolver, named: set[str | None]) -> dict[str, LocalEntity]:
    """Every entity of the document, labelled (:func:`~.mentions.labelled`), key -> entity.

    The mentions' entities, then the groups coreference named, in the order first named;
    then any state of ``named`` (the keys the events and the home state use) that the
    text names only through a country's name or demonym (:meth:`~.mentions.Mentions.entity`).
    """
    ents = labelled([*m.entities.values(), *res.groups.values()])
    for key in sorted(k for k in named if k and k not in ents):
        ent = res.entity(key)
        if ent is not None:
            ents[key] = ent
    return ents


# ---------------------------------------------------------------------------
# The stage's entry point
# ---------------------------------------------------------------------------
def extract_document(doc: "Doc", document: Document, *, lexicon: Lexicon | None = None,
                     codebook: CodeBook | None = None, offset: int = 0) -> DocExtraction:
    """Actors, places and events of one parsed document.

    ``offset`` is added to every character offset (for a long text parsed in
    pieces).  The result still uses per-document actor labels; :mod:`graphbuild.resolve`
    merges actors across documents.
    """
    lex = lexicon or default_lexicon()
    m = Mentions(doc, lex)
    if document.dateline and offset == 0:  # the dateline opened the first piece of the text
        m.add_dateline(document.dateline)
    book = codebook or codebook_for(lex)
    m.settle(book)
    res = Resolver(m)
    found = list(iter_events(m, res))
    acting = {k for f in found for k in (*f.source, *f.targets)}
    home = m.home_state()
    ents = _entities(m, res, acting | {home})
    actor_at = {**m.actor_at, **res.links}
    ref = parse_doc_date(document.date)

    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}

    def actor_for(key: str) -> Actor:
        e = ents[key]
        if key not in actors:
            actors[key] = Actor(label=e.label, type=e.type, aliases=sorted(e.names), mentions=max(e.mentions, 1),
                                title=e.title, docs=[document.id])
        return actors[key]

    def place_for(key: str) -> Place:
        e = ents[key]
        if key not in places:
            city = lex.city(e.label) or {}
            country = lex.country_label(city["country"]) if city.get("country") in lex.countries else (
                e.label if e.iso else None)
            places[key] = Place(label=e.label, aliases=sorted(e.names), mentions=max(e.mentions, 1),
                                country=country, lat=city.get("lat"), lon=city.get("lon"), docs=[document.id])
        return places[key]

    # A group named by a common noun ("the contact group", "government forces") is an actor only
    # when it acts in an event; named entities are actors whether or not they act.
    for key, e in sorted(ents.items()):
        if not e.label:
            continue
        if key.startswith("group:") and key not in acting:
            continue
        if e.kind == "actor" and e.mentions:
            actor_for(key)
        elif e.kind == "place" and e.mentions:
            place_for(key)
    for key, a in list(actors.items()):
        aff = ents[key].affiliation
        if aff and aff in ents and aff != key and ents[aff].label:
            a.affiliation = actor_for(aff).label
            a.affiliation_evidence = _affiliation_evidence(m, actor_at, key, aff, document.id, offset)
    code_actors(list(actors.values()), book, date=ref,
                home=ents[home].label if home in ents else None)
    # No actor is named by a bare common noun (see _qualified).
    dropped = set()
    for key, a in list(actors.items()):
        if not book.is_generic(a.label):
            continue
        label = _qualified(m, ents, actor_at, key, a, book, document.id)
        if label is None:
            dropped.add(key)
            del actors[key]
        else:
            a.label = label
            a.id = Actor(label=a.label, type=a.type).id
    for a in actors.values():
        if a.affiliation and any(ents[k].label == a.affiliation for k in dropped):
            a.affiliation, a.affiliation_evidence = None, None

    events: list[Event] = []
    seen: set[tuple] = set()
    for f in found:
        sent = f.trigger.sent
        src_key = f.source[0] if f.source and f.source[0] not in dropped else None
        tgt_keys = [k for k in f.targets if k in ents and ents[k].label and k not in dropped]
        src = actor_for(src_key) if src_key and ents.get(src_key) and ents[src_key].kind == "actor" else None
        if src_key and src is None:
            continue
        if f.type in ACTOR_TARGET_TYPES:
            tgt_keys = [k for k in tgt_keys if ents[k].kind == "actor"]
        tgt = [actor_for(k) if ents[k].kind == "actor" else place_for(k) for k in tgt_keys]
        place_key = _place(f.trigger, m, sent)
        if place_key is None and f.type == "meeting" and src is not None:
            place_key = _recent_place(events, src.id, sent.start_char + offset, places)
        place = place_for(place_key) if place_key else None
        date_span = _date(f.trigger, m)
        date_text = date_span.text if date_span is not None else None
        date = None
        if date_text:
            date = normalize_date(date_text, ref, future=f.status == "planned") or date_text
        quote = _quote(sent.text, f.trigger.idx - sent.start_char) if f.type == "statement" else None
        # "talks with A and B" are talks with A and talks with B: A and B need not have met.
        groups = [[t] for t in tgt] if f.type == "meeting" and src and len(tgt) > 1 else [tgt]
        for group in groups:
            sig = (f.type, src.id if src else "", tuple(sorted(t.id for t in group)), sent.start, f.status)
            if sig in seen:
                continue
            seen.add(sig)
            events.append(Event(
                type=f.type, source=src.label if src else "", targets=[t.label for t in group],
                place=place.label if place else None, date=date, date_text=date_text, status=f.status,
                trigger=f.trigger.text, cameo=f.cameo, quote=quote, sentence=sent.text.strip(),
                doc=document.id, start=sent.start_char + offset, end=sent.end_char + offset,
                source_id=src.id if src else "", target_ids=[t.id for t in group],
                place_id=place.id if place else None,
            ))
    # Parties first met in the events above (a state named only through its city) get codes too.
    code_actors(list(actors.values()), book, date=ref, home=ents[home].label if home in ents else None)
    return DocExtraction(
        document=document,
        actors=sorted(actors.values(), key=lambda a: a.id),
        places=sorted(places.values(), key=lambda p: p.id),
        events=events,
    )
