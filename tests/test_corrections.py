"""Corrections files: each kind, bad files, re-runs, and the seed corrected."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import jsonschema
import pytest

from conftest import make_small_extraction
from graphbuild.corrections import (
    CSV_COLUMNS,
    KINDS,
    apply_corrections,
    load_corrections,
    parse_corrections,
    schema,
)
from graphbuild.graph import build_graph
from graphbuild.types import Extraction, GraphbuildError

# Commands run in this process and share the session pipeline (see conftest.reuse_pipeline).
pytestmark = pytest.mark.usefixtures("reuse_pipeline")

KERRY, JUBEIR, LAVROV = "actor:john-kerry", "actor:adel-al-jubeir", "actor:sergei-lavrov"
ASSAD, SYRIA, UN, JAISH = "actor:bashar-al-assad", "actor:syria", "actor:united-nations", "actor:jaish-al-fatah"


def _apply(yaml_text: str) -> tuple[Extraction, list[str]]:
    x = make_small_extraction()
    problems = apply_corrections(x, parse_corrections(yaml_text, source="fix.yaml"))
    return x, [str(p) for p in problems]


def _actor(x: Extraction, actor_id: str):
    return next((a for a in x.actors if a.id == actor_id), None)


def _event(x: Extraction, event_id: str):
    return next((e for e in x.events if e.id == "event:" + event_id), None)


Check = Callable[[Extraction], bool]

# (kind, correction, what must hold afterwards, problem or None)
TABLE: list[tuple[str, str, Check, str | None]] = [
    # merge: names, documents and events move; a merge already in effect is quiet.
    ("merge", "{kind: merge, actor: Lavrov, into: John Kerry}",
     lambda x: _actor(x, LAVROV) is None and "Sergei Lavrov" in _actor(x, KERRY).aliases
     and _event(x, "lavrov-refuses-assad").source == "John Kerry"
     and _event(x, "zurich-meeting").target_ids == [JUBEIR], None),   # Kerry no longer meets himself
    ("merge", "{kind: merge, actor: 'actor:syria', into: 'actor:united-nations'}",
     lambda x: _event(x, "un-appeal").target_ids == [] or _event(x, "un-appeal").source_id == UN, None),
    ("merge", "{kind: merge, actor: Kerry, into: John Kerry}",
     lambda x: _actor(x, KERRY) is not None, None),
    ("merge", "{kind: merge, actor: Lavrov, into: Vladimir Putin}",
     lambda x: _actor(x, LAVROV) is not None, "fix.yaml line 1: merge: no actor is named 'Vladimir Putin'"),
    # split: the alias becomes an actor; the events whose sentence names it follow.
    ("split", "{kind: split, actor: Syria, alias: Damascus, type: state}",
     lambda x: "Damascus" not in _actor(x, SYRIA).aliases
     and _event(x, "syria-denies").source_id == "actor:damascus"
     and _event(x, "un-appeal").target_ids == ["actor:damascus"]
     and _event(x, "strikes-on-aleppo").source_id == SYRIA
     and _actor(x, "actor:damascus").type == "state", None),
    ("split", "{kind: split, actor: Syria, alias: Aleppo}",
     lambda x: _actor(x, "actor:aleppo") is None, "fix.yaml line 1: split: actor:syria has no alias 'Aleppo'"),
    # rename: the old label stays an alias, events show the new one, the id stays.
    ("rename", "{kind: rename, actor: 'actor:united-nations', label: UN}",
     lambda x: _actor(x, UN).label == "UN" and "United Nations" in _actor(x, UN).aliases
     and _event(x, "un-appeal").source == "UN" and _event(x, "syria-denies").targets == ["UN"], None),
    ("rename", "{kind: rename, actor: Nobody, label: Somebody}",
     lambda x: True, "fix.yaml line 1: rename: no actor is named 'Nobody'"),
    # retype
    ("retype", "{kind: retype, actor: Jaish al-Fatah, type: organization}",
     lambda x: _actor(x, JAISH).type == "organization", None),
    ("retype", "{kind: retype, actor: Syria, type: country}",
     lambda x: _actor(x, SYRIA).type == "state", "fix.yaml line 1: retype: 'type': 'country' is not one of"),
    # set country, sectors, code
    ("set", "{kind: set, actor: Kerry, country: USA, sectors: [GOV]}",
     lambda x: _actor(x, KERRY).country == "USA" and _actor(x, KERRY).sectors == ["GOV"], None),
    ("set", "{kind: set, actor: Assad, code: SYRGOV}",
     lambda x: _actor(x, ASSAD).code == "SYRGOV", None),
    ("set", "{kind: set, actor: Assad}",
     lambda x: True, "fix.yaml line 1: set: give at least one of country, sectors, code"),
    ("set", "{kind: set, actor: Assad, country: Syria}",
     lambda x: True, "fix.yaml line 1: set: 'country': 'Syria' does not match"),
    # drop an actor: its events go, and events about it alone.
    ("drop", "{kind: drop, actor: Jubeir}",
     lambda x: _actor(x, JUBEIR) is None and _event(x, "jubeir-blames-assad") is None
     and _event(x, "kerry-jubeir-talks") is None
     and _event(x, "zurich-meeting").target_ids == [LAVROV], None),
    ("drop", "{kind: drop, actor: Syria}",   # also no longer anyone's affiliation
     lambda x: _actor(x, ASSAD).affiliation is None and _event(x, "syria-denies") is None, None),
    ("drop", "{kind: drop, actor: 'actor:nobody'}",
     lambda x: len(x.actors) == 7, "fix.yaml line 1: drop: no actor has the id 'actor:nobody'"),
    # drop an event
    ("drop_event", "{kind: drop_event, event: 'event:assad-threat'}",
     lambda x: _event(x, "assad-threat") is None and len(x.events) == 10, None),
    ("drop_event", "{kind: drop_event, event: 'event:nothing'}",
     lambda x: len(x.events) == 11, "fix.yaml line 1: drop_event: no event or happening has the id"),
]


@pytest.mark.parametrize("kind, line, check, problem", TABLE, ids=[f"{r[0]}-{i}" for i, r in enumerate(TABLE)])
def test_each_kind_of_correction(kind: str, line: str, check: Check, problem: str | None) -> None:
    x, problems = _apply(f"- {line}\n")
    assert check(x)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(problem)


def test_every_kind_is_in_the_table_and_the_schema() -> None:
    assert {row[0] for row in TABLE} == set(KINDS)
    assert set(schema()["$defs"]) - {"name"} == set(KINDS)
    jsonschema.Draft202012Validator.check_schema(schema())


def test_a_dropped_happening_loses_every_report() -> None:
    x = make_small_extraction()
    from graphbuild.cluster import assign_clusters

    assign_clusters(x)
    cluster = next(e.cluster for e in x.events if e.id == "event:un-appeal")
    problems = apply_corrections(x, parse_corrections(f"- {{kind: drop_event, event: '{cluster}'}}\n"))
    assert problems == [] and all(e.cluster != cluster for e in x.events)


def test_events_are_grouped_again_after_a_merge() -> None:
    x = make_small_extraction()
    # Two statements by two names of one speaker on one day: one happening once merged.
    apply_corrections(x, parse_corrections("- {kind: drop, actor: Lavrov}\n"))
    before = {e.cluster for e in x.events}
    apply_corrections(x, parse_corrections("- {kind: merge, actor: Syria, into: Kerry}\n"))
    assert len({e.cluster for e in x.events}) <= len(before)
    assert all(e.cluster for e in x.events)


# --------------------------------------------------------------------------- #
# Bad files: a clear message naming the line; nothing else lost
# --------------------------------------------------------------------------- #


def test_bad_entries_are_reported_by_line_and_the_rest_apply() -> None:
    text = ("# fixes for the Syria corpus\n"
            "- {kind: rename, actor: UN, label: UN}\n"
            "- {kind: frobnicate, actor: Kerry}\n"
            "- kind: merge\n"
            "  actor: Lavrov\n"
            "- {kind: merge, actor: Lavrov, into: Kerry, because: 'same'}\n"
            "- just a string\n"
            "- {kind: drop, actor: Jubeir}\n")
    x, problems = _apply(text)
    assert problems == [
        "fix.yaml line 3: unknown kind \"frobnicate\"; the kinds are merge, split, rename, retype, set, "
        "drop, drop_event",
        "fix.yaml line 4: merge: 'into' is a required property",
        "fix.yaml line 6: merge: unknown field(s) 'because'; a merge has actor, into, kind, note",
        "fix.yaml line 7: expected a mapping like 'kind: merge', not \"just a string\"",
    ]
    assert _actor(x, UN).label == "UN" and _actor(x, JUBEIR) is None and _actor(x, LAVROV) is not None


def test_a_cycle_of_merges_is_named_and_not_applied() -> None:
    text = ("- {kind: merge, actor: Lavrov, into: Kerry}\n"
            "- {kind: rename, actor: Assad, label: President Assad}\n"
            "- {kind: merge, actor: Kerry, into: Jubeir}\n"
            "- {kind: merge, actor: Jubeir, into: Lavrov}\n")
    x, problems = _apply(text)
    assert problems == ["fix.yaml line 1: merges form a cycle (Jubeir -> Lavrov -> Kerry -> Jubeir; "
                        "lines 1, 3, 4); none of them was applied"]
    assert {KERRY, JUBEIR, LAVROV} <= {a.id for a in x.actors}
    assert _actor(x, ASSAD).label == "President Assad"


def test_a_file_that_is_not_yaml_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "fix.yaml"
    path.write_text("- {kind: merge, actor: Lavrov\n- {kind: drop}\n", encoding="utf-8")
    with pytest.raises(GraphbuildError, match=r"fix.yaml line 2: not valid YAML"):
        load_corrections(path)
    path.write_text("kind: merge\n", encoding="utf-8")
    with pytest.raises(GraphbuildError, match="expected a list of corrections"):
        load_corrections(path)
    with pytest.raises(GraphbuildError, match="corrections file not found"):
        load_corrections(tmp_path / "missing.yaml")


def test_csv_files_say_the_same(tmp_path: Path) -> None:
    path = tmp_path / "fix.csv"
    path.write_text("kind,actor,into,label,sectors,event\n"
                    "merge,Lavrov,Kerry,,,\n"
                    "# a comment row\n"
                    "set,Assad,,,GOV; MIL,\n"
                    "rename,UN,,\"U.N., New York\",,\n"
                    "drop_event,,,,,event:nothing\n"
                    "merge,Lavrov,,,,\n", encoding="utf-8")
    x = make_small_extraction()
    problems = [str(p) for p in apply_corrections(x, load_corrections(path))]
    assert problems == [f"{path} line 6: drop_event: no event or happening has the id 'event:nothing'",
                        f"{path} line 7: merge: 'into' is a required property"]
    assert _actor(x, LAVROV) is None and _actor(x, ASSAD).sectors == ["GOV", "MIL"]
    assert _actor(x, UN).label == "U.N., New York"
    path.write_text("kind,actor,whom\n", encoding="utf-8")
    with pytest.raises(GraphbuildError, match=r"line 1: unknown column\(s\) 'whom'"):
        load_corrections(path)
    assert "kind" in CSV_COLUMNS


def test_yaml_may_also_be_a_mapping_with_a_corrections_list() -> None:
    x, problems = _apply("corrections:\n  - {kind: drop, actor: Jubeir}\n  - {kind: drop, actor: Nobody}\n")
    assert _actor(x, JUBEIR) is None
    assert problems == ["fix.yaml line 3: drop: no actor is named 'Nobody'"]


# --------------------------------------------------------------------------- #
# With the model: corrections survive a re-run; the seed corrected
# --------------------------------------------------------------------------- #

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "000_a18b5537a7df3696.txt"


@pytest.mark.model
def test_corrections_survive_a_rerun_with_new_articles(pipeline, tmp_path: Path, capsys) -> None:
    from graphbuild.cli import main

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "a.txt").write_text("Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister "
                                 "Mevlut Cavusoglu in Ankara on Monday. Lavrov said the ceasefire "
                                 "would hold. Breaking News said nothing.\n", encoding="utf-8")
    (second / "b.txt").write_text("Russian Foreign Minister Sergey Lavrov accused Ukraine of shelling the "
                                  "plant on Tuesday. Turkish Foreign Minister Mevlut Cavusoglu urged both "
                                  "sides to stop. Breaking News said nothing again.\n", encoding="utf-8")
    fix = tmp_path / "fix.yaml"
    fix.write_text("- {kind: merge, actor: Sergey Lavrov, into: Sergei Lavrov}\n"
                   "- {kind: drop, actor: Breaking News}\n"
                   "- {kind: rename, actor: Mevlut Cavusoglu, label: Mevl\u00fct \u00c7avu\u015fo\u011flu}\n",
                   encoding="utf-8")
    out = tmp_path / "x.json"
    assert main(["extract", "-q", str(first), "--corrections", str(fix), "-o", str(out)]) == 0
    # The first articles have no "Sergey Lavrov" yet: that merge is reported, the rest apply.
    assert "line 1: merge: no actor is named 'Sergey Lavrov'" in capsys.readouterr().err
    assert main(["extract", "-q", str(second), "--append", "--corrections", str(fix), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    x = json.loads(out.read_text(encoding="utf-8"))
    actors = {a["label"]: a for a in x["actors"]}
    assert "Sergey Lavrov" in actors["Sergei Lavrov"]["aliases"] and "Sergey Lavrov" not in actors
    assert "Breaking News" not in actors and "Mevlut Cavusoglu" not in actors
    assert "Mevlut Cavusoglu" in actors["Mevl\u00fct \u00c7avu\u015fo\u011flu"]["aliases"]
    by_doc = {(e["doc"], e["type"]): e for e in x["events"]}
    assert by_doc["b.txt", "accusation"]["source"] == "Sergei Lavrov"
    assert by_doc["b.txt", "appeal"]["source"] == "Mevl\u00fct \u00c7avu\u015fo\u011flu"
    assert by_doc["a.txt", "meeting"]["targets"] == ["Mevl\u00fct \u00c7avu\u015fo\u011flu"]
    assert not any(e["source"] == "Breaking News" for e in x["events"])


@pytest.mark.model
def test_the_seed_with_a_corrections_file_is_the_graph_the_file_asks_for(pipeline, tmp_path: Path) -> None:
    from graphbuild.corpus import extract

    if not SEED.exists():
        pytest.skip("the seed article is not here")
    original = extract([SEED], pipeline=pipeline, workers=1)
    negated = next(e for e in original.events if e.type == "meeting" and e.status == "negated")
    ids = {name: original.actor(name).id for name in
           ("U.S. State Department", "United States", "UN", "Kremlin", "Russia", "Regime", "Nasser Judeh")}
    fix = tmp_path / "fix.yaml"
    fix.write_text(
        "- {kind: merge, actor: U.S. State Department, into: United States}\n"
        "- {kind: rename, actor: UN, label: United Nations}\n"
        "- {kind: retype, actor: Kremlin, type: state}\n"
        "- {kind: set, actor: Nasser Judeh, country: JOR, sectors: [GOV]}\n"
        "- {kind: split, actor: Russia, alias: Russians, type: group}\n"
        "- {kind: drop, actor: Regime}\n"
        f"- {{kind: drop_event, event: '{negated.id}'}}\n", encoding="utf-8")
    corrected = extract([SEED], pipeline=pipeline, workers=1)
    assert apply_corrections(corrected, load_corrections(fix)) == []

    G0, G = build_graph(original), build_graph(corrected)
    assert set(G) == set(G0) - {ids["U.S. State Department"], ids["Regime"]} | {"actor:russians"}
    assert G.nodes[ids["UN"]]["label"] == "United Nations"
    assert "U.S. State Department" in G.nodes[ids["United States"]]["aliases"]
    assert G.nodes[ids["Kremlin"]]["type"] == "state"
    assert G.nodes["actor:russians"]["type"] == "group"
    assert "Russians" not in G.nodes[ids["Russia"]]["aliases"]
    judeh = next(a for a in corrected.actors if a.id == ids["Nasser Judeh"])
    assert (judeh.country, judeh.sectors) == ("JOR", ["GOV"])
    # Events: the dropped one and those about the regime alone are gone; the
    # State Department's now belong to the United States; nothing else changed.
    gone = {negated.id} | {e.id for e in original.events if e.target_ids == [ids["Regime"]]
                           or e.source_id == ids["Regime"]}
    assert set(G.graph["events"]) == set(G0.graph["events"]) - gone
    for eid, ev in G.graph["events"].items():
        before = G0.graph["events"][eid]
        moved = before["source_id"] == ids["U.S. State Department"]
        assert ev["source_id"] == (ids["United States"] if moved else before["source_id"])
        assert ev["target_ids"] == [t for t in before["target_ids"] if t != ids["Regime"]]

    def event_edges(H):
        return [d["event"] for _, _, d in H.edges(data=True) if d.get("event")]

    assert len(event_edges(G)) == len(event_edges(G0)) - sum(1 for e in event_edges(G0) if e in gone)


# --------------------------------------------------------------------------- #
# The command line
# --------------------------------------------------------------------------- #


def test_review_suggests_merges_and_drops_commented_out(tmp_path: Path, capsys) -> None:
    from graphbuild.cli import main
    from graphbuild.export import write_extraction_json
    from graphbuild.types import Actor

    x = make_small_extraction()
    x.actors += [Actor("Sergey Lavrov", "person", mentions=1), Actor("said on tuesday", "group"),
                 Actor("Syrian government", "state", aliases=["Damascus"])]
    path = write_extraction_json(x, tmp_path / "x.json")
    assert main(["review", str(path), "-o", str(tmp_path / "fix.yaml")]) == 0
    text = (tmp_path / "fix.yaml").read_text(encoding="utf-8")
    assert all(line.startswith("#") or not line for line in text.splitlines())
    assert '# - {kind: "merge", actor: "actor:sergey-lavrov", into: "actor:sergei-lavrov"}' in text
    assert '# - {kind: "merge", actor: "actor:syria", into: "actor:syrian-government"}' in text
    assert '# - {kind: "drop", actor: "actor:said-on-tuesday"}' in text
    assert "no capital letter" in text and "names alike" in text and "both are called 'damascus'" in text
    # Uncommented, the suggestions are a valid corrections file.
    confirmed = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# - "))
    y = Extraction.from_dict(x.to_dict())
    assert apply_corrections(y, parse_corrections(confirmed)) == []
    assert not any(a.label in ("Sergey Lavrov", "said on tuesday") for a in y.actors)


def test_cli_reports_corrections_that_match_nothing_and_refuses_a_broken_file(tmp_path: Path, capsys) -> None:
    from graphbuild.cli import main
    from graphbuild.export import read_extraction_json, write_extraction_json

    path = write_extraction_json(make_small_extraction(), tmp_path / "x.json")
    fix = tmp_path / "fix.yaml"
    fix.write_text("- {kind: drop, actor: Jubeir}\n- {kind: drop, actor: Nobody}\n", encoding="utf-8")
    out = tmp_path / "x2.json"
    assert main(["build", "-q", "--extraction", str(path), "--corrections", str(fix), "--no-html",
                 "--extraction-out", str(out)]) == 0
    assert f"graphbuild: warning: {fix} line 2: drop: no actor is named 'Nobody'" in capsys.readouterr().err
    assert all(a.id != JUBEIR for a in read_extraction_json(out).actors)
    fix.write_text("- {kind: drop, actor: [unclosed\n", encoding="utf-8")
    assert main(["build", "-q", "--extraction", str(path), "--corrections", str(fix), "--no-html"]) == 1
    assert f"{fix} line 2: not valid YAML" in capsys.readouterr().err
