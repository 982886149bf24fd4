"""The command line, run the way a user runs it: every command, its help, good and bad input."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.cli import main, sample_path

# Commands run in this process and share the session pipeline (see conftest.reuse_pipeline).
pytestmark = pytest.mark.usefixtures("reuse_pipeline")

SCHEMA = Path(__file__).parent / "data" / "extraction-schema.json"
XSS_ARTICLE = (
    "Foreign Minister Adel al-Jubeir met John Kerry in Geneva on Monday. "
    "Kerry said the talks were useful <img src=x onerror=alert(1)> and constructive. "
    "Jubeir said </script><script>alert(1)</script> nothing would change.\n"
)
LATIN1_ARTICLE = (
    "British Foreign Secretary David Miliband met Chinese Foreign Minister Yang Jiechi in London on Tuesday. "
    "Miliband said Britain would lend \u00a3200 million to the fund.\n"
)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [[], ["extract"], ["build"], ["analyze"]])
def test_help_describes_each_command_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main(command + ["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: graphbuild" in out
    if command:
        assert "example" in out and "graphbuild " + command[0] in out


def test_no_input_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract"])
    assert exc.value.code == 2
    assert "give at least one INPUT" in capsys.readouterr().err


@pytest.mark.model
def test_extract_sample_follows_the_contract_and_finds_the_story(tmp_path, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "x.json"
    code, _, err = run(["extract", "--sample", "-o", str(out), "--workers", "1"], capsys)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    labels = {a["label"]: a for a in data["actors"]}
    assert labels["John Kerry"]["type"] == "person" and "Kerry" in labels["John Kerry"]["aliases"]
    assert labels["John Kerry"]["title"] == "Secretary of State"
    meetings = {(e["source"], t) for e in data["events"] if e["type"] == "meeting" and e["status"] == "occurred"
                for t in e["targets"]}
    assert ("John Kerry", "Adel al-Jubeir") in meetings
    assert not any({"Sergei Lavrov", "John Kerry"} <= {e["source"], *e["targets"]}
                   for e in data["events"] if e["type"] == "meeting" and e["status"] == "occurred")
    # Boilerplate is not an actor.
    assert not {"Reuters", "AP", "AFP", "Interfax"} & set(labels)
    assert "1 document," in err and "actors" in err


@pytest.mark.model
def test_same_input_gives_byte_identical_output(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run(["extract", "--sample", "-q", "-o", str(a), "--workers", "1"], capsys)[0] == 0
    assert run(["extract", "--sample", "-q", "-o", str(b), "--workers", "1"], capsys)[0] == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "london.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


@pytest.mark.model
def test_bad_files_are_named_and_the_good_ones_still_extracted(mixed_folder, tmp_path, capsys):
    out = tmp_path / "x.json"
    code, _, err = run(["extract", str(mixed_folder), "-o", str(out), "--workers", "1"], capsys)
    assert code == 0
    assert "Traceback" not in err
    assert re.search(r"empty\.txt: empty file", err)
    assert re.search(r"photo\.txt: binary file", err)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == ["london.txt", "seed.txt"]
    london = [e for e in data["events"] if e["doc"] == "london.txt"]
    assert any("\u00a3200 million" in e["sentence"] for e in london), "Latin-1 '\u00a3' must decode"
    assert {s["reason"].split(" (")[0] for s in data["skipped"]} == {"empty file", "binary file"}
    # --strict turns a partial failure into exit status 1.
    assert run(["extract", str(mixed_folder), "-q", "--strict", "-o", str(out), "--workers", "1"], capsys)[0] == 1


def test_nothing_usable_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(["extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                        "-o", str(tmp_path / "x.json")], capsys)
    assert code == 1
    assert "missing.txt: no such file or directory" in err
    assert "no input could be used" in err
    assert not (tmp_path / "x.json").exists()


@pytest.mark.model
def test_page_never_carries_article_markup_or_remote_resources(tmp_path, capsys):
    article = tmp_path / "evil.txt"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    page = tmp_path / "page.html"
    code, _, err = run(["build", str(article), "-o", str(page), "--workers", "1"], capsys)
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert "</script><script>alert(1)" not in html
    assert "onerror=alert(1)>" not in html
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"""@import|url\(\s*["']?https?:""", html, re.I)
    # The evidence is still there, escaped.
    assert "onerror=alert(1)" in html.replace("\\u003c", "<").replace("&lt;", "<") or "onerror" in html


@pytest.mark.model
def test_build_writes_every_export_and_they_load_back(tmp_path, capsys):
    x = tmp_path / "x.json"
    assert run(["extract", "--sample", "-q", "-o", str(x), "--workers", "1"], capsys)[0] == 0
    files = {k: tmp_path / f"g.{k}" for k in ("html", "json", "graphml", "gexf", "csv")}
    code, _, err = run(["build", "--extraction", str(x), "-o", str(files["html"]), "--json", str(files["json"]),
                        "--graphml", str(files["graphml"]), "--gexf", str(files["gexf"]),
                        "--csv", str(files["csv"])], capsys)
    assert code == 0, err
    g1 = nx.read_graphml(files["graphml"])
    g2 = nx.read_gexf(files["gexf"])
    assert set(g1.nodes) == set(g2.nodes)
    assert "actor:john-kerry" in g1
    rows = files["csv"].read_text(encoding="utf-8").splitlines()
    events = json.loads(x.read_text(encoding="utf-8"))["events"]
    assert len(rows) >= len(events) + 1  # header + one row per event (sentences may span lines)


@pytest.mark.model
def test_build_ego_and_type_filters(tmp_path, capsys):
    x = tmp_path / "x.json"
    assert run(["extract", "--sample", "-q", "-o", str(x), "--workers", "1"], capsys)[0] == 0
    gj = tmp_path / "ego.json"
    code, _, err = run(["build", "--extraction", str(x), "--no-html", "--ego", "Kerry",
                        "--types", "meeting", "--json", str(gj)], capsys)
    assert code == 0, err
    data = json.loads(gj.read_text(encoding="utf-8"))
    labels = {n["label"] for n in data["nodes"]}
    assert {"John Kerry", "Adel al-Jubeir", "Nasser Judeh"} <= labels
    assert "Syrian Observatory for Human Rights" not in labels
    assert {e["type"] for e in data["edges"]} <= {"meeting", "at"}
    code, _, err = run(["build", "--extraction", str(x), "--no-html", "--ego", "Nobody Atall"], capsys)
    assert code == 1 and "no actor or place named" in err


def test_console_script_reports_errors_without_traceback(tmp_path):
    exe = Path(sys.executable).with_name("graphbuild")
    if not exe.exists():
        pytest.skip("graphbuild console script not installed in this environment")
    proc = subprocess.run([str(exe), "build", "--extraction", str(tmp_path / "nope.json")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "nope.json" in proc.stderr and "Traceback" not in proc.stderr


def test_output_files_are_written_whole_and_readable_by_others(tmp_path):
    import os
    import stat

    from graphbuild.util import atomic_write_text

    path = atomic_write_text(tmp_path / "sub" / "x.json", "{}\n")
    assert path.read_text() == "{}\n"
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode & 0o044, oct(mode)  # not left private like a temporary file
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.model
def test_analyze_ranks_the_most_connected_actor_first(tmp_path, capsys):
    x = tmp_path / "x.json"
    assert run(["extract", "--sample", "-q", "-o", str(x), "--workers", "1"], capsys)[0] == 0
    code, out, _ = run(["analyze", str(x), "--json", "--top", "3"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["actor"] == "John Kerry" and rows[0]["rank"] == 1
    assert len(rows) == 3 and all(r["community"] is not None for r in rows)
    code, out, _ = run(["analyze", str(x), "--types", "meeting", "--centrality", "betweenness"], capsys)
    assert code == 0 and "John Kerry" in out.splitlines()[1]


class _Terminal:
    """A stderr stand-in that says it is a terminal and keeps what is written."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass


def test_progress_bar_only_on_a_terminal_and_never_when_quiet():
    import argparse
    import io
    import threading

    from graphbuild.cli import _progress

    assert _progress(argparse.Namespace(quiet=False), io.StringIO()) == (None, None)
    assert _progress(argparse.Namespace(quiet=True), _Terminal()) == (None, None)
    threads = threading.active_count()
    term = _Terminal()
    tick, bar = _progress(argparse.Namespace(quiet=False), term)
    for i in range(3):
        tick(f"doc-{i}", i + 1)
    # No monitor thread: the corpus runner forks workers after the bar starts.
    assert threading.active_count() == threads
    assert bar.n == 3
    bar.close()
    assert term.text.startswith("\rgraphbuild:")


def _beseech_words(folder: Path, add_type: bool = False) -> Path:
    """A lexicon folder whose event_types.json makes "beseech" an appeal verb that asks its object
    (or, with ``add_type``, that adds an event type, which a folder may not)."""
    from graphbuild.util import data_path

    data = json.loads(data_path("event_types.json").read_text(encoding="utf-8"))
    appeal = next(t for t in data["types"] if t["name"] == "appeal")
    appeal["triggers"]["verbs"]["beseech"] = "020"
    appeal["triggers"]["asking_verbs"].append("beseech")
    if add_type:
        data["types"].append({**appeal, "name": "entreaty"})
    folder.mkdir()
    (folder / "event_types.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.mark.model
def test_lexicon_folder_changes_the_words_of_a_run(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Germany beseeched Iran to release the prisoners.\n", encoding="utf-8")
    words = _beseech_words(tmp_path / "words")
    appeals = []
    for extra in ([], ["--lexicon", str(words)]):
        out = tmp_path / f"x{len(extra)}.json"
        code, _, err = run(["extract", str(article), "-q", "--workers", "1", "-o", str(out), *extra], capsys)
        assert code == 0, err
        appeals.append([(e["source"], e["targets"], e["cameo"]) for e in json.loads(out.read_text("utf-8"))["events"]
                        if e["type"] == "appeal"])
    assert appeals == [[], [("Germany", ["Iran"], "020")]]
    page = tmp_path / "page.html"
    code, _, err = run(["build", str(article), "-q", "--workers", "1", "--lexicon", str(words), "-o", str(page),
                        "--extraction-out", str(tmp_path / "b.json")], capsys)
    assert code == 0, err
    assert [e["type"] for e in json.loads((tmp_path / "b.json").read_text("utf-8"))["events"]] == ["appeal"]


@pytest.mark.parametrize("folder,message", [
    ("nope", "nope: not a folder of word lists"),
    ("typed", "event_types.json: 'entreaty' is not one of graphbuild's event types"),
])
def test_a_bad_lexicon_folder_is_one_line_and_exit_1(tmp_path, capsys, folder, message):
    if folder == "typed":
        _beseech_words(tmp_path / folder, add_type=True)
    article = tmp_path / "a.txt"
    article.write_text("Germany met Iran.\n", encoding="utf-8")
    code, out, err = run(["extract", str(article), "-q", "--lexicon", str(tmp_path / folder),
                          "-o", str(tmp_path / "x.json")], capsys)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def test_lexicon_is_for_extracting_not_for_a_ready_extraction(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", "--extraction", str(tmp_path / "x.json"), "--lexicon", str(tmp_path)])
    assert exc.value.code == 2 and "--lexicon" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["extract", "build"])
def test_help_names_the_lexicon_option(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--lexicon DIR" in out and "event_types.json" in out
