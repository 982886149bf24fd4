"""Merge per-document extractions into one: the same actor in many articles is one node.

Works on records only (no spaCy).  Actors merge when their labels agree after
normalisation, or when one's label is an alias of the other of the same type
("Kerry" in a short article whose only mention is the surname joins "John Kerry"
when the name is not ambiguous across the corpus).
"""
from __future__ import annotations

from typing import Iterable

from .names import is_initials, name_key, split_country, strip_name_prefix, surname
from .types import Actor, DocExtraction, Event, Extraction, Place

__all__ = ["resolve", "merge_into", "name_key"]



class _Merger:
    def __init__(self, extraction: Extraction) -> None:
        self.out = extraction
        self.actors: dict[str, Actor] = {a.id: a for a in extraction.actors}
        self.places: dict[str, Place] = {p.id: p for p in extraction.places}
        self.events: dict[str, Event] = {e.id: e for e in extraction.events}
        self.docs = {d["id"]: d for d in extraction.documents}
        self._index()

    def _index(self) -> None:
        self.actor_by_label = {(a.type, name_key(a.label)): a.id for a in self.actors.values()}
        self.actor_by_alias: dict[tuple[str, str], set[str]] = {}
        for a in self.actors.values():
            for n in a.aliases + [a.label]:
                self.actor_by_alias.setdefault((a.type, name_key(n)), set()).add(a.id)
        self.place_by_label = {name_key(p.label): p.id for p in self.places.values()}
        self.by_surname: dict[str, set[str]] = {}
        for a in self.actors.values():
            if a.type == "person":
                self.by_surname.setdefault(_surname(a.label), set()).add(a.id)

    def find_actor(self, a: Actor) -> str | None:
        hit = self.actor_by_label.get((a.type, name_key(a.label)))
        if hit:
            return hit
        # A partial name ("Kerry") joins a full one only if exactly one actor has that alias.
        for n in [a.label] + a.aliases:
            ids = self.actor_by_alias.get((a.type, name_key(n)), set())
            if len(ids) == 1:
                other = self.actors[next(iter(ids))]
                if a.type != "person" or _compatible(a.label, other.label):
                    return other.id
        if a.type == "person":
            # "Lavrov" and "Sergei Lavrov": one person when no other person has that surname.
            ids = {i for i in self.by_surname.get(_surname(a.label), set())
                   if _compatible(a.label, self.actors[i].label)}
            if len(ids) == 1:
                return next(iter(ids))
        return None

    def add_actor(self, a: Actor) -> str:
        hit = self.find_actor(a)
        if hit is None:
            new = Actor.from_dict(a.to_dict())
            new.id = self._free_id(new.id, self.actors)
            self.actors[new.id] = new
            self._index_actor(new)
            return new.id
        cur = self.actors[hit]
        if _fuller(a.label, cur.label):
            old_key = (cur.type, name_key(cur.label))
            self.actor_by_label.pop(old_key, None)
            cur.label = a.label
        cur.aliases = sorted(set(cur.aliases) | set(a.aliases))
        cur.mentions += a.mentions
        cur.docs = sorted(set(cur.docs) | set(a.docs))
        cur.title = cur.title or a.title
        cur.affiliation = cur.affiliation or a.affiliation
        self._index_actor(cur)
        return hit

    def _index_actor(self, a: Actor) -> None:
        self.actor_by_label[(a.type, name_key(a.label))] = a.id
        if a.type == "person":
            self.by_surname.setdefault(_surname(a.label), set()).add(a.id)
        for n in a.aliases + [a.label]:
            self.actor_by_alias.setdefault((a.type, name_key(n)), set()).add(a.id)

    def add_place(self, p: Place) -> str:
        hit = self.place_by_label.get(name_key(p.label))
        if hit is None:
            new = Place.from_dict(p.to_dict())
            new.id = self._free_id(new.id, self.places)
            self.places[new.id] = new
            self.place_by_label[name_key(new.label)] = new.id
            return new.id
        cur = self.places[hit]
        cur.aliases = sorted(set(cur.aliases) | set(p.aliases))
        cur.mentions += p.mentions
        cur.docs = sorted(set(cur.docs) | set(p.docs))
        return hit

    @staticmethod
    def _free_id(wanted: str, taken: dict) -> str:
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}-{n}" in taken:
            n += 1
        return f"{wanted}-{n}"

    def add(self, de: DocExtraction) -> None:
        self.docs[de.document.id] = de.document.meta()
        amap = {a.id: self.add_actor(a) for a in de.actors}
        pmap = {p.id: self.add_place(p) for p in de.places}
        for e in de.events:
            ev = Event.from_dict(e.to_dict())
            if ev.source_id:
                ev.source_id = amap.get(ev.source_id, ev.source_id)
                ev.source = self.actors[ev.source_id].label if ev.source_id in self.actors else ev.source
            ev.target_ids = [amap.get(t) or pmap.get(t) or t for t in ev.target_ids]
            ev.place_id = pmap.get(ev.place_id, ev.place_id) if ev.place_id else None
            self.events[ev.id] = ev

    def _absorb(self, src_id: str, dst_id: str) -> None:
        """Fold actor ``src_id`` into ``dst_id``: names, counts, documents and events."""
        src, dst = self.actors.pop(src_id), self.actors[dst_id]
        dst.aliases = sorted(set(dst.aliases) | set(src.aliases) | {src.label})
        dst.mentions += src.mentions
        dst.docs = sorted(set(dst.docs) | set(src.docs))
        dst.title = dst.title or src.title
        dst.affiliation = dst.affiliation or src.affiliation
        for ev in self.events.values():
            if ev.source_id == src_id:
                ev.source_id = dst_id
            ev.target_ids = [dst_id if t == src_id else t for t in ev.target_ids]

    def _vote_types(self) -> None:
        """Second look once every document is in, using what the whole corpus says.

        * a one-word "organization" that is the surname of exactly one person is
          that person (the model tags a bare "Lavrov" ORG when the article never
          gives the full name);
        * "U.S. State Department" and "State Department" are one organization;
        * a one-word organization that is an organization word ("Commission") is the
          only organization whose name ends with it ("European Commission"), if there is one.
        """
        from .lexicon import default_lexicon

        lex = default_lexicon()
        persons_by_surname: dict[str, list[Actor]] = {}
        for p in self.actors.values():
            if p.type == "person":
                persons_by_surname.setdefault(_surname(p.label), []).append(p)
        for a in sorted(self.actors.values(), key=lambda a: a.id):
            if a.type not in ("organization", "group") or a.id not in self.actors:
                continue
            words = a.label.split()
            if len(words) == 1 and a.label[:1].isupper() and not is_initials(a.label) \
                    and a.label.lower() not in lex.org_words:
                hits = persons_by_surname.get(_surname(a.label), [])
                if len(hits) == 1:
                    self._absorb(a.id, hits[0].id)
        org_words = {w.lower() for w in lex.org_words}
        for a in sorted(self.actors.values(), key=lambda a: a.id):
            if a.type != "organization" or a.id not in self.actors or len(a.label.split()) != 1 \
                    or a.label.lower() not in org_words:
                continue
            longer = [o for o in self.actors.values() if o.type == "organization" and o.id != a.id
                      and len(o.label.split()) > 1 and name_key(o.label).split()[-1] == name_key(a.label)]
            if len(longer) == 1:
                self._absorb(a.id, longer[0].id)
        cores: dict[str, list[Actor]] = {}
        for a in self.actors.values():
            if a.type == "organization":
                cores.setdefault(_org_core(a.label, lex), []).append(a)
        for group in cores.values():
            for same in _same_org_groups(group, lex):
                if len(same) < 2:
                    continue
                keep = max(same, key=lambda a: (len(a.label), a.mentions, a.id))
                for other in sorted(same, key=lambda a: a.id):
                    if other is not keep:
                        self._absorb(other.id, keep.id)

    def finish(self) -> Extraction:
        self._vote_types()
        labels = {**{p.id: p.label for p in self.places.values()}, **{a.id: a.label for a in self.actors.values()}}
        for ev in self.events.values():
            if ev.source_id in self.actors:
                ev.source = self.actors[ev.source_id].label
            ev.targets = [labels.get(t, t) for t in ev.target_ids]
            if ev.place_id in self.places:
                ev.place = self.places[ev.place_id].label
        self.out.actors = sorted(self.actors.values(), key=lambda a: a.id)
        self.out.places = sorted(self.places.values(), key=lambda p: p.id)
        self.out.events = sorted(self.events.values(), key=lambda e: (e.doc, e.start, e.id))
        self.out.documents = sorted(self.docs.values(), key=lambda d: d["id"])
        return self.out


def _org_core(label: str, lex) -> str:
    """An organization's name without a leading country ("U.S. State Department" -> "state department")."""
    return name_key(split_country(label, lex)[1])


def _same_org_groups(same: list[Actor], lex) -> list[list[Actor]]:
    """Split organizations sharing a core name into those that are one organization.

    "U.S. State Department" and "State Department" are one; "China Coast Guard" and
    "Philippine Coast Guard" are two, since their countries differ -- and then a bare
    "Coast Guard" could be either, so it joins neither.
    """
    by_iso: dict[str | None, list[Actor]] = {}
    for a in same:
        by_iso.setdefault(split_country(a.label, lex)[0], []).append(a)
    if len([iso for iso in by_iso if iso]) <= 1:
        return [same]
    return [g for iso, g in by_iso.items() if iso] + [[a] for a in by_iso.get(None, [])]


def _surname(name: str) -> str:
    """The surname key of a person's label ("Ferdinand Marcos Jr" -> "marcos")."""
    return surname(name_key(name).split())


def _compatible(a: str, b: str) -> bool:
    """Two person names can be one person: one is a part of the other."""
    x = [strip_name_prefix(w) for w in name_key(a).split()]
    y = [strip_name_prefix(w) for w in name_key(b).split()]
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in long for w in short)


def _fuller(new: str, cur: str) -> bool:
    return (len(new.split()), len(new)) > (len(cur.split()), len(cur))


def merge_into(extraction: Extraction, docs: Iterable[DocExtraction]) -> Extraction:
    """Add per-document results to ``extraction`` (which may already hold earlier documents)."""
    m = _Merger(extraction)
    for de in docs:
        m.add(de)
    return m.finish()


def resolve(docs: Iterable[DocExtraction]) -> Extraction:
    """Merge per-document extractions into one :class:`~graphbuild.types.Extraction`."""
    return merge_into(Extraction(), docs)
