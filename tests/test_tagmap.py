"""The attribute ruler's stand-in sets the same parts of speech, tags and dependencies."""
from __future__ import annotations

import pytest

from graphbuild.read import sample_documents
from graphbuild.tagmap import PosMapper, compile_rules

TRICKY = (
    "There is a cat.  I ai n't gonna do it, but that is what they did.\n\n"
    "Did he have to?  Something happened; nobody knows whether it has been done. "
    "Those who do can, and the one that was there has had enough.\n\n\n"
)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    from graphbuild.nlp import choose_model

    try:
        return spacy.load(choose_model(), exclude=["lemmatizer"])
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"spaCy model not available: {exc}")


def _attrs(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i) for t in doc]


def test_mapper_matches_the_attribute_ruler_token_for_token(nlp):
    from spacy.tokens import Doc

    ruler = nlp.get_pipe("attribute_ruler")
    mapper = compile_rules(ruler.patterns, nlp.vocab)
    assert mapper is not None
    texts = [d.text for d in sample_documents()] + [TRICKY]
    with nlp.select_pipes(disable=["attribute_ruler", "ner"]):
        parsed = list(nlp.pipe(texts))
    for doc in parsed:
        expected = ruler(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        got = mapper(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        assert _attrs(got) == _attrs(expected)
        # Every coarse part of speech is set, not left empty.
        assert all(t.pos_ for t in got)


def test_load_pipeline_swaps_the_ruler_for_the_mapper(nlp):
    from graphbuild.nlp import load_pipeline

    pipeline = load_pipeline()
    assert "graphbuild_pos" in pipeline.nlp.pipe_names
    assert "attribute_ruler" in pipeline.nlp.disabled
    doc = pipeline.parse("He said that the talks were over and that they had not met.")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["He"] == "PRON"
    assert pos["said"] == "VERB"
    assert pos["talks"] == "NOUN"
    assert pos["not"] == "PART"
    assert pos["had"] == "AUX"


def test_later_rules_win_and_longer_patterns_write_their_indexed_token(nlp):
    vocab = nlp.vocab
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "thing"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"LOWER": "a"}, {"LOWER": {"IN": ["thing", "cat"]}}]], "attrs": {"POS": "X"}, "index": 1},
    ]
    mapper = compile_rules(patterns, vocab)
    from spacy.tokens import Doc

    doc = Doc(vocab, words=["thing", "a", "thing", "a", "cat", "cat"], tags=["NN", "DT", "NN", "DT", "NN", "NN"])
    mapper(doc)
    assert [t.pos_ for t in doc] == ["PRON", "", "X", "", "X", "NOUN"]


def test_rules_that_only_set_morphology_or_lemmas_are_dropped(nlp):
    patterns = [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"TAG": "DT", "LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def"}},
    ]
    assert compile_rules(patterns, nlp.vocab).rules == []


@pytest.mark.parametrize("spec", [
    {"LOWER": {"REGEX": "^n't$"}},
    {"ORTH": "x"},
    {"TAG": "NN", "OP": "+"},
])
def test_unsupported_patterns_keep_the_original_ruler(nlp, spec):
    patterns = [{"patterns": [[spec]], "attrs": {"POS": "X"}}]
    assert compile_rules(patterns, nlp.vocab) is None


def test_empty_doc_is_left_alone(nlp):
    mapper = PosMapper([])
    doc = nlp.make_doc("")
    assert len(mapper(doc)) == 0
