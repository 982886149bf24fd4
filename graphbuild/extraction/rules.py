"""The order in which the event rules run: the one place that declares it.

A trigger word becomes a :class:`~.triggers.Candidate`; the steps below run on it in the
order given, each one rule of :mod:`.triggers` that fills the candidate in or returns
``False`` to drop it; :func:`~.triggers.found` makes the record of what is left.

To add a rule: write it in :mod:`.triggers` as ``def _name(cand: Candidate) -> bool`` with a
docstring and an example phrase, then put it in the tuple (or the table of target
readers) below at the place it must run, with a short comment.  ``tests/test_rules.py``
checks that every step is declared here and shows how to see what one step does.
"""
from __future__ import annotations

from typing import Callable, TYPE_CHECKING

from .records import FoundEvent
from .triggers import (
    Candidate, _accusing_report, _act_targets, _agreement_object_fits, _announced_by_actor, _announced_intent,
    _appeal_targets, _attack_fits, _attack_noun_is_act, _attack_not_background, _attacked_state_targets,
    _call_is_a_call, _carrier_noun, _courtesy_call, _crowd_protest, _demand_targets, _directed_has_party,
    _distinct_targets, _finite_where_asked, _is_verb_act, _meeting_has_party, _meeting_noun_parties,
    _meeting_noun_source, _meeting_not_setting, _meeting_targets, _not_a_modifier, _not_other_sense,
    _not_the_month, _not_the_verbs_own, _note_unnamed_speaker, _noun_participants, _noun_source,
    _noun_targets, _noun_trigger, _party_named, _someone_named, _speaker_named, _statement_targets,
    _strike_of_workers, _threat_has_speaker, _threat_of_protest, _unattributed_is_main, _verb_it_needs,
    _verb_source, _verb_trigger, _visit_not_appeal, _warning_of_danger, _weapon_aimed, found,
)

if TYPE_CHECKING:  # pragma: no cover
    from .coreference import Resolver

Step = Callable[[Candidate], bool]


#: How a verb's targets are read, by event type (any other type: :func:`~.triggers._act_targets`).
VERB_TARGETS: dict[str, Step] = {
    "statement": _statement_targets,  # whom it addressed ("told Kerry") or is about
    "meeting": _meeting_targets,      # "met with X", "X and Y met", "hosted talks between A and B"
    "appeal": _appeal_targets,        # "urged Iran to stop", "wants Putin to attack"
}


def _verb_targets(cand: Candidate) -> bool:
    """The targets of a verb, by its reader in :data:`VERB_TARGETS`; "X said Y must withdraw"
    (a demand read off a report) first, whatever its type."""
    reader = _demand_targets if cand.trig.lemma == "must" else VERB_TARGETS.get(cand.trig.type, _act_targets)
    return reader(cand)


#: A verb ("met", "attacked", "called on", "will attack") -> an event.
VERB_STEPS: tuple[Step, ...] = (
    # the trigger
    _verb_trigger,           # phrasal verb first ("called on"), then the verb
    _crowd_protest,          # "thousands protested" is a protest; "stocks rallied" nothing
    _announced_intent,       # "will extend the curfew": a threat; "said Y must agree": a demand
    # is it an act here?
    _is_verb_act,            # a verb, or the auxiliaries "say" / "must"
    _not_a_modifier,         # "the agreed plan"
    _finite_where_asked,     # "demonstrators protesting" is no complaint
    _visit_not_appeal,       # "called on President Marcos": a visit
    _verb_source,            # the subject, agent, attacker named by means, issuer
    # do the parties fit the event?
    _not_other_sense,        # "blasted off", "sworn in"
    _announced_by_actor,     # "new laws will cut pollution" is no threat
    _attack_fits,            # "the storm struck", "beat South Africa by 246 runs"
    _threat_has_speaker,     # "a fire is threatening homes"
    _directed_has_party,     # "when burden sharing is requested"
    _agreement_object_fits,  # "share intelligence", not "shared a partnership"
    _warning_of_danger,      # "warned of a new computer virus": a comment, not a threat
    # targets, per type
    _verb_targets,           # VERB_TARGETS; may drop ("sought to ease tensions")
    # retyping
    _threat_of_protest,      # "threatened to strike": CAMEO 133
    _accusing_report,        # "Kurti said Serbia was running away ...": an accusation
    _attacked_state_targets,  # "shelled Aleppo": Syria too
    _distinct_targets,       # each target once, never the source
    # keep or drop
    _note_unnamed_speaker,   # "officials warned"
    _speaker_named,          # a speech act needs a speaker
    _party_named,            # a type that needs a party names one
    _meeting_has_party,      # a meeting names at least one side
    _unattributed_is_main,   # an unattributed event only as the main statement
)

#: A noun ("talks", "an attack", "Russia's demand") -> the trigger and whether it is an event here.
NOUN_STEPS: tuple[Step, ...] = (
    _noun_trigger,           # the registry's noun
    _call_is_a_call,         # "a phone call", "a courtesy call"
    _verb_it_needs,          # "lodged a protest" (a complaint) vs "protests erupted"
    _strike_of_workers,      # "a general strike" is a protest, not an air strike
    _not_the_month,          # "in March"
    _carrier_noun,           # "a mediation effort between A and B"
    _not_the_verbs_own,      # "meet X for talks": the verb's event already
    _noun_participants,      # "talks with A", "between A and B"
)

#: Then, by the noun's type (any other type: :data:`OTHER_NOUN_STEPS`).
NOUN_STEPS_BY_TYPE: dict[str, tuple[Step, ...]] = {
    "meeting": (
        _meeting_noun_source,   # "X held talks with Y": X
        _meeting_not_setting,   # "on the second day of a conference"
        _meeting_noun_parties,  # "talks between A and B"; dropped when it names no one
        _courtesy_call,         # "paid a courtesy call on him": a visit
    ),
}

OTHER_NOUN_STEPS: tuple[Step, ...] = (
    _noun_source,            # "launched an attack", "Russia's demand"
    _attack_noun_is_act,     # "hunger strike"; "after the invasion" is background
    _noun_targets,           # "an attack on X", "talks with X", "a deal between A and B"
    _weapon_aimed,           # "launched missiles at X"; "launched a missile" names no one
    _attacked_state_targets,  # as for verbs
    _distinct_targets,
    _speaker_named,          # "a warning" with no one behind it
    _party_named,
    _someone_named,          # "cooperation" alone; "Protests erupted in Jakarta" is kept
    _attack_not_background,  # "the anniversary of the invasion"
)


def _run(steps: tuple[Step, ...], cand: Candidate) -> bool:
    """Run ``steps`` in order on ``cand``; False as soon as one drops it."""
    return all(step(cand) for step in steps)


def verb_event(tok, res: Resolver) -> FoundEvent | None:
    """The event a verb (or phrasal verb) triggers, with its arguments, or None: "Russia attacked
    Ukraine" gives an attack by Russia on Ukraine (:data:`VERB_STEPS`)."""
    cand = Candidate(tok, res)
    return found(cand) if _run(VERB_STEPS, cand) else None


def noun_event(tok, res: Resolver) -> FoundEvent | None:
    """The event a noun triggers, or None: "held talks with X" gives a meeting with X, "Russia's
    demand" a demand by Russia (:data:`NOUN_STEPS`, then the steps of its type)."""
    cand = Candidate(tok, res)
    if not _run(NOUN_STEPS, cand):
        return None
    return found(cand) if _run(NOUN_STEPS_BY_TYPE.get(cand.trig.type, OTHER_NOUN_STEPS), cand) else None
