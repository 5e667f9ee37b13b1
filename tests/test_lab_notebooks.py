"""Every notebook in JupyterLab in Chromium, at projector size (1024x768), as a student meets it.

One browser session per notebook (a module fixture), in a throw-away git clone of the notebooks:

1. open it, wait for the kernel, scroll through: it is not marked modified, closing asks
   nothing, and the file on disk is byte-identical;
2. open it again and Run All: no error, every figure drawn; each figure is screenshotted into
   build/screenshots/ with its title and legend inside the figure's box;
3. wait as a person reading the results, then close it: no "Save your work?" dialog, and the
   file on disk is byte-identical to the committed one. (Running marks a notebook modified; the
   course's settings autosave within seconds and its save hook keeps the committed bytes: see
   course_tools.lab_settings and course_tools.save_hook.)
4. after `git checkout` of the notebooks, each opens again with no error dialog.
"""

from __future__ import annotations

import subprocess
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from browser_support import (PANEL, PROJECTOR, SHOTS, Lab, chromium_browser, close_current_tab,
                             course_clone, is_dirty, open_notebook, run_all, scroll_through, watch)
from course_tools.execute import twins, notebook_of
from course_tools.lab_settings import AUTOSAVE_S
from course_tools.export import PLOTLY_MIME
from helpers.paths import REPO_ROOT

pytestmark = pytest.mark.browser
NOTEBOOKS = [notebook_of(t) for t in twins()]
TOLERANCE_PX = 1.5

FIGURE_BOXES = """panel => [...document.querySelectorAll(panel + ' .jp-RenderedPlotly')].map(node => {
    const rect = element => {
        if (!element) return null;
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    const title = node.querySelector('.gtitle');
    return {box: rect(node.querySelector('.svg-container')), title: rect(title),
            titleText: title ? title.textContent : '', legend: rect(node.querySelector('.legend'))};
})"""


@dataclass
class Session:
    """What a person saw with one notebook (filled by the ``seen`` fixture)."""

    name: str
    dirty_after_open: bool = False
    dialog_on_clean_close: str = ""
    identical_after_open: bool = False
    errors: int = 0
    expected_figures: int = 0
    drawn_figures: int = 0
    figures: list[dict] = field(default_factory=list)
    changed_on_open: list[str] = field(default_factory=list)
    dialog_after_run: str = ""
    seconds_marked_modified: float = 0.0
    identical_after_run: bool = False
    changed_by_run: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A git clone's worth of the course's notebooks (and their text sources)."""
    return course_clone(tmp_path_factory.mktemp("clone"), with_sources=True)


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def lab(clone, tmp_path_factory):
    server = Lab(clone, tmp_path_factory.mktemp("workspaces"))
    yield server
    server.stop()


def _changed_paths(before: bytes, after: bytes, limit: int = 16) -> list[str]:
    """Where two notebook files differ, as JSON paths (for the failure message)."""
    import json

    found: list[str] = []

    def walk(x, y, path):
        if len(found) >= limit:
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for key in sorted(set(x) | set(y)):
                walk(x.get(key), y.get(key), f"{path}/{key}")
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for index, (u, v) in enumerate(zip(x, y)):
                walk(u, v, f"{path}/{index}")
        elif x != y or type(x) is not type(y):
            found.append(f"{path}: {str(x)[:40]!r} -> {str(y)[:40]!r}")
    walk(json.loads(before), json.loads(after), "")
    return found


def _figures(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(PLOTLY_MIME in o.get("data", {}) for c in notebook.cells
               for o in c.get("outputs", []))


def _seconds_until_saved(page, limit: float) -> float:
    """Seconds until the tab loses its "modified" mark (``limit`` if it never does)."""
    waited = 0.0
    while is_dirty(page) and waited < limit:
        page.wait_for_timeout(250)
        waited += 0.25
    return waited


def _visit(browser, lab, clone, notebook: Path) -> Session:
    """Open, scroll, close; open, Run All, look, wait for the autosave, close."""
    path = f"notebooks/{notebook.name}"
    on_disk = clone / path
    committed = on_disk.read_bytes()
    session = Session(notebook.name, expected_figures=_figures(notebook))
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    watch(page, session.problems)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        # 1. open, wait, scroll through, close
        open_notebook(page, lab, path, f"open-{notebook.stem}")
        scroll_through(page)
        page.wait_for_timeout(1_000)
        session.dirty_after_open = is_dirty(page)
        if session.dirty_after_open:  # save to see what JupyterLab changed, then restore
            page.keyboard.press("Control+s")
            page.wait_for_timeout(2_000)
            session.changed_on_open = _changed_paths(committed, on_disk.read_bytes())
        session.dialog_on_clean_close = close_current_tab(page)
        if session.dialog_on_clean_close:
            page.click(".jp-Dialog button:has-text('Discard')")
        session.identical_after_open = on_disk.read_bytes() == committed
        on_disk.write_bytes(committed)

        # 2. open again, run all, look at every figure
        open_notebook(page, lab, path, f"run-{notebook.stem}")
        cells = [c for c in nbformat.read(notebook, 4).cells if c.cell_type == "code"]
        hidden = sum(bool(c.metadata.get("jupyter", {}).get("source_hidden")) for c in cells)
        run_all(page, lab, notebook.name, len(cells), hidden)
        page.wait_for_function(
            """([panel, n]) => document.querySelectorAll(
                  panel + ' .jp-RenderedPlotly .main-svg').length >= n""",
            arg=[PANEL, session.expected_figures], timeout=60_000)
        session.errors = page.locator(
            f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
            f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
        ).count()
        figures = page.locator(f"{PANEL} .jp-RenderedPlotly")
        session.drawn_figures = figures.count()
        for index in range(session.drawn_figures):
            figure = figures.nth(index)
            figure.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            figure.screenshot(path=str(SHOTS / f"{notebook.stem}_fig{index + 1}_1024x768.png"))
        session.figures = page.evaluate(FIGURE_BOXES, PANEL)
        page.screenshot(path=str(SHOTS / f"{notebook.stem}_1024x768.png"))

        # 3. read a moment (until the autosave has run), then close as a person does
        unexpected = page.locator(".jp-Dialog").all_inner_texts()
        if unexpected:  # e.g. "Select Kernel" under heavy load: note it, then answer it
            session.problems.append(f"unexpected dialog: {unexpected}")
            page.keyboard.press("Enter")
            page.wait_for_timeout(1_000)
        session.seconds_marked_modified = _seconds_until_saved(page, limit=AUTOSAVE_S * 3 + 10)
        session.dialog_after_run = close_current_tab(page)
        if session.dialog_after_run:
            page.click(".jp-Dialog button:has-text('Discard')")
        page.wait_for_timeout(500)
        after = on_disk.read_bytes()
        session.identical_after_run = after == committed
        if not session.identical_after_run:
            session.changed_by_run = _changed_paths(committed, after)
    finally:
        context.close()
    return session


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p.stem)
def seen(request, browser, lab, clone) -> Session:
    """One visit; a second only when the first left the file changed, with a warning naming
    what changed. Why: in one CI run (2026-11-30) an autosave in the middle of Run All left
    01 half-run on disk, which the save hook should have replaced (cause not found yet); a
    second failure in a row still fails the test."""
    session = _visit(browser, lab, clone, request.param)
    if not session.identical_after_run:
        warnings.warn(f"{session.name}: Run All then close changed the file on the first try "
                      f"({session.changed_by_run}); visited again")
        (clone / "notebooks" / request.param.name).write_bytes(
            (REPO_ROOT / "notebooks" / request.param.name).read_bytes())
        session = _visit(browser, lab, clone, request.param)
    return session


def test_opening_and_scrolling_does_not_modify_the_notebook(seen):
    assert not seen.dirty_after_open, (f"{seen.name} is marked modified just by opening it; "
                                       f"a save changed: {seen.changed_on_open}")
    assert not seen.dialog_on_clean_close, f"closing asked: {seen.dialog_on_clean_close!r}"
    assert seen.identical_after_open, f"{seen.name} changed on disk although nobody edited it"


def test_run_all_draws_every_figure_without_errors(seen):
    assert seen.errors == 0, f"{seen.name} printed an error"
    assert seen.drawn_figures == seen.expected_figures > 0
    assert not seen.problems, seen.problems


def test_run_all_then_close_asks_nothing_and_keeps_the_file(seen):
    """Running marks the notebook modified; the autosave clears the mark within seconds and
    writes the committed bytes back, so closing asks nothing and git sees no change."""
    assert not seen.dialog_after_run, (
        f"closing {seen.name} {seen.seconds_marked_modified:.0f} s after Run All asked: "
        f"{seen.dialog_after_run!r}")
    assert seen.identical_after_run, f"{seen.name} changed on disk: {seen.changed_by_run}"


def _outside(part: dict | None, box: dict) -> list[str]:
    if part is None:
        return []
    return [side for side, beyond in (
        ("left", part["left"] < box["left"] - TOLERANCE_PX),
        ("right", part["right"] > box["right"] + TOLERANCE_PX),
        ("top", part["top"] < box["top"] - TOLERANCE_PX),
        ("bottom", part["bottom"] > box["bottom"] + TOLERANCE_PX)) if beyond]


def test_every_figure_title_and_legend_fit_at_1024x768(seen):
    """Screenshots: build/screenshots/NN_name_figK_1024x768.png."""
    overflowing = []
    for index, figure in enumerate(seen.figures, start=1):
        for part in ("title", "legend"):
            sides = _outside(figure[part], figure["box"])
            if sides:
                overflowing.append(f"figure {index} ({figure['titleText'][:50]!r}): {part} "
                                   f"crosses the {'/'.join(sides)} edge")
    assert not overflowing, f"{seen.name}:\n" + "\n".join(overflowing)


def test_after_git_checkout_every_notebook_opens_without_an_error(browser, lab, clone, seen):
    """Runs once per notebook after its session: restore with git, then open it again."""
    subprocess.run(["git", "-C", str(clone), "checkout", "--", "notebooks"], check=True)
    status = subprocess.run(["git", "-C", str(clone), "status", "--porcelain"],
                            capture_output=True, text=True, check=True).stdout
    assert status == ""
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    try:
        open_notebook(page, lab, f"notebooks/{seen.name}", f"again-{Path(seen.name).stem}")
        page.wait_for_timeout(1_000)
        dialogs = page.locator(".jp-Dialog").all_inner_texts()
        dirty = is_dirty(page)
    finally:
        context.close()
    assert not dialogs, f"opening {seen.name} after git checkout showed: {dialogs}"
    assert not dirty
