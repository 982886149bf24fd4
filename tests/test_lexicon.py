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
    assert "hope" in LEX.wish_verbs and "hope" not in LEX.planned_words


# ---------------------------------------------------------------------------
# One frozen, declared lexicon, read from data files and passed explicitly
# ---------------------------------------------------------------------------
import dataclasses  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from graphbuild.lexicon import Lexicon, load_lexicon  # noqa: E402
from graphbuild.types import Actor, DocExtraction, Document, GraphbuildError  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "graphbuild" / "data"
#: Lists read into another field (announced actions -> intent_actions).
_READ_INTO = {"negative_actions": "intent_actions", "cooperative_actions": "intent_actions",
              "particles": "name_particles", "prefixes": "name_prefixes", "suffixes": "name_suffixes"}


@pytest.mark.parametrize("name", ["mentions.json", "modality.json", "arguments.json", "names.json"])
def test_every_list_of_the_word_files_is_a_declared_field(name):
    declared = {f.name for f in dataclasses.fields(Lexicon)}
    keys = [k for k in json.loads((DATA / name).read_text(encoding="utf-8")) if not k.startswith("_")]
    assert keys and all(_READ_INTO.get(k, k) in declared for k in keys)


def test_the_lexicon_is_frozen_and_has_only_declared_attributes():
    with pytest.raises(dataclasses.FrozenInstanceError):
        LEX.title_words = frozenset()
    with pytest.raises((AttributeError, TypeError)):
        object.__setattr__(LEX, "undeclared", 1)
    with pytest.raises(TypeError):
        LEX.demonyms["Martian"] = "MA"  # read-only tables, not dicts
    assert load_lexicon() is LEX  # read once


def _folder(tmp_path: Path, name: str, **changes) -> Path:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    data.update(changes)
    (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_a_folder_changes_only_the_lists_it_holds(tmp_path):
    lex = load_lexicon(_folder(tmp_path, "mentions.json", platforms=["Mastodon"]))
    assert lex.platforms == {"Mastodon"} and "Twitter" in LEX.platforms
    assert lex.negation_verbs == LEX.negation_verbs  # modality.json came from the package
    assert lex.data_dir == str(tmp_path.resolve()) and load_lexicon(tmp_path) is lex


@pytest.mark.parametrize("content,message", [
    ("{not json", "mentions.json: cannot read word lists"),
    ('{"honorifics": ["Mr"]}', "mentions.json: no entry 'title_words'"),
    ('{"honorifics": "Mr"}', "'honorifics' must be a list of words"),
])
def test_a_bad_word_file_is_named_with_the_reason(tmp_path, content, message):
    (tmp_path / "mentions.json").write_text(content, encoding="utf-8")
    with pytest.raises(GraphbuildError, match=message):
        load_lexicon(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(GraphbuildError, match="not a folder"):
        load_lexicon(tmp_path / "nope")


def test_resolve_reads_the_lexicon_it_is_given(tmp_path):
    from graphbuild.resolve import resolve

    def docs():
        long = Actor("European Commission", "organization", aliases=["European Commission"], docs=["a"])
        short = Actor("Commission", "organization", aliases=["Commission"], docs=["b"])
        return [DocExtraction(document=Document(id=d, text=""), actors=[a]) for d, a in (("a", long), ("b", short))]

    words = [w for w in json.loads((DATA / "mentions.json").read_text(encoding="utf-8"))["org_words"]
             if w != "Commission"]
    other = load_lexicon(_folder(tmp_path, "mentions.json", org_words=words))
    assert [a.label for a in resolve(docs()).actors] == ["European Commission"]
    assert sorted(a.label for a in resolve(docs(), lexicon=other).actors) == ["Commission", "European Commission"]


@pytest.mark.model
def test_the_pipeline_takes_its_lexicon_through_the_fixer_config(pipeline, tmp_path):
    from graphbuild.nlp import load_pipeline

    assert pipeline.nlp.get_pipe("graphbuild_entities").lexicon is pipeline.lexicon is LEX
    regions = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))["regions"]
    lex = load_lexicon(_folder(tmp_path, "gazetteer.json", regions=[*regions, "Kerry"]))
    p = load_pipeline(pipeline.model, lexicon=lex)
    assert p.nlp.get_pipe("graphbuild_entities").lexicon is lex is p.lexicon
    assert p.nlp.config["components"]["graphbuild_entities"]["lexicon"] == {
        "@misc": "graphbuild.lexicon.v1", "data_dir": str(tmp_path.resolve())}
    text = "Kerry met Lavrov in Geneva on Sunday."
    assert ("Kerry", "PERSON") in [(e.text, e.label_) for e in pipeline.parse(text).ents]
    assert ("Kerry", "LOC") in [(e.text, e.label_) for e in p.parse(text).ents]  # the fixer read the folder
    with pytest.raises(GraphbuildError, match="load_lexicon"):
        load_pipeline(pipeline.model, lexicon=dataclasses.replace(LEX, platforms=frozenset()))


def test_a_lexicon_pickles_as_the_texts_of_its_files(tmp_path, monkeypatch):
    import pickle
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    assert pickle.loads(pickle.dumps(LEX)) is LEX
    folder = tmp_path / "words"
    folder.mkdir()
    lex = load_lexicon(_folder(folder, "mentions.json", platforms=["Mastodon"]))
    data = pickle.dumps(lex)
    assert pickle.loads(data) is lex  # the folder still holds those words
    _folder(folder, "mentions.json", platforms=["Bluesky"])  # another machine, or the words changed since
    elsewhere = pickle.loads(data)
    assert elsewhere.platforms == {"Mastodon"} and elsewhere.negation_verbs == LEX.negation_verbs
    assert Path(elsewhere.data_dir).parent == tmp_path / "tmp"
    assert pickle.loads(data) is elsewhere  # one copy per set of texts


# sentence -> (actor, its code with the package's lexicon, with one that calls New Zealand "Aotearoa")
CODED = [
    ("Aotearoa Police arrested two protesters in Auckland.", "Aotearoa Police", "---COP", "NZLCOP"),
    ("The Aotearoa Government condemned Russia.", "Aotearoa Government", "---GOV", "NZLGOV"),
    ("Aotearoa accused Australia of breaking the trade agreement.", "New Zealand", None, "NZL"),
]


@pytest.mark.model
def test_extraction_codes_actors_with_the_lexicon_of_its_pipeline(pipeline, aotearoa_words):
    from graphbuild.corpus import extract
    from graphbuild.nlp import load_pipeline

    custom = load_pipeline(pipeline.model, lexicon=load_lexicon(aotearoa_words))
    texts = [sentence for sentence, *_ in CODED]
    codes = [{a.label: a.code for a in extract(texts=texts, pipeline=p, workers=1).actors}
             for p in (pipeline, custom)]
    for _, actor, default, coded in CODED:
        assert (codes[0].get(actor), codes[1].get(actor)) == (default, coded)


# ---------------------------------------------------------------------------
# A folder changes the words of the event types, never the types
# ---------------------------------------------------------------------------
def _event_types_folder(tmp_path: Path, change) -> Path:
    """A folder whose event_types.json is the package's with ``change(types by name, data)`` applied."""
    data = json.loads((DATA / "event_types.json").read_text(encoding="utf-8"))
    change({t["name"]: t for t in data["types"]}, data)
    (tmp_path / "event_types.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def _beseech(types, data) -> None:
    """A new appeal verb that asks its object ("beseeched Iran to release ...")."""
    types["appeal"]["triggers"]["verbs"]["beseech"] = "020"
    types["appeal"]["triggers"]["asking_verbs"].append("beseech")


def test_a_folder_adds_a_trigger_word_to_a_type(tmp_path):
    lex = load_lexicon(_event_types_folder(tmp_path, _beseech))
    trig = lex.verb_trigger("beseeched")
    assert (trig.type, trig.cameo, trig.lemma) == ("appeal", "020", "beseech")
    assert "beseech" in lex.asking_verbs and "beseech" not in LEX.asking_verbs
    assert LEX.verb_trigger("beseeched") is None
    assert lex.countries == LEX.countries and lex.title_nouns == LEX.title_nouns  # the other files: the package's


def test_every_list_of_the_event_types_is_a_declared_field():
    declared = {f.name for f in dataclasses.fields(Lexicon)}
    # Read into another field: "not_after" joins the strike modifiers in not_attack_modifiers.
    read_into = {"not_after": "not_attack_modifiers", "verbs": "verbs", "nouns": "nouns", "phrasal": "phrasal",
                 "rules": "rules"}
    data = json.loads((DATA / "event_types.json").read_text(encoding="utf-8"))
    keys = {k for t in data["types"] for k in t["triggers"]}
    assert {"reporting_verbs", "crowd_verbs", "violence_words"} <= keys
    assert all(read_into.get(k, k) in declared for k in keys)


def _drop(name):
    def change(types, data):
        data["types"].remove(types[name])
    return change


def _add_riot(types, data):
    data["types"].append({**types["protest"], "name": "riot"})


def _set(type_, key, value):
    def change(types, data):
        types[type_]["triggers"][key] = value
    return change


def _recolour(types, data):
    types["attack"]["color"] = "#000000"


def _verb_in_two_types(types, data):
    types["appeal"]["triggers"]["verbs"]["attack"] = "020"


def _code_outside_the_roots(types, data):
    types["appeal"]["triggers"]["verbs"]["beseech"] = "190"


def _drop_a_rule(types, data):
    types["meeting"]["triggers"]["rules"] = {}


@pytest.mark.parametrize("change,message", [
    (_add_riot, "'riot' is not one of graphbuild's event types .*a new type is a change to the package"),
    (_drop("protest"), "the event type 'protest' is missing"),
    (_recolour, "the 'color' of 'attack' differs from the package's"),
    (_set("statement", "reportng_verbs", ["say"]), "'reportng_verbs' is no word list of the event type 'statement'"),
    (_set("statement", "reporting_verbs", "say"), "'reporting_verbs' of 'statement' must be a list of words"),
    (_verb_in_two_types, "the verb 'attack' is a trigger of both appeal and attack"),
    (_code_outside_the_roots, "the code '190' of 'beseech' is no CAMEO code under the roots of 'appeal'"),
    (_drop_a_rule, "the rules of 'meeting' must be the package's"),
])
def test_a_folder_cannot_change_the_event_types(tmp_path, change, message):
    folder = _event_types_folder(tmp_path, change)
    with pytest.raises(GraphbuildError, match=rf"event_types\.json: {message}"):
        load_lexicon(folder)


def test_the_event_types_of_a_folder_pickle_with_it(tmp_path, monkeypatch):
    import pickle
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    folder = tmp_path / "words"
    folder.mkdir()
    lex = load_lexicon(_event_types_folder(folder, _beseech))
    data = pickle.dumps(lex)
    (folder / "event_types.json").unlink()  # another machine
    elsewhere = pickle.loads(data)
    assert elsewhere is not lex and elsewhere.verb_trigger("beseeched").type == "appeal"


@pytest.mark.model
def test_extraction_reads_the_trigger_words_of_its_lexicon(pipeline, tmp_path):
    from graphbuild.corpus import extract
    from graphbuild.nlp import load_pipeline

    custom = load_pipeline(pipeline.model, lexicon=load_lexicon(_event_types_folder(tmp_path, _beseech)))
    text = "Germany beseeched Iran to release the prisoners."
    events = [[(e.type, e.cameo, e.source, tuple(e.targets))
               for e in extract(texts=[text], pipeline=p, workers=1).events if e.type == "appeal"]
              for p in (pipeline, custom)]
    assert events == [[], [("appeal", "020", "Germany", ("Iran",))]]
    with pytest.raises(GraphbuildError, match="give it to load_pipeline"):
        extract(texts=[text], pipeline=pipeline, lexicon=custom.lexicon)  # the pipeline's lexicon is LEX
