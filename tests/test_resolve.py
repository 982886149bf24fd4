"""Merging per-document results: one actor across articles, evidence accumulating."""
from __future__ import annotations

from graphbuild.resolve import merge_into, name_key, resolve
from graphbuild.types import Actor, DocExtraction, Document, Event, Place


def _doc(doc_id: str, actors: list[Actor], places: list[Place], events: list[Event]) -> DocExtraction:
    return DocExtraction(document=Document(id=doc_id, text=""), actors=actors, places=places, events=events)


def _meeting(doc_id: str, a: Actor, b: Actor, place: Place | None = None, start: int = 0) -> Event:
    return Event(type="meeting", source=a.label, targets=[b.label], doc=doc_id, start=start, end=start + 10,
                 sentence=f"{a.label} met {b.label}.", trigger="met", source_id=a.id, target_ids=[b.id],
                 place=place.label if place else None, place_id=place.id if place else None)


def test_name_key_ignores_article_case_and_dots():
    assert name_key("the U.S.") == name_key("US") == "us"
    assert name_key("Russia's") == "russia"


def test_same_actor_in_two_documents_is_one_node_with_counts_and_evidence_accumulated():
    kerry1 = Actor("John Kerry", "person", aliases=["John Kerry", "Kerry"], mentions=3, docs=["a"])
    lavrov1 = Actor("Sergei Lavrov", "person", aliases=["Sergei Lavrov"], mentions=1, docs=["a"])
    geneva = Place("Geneva", aliases=["Geneva"], mentions=1, docs=["a"])
    kerry2 = Actor("Kerry", "person", aliases=["Kerry"], mentions=2, docs=["b"])
    lavrov2 = Actor("Lavrov", "person", aliases=["Lavrov"], mentions=2, docs=["b"])
    x = resolve([
        _doc("a", [kerry1, lavrov1], [geneva], [_meeting("a", kerry1, lavrov1, geneva)]),
        _doc("b", [kerry2, lavrov2], [], [_meeting("b", kerry2, lavrov2)]),
    ])
    labels = sorted(a.label for a in x.actors)
    assert labels == ["John Kerry", "Sergei Lavrov"]
    kerry = x.actor("Kerry")
    assert kerry is not None and kerry.mentions == 5 and kerry.docs == ["a", "b"]
    # Both meetings now point at the merged nodes, whatever name each article used.
    assert {(e.doc, e.source, tuple(e.targets)) for e in x.events} == {
        ("a", "John Kerry", ("Sergei Lavrov",)), ("b", "John Kerry", ("Sergei Lavrov",))}
    assert {e.source_id for e in x.events} == {kerry.id}
    assert [d["id"] for d in x.documents] == ["a", "b"]


def test_surname_shared_by_two_people_is_not_merged():
    bashar = Actor("Bashar al-Assad", "person", aliases=["Bashar al-Assad", "Assad"], docs=["a"])
    hafez = Actor("Hafez al-Assad", "person", aliases=["Hafez al-Assad", "Assad"], docs=["b"])
    later = Actor("Assad", "person", aliases=["Assad"], docs=["c"])
    x = resolve([_doc("a", [bashar], [], []), _doc("b", [hafez], [], []), _doc("c", [later], [], [])])
    labels = sorted(a.label for a in x.actors)
    # The two full names stay apart; the bare surname is ambiguous, so it is not forced onto either.
    assert "Bashar al-Assad" in labels and "Hafez al-Assad" in labels
    assert len(labels) == 3


def test_state_and_place_with_one_name_stay_distinct_nodes():
    syria_state = Actor("Syria", "state", aliases=["Syria"], docs=["a"])
    syria_place = Place("Syria", aliases=["Syria"], docs=["a"])
    x = resolve([_doc("a", [syria_state], [syria_place], [])])
    assert [a.id for a in x.actors] == ["actor:syria"]
    assert [p.id for p in x.places] == ["place:syria"]


def test_merge_into_adds_to_an_existing_extraction_without_losing_it():
    kerry = Actor("John Kerry", "person", aliases=["John Kerry"], mentions=1, docs=["a"])
    jubeir = Actor("Adel al-Jubeir", "person", aliases=["Adel al-Jubeir"], mentions=1, docs=["a"])
    first = resolve([_doc("a", [kerry, jubeir], [], [_meeting("a", kerry, jubeir)])])
    kerry_b = Actor("John Kerry", "person", aliases=["John Kerry"], mentions=1, docs=["b"])
    judeh = Actor("Nasser Judeh", "person", aliases=["Nasser Judeh"], mentions=1, docs=["b"])
    both = merge_into(first, [_doc("b", [kerry_b, judeh], [], [_meeting("b", kerry_b, judeh)])])
    assert sorted(a.label for a in both.actors) == ["Adel al-Jubeir", "John Kerry", "Nasser Judeh"]
    assert sorted((e.doc, e.targets[0]) for e in both.events) == [("a", "Adel al-Jubeir"), ("b", "Nasser Judeh")]


def test_resolve_is_deterministic_whatever_the_document_order():
    a1 = Actor("John Kerry", "person", aliases=["John Kerry"], docs=["a"])
    b1 = Actor("Sergei Lavrov", "person", aliases=["Sergei Lavrov"], docs=["b"])
    d1 = _doc("a", [a1], [], [])
    d2 = _doc("b", [b1], [], [])
    assert resolve([d1, d2]).to_dict() == resolve([d2, d1]).to_dict()


def test_bare_surname_joins_the_single_full_name_across_documents():
    bashar = Actor("Bashar al-Assad", "person", aliases=["Bashar al-Assad"], docs=["a"])
    later = Actor("Assad", "person", aliases=["Assad"], docs=["b"])
    x = resolve([_doc("a", [bashar], [], []), _doc("b", [later], [], [])])
    assert [a.label for a in x.actors] == ["Bashar al-Assad"]
    assert x.actors[0].aliases == ["Assad", "Bashar al-Assad"]


def test_bare_surname_tagged_as_organization_joins_the_person():
    lavrov = Actor("Sergei Lavrov", "person", aliases=["Sergei Lavrov"], docs=["a"])
    org = Actor("Lavrov", "organization", aliases=["Lavrov"], mentions=2, docs=["b"])
    kerry = Actor("John Kerry", "person", aliases=["John Kerry"], docs=["b"])
    ev = Event(type="agreement", source="John Kerry", targets=["Lavrov"], doc="b", sentence="Kerry and Lavrov agreed.",
               source_id=kerry.id, target_ids=[org.id])
    x = resolve([_doc("a", [lavrov], [], []), _doc("b", [org, kerry], [], [ev])])
    assert sorted(a.label for a in x.actors) == ["John Kerry", "Sergei Lavrov"]
    assert x.events[0].targets == ["Sergei Lavrov"]
    assert x.actor("Sergei Lavrov").mentions == 2 + lavrov.mentions


def test_organization_with_and_without_its_country_is_one():
    a = Actor("U.S. State Department", "organization", aliases=["U.S. State Department"], docs=["a"])
    b = Actor("State Department", "organization", aliases=["State Department"], docs=["b"])
    x = resolve([_doc("a", [a], [], []), _doc("b", [b], [], [])])
    assert [(o.label, sorted(o.aliases)) for o in x.actors] == [
        ("U.S. State Department", ["State Department", "U.S. State Department"])]


def test_bare_organization_word_joins_the_only_organization_ending_with_it():
    long = Actor("European Commission", "organization", aliases=["European Commission"], docs=["a"])
    short = Actor("Commission", "organization", aliases=["Commission"], mentions=2, docs=["b"])
    x = resolve([_doc("a", [long], [], []), _doc("b", [short], [], [])])
    assert [(o.label, sorted(o.aliases)) for o in x.actors] == [
        ("European Commission", ["Commission", "European Commission"])]
    # Two candidates: the bare word stays on its own.
    other = Actor("Electoral Commission", "organization", aliases=["Electoral Commission"], docs=["c"])
    x = resolve([_doc("a", [long], [], []), _doc("b", [short], [], []), _doc("c", [other], [], [])])
    assert "Commission" in {o.label for o in x.actors}


def test_organizations_of_two_countries_with_one_core_name_stay_two():
    china = Actor("China Coast Guard", "organization", aliases=["China Coast Guard"], docs=["a"])
    phil = Actor("Philippine Coast Guard", "organization", aliases=["Philippine Coast Guard"], docs=["a"])
    bare = Actor("Coast Guard", "organization", aliases=["Coast Guard"], docs=["b"])
    x = resolve([_doc("a", [china, phil], [], []), _doc("b", [bare], [], [])])
    # The bare name could be either: it joins neither.
    assert sorted(o.label for o in x.actors) == ["China Coast Guard", "Coast Guard", "Philippine Coast Guard"]


def test_surname_with_a_generational_suffix_joins_the_bare_surname():
    full = Actor("Ferdinand Marcos Jr", "person", aliases=["Ferdinand Marcos Jr"], docs=["a"])
    bare = Actor("Marcos", "person", aliases=["Marcos"], docs=["b"])
    x = resolve([_doc("a", [full], [], []), _doc("b", [bare], [], [])])
    assert [o.label for o in x.actors] == ["Ferdinand Marcos Jr"]
