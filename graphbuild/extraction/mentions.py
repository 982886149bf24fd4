"""Entity mentions of one parsed document, grouped into its actors and places.

:class:`Mentions` turns the model's entity spans into the document's actors and
places: surname -> full name, acronym -> expansion (also "Name (ACR)" and "known by
its initials ACR"), a capital acting -> its state, a demonym qualifying an agent -> its
state, "China's foreign ministry" -> an organization of China, "Sudan's army" -> a force of
Sudan, "the president's office" -> an organization, "known as Hemedti" -> the person,
"the Chinese name for the shoal" -> the place; titles are stripped from names and kept,
affiliations recorded.  Word lists come from :mod:`graphbuild.lexicon`.

A :class:`Mentions` is built once (with :meth:`~Mentions.add_dateline` and
:meth:`~Mentions.settle`) and then only read: the later stages look tokens up with
:attr:`~Mentions.actor_at`, :attr:`~Mentions.place_at`, :meth:`~Mentions.key_of` and
:meth:`~Mentions.entity`, resolve "the tribunal" and "the government" with
:meth:`~Mentions.org_ending_with`, :meth:`~Mentions.state_force` and
:meth:`~Mentions.home_state`, and keep what they find in records of their own.  Labels
are chosen last, by :func:`labelled`, over these entities and the groups that
coreference named.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Mapping

from ..codes import is_armed_group
from ..lexicon import Lexicon
from ..names import clean_name, initials, is_acronym, is_initials, is_shouted, split_country, surname
from ..nlp import tokens_in
from ..types import Dateline, slugify

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..codes import CodeBook

__all__ = ["Mentions", "LocalEntity", "SUBJECT_DEPS", "labelled", "label_of", "state_key"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

STATE_PREFIX = "state:"


def state_key(iso: str) -> str:
    """The entity key of the state with ISO code ``iso``."""
    return STATE_PREFIX + iso


# ---------------------------------------------------------------------------
# Entities of one document
# ---------------------------------------------------------------------------
@dataclass
class LocalEntity:
    """An actor or place of one document, before merging across documents."""

    key: str
    kind: str  # "actor" | "place"
    type: str  # person / organization / state / group / place
    names: Counter = field(default_factory=Counter)
    label: str = ""
    title: str | None = None
    affiliation: str | None = None  # key of another LocalEntity
    iso: str | None = None
    mentions: int = 0
    first: int = 10**9  # token index of the first mention

    def add(self, name: str, at: int) -> None:
        name = clean_name(name)
        if name:
            self.names[name] += 1
        self.mentions += 1
        self.first = min(self.first, at)


def _nickname_of(span, lex: Lexicon):
    """The person token that "known as <span>" / "called <span>" follows ("Dagalo, widely known as Hemedti")."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if verb.lower_ not in lex.naming_verbs or verb.i == root.i or verb.dep_ != "acl":
        return None  # a reduced relative only: "Kerry, who called Lavrov" names no one
    named = verb.head
    return named if named.ent_type_ == "PERSON" and named.i < verb.i else None


def _is_platform(span, lex: Lexicon) -> bool:
    """A social network a statement is posted on ("in a post on Twitter"): the medium, not an actor."""
    root = span.root
    return span.text.strip() in lex.platforms and root.dep_ == "pobj" and root.head.lower_ in ("on", "via")


class Mentions:
    """Entity mentions of one Doc, grouped into local actors and places.

    ``actor_at[i]`` / ``place_at[i]`` give the entity key for token ``i`` when
    that token is inside a mention used in that role; ``entities`` maps each key to its
    entity.  Built once, then only read (see the module's docstring).
    """

    def __init__(self, doc: "Doc", lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.entities: dict[str, LocalEntity] = {}
        self.actor_at: dict[int, str] = {}
        self.place_at: dict[int, str] = {}
        self._persons_by_surname: dict[str, list[str]] = {}
        self._build()

    # -- creation helpers -------------------------------------------------
    def _entity(self, key: str, kind: str, type_: str, **kw) -> LocalEntity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = LocalEntity(key=key, kind=kind, type=type_, **kw)
        return ent

    def _state(self, iso: str) -> LocalEntity:
        """The entity of the state ``iso`` (made on first use; see :meth:`entity`)."""
        ent = self.entities.get(state_key(iso))
        if ent is None:
            ent = self.entities[state_key(iso)] = self.entity(state_key(iso))
        return ent

    def _place(self, name: str) -> LocalEntity:
        """The place entity called ``name`` (a country's place is keyed by its label)."""
        name = clean_name(name)
        iso = self.lex.country(name)
        if not iso and is_shouted(name):
            name = name.title()  # a dateline's "LA PAZ" is La Paz
        label = self.lex.country_label(iso) if iso else name
        return self._entity(f"place:{slugify(label)}", "place", "place", label=label, iso=iso)

    def add_dateline(self, dateline: Dateline) -> None:
        """Make the places of the document's wire dateline places of the document.

        The dateline ("NUSA DUA, Indonesia, Nov 14 (Reuters) -") was taken out
        of the text, but it names where the news was filed.  Its city is a
        place; its region only when the gazetteer knows it ("Indonesia", not a
        postal "Ill.").  The dateline also settles what the model misread: a
        person or organization known only by the city's name ("in Nusa Dua"
        tagged as a person) becomes that place; "George Washington" stays.
        A city named like an organization ("UNITED NATIONS", filed from the
        UN's headquarters) is left to the organization.
        """
        names = list(dateline.places)
        if dateline.region and self.lex.is_place_name(dateline.region):
            names.append(dateline.region)
        for name in names:
            if self.lex.is_news_agency(name) or any(
                w.lower().rstrip(".") in self.lex.org_words for w in name.split()
            ):
                continue
            place = self._place(name)
            key = name.casefold()
            for ent in list(self.entities.values()):
                if ent.type in ("person", "organization") and {n.casefold() for n in ent.names} == {key}:
                    self._actor_to_place(ent, place)
            place.add(name, 0)

    def _actor_to_place(self, actor: LocalEntity, place: LocalEntity) -> None:
        """Turn an actor the model misread into ``place``: its names, mentions and tokens."""
        place.names.update(actor.names)
        place.mentions += actor.mentions
        place.first = min(place.first, actor.first)
        for i, k in self.actor_at.items():
            if k == actor.key:
                self.place_at[i] = place.key
        self._drop(actor)

    def _named(self, span, ent: LocalEntity, role: str, name: str) -> None:
        """``span`` names ``ent`` as ``name``: one mention more, and its tokens stand for it as an actor or a place."""
        ent.add(name, span.start)
        key = ent.key
        table = self.actor_at if role == "actor" else self.place_at
        for t in span:
            table[t.i] = key

    # -- the grouping ------------------------------------------------------
    def _build(self) -> None:
        """Group the entity spans: persons first (full names before surnames), then the others, then the rules over common nouns, the acronym links, and titles and affiliations last."""
        doc = self.doc
        # doc.ents rebuilds every span on each access: read it once (it is quadratic otherwise).
        self.ents = list(doc.ents)
        self.ent_at = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.dates: dict[int, list] = {}  # sentence start -> DATE spans in it
        for e in self.ents:
            if e.label_ == "DATE":
                self.dates.setdefault(e.sent.start, []).append(e)
        self._surnames: set[str] | None = None
        spans = [e for e in self.ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")]
        spans = [e for e in spans if not self._is_news_agency(e, spans) and not _is_platform(e, self.lex)]
        label = {id(e): self._effective_label(e) for e in spans}
        persons = [s for s in spans if label[id(s)] == "PERSON"
                   or (label[id(s)] == "ORG" and self._org_is_person(s, spans))]
        person_ids = {id(s) for s in persons}
        # Full names first, so that a later "Kerry" finds "John Kerry" whatever the order.
        for s in sorted(persons, key=lambda s: (-len(self._name_tokens(s)), s.start)):
            self._add_person(s)
        for s in spans:
            if id(s) in person_ids:
                continue
            if label[id(s)] == "NORP":
                self._add_norp(s)
            elif label[id(s)] in ("GPE", "LOC", "FAC"):
                self._add_gpe(s)
            elif s.label_ == "ORG":
                self._add_org(s)
        self._add_ministries()
        self._add_state_forces()
        self._add_offices()
        self._link_defined_acronyms()
        self._link_acronyms()
        self._link_short_names()
        self._link_other_names()
        # Titles and affiliations last: they point at states and organizations found above.
        for s in persons:
            key = self.actor_at.get(s.root.i)
            if key in self.entities:
                self._title_and_affiliation(s, self.entities[key])

    def _is_news_agency(self, span, spans) -> bool:
        """A wire agency ("(Reuters)", "told AFP", "the Associated Press reported").

        The agency is the medium that reports the news, not an actor in it, so
        its mentions make no entity (and no event source).  A name that is also
        the surname of a person in the text ("Bloomberg" after "Michael
        Bloomberg") is that person.
        """
        name = clean_name(span.text)
        if not self.lex.is_news_agency(name):
            return False
        return not any(len(s) > 1 and s.label_ == "PERSON" and s[-1].text == name for s in spans)

    def _person_surnames(self, spans) -> set[str]:
        """Surnames of the model's PERSON spans (computed once per document)."""
        if getattr(self, "_surnames", None) is None:
            self._surnames = {surname([t.text for t in s], self.lex) for s in spans if s.label_ == "PERSON"}
        return self._surnames

    def _effective_label(self, span) -> str:
        """The model's label, corrected where the context says otherwise."""
        text = span.text.strip()
        if span.label_ in ("GPE", "LOC") and not self.lex.country(text) and self.lex.demonym(text):
            return "NORP"  # "Ukrainian" tagged as a place
        root = span.root
        if span.label_ != "PERSON" and _nickname_of(span, self.lex) is not None and not self.lex.is_place_name(text):
            return "PERSON"  # "Dagalo, widely known as Hemedti": another name of the person
        if span.label_ == "PERSON" and len(span) == 1:
            # "near the village of Dzerkalne", "the town, Dzerkalne": a place named like a person.
            head = root.head
            if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in self.lex.place_nouns:
                return "GPE"
            if root.dep_ == "appos" and head.lower_ in self.lex.place_nouns:
                return "GPE"
        return span.label_

    def _name_tokens(self, span) -> list[str]:
        """The words of a personal name, titles dropped ("General Sergei Kuralenko" -> 2 words)."""
        start = span.start
        while start < span.end - 1 and span.doc[start].text.lower().rstrip(".") in self.lex.honorifics | self.lex.title_words:
            start += 1
        return span.doc[start:span.end].text.split()

    def _org_is_person(self, span, spans) -> bool:
        """An ORG span that is really a person ("Staffan de Mistura", "Lavrov")."""
        words = [t.text for t in span]
        if any(w.lower().rstrip(".") in self.lex.org_words for w in words) or len(words) > 4:
            return False
        if not all(w[:1].isupper() or w.lower() in self.lex.name_particles for w in words):
            return False
        if surname(words, self.lex) in self._person_surnames(spans):
            return True
        if any(w.lower() in self.lex.name_particles for w in words[:-1]) and len(words) >= 2:
            return True
        if is_initials(span.text):
            return False  # an acronym
        root = span.root
        linked = [root.head] if root.dep_ in ("conj", "appos") else []
        linked += [c for c in root.children if c.dep_ in ("conj",)]
        if len(words) <= 3 and any(t.ent_type_ == "PERSON" for t in linked):
            return True  # "Kerry and Lavrov": a name coordinated with a person's
        if any(c.dep_ == "appos" and c.lower_ in self.lex.title_nouns for c in root.children):
            return True
        return root.dep_ == "appos" and root.head.lower_ in self.lex.title_nouns

    def _add_person(self, span) -> None:
        toks = self._name_tokens(span)
        key = surname(toks, self.lex)
        candidates = self._persons_by_surname.get(key, [])
        chosen = None
        named = _nickname_of(span, self.lex)
        if named is not None and self.actor_at.get(named.i) in self.entities:
            # "Dagalo, widely known as Hemedti": the name is the person's, whatever its form.
            chosen = self.entities[self.actor_at[named.i]]
        elif len(toks) > 1 and toks[0].lower() not in self.lex.name_particles:
            first = toks[0].lower()
            for c in candidates:
                ent = self.entities[c]
                full = max(ent.names, key=len).split()
                if len(full) == 1 or full[0].lower() == first:
                    chosen = ent
                    break
        elif candidates:
            # Bare surname: the most recently introduced person of that name.
            chosen = max((self.entities[c] for c in candidates if self.entities[c].first <= span.start),
                         key=lambda e: e.first, default=self.entities[candidates[0]])
        else:
            # A name written family name first: "Xi" is "Xi Jinping" when no one else is called Xi.
            firsts = {e.key for keys in self._persons_by_surname.values() for e in map(self.entities.get, keys)
                      if e and any(len(n.split()) > 1 and n.split()[0].lower() == toks[0].lower() for n in e.names)}
            if len(firsts) == 1:
                chosen = self.entities[firsts.pop()]
        if chosen is None:
            chosen = self._entity(f"person:{slugify(' '.join(toks))}", "actor", "person")
            self._persons_by_surname.setdefault(key, []).append(chosen.key)
        self._named(span, chosen, "actor", " ".join(toks) if len(toks) > 1 else toks[0])

    def _add_org(self, span) -> None:
        lex = self.lex
        name = clean_name(span.text)
        words = name.split()
        if self._org_is_place(span, words):
            ent = self._place(name)
            self._named(span, ent, "place", name)
            return
        if lex.country(name):
            return self._add_gpe(span)
        # "U.S. State Department" and "State Department" are one organization; "China Coast
        # Guard" and "Philippine Coast Guard" are two: a different country makes another one.
        iso, core = split_country(name, lex)
        key = f"org:{slugify(core)}"
        if iso and key in self.entities and any(
                split_country(n, lex)[0] not in (None, iso) for n in self.entities[key].names):
            key = f"org:{slugify(name)}"
        armed = any(w.lower() in lex.armed_words for w in words) or name.lower() in lex.armed_names
        type_ = "group" if armed else "organization"
        ent = self._entity(key, "actor", type_)
        self._named(span, ent, "actor", name)

    def _org_is_place(self, span, words) -> bool:
        if any(w.lower().rstrip(".") in self.lex.org_words for w in words):
            return False
        root = span.root
        near = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        if any(t.lower_ in self.lex.place_nouns for t in near):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and (
                self.lex.is_place_name(span.text) or (len(words) == 1 and words[0].istitle())):
            # "talks in Ohrid": where something happens, not who acts (an acronym, "in NATO", stays).
            return True
        if len(words) == 1 and words[0].istitle() and any(
                e.label_ in ("GPE", "LOC", "FAC") and len(e) > 1 and any(t.text == words[0] for t in e)
                for e in self.ents):
            return True  # "from Ohrid" with "Lake Ohrid" in the text: the place's name
        return words[0].lower() in self.lex.compass_words and len(words) == 2 and not self.lex.demonym(words[1])

    def _add_gpe(self, span) -> None:
        lex = self.lex
        name = clean_name(span.text)
        iso = lex.country(name)
        role = self._gpe_role(span)
        if role == "actor":
            seat = iso or lex.seat(name)
            if seat:
                ent = self._state(seat)
                self._named(span, ent, "actor", name)
                return
        if role == "modifier" and iso:
            ent = self._state(iso)
            self._named(span, ent, "actor", name)
            return
        ent = self._place(name)
        self._named(span, ent, "place", name)
        if iso:  # a country named as a location is also the state, for "talks with Russia" etc.
            self.actor_at.update({t.i: self._state(iso).key for t in span if t.i not in self.actor_at})
            self._state(iso)

    def _gpe_role(self, span) -> str:
        """"actor" (Moscow claimed), "place" (in Moscow) or "modifier" (U.S. Secretary)."""
        root = span.root
        dep, head = root.dep_, root.head
        if dep in ("pobj",) and head.lower_ in self.lex.locative_preps and head.lower_ not in ("with", "by", "between"):
            if head.lower_ == "of" and head.head.lower_ not in self.lex.place_nouns:
                return "actor" if head.head.lower_ in ("cooperation", "support", "position") else "place"
            return "place"
        if dep in ("compound", "nmod", "amod") and head.lower_ in self.lex.place_nouns:
            return "place"
        if dep == "appos" and head.lower_ in self.lex.place_nouns:
            return "place"
        if dep in SUBJECT_DEPS or dep in ("poss", "agent", "dobj", "dative"):
            return "actor"
        if dep == "pobj" and head.lower_ in ("with", "by", "between", "against"):
            return "actor"
        if dep in ("compound", "nmod", "amod"):
            return "modifier"
        if dep in ("conj", "appos"):
            first = root
            while first.dep_ in ("conj", "appos") and first.head.i != first.i:
                first = first.head
            if first.i != root.i:
                return "place" if first.i in self.place_at else "actor" if first.i in self.actor_at else "place"
        return "place"

    def _add_norp(self, span) -> None:
        iso = self.lex.demonym(span.text.strip())
        if not iso:
            return
        root = span.root
        # "the Russians" as a noun phrase is the state; "Russian" as an adjective is affiliation.
        if root.tag_ in ("NNPS", "NNS") or span.text.strip().endswith("s") or root.dep_ in SUBJECT_DEPS | {"pobj", "dobj"}:
            ent = self._state(iso)
            self._named(span, ent, "actor", span.text)
        elif self._demonym_names_agent(root):
            if root.i not in self.actor_at:
                # An adjective ("Belarusian President ...") is a mention of the state too.
                self._state(iso).add(span.text, span.start)
                self.actor_at[root.i] = self._state(iso).key

    def _demonym_names_agent(self, root) -> bool:
        """An adjective demonym speaks of the state only when it qualifies someone who can act.

        "Belarusian President ...", "Russian officials", "Chinese carmakers" mention the
        state; "its Spanish acronym", "the Syrian border", "a Ukrainian port city" do not.
        """
        head = root.head
        if head.i == root.i:
            return False
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            # "Russian foreign ministry spokeswoman": the phrase's last common noun decides
            # ("its Spanish acronym MUD" stops at "acronym").
            head = head.head
        low = head.lower_
        lex = self.lex
        if low in lex.acronym_nouns or any(c.lower_ in lex.acronym_nouns for c in head.children):
            return False  # "its Spanish acronym FARC": the language of the name
        if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG") or head.i in self.actor_at:
            return True
        return low in lex.title_nouns or low in lex.official_heads or low in lex.group_heads \
            or low.rstrip("s") in lex.title_nouns or low in lex.agent_nouns

    def _link_acronyms(self) -> None:
        """"UN" and "United Nations" are one organization.

        Failing a whole name, an acronym of a name's leading words joins it when the
        rest are organization words ("AU" and "African Union Commission": the article
        calls the body by both) and only one organization fits.
        """
        orgs = [e for e in self.entities.values() if e.type in ("organization", "group")]
        org_words = {w.lower() for w in self.lex.org_words}
        for short in orgs:
            for name in list(short.names):
                letters = name.replace(".", "")
                if not (is_initials(name) and 2 <= len(letters) <= 6) or short.key not in self.entities:
                    continue
                leading = set()
                for long in orgs:
                    if long is short or long.key not in self.entities:
                        continue
                    for ln in list(long.names):
                        words = [w for w in ln.split() if w[0].isupper()]
                        spelt = initials(ln)
                        if spelt == letters:
                            self._merge(short, long)
                            break
                        if spelt.startswith(letters) and len(letters) >= 2 \
                                and all(w.lower() in org_words for w in words[len(letters):]):
                            leading.add(long.key)
                    if short.key not in self.entities:
                        break
                if short.key in self.entities and len(leading) == 1:
                    self._merge(short, self.entities[leading.pop()])

    def _add_ministries(self) -> None:
        """"China's foreign ministry", "the Russian defence ministry": an organization of that state.

        The model rarely tags a lower-case ministry; without this rule "China's foreign
        ministry said" is the state China speaking.  The ministry needs an owning state
        (a possessive or a demonym) and a lower-case word saying what it does; the
        state becomes its affiliation.  "Chinese foreign ministry" and "China's foreign
        ministry" are one organization.
        """
        doc, lex = self.doc, self.lex
        for tok in tokens_in(doc, lex.ministry_nouns):
            if tok.lower_ not in lex.ministry_nouns or not tok.is_lower or tok.i in self.actor_at:
                continue
            lefts = list(tok.lefts)
            mods = [c for c in lefts if c.dep_ in ("compound", "amod") and c.is_lower and c.is_alpha]
            owners = [c for c in lefts if c.dep_ in ("poss", "amod", "compound", "nmod") and not c.is_lower]
            if not mods or len(owners) != 1:
                continue
            owner = owners[0]
            key = self.actor_at.get(owner.i) or self._entity_key_for(owner)
            if not key or key not in self.entities or self.entities[key].type != "state":
                continue
            start = min(t.i for t in owner.subtree if t.i < tok.i)
            if any(t.i not in self.actor_at and not t.is_lower and t.i != owner.i and t.lower_ not in ("'s", "’s")
                   for t in doc[start:tok.i]):
                continue
            what = " ".join(c.lower_ for c in sorted(mods, key=lambda c: c.i))
            ent = self._entity(f"org:{slugify(self.entities[key].label + ' ' + what + ' ' + tok.lower_)}",
                               "actor", "organization")
            ent.add(doc[start:tok.i + 1].text, start)
            ent.affiliation = ent.affiliation or key
            for t in [*mods, tok]:
                self.actor_at[t.i] = ent.key

    def _add_state_forces(self) -> None:
        """"Sudan's army", "Russia's military": an organization of that state.

        Only the possessive: the golds make "Syrian forces" or "the Ukrainian army" the
        state itself, but "Sudan's army accused the RSF" names the army as an actor of
        its own (the state's other voices are its government).  The state becomes its
        affiliation.
        """
        doc = self.doc
        self._forces: set[str] = set()
        for tok in tokens_in(doc, self.lex.force_nouns):
            if tok.lower_ not in self.lex.force_nouns or not tok.is_lower or tok.i in self.actor_at:
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"
                      and any(x.lower_ in ("'s", "’s") for x in c.children)]
            if len(owners) != 1 or any(c.dep_ in ("amod", "compound") for c in tok.children):
                continue
            key = self.actor_at.get(owners[0].i)
            if key not in self.entities or self.entities[key].type != "state":
                continue
            start = min(t.i for t in owners[0].subtree)
            ent = self._entity(f"org:{slugify(self.entities[key].label + ' ' + tok.lower_)}", "actor", "organization")
            ent.add(doc[start:tok.i + 1].text, start)
            ent.affiliation = ent.affiliation or key
            self.actor_at[tok.i] = ent.key
            self._forces.add(ent.key)

    def _add_offices(self) -> None:
        """"The president's office said": the office of a titled post is an organization.

        The office speaks for the post, not for a person: "the president's office said
        Gotabaya would meet ..." is no statement of the last person named.  Only
        "the <title>'s office" with a bare title word ("the president's", not "Kerry's").
        """
        doc = self.doc
        for tok in tokens_in(doc, frozenset({"office"})):
            if tok.lower_ != "office" or tok.i in self.actor_at:
                continue
            owners = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in self.lex.title_words
                      and any(x.lower_ in ("'s", "’s") for x in c.children)
                      and any(x.dep_ == "det" and x.lower_ == "the" for x in c.children)]
            if len(owners) != 1:
                continue
            name = f"{owners[0].lower_}'s office"
            ent = self._entity(f"org:{slugify(name)}", "actor", "organization")
            ent.add(name, owners[0].i)
            for t in (owners[0], *owners[0].children, tok):
                self.actor_at[t.i] = ent.key

    def _link_defined_acronyms(self) -> None:
        """Acronyms the text defines, whatever their letters.

        * "the Kurdistan Workers Party (PKK)", "the Group of 20 (G20)": the name before "(ACR)";
        * "the tribunal, known by its Spanish initials TSE": the noun that "known" describes,
          which is either named ("The Democratic Unity coalition, known by its acronym MUD":
          a common noun under capitalised modifiers becomes an organization of that name)
          or stands for the organization named earlier whose name ends with it (see
          :meth:`org_ending_with`).
        """
        doc = self.doc
        for tok in tokens_in(doc, self.lex.acronym_nouns | {"("}):
            if tok.text == "(" and tok.i > 0 and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")":
                acr, long_key = doc[tok.i + 1], self.actor_at.get(tok.i - 1)
                if is_acronym(acr.text) and long_key and self.entities[long_key].type in ("organization", "group"):
                    self._alias(acr, long_key)
            elif tok.lower_ in self.lex.acronym_nouns and tok.i + 1 < len(doc) and is_acronym(doc[tok.i + 1].text):
                known = next((t for t in doc[max(0, tok.i - 4):tok.i] if t.lower_ in ("known", "called")), None)
                if known is None or known.dep_ not in ("acl", "relcl", "advcl") or known.head.i >= known.i:
                    continue
                key = self._named_noun(known.head)
                if key:
                    self._alias(doc[tok.i + 1], key)

    def _alias(self, acr, key: str) -> None:
        """Make the acronym token ``acr`` a name of entity ``key``."""
        short = self.actor_at.get(acr.i)
        if short == key:
            return
        if short in self.entities and self.entities[short].type in ("organization", "group"):
            self._merge(self.entities[short], self.entities[key])
        elif short is None:
            self.entities[key].add(acr.text, acr.i)
            self.actor_at[acr.i] = key

    def _named_noun(self, head) -> str | None:
        """The organization a noun phrase headed by ``head`` names ("the Democratic Unity coalition", "the tribunal")."""
        if head.i in self.actor_at:
            key = self.actor_at[head.i]
            return key if self.entities[key].type in ("organization", "group") else None
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        mods = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
        start = min((t.i for c in mods for t in c.subtree), default=head.i)
        words = self.doc[start:head.i]
        if words and all(t.is_title or t.is_punct for t in words) and not any(t.i in self.actor_at for t in words):
            name = self.doc[start:head.i + 1].text
            ent = self._entity(f"org:{slugify(name)}", "actor", "organization")
            self._named(self.doc[start:head.i + 1], ent, "actor", name)
            return ent.key
        if words:
            return None
        return self.org_ending_with(head.lower_, head.i)

    def _link_other_names(self) -> None:
        """"Ren'ai Jiao, the Chinese name for the shoal": another name of that place.

        The noun after "name for" is the last word of the place meant ("Second Thomas
        Shoal"); the names merge when exactly one other place ends with it.
        """
        for i, key in list(self.place_at.items()):
            tok = self.doc[i]
            if key not in self.entities:
                continue  # merged already
            for name in (c for c in tok.children if c.dep_ == "appos" and c.lower_ == "name"):
                nouns = [o for p in name.children if p.dep_ == "prep" and p.lower_ == "for"
                         for o in p.children if o.dep_ == "pobj"]
                if len(nouns) != 1:
                    continue
                places = [e for e in self.entities.values() if e.kind == "place" and e.key != key
                          and (e.label or "").split()[-1:] == [nouns[0].text.title()]]
                if len(places) == 1:
                    self._merge(self.entities[key], places[0])

    def state_force(self, tok) -> str | None:
        """The state force a lower-case "army"/"military" stands for: the only one named
        with a possessive ("Sudan's army", see :meth:`_add_state_forces`), else None."""
        if tok.lower_ not in self.lex.force_nouns or not tok.is_lower:
            return None
        forces = [k for k in self._forces if k in self.entities]
        return forces[0] if len(forces) == 1 else None

    def _link_short_names(self) -> None:
        """"Commission" alone is the "European Commission" when no other organization ends with it."""
        orgs = [e for e in self.entities.values() if e.type in ("organization", "group")]
        for short in orgs:
            if short.key not in self.entities or any(len(n.split()) > 1 for n in short.names):
                continue
            words = {n.lower() for n in short.names if not is_initials(n)}
            if not words or not words <= {w.lower() for w in self.lex.org_words}:
                continue
            longs = [e for e in orgs if e is not short and e.key in self.entities
                     and any(len(n.split()) > 1 and n.split()[-1].lower() in words for n in e.names)]
            if len(longs) == 1:
                self._merge(short, longs[0])

    def home_state(self) -> str | None:
        """The state an article is about, when one clearly dominates; else None.

        Counts the mentions of each state, of the country as a place and of its
        cities ("CARACAS, April 8" and "in Caracas" count for Venezuela).  The top state
        needs three mentions and twice as many as the next: "the government" of a
        report from Caracas is Venezuela's, that of a summit report is nobody's in particular.
        """
        counts: Counter = Counter()
        for e in self.entities.values():
            if e.type == "state" and e.iso:
                counts[e.iso] += e.mentions
            elif e.kind == "place":
                iso = e.iso or (self.lex.city(e.label) or {}).get("country")
                if iso:
                    counts[iso] += e.mentions
        top = counts.most_common(2)
        if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
            return state_key(top[0][0])
        return None

    def org_ending_with(self, noun: str, before: int, *, groups: Iterable[LocalEntity] = (),
                        links: Mapping[int, str] | None = None) -> str | None:
        """The organization whose name ends with ``noun`` ("the tribunal" -> "Supreme Electoral Tribunal").

        The one mentioned last before token ``before``; failing that (or with ``before`` -1),
        the only one in the document.  ``groups`` and ``links`` are what coreference found
        beyond the mentions (:class:`~.coreference.Resolver`): they count as well.
        """
        noun = noun.lower()
        ends = {e.key for e in (*self.entities.values(), *groups) if e.type in ("organization", "group")
                and any(n.split()[-1].lower() == noun for n in e.names if not is_initials(n))}
        if not ends:
            return None
        mentioned = [*self.actor_at.items(), *(links or {}).items()]
        last = {k: max((i for i, key in mentioned if key == k and i < before), default=-1) for k in ends}
        best = max(last.values())
        if best >= 0:
            hits = [k for k, i in last.items() if i == best]
            return hits[0] if len(hits) == 1 else None
        return next(iter(ends)) if len(ends) == 1 else None

    def _merge(self, a: LocalEntity, into: LocalEntity) -> None:
        """Fold entity ``a`` into ``into``: names, counts, tokens and affiliations."""
        if a.key not in self.entities or a is into:
            return
        into.names.update(a.names)
        into.mentions += a.mentions
        into.first = min(into.first, a.first)
        into.title = into.title or a.title
        into.affiliation = into.affiliation or a.affiliation
        del self.entities[a.key]
        for table in (self.actor_at, self.place_at):
            for i, k in table.items():
                if k == a.key:
                    table[i] = into.key
        for e in self.entities.values():
            if e.affiliation == a.key:
                e.affiliation = into.key

    # -- titles and affiliation ---------------------------------------------
    def _title_and_affiliation(self, span, ent: LocalEntity) -> None:
        doc, lex = self.doc, self.lex
        title_toks: list = []
        i = span.start - 1
        while i >= 0:
            t = doc[i]
            low = t.text.lower().rstrip(".")
            if t.ent_type_ in ("GPE", "NORP", "ORG") and t.ent_iob_ in ("B", "I"):
                aff = self._entity_key_for(t)
                if aff and not ent.affiliation:
                    ent.affiliation = aff
                break
            # "EU foreign policy chief Catherine Ashton": lower-case words of the title phrase count too.
            in_phrase = title_toks and t.dep_ in ("compound", "amod") and t.is_lower and t.head.i > t.i \
                and t.head.i < span.end
            if low in lex.title_words or low in lex.honorifics or in_phrase or (low in ("of", "for") and title_toks):
                title_toks.insert(0, t)
                i -= 1
                continue
            if t.text in ("-", "‐") and title_toks and i > 0 and not doc[i - 1].whitespace_ and not t.whitespace_ \
                    and doc[i - 1].text.lower() in lex.title_words:
                title_toks.insert(0, t)  # "Secretary-General": one title, not "General"
                i -= 1
                continue
            if t.lower_ in ("'s", "’s") and title_toks:
                i -= 1  # "Jordan's Foreign Minister Nasser Judeh": the owner is the affiliation
                continue
            break
        # Leading honorific inside the span ("General Sergei Kuralenko").
        inner = [t for t in span if t.text.lower().rstrip(".") in lex.honorifics | lex.title_words]
        if inner and inner[0].i == span.start:
            title_toks = title_toks + [t for t in inner if t.i < span.start + len(inner)]
        while title_toks and title_toks[0].lower_ in ("of", "for", "the"):
            title_toks.pop(0)
        while title_toks and title_toks[-1].lower_ in ("of", "for", "the"):
            title_toks.pop()
        if title_toks and not ent.title:
            ent.title = "".join(t.text_with_ws for t in title_toks).strip()
        # Apposition: "Jordan's foreign minister, Nasser Judeh" / "de Mistura, the UN special envoy".
        root = span.root
        appos = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            appos.append(root.head)
        for a in appos:
            if a.lower_ not in lex.title_nouns and a.lower_ != "head":
                continue
            if not ent.title:
                mods = [c for c in a.lefts if c.dep_ in ("amod", "compound") and not c.ent_type_]
                ent.title = " ".join([m.text for m in mods] + [a.text])
            if not ent.affiliation:
                for t in a.subtree:
                    if t.i in span:
                        continue
                    key = self._entity_key_for(t)
                    if key and self.entities[key].type in ("state", "organization"):
                        ent.affiliation = key
                        break

    def key_of(self, tok) -> str | None:
        """The actor a modifier token stands for: the entity of its mention, else the state a
        country's name or demonym names ("U.S.", "Saudi"), else None.

        That state may be one the text never names as an actor: :meth:`entity` gives its entity.
        """
        if tok.i in self.actor_at:
            return self.actor_at[tok.i]
        text = tok.text
        if tok.i in self.ent_at:
            text = self.ent_at[tok.i].text
        iso = self.lex.country(text) or self.lex.demonym(text)
        return state_key(iso) if iso else None

    def entity(self, key: str) -> LocalEntity | None:
        """The entity of ``key``, or None: one of :attr:`entities`, or a state the text never names
        as an actor (a key of :meth:`key_of` or :meth:`home_state`), made afresh with no mention."""
        ent = self.entities.get(key)
        if ent is None and key.startswith(STATE_PREFIX):
            iso = key[len(STATE_PREFIX):]
            ent = LocalEntity(key=key, kind="actor", type="state", iso=iso, label=self.lex.country_label(iso))
        return ent

    def _entity_key_for(self, tok) -> str | None:
        """:meth:`key_of` while the mentions are built: a state it names becomes one of the entities."""
        key = self.key_of(tok)
        if key is not None and key not in self.entities:
            self._state(key[len(STATE_PREFIX):])
        return key

    # -- output ---------------------------------------------------------------
    # -- what the actor dictionaries settle ---------------------------------
    def settle(self, book: "CodeBook") -> None:
        """Correct entities the model misread, with the actor dictionaries and word lists.

        Run before events are found, so that a misread person takes no "he said".

        * A person whose name, after a demonym, is an organization or group of the
          dictionaries is that body: "a wounded Arab Al Qaeda fighter" names Al Qaeda.
        * A "person" known only by a plural proper noun ("Apaches", "F-16s") is a
          weapon or a people, not a person: it is no actor.
        * An organization whose name is a title and a personal name ("Federal Labor MP
          Carmen Lawrence") is that person, with that title; she joins the "Dr Lawrence"
          of the same article.
        * An organization named like a street ("Appin Road") is a place.
        * A one-word organization that is the first word of exactly one longer
          organization's name ("Phillips" after "Phillips Petroleum") is that organization.
        """
        for ent in [e for e in self.entities.values() if e.type == "person"]:
            if ent.key in self.entities:
                self._person_not_person(ent, book)
        for ent in [e for e in self.entities.values() if e.type == "organization"]:
            if ent.key in self.entities:
                self._organization_not_organization(ent, book)
        orgs = [e for e in self.entities.values() if e.type in ("organization", "group")]
        for short in orgs:
            names = set(short.names)
            if short.key not in self.entities or len(names) != 1:
                continue
            word = next(iter(names))
            if len(word.split()) != 1 or is_initials(word):
                continue
            longer = [e for e in orgs if e is not short and e.key in self.entities
                      and any(len(n.split()) > 1 and n.split()[0] == word for n in e.names)]
            if len(longer) == 1:
                self._merge(short, longer[0])

    def _person_not_person(self, ent: LocalEntity, book: "CodeBook") -> None:
        names = list(ent.names)
        if names and all(len(n.split()) == 1 and n.endswith("s") for n in names):
            toks = [self.doc[i] for i, k in self.actor_at.items() if k == ent.key]
            if any(c.isdigit() for n in names for c in n) or (toks and all(t.tag_ == "NNPS" for t in toks)):
                self._drop(ent)
                return
        if is_armed_group(book, names):
            # "Lashkar-e-Taiba" tagged a person once and a group once: the dictionary knows it is a group
            same = [e for e in self.entities.values() if e.type in ("organization", "group")
                    and {n.casefold() for n in e.names} & {n.casefold() for n in names}]
            if len(same) == 1:
                self._merge(ent, same[0])
                self._forget_surname(ent.key)
                return
        for name in names:
            words = name.split()
            # "Arab Al Qaeda": the body's name after one or two qualifying words
            body = next((" ".join(words[k:]) for k in range(min(3, len(words)))
                         if book.is_body(" ".join(words[k:]))), None)
            if body:
                ent.type = "group" if is_armed_group(book, [body]) else "organization"
                ent.names = Counter({body: sum(ent.names.values())})
                ent.title = None
                self._forget_surname(ent.key)
                return

    def _organization_not_organization(self, ent: LocalEntity, book: "CodeBook") -> None:
        lex = self.lex
        streets = book.rules.get("street_words", frozenset())
        names = list(ent.names)
        if names and all(len(n.split()) > 1 and n.split()[-1].lower().rstrip(".") in streets for n in names):
            self._actor_to_place(ent, self._place(max(names, key=len)))
            return
        titles = book.rules.get("member_titles", frozenset()) | lex.title_nouns
        for name in names:
            words = name.split()
            cut = max((j for j, w in enumerate(words[:-2]) if w.lower().rstrip(".") in titles), default=None)
            if cut is None:
                continue
            tail = words[cut + 1:]
            if len(tail) > 3 or not all(w[:1].isupper() and w.lower() not in lex.org_words for w in tail) \
                    or any(lex.demonym(w) or lex.country(w) for w in tail):
                continue
            ent.type = "person"
            ent.names = Counter({" ".join(tail): sum(ent.names.values())})
            ent.title = ent.title or " ".join(words[:cut + 1])
            key = surname(tail, lex)
            same = [self.entities[k] for k in self._persons_by_surname.get(key, []) if k in self.entities]
            if same:
                title = ent.title
                into = max(same, key=lambda e: (len(max(e.names, key=len).split()), e.mentions))
                self._merge(ent, into)
                if not into.title or into.title.lower().rstrip(".") in lex.honorifics:
                    into.title = title  # "Federal Labor MP" says more than "Dr"
            else:
                self._persons_by_surname.setdefault(key, []).append(ent.key)
            return

    def _forget_surname(self, key: str) -> None:
        """``key`` is no longer a person that a bare surname may stand for."""
        for keys in self._persons_by_surname.values():
            if key in keys:
                keys.remove(key)

    def _drop(self, ent: LocalEntity) -> None:
        """Forget an entity that is no actor: its tokens stand for nothing."""
        del self.entities[ent.key]
        for i, k in list(self.actor_at.items()):
            if k == ent.key:
                del self.actor_at[i]
        self._forget_surname(ent.key)
        for e in self.entities.values():
            if e.affiliation == ent.key:
                e.affiliation = None


def label_of(e: LocalEntity) -> str:
    """The canonical label of an entity: the fullest proper name among its names.

    A state keeps its country's label and a place the label it was made with; a person is
    called by the longest name, an organization or group by its fullest name that is no
    acronym, anything else by its most frequent name.
    """
    if e.type == "state" or (e.kind == "place" and e.label) or not e.names:
        return e.label
    if e.type == "person":
        return max(e.names, key=lambda n: (len(n.split()), e.names[n], len(n), n))
    if e.type in ("organization", "group"):
        return max(e.names, key=lambda n: (not is_initials(n), len(n.split()), e.names[n], n))
    return max(e.names, key=lambda n: (e.names[n], len(n), n))


def labelled(entities: Iterable[LocalEntity]) -> dict[str, LocalEntity]:
    """Key -> a copy of each entity with its label chosen by :func:`label_of`, in the order given.

    The entities given are not changed.  Label a document's entities once every stage that
    adds some has run: the groups that coreference names need a label too
    (:func:`~.document.extract_document`).
    """
    return {e.key: replace(e, label=label_of(e)) for e in entities}
