"""The lecturer's guide and the README keep up with the course: every registered exercise has a
note in the guide, the guide names no exercise that does not exist, every `helpers.…` name
either file mentions exists (no removed helper module), and both list every notebook."""

import importlib
import re

import helpers  # noqa: F401  (registers the exercises)
from helpers.exercises import REGISTRY
from helpers.paths import REPO_ROOT

GUIDE = (REPO_ROOT / "LECTURERS_GUIDE.md").read_text(encoding="utf-8")
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
NOTEBOOK_NUMBERS = {path.name[:2] for path in (REPO_ROOT / "src" / "notebooks").glob("[0-9][0-9]_*.md")}


def test_every_registered_exercise_has_exactly_one_note():
    notes = re.findall(r"^\| (\d\d-\d+) \|", GUIDE, flags=re.MULTILINE)
    assert len(notes) == len(set(notes)), "an exercise has two rows in *Notes on the exercises*"
    assert set(notes) == set(REGISTRY), (
        f"no note for {sorted(set(REGISTRY) - set(notes))}; "
        f"notes for exercises that do not exist: {sorted(set(notes) - set(REGISTRY))}")


def test_every_exercise_the_guide_names_exists():
    # "05-3", not the "03-05" inside a date such as 1953-03-05
    named = set(re.findall(r"(?<![\d-])(\d\d-\d{1,2})(?![\d-])", GUIDE))
    assert named - set(REGISTRY) == set(), f"the guide names exercises that do not exist: {sorted(named - set(REGISTRY))}"


def resolves(dotted: str) -> bool:
    """True when helpers.<dotted> is an attribute or a submodule of helpers."""
    target = helpers
    for depth, part in enumerate(dotted.split(".")):
        if hasattr(target, part):
            target = getattr(target, part)
            continue
        try:
            target = importlib.import_module("helpers." + ".".join(dotted.split(".")[:depth + 1]))
        except ImportError:
            return False
    return True


def test_every_helpers_name_in_the_guide_and_readme_exists():
    for name, text in (("LECTURERS_GUIDE.md", GUIDE), ("README.md", README)):
        used = set(re.findall(r"\bhelpers((?:\.[A-Za-z_]\w*)+)", text))
        missing = sorted(dotted for dotted in (u.lstrip(".") for u in used) if not resolves(dotted))
        assert missing == [], f"{name} names helpers.{missing}, which do not exist"


def test_the_readme_table_and_the_session_plan_cover_every_notebook():
    course_section = README.split("\n## The course\n", 1)[1].split("\n## ", 1)[0]
    in_readme = set(re.findall(r"^\| (\d\d) [A-Z]", course_section, flags=re.MULTILINE))
    assert in_readme == NOTEBOOK_NUMBERS, "README's course table: one row per notebook"
    in_plan = set(re.findall(r"\| \*\*(\d\d) [A-Z]", GUIDE))
    assert in_plan == NOTEBOOK_NUMBERS, "the guide's session plan: a row for every notebook"
