"""Near-duplicate articles: found by MinHash, flagged ``duplicate_of``, extracted once.

The finder is tested on texts; the corpus runner with the stand-in pipeline of
test_corpus (no model), so that what is extracted from which copy is plain.
"""
from __future__ import annotations

import itertools

import pytest

from graphbuild.corpus import extract
from graphbuild.dedup import DuplicateFinder, words
from graphbuild.types import Document, Extraction

from test_corpus import FakePipeline, fake  # noqa: F401 - the fixture

# A wire story of about 170 words, written for these tests.
STORY = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Friday. "
    "The two leaders agreed to expand trade across their shared border and to build a new road "
    "between Moyale and the port of Lamu. Ruto said the agreement would bring jobs to young people "
    "in the north of the country. Abiy told reporters that Ethiopia wanted access to the sea and "
    "was ready to pay for it with electricity from its new dam. The leaders also discussed the war "
    "in Sudan, where fighting has forced millions from their homes. Ruto urged the armed groups in "
    "the region to lay down their weapons and return to talks in Jeddah. Abiy accused unnamed "
    "foreign powers of sending arms to both sides. Officials from the two countries will meet "
    "again in Addis Ababa next month to sign the trade deal, the Kenyan foreign ministry said in a "
    "statement on Saturday."
)
# The same story re-published: a headline, a reworded sentence, one sentence more.
REPUBLISHED = (
    "Kenya and Ethiopia agree on trade. "
    + STORY.replace("Ruto said the agreement would bring jobs to young people in the north of the "
                    "country.", "Ruto said the deal would bring jobs to young people in the north.")
    + " Both leaders thanked the African Union."
)
# Another article on the same meeting, written separately.
OTHER_REPORT = (
    "Ethiopia's Abiy Ahmed flew to Nairobi on Friday for a one-day visit. He and Kenya's William "
    "Ruto signed nothing, but their aides said a trade pact was close. Abiy, whose landlocked country "
    "has long sought a port, spoke of electricity exports from the Grand Ethiopian Renaissance Dam. "
    "Ruto, for his part, called for a ceasefire in Sudan and asked both sides to go back to the "
    "Jeddah talks. Diplomats in Nairobi said the visit was meant to show that the two neighbours "
    "were closer than ever, after a year in which relations had cooled over Somalia. A Kenyan "
    "official said the road to Lamu would be finished within three years."
)


def test_words_ignore_case_and_punctuation() -> None:
    assert words("Ruto met Abiy, in NAIROBI!") == ["ruto", "met", "abiy", "in", "nairobi"]


@pytest.mark.parametrize("first, second, same", [
    (STORY, STORY, True),                                   # saved twice
    (STORY, STORY.upper().replace(".", " ."), True),        # same words, other case and spacing
    (STORY, REPUBLISHED, True),                             # lightly edited re-publication
    (STORY, OTHER_REPORT, False),                           # another article on the same meeting
    (STORY, STORY[: len(STORY) // 2], False),               # half of it is not the same article
    ("Ruto met Abiy in Nairobi.", "Ruto met Abiy in Nairobi.", True),   # short: exact words only
    ("Ruto met Abiy in Nairobi.", "Ruto met Abiy in Addis Ababa.", False),
])
def test_which_texts_are_one_article(first: str, second: str, same: bool) -> None:
    finder = DuplicateFinder()
    assert finder.check("a", first).duplicate_of is None
    assert finder.check("b", second).duplicate_of == ("a" if same else None)


def test_the_smallest_id_is_kept_whatever_the_order() -> None:
    texts = {"b.txt": STORY, "c.txt": REPUBLISHED, "a.txt": STORY, "d.txt": OTHER_REPORT}
    for order in itertools.permutations(texts):
        finder = DuplicateFinder()
        for doc_id in order:
            finder.check(doc_id, texts[doc_id])
        assert finder.duplicates == {"b.txt": "a.txt", "c.txt": "a.txt"}, order


def test_a_signature_survives_being_stored() -> None:
    first = DuplicateFinder()
    first.check("old.txt", STORY)
    entry = {"id": "old.txt", **first.fingerprint("old.txt")}
    assert len(entry["minhash"]) < 400
    later = DuplicateFinder()
    later.load([entry])
    # Documents of an earlier run are kept even when a new copy has a smaller id.
    assert later.check("a-new.txt", REPUBLISHED).duplicate_of == "old.txt"
    assert later.check("other.txt", OTHER_REPORT).duplicate_of is None


# --------------------------------------------------------------------------- #
# Through the corpus runner
# --------------------------------------------------------------------------- #


def _corpus() -> list[Document]:
    return [Document(id="b.txt", text=STORY), Document(id="c.txt", text=REPUBLISHED),
            Document(id="a.txt", text=STORY), Document(id="d.txt", text=OTHER_REPORT)]


def _events_by_doc(x: Extraction) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in x.events:
        counts[e.doc] = counts.get(e.doc, 0) + 1
    return counts


def test_copies_are_flagged_and_add_no_events(fake: FakePipeline) -> None:  # noqa: F811
    x = extract(documents=_corpus(), pipeline=fake, workers=1)
    entries = {d["id"]: d for d in x.documents}
    assert {k: d.get("duplicate_of") for k, d in entries.items()} == {
        "a.txt": None, "b.txt": "a.txt", "c.txt": "a.txt", "d.txt": None}
    assert set(_events_by_doc(x)) == {"a.txt", "d.txt"}
    assert all(len(d["sha1"]) == 40 for d in x.documents)
    assert "minhash" in entries["a.txt"] and "minhash" not in entries["b.txt"]
    # b.txt came first and was extracted, then a.txt superseded it: its
    # events are gone and it is no actor's document any more.
    assert not any("b.txt" in a.docs or "c.txt" in a.docs for a in x.actors)
    # The copy that came after its original was not even parsed.
    assert fake.parsed.count(REPUBLISHED) == 0


def test_what_is_kept_does_not_depend_on_order_or_workers(fake: FakePipeline) -> None:  # noqa: F811
    seen = set()
    for order in itertools.permutations(_corpus()):
        for workers in (1, 2):
            x = extract(documents=list(order), pipeline=fake, workers=workers).to_dict()
            seen.add(repr(([(d["id"], d.get("duplicate_of")) for d in x["documents"]],
                           [e["id"] for e in x["events"]])))
    assert len(seen) == 1


def test_a_copy_of_an_earlier_run_is_found_on_append(fake: FakePipeline) -> None:  # noqa: F811
    first = extract(documents=[Document(id="z-old.txt", text=STORY)], pipeline=fake, workers=1)
    existing = Extraction.from_dict(first.to_dict())  # as --append reads it back
    x = extract(documents=[Document(id="a-new.txt", text=REPUBLISHED),
                           Document(id="d.txt", text=OTHER_REPORT)],
                pipeline=fake, workers=1, existing=existing)
    assert {d["id"]: d.get("duplicate_of") for d in x.documents} == {
        "a-new.txt": "z-old.txt", "d.txt": None, "z-old.txt": None}
    assert set(_events_by_doc(x)) == {"z-old.txt", "d.txt"}


def test_duplicates_false_extracts_every_copy(fake: FakePipeline) -> None:  # noqa: F811
    x = extract(documents=_corpus(), pipeline=fake, workers=1, duplicates=False)
    assert set(_events_by_doc(x)) == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert not any(d.get("duplicate_of") for d in x.documents)
