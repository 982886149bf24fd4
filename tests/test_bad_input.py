"""Bad input as a hostile user gives it: nothing is lost and nothing is left behind.

Odd file names, dying or interrupted runs, unwritable outputs, dates that
are no dates, wrong types through the API, invisible characters and two runs
appending to one file.  Each case ends in one clear line, the good inputs are
kept and earlier output stays intact.
"""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import pytest

import graphbuild
from graphbuild import corpus
from graphbuild.cli import main
from graphbuild.dates import parse_doc_date
from graphbuild.export import read_extraction_json
from graphbuild.read import IGNORED_DATE, document_from_text, iter_documents, printable_path
from graphbuild.types import GraphbuildError
from graphbuild.outputs import exclusive_lock

# Commands run in this process and share the session pipeline (see conftest.reuse_pipeline).
pytestmark = pytest.mark.usefixtures("reuse_pipeline")

ROOT = Path(__file__).resolve().parents[1]
KERRY = "Kerry met Lavrov in Geneva.\n"
MODI = "Narendra Modi met Nawaz Sharif in Lahore.\n"
BAD_NAME = os.fsdecode(b"bad\xffname.txt")


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text(KERRY, encoding="utf-8")
    (folder / BAD_NAME).write_text(MODI, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- #
# 1. A file name that is not UTF-8
# --------------------------------------------------------------------------- #


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_id(odd_names: Path) -> None:
    problems: list = []
    docs = list(iter_documents([odd_names], on_problem=problems.append))
    assert problems == []
    assert [(d.id, d.text) for d in docs] == [("bad\\xffname.txt", MODI.strip()), ("good.txt", KERRY.strip())]
    assert docs[0].source.endswith("d/bad\\xffname.txt")
    # Named directly (as a shell passes it) it is read too, and a missing one is named printably.
    missing = os.fsdecode(b"gone\xfe.txt")
    docs = list(iter_documents([odd_names / BAD_NAME, missing], on_problem=problems.append))
    assert [d.text for d in docs] == [MODI.strip()]
    assert [(p.path, p.reason) for p in problems] == [("gone\\xfe.txt", "no such file or directory")]
    assert printable_path("plain/ascii.txt") == "plain/ascii.txt"


@pytest.mark.model
def test_a_file_name_that_is_not_utf8_loses_nothing(odd_names: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.json"
    code, _, err = run(["extract", str(odd_names), "-o", str(out), "--workers", "1"], capsys)
    assert code == 0 and "Traceback" not in err and "skipped" not in err.replace("(0 skipped)", "")
    x = read_extraction_json(out)
    assert sorted(d["id"] for d in x.documents) == ["bad\\xffname.txt", "good.txt"]
    assert {e.source for e in x.events} == {"Kerry", "Narendra Modi"}
    # Written to stdout the JSON is valid UTF-8 that 'build --extraction' reads back.
    code, stdout, _ = run(["extract", str(odd_names), "-q", "--workers", "1"], capsys)
    assert code == 0
    stdout.encode("utf-8")
    assert len(json.loads(stdout)["documents"]) == 2


# --------------------------------------------------------------------------- #
# 2. Workers die with the run
# --------------------------------------------------------------------------- #

# A run of the real CLI whose parser is a stand-in that takes a second per
# batch, so that the test needs no model and the workers are surely busy.
SLOW_RUN = textwrap.dedent(
    """
    import sys, time
    from graphbuild import cli, corpus, nlp
    from graphbuild.types import DocExtraction

    class Slow:
        model = "slow"
        lexicon = None
        def pipe(self, texts, batch_size=32, n_process=1):
            for text in texts:
                time.sleep(1.0)
                yield text
        def parse(self, text):
            return text

    corpus.extract_document = lambda doc, document, lexicon=None, offset=0: DocExtraction(document=document)
    nlp.load_pipeline = lambda model=None, lexicon=None: Slow()
    sys.exit(cli.main(["extract", sys.argv[1], "--workers", "2", "-o", sys.argv[2]]))
    """
)


def _start_slow_run(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text(f"Speaker{i} said the talks went well.\n", encoding="utf-8")
    script = tmp_path / "slow_run.py"
    script.write_text(SLOW_RUN, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, str(script), str(folder), str(tmp_path / "out.json")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "the run never started its workers"
        time.sleep(0.1)
        workers = _children(proc.pid)
    time.sleep(0.5)  # inside a batch
    return proc, workers


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        if not alive:
            return []
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


def _end_run(proc: subprocess.Popen, workers: list[int], send) -> list[int]:
    """Send the run a signal; the workers still alive 5 s after it ended (all are killed after)."""
    try:
        send()
        proc.wait(timeout=30)
        return _wait_gone(workers, 5.0)
    finally:
        for pid in [proc.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


needs_linux_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")


@needs_linux_proc
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_do_not_outlive_a_killed_run(tmp_path: Path, sig: int) -> None:
    proc, workers = _start_slow_run(tmp_path)
    assert _end_run(proc, workers, lambda: os.kill(proc.pid, sig)) == []
    err = proc.stderr.read()
    if sig == signal.SIGTERM:
        assert proc.returncode == 143 and err == "graphbuild: terminated\n"
    assert not (tmp_path / "out.json").exists()


@needs_linux_proc
def test_ctrl_c_prints_one_line_and_stops_the_workers(tmp_path: Path) -> None:
    proc, workers = _start_slow_run(tmp_path)
    # What Ctrl-C does: SIGINT to the whole process group.
    assert _end_run(proc, workers, lambda: os.killpg(proc.pid, signal.SIGINT)) == []
    assert proc.returncode == 130
    assert proc.stderr.read() == "graphbuild: interrupted\n"


# --------------------------------------------------------------------------- #
# 3. Outputs are checked before any work
# --------------------------------------------------------------------------- #


@pytest.fixture
def no_work(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("inputs were read before the outputs were checked")

    monkeypatch.setattr(corpus, "extract", refuse)


@pytest.mark.parametrize("argv, message", [
    (["extract", "{d}", "-o", "{tmp}"], "cannot write {tmp}: it is a folder"),
    (["extract", "{d}", "-o", "{file}/x.json"], "cannot write {file}/x.json: {file} is not a folder"),
    (["extract", "{d}", "-o", "/proc/graphbuild-x.json"], "cannot write /proc/graphbuild-x.json: "),
    (["build", "{d}", "--graphml", "{file}/g.graphml"], "cannot write {file}/g.graphml: {file} is not a folder"),
    (["build", "{d}", "--no-html", "--json", "{tmp}"], "cannot write {tmp}: it is a folder"),
    (["build", "{d}", "-o", "{file}/sub/page.html"], "{file} is not a folder"),
    (["build", "{d}", "--no-html", "--csv", "x.csv", "--extraction-out", "{file}/x.json"], "is not a folder"),
])
def test_an_output_that_cannot_be_written_fails_first_in_one_line(argv, message, odd_names, tmp_path,
                                                                  no_work, capsys) -> None:
    file = tmp_path / "afile"
    file.write_text("earlier output\n", encoding="utf-8")
    values = {"d": str(odd_names), "tmp": str(tmp_path), "file": str(file)}
    code, _, err = run([a.format(**values) for a in argv], capsys)
    assert code == 1
    assert err.startswith("graphbuild: error: ") and err.count("\n") == 1
    assert message.format(**values) in err
    assert file.read_text(encoding="utf-8") == "earlier output\n"


def test_an_os_error_anywhere_is_one_line(tmp_path, monkeypatch, capsys) -> None:
    from graphbuild import export

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "x.json"))

    monkeypatch.setattr(export, "read_extraction_json", fail)
    code, _, err = run(["analyze", str(tmp_path / "x.json")], capsys)
    assert code == 1 and err == f"graphbuild: error: {tmp_path / 'x.json'}: No space left on device\n"


# --------------------------------------------------------------------------- #
# 4. Dates: strict, reported, never the clock
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize("text, expected", [
    ("2016-05-02", "2016-05-02"),
    ("2016-05-02T10:00:00Z", "2016-05-02"),
    ("Mon, 02 May 2016 10:00:00 GMT", "2016-05-02"),
    ("May 2, 2016", "2016-05-02"),
    ("page 3", None),
    ("2016-13-45", None),
    ("May 2", None),  # no year: no guess
    ("<b>Tuesday</b>", None),
    ("3", None),
    ("", None),
])
def test_document_dates_are_parsed_strictly(text, expected) -> None:
    found = parse_doc_date(text)
    assert (found.isoformat() if found else None) == expected


def test_a_bad_date_is_reported_and_ignored(tmp_path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": KERRY, "date": "<i>page 3</i>"}) + "\n"
                    + json.dumps({"id": "b", "text": MODI, "date": "2016-05-02"}) + "\n", encoding="utf-8")
    problems: list = []
    docs = list(iter_documents([feed], on_problem=problems.append))
    assert [(d.id, d.date) for d in docs] == [("a", None), ("b", "2016-05-02")]
    assert [p.path for p in problems] == [f"{feed}:1"]
    assert problems[0].reason.startswith(IGNORED_DATE) and "'<i>page 3</i>'" in problems[0].reason
    # The default date fills in for the bad one; a default that is no date is refused.
    docs = list(iter_documents([feed], date="2001-10-23"))
    assert [d.date for d in docs] == ["2001-10-23", "2016-05-02"]
    with pytest.raises(GraphbuildError, match="'2016-13-45' is not a date"):
        list(iter_documents([feed], date="2016-13-45"))
    with pytest.raises(GraphbuildError, match="is not a date"):
        graphbuild.extract(texts=[KERRY], date="page 3", pipeline=object())


@pytest.mark.model
def test_a_bad_date_option_is_reported_and_does_not_date_events(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Kerry met Lavrov in Geneva on Tuesday.\n")))
    out = tmp_path / "x.json"
    code, _, err = run(["extract", "-", "--date", "page 3", "-o", str(out), "--workers", "1"], capsys)
    assert code == 0
    assert err.splitlines()[0] == "graphbuild: --date ignored: date 'page 3' is not a date (write it like 2016-05-02)"
    x = read_extraction_json(out)
    # Without the article's date "Tuesday" stays as written: no day is guessed from the clock.
    assert [(e.type, e.date, e.date_text) for e in x.events] == [("meeting", "Tuesday", "Tuesday")]


# --------------------------------------------------------------------------- #
# 5. The API checks its inputs
# --------------------------------------------------------------------------- #


class _Pipeline:
    """Just enough of a Pipeline for the runner; extraction is replaced below."""

    model = "stand-in"
    lexicon = None

    def pipe(self, texts, batch_size=32, n_process=1):
        return iter(list(texts))

    def parse(self, text):
        return text


@pytest.fixture
def stand_in(monkeypatch) -> _Pipeline:
    from graphbuild.types import DocExtraction

    monkeypatch.setattr(corpus, "extract_document",
                        lambda doc, document, lexicon=None, offset=0: DocExtraction(document=document))
    return _Pipeline()


def test_a_bad_text_is_reported_and_the_good_one_kept(stand_in) -> None:
    x = graphbuild.extract(texts=[None, KERRY, 3], pipeline=stand_in, workers=1)
    assert [d["id"] for d in x.documents] == ["text-2"]
    assert x.skipped == [{"path": "text-1", "reason": "text is not a string but NoneType"},
                         {"path": "text-3", "reason": "text is not a string but int"}]
    # One string is one text, not one text per character.
    x = graphbuild.extract(texts=KERRY, pipeline=stand_in, workers=1)
    assert [d["id"] for d in x.documents] == ["text-1"]


def test_bad_inputs_and_documents_are_reported(stand_in, tmp_path) -> None:
    x = graphbuild.extract([None], pipeline=stand_in, workers=1)
    assert x.documents == [] and x.skipped == [{"path": "inputs[0]", "reason": "not a file name but NoneType"}]
    (tmp_path / "a.txt").write_text(KERRY, encoding="utf-8")
    x = graphbuild.extract(str(tmp_path / "a.txt"), pipeline=stand_in, workers=1)  # one path
    assert len(x.documents) == 1
    good = graphbuild.Document(id="ok", text=KERRY)
    x = graphbuild.extract(documents=[good, "text", graphbuild.Document(id=None, text=KERRY)],
                           pipeline=stand_in, workers=1)
    assert [d["id"] for d in x.documents] == ["ok"]
    assert [s["path"] for s in x.skipped] == ["documents[1]", "documents[2]"]


def test_render_html_and_build_from_a_bad_extraction_give_clear_errors(tmp_path, capsys) -> None:
    with pytest.raises(GraphbuildError, match="expected a graph .* not NoneType"):
        graphbuild.render_html(None)
    with pytest.raises(GraphbuildError, match="not list"):
        graphbuild.render_html([1, 2])
    assert "Nothing to show" in graphbuild.render_html(nx.MultiDiGraph())
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"documents": [{"title": "no id"}], "actors": [], "places": [], "events": []}),
                   encoding="utf-8")
    code, _, err = run(["build", "--extraction", str(bad), "-o", str(tmp_path / "p.html")], capsys)
    assert code == 1
    assert err == f"graphbuild: error: {bad} does not hold a valid extraction: documents[0] has no 'id' string\n"
    assert not (tmp_path / "p.html").exists()


# --------------------------------------------------------------------------- #
# Smaller: invisible characters, concurrent --append
# --------------------------------------------------------------------------- #


def test_nul_and_bidi_controls_are_removed_at_read_time(tmp_path) -> None:
    doc = document_from_text("Angela\u202elekreM met Recep\u2066 Tayyip Erdogan.\u200f Then \x00Erdogan left.")
    assert doc.text == "AngelalekreM met Recep Tayyip Erdogan. Then Erdogan left."
    # Also past the first 8 KB of a file (the part the binary check looks at).
    path = tmp_path / "long.txt"
    path.write_bytes(("Kerry met Lavrov in Geneva. " * 400).encode() + b"\x00Erdogan spoke.\n")
    (doc,) = iter_documents([path])
    assert "\x00" not in doc.text and doc.text.endswith(" Erdogan spoke.")
    assert document_from_text("Kerry \ud800met Lavrov.").text == "Kerry \ufffdmet Lavrov."


def test_a_second_append_onto_the_same_file_is_refused(tmp_path, no_work, capsys) -> None:
    out = tmp_path / "x.json"
    out.write_text("{}\n", encoding="utf-8")
    with exclusive_lock(out):
        code, _, err = run(["extract", str(tmp_path), "--append", "-o", str(out)], capsys)
        assert code == 1
        assert err == f"graphbuild: error: another graphbuild run is writing {out}; run again when it has finished\n"
    assert out.read_text(encoding="utf-8") == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]  # the lock is gone
    with exclusive_lock(out):  # and can be taken again
        pass


def test_a_lock_held_by_another_process_is_refused(tmp_path) -> None:
    out = tmp_path / "x.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from graphbuild.outputs import exclusive_lock\n"
         f"with exclusive_lock({str(out)!r}):\n    print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(GraphbuildError, match="another graphbuild run"):
            with exclusive_lock(out):
                pass
    finally:
        holder.kill()
        holder.wait()
    with exclusive_lock(out):  # the kernel released the killed holder's lock
        pass
