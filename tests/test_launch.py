"""Launch links for every route (Binder, Colab, JupyterLite, site, nbgitpuller) and the install
cell that makes a notebook run on Colab, all generated from [tool.course]."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from course_tools import links
from course_tools.links import (DISTRIBUTION, badges, binder_url, bootstrap_source, colab_url,
                                lite_url, nbgitpuller_url)
from helpers.paths import REPO_ROOT

NOTEBOOK = "notebooks/02_power_shifts.ipynb"


@pytest.fixture
def config(monkeypatch):
    """Swap [tool.course] for a test's own values."""
    def use(**values):
        base = {"repository": "https://github.com/someone/course-fork", "branch": "main",
                "jupyterhub": ""}
        monkeypatch.setattr(links, "course_config", lambda: {**base, **values})
    return use


def test_binder_lands_on_the_notebook_in_jupyterlab(config):
    config()
    assert binder_url() == ("https://mybinder.org/v2/gh/someone/course-fork/main"
                            "?urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb")
    assert binder_url(NOTEBOOK, ref="term-2027").startswith(
        "https://mybinder.org/v2/gh/someone/course-fork/term-2027?")


def test_colab_opens_the_notebook_from_github_at_the_ref(config):
    config(branch="term-2027")
    assert colab_url(NOTEBOOK) == ("https://colab.research.google.com/github/someone/course-fork/"
                                   "blob/term-2027/notebooks/02_power_shifts.ipynb")


def test_lite_opens_the_notebook_beside_the_site(config):
    config()
    assert lite_url(NOTEBOOK) == ("https://someone.github.io/course-fork/lite/lab/index.html"
                                  "?path=notebooks/02_power_shifts.ipynb")


def _whatwg_form_encode(pairs):
    """URLSearchParams.toString() (the WHATWG application/x-www-form-urlencoded serializer)."""
    return "&".join(f"{quote(k, safe='*-._').replace('%20', '+')}="
                    f"{quote(v, safe='*-._').replace('%20', '+')}" for k, v in pairs)


def _link_js_generate_regular_url(hub_url, url_path, repo_url, branch):
    """nbgitpuller's docs/_static/link_gen/link.js generateRegularUrl, line for line: set repo,
    then urlpath, then branch on the hub URL's search params; append hub/user-redirect/git-pull
    to its path (the generator expects a hub URL ending in '/')."""
    parts = urlsplit(hub_url)
    query = _whatwg_form_encode([("repo", repo_url), ("urlpath", url_path), ("branch", branch)])
    return f"{parts.scheme}://{parts.netloc}{parts.path}hub/user-redirect/git-pull?{query}"


def test_nbgitpuller_link_has_the_generators_format_plus_targetpath(config):
    config(jupyterhub="https://hub.example.edu")
    url = nbgitpuller_url(NOTEBOOK, ref="term-2027")
    expected = _link_js_generate_regular_url(
        "https://hub.example.edu/", "lab/tree/course-fork/" + NOTEBOOK,
        "https://github.com/someone/course-fork", "term-2027")
    assert url == expected + "&targetpath=course-fork"


def test_nbgitpuller_urlpath_starts_with_the_clone_folder(config):
    config(repository="https://github.com/someone/Another-Name", jupyterhub="https://hub.uni.ac.uk/")
    params = dict(parse_qsl(urlsplit(nbgitpuller_url(NOTEBOOK)).query))
    assert params["targetpath"] == "Another-Name"
    assert params["urlpath"] == f"lab/tree/{params['targetpath']}/{NOTEBOOK}"
    assert params["branch"] == "main" and params["repo"] == "https://github.com/someone/Another-Name"


def test_hub_link_only_when_a_hub_is_configured(config):
    config()
    assert "git-pull" not in badges(NOTEBOOK)
    with pytest.raises(ValueError):
        nbgitpuller_url(NOTEBOOK)
    config(jupyterhub="https://hub.example.edu")
    assert "[Open on hub.example.edu](https://hub.example.edu/hub/user-redirect/git-pull?" \
        in badges(NOTEBOOK)


def test_no_nbviewer_link_it_draws_no_figures(config):
    config()
    assert "nbviewer" not in badges(NOTEBOOK) + badges(NOTEBOOK, image=True)


def test_every_route_is_in_the_notebook_links(config):
    config()
    text = badges(NOTEBOOK)
    for url in (binder_url(NOTEBOOK), colab_url(NOTEBOOK), lite_url(NOTEBOOK)):
        assert f"]({url})" in text


def test_install_cell_names_the_configured_repository_and_ref(config):
    config(branch="term-2027")
    source = bootstrap_source()
    assert f'%pip install -q "{DISTRIBUTION} @ git+https://github.com/someone/course-fork@term-2027"' \
        in source
    assert "%pip install -q soviet-power-1953-1957\n" not in source  # Lite line ends the cell
    assert source.endswith(f"%pip install -q {DISTRIBUTION}")


# --- The install cell, run as Colab would run it -------------------------------------------

def _scratch_python(tmp_path: Path) -> Path:
    """A venv whose own site-packages is empty, that also sees this environment's packages
    (pandas, plotly, IPython...) through symlinks, except the course's own editable install:
    so `import helpers` works only once the install cell has installed it."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    ours = Path(sysconfig.get_paths()["purelib"])
    shared = tmp_path / "shared"
    shared.mkdir()
    for entry in ours.iterdir():
        name = entry.name.lower()
        if "soviet_power" in name or name.startswith("__editable__") or name.endswith(".pth") \
                or name in {"pip", "setuptools", "_distutils_hack"} or name.startswith(("pip-", "setuptools-")):
            continue
        (shared / entry.name).symlink_to(entry)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "zz_shared.pth").write_text(str(shared) + "\n")
    return venv / "bin" / "python"


@pytest.mark.slow
def test_install_cell_on_simulated_colab_installs_the_course_from_a_clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO_ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "tag", "term-test"], check=True)
    source = bootstrap_source(repository=f"file://localhost{clone}", ref="term-test")
    python = _scratch_python(tmp_path)
    elsewhere = tmp_path / "content"  # Colab's working folder: no checkout in sight
    elsewhere.mkdir()
    script = f"""
import sys, types
sys.modules["google.colab"] = types.ModuleType("google.colab")
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
try:
    import helpers
    raise SystemExit("helpers importable before the install cell ran")
except ImportError:
    pass
result = shell.run_cell({source!r})
assert result.success, result.error_in_exec
import helpers, plotly.io as pio
from helpers.paths import data_dir
from helpers.dataset import table
helpers.setup()
print(helpers.__file__)
print(data_dir())
print(len(table("people")))
print(pio.renderers.default)
"""
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("COURSE_DATA_DIR", None)
    done = subprocess.run([str(python), "-c", script], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    module, data, people, renderer = done.stdout.strip().splitlines()[-4:]
    venv_site = str(python.parent.parent)
    assert module.startswith(venv_site), module          # installed, not the checkout
    assert data.startswith(venv_site) and data.endswith("helpers/data")
    assert int(people) > 10
    assert renderer == "colab"


def test_install_cell_does_nothing_outside_colab_and_lite():
    script = f"""
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
calls = []
shell.register_magic_function(calls.append, magic_name="pip")
assert shell.run_cell({bootstrap_source()!r}).success
shell.run_cell("%pip twice")  # the fake magic records what would have been installed
print(calls)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['twice']"
