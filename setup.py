"""Build hook: the wheel carries the course's data/ as helpers/data.

data/ stays the one copy in git; it is copied into the build at wheel-build time, so an
installed ``helpers`` (Colab, JupyterLite, a hub) finds its data without a checkout. An
editable install (``make install``) copies nothing: it reads data/ from the checkout.
All other settings are in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class BuildPyWithCourseData(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        if not (DATA / "datapackage.json").is_file():
            raise SystemExit(f"{DATA} has no datapackage.json: cannot build the course's wheel")
        shutil.copytree(DATA, Path(self.build_lib) / "helpers" / "data", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithCourseData})
