"""Generate the launch-link and navigation cells of every notebook, and the README's links.

Each notebook gets, right under its title cell, a cell opening with ``<!-- course:links -->``
(Binder, Colab, JupyterLite, site and, when configured, hub links for that notebook), then its
first code cell, which installs the course only on Colab and in JupyterLite
(``links.bootstrap_source``), and, at the end, a cell opening with ``<!-- course:nav -->``
(previous | index | next). Running this again replaces those cells in
place and never duplicates them. The README's block between ``<!-- links:start -->`` and
``<!-- links:end -->`` is rewritten the same way.

Usage: ``python -m course_tools.navigation`` (part of ``make execute``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
import nbformat

from .links import BOOTSTRAP_MARK, badges, bootstrap_source
from helpers.paths import NOTEBOOKS_DIR, REPO_ROOT
from .execute import LINKS_MARK, NAV_MARK, TWIN_FORMAT, twins, notebook_of
README_BLOCK = re.compile(r"(<!-- links:start -->\n).*?(<!-- links:end -->)", re.S)


def title_of(twin: Path) -> str:
    """The text of the notebook's H1."""
    for line in twin.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return twin.stem


def nav_text(index: int, chain: list[Path]) -> str:
    """'previous | index | next' for the notebook at ``index`` of ``chain``."""
    parts = []
    if index > 0:
        prev = chain[index - 1]
        parts.append(f"← Previous: [{title_of(prev)}]({notebook_of(prev).name})")
    parts.append(f"[Index]({chain[0].with_suffix('.ipynb').name})")
    if index + 1 < len(chain):
        nxt = chain[index + 1]
        parts.append(f"Next: [{title_of(nxt)}]({notebook_of(nxt).name}) →")
    return f"{NAV_MARK}\n" + " | ".join(parts)


def links_text(twin: Path) -> str:
    """The launch links for one notebook."""
    return f"{LINKS_MARK}\n{badges('notebooks/' + notebook_of(twin).name)}"


def _upsert(cells: list, mark: str, text: str, position: int, kind: str = "markdown") -> int:
    """Replace the ``kind`` cell starting with ``mark`` by ``text``, or insert one at
    ``position``; return the cell's index."""
    for index, cell in enumerate(cells):
        if cell.cell_type == kind and cell.source.startswith(mark):
            cell.source = text
            return index
    new = (nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell)
    cells.insert(position, new(text))
    return position


def update_notebook(twin: Path, index: int, chain: list[Path]) -> bool:
    """Refresh one twin's generated cells; return True when the file changed."""
    before = twin.read_text(encoding="utf-8")
    notebook = jupytext.read(twin, fmt=TWIN_FORMAT)
    title_at = next((i for i, c in enumerate(notebook.cells)
                     if c.cell_type == "markdown" and c.source.lstrip().startswith("# ")), -1)
    links_at = _upsert(notebook.cells, LINKS_MARK, links_text(twin), title_at + 1)
    _upsert(notebook.cells, BOOTSTRAP_MARK, bootstrap_source(), links_at + 1, kind="code")
    _upsert(notebook.cells, NAV_MARK, nav_text(index, chain), len(notebook.cells))
    jupytext.write(notebook, twin, fmt=TWIN_FORMAT)
    return twin.read_text(encoding="utf-8") != before


def update_readme(readme: Path = REPO_ROOT / "README.md") -> bool:
    """Rewrite the README's launch-link block; return True when it changed."""
    before = readme.read_text(encoding="utf-8")
    after = README_BLOCK.sub(lambda m: m.group(1) + badges(image=True) + "\n" + m.group(2),
                             before)
    readme.write_text(after, encoding="utf-8")
    return after != before


def main() -> int:
    chain = twins()
    changed = [t.name for i, t in enumerate(chain) if update_notebook(t, i, chain)]
    if update_readme():
        changed.append("README.md")
    print("Updated:", ", ".join(changed) if changed else "nothing (already up to date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
