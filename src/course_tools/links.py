"""Launch links (Binder, nbviewer) built from the one repository URL in pyproject.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from urllib.parse import quote

from helpers.paths import REPO_ROOT

START_NOTEBOOK = "notebooks/00_start_here.ipynb"


@cache
def course_config() -> dict[str, str]:
    """The ``[tool.course]`` table of pyproject.toml: repository URL and branch."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        config = tomllib.load(handle)["tool"]["course"]
    return {"repository": config["repository"].rstrip("/"), "branch": config["branch"]}


def _owner_and_name() -> str:
    repository = course_config()["repository"]
    prefix = "https://github.com/"
    if not repository.startswith(prefix):
        raise ValueError(f"[tool.course] repository must start with {prefix}: {repository!r}")
    return repository[len(prefix):]


def binder_url(notebook: str = START_NOTEBOOK) -> str:
    """mybinder.org link that opens ``notebook`` (a repository path) in JupyterLab."""
    branch = course_config()["branch"]
    return (f"https://mybinder.org/v2/gh/{_owner_and_name()}/{branch}"
            f"?urlpath={quote('lab/tree/' + notebook, safe='')}")


def nbviewer_url(notebook: str = START_NOTEBOOK) -> str:
    """nbviewer link that shows ``notebook`` with its stored outputs."""
    branch = course_config()["branch"]
    return f"https://nbviewer.org/github/{_owner_and_name()}/blob/{branch}/{notebook}"


def site_url(notebook: str | None = START_NOTEBOOK) -> str:
    """The notebook's page on the published offline site (GitHub Pages of the repository,
    built by ``make site``); ``None`` gives the site's index."""
    owner, name = _owner_and_name().split("/", 1)
    base = f"https://{owner.lower()}.github.io/{name}/"
    if notebook is None:
        return base + "index.html"
    return base + notebook.rsplit("/", 1)[-1].replace(".ipynb", ".html")


def badges(notebook: str = START_NOTEBOOK, image: bool = False) -> str:
    """Markdown line with the Binder, course-site and nbviewer links for ``notebook``.

    Notebooks get plain text links (an image badge would be fetched from mybinder.org each
    time the notebook opens, and fail offline); the README may use the image badge.
    """
    binder = ("[![Launch on Binder](https://mybinder.org/badge_logo.svg)]" if image
              else "[Launch on Binder]")
    return (f"{binder}({binder_url(notebook)}) · "
            f"[Read on the course site]({site_url(notebook)}) · "
            f"[View on nbviewer]({nbviewer_url(notebook)})")
