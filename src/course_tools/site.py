"""Build the offline site (``make site``): an index and every notebook as HTML with outputs.

The site opens from the file system with no network: figures stay interactive, plotly.js is
shipped once in ``assets/``, and no page loads anything from another host. It is the fallback
for a classroom with bad wifi.

Usage: ``python -m course_tools.site [TARGET]`` (default ``build/site``).
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from helpers.paths import REPO_ROOT
from .execute import SOURCES_DIR, notebook_of, twins
from .export import TEMPLATES, copy_plotly_js, offline_links, with_html_figures
from .links import lite_url
from .navigation import title_of

def export_page(notebook_path: Path, target: Path, plotly_file: str) -> int:
    """Write one notebook as ``target/<name>.html``; return how many figures it holds."""
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook, figures = with_html_figures(notebook, prefix=notebook_path.stem)
    exporter = HTMLExporter(template_name="course_lab", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(
        notebook, resources={"plotly_js_url": f"assets/{plotly_file}",
                             "metadata": {"name": title_of(SOURCES_DIR / f"{notebook_path.stem}.md")}})
    (target / f"{notebook_path.stem}.html").write_text(offline_links(body), encoding="utf-8")
    return figures


def page(title: str, content: str) -> str:
    """A plain HTML page in the course's style (no external resources)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: Arial, Helvetica, sans-serif; max-width: 52em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #222; font-size: 18px; }}
a {{ color: #0072B2; }} li {{ margin: 0.4em 0; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 0.3em 0.6em; }}
</style></head><body>
{content}
</body></html>
"""


def build(target: Path) -> list[tuple[str, int]]:
    """Build the whole site into ``target``; return (page, figure count) for each notebook."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    plotly_file = copy_plotly_js(target / "assets")
    built = []
    items = []
    for twin in twins():
        notebook_path = notebook_of(twin)
        figures = export_page(notebook_path, target, plotly_file)
        built.append((f"{twin.stem}.html", figures))
        items.append(f'<li><a href="{twin.stem}.html">{html.escape(title_of(twin))}</a></li>')
    readme_title = "The Soviet power struggle, 1953–1957"
    index = (f"<h1>{readme_title}</h1>"
             "<p>The course's notebooks with their outputs, readable offline. The charts are "
             "interactive: hover, zoom, and move the sliders. To run the code, open the course "
             "in JupyterLab (<code>make lab</code>), on Binder, or in your browser with "
             f'<a href="{html.escape(lite_url())}">JupyterLite</a> (online).</p>'
             f"<ol start=\"0\">{''.join(items)}</ol>")
    (target / "index.html").write_text(page(readme_title, index), encoding="utf-8")
    return built


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else REPO_ROOT / "build" / "site"
    built = build(target)
    for name, figures in built:
        print(f"  {name}: {figures} figures")
    print(f"Site written to {target / 'index.html'} (open it in a browser; no network needed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
