"""The README tells a newcomer the truth: every event type, the venv step, the Python version."""
from __future__ import annotations

import configparser
import re
from pathlib import Path

from graphbuild.types import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_event_type_with_its_cameo_roots():
    from graphbuild.event_types import REGISTRY

    listed = re.search(r"\*\*Event types\*\*.*?:(.*?)\n\n", README, re.S).group(1)
    for name in EVENT_TYPES:
        roots = ", ".join(REGISTRY.get(name).cameo)
        assert f"{name} ({roots})" in " ".join(listed.split()), name


def test_readme_says_how_to_run_the_installed_command_and_which_python():
    assert ". .venv/bin/activate" in README and ".venv/bin/graphbuild" in README
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    version = cfg["options"]["python_requires"].replace(">=", "").strip()
    assert f"Python {version} or later" in README
    for shot in re.findall(r"\]\((docs/[^)]+\.png)\)", README):
        assert (ROOT / shot).is_file(), shot


def test_readme_lists_the_columns_of_events_csv():
    from graphbuild.graph import EVENT_COLUMNS

    listed = re.search(r"\*\*`events.csv`\*\*.*?Columns: `(.*?)`", README, re.S).group(1)
    assert [c.strip() for c in " ".join(listed.split()).split(",")] == list(EVENT_COLUMNS)
