"""The course's helpers: what is not the lesson. Notebooks start with ``import helpers`` and
``helpers.setup()``, then use pandas, plotly and networkx on ``helpers.table(...)``.

One job per module (each imports only those above it; ``answers`` imports ``exercises``):
    errors     the course's own errors, with the fix in the message; id suggestions
    dates      dates as typed (or refused); what a vague date can mean; dates as words
    paths      where data/ is (checkout, installed package, $COURSE_DATA_DIR, upward)
    tables     read one CSV, every cell checked against datapackage.json
    dataset    load every table once, check them across tables, hand out copies
    queries    the domain rules, each in one place (offices on a day, Presidium seats, camps...)
    feedback   readable errors for beginners (missing quotes, the course's own errors)
    projector  every figure fitted to a 1024x768 projector
    style      setup() (renderer, theme, the two above), palette and camp colours
    exercises  the checker: compare an answer with the expected one, in one sentence
    answers    each notebook's expected answers and judges, computed from the data
"""

from . import style
from .dataset import TABLE_NAMES, load_dataset, table
from .dates import earliest_day, format_date, latest_day, parse_date
from .errors import (BadDateError, CourseError, DataFileError, OutsideCoverageError,
                     UnknownIdError)
from .exercises import check, judge
from .queries import (PRESIDIUM_OFFICES, covered_days, holders, in_office_on, is_presidium_seat,
                      june_1957_camps, last_presidium_day, named_in_resolution, party_membership,
                      person, presidium_on, tenures_of)
from .style import CAMP_COLOURS, CAMP_LABELS, setup
from . import answers  # noqa: E402,F401  (after exercises: registers every notebook's exercises)

