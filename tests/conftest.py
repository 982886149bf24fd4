"""Shared fixtures: a small hand-made extraction and its graph.

``small_extraction`` is what the resolver would hand over for two short
articles: seven actors, three places and eleven events of eight types and all
five statuses.  It contains the awkward cases every stage must survive: an
event with two targets, a statement with no target, events with a place, an
actor and a place that share the label "Syria", a date that is not ISO, a
sentence with a newline, and strings with ``<script>``, quotes, ampersands
and non-ASCII text ("Zürich", "£").
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphbuild.graph import build_graph
# Bound here, before any test patches graphbuild.nlp.load_pipeline (see reuse_pipeline).
from graphbuild.nlp import load_pipeline
from graphbuild.types import Actor, Event, Extraction, GraphbuildError, Place
from graphbuild.util import data_path

SCRIPT = "<script>alert(1)</script>"

GENEVA = "geneva.txt"
ALEPPO = "aleppo.txt"


def _actors() -> list[Actor]:
    return [
        Actor("John Kerry", "person", aliases=["John Kerry", "Kerry", "Secretary Kerry"],
              mentions=6, title="Secretary of State", docs=[ALEPPO, GENEVA]),
        Actor("Adel al-Jubeir", "person", aliases=["Adel al-Jubeir", "Jubeir", "al-Jubeir"],
              mentions=4, title="Foreign Minister", docs=[GENEVA]),
        Actor("Sergei Lavrov", "person", aliases=["Lavrov"], mentions=3,
              title="Foreign Minister", docs=[ALEPPO, GENEVA]),
        Actor("Bashar al-Assad", "person", aliases=["Bashar al-Assad", "Assad"], mentions=4,
              title="President", affiliation="Syria", docs=[ALEPPO, GENEVA]),
        Actor("Syria", "state", aliases=["Syria", "Damascus", "Syrian government"], mentions=5,
              docs=[ALEPPO, GENEVA]),
        Actor("United Nations", "organization",
              aliases=["United Nations", "U.N.", f"U.N. {SCRIPT}"], mentions=2, docs=[ALEPPO]),
        Actor(f'Jaish al-Fatah & "Friends" {SCRIPT}', "group", aliases=["Jaish al-Fatah"],
              mentions=1, docs=[ALEPPO], id="actor:jaish-al-fatah"),
    ]


def _places() -> list[Place]:
    return [
        Place("Geneva", aliases=["Geneva", "Genève"], mentions=3, country="CH",
              lat=46.20222, lon=6.14569, docs=[GENEVA]),
        Place("Zürich", aliases=["Zürich", "Zurich"], mentions=1, country="CH",
              lat=47.36667, lon=8.55, docs=[GENEVA]),
        # Coordinates unknown on purpose: lat/lon stay None.
        Place("Syria", aliases=["Syria"], mentions=2, country="SY", docs=[ALEPPO, GENEVA]),
    ]


def _events(labels: dict[str, str]) -> list[Event]:
    def ev(id: str, type: str, source: str, targets: list[str], place: str | None = None,
           **kw: Any) -> Event:
        # Written with node ids, as the resolver leaves them; labels follow from the ids.
        return Event(
            type=type, source=labels[source], targets=[labels[t] for t in targets],
            place=labels[place] if place else None, source_id=source,
            target_ids=list(targets), place_id=place, id=f"event:{id}", **kw,
        )

    kerry, jubeir, lavrov = "actor:john-kerry", "actor:adel-al-jubeir", "actor:sergei-lavrov"
    assad, syria, un = "actor:bashar-al-assad", "actor:syria", "actor:united-nations"
    jaish = "actor:jaish-al-fatah"
    geneva, zurich, syria_place = "place:geneva", "place:zurich", "place:syria"
    return [
        ev("kerry-understanding", "statement", kerry, [],
           date="May 2", date_text="on May 2", trigger="said", cameo="010",
           quote="getting closer to a place of understanding",
           sentence="U.S. Secretary of State John Kerry said on May 2 that talks were "
                    "\u201cgetting closer to a place of understanding\u201d -- including "
                    "the area around Aleppo.",
           doc=GENEVA, start=200, end=330),
        ev("kerry-jubeir-talks", "meeting", kerry, [jubeir], geneva,
           date="2016-05-02", date_text="May 2", trigger="talks", cameo="046",
           quote="some work to do.",
           sentence="But Kerry told reporters in Geneva ahead of talks with Saudi Arabia\u2019s "
                    "Foreign Minister Adel al-Jubeir that there was still "
                    "\u201csome work to do.\u201d",
           doc=GENEVA, start=420, end=560),
        ev("kerry-syria-out-of-control", "statement", kerry, [syria],
           date="2016-05-02", trigger="said", cameo="012", quote="in many ways out of control.",
           sentence='Speaking after those talks with Jubeir, Kerry said Syria was still '
                    '"in many ways out of control."',
           doc=GENEVA, start=600, end=700),
        ev("zurich-meeting", "meeting", kerry, [lavrov, jubeir], zurich, status="planned",
           date="2016-05-09", date_text="next Monday", trigger="meet", cameo="036",
           sentence="Kerry will meet Lavrov & Jubeir in Z\u00fcrich next Monday, officials said.",
           doc=GENEVA, start=720, end=790),
        ev("kerry-lavrov-deal", "agreement", kerry, [lavrov], geneva, status="proposed",
           date="2016-05", date_text="in May", trigger="deal", cameo="057",
           quote="within weeks",
           sentence='Kerry proposed a deal with Lavrov, to be signed in Geneva "within weeks".',
           doc=GENEVA, start=800, end=880),
        ev("jubeir-blames-assad", "accusation", jubeir, [assad], syria_place,
           date="2016-05-02", trigger="blamed", cameo="112", quote="Assad must go",
           sentence="He blamed Syrian President Bashar al-Assad for air strikes that have "
                    'killed hundreds,\nsaying "Assad must go" & soon.',
           doc=GENEVA, start=900, end=1010),
        ev("strikes-on-aleppo", "attack", syria, [], syria_place,
           date="2016-05-03", date_text="on Tuesday", trigger="air strikes", cameo="195",
           sentence="Syrian government air strikes hit Aleppo on Tuesday.",
           doc=ALEPPO, start=0, end=52),
        ev("un-appeal", "appeal", un, [syria],
           date="2016-05-03", trigger="urged", cameo="020",
           quote=f"Let \u00a32bn of aid through {SCRIPT}",
           sentence=f'The U.N. urged Damascus: "Let \u00a32bn of aid through {SCRIPT}".',
           doc=ALEPPO, start=53, end=130),
        ev("lavrov-refuses-assad", "meeting", lavrov, [assad], status="negated",
           date="2016-05-03", trigger="meet", cameo="036",
           sentence="Lavrov said he would not meet Assad.",
           doc=ALEPPO, start=131, end=167),
        ev("assad-threat", "threat", assad, [jaish], status="hypothetical",
           date="2016-05-03", trigger="warned", cameo="138", quote="we will respond",
           sentence='Assad warned that "we will respond" if Jaish al-Fatah & its friends attack.',
           doc=ALEPPO, start=168, end=240),
        ev("syria-denies", "denial", syria, [un],
           date="2016-05-04", trigger="denied", cameo="141",
           sentence="Damascus denied the U.N.\u2019s claims.",
           doc=ALEPPO, start=241, end=275),
    ]


def make_small_extraction() -> Extraction:
    """A fresh copy of the fixture extraction (for tests that need two)."""
    actors, places = _actors(), _places()
    labels = {x.id: x.label for x in [*actors, *places]}
    return Extraction(
        documents=[
            {"id": GENEVA, "title": "Kerry: Syrian Cease-Fire 'Understanding' Closer & Work To Do",
             "date": "2016-05-02", "source": "https://example.org/kerry?a=1&b=2"},
            {"id": ALEPPO, "title": f"Aid for Aleppo: \u00a32bn {SCRIPT}", "date": "2016-05-03",
             "source": None},
        ],
        actors=actors,
        places=places,
        events=_events(labels),
    )


@pytest.fixture(scope="session")
def pipeline():
    """The spaCy pipeline, loaded once for the whole run (about a second each time)."""
    try:
        return load_pipeline()
    except (GraphbuildError, ImportError) as exc:  # pragma: no cover - depends on the machine
        # Only a missing model or spaCy skips; any other failure is an error, not
        # hundreds of silently skipped tests.
        pytest.skip(f"spaCy model not available: {exc}")


@pytest.fixture
def reuse_pipeline(request, monkeypatch):
    """``load_pipeline()`` with the default model hands out the session ``pipeline``.

    For tests of commands that load a pipeline per run (the CLI, ``extract``
    without ``pipeline=``): they get the pipeline the run would load, without
    loading the model again.  Other arguments still load a pipeline; loading
    itself is tested in test_tagmap, test_blas and test_lexicon.
    """
    from graphbuild import nlp

    def shared(model=None, *, lexicon=None, blas="auto"):
        if model is None and lexicon is None and blas == "auto":
            return request.getfixturevalue("pipeline")  # made with the unpatched load_pipeline
        return load_pipeline(model, lexicon=lexicon, blas=blas)

    monkeypatch.setattr(nlp, "load_pipeline", shared)


@pytest.fixture
def small_extraction() -> Extraction:
    """Seven actors, three places, eleven events over two documents."""
    return make_small_extraction()


@pytest.fixture
def small_graph(small_extraction: Extraction) -> nx.MultiDiGraph:
    """``build_graph(small_extraction)``."""
    return build_graph(small_extraction)


@pytest.fixture(scope="module")
def aotearoa_words(tmp_path_factory) -> Path:
    """A lexicon folder whose gazetteer also calls New Zealand "Aotearoa" (the package's does not),
    and whose event types make "beseech" an appeal verb that asks its object.

    One per module: a lexicon and its code book are built once per folder.
    """
    folder = tmp_path_factory.mktemp("words")
    gazetteer = json.loads(data_path("gazetteer.json").read_text(encoding="utf-8"))
    assert "Aotearoa" not in gazetteer["countries"]["NZ"]["aliases"]
    gazetteer["countries"]["NZ"]["aliases"].append("Aotearoa")
    (folder / "gazetteer.json").write_text(json.dumps(gazetteer), encoding="utf-8")
    types = json.loads(data_path("event_types.json").read_text(encoding="utf-8"))
    appeal = next(t for t in types["types"] if t["name"] == "appeal")["triggers"]
    assert "beseech" not in appeal["verbs"]
    appeal["verbs"]["beseech"] = "020"
    appeal["asking_verbs"].append("beseech")
    (folder / "event_types.json").write_text(json.dumps(types), encoding="utf-8")
    return folder
