"""Names: surnames the model mistakes for places, acronyms defined in the text, and
bare nouns ("the tribunal") that stand for an organization named earlier.

The fixer and mention rules are tested on hand-built Docs (no model needed); the
end-to-end cases need the spaCy model (marked ``model``).
"""
from __future__ import annotations

import pytest

from graphbuild.events import extract_document
from graphbuild.lexicon import default_lexicon
from graphbuild.extraction.mentions import Mentions, labelled
from graphbuild.names import initials, is_acronym, is_initials, name_key, surname
from graphbuild.nlp import fix_entities
from graphbuild.types import Document

LEX = default_lexicon()


def extract(pipeline, text: str):
    return extract_document(pipeline.parse(text), Document(id="t.txt", text=text, date="2016-05-02"))


def _doc(words, ents=None, spaces=None, **kw):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents, **kw)


def _mentions(words, heads, deps, ents, pos=None) -> Mentions:
    """Mentions of a hand-parsed sentence (every word a proper noun unless ``pos`` says otherwise)."""
    doc = _doc(words, heads=heads, deps=deps, ents=ents, pos=pos or ["PROPN"] * len(words))
    return Mentions(doc, default_lexicon())


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def _fixed(words, ents, spaces=None):
    return _ents(fix_entities(_doc(words, ents=ents, spaces=spaces), default_lexicon()))


# ---------------------------------------------------------------------------
# The shape of a name (graphbuild.names: one rule for the fixer, mentions and resolve)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("words,key", [
    (["John", "Kerry"], "kerry"),
    (["Ferdinand", "Marcos", "Jr"], "marcos"),          # generational suffix
    (["Ferdinand", "Marcos", "Jr."], "marcos"),
    (["Haider", "al-Abadi"], "abadi"),                  # article prefix
    (["Abu-Dhabi"], "dhabi"),
    (["al-X"], "al-x"),                                 # a prefix alone is the name
    (["Jr"], "jr"),
    ([], ""),
])
def test_surname(words, key):
    assert surname(words, LEX) == key


def test_surname_of_a_label_and_of_its_tokens_agree():
    # resolve keys labels through name_key, the fixer and mentions key tokens: same key.
    for label in ("Ferdinand Marcos Jr.", "Haider al-Abadi", "the U.S.", "Sergei Lavrov's"):
        assert surname(name_key(label).split(), LEX) == surname(label.replace("'s", "").replace(".", "").split(), LEX)


def test_a_lexicon_folder_changes_the_words_of_names(tmp_path):
    import json

    from graphbuild.lexicon import load_lexicon

    from graphbuild.util import data_path

    data = json.loads(data_path("names.json").read_text(encoding="utf-8"))
    data["suffixes"].append("esq")
    (tmp_path / "names.json").write_text(json.dumps(data), encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert surname(["John", "Smith", "Esq"], lex) == "smith"
    assert surname(["John", "Smith", "Esq"], LEX) == "esq"
    assert lex.name_prefixes == LEX.name_prefixes and lex.name_particles == LEX.name_particles


@pytest.mark.parametrize("text,acronym,in_capitals", [
    ("UN", True, True), ("U.N.", True, True), ("G20", True, True), ("PKK", True, True),
    ("Kerry", False, False), ("A", False, True), ("20G", False, True), ("UNITED NATIONS", False, True),
    ("ABCDEFGHI", False, True),
])
def test_acronyms_and_names_in_capitals(text, acronym, in_capitals):
    assert (is_acronym(text), is_initials(text)) == (acronym, in_capitals)


@pytest.mark.parametrize("name,letters", [
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("Kurdistan Workers Party", "KWP"),
    ("the tribunal", ""),
])
def test_initials(name, letters):
    assert initials(name) == letters


# ---------------------------------------------------------------------------
# Surnames tagged as places or organizations
# ---------------------------------------------------------------------------
def test_surname_tagged_as_a_place_is_the_person():
    words = ["Masoud", "Barzani", "spoke", ".", "Envoys", "did", "not", "meet", "Barzani", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "B-LOC", "O"]
    assert ("Barzani", "PERSON") in _fixed(words, ents)


def test_untagged_surname_is_the_person():
    words = ["Ramon", "Aveledo", "spoke", ".", "Aveledo", "said", "no", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    assert _fixed(words, ents) == [("Ramon Aveledo", "PERSON"), ("Aveledo", "PERSON")]


def test_family_name_first_is_the_person():
    words = ["Minister", "Zhao", "Lijian", "spoke", ".", "They", "will", "meet", "Zhao", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-ORG", "O"]
    assert ("Zhao", "PERSON") in _fixed(words, ents)


@pytest.mark.parametrize("words,ents,kept", [
    # A country stays the country even when someone bears its name.
    (["Michael", "Jordan", "left", ".", "Jordan", "protested", "."],
     ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "O"], ("Jordan", "GPE")),
    # Two persons share the surname: the lone word is not decided here.
    (["Ana", "Mesa", "and", "Luis", "Mesa", "met", "in", "Mesa", "."],
     ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"], ("Mesa", "GPE")),
    # A place that is no one's surname.
    (["Carlos", "Mesa", "spoke", "in", "Sucre", "."],
     ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"], ("Sucre", "GPE")),
    # An acronym is not a surname.
    (["Ana", "Pkk", "met", "PKK", "."], ["B-PERSON", "I-PERSON", "O", "B-ORG", "O"], ("PKK", "ORG")),
])
def test_surname_rule_leaves_other_words_alone(words, ents, kept):
    assert kept in _fixed(words, ents)


def test_person_cut_at_a_hyphen_is_extended():
    words = ["President", "Yoon", "Suk", "-", "yeol", "spoke", "."]
    spaces = [True, True, False, False, True, False, False]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    assert _fixed(words, ents, spaces) == [("Yoon Suk-yeol", "PERSON")]
    # A spaced dash is punctuation, not part of the name.
    spaces = [True, True, True, True, True, False, False]
    assert _fixed(words, ents, spaces) == [("Yoon Suk", "PERSON")]


def test_mentions_family_name_first_joins_the_full_name():
    m = _mentions(["Xi", "Jinping", "met", "Biden", ".", "Xi", "left", "."], [1, 2, 2, 2, 2, 6, 6, 6],
                  ["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
                  ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O", "O"])
    assert m.actor_at[5] == m.actor_at[1]
    assert m.actor_at[3] != m.actor_at[1]


@pytest.mark.model
def test_surname_tagged_as_a_city_speaks_and_meets(pipeline):
    x = extract(pipeline, "Former President Carlos Mesa finished second. The mission chief, Manuel Gonzalez, "
                          "met Mesa at his campaign headquarters in La Paz on Monday. "
                          "\"We will not accept these results,\" Mesa told reporters in La Paz.")
    persons = {a.label for a in x.actors if a.type == "person"}
    assert persons == {"Carlos Mesa", "Manuel Gonzalez"}
    assert "Mesa" not in {p.label for p in x.places}
    assert {e.source for e in x.events if e.type == "statement"} == {"Carlos Mesa"}
    assert {(e.source, tuple(e.targets)) for e in x.events if e.type == "meeting"} == \
        {("Manuel Gonzalez", ("Carlos Mesa",))}


@pytest.mark.model
def test_pronoun_after_a_name_in_apposition_to_the_subject(pipeline):
    # "He" is the mission chief (the subject, named in apposition), not the person he met.
    x = extract(pipeline, "Its mission chief, Manuel Gonzalez, met Carlos Mesa in La Paz on Monday. "
                          "He urged the election board to explain the change.")
    assert {e.source for e in x.events if e.type == "appeal"} == {"Manuel Gonzalez"}


# ---------------------------------------------------------------------------
# Acronyms the text defines
# ---------------------------------------------------------------------------
def test_fixer_trims_an_unbalanced_parenthesis_and_keeps_the_acronym():
    words = ["Her", "alliance", ",", "Citizen", "Community", "(", "CC", ")", ",", "said", "no", "."]
    spaces = [True, False, True, True, True, False, False, False, True, True, False, False]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    assert _fixed(words, ents, spaces) == [("Citizen Community", "ORG"), ("CC", "ORG")]


def test_fixer_place_name_given_an_acronym_is_an_organization():
    words = ["the", "Asia", "-", "Pacific", "Economic", "Cooperation", "(", "APEC", ")", "forum"]
    spaces = [True, False, False, True, True, True, False, False, True, False]
    ents = ["O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "B-ORG", "O", "O"]
    assert _fixed(words, ents, spaces) == [("Asia-Pacific Economic Cooperation", "ORG"), ("APEC", "ORG")]
    # A real place keeps its label: "(AFP)" after a dateline is no acronym of the city.
    words = ["in", "New", "York", "(", "AFP", ")"]
    ents = ["O", "B-GPE", "I-GPE", "O", "B-ORG", "O"]
    assert ("New York", "GPE") in _fixed(words, ents, [True, True, True, False, False, False])


def test_mentions_acronym_in_parentheses_joins_its_name_whatever_its_letters():
    words = ["the", "Group", "of", "20", "(", "G20", ")", "met", ".", "The", "G20", "agreed", "."]
    m = _mentions(words, [1, 7, 1, 2, 5, 1, 5, 7, 7, 10, 11, 11, 11],
                  ["det", "nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT", "punct",
                   "det", "nsubj", "ROOT", "punct"],
                  ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O"],
                  ["DET", "PROPN", "ADP", "NUM", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT",
                   "DET", "PROPN", "VERB", "PUNCT"])
    assert m.actor_at[1] == m.actor_at[5] == m.actor_at[10]
    assert labelled(m.entities.values())[m.actor_at[1]].label == "Group of 20"


@pytest.mark.model
@pytest.mark.parametrize("text,long,short", [
    ("The army fought the Kurdistan Workers Party (PKK) in the mountains. The PKK said it lost ten men.",
     "Kurdistan Workers Party", "PKK"),
    ("The ruling Movement for Socialism (MAS) called the protests a coup. MAS said it would win.",
     "Movement for Socialism", "MAS"),
])
def test_acronym_in_parentheses_joins_its_name(pipeline, text, long, short):
    x = extract(pipeline, text)
    hits = [a for a in x.actors if long in a.aliases or a.label == long]
    assert len(hits) == 1 and short in hits[0].aliases and hits[0].label == long
    assert not [a for a in x.actors if a.label == short]


@pytest.mark.model
def test_acronym_known_by_its_initials_joins_the_named_body(pipeline):
    x = extract(pipeline, "Carlos Mesa said the Supreme Electoral Tribunal had manipulated the count. "
                          "The tribunal, known by its Spanish initials TSE, stopped updating its count. "
                          "The TSE rejected the accusation.")
    (tse,) = [a for a in x.actors if a.type == "organization"]
    assert tse.label == "Supreme Electoral Tribunal" and "TSE" in tse.aliases
    # "its Spanish initials" is no mention of Spain.
    assert "Spain" not in {a.label for a in x.actors}


@pytest.mark.model
def test_named_coalition_known_by_its_acronym(pipeline):
    x = extract(pipeline, "The Democratic Unity coalition, known by its Spanish acronym MUD, said on Tuesday "
                          "it would join talks with the government.")
    assert {a.label for a in x.actors if a.type in ("organization", "group")} == {"Democratic Unity coalition"}
    assert {e.source for e in x.events if e.type == "statement"} == {"Democratic Unity coalition"}
    assert "Spain" not in {a.label for a in x.actors}


@pytest.mark.model
@pytest.mark.parametrize("text,state", [
    # A demonym qualifying someone who acts is the state; one qualifying a thing is not.
    ("Belarusian President Alexander Lukashenko met Vladimir Putin.", "Belarus"),
    ("Russian officials said the talks would resume.", "Russia"),
])
def test_demonym_before_an_agent_is_the_state(pipeline, text, state):
    assert state in {a.label for a in extract(pipeline, text).actors}


@pytest.mark.model
@pytest.mark.parametrize("text,state", [
    ("The group, known by its Spanish acronym FARC, said it would disarm.", "Spain"),
    ("Shells landed near the Syrian border on Tuesday, the monitor said.", "Syria"),
])
def test_demonym_before_a_thing_is_not_the_state(pipeline, text, state):
    assert state not in {a.label for a in extract(pipeline, text).actors}


# ---------------------------------------------------------------------------
# Bare nouns that stand for a named organization or a state
# ---------------------------------------------------------------------------
def _sources(x, *types):
    return {e.source for e in x.events if e.type in types}


@pytest.mark.model
def test_the_tribunal_is_the_named_tribunal(pipeline):
    x = extract(pipeline, "Carlos Mesa said the Supreme Electoral Tribunal had manipulated the count. "
                          "The tribunal said the count was fair.")
    assert _sources(x, "statement") == {"Carlos Mesa", "Supreme Electoral Tribunal"}
    assert len([a for a in x.actors if a.type == "organization"]) == 1


@pytest.mark.model
def test_the_company_is_the_company_named_last(pipeline):
    x = extract(pipeline, "Acme Trading Company sued Orbis Shipping Company on Monday. "
                          "The company said the claim was baseless.")
    assert _sources(x, "statement") == {"Orbis Shipping Company"}


@pytest.mark.model
@pytest.mark.parametrize("text,not_source", [
    # Forces are not resolved to an organization that happens to end in "Army".
    ("The Free Syrian Army shelled the town. The army said it had repelled the attack.", "Free Syrian Army"),
    # A modified noun may be another body: "the rival company" is not the company named last.
    ("Acme Trading Company sued Orbis Shipping Company on Monday. The rival company said the claim "
     "was baseless.", "Orbis Shipping Company"),
])
def test_bare_nouns_left_alone(pipeline, text, not_source):
    said = [e for e in extract(pipeline, text).events if e.type == "statement" and "said" in e.sentence]
    assert not_source not in {e.source for e in said}


@pytest.mark.model
def test_members_of_a_body_act_for_it(pipeline):
    x = extract(pipeline, "Carlos Mesa said the Supreme Electoral Tribunal had manipulated the count. "
                          "The envoy Manuel Gonzalez later held talks with members of the tribunal.")
    assert ("Manuel Gonzalez", ("Supreme Electoral Tribunal",)) in \
        {(e.source, tuple(e.targets)) for e in x.events if e.type == "meeting"}


@pytest.mark.model
def test_the_government_of_a_report_from_one_country(pipeline):
    text = ("CARACAS, April 8 (Reuters) - Troops fired tear gas at protesters in Caracas. "
            "Police in Caracas arrested dozens. The opposition said it would join talks with the government "
            "in Caracas on Thursday.")
    x = extract(pipeline, text)
    # "said it would join talks": an intent to meet (an agreement, CAMEO 03), with the government
    assert ("Venezuela" in {t for e in x.events if e.type in ("meeting", "agreement")
                            for t in [e.source, *e.targets]})


@pytest.mark.model
def test_the_government_without_a_dominant_state_is_left_alone(pipeline):
    x = extract(pipeline, "John Kerry met Sergei Lavrov in Geneva. The opposition said it would join talks "
                          "with the government.")
    assert not {a.label for a in x.actors if a.type == "state"}


def test_mentions_single_word_name_joins_the_only_longer_name_ending_with_it():
    m = _mentions(["European", "Commission", "spoke", ".", "Commission", "staff", "left", "."],
                  [1, 2, 2, 2, 5, 6, 6, 6], ["compound", "nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "punct"],
                  ["B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O", "O"])
    assert m.actor_at[4] == m.actor_at[1]


# ---------------------------------------------------------------------------
# A state's ministry is an organization of that state
# ---------------------------------------------------------------------------
@pytest.mark.model
def test_a_countrys_ministry_is_its_own_organization(pipeline):
    x = extract(pipeline, "China's commerce ministry said the tariffs were unfair. "
                          "Later the ministry accused European carmakers of dumping.")
    (ministry,) = [a for a in x.actors if a.type == "organization"]
    assert ministry.label == "China's commerce ministry" and ministry.affiliation == "China"
    assert _sources(x, "statement", "accusation") == {"China's commerce ministry"}


@pytest.mark.model
def test_demonym_and_possessive_ministry_are_one_organization(pipeline):
    x = extract(pipeline, "China's foreign ministry said the talks were useful. "
                          "The Chinese foreign ministry said Beijing would respond.")
    assert len([a for a in x.actors if a.type == "organization"]) == 1


@pytest.mark.model
def test_a_ministry_without_a_state_is_not_an_organization(pipeline):
    x = extract(pipeline, "The foreign ministry said the talks were useful.")
    assert not [a for a in x.actors if a.type == "organization"]


# ---------------------------------------------------------------------------
# Datelines: "CARACAS, April 8 (Reuters)", "NUSA DUA, Indonesia, Nov 14 (Reuters)"
# ---------------------------------------------------------------------------
def test_fixer_all_capitals_town_the_gazetteer_knows_is_a_place():
    words = ["CARACAS", ",", "April", "8", "-", "Troops", "fired", "."]
    ents = ["B-ORG", "O", "B-DATE", "I-DATE", "O", "O", "O", "O"]
    assert ("CARACAS", "GPE") in _fixed(words, ents)
    words = ["LA", "PAZ", ",", "Bolivia", "-", "Crowds", "gathered", "."]
    assert ("LA PAZ", "GPE") in _fixed(words, ["O", "O", "O", "B-GPE", "O", "O", "O", "O"])


@pytest.mark.model
def test_unknown_dateline_town_before_its_country_is_a_place(pipeline):
    """The reader takes the dateline out; the town it names is a place, also where the text repeats it."""
    from graphbuild.read import document_from_text

    document = document_from_text("NUSA DUA, Indonesia, Nov 14 - Leaders met in Nusa Dua.", "t.txt")
    x = extract_document(pipeline.parse(document.text), document)
    assert {p.label for p in x.places} == {"Nusa Dua", "Indonesia"}
    assert not {a.label for a in x.actors} & {"Nusa Dua", "NUSA DUA"}


@pytest.mark.parametrize("words,ents,kept", [
    # An acronym is not a shouted town name.
    (["NATO", ",", "Russia", "and", "others", "met", "."], ["B-ORG", "O", "B-GPE", "O", "O", "O", "O"],
     ("NATO", "ORG")),
    # Capitals not opening a line, or not before a country, are left to the model.
    (["Leaders", "met", "in", "Paris", ".", "JOHN", "SMITH", ",", "reporter", "."],
     ["O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O"], ("JOHN SMITH", "PERSON")),
])
def test_fixer_capitals_left_alone(words, ents, kept):
    assert kept in _fixed(words, ents)


def test_mentions_all_capitals_place_gets_its_usual_spelling():
    m = _mentions(["Talks", "ended", "in", "LA", "PAZ", "."], [1, 1, 1, 4, 2, 1],
                  ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"], ["O", "O", "O", "B-GPE", "I-GPE", "O"],
                  ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"])
    assert m.entities[m.place_at[4]].label == "La Paz"


@pytest.mark.model
def test_group_label_keeps_the_hyphen_as_written(pipeline):
    x = extract(pipeline, "Pro-Russian separatists shelled the port on Saturday.")
    assert "Pro-Russian separatists" in {a.label for a in x.actors if a.type == "group"}


# ---------------------------------------------------------------------------
# Portfolios, organization-word names and place-word names
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("words,ents,expected", [
    # The portfolio belongs to the title; a leading demonym stays as the affiliation.
    (["Interior", "Minister", "Miguel", "Torres", "said", "."],
     ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"], [("Miguel Torres", "PERSON")]),
    (["French", "Trade", "Minister", "Franck", "Riester", "said", "."],
     ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"],
     [("French", "NORP"), ("Franck Riester", "PERSON")]),
    # Not followed by a title: an organization named after its portfolio stays.
    (["Foreign", "Ministry", "said", "."], ["B-ORG", "I-ORG", "O", "O"], [("Foreign Ministry", "ORG")]),
])
def test_fixer_portfolio_before_a_title(words, ents, expected):
    assert _fixed(words, ents) == expected


def test_fixer_untagged_capitalised_name_ending_in_an_organization_word():
    words = ["Human", "Rights", "Watch", "said", "it", "had", "documented", "cases", "."]
    assert _fixed(words, ["O"] * 9) == [("Human Rights Watch", "ORG")]
    # A single word, or a run not ending in an organization word, is not enough.
    assert _fixed(["Watch", "said", "no", "."], ["O"] * 4) == []
    assert _fixed(["Great", "Rights", "said", "no", "."], ["O"] * 5) == []


def test_fixer_person_named_like_a_square_is_a_place():
    words = ["clashes", "around", "Plaza", "Altamira", "in", "the", "east"]
    assert _fixed(words, ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]) == [("Plaza Altamira", "FAC")]
    # A name merely containing such a word, or beginning with one that is also a surname, is untouched.
    words = ["Ana", "Parkes", "spoke"]
    assert _fixed(words, ["B-PERSON", "I-PERSON", "O"]) == [("Ana Parkes", "PERSON")]
    words = ["Minister", "Park", "Jin", "spoke"]
    assert _fixed(words, ["O", "B-PERSON", "I-PERSON", "O"]) == [("Park Jin", "PERSON")]


def test_fixer_organization_extends_over_a_place_its_acronym_spells():
    words = ["the", "Organization", "for", "Security", "in", "Europe", "said", ".", "The", "OSE", "agreed", "."]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "O", "O", "B-ORG", "O", "O"]
    assert ("Organization for Security in Europe", "ORG") in _fixed(words, ents)
    # Without the acronym the place stays a place.
    words = ["the", "Organization", "for", "Security", "in", "Europe", "said", "."]
    assert ("Europe", "LOC") in _fixed(words, ents[:8])


@pytest.mark.model
def test_monitors_from_a_body_speak_for_it(pipeline):
    x = extract(pipeline, "Monitors from the United Nations said the rockets came from the east.")
    assert _sources(x, "statement") == {"United Nations"}


@pytest.mark.model
def test_modified_definite_noun_is_the_only_body_of_its_kind(pipeline):
    x = extract(pipeline, "Hours after the main opposition coalition agreed to hold talks, troops fired tear gas. "
                          "The Democratic Unity coalition, known by its Spanish acronym MUD, said on Tuesday "
                          "it would join the talks.")
    assert {a.label for a in x.actors if a.type in ("organization", "group")} == {"Democratic Unity coalition"}


def test_two_people_in_one_person_span_are_split():
    words = ["Prince", "Faisal", "and", "Phee", "held", "talks", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"]
    assert _fixed(words, ents) == [("Prince Faisal", "PERSON"), ("Phee", "PERSON")]


@pytest.mark.parametrize("words,ents,kept", [
    # Names of places and firms keep their "and".
    (["Bosnia", "and", "Herzegovina", "voted", "."], ["B-GPE", "I-GPE", "I-GPE", "O", "O"],
     ("Bosnia and Herzegovina", "GPE")),
    (["Procter", "&", "Gamble", "said", "."], ["B-ORG", "I-ORG", "I-ORG", "O", "O"], ("Procter & Gamble", "ORG")),
])
def test_person_split_leaves_other_names_alone(words, ents, kept):
    assert kept in _fixed(words, ents)


def test_mentions_organizations_of_two_countries_stay_two():
    words = ["China", "Coast", "Guard", "and", "Philippine", "Coast", "Guard", "met", ".",
             "U.S.", "State", "Department", "and", "State", "Department", "spoke", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O",
            "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    heads = [2, 2, 7, 2, 6, 6, 2, 7, 7, 11, 11, 15, 11, 14, 11, 15, 15]
    deps = ["compound", "compound", "nsubj", "cc", "compound", "compound", "conj", "ROOT", "punct",
            "compound", "compound", "nsubj", "cc", "compound", "conj", "ROOT", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert m.actor_at[0] != m.actor_at[4]
    assert m.actor_at[9] == m.actor_at[13]


def test_mentions_acronym_of_the_leading_words_joins_the_name():
    words = ["African", "Union", "Commission", "spoke", ".", "AU", "said", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"]
    heads = [2, 2, 3, 3, 3, 6, 6, 6]
    deps = ["compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert m.actor_at[5] == m.actor_at[0]
    # Leading words followed by more than organization words: another body.
    words[2] = "Gardens"
    m = _mentions(words, heads, deps, ents)
    assert m.actor_at[5] != m.actor_at[0]


def test_mentions_single_word_organization_after_in_is_a_place():
    words = ["Talks", "were", "held", "in", "Ohrid", "."]
    ents = ["O", "O", "O", "O", "B-ORG", "O"]
    heads = [2, 2, 2, 2, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"]
    pos = ["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    m = _mentions(words, heads, deps, ents, pos)
    assert 4 in m.place_at and 4 not in m.actor_at
    # An acronym after "in" is still the organization ("in NATO").
    words[4] = "NATO"
    m = _mentions(words, heads, deps, ents, pos)
    assert 4 in m.actor_at


def test_mentions_organization_word_is_the_place_named_elsewhere():
    words = ["Lake", "Ohrid", "is", "calm", ".", "He", "spoke", "from", "Ohrid", "."]
    ents = ["B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O", "B-ORG", "O"]
    heads = [1, 2, 2, 2, 2, 6, 6, 6, 7, 6]
    deps = ["compound", "nsubj", "ROOT", "acomp", "punct", "nsubj", "ROOT", "prep", "pobj", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert 8 in m.place_at


def test_name_cut_short_at_a_sentence_start_is_extended():
    words = ["Ships", "reached", "Second", "Thomas", "Shoal", ".", "Second", "Thomas", "Shoal", "lies", "far", "."]
    ents = ["O", "O", "B-FAC", "I-FAC", "I-FAC", "O", "B-ORDINAL", "B-PERSON", "I-PERSON", "O", "O", "O"]
    assert _fixed(words, ents) == [("Second Thomas Shoal", "FAC"), ("Second Thomas Shoal", "FAC")]
    # No longer name in the text: the span stays as it is.
    words[3] = "Paul"
    assert ("Thomas Shoal", "FAC") in _fixed(words, ents)


def test_name_given_an_acronym_takes_the_country_words_its_initials_cover():
    words = ["the", "ruling", "Sri", "Lanka", "Podujana", "Peramuna", "(", "SLPP", ")", "said", "."]
    ents = ["O", "O", "B-GPE", "I-GPE", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    assert _fixed(words, ents) == [("Sri Lanka Podujana Peramuna", "ORG"), ("SLPP", "ORG")]
    # Initials that do not cover the country: the country stays a place.
    words[7] = "PP"
    assert ("Sri Lanka", "GPE") in _fixed(words, ents)


def test_name_spelt_out_by_its_acronym_is_an_organization():
    words = ["his", "Samagi", "Jana", "Balawegaya", "(", "SJB", ")", "party", "."]
    ents = ["O", "B-FAC", "I-FAC", "I-FAC", "O", "B-ORG", "O", "O", "O"]
    assert ("Samagi Jana Balawegaya", "ORG") in _fixed(words, ents)


def test_mentions_social_network_is_no_actor():
    words = ["In", "a", "post", "on", "Twitter", ",", "Kerry", "spoke", "."]
    ents = ["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O", "O"]
    heads = [7, 2, 0, 2, 3, 7, 7, 7, 7]
    deps = ["prep", "det", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert 4 not in m.actor_at and 6 in m.actor_at


def test_mentions_name_known_as_is_the_person():
    words = ["Mohamed", "Dagalo", ",", "known", "as", "Hemedti", ",", "spoke", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "O", "O"]
    heads = [1, 7, 1, 1, 3, 4, 1, 7, 7]
    deps = ["compound", "nsubj", "punct", "acl", "prep", "pobj", "punct", "ROOT", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert m.actor_at[5] == m.actor_at[1] and 5 not in m.place_at
    # "Kerry, who called Lavrov": a relative clause names someone else.
    words = ["Kerry", ",", "who", "called", "Lavrov", ",", "spoke", "."]
    ents = ["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O"]
    heads = [6, 0, 3, 0, 3, 0, 6, 6]
    deps = ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "punct"]
    m = _mentions(words, heads, deps, ents)
    assert m.actor_at[4] != m.actor_at[0]


@pytest.mark.model
def test_pronoun_subject_chains_back_to_the_last_named_speaker(pipeline):
    # The sentence before "He accused" has "he" as its subject: the speaker before it, not the
    # person named inside the quotation.
    x = extract(pipeline, "Vucic said afterwards that he had not signed anything. "
                          "\"I told Mr Borrell that very clearly,\" he said. He accused Kurti of lying.")
    assert {e.source for e in x.events if e.type == "accusation"} == {"Vucic"}


@pytest.mark.model
def test_pronoun_after_a_named_subject_is_unchanged(pipeline):
    x = extract(pipeline, "U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov "
                          "in Geneva. He said the talks had been useful.")
    assert {e.source for e in x.events if e.type == "statement"} == {"John Kerry"}


@pytest.mark.model
def test_hyphenated_title_is_kept_whole(pipeline):
    x = extract(pipeline, "UN Secretary-General Antonio Guterres urged the two sides to talk.")
    assert {a.label: a.title for a in x.actors}["Antonio Guterres"] == "Secretary-General"


@pytest.mark.model
def test_the_group_is_the_organization_that_was_the_subject(pipeline):
    x = extract(pipeline, "The Rapid Support Forces denied the charges. In a post on Twitter, the group "
                          "blamed army chief General Abdel Fattah al-Burhan for the market bombing.")
    assert {e.source for e in x.events if e.type == "accusation"} == {"Rapid Support Forces"}
    assert "Twitter" not in {a.label for a in x.actors}


@pytest.mark.model
def test_the_group_is_not_an_organization_merely_named(pipeline):
    x = extract(pipeline, "Residents fled the attacks of the Rapid Support Forces. "
                          "The group blamed army chief General Abdel Fattah al-Burhan for the bombing.")
    assert "Rapid Support Forces" not in {e.source for e in x.events if e.type == "accusation"}


@pytest.mark.model
def test_state_army_with_a_possessive_is_an_organization_of_the_state(pipeline):
    x = extract(pipeline, "Sudan's army accused the paramilitary Rapid Support Forces (RSF) of looting homes. "
                          "The RSF said the army had bombed a market.")
    army = {a.label: a for a in x.actors}.get("Sudan's army")
    assert army is not None and army.type == "organization"
    assert "Sudan's army" in {e.source for e in x.events if e.type == "accusation"}


@pytest.mark.model
def test_demonym_forces_stay_the_state(pipeline):
    x = extract(pipeline, "Syrian forces shelled the town, and the army said the rebels had fled.")
    assert not [a for a in x.actors if a.type == "organization" and "forces" in a.label.lower()]
    assert "army" not in {a.label.lower() for a in x.actors}


@pytest.mark.parametrize("words,name", [
    (["Foreign", "Undersecretary", "Theresa", "Lazaro", "said", "."], "Theresa Lazaro"),
    (["High", "Commissioner", "for", "Human", "Rights", "Michelle", "Bachelet", "said", "."], "Michelle Bachelet"),
])
def test_fixer_adds_the_untagged_name_a_title_introduces(words, name):
    assert (name, "PERSON") in _fixed(words, ["O"] * len(words))


@pytest.mark.parametrize("words", [
    ["The", "Minister", "of", "Foreign", "Affairs", "said", "."],  # a portfolio, no name
    ["The", "Secretary", "General", "Assembly", "Hall", "is", "full", "."],  # too long to be a name
])
def test_fixer_titled_name_rule_leaves_portfolios_alone(words):
    assert not [e for e in _fixed(words, ["O"] * len(words)) if e[1] == "PERSON"]


def test_fixer_portfolio_word_introduces_no_name():
    words = ["a", "Just", "Energy", "Transition", "Partnership", "on", "Tuesday"]
    assert not [e for e in _fixed(words, ["O"] * len(words)) if e[1] == "PERSON"]


@pytest.mark.model
def test_the_presidents_office_is_an_organization(pipeline):
    x = extract(pipeline, "President Gotabaya Rajapaksa met Ranil Wickremesinghe. "
                          "The president's office said Gotabaya would meet party leaders on Wednesday.")
    assert "president's office" in {a.label for a in x.actors}
    assert "president's office" in {e.source for e in x.events if e.type == "statement"}


@pytest.mark.model
def test_a_persons_office_is_no_organization(pipeline):
    x = extract(pipeline, "Kerry's office said the trip was cancelled.")
    assert not [a for a in x.actors if "office" in a.label.lower()]


@pytest.mark.model
def test_force_noun_modifier_is_the_state_force(pipeline):
    x = extract(pipeline, "Sudan's army accused the paramilitary Rapid Support Forces (RSF) of looting homes. "
                          "The RSF said army warplanes had bombed a crowded market.")
    assert "Army warplanes" not in {a.label for a in x.actors}
    # Without a possessive force in the text, the phrase is left to the group rules as before.
    y = extract(pipeline, "The RSF said army warplanes had bombed a crowded market.")
    assert "Sudan's army" not in {a.label for a in y.actors}


@pytest.mark.model
def test_another_name_for_a_place_is_an_alias(pipeline):
    x = extract(pipeline, "Two boats sailed to Second Thomas Shoal on Saturday. Beijing said the vessels had "
                          "intruded into waters near Ren'ai Jiao, the Chinese name for the shoal.")
    shoal = [p for p in x.places if "Second Thomas Shoal" in p.aliases]
    assert len(shoal) == 1 and "Ren'ai Jiao" in shoal[0].aliases
    assert "Ren'ai Jiao" not in {p.label for p in x.places}


def test_tokens_in_finds_words_in_any_case_in_text_order():
    import spacy

    from graphbuild.nlp import tokens_in

    doc = spacy.blank("en")("The Ministry said the ministry (and its MINISTRY) had spoken.")
    assert [t.i for t in tokens_in(doc, frozenset({"ministry", "("}))] == [1, 4, 5, 8]
    assert tokens_in(spacy.blank("en")(""), frozenset({"ministry"})) == []
