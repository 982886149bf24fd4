"""The notebooks run top to bottom, and are committed without outputs."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: strip outputs before committing"


@pytest.mark.model
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # Only looked up: importing ipykernel here would make this process look like a
    # Jupyter kernel, where graphbuild runs no worker processes (corpus._fork_context).
    if importlib.util.find_spec("ipykernel") is None:
        pytest.skip("needs ipykernel")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    html_outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                    if "text/html" in o.get("data", {})]
    # The network pages are embedded inline (an iframe's srcdoc), not links to files.
    assert any("srcdoc=" in o["data"]["text/html"] for o in html_outputs)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
