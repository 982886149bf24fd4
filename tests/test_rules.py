"""The event rules run in the order declared in graphbuild/extraction/rules.py.

Adding a rule: write it in triggers.py as ``def _name(cand: Candidate) -> bool`` with a
docstring holding an example phrase, and put it in a tuple of rules.py.  The first tests
fail for a step that is written but never declared (it would never run) or declared
without a docstring; the table shows, for one sentence per step, what that step changes
-- ``without(...)`` is how to see what yours does.
"""
from __future__ import annotations

import inspect
import re

import pytest

from graphbuild.events import extract_document
from graphbuild.extraction import rules, triggers
from graphbuild.types import Document

DECLARED = [*rules.VERB_STEPS, *rules.NOUN_STEPS, *rules.OTHER_NOUN_STEPS,
            *(s for steps in rules.NOUN_STEPS_BY_TYPE.values() for s in steps), *rules.VERB_TARGETS.values()]


def _is_step(fn) -> bool:
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())
    return len(params) == 1 and params[0].annotation == "Candidate" and sig.return_annotation == "bool"


STEPS = {name: fn for name, fn in vars(triggers).items()
         if inspect.isfunction(fn) and fn.__module__ == triggers.__name__ and _is_step(fn)}


def test_every_declared_step_is_a_documented_rule_with_an_example():
    for step in DECLARED:
        assert _is_step(step), f"{step.__name__} is no step (def _name(cand: Candidate) -> bool)"
        doc = inspect.getdoc(step) or ""
        assert re.search(r'"[^"]{3,}"', doc), f"{step.__name__}: a docstring with an example phrase"


def test_every_step_written_is_declared():
    """A step missing from rules.py never runs (steps a declared step calls itself count)."""
    used = {s.__name__ for s in DECLARED} | set(rules._verb_targets.__code__.co_names)
    used |= {n for s in DECLARED for n in s.__code__.co_names if n in STEPS}
    assert set(STEPS) <= used, f"written but never run: {sorted(set(STEPS) - used)}"


def kinds(pipeline, text: str) -> list[tuple[str, str]]:
    doc = pipeline.parse(text)
    return sorted((e.type, e.cameo) for e in extract_document(doc, Document(id="t", text=text)).events)


def without(monkeypatch, name: str) -> None:
    """Run the rules as declared, but for the step ``name``."""
    def drop(steps):
        return tuple(s for s in steps if s.__name__ != name)
    for table in ("VERB_STEPS", "NOUN_STEPS", "OTHER_NOUN_STEPS"):
        monkeypatch.setattr(rules, table, drop(getattr(rules, table)))
    monkeypatch.setattr(rules, "NOUN_STEPS_BY_TYPE", {k: drop(v) for k, v in rules.NOUN_STEPS_BY_TYPE.items()})


# sentence, the step, (type, CAMEO) of its events with the step, and without it
STEP_EFFECTS = [
    ("Stocks rallied on Wall Street on Friday.", "_crowd_protest", [], [("protest", "141")]),
    ("The storm struck the coast overnight.", "_attack_fits", [], [("attack", "190")]),
    ("The two agencies shared a partnership of 181 runs.", "_agreement_object_fits", [], [("agreement", "064")]),
    ("President Bush called on President Marcos at the palace.", "_visit_not_appeal",
     [("meeting", "042")], [("appeal", "020")]),
    ("Health Minister John Brennan warned of a new computer virus.", "_warning_of_danger",
     [("statement", "012")], [("threat", "130")]),
    ("The unions threatened to strike next week.", "_threat_of_protest", [("threat", "133")], [("threat", "130")]),
    ("Kurti said Serbia was running away from its obligations.", "_accusing_report",
     [("accusation", "112")], [("statement", "010")]),
    ("Teachers went on strike on Monday over pay.", "_strike_of_workers", [("protest", "143")], []),
    ("The Sudanese army launched rockets on Sunday.", "_weapon_aimed", [], [("attack", "195")]),
]


@pytest.mark.model
@pytest.mark.parametrize("text,step,with_step,without_step", STEP_EFFECTS)
def test_what_each_step_decides(pipeline, monkeypatch, text, step, with_step, without_step):
    assert step in STEPS and getattr(triggers, step) in DECLARED
    assert kinds(pipeline, text) == with_step
    without(monkeypatch, step)
    assert kinds(pipeline, text) == without_step
