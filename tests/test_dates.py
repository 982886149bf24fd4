"""Dates as written in news -> ISO, relative to the article's date (no model needed)."""
from __future__ import annotations

import datetime as dt

import pytest

from graphbuild.dates import normalize_date, parse_doc_date

MONDAY = dt.date(2016, 5, 2)


@pytest.mark.parametrize("text,expected", [
    ("May 3", "2016-05-03"),
    ("on May 3", "2016-05-03"),
    ("late on April 29", "2016-04-29"),
    ("3 May 2015", "2015-05-03"),
    ("the 3rd of May", "2016-05-03"),
    ("Sept. 4", "2016-09-04"),
    ("2016-04-01", "2016-04-01"),
    # a month far behind the article's is last year's
    ("December 30", "2015-12-30"),
    ("yesterday", "2016-05-01"),
    ("today", "2016-05-02"),
    ("tomorrow", "2016-05-03"),
    ("on Sunday", "2016-05-01"),
    ("Tuesday morning", "2016-04-26"),
    ("next Friday", "2016-05-06"),
    ("at the weekend", "2016-04-30"),
])
def test_past_and_written_dates(text, expected):
    assert normalize_date(text, MONDAY) == expected


@pytest.mark.parametrize("text,expected", [
    # a planned event's weekday is the next one
    ("on Sunday", "2016-05-08"),
    ("Tuesday", "2016-05-03"),
    ("this weekend", "2016-05-07"),
])
def test_future_weekdays_for_planned_events(text, expected):
    assert normalize_date(text, MONDAY, future=True) == expected


@pytest.mark.parametrize("text", ["last week", "more than a week", "the 1990s", "February 30"])
def test_text_that_names_no_single_day(text):
    assert normalize_date(text, MONDAY) is None


def test_relative_dates_need_a_reference():
    assert normalize_date("yesterday", None) is None
    assert normalize_date("May 3", None) is None
    assert normalize_date("May 3, 2016", None) == "2016-05-03"


@pytest.mark.parametrize("value,expected", [
    ("2016-05-02", MONDAY),
    ("2016-05-02T10:30:00Z", MONDAY),
    ("May 2, 2016", MONDAY),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_document_date(value, expected):
    assert parse_doc_date(value) == expected
