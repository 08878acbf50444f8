"""The build's page body: nbconvert's HTML, without nbconvert's second parse of it."""

from __future__ import annotations

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers.build import exporter, publish


def notebook() -> nbformat.NotebookNode:
    """A small executed notebook: a hidden cell, a table, a chart with and one without alt."""
    shown = '<table><tr><th scope="col">Rank</th></tr><tr><td>3 &amp; 4</td></tr></table>'
    charts = ('<img src="data:image/png;base64,AAAA" width="442" alt="Rank by year">'
              '<img src="data:image/png;base64,BBBB">')
    return new_notebook(cells=[
        new_markdown_cell("# Notes", metadata={"tags": [publish.HIDE_TAG]}),
        new_code_cell("show()", outputs=[
            new_output("display_data", data={"text/html": shown}),
            new_output("display_data", data={"text/html": charts})]),
        new_markdown_cell("Ranks *out of* 63."),
    ])


def test_the_page_body_is_the_tree_nbconvert_makes_and_an_image_without_alt_gets_one():
    nb, build = notebook(), publish._exporter()
    nbconvert = HTMLExporter(config=build.config, template_name="basic")
    for setting in ("exclude_input", "exclude_input_prompt", "exclude_output_prompt"):
        setattr(nbconvert, setting, getattr(build, setting))
    ours, theirs = build.from_notebook_node(nb)[0], nbconvert.from_notebook_node(nb)[0]
    assert str(BeautifulSoup(ours, features="html.parser")) == theirs
    assert "Notes" not in ours and "Ranks <em>out of</em> 63." in ours  # hidden cell dropped
    images = BeautifulSoup(ours, features="html.parser").find_all("img")
    assert [i["alt"] for i in images] == ["Rank by year", exporter.NO_ALT_TEXT]
