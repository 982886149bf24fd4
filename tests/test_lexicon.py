"""Word lists and gazetteer behind extraction (no model needed)."""
from __future__ import annotations

import pytest

from graphbuild.lexicon import base_forms, default_lexicon

LEX = default_lexicon()


@pytest.mark.parametrize("word,type_,lemma", [
    ("urged", "appeal", "urge"),
    ("urges", "appeal", "urge"),
    ("accuses", "accusation", "accuse"),
    ("blamed", "accusation", "blame"),
    ("criticising", "accusation", "criticise"),
    ("met", "meeting", "meet"),       # irregular
    ("meeting", "meeting", "meet"),
    ("shelled", "attack", "shell"),   # doubled consonant
    ("bombed", "attack", "bomb"),
    ("threatened", "threat", "threaten"),
    ("sworn", "threat", "swear"),     # irregular
    ("signed", "agreement", "sign"),
    ("said", "statement", "say"),
])
def test_verb_inflections_find_their_trigger(word, type_, lemma):
    trig = LEX.verb_trigger(word)
    assert trig is not None and (trig.type, trig.lemma) == (type_, lemma)


@pytest.mark.parametrize("word", ["withdrew", "table", "went", "is"])
def test_non_triggers(word):
    assert LEX.verb_trigger(word) is None


@pytest.mark.parametrize("word,type_", [
    ("talks", "meeting"), ("summit", "meeting"), ("mediation", "meeting"),
    ("accusations", "accusation"), ("appeal", "appeal"), ("calls", "appeal"),
    ("threats", "threat"), ("ultimatum", "threat"),
    ("airstrikes", "attack"), ("clashes", "attack"), ("firefight", "attack"),
    ("agreement", "agreement"), ("treaty", "agreement"),
])
def test_noun_triggers(word, type_):
    trig = LEX.noun_trigger(word)
    assert trig is not None and trig.type == type_


def test_noun_that_needs_a_governing_verb():
    protest = LEX.noun_trigger("protest")
    assert protest.type == "accusation" and "lodge" in protest.verbs
    assert LEX.noun_trigger("talks").verbs == frozenset()


def test_phrasal_and_light_verbs():
    assert LEX.phrasal_trigger("called", "on").type == "appeal"
    assert LEX.phrasal_trigger("opened", "fire").type == "attack"
    assert LEX.phrasal_trigger("called", "off") is None
    assert LEX.is_light_verb("held") and LEX.is_light_verb("launches")
    assert not LEX.is_light_verb("killed")


def test_base_forms_over_generate_but_keep_the_word_first():
    forms = base_forms("shelled")
    assert forms[0] == "shelled" and "shell" in forms
    assert "try" in base_forms("tried") and "try" in base_forms("tries")


@pytest.mark.parametrize("word,iso", [
    ("Saudi", "SA"), ("Russian", "RU"), ("Russians", "RU"), ("Syrian", "SY"), ("French", "FR"),
])
def test_demonyms(word, iso):
    assert LEX.demonym(word) == iso


@pytest.mark.parametrize("name,iso", [
    ("Russia", "RU"), ("the United States", "US"), ("U.S.", "US"), ("United Kingdom", "GB"),
])
def test_country_aliases(name, iso):
    assert LEX.country(name) == iso


@pytest.mark.parametrize("seat,iso,label", [
    ("Moscow", "RU", "Russia"), ("Washington", "US", "United States"), ("Damascus", "SY", "Syria"),
])
def test_seats_of_government_stand_for_states(seat, iso, label):
    assert LEX.seat(seat) == iso
    assert LEX.country_label(iso) == label


def test_cities_and_places():
    aleppo = LEX.city("Aleppo")
    assert aleppo["country"] == "SY" and 35 < aleppo["lat"] < 37
    assert LEX.is_place_name("Geneva") and LEX.is_place_name("Syria")
    assert not LEX.is_place_name("Kerry")
    assert LEX.seat("Aleppo") is None


def test_role_words_come_from_data():
    assert "minister" in LEX.title_nouns
    assert "officials" in LEX.official_heads
    assert "curfew" in LEX.negative_objects and "lift" in LEX.relief_actions
    assert "hope" in LEX.wish_verbs and "hope" not in LEX.planned_verbs
