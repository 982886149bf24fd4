"""Protests (CAMEO 14): the crowd that acts decides it, not the word alone."""
from __future__ import annotations

import pytest

from graphbuild.events import extract_document
from graphbuild.types import Document

pytestmark = pytest.mark.model


def kinds(pipeline, text: str) -> set[tuple[str, str, str]]:
    """(type, CAMEO code, status) of every event of ``text``."""
    doc = pipeline.parse(text)
    return {(e.type, e.cameo, e.status) for e in extract_document(doc, Document(id="t", text=text)).events}


PROTESTS = [
    # a crowd demonstrates, rallies, marches (141)
    ("Thousands of people protested in the streets of the capital on Sunday.", "141", "occurred"),
    ("Hundreds of students demonstrated outside the parliament against the new fees.", "141", "occurred"),
    ("Opposition supporters rallied in the capital.", "141", "occurred"),
    ("Protests erupted in several cities after the election.", "141", "occurred"),
    ("About 500 nurses left their wards to protest outside the hospital.", "141", "occurred"),
    # hunger strike (142), strike or boycott (143)
    ("The prisoners began a hunger strike to demand better conditions.", "142", "occurred"),
    ("Teachers went on strike on Monday over pay.", "143", "occurred"),
    ("The workers have been on strike for three weeks.", "143", "occurred"),
    ("Nurses will strike next week, the union said.", "143", "planned"),
    # obstruct or block (144), protest violently (145)
    ("Farmers blocked the main highway with tractors.", "144", "occurred"),
    ("Truckers have blockaded fuel depots across the country.", "144", "occurred"),
    ("Rioters clashed with police in the suburbs.", "145", "occurred"),
]


@pytest.mark.parametrize("text,code,status", PROTESTS)
def test_protests(pipeline, text, code, status):
    assert ("protest", code, status) in kinds(pipeline, text)


NOT_PROTESTS = [
    # an official complaint by a state or a body is an accusation (114), not a demonstration
    ("China protested to Japan about the visit to the shrine.", ("accusation", "114", "occurred")),
    ("Ambassador Smith lodged a protest with the foreign ministry.", ("accusation", "114", "occurred")),
    # a threat to strike threatens a protest (133): the strike has not happened
    ("The unions threatened to strike if the government cut wages.", ("threat", "133", "occurred")),
    # air strikes are attacks
    ("The United States launched strikes against militant positions.", ("attack", "195", "occurred")),
    # no crowd, no protest
    ("Shares rallied on Wall Street.", None),
    ("Troops marched into the city.", None),
    ("Palestinian leaders said they would boycott all contact with the United States.", ("threat", "130", "planned")),
]


@pytest.mark.parametrize("text,expected", NOT_PROTESTS)
def test_not_protests(pipeline, text, expected):
    found = kinds(pipeline, text)
    assert not any(kind == "protest" for kind, _, _ in found), found
    if expected is not None:
        assert expected in found
