"""The aftermath of June 1957: what became of the defeated, and who kept or gained power.

Tables and figures for notebook 05. Everything is computed from ``data/``: the posts people
held (``tenures``), the rank we give each office (``offices.rank``: 1 top ... 4 exile), the
events of their fall, expulsion and readmission (``events``, ``event_people``) and where the
sources disagree (``disagreements``). Dates known only to the month or the year are stored as
the first day of that month or year; the tables below print them as "September 1957" or
"1957" so that they do not look more precise than they are.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from .dataset import load_dataset
from .dates import parse_date
from .network import june_1957_camps
from .queries import _check_id, person_names, presidium_on
from .style import CAMP_COLOURS, CAMP_LABELS, OKABE_ITO, finish

#: The leaders defeated in 1957-58, in the order of their fall: the four named in the
#: resolution of 29 June 1957, the two punished without being named, then Zhukov (October
#: 1957) and Bulganin (1958).
DEFEATED: tuple[str, ...] = ("molotov", "malenkov", "kaganovich", "shepilov", "pervukhin",
                             "saburov", "zhukov", "bulganin")

#: The four named in the resolution "On the anti-party group" of 29 June 1957.
NAMED_IN_RESOLUTION: tuple[str, ...] = ("malenkov", "kaganovich", "molotov", "shepilov")

#: First and last day of the period the posts timeline covers.
WINDOW: tuple[str, str] = ("1953-03-05", "1962-12-31")

#: Dates for the "who kept, lost or gained" comparison: the Presidium session that opened the
#: attack on Khrushchev, and the end of 1958, after Bulganin's fall.
BEFORE, AFTER = "1957-06-18", "1958-12-31"

#: Dates on which :func:`rank_table` looks by default: before the crisis, after the June
#: plenum, after Zhukov's fall, after Bulganin lost the premiership and the Presidium.
KEY_DATES: tuple[str, ...] = ("1957-06-18", "1957-06-30", "1957-10-30", "1958-04-01",
                              "1958-09-06", "1958-12-31")

#: What the ranks of offices.csv mean (our judgement, for sorting and charts only).
RANK_LABELS: dict[int, str] = {
    1: "1 top post",
    2: "2 senior post",
    3: "3 ministry or lesser post",
    4: "4 exile, demotion or retirement",
}
NO_POST = 5
NO_POST_LABEL = "no post recorded"

#: One Okabe-Ito colour per rank, dark (top) to light (exile); none of them is a camp colour.
RANK_COLOURS: dict[int, str] = {1: OKABE_ITO[7], 2: OKABE_ITO[2], 3: OKABE_ITO[4],
                                4: OKABE_ITO[6]}

#: Short place names printed on the bars of the exile posts (labels, not data).
PRESIDIUM_SEATS = ("presidium_member", "presidium_candidate")
CAMP_ORDER = ("against_khrushchev", "wavered", "unclear", "for_khrushchev", "not_in_leadership")
EXPULSION = re.compile(r"\bexpel", re.IGNORECASE)


# --------------------------------------------------------------------------- small helpers

def _exile_place(office_id: str) -> str:
    """Where a post of exile was (``offices.place``); 'pension' for retirement."""
    if office_id == "retired":
        return "pension"
    offices = load_dataset().frames["offices"].set_index("office_id")
    return offices.at[office_id, "place"] if pd.notna(offices.at[office_id, "place"]) else ""


def format_date(day: object, precision: object = "day", end: object = None) -> str:
    """Write a date as a historian would, no more precisely than the sources give it.

    ``format_date(pd.Timestamp("1957-09-01"), "month")`` gives ``"September 1957"``; with
    ``end`` (the last day of a span) the result is a range such as
    ``"9 February – 26 July 1962"``. A missing date gives ``""``.
    """
    if day is None or pd.isna(day):
        return ""
    day = pd.Timestamp(day)
    precision = str(precision) if isinstance(precision, str) else "day"
    if precision == "year":
        text = f"{day.year}"
    elif precision == "month":
        text = f"{day:%B %Y}"
    else:
        text = f"{day.day} {day:%B %Y}"
    if end is None or pd.isna(end):
        return text
    end = pd.Timestamp(end)
    if precision == "day" and end.year == day.year:
        start_text = f"{day.day} {day:%B}" if end.month != day.month else f"{day.day}"
        return f"{start_text} – {end.day} {end:%B %Y}"
    return f"{text} – {end.day} {end:%B %Y}"


def _ids(person_ids: object, default: tuple[str, ...]) -> list[str]:
    """Check a list of person ids (or one id) and return it cleaned."""
    known = load_dataset().frames["people"]["person_id"]
    if person_ids is None:
        person_ids = default
    if isinstance(person_ids, str):
        person_ids = [person_ids]
    return [_check_id("person", p, known) for p in person_ids]


def _ranked_tenures() -> pd.DataFrame:
    """Tenures with each office's title and rank (computed once per loaded dataset)."""
    dataset = load_dataset()
    if _RANKED and _RANKED[0] is dataset:
        return _RANKED[1]
    offices = dataset.frames["offices"][["office_id", "title", "rank"]]
    ranked = dataset.frames["tenures"].merge(offices, on="office_id", how="left")
    _RANKED[:] = [dataset, ranked]
    return ranked


_RANKED: list = []  # [dataset, its ranked tenures]: callers only read the frame


def _records(tenures: pd.DataFrame) -> list:
    """One person's tenures as plain records (a few rows: faster than pandas filtering)."""
    return list(tenures[["start", "end", "rank", "title", "office_id"]].itertuples(index=False))


def _top_posts(records: list, day: pd.Timestamp) -> tuple[int | None, list]:
    """The highest rank held on ``day`` and the records at that rank, by start then office."""
    held = [r for r in records if r.start <= day and (pd.isna(r.end) or day < r.end)]
    if not held:
        return None, []
    rank = int(min(r.rank for r in held))
    return rank, sorted((r for r in held if r.rank == rank), key=lambda r: (r.start, r.office_id))


# --------------------------------------------------------------------------- ranks on a day

def ranks_on(person_ids: object = None, dates: object = KEY_DATES) -> pd.DataFrame:
    """The highest-ranked office each person held on each date (rank 1 = top, 4 = exile).

    Returns one row per person and date: person_id, name, date, rank (``<NA>`` when the data
    record no post that day) and offices (the titles of the posts at that rank, joined by
    "; "). Default people: the members and candidates of the Presidium on 18 June 1957.
    """
    people = _ids(person_ids, tuple(presidium_on(BEFORE)["person_id"]))
    days = [parse_date(d) for d in ([dates] if isinstance(dates, str) else dates)]
    tenures = _ranked_tenures()
    names = person_names()
    rows = []
    for person_id in people:
        mine = _records(tenures[tenures["person_id"] == person_id])
        for day in days:
            top_rank, top = _top_posts(mine, day)
            if top_rank is None:
                rank, offices = pd.NA, ""
            else:
                rank = top_rank
                offices = "; ".join(r.title for r in sorted(top, key=lambda r: r.office_id))
            rows.append({"person_id": person_id, "name": names[person_id], "date": day,
                         "rank": rank, "offices": offices})
    result = pd.DataFrame(rows)
    result["rank"] = result["rank"].astype("Int64")
    return result


def rank_table(person_ids: object = None, dates: object = KEY_DATES) -> pd.DataFrame:
    """A person-by-date grid of the highest office rank held (1 top ... 4 exile, <NA> none).

    Rows are people (default: the Presidium of 18 June 1957, full members first), columns the
    dates, so a student can follow each person's rise or fall across the crisis.
    """
    long = ranks_on(person_ids, dates)
    long["day"] = long["date"].dt.strftime("%Y-%m-%d")
    grid = long.pivot(index="name", columns="day", values="rank")
    order = list(dict.fromkeys(long["name"]))
    grid = grid.loc[order]
    grid.columns.name = "highest rank on"
    return grid


def kept_lost_gained(start: object = BEFORE, end: object = AFTER,
                     person_ids: object = None) -> pd.DataFrame:
    """Compare each person's highest office rank on ``start`` and on ``end``.

    Default people: the members and candidates of the Presidium on 18 June 1957. Columns:
    person_id, name, camp (where they stood in June 1957), rank_start, rank_end, change
    ('kept', 'lost' or 'gained'; a lower rank number is a higher post; no post counts as
    rank 5). Sorted by camp (against Khrushchev first), then change, then surname.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    people = _ids(person_ids, tuple(presidium_on(BEFORE)["person_id"]))
    ranks = ranks_on(people, [first, last])
    before = ranks[ranks["date"] == first].set_index("person_id")["rank"].fillna(NO_POST)
    after = ranks[ranks["date"] == last].set_index("person_id")["rank"].fillna(NO_POST)
    camps = june_1957_camps()
    names = person_names()
    rows = []
    for person_id in people:
        a, b = int(before[person_id]), int(after[person_id])
        change = "kept" if a == b else ("lost" if b > a else "gained")
        rows.append({"person_id": person_id, "name": names[person_id],
                     "camp": camps[person_id], "rank_start": a, "rank_end": b,
                     "change": change})
    result = pd.DataFrame(rows)
    result["camp_order"] = result["camp"].map(CAMP_ORDER.index)
    result["change_order"] = result["change"].map(("lost", "kept", "gained").index)
    result = result.sort_values(["camp_order", "change_order", "rank_end", "person_id"])
    return result.drop(columns=["camp_order", "change_order"]).reset_index(drop=True)


def _rank_axis(top: int) -> dict:
    values = list(range(1, top + 1))
    labels = [RANK_LABELS.get(v, NO_POST_LABEL) for v in values]
    return {"tickvals": values, "ticktext": labels, "range": [0.6, top + 0.4]}


def rank_change_figure(start: object = BEFORE, end: object = AFTER) -> go.Figure:
    """Dumbbell chart: each member of the June 1957 Presidium, from his or her highest rank on
    ``start`` (open circle) to that on ``end`` (filled circle), coloured by camp in June 1957."""
    table = kept_lost_gained(start, end)
    first, last = parse_date(start), parse_date(end)
    figure = go.Figure()
    for camp in CAMP_ORDER:
        mine = table[table["camp"] == camp]
        if mine.empty:
            continue
        colour = CAMP_COLOURS[camp]
        xs: list[float | None] = []
        ys: list[str | None] = []
        for row in mine.itertuples(index=False):
            xs += [row.rank_start, row.rank_end, None]
            ys += [row.name, row.name, None]
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", showlegend=False,
                                    hoverinfo="skip", line={"color": colour, "width": 3}))
        figure.add_trace(go.Scatter(
            x=mine["rank_start"], y=mine["name"], mode="markers", showlegend=False,
            marker={"symbol": "circle-open", "size": 14, "color": colour,
                    "line": {"width": 2, "color": colour}},
            hovertemplate="%{y}<br>" + f"{first:%d %b %Y}" + ": rank %{x}<extra></extra>"))
        figure.add_trace(go.Scatter(
            x=mine["rank_end"], y=mine["name"], mode="markers", name=CAMP_LABELS[camp],
            marker={"symbol": "circle", "size": 14, "color": colour,
                    "line": {"width": 1, "color": "#333333"}},
            hovertemplate="%{y}<br>" + f"{last:%d %b %Y}" + ": rank %{x}<extra></extra>"))
    against = table[table["camp"] == "against_khrushchev"]
    backers = table[table["camp"] == "for_khrushchev"]
    fell = backers.loc[backers["change"] == "lost", "name"].str.split().str[-1].tolist()
    fell_text = (f"of his backers, {' and '.join(fell)} fell too" if fell
                 else "none of his backers lost rank")
    title = (f"By {last.day} {last:%B %Y}, {(against['change'] == 'lost').sum()} of the "
             f"{len(against)} "
             f"who moved against Khrushchev had lost rank;<br>{fell_text}")
    top = max(4, int(table[["rank_start", "rank_end"]].max().max()))
    figure.update_layout(
        title=title, height=640, legend_title_text="Stance in June 1957 (filled: "
        f"{last:%d %b %Y}; open: {first:%d %b %Y})",
        xaxis={"title": "Highest office rank held (offices.csv; 1 = top, 4 = exile)",
               **_rank_axis(top)},
        yaxis={"title": "", "categoryorder": "array",
               "categoryarray": list(table["name"])[::-1]},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        margin={"l": 180, "r": 30, "t": 100, "b": 140},
    )
    return finish(figure)


# --------------------------------------------------------------------------- posts over time

def posts_table(person_ids: object = DEFEATED, start: object = WINDOW[0],
                end: object = WINDOW[1]) -> pd.DataFrame:
    """Every post each person held between ``start`` and ``end``, with the office's rank.

    Columns: name, office (title), rank, from, to (written with the precision the sources
    give; an empty 'to' means the post lasted beyond 1962 or its end is unknown), end_reason.
    People come in the order given, each person's posts in order of start.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    people = _ids(person_ids, DEFEATED)
    tenures = _ranked_tenures()
    tenures = tenures[tenures["person_id"].isin(people) & (tenures["start"] <= last)
                      & (tenures["end"].isna() | (tenures["end"] > first))].copy()
    tenures["order"] = tenures["person_id"].map(people.index)
    tenures = tenures.sort_values(["order", "start", "rank", "office_id"])
    names = person_names()
    return pd.DataFrame({
        "name": tenures["person_id"].map(names),
        "office": tenures["title"],
        "rank": tenures["rank"],
        "from": [format_date(d, p) for d, p in zip(tenures["start"],
                                                   tenures["start_precision"])],
        "to": [format_date(d, p) for d, p in zip(tenures["end"], tenures["end_precision"])],
        "end_reason": tenures["end_reason"].fillna(""),
    }).reset_index(drop=True)


def rank_segments(person_id: str, start: object = WINDOW[0],
                  end: object = WINDOW[1]) -> pd.DataFrame:
    """Split one person's career into spans with the same highest-ranked post(s).

    Columns: person_id, start, end (first day after the span), rank, office_ids, offices.
    Days on which the data record no post are left out. ``end`` of the window is inclusive.
    """
    first = parse_date(start, what="start date")
    stop = parse_date(end, what="end date") + pd.Timedelta(days=1)
    person_id = _ids(person_id, DEFEATED)[0]
    tenures = _ranked_tenures()
    mine = tenures[tenures["person_id"] == person_id]
    cuts = {first, stop} | {d for d in pd.concat([mine["start"], mine["end"]]).dropna()
                            if first < d < stop}
    cuts = sorted(cuts)
    spans: list[dict] = []
    records = _records(mine)
    for a, b in zip(cuts[:-1], cuts[1:]):
        rank, top = _top_posts(records, a)
        if rank is None:
            continue
        office_ids = tuple(r.office_id for r in top)
        if spans and spans[-1]["end"] == a and spans[-1]["office_ids"] == office_ids:
            spans[-1]["end"] = b
            continue
        spans.append({"person_id": person_id, "start": a, "end": b, "rank": rank,
                      "office_ids": office_ids, "offices": "; ".join(r.title for r in top)})
    return pd.DataFrame(spans, columns=["person_id", "start", "end", "rank", "office_ids",
                                        "offices"])


def _event_day(event_id: str) -> pd.Timestamp:
    events = load_dataset().frames["events"].set_index("event_id")
    return events.at[event_id, "date"]


def posts_timeline_figure(person_ids: object = DEFEATED, start: object = WINDOW[0],
                          end: object = WINDOW[1]) -> go.Figure:
    """Timeline of each person's highest-ranked post, one row per person, coloured by rank.

    Exile posts are labelled with their place; dashed lines mark the June 1957 plenum and the
    22nd Party Congress (October 1961).
    """
    people = _ids(person_ids, DEFEATED)
    names = person_names()
    segments = pd.concat([rank_segments(p, start, end) for p in people], ignore_index=True)
    figure = go.Figure()
    for rank, label in RANK_LABELS.items():
        mine = segments[segments["rank"] == rank]
        if mine.empty:
            continue
        places = [_exile_place(ids[0]) if rank == 4 else "" for ids in mine["office_ids"]]
        hover = [f"{names[p]}<br>{a:%Y-%m-%d} to {(b - pd.Timedelta(days=1)):%Y-%m-%d}<br>{o}"
                 for p, a, b, o in zip(mine["person_id"], mine["start"], mine["end"],
                                       mine["offices"])]
        figure.add_trace(go.Bar(
            orientation="h", name=label, y=mine["person_id"].map(names),
            base=[f"{a:%Y-%m-%d}" for a in mine["start"]],
            x=[(b - a).days * 86_400_000 for a, b in zip(mine["start"], mine["end"])],
            # Only the pale exile bars get an outline (to stand out from the white page); it
            # also separates two exile posts in a row, such as Mongolia and Vienna.
            marker={"color": RANK_COLOURS[rank],
                    "line": {"width": 0.8 if rank == 4 else 0, "color": "#333333"}},
            text=places, textposition="inside", insidetextanchor="middle",
            textfont={"color": "#000000", "size": 12},
            hovertext=hover, hoverinfo="text"))
    reached = segments[segments["rank"] == 4].groupby("person_id")["start"].min()
    exiled = [p for p in people if p in reached.index]
    share = (f"All {len(people)}" if len(exiled) == len(people)
             else f"{len(exiled)} of the {len(people)}")
    title = (f"{share} defeated leaders went from the leadership to posts of exile or "
             f"retirement,<br>{reached.min().year}–{reached.max().year}")
    for event_id, label in (("antiparty_resolution_1957", "June 1957 plenum"),
                            ("congress_22nd_1961", "22nd Congress")):
        day = _event_day(event_id)
        figure.add_vline(x=day.timestamp() * 1000, line={"dash": "dash", "color": "#555555",
                                                         "width": 1.5})
        figure.add_annotation(x=f"{day:%Y-%m-%d}", y=1.0, yref="paper", text=label,
                              showarrow=False, yanchor="bottom", font={"size": 13})
    first, last = parse_date(start), parse_date(end)
    figure.update_layout(
        title=title, height=560, barmode="overlay", bargap=0.3,
        uniformtext={"minsize": 10, "mode": "hide"},
        xaxis={"title": "Date (posts known only to the month or year start on its first day)",
               "type": "date", "range": [f"{first:%Y-%m-%d}",
                                         f"{last + pd.Timedelta(days=1):%Y-%m-%d}"]},
        yaxis={"title": "", "categoryorder": "array",
               "categoryarray": [names[p] for p in people][::-1]},
        legend_title_text="Highest-ranked post held (offices.csv rank)",
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
        margin={"l": 170, "r": 30, "t": 110, "b": 150},
    )
    return finish(figure)


# --------------------------------------------------------------------------- events

def chronicle(person_id: str, start: object = "1957-06-18",
              end: object = WINDOW[1]) -> pd.DataFrame:
    """The events of ``events.csv`` that involve one person and begin between ``start`` and ``end``.

    Columns: date (written with its precision), event, role (the person's part in it),
    category. In order of date.
    """
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    person_id = _ids(person_id, DEFEATED)[0]
    dataset = load_dataset()
    links = dataset.frames["event_people"]
    links = links[links["person_id"] == person_id]
    events = dataset.frames["events"].merge(links, on="event_id")
    events = events[(events["date"] >= first) & (events["date"] <= last)]
    events = events.sort_values(["date", "event_id"])
    return pd.DataFrame({
        "date": [format_date(d, p) for d, p in zip(events["date"], events["date_precision"])],
        "event": events["title"],
        "role": events["role"],
        "category": events["category"],
    }).reset_index(drop=True)


def _membership_events(people: list[str]) -> pd.DataFrame:
    """Expulsion steps and readmissions (events from 1961 on) of the given people."""
    dataset = load_dataset()
    links = dataset.frames["event_people"]
    links = links[links["person_id"].isin(people) & links["role"].isin(["victim",
                                                                        "beneficiary"])]
    events = dataset.frames["events"].merge(links, on="event_id")
    chosen = events[events["category"].isin(["expulsion", "rehabilitation"])
                    & (events["date"] >= pd.Timestamp("1961-01-01"))].copy()
    # A date known only to the month or year sorts at the end of that month or year: the
    # latest day it can have been, so that precise steps come before vague ones.
    chosen["latest"] = [_latest_day(d, p) for d, p in zip(chosen["date"],
                                                          chosen["date_precision"])]
    chosen = chosen.sort_values(["latest", "date", "event_id"])
    return chosen.drop(columns="latest").reset_index(drop=True)


def _latest_day(day: pd.Timestamp, precision: object) -> pd.Timestamp:
    if precision == "year":
        return pd.Timestamp(day.year, 12, 31)
    if precision == "month":
        return day + pd.offsets.MonthEnd(0)
    return day


def party_membership_table(person_ids: object = DEFEATED) -> pd.DataFrame:
    """Each step of the expulsions from the party (1961-62) and of the readmissions.

    Columns: name, date (with its precision), step (the event), another source says (the
    alternative value and its sources from ``disagreements.csv``, empty when none is
    recorded). Only people with such events appear.
    """
    people = _ids(person_ids, DEFEATED)
    events = _membership_events(people)
    disagreements = load_dataset().frames["disagreements"]
    disagreements = disagreements[disagreements["table"] == "events"]
    other = {r.record: f"{r.alternative_value} ({r.alternative_source_ids.replace(';', ', ')})"
             for r in disagreements.itertuples(index=False)}
    names = person_names()
    return pd.DataFrame({
        "name": events["person_id"].map(names),
        "date": [format_date(d, p, e) for d, p, e in zip(events["date"],
                                                         events["date_precision"],
                                                         events["end_date"])],
        "step": events["title"],
        "another source says": [other.get(e, "") for e in events["event_id"]],
    })


def _last_presidium_day(person_id: str) -> pd.Timestamp | None:
    tenures = load_dataset().frames["tenures"]
    seats = tenures[(tenures["person_id"] == person_id)
                    & tenures["office_id"].isin(PRESIDIUM_SEATS)]
    if seats.empty or seats["end"].isna().any():
        return None
    return seats["end"].max()


def fates_summary(person_ids: object = DEFEATED) -> pd.DataFrame:
    """One row per defeated leader: stance in June 1957, when he left the Presidium, his first
    post of exile, expulsion from the party and readmission.

    Where the data hold no readmission after an expulsion, the table says "no source we
    read": the sources we read are silent, which is not proof that it never happened.
    """
    people = _ids(person_ids, DEFEATED)
    dataset = load_dataset()
    persons = dataset.frames["people"].set_index("person_id")
    tenures = _ranked_tenures()
    camps = june_1957_camps()
    membership = _membership_events(people)
    rows = []
    for person_id in people:
        mine = tenures[(tenures["person_id"] == person_id) & (tenures["rank"] == 4)]
        mine = mine.sort_values("start")
        exile = mine.iloc[0] if not mine.empty else None
        left = _last_presidium_day(person_id)
        events = membership[membership["person_id"] == person_id]
        expelled = events[(events["category"] == "expulsion")
                          & events["title"].str.contains(EXPULSION)]
        readmitted = events[events["category"] == "rehabilitation"]
        if not expelled.empty:
            e = expelled.iloc[0]
            expelled_text = format_date(e["date"], e["date_precision"], e["end_date"])
        else:
            expelled_text = "none in our data"
        if not readmitted.empty:
            r = readmitted.iloc[0]
            readmitted_text = format_date(r["date"], r["date_precision"])
        elif not expelled.empty:
            readmitted_text = "no source we read"
        else:
            readmitted_text = "—"
        rows.append({
            "name": persons.at[person_id, "name"],
            "name_ru": persons.at[person_id, "name_ru"],
            "stance in June 1957": CAMP_LABELS[camps[person_id]],
            "left the Presidium": format_date(left) if left is not None else "",
            "first post of exile": "" if exile is None else exile["title"],
            "from": "" if exile is None else format_date(exile["start"],
                                                         exile["start_precision"]),
            "expelled from the party": expelled_text,
            "readmitted": readmitted_text,
        })
    return pd.DataFrame(rows)


def lives_after_presidium(person_ids: object = ("beria", *DEFEATED)) -> pd.DataFrame:
    """How long each person lived after his last day in the Presidium.

    Columns: name, left the Presidium, died, years after (one decimal). Beria, removed by the
    plenum of July 1953 and shot in December 1953, is the default first row for contrast.
    """
    people = _ids(person_ids, ("beria", *DEFEATED))
    persons = load_dataset().frames["people"].set_index("person_id")
    rows = []
    for person_id in people:
        left = _last_presidium_day(person_id)
        died = persons.at[person_id, "died"]
        years = (round((died - left).days / 365.25, 1)
                 if left is not None and pd.notna(died) else float("nan"))
        rows.append({"name": persons.at[person_id, "name"],
                     "left the Presidium": format_date(left) if left is not None else "",
                     "died": format_date(died, persons.at[person_id, "died_precision"]),
                     "years after": years})
    return pd.DataFrame(rows)


__all__ = [
    "DEFEATED", "NAMED_IN_RESOLUTION", "RANK_LABELS", "RANK_COLOURS", "format_date",
    "ranks_on", "rank_table", "kept_lost_gained", "rank_change_figure", "posts_table",
    "rank_segments", "posts_timeline_figure", "chronicle", "party_membership_table",
    "fates_summary", "lives_after_presidium", "june_1957_camps",
]
