"""The extraction stage: one parsed document -> its actors, places and events.

One concern per module, each depending only on those above it:

===================  ====================================================================
:mod:`.mentions`     entity spans -> the document's actors and places (names, titles, acronyms)
:mod:`.records`      the record of a found event and the event-type sets the rules test
:mod:`.clauses`      grammar of a clause: subjects, agents, coordination, finiteness
:mod:`.coreference`  which actor a pronoun, description or common-noun group stands for
:mod:`.modality`     whether an act happened; announced intentions; acts that are content only
:mod:`.arguments`    objects, content targets, participants, place and date of an event
:mod:`.triggers`     the event rules: small steps that read one trigger word's event
:mod:`.rules`        the order in which those steps run (``VERB_STEPS``, ``NOUN_STEPS``, ...)
:mod:`.document`     the driver, :func:`extract_document`, with the order of the steps
===================  ====================================================================

Word lists come from :class:`graphbuild.lexicon.Lexicon`, event types from
:mod:`graphbuild.event_types`, the shape of names from :mod:`graphbuild.names`.
"""
from __future__ import annotations

from .document import extract_document, iter_events
from .mentions import LocalEntity, Mentions
from .records import SPEECH_TYPES

__all__ = ["extract_document", "iter_events", "Mentions", "LocalEntity", "SPEECH_TYPES"]
