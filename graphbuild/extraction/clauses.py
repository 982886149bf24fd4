"""Grammar of a clause over spaCy's dependency parse: subjects, agents, coordination, finiteness.

Pure functions of tokens; they resolve no entity (see :mod:`.coreference`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .records import SPEECH_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})


def _children(tok, *deps: str):
    """The children of ``tok`` with one of the dependency labels ``deps``."""
    return [c for c in tok.children if c.dep_ in deps]


#: Clause links through which a verb without a subject shares its governor's subject.
SUBJECT_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "acomp"})


def _subject_token(verb, lex: Lexicon | None = None) -> tuple["Token | None", bool]:
    """The token naming who acts in ``verb``'s clause, and whether the clause is passive.

    For a passive the token is the agent ("by X"), which may hang anywhere in the clause.
    With the lexicon, a speech verb coordinated with a reported clause is the speaker's
    (:func:`_continued_report`).
    """
    t = verb
    if _finite_conjunct(verb) and not _children(verb, "nsubj", "nsubjpass", "csubj"):
        # "said his fighters would not agree ... and warned Kiev": the speaker warned, not the fighters.
        t = _continued_report(verb, lex) if lex is not None else None
        t = t if t is not None else _coordinate(verb)
    for _ in range(6):
        subj = _children(t, "nsubj", "csubj")
        if subj:
            s = _named_subject(subj)
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head, False
            return s, False
        if _children(t, "nsubjpass"):
            if t.i == verb.i and lex is not None and lex.lemma(t.text, lex.quoting_verbs) in lex.quoting_verbs:
                # "X has been quoted by Reuters as telling ...": X speaks; the agency passes it on.
                return _children(t, "nsubjpass")[0], False
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


def _continued_report(conj, lex: Lexicon) -> "Token | None":
    """The reporting verb a speech verb continues when the parser hung it on the reported clause:
    "she said the cuts were painful and accused Mendonca of ...", "told the crowd that Carvalho
    had lost their confidence and said Valadares must dismiss her" -- the speaker accused and
    said, not the cuts or Carvalho.  Not when the reported clause is a speech act itself ("said
    Russia accused Kiev and demanded ...": Russia demanded)."""
    head = conj.head
    if head.dep_ != "ccomp" or conj.i < head.i or head.head.pos_ not in ("VERB", "AUX"):
        return None
    if not (_speech_verb(conj, lex) and _speech_verb(head.head, lex)) or _speech_verb(head, lex):
        return None
    return head.head if _children(head.head, "nsubj") else None


def _speech_verb(tok, lex: Lexicon) -> bool:
    """A verb of a speech act ("said", "accused", "urged")."""
    trig = lex.verb_trigger(tok.text) if tok.pos_ in ("VERB", "AUX") else None
    return trig is not None and trig.type in SPEECH_TYPES


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


def _is_reported(verb, lex: Lexicon) -> bool:
    """``verb`` is the content of a speech act: "said Y must ...", "a reminder that Y must ..."."""
    head = verb.head
    if verb.dep_ == "ccomp":
        return lex.verb_trigger(head.text) is not None
    return verb.dep_ == "acl" and head.pos_ == "NOUN"


def _head_words(noun) -> list:
    """The words that say what a noun phrase is: its head, the nouns compounded with it, and for a
    quantity the noun it counts ("hundreds of firefighters", "the blazes west of the city")."""
    words = [noun] + [c for c in noun.children if c.dep_ == "compound"]
    if noun.like_num or noun.ent_type_ in ("CARDINAL", "QUANTITY") or noun.lower_ in ("dozens", "hundreds", "thousands"):
        words += [o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    return words


def _is_crowd(tok, lex: Lexicon) -> bool:
    """A common noun for a crowd ("protesters", "thousands of workers", "the union"), a number
    ("10,000 marched") or a people named by its plural ("Palestinians")."""
    if tok.pos_ == "NOUN" and tok.lower_ in lex.crowd_nouns or tok.like_num:
        return True
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")


def _ancestors_within(tok, n: int) -> set[int]:
    """Token indices of ``tok``'s first ``n`` ancestors."""
    out, t = set(), tok
    for _ in range(n):
        if t.head.i == t.i:
            break
        t = t.head
        out.add(t.i)
    return out
