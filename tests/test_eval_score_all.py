"""Tests for eval/score_all.py, the evaluation runner, in its --dry-run mode only.

The runner is exercised on a made-up article and gold in ``tmp_path``: it never
runs graphbuild here, so the evaluation articles stay unseen by the extractor.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "eval" / "score_all.py"

GOLD = {
    "date": "2026-11-23",
    "actors": [{"id": "ana", "type": "person", "aliases": ["Ana Ruiz"]},
               {"id": "ben", "type": "person", "aliases": ["Ben Ode"]}],
    "places": [{"id": "lima", "aliases": ["Lima"]}],
    "meetings": [{"between": ["ana", "ben"], "place": "lima"}],
    "speakers": [{"actor": "ana"}],
    "directed": [{"source": "ana", "target": "ben", "kind": "accuse"}],
}


def run(tmp_path: Path, gold: dict, *extra: str) -> subprocess.CompletedProcess:
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "articles" / "a1.txt").write_text("Ana Ruiz met Ben Ode in Lima.\n", encoding="utf-8")
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    args = [sys.executable, str(SCRIPT), "--dry-run", "--articles", str(tmp_path / "articles"),
            "--gold", str(tmp_path / "gold"), "--graphbuild", "gb", *extra]
    return subprocess.run(args, capture_output=True, text=True)


def test_dry_run_shows_one_extraction_per_article_with_the_gold_date(tmp_path):
    score = tmp_path / "score.py"
    score.write_text("", encoding="utf-8")
    res = run(tmp_path, GOLD, "--score", str(score), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    lines = [ln for ln in res.stdout.splitlines() if not ln.startswith("#")]
    article, pred = tmp_path / "articles" / "a1.txt", tmp_path / "out" / "a1.json"
    assert lines == [
        f"gb extract -q {article} -o {pred} --date 2026-11-23",
        f"{sys.executable} {score} {tmp_path / 'gold' / 'a1.json'} {pred} --json",
    ]
    assert not (tmp_path / "out").exists()


def test_no_date_in_the_gold_passes_no_date(tmp_path):
    score = tmp_path / "score.py"
    score.write_text("", encoding="utf-8")
    res = run(tmp_path, {k: v for k, v in GOLD.items() if k != "date"}, "--score", str(score))
    assert res.returncode == 0, res.stderr
    assert "--date" not in res.stdout


def test_a_missing_scorer_is_named(tmp_path):
    res = run(tmp_path, GOLD, "--score", str(tmp_path / "nowhere" / "score.py"))
    assert res.returncode == 0  # a dry run still shows the commands
    assert "scorer is missing" in res.stdout and str(tmp_path / "nowhere" / "score.py") in res.stdout


@pytest.mark.parametrize("change, message", [
    ({"speakers": [{"actor": "cyd"}]}, "speaker is an unknown actor 'cyd'"),
    ({"meetings": [{"between": ["ana", "cyd"]}]}, "meeting names unknown actor 'cyd'"),
    ({"meetings": [{"between": ["ana", "ben"], "place": "quito"}]}, "unknown place 'quito'"),
    ({"directed": [{"source": "ana", "target": "ben", "kind": "praise"}]}, "unknown kind 'praise'"),
])
def test_a_gold_with_undefined_ids_is_refused_before_anything_runs(tmp_path, change, message):
    res = run(tmp_path, {**GOLD, **change}, "--score", str(tmp_path / "score.py"))
    assert res.returncode == 2
    assert message in res.stderr and "a1.json" in res.stderr
    assert res.stdout == ""


def test_an_article_without_gold_is_named(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "b2.txt").write_text("Text.\n", encoding="utf-8")
    res = run(tmp_path, GOLD, "--score", str(tmp_path / "score.py"))
    assert res.returncode == 2
    assert "b2.txt: no gold file" in res.stderr


def run_rounds(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    """Three made-up articles: 001_a (no round: round 1), 002_b (round 1) and 003_c (round 2)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    for stem, rnd in (("001_a", None), ("002_b", 1), ("003_c", 2)):
        (tmp_path / "articles" / f"{stem}.txt").write_text("Ana Ruiz met Ben Ode.\n", encoding="utf-8")
        gold = GOLD if rnd is None else {**GOLD, "round": rnd}
        (tmp_path / "gold" / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")
    score = tmp_path / "score.py"
    score.write_text("", encoding="utf-8")
    args = [sys.executable, str(SCRIPT), "--dry-run", "--articles", str(tmp_path / "articles"),
            "--gold", str(tmp_path / "gold"), "--graphbuild", "gb", "--score", str(score), *extra]
    return subprocess.run(args, capture_output=True, text=True)


@pytest.mark.parametrize("extra, articles", [
    ((), ["001_a", "002_b", "003_c"]),
    (("--round", "1"), ["001_a", "002_b"]),
    (("--round", "2"), ["003_c"]),
    (("--ids", "003,001_a"), ["001_a", "003_c"]),
    (("--ids", "001,003", "--round", "2"), ["003_c"]),
])
def test_round_and_ids_select_the_articles_to_run(tmp_path, extra, articles):
    res = run_rounds(tmp_path, *extra)
    assert res.returncode == 0, res.stderr
    extracted = [ln.split()[3] for ln in res.stdout.splitlines() if ln.startswith("gb extract")]
    assert [Path(x).stem for x in extracted] == articles
    assert f"# {len(articles)} article(s)" in res.stdout


@pytest.mark.parametrize("extra, message", [
    (("--ids", "004"), "--ids: no article 004"),
    (("--ids", ","), "names no article"),
    (("--round", "3"), "--round 3: no article selected (rounds in the gold: 1, 2)"),
])
def test_a_selection_of_nothing_is_refused(tmp_path, extra, message):
    res = run_rounds(tmp_path, *extra)
    assert res.returncode == 2
    assert message in res.stderr and res.stdout == ""


def test_a_round_that_is_not_an_integer_is_refused(tmp_path):
    res = run(tmp_path, {**GOLD, "round": "2"}, "--score", str(tmp_path / "score.py"))
    assert res.returncode == 2
    assert "round is not an integer: '2'" in res.stderr
