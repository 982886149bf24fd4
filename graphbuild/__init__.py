"""graphbuild: turn news articles into an interactive network of actors and events.

>>> import graphbuild
>>> x = graphbuild.extract(["articles/"])          # doctest: +SKIP
>>> G = graphbuild.build_graph(x)                   # doctest: +SKIP
>>> graphbuild.render_html(G, "output/network.html")  # doctest: +SKIP
>>> graphbuild.show(G)                              # in Jupyter  # doctest: +SKIP

Names are imported on first use, so ``import graphbuild`` (and the CLI's
``--help``) stays fast: spaCy loads only when something is parsed.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    # records
    "Document": "types", "Dateline": "types", "Actor": "types", "Place": "types", "Event": "types",
    "DocExtraction": "types", "Extraction": "types", "GraphbuildError": "types",
    # read / nlp / extract / resolve
    "iter_documents": "read", "sample_documents": "read", "load_pipeline": "nlp", "extract_document": "extraction",
    "resolve": "resolve",
    # the corpus runner
    "extract": "corpus", "extract_text": "corpus",
    # graph and analysis
    "build_graph": "graph", "aggregate": "graph", "centrality": "graph", "communities": "graph",
    "ego_graph": "graph", "filter_events": "graph", "min_weight": "graph", "top_actors": "graph",
    "actors_table": "graph", "events_table": "graph", "ranking": "graph", "event_records": "graph",
    "graph_from_json": "graph",
    # page and notebook
    "render_html": "render", "show": "render", "page_data": "render", "to_pyvis": "render",
    # exports
    "write_extraction_json": "export", "read_extraction_json": "export", "write_graphml": "export",
    "write_gexf": "export", "write_node_link_json": "export", "write_events_csv": "export",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
