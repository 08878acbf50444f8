"""The newcomer's way in: a devcontainer that runs make setup, a README that opens with it."""

from __future__ import annotations

import json
import re

from helpers import config


def devcontainer() -> dict:
    """Return .devcontainer/devcontainer.json (JSON with // comments)."""
    text = (config.ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    return json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))


def test_the_devcontainer_is_python_311_and_runs_make_setup():
    spec = devcontainer()
    assert re.search(r"python:\S*3\.1[1-9]", spec["image"]), spec["image"]
    assert spec["postCreateCommand"] == "make setup"
    assert spec["customizations"]["vscode"]["settings"]["python.defaultInterpreterPath"]. \
        endswith("/.venv/bin/python")


def test_the_readme_opens_with_the_picture_and_the_two_commands():
    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[:readme.index("## What runs")]
    picture = re.search(r'<img src="([^"]+)"[^>]* alt="[^"]{20,}"', quick)
    assert picture and (config.ROOT / picture.group(1)).is_file()
    assert (config.ROOT / picture.group(1)).stat().st_size < 200_000
    assert "make reports" in quick and "make test" in quick and "reports/index.html" in quick
