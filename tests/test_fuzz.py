"""Property-based and fuzz tests: the reader, the API and the CLI on input nobody wrote on purpose.

Each property runs a bounded number of examples (a few seconds in all), so
that they run with the rest of the suite.  What must hold for any input:
nothing raises but GraphbuildError, every input ends as a document or as a
named problem, and everything written is valid UTF-8 that reads back.
"""
from __future__ import annotations

import json
import os
import random
import re
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import graphbuild  # noqa: E402
from graphbuild.cli import main  # noqa: E402
from graphbuild.export import read_extraction_json  # noqa: E402
from graphbuild.read import KNOWN_SUFFIXES, READ_SUFFIXES, iter_documents  # noqa: E402
from graphbuild.types import Extraction  # noqa: E402

KERRY = "Kerry met Lavrov in Geneva on Monday.\n"
# What read-time cleaning removes: no document text may keep one of these.
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _utf8(value: object) -> None:
    """Raise unless ``value`` serialises to valid UTF-8 JSON."""
    json.dumps(value, ensure_ascii=False).encode("utf-8")


def _read_all(paths: list[str]) -> tuple[list, list]:
    problems: list = []
    docs = list(iter_documents(paths, on_problem=problems.append))
    return docs, problems


@QUICK
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([*KNOWN_SUFFIXES, ".md"]))
def test_the_reader_takes_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        docs, problems = _read_all([path])
    assert docs or problems, "a file must give a document or a problem"
    for d in docs:
        _utf8(d.to_dict())
        assert d.text.strip() and not INVISIBLE.search(d.text)
    for p in problems:
        _utf8(p.to_dict())
        assert p.path.startswith(path) and p.reason


# Text that looks like news, with odd characters mixed in.
WORDS = st.sampled_from(["Kerry", "met", "Lavrov", "in", "Geneva", "on", "Monday", ".", "said", "the",
                         "\n\n", "\u202e", "\x00", "\ufeff", "<b>", "{", "\"text\":", "\udcff", "\t"])
NEWSISH = st.lists(st.one_of(WORDS, st.text(st.characters(exclude_categories=()), max_size=8)),
                   max_size=30).map(" ".join)


@QUICK
@given(name=st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b),
       text=NEWSISH)
def test_the_reader_takes_any_file_name(name: bytes, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp)
        path = os.path.join(folder, name + b".txt")
        with open(path, "wb") as fh:
            fh.write((KERRY + text).encode("utf-8", "surrogatepass"))
        named = os.fsdecode(path)
        in_folder, folder_problems = _read_all([tmp])
        direct, direct_problems = _read_all([named])
    if not name.startswith(b"."):  # hidden files are left out of a folder
        assert len(in_folder) + len(folder_problems) == 1
    assert len(direct) + len(direct_problems) == 1
    for d in in_folder + direct:
        _utf8(d.to_dict())
        assert d.text.startswith("Kerry met Lavrov") and not INVISIBLE.search(d.text)
    for p in folder_problems + direct_problems:
        _utf8(p.to_dict())


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(NEWSISH, st.text(st.characters(exclude_categories=()), max_size=60),
                                st.none(), st.integers()), max_size=4))
def test_extract_takes_any_texts(pipeline, texts: list) -> None:
    x = graphbuild.extract(texts=texts, pipeline=pipeline, workers=1)
    ids = {d["id"] for d in x.documents}
    problems = {s["path"] for s in x.skipped}
    assert ids | problems == {f"text-{i}" for i in range(1, len(texts) + 1)}
    assert not ids & problems
    data = x.to_dict()
    _utf8(data)
    assert Extraction.from_dict(json.loads(json.dumps(data))).to_dict() == data
    for e in x.events:
        assert e.doc in ids and 0 <= e.start <= e.end


# --------------------------------------------------------------------------- #
# A bounded fuzz run of the command line over random files
# --------------------------------------------------------------------------- #

SAMPLE = (
    "GENEVA, May 2 (Reuters) - U.S. Secretary of State John Kerry met Russian Foreign Minister "
    "Sergei Lavrov in Geneva on Monday. Kerry said the talks were useful.\n\n"
    "Saudi Foreign Minister Adel al-Jubeir accused Syria of breaking the truce.\n"
)


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randrange(1, 12)):
        i = rng.randrange(len(chars) + 1)
        chars.insert(i, rng.choice(["\x00", "\u202e", "\u2066", "\r", "\n\n", "<p>", "&amp;", "\ufffd",
                                    chr(rng.randrange(1, 0x3000)), "\x1b[31m", "\"", "}"]))
    return "".join(chars)


def _random_file(rng: random.Random, folder: Path, i: int) -> None:
    kind = rng.choice(["bytes", "text", "latin1", "utf16", "html", "jsonl", "jsonl-broken", "empty"])
    stem = f"{i:02d}" + rng.choice(["", "-\u00e9", " space", "-\u202e"])
    suffix = {"html": ".html", "jsonl": ".jsonl", "jsonl-broken": ".jsonl"}.get(kind, ".txt")
    text = _mutate(rng, SAMPLE)
    if kind == "bytes":
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    elif kind == "text":
        data = text.encode("utf-8", "replace")
    elif kind == "latin1":
        data = text.encode("latin-1", "replace")
    elif kind == "utf16":
        data = text.encode("utf-16", "replace")
    elif kind == "html":
        data = f"<html><head><title>{text[:30]}</title></head><body><p>{text}</p></body></html>".encode(
            "utf-8", "replace")
    elif kind == "jsonl":
        records = [{"id": rng.choice([f"r{i}-{n}", n, None, True]), "text": rng.choice([text, "", 5, None]),
                    "date": rng.choice(["2016-05-02", "page 3", "2016-13-45", None, 20160502]),
                    "title": rng.choice(["T", None, ["x"]])} for n in range(rng.randrange(1, 4))]
        data = "\n".join(json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in records).encode("utf-8", "replace")
    elif kind == "jsonl-broken":
        data = (json.dumps({"id": f"b{i}", "text": text}) + "\n{\"text\": \"unterminated\n").encode("utf-8", "replace")
    else:
        data = b""
    name = os.fsencode(stem) + (b"\xff" if rng.random() < 0.2 else b"") + suffix.encode()
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(data)


@pytest.mark.model
@pytest.mark.usefixtures("reuse_pipeline")
@pytest.mark.parametrize("seed", [1, 2])
def test_cli_fuzz_over_random_files(seed: int, tmp_path: Path, capsys) -> None:
    rng = random.Random(seed)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(24):
        _random_file(rng, folder, i)
    out = tmp_path / "x.json"
    code = main(["extract", str(folder), "-o", str(out), "--workers", "1"])
    _, err = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in err
    err.encode("utf-8")
    if code == 1:
        assert not out.exists() and err.rstrip().endswith("no input could be used")
        return
    x = read_extraction_json(out)
    _utf8(x.to_dict())
    # Every file ends as a document or a named problem.
    files = sorted(n for n in os.listdir(os.fsencode(folder)))
    seen = {d["source"] for d in x.documents} | {s["path"].rsplit(":", 1)[0] for s in x.skipped}
    seen |= {s["path"] for s in x.skipped}
    for name in files:
        shown = os.fsencode(str(folder)).decode() + "/" + name.decode("utf-8", "backslashreplace")
        if name.lower().endswith(tuple(s.encode() for s in READ_SUFFIXES)):
            assert any(s == shown or s.startswith(shown + ":") for s in seen) or name.endswith(b".jsonl"), shown
    code = main(["build", "--extraction", str(out), "-q", "-o", str(tmp_path / "p.html"),
                 "--graphml", str(tmp_path / "g.graphml"), "--csv", str(tmp_path / "e.csv")])
    assert code == 0
    (tmp_path / "p.html").read_text(encoding="utf-8")
