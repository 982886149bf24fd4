"""The records the event rules pass on, and the event-type sets they test.

:class:`FoundEvent` is one event found in a sentence: type, CAMEO code, trigger token,
source and target entity keys, status.  The trigger rules (:mod:`.rules`) make it, the
modality checks (:mod:`.modality`) filter it, the driver (:mod:`.document`) makes an
:class:`~graphbuild.types.Event` of it.  The type sets (speech acts, symmetric
acts, ...) are read from the event-type registry (:mod:`graphbuild.event_types`); the
word lists of the types are the lexicon's (``res.lex.reporting_verbs``, ...), never module
constants, so that a lexicon folder can change them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..event_types import names

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


#: Acts whose coordinated subjects act with each other ("X and Y met", "X and Y agreed").
SYMMETRIC_TYPES = names(symmetric=True)

#: Speech acts aimed at someone; worth recording even when the speaker has no name.
DIRECTED_TYPES = names(source="speaker", directed=True)
