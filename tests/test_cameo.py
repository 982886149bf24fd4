"""CAMEO codes of the triggers (checked against the CAMEO 1.1b3 manual) and the Goldstein and
QuadClass values every event carries."""
from __future__ import annotations

import csv

import pytest

from graphbuild import build_graph
from graphbuild.cameo import GOLDSTEIN, goldstein, quad_class
from graphbuild.event_types import REGISTRY
from graphbuild.export import write_events_csv
from graphbuild.lexicon import default_lexicon
from graphbuild.types import Actor, Event, Extraction

LEX = default_lexicon()

# word, part of speech, CAMEO 1.1b3 code (the manual's name for it)
CODES = [
    ("say", "verb", "010"),          # make statement
    ("deny", "verb", "016"),         # deny responsibility (not 013, make optimistic comment)
    ("refute", "verb", "016"),
    ("denial", "noun", "016"),
    ("urge", "verb", "020"),         # make an appeal or request
    ("agree", "verb", "030"),        # express intent to cooperate
    ("accept", "verb", "030"),       # (not 081, ease administrative sanctions)
    ("meet", "verb", "040"),         # consult (044 is a meeting at a third location)
    ("talks", "noun", "040"),        # (not 043, host a visit)
    ("telephone", "verb", "041"),    # discuss by telephone
    ("visit", "verb", "042"),        # make a visit
    ("host", "verb", "043"),         # host a visit
    ("mediate", "verb", "045"),      # mediate
    ("negotiate", "verb", "046"),    # engage in negotiation
    ("endorse", "verb", "051"),      # praise or endorse
    ("apologize", "verb", "055"),    # apologize
    ("sign", "verb", "057"),         # sign formal agreement
    ("demand", "verb", "100"),       # demand
    ("criticize", "verb", "111"),    # criticize or denounce
    ("accuse", "verb", "112"),       # accuse
    ("complain", "verb", "114"),     # complain officially
    ("sue", "verb", "115"),          # bring lawsuit against
    ("threaten", "verb", "130"),     # threaten
    ("ultimatum", "noun", "139"),    # give ultimatum
    ("demonstrate", "verb", "141"),  # demonstrate or rally
    ("riot", "verb", "145"),         # protest violently, riot
    ("abduct", "verb", "181"),       # abduct, hijack, or take hostage
    ("beat", "verb", "182"),         # physically assault
    ("torture", "verb", "1822"),     # torture
    ("explosion", "noun", "183"),    # conduct suicide, car, or other non-military bombing
    ("assassinate", "verb", "186"),  # assassinate
    ("besiege", "verb", "191"),      # impose blockade, restrict movement
    ("invade", "verb", "192"),       # occupy territory
    ("firefight", "noun", "193"),    # fight with small arms and light weapons
    ("shell", "verb", "194"),        # fight with artillery and tanks
    ("airstrike", "noun", "195"),    # employ aerial weapons
    ("massacre", "verb", "202"),     # engage in mass killings
]


@pytest.mark.parametrize("word,pos,code", CODES)
def test_trigger_codes_follow_the_cameo_manual(word, pos, code):
    trig = LEX.verb_trigger(word) if pos == "verb" else LEX.noun_trigger(word)
    assert trig is not None and trig.cameo == code


def test_every_event_code_has_a_goldstein_value():
    for t in REGISTRY.values():
        for code in [*t.verbs.values(), *(c for c, _ in t.nouns.values()), *t.rules.values()]:
            assert code in GOLDSTEIN, (t.name, code)


@pytest.mark.parametrize("code,value,quad", [
    ("010", 0.0, 1), ("016", -2.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 1),
    ("064", 7.0, 2), ("100", -5.0, 3), ("112", -2.0, 3), ("133", -5.8, 3), ("141", -6.5, 4),
    ("145", -7.5, 4), ("1823", -10.0, 4), ("195", -10.0, 4),
])
def test_goldstein_and_quad_class_of_a_code(code, value, quad):
    assert (goldstein(code), quad_class(code)) == (value, quad)
    event = Event("meeting", "A", ["B"], cameo=code)
    assert (event.goldstein, event.quad_class) == (value, quad)


def test_an_event_without_a_code_has_no_scale():
    event = Event("statement", "A", [])
    assert (event.goldstein, event.quad_class) == (None, None)
    assert goldstein("999") is None and quad_class("999") is None


def _extraction() -> Extraction:
    return Extraction(actors=[Actor("A", "state"), Actor("B", "state")],
                      events=[Event("attack", "A", ["B"], cameo="195", sentence="A bombed B.", doc="d"),
                              Event("statement", "A", [], sentence="A spoke.", doc="d", start=20)])


def test_edges_carry_goldstein_and_quad_class():
    G = build_graph(_extraction())
    (attrs,) = [d for _, _, d in G.edges(data=True) if d.get("type") == "attack"]
    assert (attrs["cameo"], attrs["goldstein"], attrs["quad_class"]) == ("195", -10.0, 4)


def test_csv_has_goldstein_and_quad_class_columns(tmp_path):
    path = write_events_csv(_extraction(), tmp_path / "events.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert [(r["type"], r["goldstein"], r["quad_class"]) for r in rows] == [
        ("attack", "-10.0", "4"), ("statement", "", "")]
