"""Happenings: the events that report one happening form one cluster, counted once."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.cluster import assign_clusters
from graphbuild.corpus import extract
from graphbuild.graph import aggregate, build_graph, centrality
from graphbuild.types import Actor, Event, Extraction
from test_dedup import STORY

A, B, C = "actor:a", "actor:b", "actor:c"


def _event(doc: str, type: str = "meeting", source: str = A, targets: tuple[str, ...] = (B,),
           status: str = "occurred", date: str | None = "2016-05-02", start: int = 0) -> Event:
    return Event(type, source.split(":")[1].upper(), [t.split(":")[1].upper() for t in targets],
                 status=status, date=date, doc=doc, start=start, source_id=source,
                 target_ids=list(targets), sentence=f"{doc} reports it.")


# (second report, one happening with the first?)  The first report is always
# _event("first.txt"): a meeting A -> B that occurred on 2016-05-02.
CASES = [
    (_event("b.txt"), True),                                   # the same, from another article
    (_event("first.txt", start=99), True),                     # told twice in one article
    (_event("b.txt", date="2016-05-03"), True),                # a day later
    (_event("b.txt", date="2016-05-01"), True),                # a day earlier
    (_event("b.txt", date="2016-05-04"), False),               # two days later: another meeting
    (_event("b.txt", date=None), False),                       # undated, in an undated article
    (_event("b.txt", date="2016-05"), False),                  # a month is not a day
    (_event("b.txt", type="statement"), False),                # another type
    (_event("first.txt", "accusation", start=9), False),
    (_event("b.txt", targets=(C,)), False),                    # another target
    (_event("b.txt", targets=(B, C)), False),                  # another set of targets
    (_event("b.txt", source=B, targets=(A,)), True),           # B met A: one meeting
    (_event("b.txt", "accusation", source=B, targets=(A,)), False),  # accusations have a direction
    (_event("b.txt", status="negated"), False),                # "did not meet"
    (_event("b.txt", status="planned"), False),                # what was planned vs what occurred
]


@pytest.mark.parametrize("second, same", CASES)
def test_which_reports_are_one_happening(second: Event, same: bool) -> None:
    first = _event("first.txt")
    x = assign_clusters(Extraction(events=[first, second]))
    assert (first.cluster == second.cluster) is same
    docs = {first.doc, second.doc}
    assert first.reports == (len(docs) if same else 1)


@pytest.mark.parametrize("one, other, same", [
    ("planned", "proposed", True),
    ("planned", "planned", True),
    ("hypothetical", "hypothetical", True),
    ("negated", "hypothetical", False),
    ("occurred", "proposed", False),
])
def test_compatible_statuses(one: str, other: str, same: bool) -> None:
    x = assign_clusters(Extraction(events=[_event("a.txt", status=one), _event("b.txt", status=other)]))
    assert (x.events[0].cluster == x.events[1].cluster) is same


def test_an_undated_event_takes_its_articles_date() -> None:
    documents = [{"id": "a.txt", "date": "2016-05-02"}, {"id": "b.txt", "date": "2016-05-03"},
                 {"id": "c.txt", "date": "2016-05-09"}]
    events = [_event("a.txt", date=None), _event("b.txt", date="on Tuesday"), _event("c.txt", date=None),
              _event("d.txt", date="2016-05"), _event("e.txt", date="2016-05"),
              _event("f.txt", date=None), _event("f.txt", date=None, start=9), _event("g.txt", date=None)]
    assign_clusters(Extraction(documents=documents, events=events))
    assert [e.reports for e in events] == [2, 2, 1, 2, 2, 1, 1, 1]
    assert events[0].cluster == events[1].cluster != events[2].cluster
    assert events[3].cluster == events[4].cluster != events[0].cluster
    # No date anywhere: one happening per article.
    assert events[5].cluster == events[6].cluster != events[7].cluster


def test_a_happening_is_anchored_at_its_first_day() -> None:
    # Daily reports do not chain into one happening: the 4th is two days after the 2nd.
    events = [_event(f"{d}.txt", date=f"2016-05-0{d}") for d in (2, 3, 4, 5)]
    assign_clusters(Extraction(events=events))
    assert [e.cluster == events[0].cluster for e in events] == [True, True, False, False]
    assert events[2].cluster == events[3].cluster
    assert [e.reports for e in events] == [2, 2, 2, 2]


def test_ids_do_not_depend_on_order_and_survive_new_reports() -> None:
    first = assign_clusters(Extraction(events=[_event("a.txt"), _event("b.txt")]))
    again = assign_clusters(Extraction(events=[_event("c.txt", date="2016-05-03"), _event("b.txt"),
                                               _event("a.txt")]))
    assert {e.cluster for e in first.events} == {e.cluster for e in again.events}
    assert {e.reports for e in again.events} == {3}


def test_copies_set_aside_count_as_reports() -> None:
    x = Extraction(documents=[{"id": "a.txt"}, {"id": "b.txt", "duplicate_of": "a.txt"},
                              {"id": "c.txt", "duplicate_of": "a.txt"}],
                   events=[_event("a.txt")])
    assert assign_clusters(x).events[0].reports == 3


def test_codes_group_actors_that_share_one() -> None:
    actors = [Actor("A", "person", id=A), Actor("B", "person", id=B), Actor("C", "person", id=C)]
    for a in actors:
        a.code = "USAGOV" if a.id in (B, C) else None  # what actor coding adds
    events = [_event("a.txt"), _event("b.txt", targets=(C,))]
    assign_clusters(Extraction(actors=actors, events=events))
    assert events[0].cluster != events[1].cluster
    assign_clusters(Extraction(actors=actors, events=events), by="code")
    assert events[0].cluster == events[1].cluster


def test_edge_width_and_centrality_count_happenings() -> None:
    actors = [Actor("A", "person", id=A), Actor("B", "person", id=B), Actor("C", "person", id=C)]
    once = Extraction(actors=actors, events=[_event("a.txt"), _event("a.txt", targets=(C,), start=5)])
    many = Extraction(actors=actors, events=[_event(d) for d in ("a.txt", "b.txt", "c.txt")]
                      + [_event("a.txt", targets=(C,), start=5)])
    G1, G3 = build_graph(assign_clusters(once)), build_graph(assign_clusters(many))
    assert aggregate(G3).edges[A, B]["weight"] == aggregate(G1).edges[A, B]["weight"] == 1
    assert len(aggregate(G3).edges[A, B]["events"]) == 3  # every report stays
    for kind in ("degree", "weighted_degree", "pagerank", "betweenness"):
        assert centrality(G3, kind) == centrality(G1, kind)
    # Without clusters (an extraction of an older version) every event counts.
    plain = Extraction(actors=actors, events=[_event(d) for d in ("a.txt", "b.txt")])
    assert aggregate(build_graph(plain)).edges[A, B]["weight"] == 2


# --------------------------------------------------------------------------- #
# The whole way, with the model: one article saved twice, and a rewrite
# --------------------------------------------------------------------------- #

# The story of test_dedup, and a rewrite of it that reports the same events.
ARTICLE = STORY + "\n"
REWRITE = (
    "On Friday in Nairobi, Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto. "
    "The two leaders agreed to grow trade across the border and to build a new road from Moyale "
    "to Lamu port. According to Ruto, young people in the country's north would find work thanks to "
    "the agreement. Abiy told reporters that Ethiopia wanted a way to the sea and would pay for it "
    "with power from its new dam. The war in Sudan, which has driven millions from their homes, was also "
    "on the agenda. Armed groups across the region were urged by Ruto to give up their weapons and "
    "go back to the talks in Jeddah. Abiy accused unnamed foreign powers of arming both sides. Next month, officials from the two countries will meet again "
    "in Addis Ababa to sign the trade deal, the Kenyan foreign ministry said in a statement on "
    "Saturday.\n"
)


def _happenings(x: Extraction) -> dict[str, tuple[str, int]]:
    """Happening id -> (type, reports)."""
    return {e.cluster: (e.type, e.reports) for e in x.events}


@pytest.mark.model
def test_one_article_saved_twice_and_rewritten_is_one_set_of_happenings(pipeline, tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text(ARTICLE, encoding="utf-8")
    many = tmp_path / "many"
    many.mkdir()
    (many / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (many / "b-copy.txt").write_text(ARTICLE, encoding="utf-8")
    (many / "c-rewrite.txt").write_text(REWRITE, encoding="utf-8")
    single = extract([one], pipeline=pipeline, workers=1, date="2023-06-02")
    triple = extract([many], pipeline=pipeline, workers=1, date="2023-06-02")

    assert {d["id"]: d.get("duplicate_of") for d in triple.documents} == {
        "a.txt": None, "b-copy.txt": "a.txt", "c-rewrite.txt": None}
    assert not any(e.doc == "b-copy.txt" for e in triple.events)
    # The happenings of one copy (ids are hashes of what a happening is), each
    # reported by the original, its copy and the rewrite.
    assert len(single.events) >= 5
    assert set(_happenings(triple)) == set(_happenings(single))
    assert {type: reports for type, reports in _happenings(triple).values()}["meeting"] == 3
    assert all(reports in (2, 3) for _, reports in _happenings(triple).values())

    G1, G3 = build_graph(single), build_graph(triple)
    A1, A3 = aggregate(G1), aggregate(G3)
    assert {(u, v): d["weight"] for u, v, d in A3.edges(data=True)} == \
        {(u, v): d["weight"] for u, v, d in A1.edges(data=True)}
    for kind in ("weighted_degree", "pagerank", "betweenness"):
        assert centrality(G3, kind) == pytest.approx(centrality(G1, kind))
