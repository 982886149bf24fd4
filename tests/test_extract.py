"""Extraction rules, as tables of (text, expected events).

Most tables need the spaCy model (marked ``model``; the pipeline is loaded once per
module).  The entity fixer and the mention rules are also tested without a model on
hand-built Docs.
"""
from __future__ import annotations

import json

import pytest

from graphbuild.codes import default_codebook
from graphbuild.events import extract_document
from graphbuild.extraction import iter_events
from graphbuild.extraction.coreference import Resolver
from graphbuild.extraction.mentions import Mentions, labelled
from graphbuild.lexicon import default_lexicon
from graphbuild.nlp import fix_entities
from graphbuild.types import Dateline, Document

DOC_DATE = "2016-05-02"  # a Monday


def extract(pipeline, text: str, date: str | None = DOC_DATE):
    return extract_document(pipeline.parse(text), Document(id="t.txt", text=text, date=date))


def events(pipeline, text: str) -> set[tuple]:
    """(type, status, source, targets) of every event of ``text``."""
    x = extract(pipeline, text)
    return {(e.type, e.status, e.source, tuple(sorted(e.targets))) for e in x.events}


def of_type(pipeline, text: str, type_: str) -> set[tuple]:
    return {e for e in events(pipeline, text) if e[0] == type_}


# ---------------------------------------------------------------------------
# Meetings: who met whom, and whether it happened
# ---------------------------------------------------------------------------
MEETINGS = [
    ("John Kerry met Sergei Lavrov in Geneva on Sunday.",
     {("meeting", "occurred", "John Kerry", ("Sergei Lavrov",))}),
    ("John Kerry and Sergei Lavrov met in Geneva.",
     {("meeting", "occurred", "John Kerry", ("Sergei Lavrov",))}),
    # "talks with A and B" are talks with A and talks with B: A and B need not have met.
    ("John Kerry arrived in Geneva for talks with Adel al-Jubeir and Staffan de Mistura.",
     {("meeting", "occurred", "John Kerry", ("Adel al-Jubeir",)),
      ("meeting", "occurred", "John Kerry", ("Staffan de Mistura",))}),
    ("John Kerry held talks with Sergei Lavrov.",
     {("meeting", "occurred", "John Kerry", ("Sergei Lavrov",))}),
    ("John Kerry spoke at the start of a meeting with Jordan's Foreign Minister Nasser Judeh.",
     {("meeting", "occurred", "John Kerry", ("Nasser Judeh",))}),
    ("Barack Obama and Vladimir Putin will meet in Zurich.",
     {("meeting", "planned", "Barack Obama", ("Vladimir Putin",))}),
    ("Sergei Lavrov is to meet Staffan de Mistura in Moscow.",
     {("meeting", "planned", "Sergei Lavrov", ("Staffan de Mistura",))}),
    ("John Kerry did not meet Sergei Lavrov.",
     {("meeting", "negated", "John Kerry", ("Sergei Lavrov",))}),
    ("Russia ruled out any talks with the rebels.",
     {("meeting", "negated", "Russia", ("Rebels (t.txt)",))}),  # a bare noun is qualified by its article
    # An offer of talks is an intent to meet (CAMEO 036), not a meeting (see below).
    ("Iran offered talks with the United States.", set()),
    ("Russia is ready to meet the opposition.", set()),
    # Coordinated subjects agree with each other and the meeting noun takes them as participants;
    # "agreed" does not make a meeting that came before it "planned".
    ("John Kerry and Sergei Lavrov agreed on a ceasefire after a meeting in Geneva on Thursday.",
     {("meeting", "occurred", "John Kerry", ("Sergei Lavrov",))}),
    # An infinitive of purpose shares its clause's future.
    ("John Kerry will travel to Moscow next week to meet Sergei Lavrov.",
     {("meeting", "planned", "John Kerry", ("Sergei Lavrov",))}),
    # Welcoming a visit is approval, not a meeting of the one who welcomes it.
    ("Sergei Lavrov said Russia welcomed the visit.", set()),
    # A mediation effort "between" two sides: the mediator meets each.
    ("The emir launched a mediation effort between Egypt and Saudi Arabia.",
     {("meeting", "occurred", "Egypt", ("Saudi Arabia",))}),
    # Envoys of the sides stand for them; each coordinated side is a partner.
    ("Kerry held talks with envoys of Hamas and Fatah.",
     {("meeting", "occurred", "Kerry", ("Hamas",)), ("meeting", "occurred", "Kerry", ("Fatah",))}),
    # A list in apposition to a common noun: every name in it is met.
    ("Miroslav Lajcak is due to meet the two chief negotiators, Petar Petkovic of Serbia and Besnik Bislimi "
     "of Kosovo, in Brussels.",
     {("meeting", "planned", "Miroslav Lajcak", ("Petar Petkovic",)),
      ("meeting", "planned", "Miroslav Lajcak", ("Besnik Bislimi",))}),
    # A courtesy call on someone is a visit ...
    ("Richard Marles will also pay a courtesy call on Ferdinand Marcos.",
     {("meeting", "planned", "Richard Marles", ("Ferdinand Marcos",))}),
    ("Richard Marles called on President Ferdinand Marcos at the palace on Friday.",
     {("meeting", "occurred", "Richard Marles", ("Ferdinand Marcos",))}),
    # ... a call on someone to act is an appeal, and a call for calm no meeting.
    ("Egypt called on Israel to withdraw.", set()),
    ("Barack Obama called on Vladimir Putin for restraint.", set()),
    ("Egypt made a call for calm.", set()),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", MEETINGS)
def test_meetings(pipeline, text, expected):
    assert of_type(pipeline, text, "meeting") == expected


@pytest.mark.model
def test_not_slated_to_arrive_is_no_meeting_that_happened(pipeline):
    text = ("John Kerry arrived in Geneva for talks with Adel al-Jubeir. While Russian Foreign Minister "
            "Sergei Lavrov was not slated to arrive in Geneva for the talks, Kerry has been talking with Russia.")
    x = extract(pipeline, text)
    for e in x.events:
        if e.type == "meeting" and "Sergei Lavrov" in [e.source, *e.targets]:
            assert e.status == "negated", e
    happened = [e for e in x.events if e.type == "meeting" and e.status not in ("negated", "hypothetical")]
    assert all({"John Kerry", "Sergei Lavrov"} != {e.source, *e.targets} for e in happened)


@pytest.mark.model
def test_meeting_place_and_date(pipeline):
    x = extract(pipeline, "Sergei Lavrov will meet Staffan de Mistura in Moscow on May 3.")
    (m,) = [e for e in x.events if e.type == "meeting"]
    assert (m.place, m.date, m.status) == ("Moscow", "2016-05-03", "planned")


@pytest.mark.model
@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    # CAMEO 036: a meeting someone offers, is ready to hold or says they will hold -- one event, not a
    # meeting and an agreement.
    ("Iran offered talks with the United States.", {("agreement", "proposed", "Iran", ("United States",))}),
    ("Russia is ready to meet the opposition.", {("agreement", "proposed", "Russia", ("Opposition (t.txt)",))}),
    ("John Kerry said he would meet Sergei Lavrov on Tuesday.",
     {("agreement", "planned", "John Kerry", ("Sergei Lavrov",))}),
    # A meeting scheduled, or announced by others, stays a planned meeting.
    ("John Kerry will meet Sergei Lavrov on Tuesday.", {("meeting", "planned", "John Kerry", ("Sergei Lavrov",))}),
    ("Barack Obama is scheduled to attend a summit in Switzerland.", {("meeting", "planned", "Barack Obama", ())}),
])
def test_an_intent_to_meet_is_one_event(pipeline, text, expected):
    found = of_type(pipeline, text, "meeting") | of_type(pipeline, text, "agreement")
    assert expected <= found
    assert not {e for e in found - expected if e[0] == "meeting" or e[3]}, found - expected


# ---------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------
SPEAKERS = [
    ("John Kerry said the truce was holding.", "John Kerry"),
    ('"We are close," said John Kerry.', "John Kerry"),
    ("The deal is close, according to John Kerry.", "John Kerry"),
    ("John Kerry arrived in Geneva. He said the truce was holding.", "John Kerry"),
    ("U.S. Secretary of State John Kerry met Jordan's Foreign Minister Nasser Judeh. "
     "The minister said the situation was alarming.", "Nasser Judeh"),
    ("Moscow claimed the strikes hit militants.", "Russia"),
    ("Saudi officials said the truce was holding.", "Saudi Arabia"),
    ("The United Nations said aid was blocked.", "United Nations"),
    # The name in apposition speaks, not the organization modifying the title.
    ("The UN special envoy for Syria, Staffan de Mistura, said the talks would resume.", "Staffan de Mistura"),
    # "X said he ...": the pronoun is the speaker of the governing clause.
    ("John Kerry met Sergei Lavrov. The UN envoy, Staffan de Mistura, said he hoped to meet both.",
     "Staffan de Mistura"),
    ("The United Nations voiced concern over the fighting.", "United Nations"),
    # Whoever is quoted speaks; the agency that quotes only passes the words on.
    ("Foreign Minister Sergei Lavrov was quoted by the Interfax news agency as saying the talks had failed.",
     "Sergei Lavrov"),
]


@pytest.mark.model
def test_expressed_concern_has_every_coordinated_speaker(pipeline):
    got = of_type(pipeline, "Japan, Australia and the European Union also expressed concern.", "statement")
    assert {e[2] for e in got} == {"Japan", "Australia", "European Union"}
    assert not of_type(pipeline, "The concern of Germany grew.", "statement")


@pytest.mark.model
@pytest.mark.parametrize("text,speaker", SPEAKERS)
def test_speakers(pipeline, text, speaker):
    x = extract(pipeline, text)
    statements = [e for e in x.events if e.type == "statement"]
    assert statements and statements[-1].source == speaker


@pytest.mark.model
def test_quote_is_attached_to_the_statement(pipeline):
    x = extract(pipeline, '"We are close to an understanding," said John Kerry.')
    (s,) = [e for e in x.events if e.type == "statement"]
    assert s.quote and s.quote.startswith("We are close to an understanding")


# ---------------------------------------------------------------------------
# Directed acts: accusations, appeals, threats; attacks and agreements
# ---------------------------------------------------------------------------
DIRECTED = [
    # accusation
    ("Adel al-Jubeir spoke in Geneva. He blamed Syrian President Bashar al-Assad for the air strikes.",
     ("accusation", "Adel al-Jubeir", "Bashar al-Assad")),
    ("France accused Rwanda of lying.", ("accusation", "France", "Rwanda")),
    ("A Saudi businessman is suing the United States for damages.", ("accusation", "", "United States")),
    ("The US presented evidence against Russia.", ("accusation", "United States", "Russia")),
    ("Serbia lodged an official protest with Albania.", ("accusation", "Serbia", "Albania")),
    # appeal, including "X said Y must ..."
    ("The UN urged Syria to open the roads.", ("appeal", "UN", "Syria")),
    ("Egypt called on Israel to withdraw.", ("appeal", "Egypt", "Israel")),
    ("Washington wanted Moscow to pressure the regime.", ("appeal", "United States", "Russia")),
    # coordinated subjects agree with each other
    ("John Kerry and Sergei Lavrov agreed on a ceasefire.", ("agreement", "John Kerry", "Sergei Lavrov")),
    # opposition leaders of a country are a group, not the state
    ("Syrian opposition leaders accused Moscow of shielding the government.",
     ("accusation", "Syrian opposition leaders", "Russia")),
    # threat
    ("Iran threatened Iraq with war.", ("threat", "Iran", "Iraq")),
    # attack (places are targets too)
    ("Syrian warplanes bombed Aleppo.", ("attack", "Syria", "Aleppo")),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", DIRECTED)
def test_directed_acts(pipeline, text, expected):
    type_, source, target = expected
    got = [(e.source, e.targets) for e in extract(pipeline, text).events if e.type == type_]
    assert any(s == source and target in t for s, t in got), got


# A tensed verb coordinated with another is an act of its own: not the first verb's content,
# with its own negation and modals, and with the subject of the verb it continues.
COORDINATED_ACTS = [
    ("France appealed for calm and accused Rwanda of arming the militias.",
     {("accusation", "occurred", "France", ("Rwanda",))}),
    # hung by the parser on the negated infinitive of the reported clause: the speaker warned
    ("Zakharchenko said his fighters would not agree to a truce and warned Kiev that they would attack Mariupol.",
     {("threat", "occurred", "Zakharchenko", ("Ukraine",))}),
    ("The Foreign Ministry said Kiev was to blame and urged the Ukrainian authorities to stop the shelling.",
     {("appeal", "occurred", "Foreign Ministry", ("Ukraine",))}),
    ("Nicolas Maduro accused the protesters of violence and warned the students that they would be arrested.",
     {("accusation", "occurred", "Nicolas Maduro", ("Protesters (t.txt)",)),
      ("threat", "occurred", "Nicolas Maduro", ("Students (t.txt)",))}),
    ("Iran threatened to attack Iraq and warned Kuwait not to interfere.",
     {("threat", "occurred", "Iran", ("Kuwait",))}),
    ("John Kerry did not meet Sergei Lavrov but spoke to Vladimir Putin by telephone.",
     {("meeting", "negated", "John Kerry", ("Sergei Lavrov",)),
      ("meeting", "occurred", "John Kerry", ("Vladimir Putin",))}),
    # unchanged: a conjunct of the reported clause keeps the reported subject ...
    ("Putin said the rebels attacked Mariupol and killed five soldiers.",
     # an attack on a city is also one on its state
     {("attack", "occurred", "Rebels in Mariupol", ("Mariupol", "Ukraine")),
      ("attack", "occurred", "Rebels in Mariupol", ())}),
]


# Targets named inside the act's content rather than as its object.
CONTENT_TARGETS = [
    # the subject of a demanded clause is who is asked, a name in apposition included
    ("The Bar Association of Sri Lanka demanded that the inspector general of police, Chandana "
     "Wickramaratne, explain the attack.",
     {("appeal", "occurred", "Bar Association of Sri Lanka", ("Chandana Wickramaratne",))}),
    ("Hamas demanded that Israel should release the prisoners.",
     {("appeal", "occurred", "Hamas", ("Israel",))}),
    # the measure a threat holds out names whom it is aimed at ...
    ("Russia threatened to impose sanctions on Ukraine.", {("threat", "occurred", "Russia", ("Ukraine",))}),
    ("President Gotabaya Rajapaksa spoke on Monday. Opposition leader Sajith Premadasa threatened to bring "
     "a no-confidence motion against the president.",
     {("threat", "occurred", "Sajith Premadasa", ("Gotabaya Rajapaksa",))}),
    # ... also deep in a warning's clause, with capitals standing for their states, each a target
    ("Josep Borrell warned that failure to implement the deal would have consequences for Belgrade and Pristina.",
     {("threat", "occurred", "Josep Borrell", ("Kosovo", "Serbia"))}),
]


@pytest.mark.model
def test_content_targets_stay_narrow(pipeline):
    # Whom an appeal asks to act with is no target; nor is a clause reported as fact.
    assert ("appeal", "occurred", "United States", ("Iran",)) in events(
        pipeline, "The United States urged Iran to resume talks with the European Union.")
    assert of_type(pipeline, "Putin warned that Russia would respond to any attack.", "threat") == {
        ("threat", "occurred", "Putin", ())}
    # The object of a threatened attack is whom the threat is aimed at (CAMEO 138: IRN -> IRQ).
    assert ("threat", "occurred", "Iran", ("Iraq",)) in of_type(pipeline, "Iran threatened to attack Iraq.", "threat")


# A report whose clause accuses its named subject is an accusation of that subject.
REPORTED_ACCUSATIONS = [
    ("Albin Kurti said Serbia was running away from its obligations.",
     {("accusation", "occurred", "Albin Kurti", ("Serbia",))}),
    # a national adjective stands for its state
    ('Wang Wenbin said the Philippine vessels had "illegally intruded" into the waters.',
     {("accusation", "occurred", "Wang Wenbin", ("Philippines",))}),
    # the accused act reported as fact is still an event
    ("Putin said the rebels illegally attacked Mariupol.",
     {("accusation", "occurred", "Putin", ("Rebels in Mariupol",)),
      ("attack", "occurred", "Rebels in Mariupol", ("Mariupol", "Ukraine"))}),
]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", CONTENT_TARGETS + REPORTED_ACCUSATIONS)
def test_targets_named_in_the_content_of_an_act(pipeline, text, expected):
    assert expected <= events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Albin Kurti said Serbia had not violated the agreement.",  # denied
    "Albin Kurti said he was running away from the press.",  # about the speaker
    "Albin Kurti said Serbia would hold talks.",  # nothing accusing
])
@pytest.mark.model
def test_plain_reports_stay_statements(pipeline, text):
    assert not of_type(pipeline, text, "accusation")


@pytest.mark.model
@pytest.mark.parametrize("text,expected", COORDINATED_ACTS)
def test_coordinated_finite_verbs_are_acts_of_their_own(pipeline, text, expected):
    assert expected <= events(pipeline, text)


@pytest.mark.model
def test_coordinated_content_stays_content(pipeline):
    # ... and what is demanded, coordinated or not, is no act of its own.
    assert of_type(pipeline, "Egypt demanded that Israel explain why it attacked Gaza and killed five civilians.",
                   "attack") == set()
    assert events(pipeline, "The UN urged Syria to open the roads and to stop the shelling.") == {
        ("appeal", "occurred", "UN", ("Syria",))}


@pytest.mark.model
@pytest.mark.parametrize("sentence,expected", [
    ("Prime Minister Haider al-Abadi met U.S. envoy Brett McGurk in Baghdad on Tuesday.",
     ("meeting", "occurred", "Haider al-Abadi", ("Brett McGurk",))),
    ("Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Monday.",
     ("meeting", "occurred", "Sergei Lavrov", ("John Kerry",))),
    ("President Nicolas Maduro accused the United States of plotting a coup.",
     ("accusation", "occurred", "Nicolas Maduro", ("United States",))),
])
def test_title_before_a_name_is_not_the_subject(pipeline, sentence, expected):
    # After this lead the parser gives "Minister" a subject arc of its own next to "Abadi".
    lead = ("BAGHDAD (Reuters) - Iraqi forces took control of the last Kurdish-held town on Tuesday. "
            "The move ended a three-year standoff.\n\n")
    for text in (sentence, lead + sentence):
        assert expected in events(pipeline, text), text


TYPED = [
    # "X said Y must ...": a demand by X
    ("Hosni Mubarak said the US must be ready to mediate.", "appeal"),
    # announced future negative action: a threat
    ("Palestinian leaders said they would boycott all contact with the United States.", "threat"),
    ("Greece plans to impose restrictions on its labour market.", "threat"),
    ("President Laurent Gbagbo announced that he will extend the curfew in Abidjan.", "threat"),
    ("Ethnic Albanians have sworn to fight until they gain control of the villages.", "threat"),
    # expressed intent to cooperate
    ("France is ready to contribute 4,000 troops to the force, Defence Minister Pierre Joxe said.", "agreement"),
    ("Czechia and China signed an agreement to increase trade.", "agreement"),
    # an attack reported by someone else, even with no named attacker
    ("A roadside bombing near Samarra killed one U.S. soldier, the military said.", "attack"),
    ("Opposition forces shelled government-held positions in Aleppo.", "attack"),
    # a formal complaint by a described, unnamed actor
    ("Croatian authorities are failing refugees, a human rights group protested here Wednesday.", "accusation"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,type_", TYPED)
def test_event_types(pipeline, text, type_):
    assert type_ in {e.type for e in extract(pipeline, text).events}


NOT_EVENTS = [
    # the content of a threat or an appeal did not happen
    ("The opposition threatened to storm his residence in Tbilisi.", "attack"),
    ("Barack Obama wants Vladimir Putin to attack Switzerland.", "attack"),
    ("Serbia demanded a meeting of the U.N. Security Council.", "meeting"),
    ("Bosnian Serbs demanded a truce with Moslem forces.", "agreement"),
    # refused, denied or only wished-for acts are no edge
    ("Obama said he would not provide support to Israel.", "agreement"),
    ("Yemen has rejected a U.S. request to interrogate detainees.", "appeal"),
    ("Serbia flatly rejected an Australian ultimatum.", "threat"),
    # protests as demonstrations, not as formal complaints
    ("Students marched to protest the decision.", "accusation"),
    ("Riot police dispersed demonstrators protesting election results.", "accusation"),
    # "lifting" a ban undoes a coercive measure
    ("Obama has agreed to lift the sanctions on Iran.", "threat"),
    # a strike by workers is no attack; "sought to" is an attempt, not a request
    ("The union called off a four-day strike.", "attack"),
    ("The leaders sought to ease tensions.", "appeal"),
    # "should" is a demand only of someone named, and "should have" a reproach
    ("Analysts said growth should pick up next year.", "appeal"),
    ("Senator Ruth Okafor said Dan Pillay should have resigned.", "appeal"),
    # a weapon launched at no one may be a test
    ("Iran launched a new missile on Sunday.", "attack"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,type_", NOT_EVENTS)
def test_not_events(pipeline, text, type_):
    assert type_ not in {e.type for e in extract(pipeline, text).events}


@pytest.mark.model
def test_passive_accusation_takes_the_agent_as_source(pipeline):
    x = extract(pipeline, "President Jean-Bertrand Aristide has been accused of misusing public funds "
                          "by Haitian government officials.")
    (a,) = [e for e in x.events if e.type == "accusation"]
    assert (a.source, a.targets) == ("Haiti", ["Jean-Bertrand Aristide"])


# ---------------------------------------------------------------------------
# Actors: metonymy, demonyms, titles, surnames, acronyms
# ---------------------------------------------------------------------------
@pytest.mark.model
def test_capital_acting_is_the_state_but_in_the_capital_is_a_place(pipeline):
    x = extract(pipeline, "Moscow claimed the strikes hit militants. Talks were held in Moscow.")
    assert "Russia" in {a.label for a in x.actors}
    assert "Moscow" in {p.label for p in x.places}
    assert {e.source for e in x.events if e.type == "statement"} == {"Russia"}


@pytest.mark.model
def test_titles_are_stripped_and_kept(pipeline):
    x = extract(pipeline, "U.S. Secretary of State John Kerry met Jordan's Foreign Minister Nasser Judeh.")
    actors = {a.label: a for a in x.actors}
    assert (actors["John Kerry"].title, actors["John Kerry"].affiliation) == ("Secretary of State", "United States")
    assert (actors["Nasser Judeh"].title, actors["Nasser Judeh"].affiliation) == ("Foreign Minister", "Jordan")


@pytest.mark.model
def test_surname_links_to_the_full_name(pipeline):
    x = extract(pipeline, "U.S. Secretary of State John Kerry arrived in Geneva. Kerry said the truce was holding.")
    kerry = [a for a in x.actors if a.label == "John Kerry"]
    assert len(kerry) == 1 and "Kerry" in kerry[0].aliases
    assert {e.source for e in x.events if e.type == "statement"} == {"John Kerry"}


@pytest.mark.model
def test_acronym_and_expansion_are_one_actor(pipeline):
    x = extract(pipeline, "The United Nations said aid was blocked. The UN urged Syria to open the roads.")
    un = [a for a in x.actors if a.type == "organization"]
    assert len(un) == 1 and {"UN", "United Nations"} <= set(un[0].aliases)
    assert {e.source for e in x.events if e.type in ("statement", "appeal")} == {un[0].label}


# ---------------------------------------------------------------------------
# Dates, offsets, determinism
# ---------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize("text,date", [
    ("John Kerry met Sergei Lavrov in Geneva on Sunday.", "2016-05-01"),
    ("John Kerry will meet Sergei Lavrov on Tuesday.", "2016-05-03"),
    ("John Kerry met Sergei Lavrov on April 29.", "2016-04-29"),
])
def test_dates_are_normalised_with_the_document_date(pipeline, text, date):
    (m,) = [e for e in extract(pipeline, text).events if e.type == "meeting"]
    assert m.date == date


SEED_LIKE = (
    "U.S. Secretary of State John Kerry said on May 2 that talks were getting closer. "
    "But Kerry told reporters in Geneva ahead of talks with Saudi Arabia's Foreign Minister "
    "Adel al-Jubeir that there was \"some work to do.\"\n\n"
    "He blamed Syrian President Bashar al-Assad for air strikes that have killed hundreds. "
    "The Kremlin announced on May 2 that Lavrov would meet de Mistura for talks in Moscow on May 3."
)


@pytest.mark.model
def test_sentences_match_their_offsets(pipeline):
    x = extract(pipeline, SEED_LIKE)
    assert x.events
    for e in x.events:
        assert e.sentence == SEED_LIKE[e.start:e.end].strip()


@pytest.mark.model
def test_output_is_deterministic(pipeline):
    def run() -> str:
        return json.dumps(extract(pipeline, SEED_LIKE).to_dict(), ensure_ascii=False)

    first = run()
    assert '"meeting"' in first and first == run()


# ---------------------------------------------------------------------------
# Without a model: the entity fixer and the mention rules on hand-made Docs
# ---------------------------------------------------------------------------
def _doc(words, ents=None, spaces=None, **kw):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=ents, **kw)


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_fixer_trims_a_stray_verb_from_a_name():
    doc = _doc(["to", "meet", "de", "Mistura", "."], ents=["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert _ents(fix_entities(doc, default_lexicon())) == [("de Mistura", "ORG")]


def test_fixer_relabels_a_city_tagged_norp():
    doc = _doc(["fighting", "in", "Aleppo", "."], ents=["O", "O", "B-NORP", "O"])
    assert _ents(fix_entities(doc, default_lexicon())) == [("Aleppo", "GPE")]


def test_fixer_relabels_a_country_tagged_person():
    doc = _doc(["Jordan", "'s", "minister"], ents=["B-PERSON", "O", "O"], spaces=[False, True, False])
    assert _ents(fix_entities(doc, default_lexicon())) == [("Jordan", "GPE")]


def test_fixer_drops_fragments_and_title_parts():
    words = ["Secretary", "of", "State", "John", "Kerry", "and", "government", "-"]
    doc = _doc(words, ents=["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG"],
               spaces=[True, True, True, True, True, True, False, False])
    assert _ents(fix_entities(doc, default_lexicon())) == [("John Kerry", "PERSON")]


def test_fixer_adds_places_the_model_missed():
    doc = _doc(["Talks", "in", "Geneva", "ended", "."])
    assert ("Geneva", "GPE") in _ents(fix_entities(doc, default_lexicon()))


def _parsed(words, heads, deps, ents, pos=None):
    return _doc(words, heads=heads, deps=deps, ents=ents, pos=pos or ["PROPN"] * len(words))


def test_mentions_link_surname_and_keep_one_person():
    words = ["John", "Kerry", "met", "Lavrov", ".", "Kerry", "left", "."]
    heads = [1, 2, 2, 2, 2, 6, 6, 6]
    deps = ["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O", "O"]
    m = Mentions(_parsed(words, heads, deps, ents), default_lexicon())
    persons = sorted(e.label for e in labelled(m.entities.values()).values() if e.type == "person")
    assert persons == ["John Kerry", "Lavrov"]
    assert m.actor_at[5] == m.actor_at[1]


def test_mentions_capital_as_subject_is_the_state():
    words = ["Moscow", "claimed", "victory", "."]
    m = Mentions(_parsed(words, [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
                         ["B-GPE", "O", "O", "O"]), default_lexicon())
    assert m.entities[m.actor_at[0]].type == "state"
    assert m.entities[m.actor_at[0]].label == "Russia"


def test_mentions_capital_after_in_is_a_place():
    words = ["Talks", "ended", "in", "Moscow", "."]
    m = Mentions(_parsed(words, [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"],
                         ["O", "O", "O", "B-GPE", "O"]), default_lexicon())
    assert 3 in m.place_at and m.entities[m.place_at[3]].label == "Moscow"


def test_mentions_acronym_joins_its_expansion():
    words = ["United", "Nations", "and", "UN", "."]
    m = Mentions(_parsed(words, [1, 1, 1, 1, 1], ["compound", "ROOT", "cc", "conj", "punct"],
                         ["B-ORG", "I-ORG", "O", "B-ORG", "O"]), default_lexicon())
    assert m.actor_at[1] == m.actor_at[3]


def test_mentions_dateline_city_misread_as_a_person_becomes_the_place():
    words = ["Talks", "ended", "in", "Nusa", "Dua", "."]
    doc = _parsed(words, [1, 1, 1, 4, 2, 1], ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
                  ["O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    m = Mentions(doc, default_lexicon())
    assert m.entities[m.actor_at[4]].type == "person"  # the model's reading
    m.add_dateline(Dateline("NUSA DUA, Indonesia", ["Nusa Dua"], "Indonesia"))
    assert 4 not in m.actor_at and m.entities[m.place_at[4]].label == "Nusa Dua"
    assert {e.label for e in m.entities.values() if e.kind == "place"} == {"Nusa Dua", "Indonesia"}
    assert not [e for e in m.entities.values() if e.type == "person"]


def test_mentions_dateline_keeps_organizations_and_unknown_regions_out_of_places():
    words = ["George", "Washington", "slept", "here", "."]
    doc = _parsed(words, [1, 2, 2, 2, 2], ["compound", "nsubj", "ROOT", "advmod", "punct"],
                  ["B-PERSON", "I-PERSON", "O", "O", "O"])
    m = Mentions(doc, default_lexicon())
    m.add_dateline(Dateline("UNITED NATIONS", ["United Nations"]))
    m.add_dateline(Dateline("WASHINGTON, Ill.", ["Washington"], "Ill."))
    places = {e.label for e in m.entities.values() if e.kind == "place"}
    assert places == {"Washington"}  # not the UN's seat, not the postal "Ill."
    assert m.entities[m.actor_at[1]].type == "person"  # "George Washington" stays a person


# ---------------------------------------------------------------------------
# The reporting medium: wire agencies and datelines
# ---------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Governor Ana Lopes told Reuters that she would not resign.",
    "Russia fired missiles at Kyiv, Reuters reported.",
    "According to AFP, the army shelled the town.",
    "The Associated Press reported that Iran rejected the plan.",
    "Ana Lopes told the AP that the talks had failed.",
])
def test_wire_agencies_are_neither_actors_nor_places(pipeline, text):
    x = extract(pipeline, text)
    names = {n for a in x.actors for n in (a.label, *a.aliases)} | {p.label for p in x.places}
    assert not names & {"Reuters", "AFP", "Associated Press", "AP"}
    assert all(e.source not in ("Reuters", "AFP", "Associated Press", "AP") for e in x.events)


@pytest.mark.model
def test_state_news_agencies_and_namesakes_stay_actors(pipeline):
    x = extract(pipeline, "Xinhua said China would respond. KCNA said North Korea fired a missile.")
    assert {"Xinhua", "KCNA"} <= {e.source for e in x.events if e.type == "statement"}
    x = extract(pipeline, "Michael Bloomberg met Joe Biden. Bloomberg said the talks went well.")
    assert {e.source for e in x.events if e.type == "statement"} == {"Michael Bloomberg"}


@pytest.mark.model
def test_dateline_is_no_subject_and_its_places_are_the_documents(pipeline):
    from graphbuild.read import document_from_text

    document = document_from_text(
        "NUSA DUA, Indonesia, Nov 14 (Reuters) - Joe Biden met Xi Jinping at a hotel in Nusa Dua.", "t.txt")
    x = extract_document(pipeline.parse(document.text), document)
    assert {a.label for a in x.actors} == {"Joe Biden", "Xi Jinping"}
    assert {p.label for p in x.places} == {"Nusa Dua", "Indonesia"}
    (m,) = [e for e in x.events if e.type == "meeting"]
    assert (m.source, m.targets, m.place) == ("Joe Biden", ["Xi Jinping"], "Nusa Dua")
    assert m.start == 0 and m.sentence.startswith("Joe Biden")
    # A later piece of a long text does not count the dateline again.
    later = extract_document(pipeline.parse("Talks went on."), document, offset=500)
    assert not later.places


# ---------------------------------------------------------------------------
# Places, titles and groups in context
# ---------------------------------------------------------------------------
@pytest.mark.model
def test_meeting_place_in_apposition_not_the_topic_of_the_talks(pipeline):
    x = extract(pipeline, "Petro Poroshenko met Vladimir Putin in the Belarusian capital, Minsk, "
                          "on August 26 for talks on the conflict in eastern Ukraine.")
    (m,) = [e for e in x.events if e.type == "meeting"]
    assert (m.source, m.targets, m.place) == ("Petro Poroshenko", ["Vladimir Putin"], "Minsk")


@pytest.mark.model
def test_village_named_like_a_person_is_a_place_and_demonyms_are_not_places(pipeline):
    x = extract(pipeline, "Ukrainian President Petro Poroshenko said troops captured ten paratroopers "
                          "near the village of Dzerkalne.")
    places = {p.label for p in x.places}
    assert "Dzerkalne" in places and "Ukrainian" not in places
    assert "Dzerkalne" not in {a.label for a in x.actors}
    (ukraine,) = [a for a in x.actors if a.label == "Ukraine"]
    assert "Ukrainian" in ukraine.aliases


@pytest.mark.model
def test_lower_case_title_phrase_and_its_organization(pipeline):
    x = extract(pipeline, "EU foreign policy chief Catherine Ashton urged Russia to stop the flow of weapons.")
    (ashton,) = [a for a in x.actors if a.label == "Catherine Ashton"]
    assert (ashton.title, ashton.affiliation) == ("foreign policy chief", "EU")


@pytest.mark.model
def test_common_noun_group_is_an_actor_only_when_it_acts(pipeline):
    x = extract(pipeline, "Petro Poroshenko said the contact group will study the plan. "
                          "Separatist leaders threatened Ukraine.")
    labels = {a.label for a in x.actors}
    assert "Separatist leaders" in labels
    assert not any("group" in label.lower() for label in labels)


def _snapshot(m: Mentions) -> tuple:
    """Everything a later stage may read of the mentions, in order, each entity's mentions included."""
    ents = [(k, e.kind, e.type, e.label, sorted(e.names.items()), e.mentions, e.first, e.title, e.affiliation, e.iso)
            for k, e in m.entities.items()]
    return ents, list(m.actor_at.items()), list(m.place_at.items())


@pytest.mark.model
def test_finding_events_leaves_the_mentions_as_built(pipeline):
    """The event stage only reads the mentions; coreference keeps what it finds in its resolver."""
    text = ("Syrian rebels attacked the town. The Supreme Electoral Tribunal said the rebels must leave. "
            "The tribunal accused Russian officials of lying. Syrian rebels denied it.")
    doc = pipeline.parse(text)
    m = Mentions(doc, default_lexicon())
    m.settle(default_codebook())
    before = _snapshot(m)
    res = Resolver(m)
    found = list(iter_events(m, res))
    assert _snapshot(m) == before
    # what coreference found is its own: the groups named by common nouns and the descriptions resolved
    assert {k: (g.label, g.mentions) for k, g in res.groups.items()} == {
        "group:syrian-rebels": ("Syrian rebels", 2), "group:rebels": ("Rebels", 1)}
    named, described = [t.i for t in doc if t.lower_ == "tribunal"]
    tribunal = m.actor_at[named]
    assert res.links[described] == tribunal  # "The tribunal accused"
    assert not set(res.links) & set(m.actor_at) and not set(res.groups) & set(m.entities)
    assert ("accusation", [tribunal]) in [(f.type, f.source) for f in found]


@pytest.mark.model
def test_groups_named_by_common_nouns_are_actors_with_their_labels(pipeline):
    x = extract(pipeline, "Syrian rebels attacked the town. The tribunal said the rebels must leave. "
                          "Syrian rebels denied it.")
    groups = {(a.label, a.mentions) for a in x.actors if a.type == "group"}
    assert groups == {("Syrian rebels", 2), ("Rebels (t.txt)", 1)}
    assert ("denial", "Syrian rebels") in {(e.type, e.source) for e in x.events}


@pytest.mark.model
@pytest.mark.parametrize("text,label", [
    ("Pro-Russian separatists attacked the town.", "Pro-Russian separatists"),
    ("One student was attacked by pro-government militants on motorcycles.", "Pro-government militants"),
    # unchanged: spaced words stay spaced
    ("Syrian opposition leaders accused Moscow of shielding the government.", "Syrian opposition leaders"),
    ("The rebels said government forces attacked them.", "Government forces"),
])
def test_group_label_is_written_as_in_the_text(pipeline, text, label):
    assert label in [a.label for a in extract(pipeline, text).actors]


@pytest.mark.model
def test_coordinated_named_speakers_each_make_the_act(pipeline):
    assert of_type(pipeline, "Volkswagen, BMW and Mercedes-Benz all criticised the duties.", "accusation") == {
        ("accusation", "occurred", k, ()) for k in ("Volkswagen", "BMW", "Mercedes-Benz")}
    assert of_type(pipeline, "France and Germany accused Russia of arming the rebels.", "accusation") == {
        ("accusation", "occurred", "France", ("Russia",)), ("accusation", "occurred", "Germany", ("Russia",))}
    # unchanged: coordinated subjects of a meeting or an agreement act with each other
    assert events(pipeline, "John Kerry and Sergei Lavrov agreed on a ceasefire.") == {
        ("agreement", "occurred", "John Kerry", ("Sergei Lavrov",))}


@pytest.mark.model
def test_verb_after_a_parenthetical_attribution_continues_the_reported_clause(pipeline):
    text = ("Sergei Lavrov did not meet John Kerry during the visit, a State Department official said, "
            "but spoke to Barack Obama by telephone.")
    assert of_type(pipeline, text, "meeting") == {
        ("meeting", "negated", "Sergei Lavrov", ("John Kerry",)),
        ("meeting", "occurred", "Sergei Lavrov", ("Barack Obama",))}
    # unchanged: without the closing comma the attribution's subject goes on (the ministry called)
    appeals = of_type(pipeline, "Russia attacked the town, the ministry said and called on Kiev to negotiate.", "appeal")
    assert appeals and all(source != "Russia" for _, _, source, _ in appeals)


# ---------------------------------------------------------------------------
# Who did what to whom: parties found from the parse (sentences written for these tests)
# ---------------------------------------------------------------------------
DYADS = [
    # an infinitival object; a national adjective in it stands for the state
    ("Chile threatened to close Peruvian ports.", "threat", "Chile", "Peru"),
    ("Kenya threatened to expel diplomats from Uganda unless the border reopened.", "threat", "Kenya", "Uganda"),
    # the speaker's own "it" is skipped; the condition ("unless ...") is not the content
    ("Ghana announced that it will withdraw its troops from Mali unless Togo agrees.", "threat", "Ghana", "Mali"),
    # a that-clause names who is asked, in any tense the parser gives it
    ("Norwegian officials demanded that Sweden return the fishing boats.", "appeal", "Norway", "Sweden"),
    # "X said Y must ...": X asks it of Y
    ("Brazil said on Monday that Argentina must pay its debts.", "appeal", "Brazil", "Argentina"),
    # ... whatever Y is asked to do, and to whom a reminder is addressed
    ("Colombian rebels announced that Bolivia must agree to new elections.", "appeal", "Colombian rebels", "Bolivia"),
    ("Germany sent a reminder to Poland that it must cooperate with the court.", "appeal", "Germany", "Poland"),
    # the content of an offer or promise names its beneficiary
    ("Japan agreed to provide emergency aid to Nepal.", "agreement", "Japan", "Nepal"),
    ("Canada has promised to support Ukraine's bid for membership.", "agreement", "Canada", "Ukraine"),
    # statements about someone: the named subject or object of the reported clause
    ("Ambassador Lena Holt said Omar Bashir must step down.", "statement", "Lena Holt", "Omar Bashir"),
    ("Prime Minister Arno Vehko said Estonia was ready for talks.", "statement", "Arno Vehko", "Estonia"),
    # whom a briefing is given to
    ("Minister Rosa Tello briefed President Luis Arce on the floods.", "statement", "Rosa Tello", "Luis Arce"),
    # ... or the first party named inside the clause, a country named as a place standing for its state
    ("The World Bank says inflation in Mexico will fall next year.", "statement", "World Bank", "Mexico"),
    ("Minister Rosa Tello said the reforms would leave Peru stronger.", "statement", "Rosa Tello", "Peru"),
    # attacks: "fired X at Y"
    ("Ecuador fired warning shots at Colombian fishing boats.", "attack", "Ecuador", "Colombia"),
    # an attribution hung on the apposition before it reports the main clause
    ("Bolivian police are harassing miners in Potosi, a local rights group protested on Monday.",
     "accusation", "Local rights group", "Bolivia"),
    # a visit goes to the state of the place visited
    ("Peruvian President Luis Arce arrived in Quito on a state visit.", "meeting", "Luis Arce", "Ecuador"),
    ("Finland's Deputy Trade Minister visited Hanoi.", "meeting", "Finland", "Vietnam"),
    # a mediator or host meets both sides
    ("Qatar launched a mediation effort between Sudan and Chad.", "meeting", "Qatar", "Chad"),
    ("Norway hosted talks between Colombia and the rebels.", "meeting", "Norway", "Colombia"),
    # "a group of X" acts for X
    ("A group of Kenyan diplomats held talks with Somalia.", "meeting", "Kenya", "Somalia"),
    # an attack credited to the side named on its means; an organization's own fighters are it
    ("Three farmers were killed in Ethiopian artillery shelling near the border.", "attack", "Ethiopia", ""),
    ("Recent Turkish drone strikes have killed two PKK commanders.", "attack", "Turkey", "PKK"),
    ("Hamas militants fired rockets at Israel.", "attack", "Hamas", "Israel"),
    # weapons launched at someone, fire opened on them, a fight they were engaged in
    ("The Sudanese army launched rockets at Chadian border posts.", "attack", "Sudan", "Chad"),
    ("Pakistani troops opened fire on Indian border posts.", "attack", "Pakistan", "India"),
    ("Ethiopian soldiers engaged Eritrean troops in a gunbattle near the border.", "attack", "Ethiopia", "Eritrea"),
    # a region named by a compass word lies in its country
    ("Turkish warplanes bombed Kurdish positions in Northern Iraq.", "attack", "Turkey", "Iraq"),
    # the passive subject's phrase names the target; "the invasion of X"
    ("A school for Rohingya children was attacked by Burmese soldiers.", "attack", "Myanmar", ""),
    ("Iraq launched its invasion of Kuwait.", "attack", "Iraq", "Kuwait"),
    # a threat's condition names whom it is meant to move, before where the threat would be carried
    ("Venezuela threatened to cut oil exports if Guyana builds the road.", "threat", "Venezuela", "Guyana"),
    ("Chile threatened to take the dispute to the International Court of Justice if Peru kept fishing in the zone.",
     "threat", "Chile", "Peru"),
    # a speech verb the parser hangs on the reported clause is still the speaker's
    ("Senator Ruth Okafor said the tax cuts were unfair and accused Finance Minister Dan Pillay of misleading "
     "parliament.", "accusation", "Ruth Okafor", "Dan Pillay"),
    ("Mayor Ana Ruiz told reporters that the budget had failed and said Governor Tom Reyes must resign.",
     "appeal", "Ana Ruiz", "Tom Reyes"),
    # "X said Y should ..." asks it of Y
    ("Senator Ruth Okafor said Finance Minister Dan Pillay should resign.", "appeal", "Ruth Okafor", "Dan Pillay"),
    # plural role nouns "from / of" a body act for it
    ("Inspectors from the International Atomic Energy Agency accused Iran of hiding uranium.",
     "accusation", "International Atomic Energy Agency", "Iran"),
    # a complaint's addressee is its audience; what it is over names the accused
    ("Nepal complained to the United Nations over Indian border raids.", "accusation", "Nepal", "India"),
    # a text speaks for whoever its phrase names
    ("A report released in the Kenyan capital alleged that Uganda had armed the rebels.",
     "accusation", "Kenya", "Uganda"),
    # a telephone call; a second subject the parser hangs on the first one's apposition
    ("Putin spoke by phone with Erdogan on Tuesday.", "meeting", "Putin", "Erdogan"),
    ("Britain's foreign secretary, David Miliband, and France's foreign minister, Bernard Kouchner, spoke by "
     "telephone on Monday.", "meeting", "David Miliband", "Bernard Kouchner"),
    # "A, B and C met/signed": every pair took part
    ("Peru, Chile and Bolivia met in Lima.", "meeting", "Chile", "Bolivia"),
    ("Kenya, Uganda and Tanzania signed a customs pact.", "agreement", "Uganda", "Tanzania"),
    # coordinated national adjectives on a plural noun: one party of each state
    ("The Serbian and Croatian delegations agreed to reopen the border.", "agreement", "Serbia", "Croatia"),
    # an infinitive of purpose is part of what is offered; a noun's object names its target
    ("Denmark is willing to send doctors to help treat Syrian refugees.", "agreement", "Denmark", "Syria"),
    ("Serbian forces launched raids on some of the Albanian villages.", "attack", "Serbia", "Albania"),
    # plural titles and "the president of X" stand for their body or state
    ("African Union foreign ministers agreed to send aid to Somalia.", "agreement", "African Union", "Somalia"),
    ("Chile offered to mediate for the president of Bolivia.", "agreement", "Chile", "Bolivia"),
]

#: Statements of fact that name no one keep no target; nor does one about the speaker.
UNDIRECTED_STATEMENTS = [
    "Ambassador Lena Holt said the weather was improving.",
    "Ambassador Lena Holt said she would travel to Oslo.",
    "The World Bank said the floods in Lima had closed schools.",  # a city is where, not whom
]


@pytest.mark.model
@pytest.mark.parametrize("text,type_,source,target", DYADS)
def test_parties_of_an_act(pipeline, text, type_, source, target):
    got = [(e.source, e.targets) for e in extract(pipeline, text).events if e.type == type_]
    assert any(s == source and (target in t or not target) for s, t in got), got


@pytest.mark.model
def test_victims_of_an_attack_with_no_attacker_stand_for_their_state(pipeline):
    got = [(e.source, e.targets) for e in extract(pipeline, "Two Kenyan soldiers were killed in an ambush.").events
           if e.type == "attack"]
    assert got == [("", ["Kenya"])], got


@pytest.mark.model
@pytest.mark.parametrize("text", UNDIRECTED_STATEMENTS)
def test_statements_of_fact_have_no_target(pipeline, text):
    got = [e for e in extract(pipeline, text).events if e.type == "statement"]
    assert got and all(not e.targets for e in got)
