"""Modality: whether an act happened (occurred / planned / proposed / negated / hypothetical),
announced intentions (a threat, an offer) and acts reported only as another act's content.
"""
from __future__ import annotations

from ..lexicon import Lexicon, Trigger
from .clauses import _finite_conjunct, _governs, _is_crowd, _is_reported, _subject_token
from .records import FoundEvent, CONTENT_TAKING_TYPES, UNREAL_STATUSES


def _status(trigger, lex: Lexicon) -> str:
    """occurred / planned / proposed / negated / hypothetical, from the trigger's clause."""
    status = "occurred"
    t = trigger
    via_complement = True
    status_lemmas = lex.negation_verbs | lex.planned_words | lex.proposed_words
    for depth in range(6):
        kids = list(t.children)
        if any(c.dep_ == "neg" for c in kids) or any(c.lower_ in lex.negation_words and c.dep_ in ("det", "neg", "advmod") for c in kids):
            return "negated"
        lemma = lex.lemma(t.text, status_lemmas)
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
            if any(c.dep_ == "amod" and (c.lower_ in lex.planned_modifiers or c.lower_ in lex.proposed_modifiers)
                   for c in kids):
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


def _is_reported_only(f: FoundEvent, found: list[FoundEvent]) -> bool:
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


def _intent_to_meet(f: FoundEvent, lex: Lexicon) -> FoundEvent | None:
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
            return FoundEvent(*lex.rules["intent to meet"], f.trigger, f.source, f.targets, f.status,
                          f.co_sources)
        if t.dep_ not in ("xcomp", "dobj", "pobj", "prep") or t.head.i == t.i:
            break
        t = t.head
    return None


def _intent(verb, lex: Lexicon) -> Trigger | None:
    """Announced future action: "X will withdraw ..." / "plans to impose sanctions" (threat),
    "X is ready to help" / "wants to help" (agreement), "Y must / should return ..." (demand, when
    said by someone else)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(verb.children)
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    # "should have signed" is a reproach, not a demand
    if auxes & lex.demand_auxiliaries and not auxes & {"have", "'ve"} and _is_reported(verb, lex):
        return Trigger(*lex.rules["must"], "must")
    if verb.pos_ != "VERB":
        return None
    subj, _ = _subject_token(verb)
    if subj is not None and _is_crowd(subj, lex):
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
        return Trigger(*lex.rules[f"announced {'negative' if kind == 'negative' else 'cooperative'} action"], lemma)
    return None


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
