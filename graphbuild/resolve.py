"""Merge per-document extractions into one: the same actor in many articles is one node.

Works on records only (no spaCy).  Actors merge when their labels agree after
normalisation, or when one's label is an alias of the other of the same type
("Kerry" in a short article whose only mention is the surname joins "John Kerry"
when the name is not ambiguous across the corpus).
"""
from __future__ import annotations

from typing import Iterable

from .codes import ActorCode, CodeBook, codebook_for, codes_conflict, name_tokens
from .lexicon import Lexicon, default_lexicon
from .names import is_initials, name_key, split_country, strip_name_prefix, surname
from .types import Actor, DocExtraction, Event, Extraction, Place

__all__ = ["resolve", "merge_into", "name_key", "can_merge"]



def can_merge(a: Actor, b: Actor) -> bool:
    """Whether two actors may be one: same type, and codes that do not say otherwise.

    "Australian police" (AUSCOP) and "Pakistani police" (PAKCOP) share the alias
    "Police" but are two actors; a company is never a person.
    """
    return a.type == b.type and not codes_conflict(ActorCode.of_actor(a), ActorCode.of_actor(b))


class _Merger:
    def __init__(self, extraction: Extraction, book: CodeBook, lexicon: Lexicon) -> None:
        self.book = book
        self.lex = lexicon
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
                self.by_surname.setdefault(_surname(a.label, self.lex), set()).add(a.id)

    def find_actor(self, a: Actor) -> str | None:
        hit = self.actor_by_label.get((a.type, name_key(a.label)))
        if hit and can_merge(a, self.actors[hit]):
            return hit
        # A partial name ("Kerry") joins a full one only if exactly one actor has that alias.
        for n in [a.label] + a.aliases:
            if self.book.is_generic(n):
                continue  # "Police" is everyone's alias: it tells no one apart
            ids = {i for i in self.actor_by_alias.get((a.type, name_key(n)), set()) if can_merge(a, self.actors[i])}
            if len(ids) == 1:
                other = self.actors[next(iter(ids))]
                if a.type != "person" or _compatible(a.label, other.label, self.lex):
                    return other.id
        if a.type == "person":
            # "Lavrov" and "Sergei Lavrov": one person when no other person has that surname.
            ids = {i for i in self.by_surname.get(_surname(a.label, self.lex), set())
                   if _compatible(a.label, self.actors[i].label, self.lex) and can_merge(a, self.actors[i])}
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
        _fold_codes(cur, a)
        self._index_actor(cur)
        return hit

    def _index_actor(self, a: Actor) -> None:
        self.actor_by_label[(a.type, name_key(a.label))] = a.id
        if a.type == "person":
            self.by_surname.setdefault(_surname(a.label, self.lex), set()).add(a.id)
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
        _fold_codes(dst, src)
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
        lex = self.lex
        persons_by_surname: dict[str, list[Actor]] = {}
        for p in self.actors.values():
            if p.type == "person":
                persons_by_surname.setdefault(_surname(p.label, self.lex), []).append(p)
        for a in sorted(self.actors.values(), key=lambda a: a.id):
            if a.type not in ("organization", "group") or a.id not in self.actors:
                continue
            words = a.label.split()
            if len(words) == 1 and a.label[:1].isupper() and not is_initials(a.label) \
                    and a.label.lower() not in lex.org_words and not a.code:  # a coded body is no one's surname
                hits = persons_by_surname.get(_surname(a.label, self.lex), [])
                if len(hits) == 1 and not codes_conflict(ActorCode.of_actor(a), ActorCode.of_actor(hits[0])):
                    self._absorb(a.id, hits[0].id)
        org_words = {w.lower() for w in lex.org_words}
        for a in sorted(self.actors.values(), key=lambda a: a.id):
            if a.type != "organization" or a.id not in self.actors or len(a.label.split()) != 1 \
                    or a.label.lower() not in org_words:
                continue
            longer = [o for o in self.actors.values() if o.type == "organization" and o.id != a.id
                      and len(o.label.split()) > 1 and name_key(o.label).split()[-1] == name_key(a.label)]
            if len(longer) == 1 and can_merge(a, longer[0]):
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
                    if other is not keep and not codes_conflict(ActorCode.of_actor(other), ActorCode.of_actor(keep)):
                        self._absorb(other.id, keep.id)
        self._one_government_per_state()
        self._one_spelling()

    def _one_spelling(self) -> None:
        """"al-Qaeda" and "Al Qaeda": names that differ only by hyphens are one actor of a type."""
        spelled: dict[tuple[str, str], list[Actor]] = {}
        for a in self.actors.values():
            spelled.setdefault((a.type, " ".join(name_key(a.label).replace("-", " ").split())), []).append(a)
        for same in spelled.values():
            if len(same) < 2:
                continue
            keep = max(same, key=lambda a: (a.mentions, len(a.docs), a.id))
            for other in sorted(same, key=lambda a: a.id):
                if other is not keep and can_merge(other, keep):
                    self._absorb(other.id, keep.id)

    def _one_government_per_state(self) -> None:
        """"Australian Government", "Federal Government", "Howard Government", "the Cabinet": one AUSGOV.

        A government variant is a body coded as a state's government whose name is a
        government word ("government", "cabinet", "administration") after words that
        only say which state: its name or demonym, "federal", "national", or the name of
        a person coded as that state's government ("Howard Government" when John Howard
        is AUSGOV).  A state's or province's government ("Queensland Government") is not.
        The variant with the state's name in it, else the most mentioned, stays.
        """
        book = self.book
        heads = book.rules.get("government_heads", frozenset())
        mods = book.rules.get("national_modifiers", frozenset())
        leaders: dict[str, set[str]] = {}
        for p in self.actors.values():
            if p.type == "person" and p.country and "GOV" in p.sectors:
                leaders.setdefault(_surname(p.label, self.lex), set()).add(p.country)
        variants: dict[str, list[tuple[bool, Actor]]] = {}
        for a in self.actors.values():
            if a.type not in ("organization", "group"):
                continue
            toks = [t for t in name_tokens(a.label) if t not in ("'", "’")]
            if len(toks) < 1 or toks[-1] not in heads or (a.sectors and list(a.sectors) != ["GOV"]):
                continue
            country, named = a.country, False
            for t in toks[:-1]:
                iso = book.country_words.get((t,))
                if iso and (country is None or iso == country):
                    country, named = iso, True
                elif t in mods:
                    continue
                elif len(leaders.get(t, ())) == 1 and (country is None or country in leaders[t]):
                    country = next(iter(leaders[t]))
                else:
                    country = None
                    break
            if country:
                variants.setdefault(country, []).append((named, a))
        for country, group in sorted(variants.items()):
            if len(group) < 2:
                continue
            keep = max(group, key=lambda x: (x[0], x[1].mentions, len(x[1].label), x[1].id))[1]
            keep.country, keep.sectors, keep.code = country, ["GOV"], f"{country}GOV"
            for _, other in sorted(group, key=lambda x: x[1].id):
                if other is not keep and other.id in self.actors:
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


def _fold_codes(into: Actor, other: Actor) -> None:
    """Keep what either record knows of affiliation and codes."""
    if not into.affiliation:
        into.affiliation, into.affiliation_evidence = other.affiliation, other.affiliation_evidence
    elif into.affiliation == other.affiliation and not into.affiliation_evidence:
        into.affiliation_evidence = other.affiliation_evidence
    # A code, or a code with a country where ours has none ("---GOV").
    if other.code and (not into.code or (not into.country and other.country and into.code.startswith("---"))):
        into.country, into.sectors, into.code = other.country, list(other.sectors), other.code


def _surname(name: str, lex: Lexicon) -> str:
    """The surname key of a person's label ("Ferdinand Marcos Jr" -> "marcos")."""
    return surname(name_key(name).split(), lex)


def _compatible(a: str, b: str, lex: Lexicon) -> bool:
    """Two person names can be one person: one is a part of the other."""
    x = [strip_name_prefix(w, lex) for w in name_key(a).split()]
    y = [strip_name_prefix(w, lex) for w in name_key(b).split()]
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in long for w in short)


def _fuller(new: str, cur: str) -> bool:
    return (len(new.split()), len(new)) > (len(cur.split()), len(cur))


def merge_into(extraction: Extraction, docs: Iterable[DocExtraction], *,
               codebook: CodeBook | None = None, lexicon: Lexicon | None = None) -> Extraction:
    """Add per-document results to ``extraction`` (which may already hold earlier documents).

    ``codebook`` (default :func:`graphbuild.codes.codebook_for` the lexicon) decides which
    actors may not merge and which government names are one government.  ``lexicon``
    (default :func:`graphbuild.lexicon.default_lexicon`) gives the countries and
    organization words the corpus-wide vote reads: pass the one the documents were
    extracted with.
    """
    lexicon = lexicon or default_lexicon()
    m = _Merger(extraction, codebook or codebook_for(lexicon), lexicon)
    for de in docs:
        m.add(de)
    return m.finish()


def resolve(docs: Iterable[DocExtraction], *, codebook: CodeBook | None = None,
            lexicon: Lexicon | None = None) -> Extraction:
    """Merge per-document extractions into one :class:`~graphbuild.types.Extraction` (see :func:`merge_into`)."""
    return merge_into(Extraction(), docs, codebook=codebook, lexicon=lexicon)
