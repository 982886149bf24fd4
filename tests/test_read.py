"""Tests for graphbuild.read: inputs, formats, encodings, bad inputs, boilerplate.

Static inputs live in tests/data/read; binary and re-encoded files are written
to ``tmp_path`` so the repository holds text only.  No spaCy model is needed.
"""
from __future__ import annotations

import doctest
import io
import itertools
import os
import random
from pathlib import Path

import pytest

import graphbuild.read as read
from graphbuild.read import (
    ReadProblem,
    clean_text,
    document_from_text,
    iter_documents,
    read_text_file,
)
from graphbuild.types import Dateline, Document, GraphbuildError

DATA = Path(__file__).parent / "data" / "read"
SAMPLE = Path(__file__).parents[1] / "graphbuild" / "data" / "samples" / "kerry_geneva.txt"

ARTICLE = (
    "The harbour authority approved a new ferry route on Tuesday, officials said.\n\n"
    "The service will start in June and run twice a day.\n"
)


def collect(inputs, **kwargs) -> tuple[list[Document], list[ReadProblem]]:
    """Run iter_documents and return (documents, problems)."""
    problems: list[ReadProblem] = []
    docs = list(iter_documents(inputs, on_problem=problems.append, **kwargs))
    return docs, problems


def write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def chdir_tmp(tmp_path, monkeypatch) -> Path:
    """Work inside tmp_path so ids typed as relative paths are short and exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- #
# Formats
# --------------------------------------------------------------------------- #


def test_txt_named_directly_uses_typed_path_as_id_and_cleans_boilerplate():
    path = str(DATA / "corpus" / "a.txt")
    docs, problems = collect([path])
    assert problems == []
    [doc] = docs
    assert doc.id == path.replace(os.sep, "/")
    assert doc.source == path
    assert doc.text.startswith("The port authority of Valmora approved a new ferry route")
    assert doc.text.endswith("the harbour master, Ines Calder.")
    assert "Skip to main content" not in doc.text
    assert "Editing by" not in doc.text
    assert doc.title == "Harbour Authority Approves New Ferry Route"


def test_html_keeps_only_article_paragraphs_and_reads_metadata():
    docs, problems = collect([DATA / "article.html"])
    assert problems == []
    [doc] = docs
    for noise in ("SCRIPTNOISE", "STYLENOISE", "MENUNOISE", "NAVNOISE", "ASIDENOISE", "FOOTERNOISE"):
        assert noise not in doc.text
    assert "console.log" not in doc.text and "<p>" not in doc.text
    assert doc.text.startswith("The foreign ministers of Arvenia and Delmark met in Lakeport")
    assert "ended without a joint statement" in doc.text
    assert doc.text.endswith("the host government announced in the evening.")
    assert doc.title.startswith("Ministers meet in Lakeport")
    assert doc.date == "2016-05-02"


def test_html_falls_back_to_paragraphs_when_trafilatura_finds_nothing(monkeypatch, tmp_path):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    html = (
        "<html><head><title>Fallback page</title><script>var x='SCRIPTNOISE';</script></head><body>"
        "<nav><p>NAVNOISE links</p></nav><p>First paragraph of the story, with a full sentence.</p>"
        "<div><p>Second paragraph, also part of the story.</p></div>"
        "<footer><p>FOOTERNOISE</p></footer></body></html>"
    )
    docs, problems = collect([write(tmp_path / "page.html", html)])
    assert problems == []
    [doc] = docs
    assert doc.text == (
        "First paragraph of the story, with a full sentence.\n\n"
        "Second paragraph, also part of the story."
    )
    assert doc.title == "Fallback page"


def test_html_uses_declared_charset(tmp_path):
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Prices</title></head><body><article>'
        "<p>The ferry ticket now costs \u00a312 for adults and \u00a36 for children, the operator said on Monday.</p>"
        "<p>The operator said the change was needed to pay for two new boats ordered last year.</p>"
        "<p>Passengers' groups said the increase was too steep for families who travel every day.</p>"
        "</article></body></html>"
    ).encode("latin-1")
    [doc], problems = collect([write(tmp_path / "prices.htm", html)])
    assert problems == []
    assert "costs \u00a312 for adults" in doc.text


def test_html_without_text_is_a_problem(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><script>var a = 1;</script></head><body></body></html>")
    docs, problems = collect([path])
    assert docs == []
    assert problems == [ReadProblem(path, "no article text found in HTML")]


def test_jsonl_records_ids_metadata_and_bad_lines():
    path = str(DATA / "records.jsonl")
    name = path.replace(os.sep, "/")
    docs, problems = collect([path], date="2000-01-01")
    by_id = {d.id: d for d in docs}
    assert list(by_id) == ["rec-1", f"{name}:2", "6"]
    first = by_id["rec-1"]
    assert first.text.startswith("The river authority opened the new dam")
    assert (first.title, first.date, first.source) == ("Dam opens", "2016-03-04", "https://example.org/dam")
    # No id: "<file>:<line>"; no date: the default; no url: the path.
    second = by_id[f"{name}:2"]
    assert second.text.startswith("Two mayors signed")
    assert (second.date, second.source) == ("2000-01-01", path)
    assert by_id["6"].text.startswith("The national bank kept interest rates")
    assert [p.path for p in problems] == [f"{path}:3", f"{path}:4"]
    assert problems[0].reason.startswith("invalid JSON on line 3")
    assert problems[1].reason == "no 'text' field on line 4"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("[1, 2]", "line 2 is not a JSON object"),
        ('{"text": 5}', "'text' on line 2 is not a string"),
        ('{"text": "   "}', "empty 'text' field on line 2"),
        ('{"id": [1], "text": "A full sentence about the council vote."}', "'id' on line 2 is not a string or integer"),
        ('{"text": "With reporting by Example Wire"}', "no article text left after removing boilerplate on line 2"),
    ],
)
def test_jsonl_line_problems_name_the_line(tmp_path, line, reason):
    good = '{"id": "ok", "text": "The council voted to approve the budget on Thursday."}'
    path = write(tmp_path / "in.jsonl", good + "\n" + line + "\n")
    docs, problems = collect([path])
    assert [d.id for d in docs] == ["ok"]
    assert problems == [ReadProblem(f"{path}:2", reason)]


def test_jsonl_duplicate_record_id_is_reported(tmp_path):
    lines = [
        '{"id": "x", "text": "The first record about the harbour reopening on Monday."}',
        '{"id": "x", "text": "A second record that reuses the same id on Tuesday."}',
    ]
    path = write(tmp_path / "dup.jsonl", "\n".join(lines))
    docs, problems = collect([path])
    assert [(d.id, d.text[:9]) for d in docs] == [("x", "The first")]
    assert problems == [ReadProblem(f"{path}:2", f"duplicate id 'x' (already used by {path}:1)")]


def test_jsonl_in_latin1_and_crlf(tmp_path):
    data = '{"id": "p", "text": "The fine was \u00a35 per ticket, the court said."}\r\n'.encode("latin-1")
    [doc], problems = collect([write(tmp_path / "l1.json-lines", data)])
    assert problems == []
    assert doc.text == "The fine was \u00a35 per ticket, the court said."


def test_jsonl_in_utf16(tmp_path):
    data = '{"id": "u", "text": "The mayor met the governor in the capital on Friday."}\n'.encode("utf-16")
    [doc], problems = collect([write(tmp_path / "u16.jsonl", data)])
    assert problems == []
    assert (doc.id, doc.text) == ("u", "The mayor met the governor in the capital on Friday.")


def test_stdin_plain_text():
    docs, problems = collect(["-"], stdin=io.StringIO("Breaking News\n\n" + ARTICLE), date="2016-05-02")
    assert problems == []
    [doc] = docs
    assert (doc.id, doc.source, doc.date) == ("<stdin>", "<stdin>", "2016-05-02")
    assert doc.text == ARTICLE.strip()


def test_stdin_jsonl_with_a_bad_line():
    stream = io.StringIO(
        '{"id": "a", "text": "The council met on Monday to approve the new budget."}\n'
        "not json at all\n"
        '{"text": "The mayor resigned on Tuesday after a long dispute with the council."}\n'
    )
    docs, problems = collect(["-"], stdin=stream)
    assert [(d.id, d.text.split()[1]) for d in docs] == [("a", "council"), ("<stdin>:3", "mayor")]
    assert [p.path for p in problems] == ["<stdin>:2"]
    assert problems[0].reason.startswith("invalid JSON on line 2")


def test_stdin_bytes_are_decoded_like_a_file():
    stream = io.TextIOWrapper(io.BytesIO("The fine was \u00a35, the court ruled on Monday.".encode("cp1252")), encoding="utf-8")
    [doc], problems = collect(["-"], stdin=stream)
    assert problems == []
    assert doc.text == "The fine was \u00a35, the court ruled on Monday."


def test_stdin_empty_and_named_twice():
    docs, problems = collect(["-", "-"], stdin=io.StringIO(""))
    assert docs == []
    assert problems == [ReadProblem("<stdin>", "empty input")]


# --------------------------------------------------------------------------- #
# Encodings
# --------------------------------------------------------------------------- #

TEXT = "The minister said the talks in Gen\u00e8ve would resume, at a cost of \u00a35 million."


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(TEXT.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(TEXT.encode("latin-1"), id="latin-1"),
        pytest.param(TEXT.encode("cp1252"), id="cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoded):
    path = write(tmp_path / "article.txt", encoded)
    assert read_text_file(path) == TEXT
    [doc], problems = collect([path])
    assert problems == []
    assert doc.text == TEXT


def test_latin1_pound_byte_is_a_pound_sign(tmp_path):
    path = write(tmp_path / "pound.txt", b"It cost \xa35.")
    assert read_text_file(path) == "It cost \u00a35."


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will not leave,\u201d the mayor said \u2014 and he didn\u2019t.",
        # cp1250 also has curly quotes but reads the "\u00e8" byte as "\u010d": cp1252 must win.
        "\u201cThe talks in Gen\u00e8ve are over,\u201d he said.",
    ],
)
def test_cp1252_curly_quotes_and_dashes(tmp_path, text):
    path = write(tmp_path / "quotes.txt", text.encode("cp1252"))
    assert read_text_file(path) == text


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Le pr\u00e9sident a d\u00e9clar\u00e9 que la r\u00e9union \u00e0 Gen\u00e8ve \u00e9tait tr\u00e8s importante pour l'\u00e9t\u00e9.", "latin-1"),
        ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0431\u044b\u043b\u0438 \u0442\u0440\u0443\u0434\u043d\u044b\u043c\u0438 \u0438 \u0434\u043e\u043b\u0433\u0438\u043c\u0438.", "cp1251"),
    ],
    ids=["french-latin-1-stays-western", "russian-cp1251-detected"],
)
def test_legacy_codec_choice(tmp_path, text, codec):
    path = write(tmp_path / "legacy.txt", text.encode(codec))
    assert read_text_file(path) == text


def test_line_endings_become_newlines(tmp_path):
    path = write(tmp_path / "crlf.txt", b"First line of the note.\r\nSecond line.\rThird line.\r\n")
    assert read_text_file(path) == "First line of the note.\nSecond line.\nThird line.\n"


def test_huge_file_is_read(tmp_path):
    paragraph = "The committee met again on Monday and agreed to publish its report next month.\n\n"
    repeats = 10 * 1024 * 1024 // len(paragraph) + 1
    path = write(tmp_path / "huge.txt", paragraph * repeats)
    [doc], problems = collect([path])
    assert problems == []
    assert len(doc.text) >= 10 * 1024 * 1024 - len(paragraph)
    assert doc.text.endswith("report next month.")


# --------------------------------------------------------------------------- #
# Bad inputs
# --------------------------------------------------------------------------- #

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def random_bytes(size: int, *, nul: bool) -> bytes:
    rng = random.Random(1234)
    return bytes(rng.choice(range(0 if nul else 1, 256)) for _ in range(size))


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  ", "empty file (only whitespace)"),
        ("blank16.txt", "   \n  ".encode("utf-16"), "empty file (only whitespace)"),
        ("image.txt", PNG_HEADER, "binary file (not text)"),
        ("signature_only.txt", b"\x89PNG\r\n\x1a\n", "binary file (not text)"),
        ("random.txt", random_bytes(4096, nul=True), "binary file (not text)"),
        ("record.dat", b"DATA\x00\x00\x00\x10" + b"mostly readable words " * 50, "binary file (not text)"),
        ("random_no_nul.txt", random_bytes(4096, nul=False), "binary file (not text)"),
        ("controls.txt", b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08ef\x0e\x0f\x10\x11", "binary file (not text)"),
        ("broken16.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8", "undecodable text"),
        ("furniture.txt", b"With reporting by Example Wire\n\n\xe2\x80\xa2 16x9 Image\n", "no article text left after removing boilerplate"),
    ],
)
def test_bad_file_is_reported_with_its_reason(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    docs, problems = collect([path])
    assert docs == []
    assert problems == [ReadProblem(path, reason)]


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (PNG_HEADER, "binary file (not text)"), (b"\n\n  \n", "empty file (only whitespace)")],
)
def test_bad_jsonl_file_is_reported_once(tmp_path, data, reason):
    path = write(tmp_path / "bad.jsonl", data)
    assert collect([path]) == ([], [ReadProblem(path, reason)])


def test_read_text_file_raises_with_the_reason(tmp_path):
    with pytest.raises(GraphbuildError, match=r"^no such file or directory$"):
        read_text_file(tmp_path / "nope.txt")
    with pytest.raises(GraphbuildError, match=r"^empty file$"):
        read_text_file(write(tmp_path / "e.txt", b""))
    with pytest.raises(GraphbuildError, match=r"^binary file \(not text\)$"):
        read_text_file(write(tmp_path / "p.png", PNG_HEADER))


def test_missing_path_and_glob_without_match(chdir_tmp):
    docs, problems = collect(["nowhere/missing.txt", "nowhere/*.txt", "gone/**/*.html"])
    assert docs == []
    assert problems == [
        ReadProblem("nowhere/missing.txt", "no such file or directory"),
        ReadProblem("nowhere/*.txt", "no files match this pattern"),
        ReadProblem("gone/**/*.html", "no files match this pattern"),
    ]


def test_folder_without_readable_files(chdir_tmp):
    write(chdir_tmp / "folder" / "photo.png", PNG_HEADER)
    write(chdir_tmp / "folder" / ".hidden.txt", ARTICLE)
    docs, problems = collect(["folder"])
    assert docs == []
    assert len(problems) == 1
    assert problems[0].path == "folder"
    assert problems[0].reason.startswith("folder has no readable files")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_real_permissions(tmp_path):
    path = write(tmp_path / "secret.txt", ARTICLE)
    os.chmod(path, 0)
    try:
        assert collect([path]) == ([], [ReadProblem(path, "permission denied")])
    finally:
        os.chmod(path, 0o644)


def test_unreadable_file_reason(tmp_path, monkeypatch):
    """The permission path, exercised even as root by making open() refuse one file."""
    secret = write(tmp_path / "secret.txt", ARTICLE)
    public = write(tmp_path / "public.txt", ARTICLE)
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if os.fspath(file) == secret:
            raise PermissionError(13, "Permission denied", secret)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    docs, problems = collect([secret, public])
    assert [d.source for d in docs] == [public]
    assert problems == [ReadProblem(secret, "permission denied")]


def test_one_bad_file_never_loses_the_others(chdir_tmp):
    write(chdir_tmp / "in" / "1_good.txt", "Alpha: " + ARTICLE)
    write(chdir_tmp / "in" / "2_empty.txt", b"")
    write(chdir_tmp / "in" / "3_binary.txt", PNG_HEADER)
    write(chdir_tmp / "in" / "4_good.txt", "Bravo: " + ARTICLE)
    write(chdir_tmp / "in" / "5_records.jsonl", '{"id": "c", "text": "Charlie: the council met on Monday."}\n{oops}\n')
    docs, problems = collect(["in", "missing.txt", "in/*.nomatch", "-"], stdin=io.StringIO("Delta: " + ARTICLE))
    assert [(d.id, d.text.split(":")[0]) for d in docs] == [
        ("1_good.txt", "Alpha"),
        ("4_good.txt", "Bravo"),
        ("c", "Charlie"),
        ("<stdin>", "Delta"),
    ]
    assert [(p.path, p.reason.split(" on line")[0]) for p in problems] == [
        ("in/2_empty.txt", "empty file"),
        ("in/3_binary.txt", "binary file (not text)"),
        ("in/5_records.jsonl:2", "invalid JSON"),
        ("missing.txt", "no such file or directory"),
        ("in/*.nomatch", "no files match this pattern"),
    ]


def test_problems_are_skipped_silently_without_callback(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    docs = list(iter_documents([tmp_path / "missing.txt", write(tmp_path / "e.txt", b""), good]))
    assert [d.source for d in docs] == [good]


def test_read_problem_to_dict():
    assert ReadProblem("a.jsonl:3", "no 'text' field on line 3").to_dict() == {
        "path": "a.jsonl:3",
        "reason": "no 'text' field on line 3",
    }


# --------------------------------------------------------------------------- #
# Folders, globs, ids, laziness
# --------------------------------------------------------------------------- #


def test_folder_recursion_relative_ids_stable_order_and_hidden_skipped():
    docs, problems = collect([DATA / "corpus"])
    assert problems == []
    assert [d.id for d in docs] == ["a.txt", "sub/b.txt", "sub/deeper/c.htm"]
    assert [d.source for d in docs] == [
        os.path.join(str(DATA / "corpus"), *d.id.split("/")) for d in docs
    ]
    assert docs[1].text.startswith("Farmers in the northern valley")
    assert docs[2].text.startswith("The city council of Brenford voted")
    # The hidden inputs exist, with text suffixes, and are still not read.
    assert (DATA / "corpus" / ".hidden" / "x.txt").is_file() and (DATA / "corpus" / ".skip.txt").is_file()
    assert not any("hidden" in d.text for d in docs)


def test_explicit_file_is_read_whatever_its_suffix():
    path = str(DATA / "corpus" / "notes.md")
    [doc], problems = collect([path])
    assert problems == []
    assert doc.text.startswith("These notes have a suffix the folder walk does not read")


def test_glob_patterns_sorted_with_typed_paths_as_ids(chdir_tmp):
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/deep/d.txt"):
        write(chdir_tmp / "news" / name, f"{name} says: " + ARTICLE)
    docs, _ = collect(["news/*.txt"])
    assert [d.id for d in docs] == ["news/a.txt", "news/b.txt"]
    docs, _ = collect(["news/**/*.txt"])
    assert [d.id for d in docs] == ["news/a.txt", "news/b.txt", "news/sub/c.txt", "news/sub/deep/d.txt"]
    assert docs[3].text.startswith("sub/deep/d.txt says:")


def test_same_file_named_twice_is_yielded_once(chdir_tmp):
    write(chdir_tmp / "news" / "a.txt", ARTICLE)
    docs, problems = collect(["news/a.txt", "./news/a.txt", "news", "news/*.txt"])
    assert problems == []
    assert [d.id for d in docs] == ["news/a.txt"]


def test_different_files_with_the_same_relative_id_both_kept(chdir_tmp):
    write(chdir_tmp / "2015" / "report.txt", "Older: " + ARTICLE)
    write(chdir_tmp / "2016" / "report.txt", "Newer: " + ARTICLE)
    docs, problems = collect(["2015", "2016"])
    assert problems == []
    assert [(d.id, d.text[:5]) for d in docs] == [("report.txt", "Older"), ("2016/report.txt", "Newer")]


def test_default_date_fills_only_missing_dates():
    docs, _ = collect([DATA / "article.html", DATA / "corpus" / "sub" / "b.txt"], date="1999-12-31")
    assert [d.date for d in docs] == ["2016-05-02", "1999-12-31"]


def test_a_single_path_is_not_split_into_characters():
    [doc] = list(iter_documents(str(DATA / "corpus" / "sub" / "b.txt")))
    assert doc.text.startswith("Farmers")


def test_inputs_are_consumed_lazily(chdir_tmp):
    write(chdir_tmp / "news" / "a.txt", "First: " + ARTICLE)
    problems: list[ReadProblem] = []
    # An endless input list: only a generator can hand back the first document.
    inputs = itertools.chain(["news"], (f"missing{i}.txt" for i in itertools.count()))
    docs = iter_documents(inputs, on_problem=problems.append)
    assert next(docs).text.startswith("First:")
    assert problems == []


def test_files_are_read_only_when_reached(chdir_tmp):
    write(chdir_tmp / "news" / "a.txt", "First: " + ARTICLE)
    write(chdir_tmp / "news" / "b.txt", "Second: " + ARTICLE)
    problems: list[ReadProblem] = []
    docs = iter_documents(["news"], on_problem=problems.append)
    assert next(docs).text.startswith("First:")
    # b.txt has not been read yet: removing it now is seen when the walk reaches it.
    os.remove(chdir_tmp / "news" / "b.txt")
    assert list(docs) == []
    assert problems == [ReadProblem(os.path.join("news", "b.txt"), "no such file or directory")]


# --------------------------------------------------------------------------- #
# Boilerplate rules (synthetic texts) and the sample article
# --------------------------------------------------------------------------- #


def test_sample_article_is_cleaned_to_its_paragraphs():
    doc = next(iter_documents([SAMPLE]))
    assert doc.text.startswith("U.S. Secretary of State John Kerry said on May 2")
    assert doc.text.endswith("sought refuge outside of the country.")
    assert doc.title == "Kerry: Syrian Cease-Fire 'Understanding' Closer, But Work To Do"
    # The middle is untouched: every kept paragraph is an original line.
    original = set(SAMPLE.read_text(encoding="utf-8").split("\n"))
    assert all(line in original for line in doc.text.split("\n"))
    assert doc.text.count("\n\n") >= 20


def test_rule1_leading_navigation_lines_are_dropped():
    text = "Main Menu\nLatest\nLive Updates\n\nThe museum reopened on Sunday after a two-year restoration, its director said.\n\nMore paragraphs follow here."
    assert clean_text(text) == (
        "The museum reopened on Sunday after a two-year restoration, its director said.\n\nMore paragraphs follow here."
    )


def test_rule1_keeps_a_real_first_paragraph_and_a_note_without_prose():
    text = "The museum reopened on Sunday after a two-year restoration, its director said.\nVisitors queued for hours."
    assert clean_text(text) == text
    assert clean_text("Museum reopens in Oldtown") == "Museum reopens in Oldtown"
    # A short sentence at the top is content, not a label: nothing before it is lost either.
    assert clean_text("He resigned.\n\nThe mayor left office on Friday after ten years.") == (
        "He resigned.\n\nThe mayor left office on Friday after ten years."
    )


def test_rule1_headline_becomes_the_title():
    doc = document_from_text(
        "Top Stories\n\nMuseum Reopens After Long Restoration\n\nThe museum reopened on Sunday, its director said.",
        id="m",
    )
    assert doc.title == "Museum Reopens After Long Restoration"
    assert doc.text == "The museum reopened on Sunday, its director said."
    assert document_from_text("The museum reopened on Sunday, its director said.", title="Given").title == "Given"


@pytest.mark.parametrize(
    "credit",
    [
        "Reporting by Ana Lopes; Writing by Kim Berg; Editing by Sam Hart",
        "(Reporting by Ana Lopes in Oldtown; Editing by Sam Hart)",
        "Additional reporting by the Oldtown bureau",
        "Compiled by staff",
        "Photo: Oldtown Press Agency",
        "Image: courtesy of the museum",
        "Copyright 2016 Oldtown Gazette",
        "\u00a9 2016 Oldtown Gazette",
        "All rights reserved.",
        "3x2 Image",
        "\u2022 Photo",
        "* * *",
        "\u2022",
        # Contributors named at the end of a wire story.
        "Associated Press writer Ana Lopes in Oldtown contributed to this report.",
        "Ana Lopes and Kim Berg contributed reporting.",
        "Kim Berg contributed reporting from Oldtown.",
        "(Ana Lopes in Oldtown contributed to this story.)",
        # Captions closed by a photographer's credit (rule 4) go wherever they stand.
        "Protesters march in Oldtown, Monday, Oct. 21, 2019. (AP Photo/Ana Lopes)",
        "Protesters march in Oldtown on October 21, 2019. REUTERS/Ana Lopes",
        "A man walks past a poster in Oldtown. AFP PHOTO / ANA LOPES",
        "A street in Oldtown after the storm (Photo by Ana Lopes/Oldtown Images)",
    ],
)
def test_rule2_credit_lines_and_placeholders_are_dropped(credit):
    text = f"The museum reopened on Sunday, its director said.\n\n{credit}\n\nVisitors queued for hours outside the building."
    assert clean_text(text) == (
        "The museum reopened on Sunday, its director said.\n\nVisitors queued for hours outside the building."
    )


def test_rule2_keeps_prose_that_merely_starts_alike():
    text = (
        "The court ruled on Monday.\n\n"
        "Copyright law in the region was last changed in 2009, the ruling noted.\n\n"
        "Image rights were not discussed."
    )
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "footer",
    [
        "The Gazette's journalists report from twelve cities. We are funded by our readers.",
        "Sign up for our daily newsletter to get the news first.",
        "We use cookies to improve your experience. Read our privacy policy.",
        "Privacy Policy | Terms of Use | Contact",
        "Our Standards: The Gazette Trust Principles.",
    ],
)
def test_rule3_trailing_publisher_paragraph_is_dropped(footer):
    body = "The museum reopened on Sunday, its director said.\n\nVisitors queued for hours outside the building."
    assert clean_text(f"{body}\n\n{footer}") == body
    assert clean_text(f"{body}\n\n{footer}\n\nFollow us on social media") == body


def test_rule3_keeps_article_paragraphs_that_mention_footer_words():
    text = (
        "The union said members would vote next week.\n\n"
        '"We will not sign up to a deal that cuts our pay," the union leader said.'
    )
    assert clean_text(text) == text
    middle = "The bakery asked customers to subscribe to a weekly bread box.\n\nSales rose by a third in May."
    assert clean_text(middle) == middle
    assert clean_text("Sign up to our newsletter.") == "Sign up to our newsletter."  # nothing else to keep


@pytest.mark.parametrize(
    "caption",
    [
        "Mayor Ana Lopes (left) shakes hands with the museum director in Oldtown",
        "The museum director (C) poses with volunteers",
        "A visitor looks on at the reopened gallery",
        "The restored gallery is seen on Sunday",
        "File photo of the museum entrance",
    ],
)
def test_rule4_caption_below_the_headline_is_dropped(caption):
    text = f"Museum Reopens After Restoration\n\n{caption}\n\nThe museum reopened on Sunday, its director said.\n"
    assert clean_text(text) == "The museum reopened on Sunday, its director said."


def test_rule4_positional_caption_inside_the_article_is_dropped_but_prose_kept():
    text = (
        "The museum reopened on Sunday, its director said.\n\n"
        "Director Ana Lopes (right) with volunteers in the main hall\n\n"
        "The director (left of the mayor in most photos) said the gallery looks on to the river."
    )
    assert clean_text(text) == (
        "The museum reopened on Sunday, its director said.\n\n"
        "The director (left of the mayor in most photos) said the gallery looks on to the river."
    )


# A one-line article: a squad list with "(c)" (captain) and "(vc)", and a footnote marker at the end.
SQUAD = (
    "Selectors have made just one change to the squad that won the opening Test. "
    "The pace bowler replaces the spin bowler, who was 12th man for the last Test. "
    "He took five wickets on day one of the tour match, but it was not enough to sway selectors. "
    "The full squad is: Steve Waugh(c), Adam Gilchrist(vc), Matthew Hayden, Justin Langer, "
    "Ricky Ponting, Mark Waugh, Damien Martyn, Shane Warne, Brett Lee and Andy Bichel."
)


@pytest.mark.parametrize("ending", ["", " [1]", "[2][3]", " [citation needed]"])
def test_a_long_article_line_with_a_position_marker_is_not_a_caption(ending):
    assert clean_text(SQUAD + ending) == SQUAD + ending


def test_a_footnote_marker_does_not_hide_the_end_of_a_sentence():
    text = "Navigation\nWorld\n\nThe museum reopened on Sunday, its director said.[1]\n\nVisitors queued for hours.[2]"
    assert clean_text(text) == "The museum reopened on Sunday, its director said.[1]\n\nVisitors queued for hours.[2]"


def test_rule1_with_one_paragraph_a_line():
    """Extractors such as trafilatura put one paragraph a line, with no blank lines."""
    text = "Top Stories\nMuseum Reopens After Restoration\nThe museum reopened on Sunday, its director said.\nVisitors queued."
    doc = document_from_text(text)
    assert doc.text == "The museum reopened on Sunday, its director said.\nVisitors queued."
    assert doc.title == "Museum Reopens After Restoration"


def test_clean_text_keeps_paragraph_layout():
    text = "Line one of a wrapped paragraph that goes on\nand continues here.\n\n\n\nSecond paragraph ends here."
    assert clean_text(text) == (
        "Line one of a wrapped paragraph that goes on\nand continues here.\n\nSecond paragraph ends here."
    )
    wrapped = "Officials in the port city said on Monday,\nafter a long meeting, that the ferry\nwould run again."
    assert clean_text(wrapped) == wrapped


def test_document_from_text_errors():
    with pytest.raises(GraphbuildError, match="empty text"):
        document_from_text("  \n ")
    with pytest.raises(GraphbuildError, match="boilerplate"):
        document_from_text("Photo: Oldtown Press Agency\n\u2022 16x9 Image")
    doc = document_from_text("A plain sentence about the vote.", "v", date="2016-01-02", source="x")
    assert doc == Document("v", "A plain sentence about the vote.", None, "2016-01-02", "x")


def test_docstring_examples_run():
    import importlib
    import pkgutil

    attempted = 0
    for module in [read] + [importlib.import_module(f"graphbuild.read.{m.name}")
                            for m in pkgutil.iter_modules(read.__path__)]:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted > 0


# --------------------------------------------------------------------------- #
# Wire datelines, agency credits, footers and photo credits
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "dateline,places,region,date,agency",
    [
        ("OLDTOWN, Oct 17 (Reuters) - ", ["Oldtown"], None, "Oct 17", "Reuters"),
        ("NEW HAVEN, Ruritania, Nov 14 (Reuters) - ", ["New Haven"], "Ruritania", "Nov 14", "Reuters"),
        ("PORT ROYAL, Ruritania (AP) \u2014 ", ["Port Royal"], "Ruritania", None, "AP"),
        ("OLDTOWN (AFP) - ", ["Oldtown"], None, None, "AFP"),
        ("Oldtown (AFP) - ", ["Oldtown"], None, None, "AFP"),
        ("OLDTOWN, March 3 - ", ["Oldtown"], None, "March 3", None),
        ("OLDTOWN, Sept. 5 (Xinhua) -- ", ["Oldtown"], None, "Sept. 5", "Xinhua"),
        ("OLDTOWN \u2013 ", ["Oldtown"], None, None, None),
        ("OLDTOWN/NEWTOWN, July 4 (Reuters) - ", ["Oldtown", "Newtown"], None, "July 4", "Reuters"),
        ("ST. MARY'S, Ill. (AP) \u2014", ["St. Mary's"], "Ill.", None, "AP"),
        ("RIO DE ORO, 5 May (dpa) - ", ["Rio de Oro"], None, "5 May", "dpa"),
    ],
)
def test_rule5_dateline_is_taken_out_of_the_text_and_kept(dateline, places, region, date, agency):
    body = "The harbour authority approved a new ferry route, officials said.\n\nThe service starts in June."
    doc = document_from_text(f"Ferry Route Approved By Harbour Board\n\n{dateline}{body}", id="d")
    assert doc.text == body
    assert doc.title == "Ferry Route Approved By Harbour Board"
    assert doc.dateline == Dateline(dateline.rstrip(" -\u2013\u2014"), places, region, date, agency)
    assert doc.date is None  # no year: the dateline alone does not say which day


def test_rule5_dateline_place_is_spelled_as_in_the_article():
    doc = document_from_text("NEW HAVEN, May 2 (Reuters) - Ferries left New Haven on Monday, officials said.")
    assert doc.dateline.places == ["New Haven"]
    doc = document_from_text("McALLISTER PARK, May 2 (Reuters) - Ferries left McAllister Park, officials said.")
    assert doc.dateline.places == ["McAllister Park"]


def test_rule5_dateline_on_a_line_of_its_own_or_wrapped():
    body = "The harbour authority approved a new ferry route, officials said."
    wrapped = document_from_text(f"OLDTOWN, Oct 17 (Reuters) -\n{body}")
    alone = document_from_text(f"Ferry Route Approved\n\nOLDTOWN, Oct 17 (Reuters) -\n\n{body}")
    for doc in (wrapped, alone):
        assert doc.text == body
        assert doc.dateline.text == "OLDTOWN, Oct 17 (Reuters)"
    assert alone.title == "Ferry Route Approved"  # the dateline is no headline


def test_rule5_a_dated_dateline_gives_the_document_date_when_it_has_none():
    text = "OLDTOWN, March 3, 2022 (Reuters) - The harbour authority approved a new ferry route, officials said."
    assert document_from_text(text).date == "2022-03-03"
    assert document_from_text(text, date="2022-03-04").date == "2022-03-04"
    assert document_from_text("OLDTOWN, 3 March 2022 - The harbour reopened.").date == "2022-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Monday it would send more ships to the region.",
        "U.S. forces - some 2,000 troops - left the base on Monday, officials said.",
        "U.S.-Russian talks resumed in Oldtown on Monday, officials said.",
        "NATO - which has 32 members - met in Oldtown on Monday, officials said.",
        "EXCLUSIVE - The harbour authority plans to sell its ferries, sources said.",
        "Oldtown (Labour) - The member asked about ferries, the record shows.",
        "OLDTOWN, Oct 17 (Reuters) the harbour authority approved a route, officials said.",
        "UNESCO \u2014 the cultural agency \u2014 listed the harbour on Monday, officials said.",
        "IRAQI FORCES TAKE KIRKUK\n\nThe harbour authority approved a new ferry route, officials said.",
    ],
)
def test_rule5_ordinary_openings_are_not_datelines(text):
    doc = document_from_text(text)
    assert doc.dateline is None
    assert doc.text.endswith(text.split("\n")[-1])


def test_rule5_a_dateline_later_in_the_article_is_left_alone():
    text = (
        "The harbour authority approved a new ferry route, officials said.\n\n"
        "OLDTOWN, Oct 17 (Reuters) - A second story was pasted below."
    )
    doc = document_from_text(text)
    assert doc.text == text and doc.dateline is None


def test_dateline_is_written_in_the_document_meta_only_when_there_is_one():
    doc = document_from_text("OLDTOWN (AP) \u2014 The harbour reopened on Monday.", id="d")
    assert doc.meta()["dateline"] == {
        "text": "OLDTOWN (AP)", "places": ["Oldtown"], "region": None, "date": None, "agency": "AP",
    }
    assert Document.from_dict({**doc.meta(), "text": doc.text}) == doc
    assert Document.from_dict(doc.to_dict()) == doc
    plain = document_from_text("The harbour reopened on Monday.", id="e")
    assert "dateline" not in plain.meta() and Document.from_dict(plain.to_dict()) == plain


@pytest.mark.parametrize(
    "sentence",
    [
        '"We contributed to this report," the auditor said.',
        "Donors contributed to this report, the minister said.",
        "The ministry said local volunteers contributed reporting.",
        '"We will fight," he said.',
    ],
)
def test_rule2_sentences_about_contributions_are_kept(sentence):
    text = f"The museum reopened on Sunday, its director said.\n\n{sentence}"
    assert clean_text(text) == text


def test_rule3_keeps_a_last_paragraph_about_standards_in_the_articles_voice():
    text = (
        "The museum reopened on Sunday, its director said.\n\n"
        "The board said its editorial standards and trust principles would not change."
    )
    assert clean_text(text) == text


def test_rule4_prose_mentioning_photos_is_kept():
    text = (
        "The museum reopened on Sunday, its director said.\n\n"
        "The gallery shows a famous photo (taken in 1921) of the harbour.\n\n"
        "Exports rose (see photo) in May\n\n"
        "Prices in USD/kg rose in May"
    )
    assert clean_text(text) == text


# --------------------------------------------------------------------------- #
# RSS and Atom feeds; formats that are refused
# --------------------------------------------------------------------------- #


def test_a_feed_with_two_items_gives_two_dated_documents():
    docs, problems = collect([DATA / "feed.rss"])
    assert problems == []
    assert [(d.id, d.date, d.title, d.source) for d in docs] == [
        (f"{DATA / 'feed.rss'}:1".replace(os.sep, "/"), "2016-05-02", "Kerry and Lavrov meet in Geneva",
         "https://news.example/2016/05/02/geneva"),
        (f"{DATA / 'feed.rss'}:2".replace(os.sep, "/"), "2016-05-03", "Modi visits Lahore",
         "https://news.example/2016/05/03/lahore"),
    ]
    # Description HTML becomes text; content:encoded wins over the teaser; scripts are dropped.
    assert docs[0].text.startswith("U.S. Secretary of State John Kerry met Russian Foreign Minister")
    assert "Kerry said the talks were useful." in docs[0].text and "<p>" not in docs[0].text
    assert docs[1].text == ("Indian Prime Minister Narendra Modi met Pakistani Prime Minister Nawaz Sharif "
                            "in Lahore on Tuesday.")


def test_an_atom_feed_gives_one_document_per_entry():
    docs, problems = collect([DATA / "feed.atom"])
    assert problems == []
    assert [(d.date, d.title, d.source, d.text) for d in docs] == [
        ("2021-11-10", "Merkel accuses Belarus", "https://news.example/merkel",
         "Chancellor Angela Merkel accused Belarus of using migrants as a weapon."),
        ("2021-11-11", "XHTML entry", "https://news.example/x",
         "Emmanuel Macron urged Iran to return to the talks in Vienna."),
    ]


@pytest.mark.parametrize("name, content, reason", [
    ("broken.rss", b'<rss version="2.0"><channel><item><title>x</item></channel></rss>',
     "malformed feed (mismatched tag: line 1, column 44)"),
    ("bomb.xml", b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                 b'<rss version="2.0"><channel><item><description>&lol2;</description></item></channel></rss>',
     "feed declares a DOCTYPE or entities (refused: they could expand without limit)"),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset><url>x</url></urlset>',
     "not an RSS or Atom feed (the XML root is <urlset>)"),
    ("empty.atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', "feed has no items"),
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF is not supported"),
    ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF is not supported"),  # by its first bytes
    ("letter.docx", b"PK\x03\x04 word", "word-processor files are not supported"),
])
def test_a_bad_feed_or_refused_format_is_named_and_the_other_files_kept(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    docs, problems = collect([tmp_path])
    assert [d.id for d in docs] == ["good.txt"]
    assert [p.path for p in problems] == [str(tmp_path / name)]
    assert problems[0].reason.startswith(reason)


def test_a_bad_item_is_skipped_and_the_others_kept(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(
        '<rss version="2.0"><channel>'
        "<item><title>empty</title><description>   </description></item>"
        "<item><pubDate>page 3</pubDate><description>The minister met his counterpart on Monday.</description></item>"
        "</channel></rss>", encoding="utf-8")
    docs, problems = collect([feed])
    assert [(d.id, d.date) for d in docs] == [(f"{feed}:2".replace(os.sep, "/"), None)]
    assert [(p.path, p.reason) for p in problems] == [
        (f"{feed}:1", "empty text in item 1"),
        (f"{feed}:2", "ignored the date 'page 3' (not a date; write it like 2016-05-02)"),
    ]


def test_every_format_has_one_row_in_the_table():
    suffixes = [s for f in read.FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert set(read.READ_SUFFIXES) <= set(read.KNOWN_SUFFIXES) == set(suffixes)
    assert all((f.read is None) == bool(f.refused) for f in read.FORMATS)
    assert read.format_of("x.RSS").name == "feed" and read.format_of("notes.md").name == "text"
