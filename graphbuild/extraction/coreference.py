"""Coreference: which actor a noun phrase, pronoun or description stands for.

:class:`Resolver` maps argument tokens to entity keys ("he", "the minister", "the
government", "the tribunal", "Syrian opposition leaders").  It reads the document's
:class:`~.mentions.Mentions` and never changes them: what it finds beyond them is its own
record, ``links`` (token -> key of a description it resolved) and ``groups`` (the groups
named by common nouns, made when an event needs one).  The rules look tokens up through
it (:meth:`Resolver.actor_key`, :meth:`Resolver.key_of`, :meth:`Resolver.entity`), so
that they see both.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import slugify
from .clauses import _children, _subject_token
from .mentions import SUBJECT_DEPS, LocalEntity, Mentions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


class Resolver:
    """Resolves argument tokens to entity keys, pronouns included, and keeps what it finds.

    ``links`` maps a token that coreference resolved ("the tribunal", the head noun of
    "Syrian rebels") to its entity key; ``groups`` maps the key of each group named by a
    common noun to its entity, with the mentions that named it, in the order first named.
    Both hold only what the mentions ``m`` do not.
    """

    def __init__(self, m: Mentions) -> None:
        """Resolve against the mentions ``m``, which are only read."""
        self.m = m
        self.lex = m.lex
        self.doc = m.doc
        self.links: dict[int, str] = {}
        self.groups: dict[str, LocalEntity] = {}

    def actor_key(self, i: int) -> str | None:
        """The actor token ``i`` stands for: its mention's (``m.actor_at``), else the one coreference found."""
        key = self.m.actor_at.get(i)
        return key if key is not None else self.links.get(i)

    def key_of(self, tok) -> str | None:
        """The actor a modifier token stands for: :meth:`actor_key`, else the state it names
        (:meth:`~.mentions.Mentions.key_of`: "U.S.", "Saudi")."""
        return self.actor_key(tok.i) or self.m.key_of(tok)

    def entity(self, key: str) -> LocalEntity | None:
        """The entity of ``key``: a group coreference named, else the mentions' (:meth:`~.mentions.Mentions.entity`)."""
        group = self.groups.get(key)
        return group if group is not None else self.m.entity(key)

    def _group(self, label: str, tok) -> list[str]:
        """The group called ``label``, named by the common noun ``tok``: made on first use, with one mention more."""
        key = f"group:{slugify(label)}"
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = LocalEntity(key=key, kind="actor", type="group", label=label)
        group.add(label, tok.i)
        self.links[tok.i] = key
        return [key]

    def persons_before(self, i: int) -> list[tuple[int, str, bool]]:
        """(token index, key, is subject) of every person mentioned before token ``i``, in order."""
        out = []
        for j, key in [*self.m.actor_at.items(), *self.links.items()]:
            ent = self.entity(key) if j < i else None
            if ent is not None and ent.type == "person":
                out.append((j, key, self._is_subject(self.doc[j])))
        return sorted(out)

    @staticmethod
    def _is_subject(tok) -> bool:
        """``tok`` names the subject: itself, or a name in apposition to it ("Its chief, Manuel González, met")."""
        for _ in range(3):
            if tok.dep_ in SUBJECT_DEPS:
                return True
            if tok.dep_ not in ("appos", "compound", "flat") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def pronoun(self, tok, depth: int = 0) -> list[str]:
        """The entity a pronoun stands for: "he"/"she" the last person (a subject first, through a
        chain of "he said" sentences), "it"/"they" the state, organization or group that speaks or
        was the subject just before; [] when unsure."""
        low = tok.lower_
        doc = self.doc
        sent_start = tok.sent.start
        prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        if low in self.lex.person_pronouns:
            gov = [k for k in self._governing_subject(tok) if self.entity(k).type == "person"]
            if gov and tok.dep_ in ("nsubj", "nsubjpass"):
                return gov[:1]
            cands = [c for c in self.persons_before(tok.i) if c[0] >= prev_start] or self.persons_before(tok.i)[-1:]
            subj = [c for c in cands if c[2]]
            if not subj and depth < 3:
                # '"... I told Mr Borrell," he said. He accused Kurti': no named subject since the
                # last sentence, whose subject is itself "he" -- the same person, not Borrell.
                prev = self._main_subject(doc[prev_start:sent_start] if prev_start < sent_start else None)
                if prev is not None and prev.lower_ in self.lex.person_pronouns and prev.i < tok.i:
                    chained = self.pronoun(prev, depth + 1)
                    if chained:
                        return chained
            pick = (subj or cands)
            return [pick[-1][1]] if pick else []
        if low in ("it", "they"):
            # "X said it/they would ...": the speaker, when the speaker is a state, organization or group.
            gov = [k for k in self._governing_subject(tok)
                   if self.entity(k).type in ("state", "organization", "group")]
            if gov:
                return gov[:1]
            for j in range(tok.i - 1, prev_start - 1, -1):
                key = self.actor_key(j)
                if key and self.entity(key).type in ("state", "organization", "group") and doc[j].dep_ in SUBJECT_DEPS:
                    return [key]
        return []

    def body_antecedent(self, tok) -> str | None:
        """"the tribunal", "the ministry", "the coalition": the organization named earlier that it stands for.

        "the army" / "the military" is the one state force named with a possessive
        ("Sudan's army"), if the text names exactly one.  Otherwise only a bare definite
        noun of the lexicon's ``body_nouns`` counts ("the main opposition coalition" or "a party"
        may be another body); it is the organization whose name ends with that noun
        (see :meth:`~.mentions.Mentions.org_ending_with`; the groups and descriptions
        coreference found count as well).
        """
        if tok.pos_ != "NOUN" or tok.lower_ not in self.lex.body_nouns and tok.lower_ not in self.lex.force_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if tok.lower_ in self.lex.force_nouns:
            # "the army", "the military" after "Sudan's army": the only state force the text names.
            bare = not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children)
            return self.m.state_force(tok) if bare else None
        mods = _children(tok, "amod", "compound", "nmod", "nummod")
        if not mods:
            return self.m.org_ending_with(tok.lower_, tok.i, groups=self.groups.values(), links=self.links)
        if all(c.is_lower and c.is_alpha and not c.ent_type_ for c in mods):
            # "the main opposition coalition": only when the document names a single such body.
            return self.m.org_ending_with(tok.lower_, -1, groups=self.groups.values(), links=self.links)
        return None

    def group_antecedent(self, tok) -> str | None:
        """A bare "the group": the organization or armed group that was a subject just before.

        Only the subject of this or the previous sentence counts ("The RSF denied the
        charges.  ... the group blamed ..."); an organization merely named is not
        the group that goes on acting.
        """
        if tok.lower_ != "group" or tok.pos_ != "NOUN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children):
            return None  # "the rebel group", "the Wagner group": another phrase
        sent_start = tok.sent.start
        prev_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for j in range(tok.i - 1, prev_start - 1, -1):
            key = self.actor_key(j)
            ent = self.entity(key) if key is not None else None
            if ent is not None and ent.type in ("organization", "group") and self._is_subject(self.doc[j]):
                return key
        return None

    @staticmethod
    def _main_subject(sent):
        """The subject of a sentence's main verb (None when it has none)."""
        if sent is None or not len(sent):
            return None
        subjects = _children(sent[0].sent.root, "nsubj")
        return subjects[0] if subjects else None

    def _governing_subject(self, tok) -> list[str]:
        """Entity keys of the subject of the clause that governs ``tok``'s clause."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
            return []
        for s in _children(clause.head, "nsubj"):
            if s.i != tok.i and s.i < tok.i:
                return self.phrase(s)
        return []

    def _group_from_phrase(self, tok) -> list[str]:
        """A group actor named by a noun phrase: its adjacent modifiers and head ("Syrian opposition leaders")."""
        words = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and not c.ent_type_ in ("PERSON", "ORG")]
        return self._group(_group_label(words + [tok]), tok)

    def government(self, tok) -> str | None:
        """The state of "the government" / "Maduro's government" / "the authorities".

        "X's government" with X a state is handled with the other official heads.  Here:
        a leader's government is the leader's state (his affiliation, else the state the
        article is about); a bare "the government" is the state the article is about
        (:meth:`Mentions.home_state`), when one clearly dominates.
        """
        mods = _children(tok, "amod", "compound", "poss", "nmod")
        owner = None
        for c in mods:
            key = self.actor_key(c.i)
            if key and self.entity(key).type != "person":
                return None  # "Syrian government", "the Kurdish regional government": not this rule's
            if key:
                owner = self.entity(key)
            elif not (c.dep_ == "amod" and c.lower_ in self.lex.government_modifiers):
                return None  # "his government", "opposition authorities": leave them to the other rules
        if owner is None and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if owner is not None and owner.affiliation in self.m.entities \
                and self.m.entities[owner.affiliation].type == "state":
            return owner.affiliation
        return self.m.home_state()

    def nominal(self, tok) -> list[str]:
        """"the minister" -> the titled person already introduced."""
        if tok.lower_ not in self.lex.title_nouns or not any(c.lower_ == "the" for c in tok.children):
            return []
        best = None
        for j, key, _ in self.persons_before(tok.i):
            title = (self.entity(key).title or "").lower()
            if tok.lower_ in title.split():
                best = key
        return [best] if best else []

    def phrase(self, tok, *, allow_groups: bool = True) -> list[str]:
        """Entity keys for the noun phrase headed by ``tok`` and its conjuncts."""
        out: list[str] = []
        members = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        key = self.actor_key(tok.i)
        if key is not None:
            # A name split by the parser ("Barack" -> pobj "Obama") keeps its conjuncts on the other word.
            for t in tok.subtree:
                if t.i != tok.i and self.actor_key(t.i) == key:
                    members += [c for c in t.conjuncts if c.i > t.i]
            # "The US, Russia, and Switzerland": lists often parse as apposition.
            for c in tok.children:
                if c.dep_ == "appos" and self.actor_key(c.i) is not None:
                    members += [c] + [x for x in c.conjuncts if x.i > c.i]
        for t in members:
            for key in self.one(t, allow_groups):
                if key not in out:
                    out.append(key)
        return out

    def coordinated_states(self, tok) -> list[str]:
        """The states of coordinated national adjectives on a plural noun: "the Turkish and Greek
        sides", "French and Egyptian warships" are one party of each state."""
        if tok.tag_ != "NNS":
            return []
        for c in tok.children:
            if c.dep_ == "amod" and c.conjuncts:
                keys = [self.key_of(x) for x in [c, *c.conjuncts]]
                if all(k and self.entity(k).type == "state" for k in keys):
                    return list(dict.fromkeys(keys))
        return []

    def one(self, tok, allow_groups: bool) -> list[str]:
        """Entity keys for one noun phrase head ``tok`` (its conjuncts are :meth:`phrase`'s).

        Tried in order: a mention of an entity; a pronoun (:meth:`pronoun`); a name in
        apposition; a title already introduced ("the minister"); a body named earlier ("the
        tribunal", "the group"); "the government" (:meth:`government`); "members of X";
        a name the parser hung on a date; a dissident phrase ("opposition leaders", a group);
        a title phrase naming its person or state; an official or group head with its
        modifiers ("Russian officials": the state; "Syrian rebels": a group, one of
        :attr:`groups` when ``allow_groups``).
        """
        m = self.m
        key = self.actor_key(tok.i)
        if key is not None:
            return [key]
        if tok.pos_ == "PRON":
            return self.pronoun(tok)
        for c in tok.children:  # "Jordan's foreign minister, Nasser Judeh"
            key = self.actor_key(c.i) if c.dep_ == "appos" else None
            if key is not None:
                return [key]
        key = self.actor_key(tok.head.i) if tok.dep_ == "appos" else None
        if key is not None:
            return [key]
        nominal = self.nominal(tok)
        if nominal:
            return nominal
        body = self.body_antecedent(tok) or self.group_antecedent(tok)
        if body:  # "the tribunal" after "the Supreme Electoral Tribunal"
            self.links[tok.i] = body
            return [body]
        if tok.lower_ in self.lex.government_nouns and tok.pos_ == "NOUN":
            state = self.government(tok)
            if state:
                return [state]
        if tok.lower_ in self.lex.member_nouns | self.lex.collective_nouns and tok.pos_ == "NOUN":
            # "members of the tribunal", "representatives of the coalition" act for it.
            for prep in _children(tok, "prep"):
                if prep.lower_ in ("of", "from"):
                    for obj in _children(prep, "pobj"):
                        keys = self.phrase(obj, allow_groups=False)
                        if keys and all(self.entity(k).type in ("organization", "group", "state") for k in keys):
                            return keys
        states = self.coordinated_states(tok)
        if states:
            return states
        if tok.ent_type_ in ("DATE", "TIME") or tok.pos_ == "PROPN":
            # A mis-attached name: "met with President Bashar Assad Tuesday" parses Tuesday as the object.
            for c in tok.children:
                key = self.actor_key(c.i) if c.dep_ == "compound" else None
                if key is not None:
                    return [key]
        low = tok.lower_
        if (low in self.lex.title_nouns or low in self.lex.official_heads) and tok.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound") and c.lower_ in self.lex.dissident_words for c in tok.children):
            # "Syrian opposition leaders" are not the Syrian state.
            return self._group_from_phrase(tok) if allow_groups else []
        if low in self.lex.title_nouns and tok.pos_ in ("NOUN", "PROPN"):
            # "The UN special envoy for Syria, Staffan de Mistura, said": the parser often hangs
            # the name on the last noun of the phrase instead of on "envoy".
            for t in tok.subtree:
                key = self.actor_key(t.i)
                if key and t.dep_ in ("appos", "compound") and self.entity(key).type == "person" and (
                        t.dep_ == "appos" or t.head.dep_ == "appos"):
                    return [key]
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod"):
                    key = self.key_of(c)
                    if key and self.entity(key).type == "state":
                        return [key]
            for o in [o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]:
                key = self.key_of(o)
                if key and self.entity(key).type == "state":
                    return [key]  # "the president of Armenia"
        if low in self.lex.official_heads or low in self.lex.group_heads or low in self.lex.body_nouns \
                or low.endswith("s") and low[:-1] in self.lex.title_nouns:
            mods = _children(tok, "amod", "compound", "poss", "nmod")
            for c in mods:
                # "army warplanes" after "Sudan's army": the state force the text names.
                key = self.key_of(c) or m.state_force(c)
                ent = self.entity(key) if key else None
                if ent is not None and ent.type in ("organization", "group") and c.dep_ == "compound" \
                        and not key.startswith("group:"):
                    return [key]  # "Hezbollah guerrillas", "Hamas militants": the organization's own
                if ent is not None and ent.type in ("state", "organization", "person"):
                    if low in self.lex.official_heads or low.endswith("s") and low[:-1] in self.lex.title_nouns:
                        return [key]  # "Israeli police", "European Community foreign ministers"
            if allow_groups and low in self.lex.group_heads and tok.pos_ in ("NOUN", "PROPN"):
                left = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 - sum(
                    1 for x in tok.lefts if x.dep_ in ("amod", "compound") and x.i > c.i)]
                words = [c for c in left if not c.ent_type_ or c.ent_type_ == "NORP"] + [tok]
                if len(words) == 1 and low not in self.lex.bare_groups:
                    return []
                return self._group(_group_label(words), tok)
        return []


def _group_label(words: list["Token"]) -> str:
    """The label of a group named by a noun phrase, from the words chosen to name it.

    Written as in the text, not re-spaced token by token: "pro-Russian separatists", not
    "Pro - Russian separatists".  A chosen word takes the rest of the hyphenated or otherwise
    unspaced word it is part of, which the parser may attach elsewhere ("pro-" under "Russian").
    """
    doc = words[0].doc
    chosen: set[int] = set()
    for w in words:
        lo = hi = w.i
        while lo > w.sent.start and not doc[lo - 1].whitespace_ and _word_piece(doc[lo - 1]):
            lo -= 1
        while hi + 1 < w.sent.end and not doc[hi].whitespace_ and _word_piece(doc[hi + 1]):
            hi += 1
        chosen.update(range(lo, hi + 1))
    label = ""
    for i in sorted(chosen):
        t = doc[i]
        label += t.text + (t.whitespace_ if i + 1 in chosen else " ")
    label = label.strip()
    return label[0].upper() + label[1:]


def _word_piece(tok) -> bool:
    """A token that can be part of a longer word: letters, digits or a hyphen (not a quote or bracket)."""
    return tok.is_alpha or tok.is_digit or tok.text in ("-", "–")


def _subject(verb, res: Resolver) -> tuple[list[str], bool]:
    """Subject of ``verb`` (climbing to the governing clause when it has none); passive flag."""
    subj, passive = _subject_token(verb, res.lex)
    return (res.phrase(subj) if subj is not None else []), passive
