"""The package's import graph, read from the source (no import is run).

Every ``import`` counts, also one inside a function or under ``TYPE_CHECKING``: a
cycle hidden in a function body is still two modules that need each other.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "graphbuild"

#: The extraction stage: one parsed document -> actors, places, events.  It never needs
#: the merging across documents (resolve) or any later stage.
EXTRACTION = ("graphbuild.nlp", "graphbuild.names", "graphbuild.lexicon", "graphbuild.mentions",
              "graphbuild.events", "graphbuild.extraction")
LATER_STAGES = ("graphbuild.resolve", "graphbuild.corpus", "graphbuild.graph", "graphbuild.render",
                "graphbuild.export", "graphbuild.cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """``module -> the graphbuild modules it imports`` for every module of the package."""
    files = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                # "from .x import y": the module x.y when y is a module, else x itself.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            else:
                continue
            edges.update(t for t in targets if t in files and t != name)
        graph[name] = edges
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        for nxt in graph.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first = last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for nxt in sorted(graph[m]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_graph_is_read():
    graph = import_graph()
    assert "graphbuild.names" in graph["graphbuild.nlp"]
    assert "graphbuild.types" in graph["graphbuild.resolve"]


def test_no_import_cycle():
    assert _cycle(import_graph()) is None, " -> ".join(_cycle(import_graph()))


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("stage", EXTRACTION)
def test_extraction_never_imports_a_later_stage(stage):
    graph = import_graph()
    for module in [m for m in graph if m == stage or m.startswith(stage + ".")]:
        assert not _reachable(graph, module) & set(LATER_STAGES), module


def test_names_need_no_spacy_and_no_other_stage():
    tree = ast.parse((PACKAGE / "names.py").read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
    assert not any(m.startswith("spacy") or m.startswith("graphbuild") for m in imported)
    assert import_graph()["graphbuild.names"] <= {"graphbuild.util"}
