"""Launch links for every route a student may take, built from ``[tool.course]`` in pyproject.toml.

- Binder (mybinder.org): the whole course in JupyterLab, landing on the notebook.
- Colab: the notebook alone; its generated first code cell installs the course there
  (:func:`bootstrap_source`).
- JupyterLite: the course in the browser with no server (``make lite``), published beside the
  offline site under ``lite/``.
- The offline site (``make site``): every notebook with interactive figures, nothing to run.
- nbgitpuller, when ``jupyterhub`` is set: the course cloned into the student's home on a
  university hub.

nbviewer is not linked: it draws nothing for the figures stored as plotly JSON
(``application/vnd.plotly.v1+json``); the site and Lite draw them.
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from urllib.parse import quote, urlencode, urlsplit

from helpers.paths import REPO_ROOT

# First line of the generated install cell: how tools recognise it (slides skip it).
from .execute import BOOTSTRAP_MARK

START_NOTEBOOK = "notebooks/00_start_here.ipynb"
#: The name of the installable distribution (never `helpers`: that is someone else's package).
DISTRIBUTION = "soviet-power-1953-1957"


@cache
def course_config() -> dict[str, str]:
    """The ``[tool.course]`` table of pyproject.toml (``jupyterhub`` is optional)."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        config = tomllib.load(handle)["tool"]["course"]
    return {"repository": config["repository"].rstrip("/"), "branch": config["branch"],
            "jupyterhub": config.get("jupyterhub", "").rstrip("/")}


def _owner_and_name() -> str:
    repository = course_config()["repository"]
    prefix = "https://github.com/"
    if not repository.startswith(prefix):
        raise ValueError(f"[tool.course] repository must start with {prefix}: {repository!r}")
    return repository[len(prefix):]


def binder_url(notebook: str = START_NOTEBOOK, ref: str | None = None) -> str:
    """mybinder.org link that opens ``notebook`` (a repository path) in JupyterLab."""
    ref = ref or course_config()["branch"]
    return (f"https://mybinder.org/v2/gh/{_owner_and_name()}/{ref}"
            f"?urlpath={quote('lab/tree/' + notebook, safe='')}")


def colab_url(notebook: str = START_NOTEBOOK, ref: str | None = None) -> str:
    """Colab link that opens ``notebook`` from GitHub (its first cell installs the course)."""
    ref = ref or course_config()["branch"]
    return f"https://colab.research.google.com/github/{_owner_and_name()}/blob/{ref}/{notebook}"


def site_url(notebook: str | None = START_NOTEBOOK) -> str:
    """The notebook's page on the published offline site (GitHub Pages of the repository,
    built by ``make site``); ``None`` gives the site's index."""
    owner, name = _owner_and_name().split("/", 1)
    base = f"https://{owner.lower()}.github.io/{name}/"
    if notebook is None:
        return base + "index.html"
    return base + notebook.rsplit("/", 1)[-1].replace(".ipynb", ".html")


def lite_url(notebook: str = START_NOTEBOOK) -> str:
    """The notebook in the JupyterLite site (``make lite``), published as ``lite/`` beside the
    offline site; its contents hold ``notebooks/`` and ``data/`` as in the repository."""
    base = site_url(None).removesuffix("index.html")
    return f"{base}lite/lab/index.html?path={quote(notebook)}"


def nbgitpuller_url(notebook: str = START_NOTEBOOK, hub: str | None = None,
                    ref: str | None = None) -> str:
    """A hub link that clones (or updates) the course into the student's home, then opens
    ``notebook`` in JupyterLab. The same shape as nbgitpuller's link generator
    (``repo``, ``urlpath``, ``branch``), plus ``targetpath``: the clone folder is named
    explicitly, and ``urlpath`` starts with it, as nbgitpuller requires. ``ref`` may be a
    branch or a tag (a tag freezes a term); nbgitpuller does not accept a commit hash."""
    config = course_config()
    hub = (hub or config["jupyterhub"]).rstrip("/")
    if not hub:
        raise ValueError("no hub: set jupyterhub in [tool.course] or pass hub=")
    folder = config["repository"].rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode([("repo", config["repository"]),
                       ("urlpath", f"lab/tree/{folder}/{notebook}"),
                       ("branch", ref or config["branch"]),
                       ("targetpath", folder)])
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def badges(notebook: str = START_NOTEBOOK, image: bool = False) -> str:
    """Markdown line with the launch links for ``notebook``.

    Notebooks get plain text links (an image badge would be fetched each time the notebook
    opens, and fail offline); the README may use the image badges.
    """
    binder = ("[![Launch on Binder](https://mybinder.org/badge_logo.svg)]" if image
              else "[Launch on Binder]")
    colab = ("[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
             if image else "[Open in Colab]")
    links = [f"{binder}({binder_url(notebook)})",
             f"{colab}({colab_url(notebook)})",
             f"[Run in your browser (JupyterLite)]({lite_url(notebook)})",
             f"[Read on the course site]({site_url(notebook)})"]
    hub = course_config()["jupyterhub"]
    if hub:
        links.append(f"[Open on {urlsplit(hub).hostname}]({nbgitpuller_url(notebook)})")
    return " · ".join(links)


def bootstrap_source(repository: str | None = None, ref: str | None = None) -> str:
    """The first code cell of every notebook: on Colab (which fetches only the .ipynb) install
    the course from the repository at ``ref``; in JupyterLite install it from the site's own
    wheels (``make lite``). Anywhere else (JupyterLab, Binder, a hub, nbval) it does nothing.
    The installed package carries data/ (setup.py), so nothing else needs to be fetched."""
    config = course_config()
    repository = repository or config["repository"]
    ref = ref or config["branch"]
    return "\n".join([
        BOOTSTRAP_MARK,
        "import sys",
        'if "google.colab" in sys.modules:',
        f'    %pip install -q "{DISTRIBUTION} @ git+{repository}@{ref}"',
        'elif sys.platform == "emscripten":',
        f"    %pip install -q {DISTRIBUTION}",
    ])


def main(argv: list[str]) -> int:
    """``python -m course_tools.links HUB [REF]``: print the nbgitpuller link of every notebook
    for a hub (a lecturer's own), at a branch or tag."""
    if not argv:
        print(__doc__)
        return 0
    hub, ref = argv[0], (argv[1] if len(argv) > 1 else None)
    for path in sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        print(nbgitpuller_url(f"notebooks/{path.name}", hub=hub, ref=ref))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
