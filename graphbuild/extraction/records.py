"""The records the event rules pass on, and the event-type sets they test.

:class:`FoundEvent` is one event found in a sentence: type, CAMEO code, trigger token,
source and target entity keys, status.  The trigger rules (:mod:`.rules`) make it, the
modality checks (:mod:`.modality`) filter it, the driver (:mod:`.document`) makes an
:class:`~graphbuild.types.Event` of it.  The type sets (speech acts, symmetric
acts, ...) and the per-type word lists are read from the event-type registry
(:mod:`graphbuild.event_types`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..event_types import REGISTRY, names

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


SPEECH_TYPES = names(source="speaker")
#: Events that need no named participant to be worth recording ("an explosion killed five").
PARTICIPANT_FREE_TYPES = names(needs_party=False)
#: Events whose targets are actors only (an attack may also target a place).
ACTOR_TARGET_TYPES = names(place_targets=False)


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------
@dataclass
class FoundEvent:
    """One event found in a sentence: what the rules pass to :func:`~.document.extract_document`.

    ``source`` and ``targets`` are entity keys of the document's mentions (the speaker and
    whom it addressed in "Wang told Kerry ..."); ``trigger`` is the spaCy token of the trigger
    word ("told"); ``status`` is occurred / planned / proposed / negated / hypothetical.
    """

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


#: Acts whose complement is what they ask for, threaten or allege, not an event that happened:
#: "threatened to storm the palace", "demanded a truce", "wants Putin to attack".
CONTENT_TAKING_TYPES = names(takes_content=True)
#: Statuses of an act that did not (yet) take place; such acts are no edge of the graph.
#: Meetings are the exception: "did not meet" / "ruled out talks" are news in themselves.
UNREAL_STATUSES = frozenset({"negated", "hypothetical"})


#: Verbs that report what someone said, with no act of their own ("announce", "confirm" have one).
REPORTING_LEMMAS = REGISTRY["statement"].word_list("reporting_verbs")

#: Statement verbs whose object is whom the speaker addressed ("told Kerry", "briefed President Ford").
ADDRESSEE_LEMMAS = REGISTRY["statement"].word_list("addressee_verbs")


#: CAMEO code of a visit ("called on President Marcos", "paid a courtesy call on him").
VISIT_CAMEO = REGISTRY["meeting"].rules["visit"]


#: Appeal verbs whose object, or the subject of whose clause, is the one asked ("wants Putin to attack").
ASKING_VERBS = REGISTRY["appeal"].word_list("asking_verbs")

#: Meeting verbs whose subject takes part in the meeting named by their object ("attended a summit").
HOLDING_VERBS = REGISTRY["meeting"].word_list("holding_verbs")

#: Acts whose coordinated subjects act with each other ("X and Y met", "X and Y agreed").
SYMMETRIC_TYPES = names(symmetric=True)

#: Speech acts aimed at someone; worth recording even when the speaker has no name.
DIRECTED_TYPES = names(source="speaker", directed=True)


_NOT_ATTACK_MODIFIERS = REGISTRY["attack"].word_list("not_after") | frozenset(
    REGISTRY["protest"].table("strike_modifiers"))

# Which events ordinary news makes: the parties and the trigger must fit.
ATTACK = REGISTRY["attack"]
AGREEMENT = REGISTRY["agreement"]
THREAT = REGISTRY["threat"]


# Protests (CAMEO 14): the crowd that protests decides it, not the word alone.
PROTEST = REGISTRY["protest"]
#: Verbs that are a protest when a crowd does them, with their codes: the protest verbs themselves
#: ("demonstrate", "rally") and verbs of other types ("protest" is also a complaint, "strike" an attack).
CROWD_VERBS = {**PROTEST.table("crowd_verbs"), **PROTEST.verbs}
#: Modifiers that make "strike" a protest ("general strike" 143, "hunger strike" 142).
STRIKE_MODIFIERS = PROTEST.table("strike_modifiers")
