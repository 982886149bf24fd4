"""The Dask engine gives the same extraction as the local engine.

Skipped when ``dask.distributed`` is not installed (``pip install graphbuild[dask]``).
Each test starts a two-process ``LocalCluster`` (each worker loads the model
once) and shuts it down.
"""
from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed")

from graphbuild.corpus import extract  # noqa: E402
from graphbuild.types import Document  # noqa: E402

pytestmark = pytest.mark.model

# Written for these tests: meetings, statements, an accusation, an appeal.
ARTICLES = {
    "lima.txt": (
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on "
        "Thursday. Boric said the two countries would reopen the border crossing. Boluarte "
        "urged Congress to approve the agreement.\n"
    ),
    "seoul.txt": (
        "South Korean Foreign Minister Park Jin accused North Korea of preparing a nuclear "
        "test. Park told reporters in Seoul that Pyongyang would face a firm response. "
        "Chinese Foreign Minister Wang Yi called for restraint.\n"
    ),
    "rabat.txt": (
        "Spanish Prime Minister Pedro Sanchez held talks with Moroccan King Mohammed VI in "
        "Rabat on Monday. Sanchez said the meeting opened a new stage in relations.\n"
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def test_dask_local_cluster_matches_local_engine(pipeline, folder: Path) -> None:
    local = extract([folder], pipeline=pipeline, workers=1, batch_size=1)
    done = []
    dask = extract([folder], engine="dask", workers=2, batch_size=1,
                   progress=lambda doc_id, n: done.append(doc_id))
    assert dask.to_dict() == local.to_dict()
    assert [d["id"] for d in dask.documents] == sorted(ARTICLES)
    assert done == sorted(ARTICLES)  # folder order, whatever worker finished first
    assert [Path(s["path"]).name for s in dask.skipped] == ["empty.txt"]
    assert any(e.type == "accusation" and e.source == "Park Jin" for e in dask.events)


def test_dask_existing_scheduler(pipeline) -> None:
    docs = [Document(id=name, text=text) for name, text in ARTICLES.items()]
    local = extract(documents=docs, pipeline=pipeline, workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = extract(documents=docs, engine="dask", scheduler=cluster.scheduler_address)
        # extract closed its client only: the cluster is still there for others.
        assert cluster.status.name == "running"
    assert remote.to_dict() == local.to_dict()


def test_dask_workers_read_the_lexicon_of_the_pipeline(pipeline, aotearoa_words, tmp_path, monkeypatch) -> None:
    import shutil

    from graphbuild.lexicon import load_lexicon
    from graphbuild.nlp import load_pipeline

    custom = load_pipeline(pipeline.model, lexicon=load_lexicon(aotearoa_words))
    docs = [Document(id="wellington.txt", text=(
        "Aotearoa accused Australia of breaking the trade agreement. Aotearoa Police arrested "
        "two protesters in Auckland on Monday. Aotearoa beseeched Australia to lift the tariffs.\n"))]
    local = extract(documents=docs, pipeline=custom, workers=1)
    # Workers that do not share the folder: they read the words the lexicon carries
    # (copied under their temporary directory).
    shutil.rmtree(aotearoa_words)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    remote = extract(documents=docs, pipeline=custom, engine="dask", workers=1)
    assert remote.to_dict() == local.to_dict()
    assert {(a.label, a.code) for a in remote.actors} >= {("New Zealand", "NZL"), ("Aotearoa Police", "NZLCOP")}
    found = [(e.type, e.source, e.targets) for e in remote.events]
    assert ("accusation", "New Zealand", ["Australia"]) in found
    assert ("appeal", "New Zealand", ["Australia"]) in found  # the folder's trigger verb
    assert list(tmp_path.glob("graphbuild-lexicon-*/gazetteer.json"))
    assert list(tmp_path.glob("graphbuild-lexicon-*/event_types.json"))
