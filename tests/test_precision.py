"""Ordinary news makes no political event unless the parties and the trigger fit."""
from __future__ import annotations

import pytest

from graphbuild.events import extract_document
from graphbuild.types import Document

pytestmark = pytest.mark.model


def kinds(pipeline, text: str) -> set[tuple[str, str]]:
    doc = pipeline.parse(text)
    return {(e.type, e.cameo) for e in extract_document(doc, Document(id="t", text=text)).events}


NO_EVENT = [
    # sport: a win is no assault
    "Hewitt beat Federer in straight sets.",
    "The home side has beaten the visitors by 120 runs in the second Test.",
    "The Proteas will resume at three for 89 after rain cut short the first day.",
    # an announced action needs an actor and something it will do
    "The inquiry into the collapse of the insurer will resume in Sydney this morning.",
    "The new laws will cut pollution from vehicles.",
    # fires, storms and diseases attack no one
    "Hundreds of firefighters are battling the blazes west of the city.",
    "The storm struck the coast overnight.",
    "Four people were killed when a fire broke out at a hotel.",
    "A new fire is threatening homes in the valley.",
    "He had been battling cancer for two years.",
    # industrial disputes and dismissals are no fighting
    "Unions are fighting a proposed wage freeze.",
    "The gunman had been fired from the factory a week earlier.",
    # no diplomatic sense
    "The shuttle blasted off from the space centre.",
    "The two batsmen shared a partnership of 181 runs.",
    "The premier says he accepts full responsibility for the escape.",
    "Two detainees had committed acts of self harm.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_ordinary_news_makes_no_political_event(pipeline, text):
    assert not {k for k in kinds(pipeline, text) if k[0] != "statement"}, text


EVENTS = [
    ("Computer experts have warned of a new virus that can erase data.", None),  # no threat, see below
    ("The government is warning of a harsh response to the attacks.", ("threat", "130")),
    ("Local commanders have warned they will shoot any villager who shelters the rebels.", ("threat", "130")),
    ("Iran threatened to attack Iraq and warned Kuwait not to interfere.", ("threat", "130")),
    ("Two Palestinians were killed and more than 100 injured in the air strikes.", ("attack", "190")),
    ("Israeli soldiers have shot dead five Palestinians in two West Bank towns.", ("attack", "190")),
    ("Greece plans to impose restrictions on its labour market.", ("threat", "130")),
    ("The two agencies agreed to share intelligence on the militants.", ("agreement", "030")),
    ("Afghanistan's interim government has agreed to accept a multinational force.", ("agreement", "030")),
]


@pytest.mark.parametrize("text,expected", EVENTS)
def test_events_whose_parties_fit(pipeline, text, expected):
    found = kinds(pipeline, text)
    if expected is None:
        assert not {k for k in found if k[0] == "threat"}, found
    else:
        assert expected in found


def test_a_warning_of_danger_is_a_pessimistic_comment(pipeline):
    assert ("statement", "012") in kinds(pipeline, "Health Minister John Brennan warned of a new computer virus.")


def test_one_agreement_for_agreed_to_accept(pipeline):
    text = "Afghanistan's interim government has agreed to accept a multinational force."
    doc = pipeline.parse(text)
    events = extract_document(doc, Document(id="t", text=text)).events
    assert [e.trigger for e in events if e.type == "agreement"] == ["agreed"]
