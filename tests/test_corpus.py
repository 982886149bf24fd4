"""The corpus runner: streaming, workers, huge documents, incremental runs.

Two kinds of test:

* without the model, a stand-in pipeline and extractor (``fake``) check the
  plumbing -- splitting, batching, order, laziness, hashes, problems;
* with the model (marked ``model``), small hand-written articles go through
  the real stages, with one and two workers.
"""
from __future__ import annotations

import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

from graphbuild import corpus
from graphbuild.corpus import (
    MAX_DOC_CHARS,
    content_hash,
    default_workers,
    extract,
    extract_text,
    iter_doc_extractions,
    split_text,
)
from graphbuild.read import document_from_text
from graphbuild.types import Actor, DocExtraction, Document, Event, Extraction, GraphbuildError

# Three short articles of the kind graphbuild is for: meetings, statements,
# accusations.  Written for these tests.
ARTICLES = {
    "a_bogota.txt": (
        "Norwegian Foreign Minister Ine Eriksen Soreide met Colombian President Ivan Duque "
        "in Bogota on Tuesday to discuss the peace process. Duque said his government would "
        "keep its commitments to former rebels. Soreide told reporters that Norway was ready "
        "to host new talks.\n"
    ),
    "b_berlin.txt": (
        "German Chancellor Olaf Scholz accused Russia on Wednesday of using gas supplies as a "
        "weapon. Speaking in Berlin, Scholz said Europe would not be blackmailed. Kremlin "
        "spokesman Dmitry Peskov denied the accusation and blamed Western sanctions for the "
        "shortages.\n"
    ),
    "c_nairobi.txt": (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on "
        "Friday. The two leaders agreed to expand trade across their shared border. Ruto urged "
        "armed groups in the region to lay down their weapons.\n"
    ),
}

# Paragraphs repeated (with a changing number) to make huge documents.
PARAGRAPHS = (
    "Foreign Minister Sergei Lavrov met Turkish Foreign Minister Mevlut Cavusoglu in Ankara "
    "on Monday, talk number {n}. Lavrov said both countries wanted the ceasefire to hold.",
    "Chancellor Angela Merkel accused Belarus of using migrants as a weapon at the border. "
    "Merkel told reporters in Berlin that the European Union would respond.",
    "President Emmanuel Macron urged Iran to return to the nuclear talks in Vienna. Iranian "
    "officials denied that they had broken the agreement, state media said.",
)


def _huge_text(chars: int) -> str:
    parts, size, n = [], 0, 0
    while size < chars:
        p = PARAGRAPHS[n % len(PARAGRAPHS)].format(n=n)
        parts.append(p)
        size += len(p) + 2
        n += 1
    return "\n\n".join(parts)


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- #
# A stand-in pipeline: no model, instant, deterministic
# --------------------------------------------------------------------------- #


class FakeDoc:
    def __init__(self, text: str) -> None:
        self.text = text


class FakePipeline:
    """Quacks like :class:`graphbuild.nlp.Pipeline`; counts the texts it parses."""

    model = "fake"
    lexicon = None

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def parse(self, text: str) -> FakeDoc:
        if "BOOM-PARSE" in text:
            raise ValueError("parser exploded")
        self.parsed.append(text)
        return FakeDoc(text)

    def pipe(self, texts, *, batch_size: int = 32, n_process: int = 1) -> Iterator[FakeDoc]:
        texts = list(texts)
        if any("DIE" in t for t in texts):
            os._exit(3)  # a worker killed (say, by the OOM killer)
        if any("BOOM-PARSE" in t for t in texts):
            raise ValueError("parser exploded")
        for t in texts:
            yield self.parse(t)


def fake_extract_document(doc: FakeDoc, document: Document, *, lexicon: Any = None,
                          offset: int = 0) -> DocExtraction:
    """One statement event per sentence ending in '.', with true offsets; its first word an actor."""
    if "BOOM-EXTRACT" in doc.text:
        raise RuntimeError("extractor exploded")
    events = []
    actors = {}
    for m in re.finditer(r"[^.\n]+\.", doc.text):
        name = m.group().split()[0]
        actors[name] = Actor(label=name, type="person", aliases=[name], mentions=1, docs=[document.id])
        events.append(Event(type="statement", source=name, sentence=m.group().strip(), doc=document.id,
                            start=m.start() + offset, end=m.end() + offset,
                            source_id=actors[name].id))
    return DocExtraction(document=document, actors=list(actors.values()), events=events)


@pytest.fixture
def fake(monkeypatch) -> FakePipeline:
    monkeypatch.setattr(corpus, "extract_document", fake_extract_document)
    return FakePipeline()


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i:02d}", text=f"Actor{i} spoke. Other{i} answered.") for i in range(n)]


# --------------------------------------------------------------------------- #
# The splitter
# --------------------------------------------------------------------------- #


def test_split_text_prefers_paragraphs_and_keeps_offsets() -> None:
    text = _huge_text(50_000)
    pieces = list(split_text(text, max_chars=10_000))
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
        assert len(piece) <= 10_000
    for _, piece in pieces[:-1]:
        assert piece.endswith("\n\n")  # cut after a blank line
        assert len(piece) > 5_000  # and late in the window: no tiny pieces


def test_split_text_falls_back_to_sentences_then_hard_cut() -> None:
    sentences = "The minister said talks would resume. " * 100
    pieces = list(split_text(sentences, max_chars=500))
    assert "".join(p for _, p in pieces) == sentences
    assert all(p.endswith(". ") for _, p in pieces[:-1])

    no_space = "x" * 1_050
    assert [(o, len(p)) for o, p in split_text(no_space, max_chars=500)] == [(0, 500), (500, 500), (1000, 50)]


def test_split_text_short_and_empty_text_is_one_piece() -> None:
    assert list(split_text("Short.", max_chars=100)) == [(0, "Short.")]
    assert list(split_text("", max_chars=100)) == [(0, "")]
    with pytest.raises(GraphbuildError):
        list(split_text("abc", max_chars=1))


# --------------------------------------------------------------------------- #
# Plumbing, with the stand-in pipeline
# --------------------------------------------------------------------------- #


def test_default_workers_counts_available_cores() -> None:
    assert 1 <= default_workers() <= (os.cpu_count() or 1)


def test_iter_doc_extractions_is_lazy(fake: FakePipeline) -> None:
    pulled = []

    def documents() -> Iterator[Document]:
        for d in _docs(50):
            pulled.append(d.id)
            yield d

    stream = iter_doc_extractions(documents(), fake, batch_size=4)
    first = next(stream)
    assert first.document.id == "d00"
    # Only the first batch (plus the one document that closed it) was read.
    assert len(pulled) <= 5
    assert [r.document.id for r in stream] == [f"d{i:02d}" for i in range(1, 50)]


def test_order_and_result_do_not_depend_on_workers_or_batches(fake: FakePipeline) -> None:
    one = [r.to_dict() for r in iter_doc_extractions(_docs(23), fake, batch_size=5)]
    two = [r.to_dict() for r in iter_doc_extractions(_docs(23), fake, batch_size=2, n_process=2)]
    assert one == two
    assert [r["document"]["id"] for r in one] == [f"d{i:02d}" for i in range(23)]


def test_huge_document_pieces_are_merged_with_true_offsets(fake: FakePipeline) -> None:
    text = _huge_text(30_000)
    doc = Document(id="huge", text=text)
    (record,) = iter_doc_extractions([doc], fake, max_chars=4_000, n_process=2, batch_size=2)
    assert record.document.id == "huge"
    assert len(record.events) == len(re.findall(r"[^.\n]+\.", text))
    for e in record.events:
        assert text[e.start:e.end].strip() == e.sentence
    assert max(e.start for e in record.events) > 25_000
    # The pieces' actors merged: one actor per distinct first word, not one per piece.
    assert len({a.label for a in record.actors}) == len(record.actors)


def test_failed_document_is_reported_and_the_others_kept(fake: FakePipeline) -> None:
    docs = _docs(5)
    docs[1].text = "Bad BOOM-EXTRACT text."
    docs[3].text = "Bad BOOM-PARSE text."
    problems = []
    out = list(iter_doc_extractions(docs, fake, batch_size=10, on_problem=problems.append))
    assert [r.document.id for r in out] == ["d00", "d02", "d04"]
    assert [(p.path, p.reason.split(" (")[0]) for p in problems] == [
        ("d01", "extraction failed"), ("d03", "extraction failed")]
    assert "parser exploded" in problems[1].reason
    with pytest.raises(GraphbuildError, match="d01"):
        list(iter_doc_extractions(docs, fake))


def test_extract_records_problems_hashes_and_progress(fake: FakePipeline, tmp_path: Path) -> None:
    folder = _write(tmp_path / "news", list(ARTICLES))
    (folder / "empty.txt").write_bytes(b"")
    seen, calls = [], []
    x = extract([folder], texts=["Typed text here.", "   "], pipeline=fake, workers=1,
                on_problem=seen.append, progress=lambda i, n: calls.append((i, n)))
    ids = [d["id"] for d in x.documents]
    assert ids == sorted([*ARTICLES, "text-1"])
    assert {d["id"]: d["sha1"] for d in x.documents}["text-1"] == content_hash("Typed text here.")
    assert sorted((Path(s["path"]).name, s["reason"]) for s in x.skipped) == [
        ("empty.txt", "empty file"), ("text-2", "empty text")]
    assert [p.to_dict() for p in seen] == x.skipped
    assert calls == [(d, n) for n, d in enumerate([*ARTICLES, "text-1"], 1)]


def test_extract_reports_duplicate_ids(fake: FakePipeline) -> None:
    docs = [Document(id="same", text="One said."), Document(id="same", text="Two said.")]
    x = extract(documents=docs, pipeline=fake, workers=1)
    assert [d["id"] for d in x.documents] == ["same"]
    assert x.skipped == [{"path": "same", "reason": "duplicate id 'same'"}]


def test_existing_skips_known_texts_and_adds_new_ones(fake: FakePipeline) -> None:
    first = extract(documents=_docs(3), pipeline=fake, workers=1)
    # As written to JSON and read back by ``extract --append``.
    existing = Extraction.from_dict(first.to_dict())
    fake.parsed.clear()
    calls = []
    docs = _docs(3) + [Document(id="new", text="Newcomer spoke.")]
    again = extract(documents=docs, pipeline=fake, workers=1, existing=existing,
                    progress=lambda i, n: calls.append(i))
    assert calls == ["new"] and fake.parsed == ["Newcomer spoke."]
    assert again is existing
    assert [d["id"] for d in again.documents] == ["d00", "d01", "d02", "new"]
    assert all(d["sha1"] for d in again.documents)
    fresh = extract(documents=docs, pipeline=fake, workers=1)
    assert again.to_dict() == fresh.to_dict()


def test_bad_arguments_raise_graphbuild_error(fake: FakePipeline) -> None:
    with pytest.raises(GraphbuildError, match="unknown engine"):
        extract(documents=_docs(1), pipeline=fake, engine="spark")
    with pytest.raises(GraphbuildError, match="workers"):
        extract(documents=_docs(1), pipeline=fake, workers=0)
    with pytest.raises(GraphbuildError, match="batch_size"):
        extract(documents=_docs(1), pipeline=fake, batch_size=0)


def test_workers_fall_back_to_one_process_inside_jupyter(fake: FakePipeline, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ipykernel", object())
    with pytest.warns(RuntimeWarning, match="one process"):
        out = list(iter_doc_extractions(_docs(3), fake, n_process=2))
    assert [r.document.id for r in out] == ["d00", "d01", "d02"]
    assert len(fake.parsed) == 3  # parsed here, not in a worker
    # Workers not asked for: no warning, just one process.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = extract(documents=_docs(2), pipeline=fake)
    assert len(x.documents) == 2 and len(fake.parsed) == 5


def test_a_dead_worker_is_a_clear_error(fake: FakePipeline) -> None:
    docs = _docs(6)
    docs[4].text = "Worker DIE here."
    with pytest.raises(GraphbuildError, match="worker process died"):
        list(iter_doc_extractions(docs, fake, batch_size=1, n_process=2))


# --------------------------------------------------------------------------- #
# With the model
# --------------------------------------------------------------------------- #


@pytest.mark.model
def test_folder_with_one_and_two_workers_gives_the_same_result(pipeline, tmp_path: Path) -> None:
    folder = _write(tmp_path / "news", list(ARTICLES))
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00")
    one = extract([folder], pipeline=pipeline, workers=1)
    two = extract([folder], pipeline=pipeline, workers=2, batch_size=1)
    assert one.to_dict() == two.to_dict()
    assert [d["id"] for d in one.documents] == list(ARTICLES)
    assert [(Path(s["path"]).name, s["reason"]) for s in one.skipped] == [
        ("broken.txt", "binary file (not text)")]
    # The articles' people and what they did came through.
    for name in ("Ivan Duque", "Olaf Scholz", "William Ruto"):
        assert one.actor(name) is not None, name
    types = {(e.type, e.source) for e in one.events}
    assert ("accusation", "Olaf Scholz") in types
    assert any(e.type == "meeting" and e.source == "William Ruto" for e in one.events)


@pytest.mark.model
def test_existing_extraction_skips_known_documents(pipeline, tmp_path: Path) -> None:
    folder = _write(tmp_path / "news", ["a_bogota.txt", "b_berlin.txt"])
    first = extract([folder], pipeline=pipeline, workers=1)
    assert all(len(d["sha1"]) == 40 for d in first.documents)
    _write(folder, ["c_nairobi.txt"])
    done = []
    again = extract([folder], pipeline=pipeline, workers=1,
                    existing=Extraction.from_dict(first.to_dict()),
                    progress=lambda doc_id, n: done.append((doc_id, n)))
    assert done == [("c_nairobi.txt", 1)]
    assert [d["id"] for d in again.documents] == list(ARTICLES)
    assert again.to_dict() == extract([folder], pipeline=pipeline, workers=1).to_dict()


@pytest.mark.model
def test_progress_is_called_once_per_document_in_order(pipeline, tmp_path: Path) -> None:
    folder = _write(tmp_path / "news", list(ARTICLES))
    calls = []
    extract([folder], pipeline=pipeline, workers=2, batch_size=1,
            progress=lambda doc_id, n: calls.append((doc_id, n)))
    assert calls == [(name, n) for n, name in enumerate(ARTICLES, 1)]


@pytest.mark.model
def test_huge_document_offsets_point_into_the_whole_text(pipeline) -> None:
    text = _huge_text(300_000)
    assert len(text) > 3 * MAX_DOC_CHARS
    x = extract(documents=[Document(id="huge", text=text)], pipeline=pipeline, workers=2, batch_size=1)
    assert [d["id"] for d in x.documents] == ["huge"]
    assert len(x.events) > 100
    for e in x.events:
        assert text[e.start:e.end].strip() == e.sentence
    assert max(e.start for e in x.events) > 2 * MAX_DOC_CHARS
    # One Lavrov across all pieces, with every mention counted.
    lavrov = x.actor("Sergei Lavrov")
    assert lavrov is not None and lavrov.mentions > 100


def test_megabyte_document_end_to_end(fake: FakePipeline) -> None:
    """A text at spaCy's own limit (1,000,000 characters) goes through in pieces, none longer than
    MAX_DOC_CHARS, and every offset points into the whole text.  Cutting and merging do not depend
    on the model (the test above runs them with it on 300,000 characters), so the fake parser
    keeps this one fast."""
    text = _huge_text(1_000_000)
    x = extract(documents=[Document(id="big", text=text)], pipeline=fake, workers=1)
    assert x.summary()["documents"] == 1 and not x.skipped
    assert fake.parsed and max(len(t) for t in fake.parsed) <= MAX_DOC_CHARS
    assert "".join(fake.parsed).replace("\n", "") == text.replace("\n", "")
    assert max(e.end for e in x.events) > 950_000
    assert all(text[e.start:e.end].strip() == e.sentence for e in x.events)


@pytest.mark.model
def test_extract_text(pipeline) -> None:
    x = extract_text(ARTICLES["c_nairobi.txt"], id="nairobi", date="2023-03-10", pipeline=pipeline)
    assert [d["id"] for d in x.documents] == ["nairobi"]
    assert x.documents[0]["sha1"] == content_hash(document_from_text(ARTICLES["c_nairobi.txt"]).text)
    meeting = [e for e in x.events if e.type == "meeting"]
    assert meeting and meeting[0].place == "Nairobi"
    assert meeting[0].date == "2023-03-10"
    with pytest.raises(GraphbuildError):
        extract_text("   ", pipeline=pipeline)


def test_dask_engine_without_dask_names_the_extra(fake: FakePipeline, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(GraphbuildError, match=r"pip install graphbuild\[dask\]"):
        extract(documents=_docs(1), pipeline=fake, engine="dask")
