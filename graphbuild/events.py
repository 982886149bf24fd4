"""One parsed document -> actors, places and events (the "extract" stage).

The statistical model gives entity spans and a dependency parse; everything
else is rules over that parse, with the word lists of :mod:`graphbuild.lexicon`:

1. :class:`~graphbuild.mentions.Mentions` groups entity spans into the document's
   actors and places.
2. :func:`iter_events` walks each sentence for trigger verbs and nouns and reads
   their arguments (subject, object, "with X", "between X and Y", passives,
   coordination, targets named inside an act's content), place, date, modality and quote.
3. :func:`extract_document` turns both into records.

Only this module, :mod:`graphbuild.mentions` and :mod:`graphbuild.nlp` see spaCy objects.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from .codes import STATE_SECTORS, CodeBook, code_actors, default_codebook
from .dates import normalize_date, parse_doc_date
from .event_types import REGISTRY, names
from .lexicon import Lexicon, Trigger, default_lexicon
from .mentions import SUBJECT_DEPS, Mentions
from .types import Actor, DocExtraction, Document, Event, Place

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_document", "iter_events", "SPEECH_TYPES"]

# The type sets the rules test, all read off the event-type registry (data/event_types.json).
#: Speech acts: the source is the speaker, and there is no act without one.
SPEECH_TYPES = names(source="speaker")
#: Events that need no named participant to be worth recording ("an explosion killed five").
PARTICIPANT_FREE_TYPES = names(needs_party=False)
#: Events whose targets are actors only (an attack may also target a place).
ACTOR_TARGET_TYPES = names(place_targets=False)
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------
@dataclass
class _Found:
    type: str
    cameo: str
    trigger: "Token"
    source: list[str]
    targets: list[str]
    status: str
    #: Further speakers coordinated with the source ("X, Y and Z all criticised ..."): each made the act.
    co_sources: tuple[str, ...] = ()
    #: The act reports its content as fact (an accusation read off "said X had illegally ..."):
    #: the events in that content still count as events.
    reports_facts: bool = False


class _Resolver:
    """Resolves argument tokens to entity keys, pronouns included."""

    def __init__(self, m: Mentions) -> None:
        self.m = m
        self.lex = m.lex
        self.doc = m.doc

    def persons_before(self, i: int) -> list[tuple[int, str, bool]]:
        out = []
        for j, key in self.m.actor_at.items():
            if j < i and self.m.entities.get(key) and self.m.entities[key].type == "person":
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
        low = tok.lower_
        doc = self.doc
        sent_start = tok.sent.start
        prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        if low in self.lex.person_pronouns:
            gov = [k for k in self._governing_subject(tok) if self.m.entities[k].type == "person"]
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
                   if self.m.entities[k].type in ("state", "organization", "group")]
            if gov:
                return gov[:1]
            for j in range(tok.i - 1, prev_start - 1, -1):
                key = self.m.actor_at.get(j)
                if key and self.m.entities[key].type in ("state", "organization", "group") and doc[j].dep_ in SUBJECT_DEPS:
                    return [key]
        return []

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
            key = self.m.actor_at.get(j)
            if key in self.m.entities and self.m.entities[key].type in ("organization", "group") \
                    and self._is_subject(self.doc[j]):
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
        label = _group_label(words + [tok])
        g = self.m.group(label)
        g.add(label, tok.i)
        self.m.actor_at[tok.i] = g.key
        return [g.key]

    def government(self, tok) -> str | None:
        """The state of "the government" / "Maduro's government" / "the authorities".

        "X's government" with X a state is handled with the other official heads.  Here:
        a leader's government is the leader's state (his affiliation, else the state the
        article is about); a bare "the government" is the state the article is about
        (:meth:`Mentions.home_state`), when one clearly dominates.
        """
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        owner = None
        for c in mods:
            key = self.m.actor_at.get(c.i)
            if key and self.m.entities[key].type != "person":
                return None  # "Syrian government", "the Kurdish regional government": not this rule's
            if key:
                owner = self.m.entities[key]
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
            title = (self.m.entities[key].title or "").lower()
            if tok.lower_ in title.split():
                best = key
        return [best] if best else []

    def phrase(self, tok, *, allow_groups: bool = True) -> list[str]:
        """Entity keys for the noun phrase headed by ``tok`` and its conjuncts."""
        out: list[str] = []
        members = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        if tok.i in self.m.actor_at:
            # A name split by the parser ("Barack" -> pobj "Obama") keeps its conjuncts on the other word.
            key = self.m.actor_at[tok.i]
            for t in tok.subtree:
                if t.i != tok.i and self.m.actor_at.get(t.i) == key:
                    members += [c for c in t.conjuncts if c.i > t.i]
        if tok.i in self.m.actor_at:
            # "The US, Russia, and Switzerland": lists often parse as apposition.
            for c in tok.children:
                if c.dep_ == "appos" and c.i in self.m.actor_at:
                    members += [c] + [x for x in c.conjuncts if x.i > c.i]
        for t in members:
            for key in self._one(t, allow_groups):
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
                keys = [self.m._entity_key_for(x) for x in [c, *c.conjuncts]]
                if all(k and self.m.entities[k].type == "state" for k in keys):
                    return list(dict.fromkeys(keys))
        return []

    def _one(self, tok, allow_groups: bool) -> list[str]:
        m = self.m
        if tok.i in m.actor_at:
            return [m.actor_at[tok.i]]
        if tok.pos_ == "PRON":
            return self.pronoun(tok)
        for c in tok.children:  # "Jordan's foreign minister, Nasser Judeh"
            if c.dep_ == "appos" and c.i in m.actor_at:
                return [m.actor_at[c.i]]
        if tok.dep_ == "appos" and tok.head.i in m.actor_at:
            return [m.actor_at[tok.head.i]]
        nominal = self.nominal(tok)
        if nominal:
            return nominal
        body = m.body_antecedent(tok) or self.group_antecedent(tok)
        if body:  # "the tribunal" after "the Supreme Electoral Tribunal"
            m.actor_at[tok.i] = body
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
                        if keys and all(m.entities[k].type in ("organization", "group", "state") for k in keys):
                            return keys
        states = self.coordinated_states(tok)
        if states:
            return states
        if tok.ent_type_ in ("DATE", "TIME") or tok.pos_ == "PROPN":
            # A mis-attached name: "met with President Bashar Assad Tuesday" parses Tuesday as the object.
            for c in tok.children:
                if c.dep_ == "compound" and c.i in m.actor_at:
                    return [m.actor_at[c.i]]
        low = tok.lower_
        if (low in self.lex.title_nouns or low in self.lex.official_heads) and tok.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound") and c.lower_ in self.lex.dissident_words for c in tok.children):
            # "Syrian opposition leaders" are not the Syrian state.
            return self._group_from_phrase(tok) if allow_groups else []
        if low in self.lex.title_nouns and tok.pos_ in ("NOUN", "PROPN"):
            # "The UN special envoy for Syria, Staffan de Mistura, said": the parser often hangs
            # the name on the last noun of the phrase instead of on "envoy".
            for t in tok.subtree:
                key = m.actor_at.get(t.i)
                if key and t.dep_ in ("appos", "compound") and m.entities[key].type == "person" and (
                        t.dep_ == "appos" or t.head.dep_ == "appos"):
                    return [key]
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod"):
                    key = m.actor_at.get(c.i) or self.m._entity_key_for(c)
                    if key and m.entities[key].type == "state":
                        return [key]
            for o in [o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]:
                key = m.actor_at.get(o.i) or self.m._entity_key_for(o)
                if key and m.entities[key].type == "state":
                    return [key]  # "the president of Armenia"
        if low in self.lex.official_heads or low in self.lex.group_heads or low in self.lex.body_nouns \
                or low.endswith("s") and low[:-1] in self.lex.title_nouns:
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
            for c in mods:
                # "army warplanes" after "Sudan's army": the state force the text names.
                key = m.actor_at.get(c.i) or self.m._entity_key_for(c) or m.state_force(c)
                if key and m.entities[key].type in ("organization", "group") and c.dep_ == "compound" \
                        and not key.startswith("group:"):
                    return [key]  # "Hezbollah guerrillas", "Hamas militants": the organization's own
                if key and m.entities[key].type in ("state", "organization", "person"):
                    if low in self.lex.official_heads or low.endswith("s") and low[:-1] in self.lex.title_nouns:
                        return [key]  # "Israeli police", "European Community foreign ministers"
            if allow_groups and low in self.lex.group_heads and tok.pos_ in ("NOUN", "PROPN"):
                left = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 - sum(
                    1 for x in tok.lefts if x.dep_ in ("amod", "compound") and x.i > c.i)]
                words = [c for c in left if not c.ent_type_ or c.ent_type_ == "NORP"] + [tok]
                if len(words) == 1 and low not in self.lex.bare_groups:
                    return []
                label = _group_label(words)
                g = m.group(label)
                g.add(label, tok.i)
                m.actor_at[tok.i] = g.key
                return [g.key]
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


def _children(tok, *deps: str):
    return [c for c in tok.children if c.dep_ in deps]


def _subject(verb, res: _Resolver) -> tuple[list[str], bool]:
    """Subject of ``verb`` (climbing to the governing clause when it has none); passive flag."""
    subj, passive = _subject_token(verb)
    return (res.phrase(subj) if subj is not None else []), passive


#: Clause links through which a verb without a subject shares its governor's subject.
SUBJECT_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "acomp"})


def _subject_token(verb) -> tuple["Token | None", bool]:
    """The token naming who acts in ``verb``'s clause, and whether the clause is passive.

    For a passive the token is the agent ("by X"), which may hang anywhere in the clause.
    """
    t = verb
    if _finite_conjunct(verb) and not _children(verb, "nsubj", "nsubjpass", "csubj"):
        # "said his fighters would not agree ... and warned Kiev": the speaker warned, not the fighters.
        t = _coordinate(verb)
    for _ in range(6):
        subj = _children(t, "nsubj", "csubj")
        if subj:
            s = _named_subject(subj)
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head, False
            return s, False
        if _children(t, "nsubjpass"):
            if t.i != verb.i and _raised_from(verb, t):
                # "Obama is scheduled / expected to attend": the passive subject acts in the infinitive.
                return _children(t, "nsubjpass")[0], False
            return _agent(t), True
        if t.dep_ == "relcl":
            return t.head, False
        if _misparsed_attribution(t):
            return t.head, False
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ in ("dobj", "pobj", "attr"):
            # "issued a declaration demanding that ...": the noun's own verb has the subject.
            t = t.head.head if t.head.dep_ != "pobj" else t.head.head.head
            if t.pos_ not in ("VERB", "AUX"):
                break
            continue
        if t.dep_ not in SUBJECT_CLIMB or t.head.i == t.i:
            break
        if t.dep_ == "ccomp" and t.i == verb.i:
            break
        t = t.head
    return None, False


def _named_subject(subjects: list["Token"]) -> "Token":
    """The subject among several the parser gave one verb.

    "Prime Minister Haider al-Abadi met ..." can come out with both "Minister" and "Abadi" as
    subjects: the title stands outside the name's entity span, so the word inside a named entity
    is the one that acts.
    """
    if len(subjects) > 1 and not subjects[0].ent_type_:
        for s in subjects[1:]:
            if s.ent_type_:
                return s
    return subjects[0]


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _finite_conjunct(tok) -> bool:
    """A tensed verb coordinated with another one ("appealed for calm and accused ..."): an act of
    its own, with its own negation and modality, not the content of the verb it is coordinated with."""
    return tok.dep_ == "conj" and tok.tag_ in FINITE_TAGS and tok.pos_ in ("VERB", "AUX")


def _coordinate(conj) -> "Token":
    """The verb a finite conjunct is coordinated with.

    Usually its head.  But a tensed verb hung on a bare infinitive ("would not agree to a truce and
    warned Kiev", "was to blame and urged ...") cannot share that verb's tense: the parser attached
    it too low, and it continues the clause above -- for a reported clause, the reporting verb.
    Conversely, a verb hung on an attribution set off in commas ("X did not meet Y, an official
    said, but spoke to him") continues the reported clause, not the official's words.
    """
    head = conj.head
    doc = conj.doc
    reported = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
    if reported and conj.i > head.i and head.i + 1 < len(doc) and doc[head.i + 1].text == "," and any(
            s.dep_ == "nsubj" and reported[0].i < s.i < head.i for s in head.children):
        return reported[0]
    if head.tag_ != "VB":
        return head
    t = head
    for _ in range(4):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    if t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    return t


def _misparsed_attribution(verb) -> bool:
    """A finite verb parsed as a modifier of the apposition before it: "..., a rights group protested"."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.i > verb.head.i
            and verb.head.dep_ == "appos" and not _children(verb, "dobj", "nsubjpass"))


def _raised_from(verb, governor) -> bool:
    """``verb`` is an infinitive directly under ``governor`` ("scheduled to attend")."""
    return verb.dep_ == "xcomp" and verb.head.i == governor.i


def _agent(verb) -> "Token | None":
    """The "by X" of a passive verb, also when the parser hung it lower in the clause
    ("has been accused of misusing funds by officials")."""
    for a in _children(verb, "agent"):
        for p in _children(a, "pobj"):
            return p
    for t in verb.subtree:
        # "accused of misusing funds by officials" often parses "by" as a plain preposition of the gerund.
        lower_agent = t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by" and t.head.dep_ == "pcomp"
        if lower_agent and t.i > verb.i and not _children(t.head, "nsubjpass", "nsubj"):
            for p in _children(t, "pobj"):
                return p
    return None


def _objects(verb, res: _Resolver, preps: tuple[str, ...] = ()) -> list[str]:
    out: list[str] = []
    for o in _children(verb, *OBJECT_DEPS):
        out += res.phrase(o) + _listed_in_apposition(o, res)
    for p in _children(verb, "prep"):
        if p.lower_ in preps:
            for o in _children(p, "pobj"):
                out += res.phrase(o)
    for prt in _children(verb, "prt"):
        for p in _children(verb, "prep"):
            for o in _children(p, "pobj"):
                out += res.phrase(o)
    return list(dict.fromkeys(out))


def _listed_in_apposition(tok, res: _Resolver) -> list[str]:
    """The further names of a list set in apposition to a common noun: "the two chief negotiators,
    A of Serbia and B of Kosovo" resolves the noun to A alone; B is A's conjunct."""
    out: list[str] = []
    for a in _children(tok, "appos"):
        if a.i in res.m.actor_at:
            for c in a.conjuncts:
                if c.i > a.i:
                    out += res.phrase(c)
    return out


#: Links from a warning or threat down to what it holds out, within its own content.
_CONTENT_LINKS = frozenset({"ccomp", "conj", "xcomp", "dobj", "prep", "pobj"})


def _demand_of_report(verb, res: _Resolver) -> tuple[list[str], list[str]]:
    """Source and target of "X said Y must ...": X demands of Y.

    ``verb`` is the clause's own verb; the speaker is the subject of the verb or noun that
    reports it ("Russia said that Sudan must return ...", "Chirac issued a reminder to Iraq that
    it must cooperate"); the target is the clause's subject, else whom the report is addressed to.
    """
    head = verb.head
    reporter = head.head if verb.dep_ == "acl" and head.pos_ == "NOUN" else head
    source, _ = _subject(reporter, res) if reporter.i != verb.i else ([], False)
    if not source:  # "Sudan must return it," an official said -- no speaker named: Sudan's own act
        source, _ = _subject(verb, res)
        return source, []
    targets = [k for s in _children(verb, "nsubj", "nsubjpass") if s.pos_ != "PRON"
               for k in res.phrase(s, allow_groups=False) or _owner_state(s, res)]
    if not targets:
        targets = [k for x in {head, reporter} for p in _children(x, "prep", "dative") if p.lower_ == "to"
                   for o in _children(p, "pobj") for k in res.phrase(o, allow_groups=False)]
    return source, [k for k in targets if k not in source]


def _content_targets(verb, kind: str, res: _Resolver) -> list[str]:
    """Targets of a directed act named inside its content rather than as its object.

    * an appeal's "that"-clause names who is asked: "demanded that the inspector general of
      police, Chandana Wickramaratne, explain ..." -- only a clause in the subjunctive or with
      "should"/"must", so that a demand reported as a fact keeps its own arguments;
    * a threat's measure names who it is aimed at: "threatened to bring a no-confidence motion
      against the president", "warned that failure would have consequences for Belgrade and
      Pristina" (a capital stands for its state there).
    """
    out: list[str] = []
    if kind == "appeal":
        for c in _children(verb, "ccomp"):
            auxes = {a.lower_ for a in _children(c, "aux")}
            if c.tag_ in ("VB", "VBP") and not auxes - {"should", "must"}:
                for s in _children(c, "nsubj"):
                    out += res.phrase(s)
    if kind != "threat":
        return out
    stack = [(c, 1) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep")]
    while stack:
        t, depth = stack.pop(0)
        if t.dep_ in ("ccomp", "conj") and t.pos_ in ("VERB", "AUX") and res.lex.verb_trigger(t.text):
            continue  # a speech act reported inside the threat has its own arguments
        if t.pos_ == "NOUN" and t.lower_ in res.lex.sanction_nouns or t.dep_ == "xcomp" and t.head.i == verb.i:
            for p in _children(t, "prep"):
                if p.lower_ in ("against", "on", "upon") or p.lower_ == "for" and t.pos_ == "NOUN":
                    for o in _children(p, "pobj"):
                        out += _actor_or_seat(o, res)
        if depth < 5:
            stack += [(c, depth + 1) for c in t.children if c.dep_ in _CONTENT_LINKS]
    return out


def _actor_or_seat(tok, res: _Resolver) -> list[str]:
    """Actors of a noun phrase and its conjuncts, a capital named as a place standing for its
    state ("consequences for Belgrade and Pristina": Serbia and Kosovo)."""
    out = res.phrase(tok)
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        key = res.m.place_at.get(t.i)
        if key and t.i not in res.m.actor_at:
            iso = res.lex.seat(res.m.entities[key].label)
            if iso:
                out.append(res.m.state(iso).key)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------
# Parties named in an act's content
# ---------------------------------------------------------------------------
#: Links that lead out of an act's content: conditions and reasons ("unless Baghdad accepted"),
#: relative clauses, asides, and words that name no one.
_OUT_OF_CONTENT = frozenset({"advcl", "relcl", "mark", "npadvmod", "parataxis", "punct", "cc", "det", "aux",
                             "auxpass", "neg", "advmod", "case", "nummod", "quantmod", "prt", "csubj", "expl",
                             "intj", "dep", "meta", "preconj", "predet"})

#: How deep below the trigger a content party may be ("threatened to launch an offensive in
#: its war with Iraq": six links from "threatened" to "Iraq").
CONTENT_DEPTH = 7


def _content_party(verb, res: _Resolver, source: list[str], *, subjects: bool = True,
                   places: str | None = None, groups: bool = True, depth: int = CONTENT_DEPTH,
                   audience: bool = True, purposes: bool = False) -> list[str]:
    """The first party named in what an act asks, threatens, offers or does: with its conjuncts.

    Read breadth-first from the trigger through its objects, complements, prepositions and
    their modifiers, as a CAMEO coder reads the verb phrase after the verb:

    * "Iran threatened to shell Iraqi towns" -> Iraq (a national adjective stands for its state);
    * "agreed to provide aid for Romania and Poland" -> Romania, Poland;
    * "announced that it will withdraw its force from Chad" -> Chad (the speaker's own "it" and
      "its" are skipped).

    Conditions and reasons ("unless Baghdad accepted"), relative clauses, time and cause
    prepositions ("after", "despite") and speech acts reported inside the content are not
    read.  ``subjects=False`` leaves out the subjects of content clauses (in "warned that Russia
    would respond", Russia is who would act, not whom the warning is aimed at).  Places are
    skipped ("condemned the fighting in Aleppo" is not aimed at Aleppo) unless ``places`` is
    "state" (threats: "a curfew in Algiers" -> Algeria), "country" (a country only) or "place"
    (attacks: "shelled positions near Rafah" -> Rafah).  Named actors are preferred; a group
    named by a common noun ("opposition candidates") is taken only when no named party is
    found, and never with ``groups=False``.  ``audience=False`` leaves out whom the act is
    addressed to ("complained to the United Nations over Israeli air raids" is aimed at Israel).
    ``purposes=True`` also reads infinitives of purpose ("send troops to help defend Saudi Arabia"),
    which for an offer or a threat name whom it is for; for other acts they name a topic.
    """
    limit = depth
    for with_groups in ((False, True) if groups else (False,)):
        queue = [(c, 1) for c in verb.children if _leads_into_content(c, verb, res, subjects=False,
                                                                      purposes=purposes)
                 and (audience or not (c.dep_ in ("prep", "dative") and c.lower_ == "to"))]
        while queue:
            tok, depth = queue.pop(0)
            keys = [k for k in _party_at(tok, res, with_groups, places) if k not in source]
            if keys:
                for c in tok.conjuncts:
                    if c.i > tok.i:
                        keys += [k for k in _party_at(c, res, with_groups, places) if k not in source]
                return list(dict.fromkeys(keys))
            if depth < limit:
                queue += [(c, depth + 1) for c in tok.children
                          if _leads_into_content(c, verb, res, subjects=subjects, purposes=purposes)]
    return []


def _coerced_party(verb, res: _Resolver, source: list[str]) -> list[str]:
    """Whom a threat's condition names: "threatened to stop the talks if the United States goes
    ahead", "will boycott the elections unless the president agrees" -- the subject of an "if" or
    "unless" clause of the threat or of its content is the party the threat is meant to move."""
    stack, seen = [verb], 0
    while stack and seen < 12:
        t = stack.pop(0)
        seen += 1
        for c in t.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                for s in _children(c, "nsubj", "nsubjpass"):
                    keys = [k for k in _party_at(s, res, False, "state") if k not in source]
                    if keys:
                        return keys
            elif c.dep_ in ("xcomp", "ccomp", "conj"):
                stack.append(c)
    return []


def _is_purpose(clause) -> bool:
    """An infinitive of purpose ("... to help defend X"), not a condition or a time clause."""
    kids = list(clause.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(c.dep_ == "mark" for c in kids)


def _leads_into_content(tok, verb, res: _Resolver, *, subjects: bool, purposes: bool) -> bool:
    """Whether the content walk of :func:`_content_party` goes on to ``tok``."""
    if purposes and tok.dep_ == "advcl" and _is_purpose(tok):
        return True  # "send troops to help defend Saudi Arabia": what the act is for
    if tok.dep_ in _OUT_OF_CONTENT or tok.dep_ in SUBJECT_DEPS and (not subjects or tok.head.i == verb.i):
        return False
    if tok.dep_ == "agent" and tok.head.i == verb.i or tok.dep_ == "prep" and tok.lower_ in res.lex.background_preps:
        return False
    if tok.dep_ == "prep" and tok.lower_ == "in" and any(
            c.lower_ in res.lex.reason_nouns for c in _children(tok, "pobj")):
        return False  # "in response to", "in retaliation for": a reason
    if tok.dep_ in ("ccomp", "conj") and tok.pos_ in ("VERB", "AUX"):
        trig = res.lex.verb_trigger(tok.text)
        if trig is not None and trig.type in SPEECH_TYPES:
            return False  # a speech act reported inside the content has its own parties
    return True


def _party_at(tok, res: _Resolver, groups: bool, places: str | None) -> list[str]:
    """The party one token of an act's content names, if any.

    A name, a pronoun, a resolvable noun phrase ("the government", "Israeli police"), a
    national adjective or possessive ("Iraqi towns", "Turkey's efforts"), or a place.
    """
    m = res.m
    if tok.i in m.actor_at:
        return [m.actor_at[tok.i]]
    if tok.i in m.place_at:
        return _place_party(m.place_at[tok.i], res, places)
    if tok.pos_ == "PRON":
        return res.pronoun(tok) if tok.dep_ in SUBJECT_DEPS else []
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and (tok.ent_type_ in ("NORP", "GPE") or tok.pos_ == "PROPN"):
        if any(c.lower_ in res.lex.dissident_words for c in tok.head.children):
            return []  # "Ugandan opposition candidates" are not the Ugandan state
        key = m._entity_key_for(tok)
        return [key] if key and m.entities[key].type == "state" else []
    if tok.pos_ in ("NOUN", "PROPN"):
        keys = res.phrase(tok, allow_groups=groups) if groups else res._one(tok, False)
        return [k for k in keys if groups or m.entities[k].type != "group"]
    return []


def _place_party(key: str, res: _Resolver, places: str | None) -> list[str]:
    """A place named as what an act is aimed at: itself (``places="place"``), its state
    (``"state"``: a country, a capital or a city of the gazetteer), or nothing."""
    if places == "place":
        return [key]
    ent = res.m.entities[key]
    if ent.iso and places in ("state", "country"):
        return [res.m.state(ent.iso).key]
    if places != "state":
        return []
    iso = res.lex.seat(ent.label) or (res.lex.city(ent.label) or {}).get("country")
    if iso and iso in res.lex.countries:
        return [res.m.state(iso).key]
    return []


#: How deep in a reported clause a statement's target may be named ("says growth in Australia
#: will slow": three links from "slow" to "Australia"); deeper names are background.
REPORT_DEPTH = 4


def _reported_clauses(verb) -> list["Token"]:
    """The clauses a speech verb reports: its "that"-clauses and quotes, or, for an attribution
    the parser hung on the apposition before it ("X is failing ..., a rights group protested"),
    the sentence's main clause."""
    clauses = [c for c in _children(verb, "ccomp") if c.pos_ in ("VERB", "AUX")]
    if not clauses and _misparsed_attribution(verb):
        root = verb.sent.root
        if root.i != verb.i and root.pos_ in ("VERB", "AUX"):
            clauses = [root]
    return clauses


def _reported_party(verb, res: _Resolver, source: list[str]) -> list[str]:
    """Whom a statement is about, as a CAMEO coder reads it: the named subject of its reported
    clause or quote, else the first party named in the clause's content, else "about/on X" of
    the statement itself.

    * "Jubeir said Assad must leave" -> Assad;
    * "the IMF says growth in Australia will slow" -> Australia (named inside the subject);
    * "Costello says a pickup could keep Australia in a strong position" -> Australia.

    A statement of fact that names no one ("police said the fire was under control") keeps no
    target; nor does one about the speaker ("Kerry said he would travel").  Groups named by a
    common noun and places other than countries ("in Sydney") name no one here.
    """
    for clause in _reported_clauses(verb):
        for s in _children(clause, "nsubj", "nsubjpass"):
            keys = [k for k in (res.phrase(s, allow_groups=False) or _owner_state(s, res)) if k not in source]
            keys = [k for k in keys if res.m.entities[k].type != "group"]
            if not keys and s.pos_ != "PRON":
                keys = _content_party(s, res, source, groups=False, places="country", depth=REPORT_DEPTH)
            if keys:
                return keys
        keys = _content_party(clause, res, source, groups=False, places="country", depth=REPORT_DEPTH)
        if keys:
            return keys
    for p in _children(verb, "prep"):
        if p.lower_ in ("about", "on", "regarding", "concerning", "of"):
            keys = [k for o in _children(p, "pobj") for k in res.phrase(o, allow_groups=False) if k not in source]
            if keys:
                return keys
    return []


def _status(trigger, lex: Lexicon) -> str:
    """occurred / planned / proposed / negated / hypothetical, from the trigger's clause."""
    status = "occurred"
    t = trigger
    via_complement = True
    for depth in range(6):
        kids = list(t.children)
        if any(c.dep_ == "neg" for c in kids) or any(c.lower_ in lex.negation_words and c.dep_ in ("det", "neg", "advmod") for c in kids):
            return "negated"
        lemma = lex.lemma(t.text, lex.negation_verbs | lex.planned_words | lex.proposed_words)
        if depth and lemma in lex.negation_verbs:
            particle = lex.negation_particles.get(lemma)
            if particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in kids):
                return "negated"
        if any(c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for c in kids):
            return "hypothetical"
        auxes = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
        if any(a in lex.future_auxiliaries for a in auxes) and status == "occurred":
            status = "planned"
        if any(a in lex.hypothetical_auxiliaries for a in auxes):
            return "hypothetical"
        if depth and status == "occurred" and via_complement:
            if lemma in lex.proposed_words or t.lower_ in lex.proposed_words:
                status = "proposed"
            elif lemma in lex.planned_words:
                status = "planned"
        if depth == 0 and t.pos_ == "NOUN":
            if any(c.dep_ == "amod" and c.lower_ in lex.planned_modifiers | lex.proposed_modifiers for c in kids):
                status = "proposed" if any(c.lower_ in lex.proposed_modifiers for c in kids) else "planned"
            if t.dep_ == "pobj" and t.head.lower_ in ("ahead", "before", "for") :
                status = "planned" if t.head.lower_ != "for" else status
        if t.dep_ == "xcomp" and status == "occurred" and lex.lemma(t.head.text) == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            status = "planned"  # "is to meet": an arrangement, not a fact
        if t.dep_ in ("ccomp", "xcomp") and lex.lemma(t.head.text, lex.wish_verbs) in lex.wish_verbs:
            return "hypothetical"  # "hoped they would be indicted": a wish, not a plan
        purpose = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        if (t.dep_ in ("ccomp", "relcl", "ROOT", "advcl") and not purpose) or t.head.i == t.i:
            break
        if _finite_conjunct(t):
            break  # "did not meet X but spoke to him": a tensed conjunct carries its own negation and modals
        # "after a meeting" hangs from "agreed" through a preposition: "agree" does not make it planned.
        via_complement = t.dep_ in ("xcomp", "dobj", "advcl", "conj", "acomp", "attr", "oprd")
        t = t.head
    return status


def _climb_to_verb(tok):
    """The verb a noun trigger hangs from ("talks" in "arrived for talks" -> "arrived")."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None



def _participants(noun, res: _Resolver) -> list[str]:
    out: list[str] = []
    with_preps = ("with", "between", "among", "amongst")
    if _is_courtesy_call(noun, res.lex):
        with_preps += ("on", "upon")  # "pay a courtesy call on Marcos"
    for p in _children(noun, "prep"):
        if p.lower_ in with_preps:
            for o in _children(p, "pobj"):
                keys = res.phrase(o)
                if not keys and o.lower_ in res.lex.envoy_nouns:
                    keys = [k for q in _children(o, "prep") if q.lower_ in ("of", "from")
                            for x in _children(q, "pobj") for k in res.phrase(x, allow_groups=False)]
                out += keys
    for c in _children(noun, "compound", "amod", "nmod", "poss"):
        key = res.m.actor_at.get(c.i)
        if key:
            out.append(key)
    return list(dict.fromkeys(out))



def _destination(trigger, verb, res: _Resolver) -> list[str]:
    """The state a visit goes to: "visited Beijing", "a visit to Beirut", "arrived in Amman on a
    visit" (a country, a capital or a city of the gazetteer; the host state is the visit's target)."""
    heads = [(trigger, ("to",))] if trigger.pos_ == "NOUN" else [(trigger, ("to", "in"))]
    if verb is not None and verb.i != trigger.i and res.lex.lemma(verb.text, res.lex.arrival_verbs) in res.lex.arrival_verbs:
        heads.append((verb, ("in", "at", "to")))
    out: list[str] = []
    for head, preps in heads:
        objs = [o for p in _children(head, "prep") if p.lower_ in preps for o in _children(p, "pobj")]
        if head.pos_ == "VERB":
            objs += _children(head, "dobj")
        for o in objs:
            if o.i in res.m.place_at:
                out += _place_party(res.m.place_at[o.i], res, "state")
    return list(dict.fromkeys(out))


def _is_courtesy_call(noun, lex: Lexicon) -> bool:
    """A call that is a visit: "pay a (courtesy) call on X", not a call for calm or a phone call."""
    if noun.lower_ not in ("call", "calls"):
        return False
    return any(c.lower_ == "courtesy" for c in noun.children) or (
        noun.dep_ == "dobj" and lex.lemma(noun.head.text, {"pay"}) == "pay")



def _place(trigger, m: Mentions, sent) -> str | None:
    """Place of an event: "in/at PLACE" inside the trigger's phrase, else on the clause it hangs from."""
    lex = m.lex

    def in_prep(p) -> str | None:
        if p.lower_ not in lex.event_locative_preps:
            return None
        for o in _children(p, "pobj"):
            # "in the Belarusian capital, Minsk": the name may stand in apposition to a place noun.
            for x in [o] + list(o.conjuncts) + _children(o, "appos"):
                if x.i in m.place_at:
                    return m.place_at[x.i]
        return None

    # Inside the trigger's own phrase ("meet X for talks on Syria in Moscow"), not in clauses below
    # it, and not inside a topic ("talks on the conflict in eastern Ukraine" were not held there).
    stack = list(trigger.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ in ("ccomp", "relcl", "advcl", "csubj", "parataxis"):
            continue
        if t.dep_ == "prep" and t.lower_ in lex.topic_preps:
            continue
        if t.dep_ == "prep" and (hit := in_prep(t)):
            return hit
        stack.extend(t.children)
    t = trigger
    for _ in range(5):
        if t.dep_ in ("ccomp", "ROOT") or t.head.i == t.i:
            break
        t = t.head
        for p in _children(t, "prep"):
            if hit := in_prep(p):
                return hit
    return None


def _date(trigger, m: Mentions) -> "Span | None":
    dates = m.dates.get(trigger.sent.start, [])
    if not dates:
        return None
    chain = []
    t = trigger
    for _ in range(5):
        chain.append(t)
        if t.head.i == t.i or t.dep_ in ("ccomp",):
            break
        t = t.head
    for anc in chain:
        for d in dates:
            h = d.root
            for _ in range(3):
                if h.head.i == anc.i:
                    return d
                if h.head.i == h.i:
                    break
                h = h.head
    return None


def iter_events(m: Mentions) -> Iterator[_Found]:
    """Yield the events of a document, sentence by sentence."""
    res = _Resolver(m)
    for sent in m.doc.sents:
        found: list[_Found] = []
        for tok in sent:
            f = _verb_event(tok, res) if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" else None
            if f is None and tok.pos_ in ("NOUN", "PROPN") and tok.i not in m.actor_at and tok.i not in m.place_at:
                f = _noun_event(tok, res)
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


#: Acts whose complement is what they ask for, threaten or allege, not an event that happened:
#: "threatened to storm the palace", "demanded a truce", "wants Putin to attack".
CONTENT_TAKING_TYPES = names(takes_content=True)
#: Statuses of an act that did not (yet) take place; such acts are no edge of the graph.
#: Meetings are the exception: "did not meet" / "ruled out talks" are news in themselves.
UNREAL_STATUSES = frozenset({"negated", "hypothetical"})


def _is_reported_only(f: _Found, found: list[_Found]) -> bool:
    """True for an event that is only the content of another act of the sentence, or that did not happen."""
    if f.status in UNREAL_STATUSES and f.type != "meeting":
        # A threat is conditional by nature ("may halt ... if"); a refusal or a denied act is not an act.
        if not (f.type == "threat" and f.status == "hypothetical"):
            return True
    if any(other is not f and other.type == f.type and f.trigger.dep_ == "xcomp" and f.trigger.head.i == other.trigger.i
           for other in found):
        return True  # "agreed to accept a force": one agreement, told by its first verb
    for other in found:
        if other is f or other.type not in CONTENT_TAKING_TYPES or other.trigger.i == f.trigger.i \
                or other.reports_facts:
            continue
        if _governs(other.trigger, f.trigger):
            return True
    return False


def _governs(head, tok, depth: int = 6) -> bool:
    """``tok`` lies in the complement of ``head`` (not in a clause merely attached to the sentence)."""
    t = tok
    for _ in range(depth):
        if t.head.i == t.i or t.dep_ in ("relcl", "advcl", "parataxis") and t.head.i != head.i:
            return False
        if _finite_conjunct(t):
            # "appealed for calm and accused X": a tensed conjunct is a second act, not the first
            # one's content; it is content only where the verb it is coordinated with is.
            t = _coordinate(t)
            if t.i == head.i:
                return False
            continue
        if t.head.i == head.i:
            return t.dep_ in COMPLEMENT_DEPS
        t = t.head
    return False


#: Dependencies that attach the content of an act to its trigger.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "conj", "advcl", "oprd", "attr",
                             "pcomp", "dative", "nsubjpass"})


def _intent_to_meet(f: _Found, lex: Lexicon) -> _Found | None:
    """A meeting someone says they are ready or willing to hold, or says they will hold ("said they
    would meet"), is an expressed intent to meet (CAMEO 036) rather than a meeting; one scheduled
    by others ("the Kremlin announced Lavrov would meet") stays a planned meeting."""
    if f.type != "meeting" or f.status not in ("planned", "proposed"):
        return None
    t = f.trigger
    for _ in range(3):
        kids = list(t.children)
        said_by_self = t.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in lex.future_auxiliaries for c in kids) and any(
            c.dep_ == "nsubj" and c.pos_ == "PRON" for c in kids) and (
            lex.verb_trigger(t.head.text) is not None and lex.verb_trigger(t.head.text).type == "statement")
        if said_by_self or t.lower_ in lex.willing_words or any(c.dep_ == "acomp" and c.lower_ in lex.willing_words for c in kids):
            return _Found(*REGISTRY.rule("intent to meet"), f.trigger, f.source, f.targets, f.status,
                          f.co_sources)
        if t.dep_ not in ("xcomp", "dobj", "pobj", "prep") or t.head.i == t.i:
            break
        t = t.head
    return None


def _verb_event(tok, res: _Resolver) -> _Found | None:
    lex = res.lex
    trig: Trigger | None = None
    for prt in _children(tok, "prt", "prep"):
        trig = lex.phrasal_trigger(tok.text, prt.text) or trig
        if trig:
            break
    if trig is None:
        trig = lex.verb_trigger(tok.text)
    crowd = _crowd_act(tok, res)
    if crowd is not None:
        trig = crowd  # "thousands protested", "workers will strike": a protest, not a complaint or a threat
    elif trig is not None and trig.type == PROTEST.name:
        trig = None  # "stocks rallied", "troops marched": no crowd, no protest ("would boycott" may be a threat)
    intent = None
    if trig is None or trig.type in ("statement", "attack", "agreement"):
        # An armed act or a coercive measure someone says they will or want to carry out is a
        # threat (CAMEO 13): "will extend the curfew", "wants to attack".
        intent = _intent(tok, lex)
        # "X said Y must agree/withdraw": a demand of Y, whatever Y is asked to do.
        if intent is not None and (trig is None or trig.type == "statement" or intent.type == "threat"
                                   or intent.lemma == "must"):
            trig = intent
    if trig is None or tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    if tok.pos_ == "AUX" and trig.lemma not in ("say", "must"):
        return None
    if tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and trig.type != "attack" \
            and not _misparsed_attribution(tok):
        return None
    if trig.lemma in lex.finite_only and not (_is_finite(tok) or tok.dep_ == "ROOT" and _children(tok, "nsubj")) \
            and not _crowd_purpose(tok, crowd, res):
        return None  # "marched to protest", "demonstrators protesting": a demonstration, not a complaint
    if trig.lemma in ("call on", "call upon") and _is_visit(tok, res):
        trig = Trigger("meeting", VISIT_CAMEO, trig.lemma)
    lemma = trig.lemma
    source, passive = _subject(tok, res)
    together: list[str] = []  # coordinated subjects of a symmetric act, after the first
    if trig.type == "attack" and not source:
        source = _attacker_named_by_means(tok, passive, res)
    if trig.type in SPEECH_TYPES and not source:
        source = _issuer(tok, res)
    if not _parties_fit(tok, trig, source, trig is intent, res):
        return None
    trig = _warning_of_danger(tok, trig, res)
    targets: list[str] = []
    if lemma == "must":
        source, targets = _demand_of_report(tok, res)
    elif trig.type == "statement":
        targets = [k for d in _children(tok, "dative", "dobj") for k in res.phrase(d, allow_groups=False)
                   if res.m.entities[k].type != "group"] if lemma == "tell" else []
        if not targets and source:
            targets = _reported_party(tok, res, source)
    elif trig.type == "meeting":
        targets = _objects(tok, res, ("with", "to", "on", "upon") if trig.cameo == VISIT_CAMEO else ("with", "to"))
        if not targets and trig.cameo == VISIT_CAMEO:
            targets = [k for k in _destination(tok, None, res) if k not in source]
        if not targets and lemma in HOLDING_VERBS:
            # "Norway hosted talks between A and B": the host meets the parties of the talks.
            targets = [k for o in _children(tok, "dobj") for k in _participants(o, res) if k not in source]
        # "X and Y met": the subject's conjuncts are the counterparts.
        if not targets and len(source) > 1:
            source, targets = source[:1], source[1:]
            together = targets
        if not targets:
            # "attended a summit": a meeting whose counterparts are not named ("welcomed the
            # visit" is approval, not a meeting of the subject).
            if lemma not in HOLDING_VERBS or not any(lex.noun_trigger(c.text) and lex.noun_trigger(c.text).type == "meeting"
                       for c in _children(tok, "dobj")):
                return None
    elif lemma in ASKING_VERBS and trig.type == "appeal":
        objs = _children(tok, "dobj")
        xcomp = _children(tok, "xcomp", "ccomp")
        if lemma == "want" and not (xcomp and (objs or _children(xcomp[0], "nsubj"))):
            return None
        if lemma == "seek" and not objs:
            return None  # "sought to ease tensions" is an attempt, not a request
        targets = []
        for o in objs:
            targets += res.phrase(o)
        for x in xcomp:
            for s in _children(x, "nsubj"):
                targets += res.phrase(s)
    else:
        if passive:
            targets = [k for s in _children(tok, "nsubjpass") for k in res.phrase(s)]
            if not targets and source:
                # "a camp for Congolese refugees was attacked": a party named inside the subject
                targets = [k for s in _children(tok, "nsubjpass") for k in _content_party(
                    s, res, source, places="place" if trig.type == "attack" else None, depth=REPORT_DEPTH)]
        targets += _objects(tok, res, ("on", "upon", "against", "for") if trig.type == "appeal" else ("against", "on"))
        if trig.type in DIRECTED_TYPES:
            targets += _content_targets(tok, trig.type, res)
        if trig.type == "attack":
            targets += _objects(tok, res, ("at",))  # "fired missiles at Russia"
        if source and not [t for t in targets if t not in source] \
                and trig.type in DIRECTED_TYPES | SYMMETRIC_TYPES | {"attack"}:
            # Only for an act with a named actor: an unattributed one is kept on its own merits.
            targets += _content_party(tok, res, source, subjects=trig.type != "threat",
                                      places={"attack": "place", "threat": "state"}.get(trig.type),
                                      audience=trig.type != "accusation",
                                      purposes=trig.type in ("agreement", "threat"))
            if not targets and trig.type == "threat":
                targets += _coerced_party(tok, res, source)
            if not targets and trig.type in DIRECTED_TYPES and trig.type != "threat":
                # "X is failing ..., a rights group protested": the reported clause's subject.
                targets += _reported_party(tok, res, source)
        if trig.type in SYMMETRIC_TYPES and len(source) > 1:
            # "X and Y agreed": an agreement between them.
            together = [] if targets else source[1:]
            source, targets = source[:1], source[1:] + targets
        if trig.type == "attack":
            # Attacks may target places ("shelled Aleppo").
            for o in _children(tok, "dobj"):
                for x in [o] + list(o.conjuncts):
                    if x.i in res.m.place_at:
                        targets.append(res.m.place_at[x.i])
    if trig.type == "threat" and _threatens_protest(tok, res):
        trig = Trigger(*REGISTRY.rule("threaten protest"), lemma)  # "unions threatened to strike": CAMEO 133
    accused = _accused_in_report(tok, res) if trig.type == "statement" and source and lemma in REPORTING_LEMMAS else []
    accused = [k for k in accused if k not in source]  # "X said X's forces had ...": no accusation
    if accused:
        trig, targets = Trigger(*REGISTRY.rule("accusing report"), lemma), accused
    if trig.type == "attack":
        targets = _attacked_states(targets, res)
    targets = [t for t in dict.fromkeys(targets) if t not in source]
    unnamed = not source and _unnamed_speaker(tok, trig)
    if trig.type in SPEECH_TYPES and not source and not unnamed:
        return None
    if trig.type not in PARTICIPANT_FREE_TYPES | DIRECTED_TYPES and not source and not targets:
        return None
    if trig.type == "meeting" and not targets and not source:
        return None
    if not source and not targets and not unnamed and not _is_main_clause(tok, lex) \
            and not _crowd_purpose(tok, crowd, res):
        return None  # an unattributed event is kept only as the sentence's main statement
    # "A, B and C met": B met C too (each later partner is also a source, of the partners after it).
    return _Found(trig.type, trig.cameo, tok, source[:1], targets, _status(tok, lex),
                  _co_sources(trig.type, source, targets, res) or tuple(together[:-1]), reports_facts=bool(accused))


def _issuer(verb, res: _Resolver) -> list[str]:
    """Who speaks through a text that is a speech act's subject: "a report released in the Rwandan
    capital alleged ..." (Rwanda), "an official Syrian newspaper called on ..." (Syria), "a
    statement by the foreign ministry said ..." -- the first party named in the text's phrase."""
    subj, passive = _subject_token(verb)
    if subj is None or passive or subj.pos_ != "NOUN" or subj.lower_ not in res.lex.document_nouns \
            or subj.head.i != verb.i:
        return []  # only the text's own act: not "a resolution that aims to impose ..."
    own = [k for c in subj.children if c.dep_ in ("amod", "compound", "poss", "nmod")
           for k in _party_at(c, res, False, "state")]
    return own[:1] or _content_party(subj, res, [], groups=False, places="state", depth=4)[:1]


def _attacked_states(targets: list[str], res: _Resolver) -> list[str]:
    """An attack on a place is also an attack on its state, as CAMEO codes it: "invaded Kuwait"
    (the country is the state itself), "shelled Aleppo" (Aleppo, and Syria after it)."""
    out: list[str] = []
    for key in targets:
        ent = res.m.entities[key]
        if ent.kind != "place":
            out.append(key)
        elif ent.iso:
            out.append(res.m.state(ent.iso).key)
        else:
            out += [key] + _place_party(key, res, "state")
    return out


def _attacker_named_by_means(verb, passive: bool, res: _Resolver) -> list[str]:
    """The side an attack is credited to when what the clause names is its means, not a party.

    "Four children were killed in Israeli tank shelling", "were killed by an Israeli air
    strike", "Recent US Predator attacks have killed ...": the state or organization named as
    the modifier of an attack noun or a weapon (the lexicon's attack nouns and the military
    heads of the roles list) is the attacker.
    """
    nouns = [o for p in _children(verb, "prep", "agent") if p.lower_ in ("in", "by")
             for o in _children(p, "pobj")] if passive else _children(verb, "nsubj")
    for noun in nouns:
        if noun.pos_ != "NOUN" or not _is_means(noun, res.lex, weapons=passive):
            continue
        for c in noun.subtree:  # "US Predator attacks": the modifier may hang on a modifier
            if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nmod"):
                keys = [k for k in _party_at(c, res, False, None) if res.m.entities[k].type != "person"]
                if keys:
                    return keys
    return []


def _is_means(noun, lex: Lexicon, *, weapons: bool = True) -> bool:
    """An attack noun ("shelling", "air strike") or, with ``weapons``, a weapon or force of the
    roles list ("tank", "warplanes")."""
    trig = lex.noun_trigger(noun.text)
    if trig is not None and trig.type == "attack":
        return True
    if not weapons:
        return False
    low = noun.lower_
    return low in lex.official_heads or low + "s" in lex.official_heads


def _co_sources(kind: str, source: list[str], targets: list[str], res: _Resolver) -> tuple[str, ...]:
    """The speakers after the first of a speech act with a coordinated subject.

    "Volkswagen, BMW and Mercedes-Benz all criticised the duties": one act per named speaker
    (a common-noun group in the list is left to the first speaker's act).
    """
    if kind not in SPEECH_TYPES:
        return ()
    return tuple(k for k in source[1:] if res.m.entities[k].type != "group" and k not in targets)


#: Verbs that report what someone said, with no act of their own ("announce", "confirm" have one).
REPORTING_LEMMAS = REGISTRY["statement"].word_list("reporting_verbs")

#: Clauses hung inside a reported clause that say something else than what its subject did.
_OTHER_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "conj"})


def _accused_in_report(verb, res: _Resolver) -> list[str]:
    """The named subject of a reported clause that accuses it: "Kurti said Serbia was running away
    from its obligations", "Wang said the Philippine vessels had illegally intruded".

    Only an active, affirmative clause whose own words (not those of a clause inside it) hold one
    of the lexicon's accusing phrases; a clause about the speaker is no accusation.
    """
    out: list[str] = []
    for c in _children(verb, "ccomp"):
        subj = _children(c, "nsubj")
        if not subj or c.pos_ not in ("VERB", "AUX") or any(k.dep_ == "neg" for k in c.children):
            continue
        words, stack = [], [c]
        while stack:
            t = stack.pop()
            words.append(t)
            stack += [k for k in t.children if k.dep_ not in _OTHER_CLAUSES and k.dep_ != "nsubj"]
        text = " " + " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i)) + " "
        if any(f" {p} " in text for p in res.lex.accusing_phrases):
            for s in subj:
                if s.pos_ != "PRON":
                    out += res.phrase(s) or _owner_state(s, res)
    return out


def _owner_state(noun, res: _Resolver) -> list[str]:
    """The state a common noun belongs to by its national adjective ("the Philippine vessels")."""
    if noun.pos_ != "NOUN":
        return []
    for c in _children(noun, "amod", "compound"):
        key = res.m._entity_key_for(c) if c.ent_type_ in ("NORP", "GPE") else None
        if key and res.m.entities[key].type == "state":
            return [key]
    return []


#: CAMEO code of a visit ("called on President Marcos", "paid a courtesy call on him").
VISIT_CAMEO = REGISTRY["meeting"].rules["visit"]


def _is_visit(verb, res: _Resolver) -> bool:
    """"called on President Marcos at the palace": a visit to a person, not an appeal.

    Only when nothing is asked of him -- no infinitive or clause ("called on X to withdraw"),
    no object and no "for" ("called on X for restraint") -- and "on" names a person.
    """
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "advcl") or c.dep_ == "prep" and c.lower_ == "for"
           for c in verb.children):
        return False
    for p in _children(verb, "prep"):
        if p.lower_ in ("on", "upon"):
            for o in _children(p, "pobj"):
                if any(c.dep_ in ("xcomp", "acl", "relcl") for c in o.children):
                    return False
                keys = res.phrase(o, allow_groups=False)
                return bool(keys) and all(res.m.entities[k].type == "person" for k in keys)
    return False


#: Appeal verbs whose object, or the subject of whose clause, is the one asked ("wants Putin to attack").
ASKING_VERBS = REGISTRY["appeal"].word_list("asking_verbs")

#: Meeting verbs whose subject takes part in the meeting named by their object ("attended a summit").
HOLDING_VERBS = REGISTRY["meeting"].word_list("holding_verbs")

#: Acts whose coordinated subjects act with each other ("X and Y met", "X and Y agreed").
SYMMETRIC_TYPES = names(symmetric=True)

#: Speech acts aimed at someone; worth recording even when the speaker has no name.
DIRECTED_TYPES = names(source="speaker", directed=True)


def _unnamed_speaker(verb, trig: Trigger) -> bool:
    """An accusation, appeal or threat by someone described but not named ("a Saudi businessman
    is suing ...", "a human rights group protested"): the act is kept with an empty source.
    A bare statement is not: without its speaker it says nothing about the network."""
    if trig.type not in DIRECTED_TYPES or not _is_finite(verb):
        return False  # "marched to demand", "calling for": the act belongs to whoever the clause is about
    subj, passive = _subject_token(verb)
    if passive:
        return bool(_children(verb, "nsubjpass"))  # "X was accused of ...": the target is enough
    return subj is not None and subj.pos_ in ("NOUN", "PROPN")


def _is_finite(verb) -> bool:
    """A tensed verb ("protested", "has demanded"), not an infinitive or a participle alone."""
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or _misparsed_attribution(verb):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def _is_main_clause(tok, lex: Lexicon) -> bool:
    """The sentence's root, or the reported clause of a root speech verb ("..., police said")."""
    if tok.dep_ == "ROOT":
        return True
    head = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and head.dep_ == "ROOT":
        trig = lex.verb_trigger(head.text)
        return trig is not None and trig.type == "statement"
    return False


def _intent(verb, lex: Lexicon) -> Trigger | None:
    """Announced future action: "X will withdraw ..." / "plans to impose sanctions" (threat),
    "X is ready to help" / "wants to help" (agreement), "Y must return ..." (demand, when said by
    someone else)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(verb.children)
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if "must" in auxes and _is_reported(verb, lex):
        return Trigger(*REGISTRY.rule("must"), "must")
    if verb.pos_ != "VERB":
        return None
    subj, _ = _subject_token(verb)
    if subj is not None and _is_crowd(subj):
        return None  # "workers will extend the strike": a crowd's announced action is a protest, not a threat
    lemma = lex.lemma(verb.text, lex.intent_actions)
    kind = lex.intent_actions.get(lemma)
    if _has_negative_object(verb, lex):
        # "extend the curfew", "resume shelling" -- but "lift the sanctions" undoes the measure.
        kind = "positive" if lemma in lex.relief_actions else "negative"
    if kind is None:
        return None
    governor = verb.head if verb.dep_ == "xcomp" else None
    willing = governor is not None and (governor.lower_ in lex.willing_words or any(
        c.lower_ in lex.willing_words for c in governor.children if c.dep_ == "acomp"))
    intends = governor is not None and lex.lemma(governor.text, lex.intent_verbs) in lex.intent_verbs
    future = auxes & lex.future_auxiliaries
    # "may halt ... if": a conditional threat is still a threat.
    conditional = kind == "negative" and auxes & lex.conditional_auxiliaries
    main = verb.dep_ in ("ccomp", "ROOT") or verb.head.i == verb.i
    if willing or intends or (future or conditional) and main:
        return Trigger(*REGISTRY.rule(f"announced {'negative' if kind == 'negative' else 'cooperative'} action"), lemma)
    return None


def _is_reported(verb, lex: Lexicon) -> bool:
    """``verb`` is the content of a speech act: "said Y must ...", "a reminder that Y must ..."."""
    head = verb.head
    if verb.dep_ == "ccomp":
        return lex.verb_trigger(head.text) is not None
    return verb.dep_ == "acl" and head.pos_ == "NOUN"


def _has_negative_object(verb, lex: Lexicon) -> bool:
    """The action's object is a coercive measure or an armed act ("extend the curfew", "resume shelling")."""
    for c in verb.children:
        if c.dep_ == "dobj" and (c.lower_ in lex.negative_objects or " ".join(
                [x.lower_ for x in c.lefts if x.dep_ in ("compound", "amod")] + [c.lower_]) in lex.negative_objects):
            return True
        if c.dep_ in ("xcomp", "dobj") and c.pos_ in ("VERB", "NOUN"):
            trig = lex.verb_trigger(c.text) if c.pos_ == "VERB" else lex.noun_trigger(c.text)
            if trig is not None and trig.type == "attack":
                return True
    return False


def _noun_event(tok, res: _Resolver) -> _Found | None:
    lex = res.lex
    trig = lex.noun_trigger(tok.text)
    if trig is None:
        return None
    if trig.lemma == "call" and not any(c.lower_ in ("phone", "telephone") for c in tok.children) \
            and not _is_courtesy_call(tok, lex):
        return None
    if trig.verbs and not (tok.dep_ in ("dobj", "nsubjpass") and lex.lemma(tok.head.text, trig.verbs) in trig.verbs):
        trig = trig.otherwise  # "lodged a protest" is a complaint; "protests erupted" is a demonstration
        if trig is None:
            return None
    if trig.type == "attack" and tok.lower_ in ("strike", "strikes"):
        trig = _labour_strike(tok, res) or trig
    if trig.type == PROTEST.name and tok.pos_ != "NOUN":
        return None  # "March", the month
    if tok.dep_ == "compound" and trig.type != "attack":
        if tok.head.lower_ not in lex.carrier_nouns:
            return None
        tok = tok.head  # "a mediation effort between A and B": the carrier noun holds the arguments
    verb = _climb_to_verb(tok)
    # A noun that spells out the verb's own event ("meet X for talks") adds nothing.
    if verb is not None:
        vt = lex.verb_trigger(verb.text)
        if vt and vt.type == trig.type and verb.i in _ancestors_within(tok, 3):
            return None
    participants = _participants(tok, res)
    source: list[str] = []
    if trig.type == "meeting":
        between = any(p.lower_ in ("between", "among") for p in _children(tok, "prep"))
        if verb is not None and not between and tok.dep_ not in SUBJECT_DEPS:
            source, _ = _subject(verb, res)
        elif verb is not None and between and tok.dep_ == "dobj" and tok.head.i == verb.i:
            # "X undertook a mediation mission between A and B": X meets both sides.
            source, _ = _subject(verb, res)
            source = [k for k in source if k not in participants]
        elif verb is not None and tok.dep_ in SUBJECT_DEPS and not between:
            source, _ = _subject(verb.head, res) if verb.dep_ == "ccomp" else ([], False)
        if not participants and verb is not None and verb.i not in _ancestors_within(tok, 3):
            return None  # "on the second day of a conference": a setting, not a meeting of the subject
        if not source and len(participants) >= 2:
            source, participants = participants[:1], participants[1:]
        if len(source) > 1 and not participants:
            # "X and Y agreed ... after a meeting": the coordinated subjects met.
            source, participants = source[:1], source[1:]
        targets = [p for p in participants if p not in source]
        if not targets and trig.cameo == VISIT_CAMEO:
            targets = [k for k in _destination(tok, verb, res) if k not in source]
        if not targets and not source:
            return None
        cameo = VISIT_CAMEO if _is_courtesy_call(tok, lex) else trig.cameo
        return _Found("meeting", cameo, tok, source[:1], targets, _status(tok, lex))
    # Other nouns take their source from a light verb ("launched an attack", "signed a deal")
    # or a demonym/possessive ("Russian announcement", "Russia's demand").
    mods = [res.m.actor_at[c.i] for c in _children(tok, "amod", "compound", "poss", "nmod") if c.i in res.m.actor_at]
    # The verb a noun needs ("presented evidence", "lodged a protest") acts like a light verb.
    light = verb is not None and (lex.is_light_verb(verb.text) or bool(trig.verbs)) and tok.dep_ in (
        "dobj", "pobj", "attr", "nsubjpass")
    if light:
        source, _ = _subject(verb, res)
    if not source and mods:
        source = mods[:1]
    if trig.type == "attack":
        if any(c.lower_ in _NOT_ATTACK_MODIFIERS for c in tok.children):
            return None  # "hunger strike", "general strike"
        if not (light and source) and not mods:
            return None  # an attack named in passing ("after the invasion") is background
    # "an attack on Palestinian targets", "on some of the Palestinian symbols": a party named
    # inside the object (a national adjective standing for its state)
    # (the parser may hang "on X" on the light verb: "launched raids on X")
    preps = _children(tok, "prep") + (_children(verb, "prep") if light and trig.type == "attack" else [])
    targets = [k for p in preps if p.lower_ in ("on", "against", "with", "to", "for")
               for o in _children(p, "pobj") for k in res.phrase(o) or _owner_state(o, res)
               or _content_party(o, res, source, groups=False, depth=3)]
    if trig.type == "attack":
        for p in _children(tok, "prep"):
            if p.lower_ in ("on", "against", "of"):  # "the invasion of South Lebanon"
                for o in _children(p, "pobj"):
                    if o.i in res.m.place_at:
                        targets.append(res.m.place_at[o.i])
                    elif p.lower_ == "of":
                        targets += res.phrase(o, allow_groups=False)
    if trig.type == "agreement":
        targets = participants or targets
    if trig.type == "attack":
        targets = _attacked_states(targets, res)
    targets = [t for t in dict.fromkeys(targets) if t not in source]
    if trig.type in SPEECH_TYPES and not source:
        return None
    if trig.type not in PARTICIPANT_FREE_TYPES and not source and not targets:
        return None
    if trig.type != "attack" and not source and not targets and not (
            trig.type == PROTEST.name and _protest_reported(tok, res)):
        return None  # "cooperation", "deal" alone name no one
    if trig.type == "attack" and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and not source:
        return None
    # "Japan, Australia and the European Union expressed concern": each named speaker spoke.
    return _Found(trig.type, trig.cameo, tok, source[:1], targets, _status(tok, lex),
                  _co_sources(trig.type, source, targets, res))


_NOT_ATTACK_MODIFIERS = REGISTRY["attack"].word_list("not_after") | frozenset(
    REGISTRY["protest"].table("strike_modifiers"))

# Which events ordinary news makes: the parties and the trigger must fit.
ATTACK = REGISTRY["attack"]
AGREEMENT = REGISTRY["agreement"]
THREAT = REGISTRY["threat"]


def _parties_fit(verb, trig: Trigger, source: list[str], announced: bool, res: _Resolver) -> bool:
    """Whether a verb trigger's subject and object fit the event it names.

    * an announced action ("will resume", "will cut") is an intent of an actor that names what it
      will do: "the royal commission will resume", "new laws will cut pollution" are none;
    * an attack needs an attacker that can attack and an object that can be attacked: not "the
      storm struck", "firefighters are battling the blaze", "fighting the proposal"; "beat", "fight",
      "battle", "clash" are no attack in a contest ("beat South Africa by 246 runs"); "were killed"
      with no agent is an attack only in a sentence of violence ("when a fire broke out" is none);
    * a threat by an unnamed speaker needs a speaker: not "a fire is threatening properties";
    * some cooperative verbs need a given kind of object ("share intelligence", "recognise Kosovo",
      "committed to the plan").
    """
    lex = res.lex
    if any(f"{lex.lemma(verb.text)} {p.lower_}" in REGISTRY[trig.type].word_list("not_phrasal")
           for p in _children(verb, "prt")):
        return False  # "blasted off", "sworn in"
    subj, passive = _subject_token(verb)
    objects = _children(verb, "dobj")
    if announced and trig.type in ("threat", "agreement") and _contest_doc(verb.doc):
        return False  # "the coach decided to end their partnership"
    if announced and trig.type in ("threat", "agreement"):
        if not (source or subj is not None and not passive and _agent_noun(subj, lex)):
            return False
        if not _children(verb, "dobj", "dative", "xcomp", "ccomp", "prt"):
            return False
    if trig.type == "attack":
        if subj is not None and any(w.lower_ in ATTACK.word_list("not_agents") for w in _head_words(subj)):
            return False
        if any(w.lower_ in ATTACK.word_list("not_targets") for o in objects for w in _head_words(o)):
            return False
        if trig.lemma in ATTACK.word_list("contest_verbs") and (_contest_sentence(verb.sent) or _contest_doc(verb.doc)):
            return False
        if trig.lemma in ATTACK.word_list("contest_verbs") and any(p.lower_ in ("over", "about") for p in _children(
                verb, "prep")) and not _violent(verb.sent, verb):
            return False  # "Australia and the United Nations have clashed over asylum seekers": a dispute
        if trig.lemma in ATTACK.word_list("dismissal_verbs") and passive and any(
                p.lower_ == "from" for p in _children(verb, "prep")):
            return False  # "was fired from the factory"
        if trig.lemma in ATTACK.word_list("casualty_verbs") and subj is None and not source \
                and not _violent(verb.sent, verb):  # an attacker named on the means is violence enough
            return False
    if trig.type == "threat" and not source and subj is not None and not passive and not _agent_noun(subj, lex):
        return False
    if trig.type in DIRECTED_TYPES and not source and passive and subj is None and not any(
            res.phrase(s) for s in _children(verb, "nsubjpass")):
        return False  # "when burden sharing is requested": asked by no one of no one
    if trig.type == "agreement":
        wanted = AGREEMENT.table("object_words").get(trig.lemma)
        if wanted is not None and not any(o.lower_ in wanted for o in objects):
            return False
        unwanted = AGREEMENT.table("not_objects").get(trig.lemma, frozenset())
        if any(o.lower_ in unwanted for o in objects):
            return False
        if trig.lemma in AGREEMENT.word_list("actor_object") and not any(res.phrase(o) for o in objects):
            return False
        if trig.lemma in AGREEMENT.word_list("to_complement") and not (_children(verb, "xcomp", "dative") or any(
                p.lower_ == "to" for p in _children(verb, "prep"))):
            return False
    return True


def _head_words(noun) -> list:
    """The words that say what a noun phrase is: its head, the nouns compounded with it, and for a
    quantity the noun it counts ("hundreds of firefighters", "the blazes west of the city")."""
    words = [noun] + [c for c in noun.children if c.dep_ == "compound"]
    if noun.like_num or noun.ent_type_ in ("CARDINAL", "QUANTITY") or noun.lower_ in ("dozens", "hundreds", "thousands"):
        words += [o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    return words


def _contest_sentence(sent) -> bool:
    words = ATTACK.word_list("competition_words")
    return any(t.lower_ in words for t in sent) or any(_is_score(t) for t in sent)


def _is_score(tok) -> bool:
    """"6-3", "3-0", "246 runs" style results."""
    text = tok.text
    return "-" in text and all(p.isdigit() for p in text.split("-")) and text.count("-") == 1


def _contest_doc(doc) -> bool:
    """An article about a game or a race: four different competition words or more."""
    if "graphbuild_contest" not in doc.user_data:
        words = ATTACK.word_list("competition_words")
        doc.user_data["graphbuild_contest"] = len({t.lower_ for t in doc if t.lower_ in words}) >= 4
    return doc.user_data["graphbuild_contest"]


def _violent(sent, verb) -> bool:
    """The sentence tells of violence besides ``verb``: a weapon, an armed group, another attack."""
    words = ATTACK.word_list("violence_words")
    for t in sent:
        if t.i == verb.i:
            continue
        if t.lower_ in words:
            return True
    return False


def _agent_noun(tok, lex: Lexicon) -> bool:
    """A noun for someone who can speak or act: a title, an official body, a group, a crowd, a pronoun."""
    low = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_
    return tok.pos_ == "PROPN" or tok.lower_ in lex.person_pronouns or tok.lower_ in ("i", "we", "they") \
        or low in lex.title_nouns or low in lex.official_heads \
        or low in lex.group_heads or low in lex.org_words or tok.lower_ in PROTEST.word_list("crowd_nouns") \
        or low in lex.member_nouns


def _warning_of_danger(verb, trig: Trigger, res: _Resolver) -> Trigger:
    """A warning or a vow is a threat when it is given to someone ("warned Kuwait not to interfere") or
    what it holds out is coercive or violent ("warned of a harsh response", "vowed to continue its
    holy war"); "warned of a new computer virus" is a pessimistic comment (012), "vowed never to
    forget the victims" a statement."""
    code = REGISTRY["statement"].table("unthreatening").get(trig.lemma)
    if trig.type != "threat" or code is None:
        return trig
    lex = res.lex
    if any(res.phrase(o) or _agent_noun(o, lex) and o.pos_ != "PRON" for o in _children(verb, "dobj")):
        return trig  # "warned Kuwait not to interfere": a warning to someone
    stack = [(c, 1) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl")]
    while stack:
        t, depth = stack.pop()
        kind = lex.intent_actions.get(lex.lemma(t.text, lex.intent_actions)) if t.pos_ == "VERB" else None
        trig_t = lex.verb_trigger(t.text) if t.pos_ == "VERB" else lex.noun_trigger(t.text) if t.pos_ == "NOUN" else None
        if kind == "negative" or t.lower_ in lex.sanction_nouns or t.lower_ in lex.negative_objects \
                or trig_t is not None and trig_t.type in ("attack", "threat", PROTEST.name) \
                or t.lower_ in ATTACK.word_list("violence_words"):
            return trig
        if depth < 5:
            stack += [(c, depth + 1) for c in t.children]
    return Trigger("statement", code, trig.lemma)


# Protests (CAMEO 14): the crowd that protests decides it, not the word alone.
PROTEST = REGISTRY["protest"]
#: Verbs that are a protest when a crowd does them, with their codes: the protest verbs themselves
#: ("demonstrate", "rally") and verbs of other types ("protest" is also a complaint, "strike" an attack).
CROWD_VERBS = {**PROTEST.table("crowd_verbs"), **PROTEST.verbs}
#: Modifiers that make "strike" a protest ("general strike" 143, "hunger strike" 142).
STRIKE_MODIFIERS = PROTEST.table("strike_modifiers")


def _crowd_act(verb, res: _Resolver) -> Trigger | None:
    """A protest by a crowd: "thousands protested", "workers went on strike", "farmers blocked the road".

    A protest verb ("demonstrate", "rally", "march") needs a crowd for subject, so "stocks rallied"
    and "troops marched" are no protest; a verb of another type is a protest only when a crowd does
    it, so "China protested to Japan" stays a complaint (CAMEO 114) and "troops struck" an attack.
    """
    if verb.pos_ != "VERB":
        return None
    lemma = res.lex.lemma(verb.text, CROWD_VERBS)
    code = CROWD_VERBS.get(lemma)
    if code is None:
        return None
    subj, passive = _subject_token(verb)
    if passive or subj is None:
        return None
    return Trigger(PROTEST.name, code, lemma) if _is_crowd(subj) else None


def _crowd_purpose(verb, crowd: Trigger | None, res: _Resolver) -> bool:
    """A crowd's protest told as the purpose or manner of what the main clause says it did:
    "workers walked off the job to demonstrate", "people took to the streets protesting" (not
    "marched to protest", where the march is the protest already)."""
    if crowd is None or verb.dep_ not in ("xcomp", "advcl", "conj") or _crowd_act(verb.head, res) is not None:
        return False
    t = verb.head
    for _ in range(3):
        if _is_main_clause(t, res.lex):
            return True
        if t.dep_ not in ("xcomp", "advcl", "conj", "relcl"):
            return False
        t = t.head
    return False


def _threatens_protest(verb, res: _Resolver) -> bool:
    """What a threat holds out is a protest: "threatened to strike", "warned of a general strike"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and _crowd_act(c, res) is not None:
            return True
        nouns = [c] if c.dep_ == "dobj" else _children(c, "pobj") if c.dep_ == "prep" else []
        if any(_names_protest(n, res) for n in nouns):
            return True
    return False


def _names_protest(noun, res: _Resolver) -> bool:
    """The noun names a protest ("a general strike", "demonstrations")."""
    trig = res.lex.noun_trigger(noun.text)
    if trig is None:
        return False
    if trig.type == "attack" and noun.lower_ in ("strike", "strikes"):
        return _labour_strike(noun, res) is not None
    return PROTEST.name in (trig.type, trig.otherwise.type if trig.otherwise else None)


def _is_crowd(tok) -> bool:
    """A common noun for a crowd ("protesters", "thousands of workers", "the union"), a number
    ("10,000 marched") or a people named by its plural ("Palestinians")."""
    if tok.pos_ == "NOUN" and tok.lower_ in PROTEST.word_list("crowd_nouns") or tok.like_num:
        return True
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")


def _labour_strike(noun, res: _Resolver) -> Trigger | None:
    """A strike that is a protest, not an air strike: "a general strike", "a hunger strike" (142),
    "teachers' strike", "went on strike", "a strike by nurses", "workers staged a strike"."""
    for c in noun.children:
        code = STRIKE_MODIFIERS.get(c.lower_)
        if code and c.dep_ in ("amod", "compound", "nmod", "poss"):
            return Trigger(PROTEST.name, code, "strike")
    strike = Trigger(PROTEST.name, CROWD_VERBS["strike"], "strike")
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ in ("VERB", "AUX"):
        return strike
    if any(p.lower_ == "by" and any(_is_crowd(o) for o in _children(p, "pobj")) for p in _children(noun, "prep")):
        return strike
    verb = _climb_to_verb(noun)
    if verb is not None and noun.dep_ == "dobj" and res.lex.is_light_verb(verb.text):
        subj, passive = _subject_token(verb)
        if subj is not None and not passive and _is_crowd(subj):
            return strike
    return None


def _protest_reported(noun, res: _Resolver) -> bool:
    """A protest named by a noun with no named party, kept when the sentence reports it as
    happening: "Protests erupted in Jakarta", "landowners began a hunger strike", "Teachers went
    on strike"."""
    lex = res.lex
    verb = _climb_to_verb(noun)
    if verb is None or not _is_main_clause(verb, lex):
        return False
    if noun.dep_ == "nsubj" and noun.head.i == verb.i:
        occurs = PROTEST.word_list("occurrence_verbs")
        return lex.lemma(verb.text, occurs) in occurs
    if noun.dep_ == "dobj" and noun.head.i == verb.i and lex.is_light_verb(verb.text):
        return True  # "Algerian landowners began a hunger strike"
    if any(p.lower_ == "by" and any(_is_crowd(o) for o in _children(p, "pobj")) for p in _children(noun, "prep")):
        return True  # "It coincides with a rally by thousands of building workers"
    subj, passive = _subject_token(verb)
    return subj is not None and not passive and _is_crowd(subj)


def _ancestors_within(tok, n: int) -> set[int]:
    out, t = set(), tok
    for _ in range(n):
        if t.head.i == t.i:
            break
        t = t.head
        out.add(t.i)
    return out


def _according_to(sent, res: _Resolver) -> Iterator[_Found]:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(res.doc) and res.doc[tok.i + 1].lower_ == "to":
            to = res.doc[tok.i + 1]
            for o in _children(to, "pobj"):
                src = res.phrase(o, allow_groups=False)
                if src:
                    yield _Found(*REGISTRY.rule("according to"), tok, src[:1], [], "occurred")


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
    quotes = [(m.start(), m.end(), m.group(1)) for m in QUOTE_RE.finditer(sent_text)]
    for s, e, q in quotes:
        if s <= trigger_offset < e:
            return None
    if quotes:
        return max(quotes, key=lambda x: len(x[2]))[2].strip()
    return None


def _qualified(m: Mentions, key: str, actor: Actor, book: CodeBook, doc_id: str) -> str | None:
    """A label for an actor named by a bare common noun ("Police", "Militants"), or None to drop it.

    * A state's body is that state's: "Police in Karachi say" gives "Pakistani police" (the
      country of its code, else of the places of its sentences);
    * anyone else is placed where its sentence is: "Militants attacked a bus in Kashmir"
      gives "Militants in Kashmir";
    * a party of an event named nowhere else keeps its word with the article's id
      ("Rebels (t.txt)"), so it never joins another article's rebels;
    * a capitalised word the model took for a name ("Group" of "the Group of eight") is no actor.
    """
    ents, lex = m.entities, m.lex
    sents = sorted({m.doc[i].sent.start for i, k in m.actor_at.items() if k == key})
    where: list[tuple[int, str]] = []
    for table in (m.place_at, m.actor_at):
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


def _affiliation_evidence(m: Mentions, key: str, aff: str, doc_id: str, offset: int) -> dict | None:
    """The first sentence that names both an actor and its affiliation ("U.S. Secretary of State John Kerry")."""
    def sentences(k: str) -> dict[int, object]:
        out = {}
        for table in (m.actor_at, m.place_at):
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
    book = codebook or default_codebook()
    m.settle(book)
    found = list(iter_events(m))
    m.labels()
    ref = parse_doc_date(document.date)

    ents = m.entities
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
    acting = {k for f in found for k in (*f.source, *f.targets)}
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
            a.affiliation_evidence = _affiliation_evidence(m, key, aff, document.id, offset)
    home = m.home_state()
    code_actors(list(actors.values()), book, date=ref,
                home=ents[home].label if home in ents else None)
    # No actor is named by a bare common noun (see _qualified).
    dropped = set()
    for key, a in list(actors.items()):
        if not book.is_generic(a.label):
            continue
        label = _qualified(m, key, a, book, document.id)
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

