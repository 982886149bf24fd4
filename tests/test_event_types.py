"""The event-type registry (data/event_types.json) and everything derived from or tested against it."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from graphbuild.extraction import records
from graphbuild.cameo import is_code
from graphbuild.event_types import REGISTRY, names
from graphbuild.lexicon import default_lexicon
from graphbuild.render import EVENT_COLORS
from graphbuild.types import ACTOR_TYPES, EVENT_TYPES
from graphbuild.util import load_data

ROOT = Path(__file__).parent.parent
SCHEMA = Path(__file__).parent / "data" / "extraction-schema.json"


def test_event_types_are_the_registry_in_its_order():
    assert EVENT_TYPES == tuple(t["name"] for t in load_data("event_types.json")["types"])


def test_page_colours_come_from_the_registry():
    assert dict(EVENT_COLORS) == {name: t.color for name, t in REGISTRY.items()}
    assert len(set(EVENT_COLORS.values())) == len(EVENT_COLORS), "two types share a colour"
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in EVENT_COLORS.values())


def test_schema_enum_is_the_registry():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["events"]["items"]["properties"]["type"]["enum"] == list(EVENT_TYPES)


def test_graph_schema_doc_lists_every_type():
    text = (ROOT / "docs" / "graph-schema.md").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "is the event type" in x)
    listed = re.search(r"\(([^)]*)\)", line).group(1).split(", ")
    assert listed == list(EVENT_TYPES)


def test_each_trigger_word_belongs_to_one_type():
    """A noun may be in two types only when one of them takes it after given verbs alone."""
    for table in ("verbs", "nouns", "phrasal"):
        seen: dict[str, str] = {}
        for name, t in REGISTRY.items():
            for word in getattr(t, table):
                if word in seen and table == "nouns":
                    narrow = [x for x in (seen[word], name) if REGISTRY[x].nouns[word][1]]
                    assert len(narrow) == 1, f"noun {word!r} is in both {seen[word]} and {name}"
                    continue
                assert word not in seen, f"{table} {word!r} is in both {seen[word]} and {name}"
                seen[word] = name


def test_a_noun_of_two_types_depends_on_its_verb():
    protest = default_lexicon().noun_trigger("protest")
    assert (protest.type, protest.cameo, "lodge" in protest.verbs) == ("accusation", "114", True)
    assert (protest.otherwise.type, protest.otherwise.cameo) == ("protest", "141")


def test_codes_fall_under_the_types_cameo_roots():
    for name, t in REGISTRY.items():
        codes = [*t.verbs.values(), *(c for c, _ in t.nouns.values()), *t.phrasal.values(), *t.rules.values(),
                 *(c for table in t.tables.values() for c in table.values() if isinstance(c, str))]
        for code in codes:
            assert is_code(code), f"{name}: {code} is no CAMEO event code"
            assert code[:2] in t.cameo, f"{name}: code {code} is outside its roots {t.cameo}"


def test_lexicon_triggers_are_the_registry_triggers():
    lex = default_lexicon()
    for name, t in REGISTRY.items():
        for lemma, code in t.verbs.items():
            assert (lex.verbs[lemma].type, lex.verbs[lemma].cameo) == (name, code)
        for noun, (code, verbs) in t.nouns.items():
            trig = lex.nouns[noun] if lex.nouns[noun].type == name else lex.nouns[noun].otherwise
            assert (trig.type, trig.cameo, trig.verbs) == (name, code, verbs)


def test_type_sets_follow_the_arguments():
    assert records.SPEECH_TYPES == {n for n, t in REGISTRY.items() if t.source == "speaker"}
    assert records.SYMMETRIC_TYPES == names(symmetric=True)
    assert records.DIRECTED_TYPES <= records.SPEECH_TYPES
    assert "statement" in records.SPEECH_TYPES and "meeting" in records.SYMMETRIC_TYPES
    assert "attack" not in records.ACTOR_TARGET_TYPES


def test_rules_name_their_type_and_code():
    assert REGISTRY.rule("according to") == ("statement", "010")
    with pytest.raises(KeyError, match="no event type"):
        REGISTRY.rule("no such rule")


def _type_literals(tree: ast.AST) -> set[str]:
    """String constants the events module compares an event type with or builds an event from."""
    found: set[str] = set()

    def strings(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            for x in node.elts:
                yield from strings(x)

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            typed = any(isinstance(s, ast.Attribute) and s.attr == "type" or isinstance(s, ast.Name)
                        and s.id == "kind" for s in sides)
            if typed:
                for s in sides:
                    found.update(strings(s))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("FoundEvent", "Trigger") and node.args:
            found.update(strings(node.args[0]))
        if isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "REGISTRY":
            found.update(strings(node.slice))
    return found


def test_events_module_names_only_registered_types():
    literals = set()
    for path in sorted(Path(records.__file__).parent.glob("*.py")):
        literals |= _type_literals(ast.parse(path.read_text(encoding="utf-8")))
    assert {"meeting", "statement", "attack"} <= literals  # the scan sees the checks
    # Entity types ("person") and intent kinds ("negative") share the comparisons' shape.
    assert literals - set(ACTOR_TYPES) - {"negative", "positive"} <= set(EVENT_TYPES)
