"""A student types answers into an exercise cell in JupyterLab (Chromium, 1024x768) and reads
the feedback: the commonest beginner mistakes get the course's one-line message.
Screenshots: build/screenshots/typed_answer_K.png.

Notebook 01, exercise 01-2 (a date): after Run All, the answer cell is replaced by what a
student types and run with Shift+Enter, in a throw-away git clone of the notebooks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import (PANEL, PROJECTOR, SHOTS, Lab, chromium_browser, open_notebook,
                             run_all)
from helpers.exercises import REGISTRY
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.browser
NOTEBOOK = "01_sources_and_data.ipynb"
EXERCISE = "01-2"


def _typed():
    """(what the student types, what the feedback must say)."""
    right = pd.Timestamp(REGISTRY[EXERCISE].expected())
    day = f"{right:%Y-%m-%d}"
    loose = f"{right.year}-{right.month}-{right.day}"  # without zeros Python subtracts
    quoted = f'put the date in quotes: answer = "{day}"'
    return [("answer = bulganin", 'put the name in quotes: answer = "bulganin"'),
            (f"answer = {day}", quoted),
            (f"answer = {loose}", quoted),
            (f'answer = pd.Timestamp("{day}")', "Correct! Well done.")]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("typed")
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    server = Lab(root, tmp_path_factory.mktemp("workspaces"))
    yield server
    server.stop()


def test_typed_answers_get_the_course_feedback(lab):
    cells = [c for c in nbformat.read(REPO_ROOT / "notebooks" / NOTEBOOK, 4).cells
             if c.cell_type == "code"]
    hidden = sum(bool(c.metadata.get("jupyter", {}).get("source_hidden")) for c in cells)
    seen = []
    with chromium_browser() as browser:
        context = browser.new_context(viewport=PROJECTOR)
        page = context.new_page()
        open_notebook(page, lab, f"notebooks/{NOTEBOOK}", "typed")
        run_all(page, lab, NOTEBOOK, len(cells), hidden)
        exercise = page.locator(f"{PANEL} .jp-CodeCell").filter(
            has_text=re.compile(r"answer = None")).filter(has_text=f'"{EXERCISE}"').first
        index = exercise.get_attribute("data-windowed-list-index")
        cell = page.locator(f"{PANEL} .jp-CodeCell[data-windowed-list-index='{index}']")
        SHOTS.mkdir(parents=True, exist_ok=True)
        for number, (typed, wanted) in enumerate(_typed(), start=1):
            cell.scroll_into_view_if_needed()
            cell.locator(".cm-content").click()
            page.keyboard.press("Control+a")
            page.keyboard.insert_text(f'{typed}\nhelpers.check("{EXERCISE}", answer)')
            page.keyboard.press("Shift+Enter")
            try:  # until the feedback shows (the assertions below say what showed instead)
                page.wait_for_function(
                    """([cell, wanted]) => document.querySelector(cell + ' .jp-OutputArea')
                           .innerText.includes(wanted)""",
                    arg=[f"{PANEL} .jp-CodeCell[data-windowed-list-index='{index}']", wanted],
                    timeout=30_000)
            except PlaywrightTimeout:
                pass
            seen.append((typed, cell.locator(".jp-OutputArea").inner_text()))
            cell.screenshot(path=str(SHOTS / f"typed_answer_{number}.png"))
        context.close()
    for (typed, wanted), (_, shown) in zip(_typed(), seen):
        assert wanted in shown, f"{typed!r} showed {shown!r}"
        assert "Traceback" not in shown and "leading zeros" not in shown, shown
        assert len(shown.strip().splitlines()) <= 3, shown
