"""Who held which post when: tenure charts, the balance of the Presidium, a date slider."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .dataset import load_dataset
from .dates import parse_date
from .network import june_1957_camps
from .queries import person_names, presidium_on, surname
from .style import CAMP_COLOURS, CAMP_LABELS, OKABE_ITO, finish
from .timeline import change_days

WINDOW = ("1953-03-05", "1958-12-31")

#: The key posts with one holder at a time, top to bottom as charts show them (first deputy
#: premiers are left out: several held that title at once).
KEY_OFFICES = {
    "first_secretary": "First Secretary",
    "premier": "Premier",
    "head_of_state": "Head of state",
    "foreign_minister": "Foreign minister",
    "defence_minister": "Defence minister",
    "interior_minister": "Interior minister",
    "kgb_chairman": "KGB chairman",
}


def _clipped(tenures: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Tenures overlapping [start, end], clipped to it, with names and June 1957 camps."""
    people = person_names()
    camps = june_1957_camps()
    ends = tenures["end"].fillna(end)
    frame = tenures[(tenures["start"] <= end) & (ends > start)].copy()
    frame["from"] = frame["start"].clip(lower=start)
    frame["to"] = frame["end"].fillna(end).clip(upper=end)
    frame["name"] = frame["person_id"].map(people)
    frame["camp"] = frame["person_id"].map(camps).map(CAMP_LABELS)
    return frame


def _camp_colours() -> dict[str, str]:
    return {CAMP_LABELS[camp]: colour for camp, colour in CAMP_COLOURS.items()}


def _timeline_bars(frame: pd.DataFrame, row: str, text: str | None = None,
                   hatched: pd.Series | None = None) -> list[go.Bar]:
    """Horizontal bars from ``from`` to ``to``, one trace per camp (and per hatching), in the
    fixed camp colours. (Plain bars, not plotly.express: the same picture, built faster.)"""
    traces = []
    hatched = hatched if hatched is not None else pd.Series(False, index=frame.index)
    for camp, colour in CAMP_COLOURS.items():
        for dashed in (False, True):
            mine = frame[(frame["camp"] == CAMP_LABELS[camp]) & (hatched == dashed)]
            if mine.empty:
                continue
            label = CAMP_LABELS[camp] + (", candidate" if dashed else "")
            traces.append(go.Bar(
                base=[f"{d:%Y-%m-%d}" for d in mine["from"]],
                x=[(b - a).days * 86_400_000 for a, b in zip(mine["from"], mine["to"])],
                y=list(mine[row]), orientation="h", name=label, legendgroup=label,
                text=list(mine[text]) if text else None, textposition="inside",
                insidetextanchor="start", hovertext=list(mine["name"]), hoverinfo="text",
                marker={"color": colour, "line": {"width": 1, "color": "white"},
                        "pattern": {"shape": "/" if dashed else ""}}))
    return traces


def key_posts_chart(start: object = WINDOW[0], end: object = WINDOW[1]) -> go.Figure:
    """Timeline of the holders of the key posts, coloured by their camp in June 1957."""
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    tenures = load_dataset().frames["tenures"]
    posts = _clipped(tenures[tenures["office_id"].isin(list(KEY_OFFICES))], first, last)
    posts["post"] = posts["office_id"].map(KEY_OFFICES)
    posts["holder"] = posts["name"].map(surname)
    posts = posts.sort_values(["office_id", "from", "person_id"])
    figure = go.Figure(_timeline_bars(posts, "post", text="holder"))
    figure.update_layout(
        title="In 1953 the men who would move against Khrushchev held the government's top "
              "posts; by 1958 only the ceremonial head of state was one of them",
        xaxis={"type": "date", "title": {"text": "Date"}},
        yaxis={"title": {"text": "Post"}, "categoryorder": "array",
               "categoryarray": list(KEY_OFFICES.values())[::-1]},
        legend_title_text="Stance in June 1957", height=520, barmode="overlay")
    return finish(figure)


def presidium_seats_chart(start: object = WINDOW[0], end: object = WINDOW[1]) -> go.Figure:
    """Timeline of every seat in the Presidium (full and candidate), by June 1957 camp."""
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    tenures = load_dataset().frames["tenures"]
    seats = _clipped(tenures[tenures["office_id"].str.startswith("presidium_")], first, last)
    seats["person"] = seats["name"].map(surname)
    order = list(seats.sort_values(["from", "person_id"]).drop_duplicates("person")["person"])
    figure = go.Figure(_timeline_bars(seats, "person",
                                      hatched=seats["office_id"] == "presidium_candidate"))
    figure.update_layout(
        title="The seven who moved against Khrushchev had sat in the Presidium since Stalin's "
              "time; most of his backers arrived from 1955 on",
        xaxis={"type": "date", "title": {"text": "Date (hatched bars: candidate, without a vote)"}},
        yaxis={"title": {"text": ""}, "categoryorder": "array", "categoryarray": order[::-1]},
        legend_title_text="Stance in June 1957, seat", height=950, barmode="overlay")
    return finish(figure)


def presidium_balance(start: object = WINDOW[0], end: object = WINDOW[1]) -> pd.DataFrame:
    """Full members of the Presidium by June 1957 camp, on every day the count changed."""
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    tenures = load_dataset().frames["tenures"]
    seats = tenures[tenures["office_id"] == "presidium_member"]
    days = change_days(seats, first, last)
    camps = june_1957_camps()
    rows = []
    for day in days:
        members = presidium_on(day)
        full = members[members["status"] == "full member"]["person_id"].map(camps)
        rows.append({"date": day,
                     "against_khrushchev": int((full == "against_khrushchev").sum()),
                     "for_khrushchev": int((full == "for_khrushchev").sum()),
                     "other": int((~full.isin(["against_khrushchev", "for_khrushchev"])).sum())})
    return pd.DataFrame(rows)


def presidium_balance_chart(start: object = WINDOW[0], end: object = WINDOW[1]) -> go.Figure:
    """Stacked step chart of the full members by camp over time."""
    balance = presidium_balance(start, end)
    on_18_june = balance[balance["date"] <= pd.Timestamp("1957-06-18")].iloc[-1]
    total = int(on_18_june[["against_khrushchev", "for_khrushchev", "other"]].sum())
    camps = june_1957_camps()
    after = presidium_on("1957-06-30")
    kept = sorted(surname(p.name) for p in after.itertuples()
                  if p.status == "full member" and camps.get(p.person_id) == "against_khrushchev")
    series = [("against_khrushchev", CAMP_COLOURS["against_khrushchev"], "Moved against him"),
              ("for_khrushchev", CAMP_COLOURS["for_khrushchev"], "Backed him"),
              ("other", CAMP_COLOURS["not_in_leadership"], "Other or gone")]
    figure = go.Figure()
    for column, colour, label in series:
        figure.add_trace(go.Scatter(x=balance["date"], y=balance[column], name=label,
                                    mode="lines", line={"shape": "hv", "width": 0.5,
                                                        "color": colour},
                                    stackgroup="seats", fillcolor=colour))
    figure.update_layout(
        title=(f"Khrushchev's opponents held {on_18_june['against_khrushchev']} of {total} full "
               f"seats on 18 June 1957; after the plenum only {' and '.join(kept)}, who were "
               "not named, kept theirs"),
        xaxis_title="Date", yaxis_title="Full (voting) members of the Presidium",
        legend_title_text="In June 1957", height=460)
    return finish(figure)


def posts_held(people: list[str], dates: list[object]) -> pd.DataFrame:
    """How many key posts (and a full Presidium seat) each person held on each date."""
    tenures = load_dataset().frames["tenures"]
    counted = tenures[tenures["office_id"].isin([*KEY_OFFICES, "presidium_member"])]
    table = {}
    for value in dates:
        day = parse_date(value)
        held = counted[(counted["start"] <= day) & (counted["end"].isna() | (day < counted["end"]))]
        table[day] = held["person_id"].value_counts().reindex(people, fill_value=0)
    names = person_names()
    frame = pd.DataFrame(table)
    frame.index = [names[p] for p in people]
    return frame


def posts_held_chart(people: list[str], freq: str = "QS") -> go.Figure:
    """Heatmap: key posts held per leader, quarter by quarter, 1953-1958."""
    dates = [d.date().isoformat() for d in pd.date_range("1953-04-01", "1958-10-01", freq=freq)]
    held = posts_held(people, dates)
    top = held.iloc[:, -1].idxmax()
    figure_title = f"At the end of 1958 {top} held more key posts than anyone else"
    held = held.iloc[::-1]  # first person on top
    figure = go.Figure(go.Heatmap(
        z=held.values, x=list(held.columns), y=list(held.index), zmin=0,
        texttemplate="%{z}", textfont={"size": 12},
        colorscale=[[0, "#f7f7f7"], [1, OKABE_ITO[0]]],
        colorbar={"title": {"text": "Posts"}, "dtick": 1},
        hovertemplate="%{y}<br>%{x|%B %Y}: %{z} posts<extra></extra>"))
    figure.update_layout(
        title=figure_title,
        xaxis_title="Quarter", yaxis_title="", height=480)
    return finish(figure)


def event_timeline_chart(start: object = WINDOW[0], end: object = "1962-12-31") -> go.Figure:
    """Every event on a timeline, one row per category, hover for the title."""
    first, last = parse_date(start, what="start date"), parse_date(end, what="end date")
    events = load_dataset().frames["events"]
    events = events[(events["date"] >= first) & (events["date"] <= last)]
    months = events["date"].dt.to_period("M").value_counts()
    busiest, count = months.idxmax(), int(months.max())
    categories = sorted(events["category"].unique())
    figure = go.Figure()
    for index, category in enumerate(categories):
        mine = events[events["category"] == category].sort_values("date")
        figure.add_trace(go.Scatter(
            x=mine["date"], y=[category] * len(mine), mode="markers", name=category,
            marker={"size": 12, "color": OKABE_ITO[index % len(OKABE_ITO)],
                    "line": {"width": 1, "color": "#333333"}},
            hovertext=mine["title"], hoverinfo="text+x"))
    for day, label in (("1953-03-05", "Stalin dies"), ("1956-02-25", "Secret Speech"),
                       ("1957-06-18", "June crisis"), ("1961-10-17", "22nd Congress")):
        figure.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line_dash="dot",
                         line_color="#777777", annotation_text=label,
                         annotation_position="top")
    figure.update_layout(
        title=f"The busiest month in the record is {busiest.strftime('%B %Y')}, "
              f"with {count} events",
        xaxis_title="Date", yaxis_title="Kind of event", showlegend=False, height=520)
    return finish(figure)


def presidium_slider(freq: str = "QS") -> go.Figure:
    """The Presidium on any date, with a slider that works without a kernel (exported HTML).

    One trace per date (a quarter from 1953 to 1958, plus 18 and 30 June 1957), only one
    visible at a time; full members in the left column, candidates in the right, each coloured
    by camp in June 1957.
    """
    days = sorted(set(pd.date_range("1953-04-01", "1958-10-01", freq=freq))
                  | {pd.Timestamp(WINDOW[0]), pd.Timestamp("1957-06-18"),
                     pd.Timestamp("1957-06-30")})
    camps = june_1957_camps()
    start_at = days.index(pd.Timestamp("1957-06-18"))
    tenures = load_dataset().frames["tenures"]
    seats = tenures[tenures["office_id"].str.startswith("presidium_")]
    names = person_names()
    # Plain records, sorted once: one pass a date instead of one query a date.
    records = sorted((r.office_id != "presidium_member", r.person_id, r.start, r.end)
                     for r in seats.itertuples(index=False))
    figure = go.Figure()
    for position, day in enumerate(days):
        x, y, text, colour = [], [], [], []
        rows = {False: 0, True: 0}
        for candidate, person_id, first, end in records:
            if not (first <= day and (pd.isna(end) or day < end)):
                continue
            x.append(int(candidate))
            y.append(-rows[candidate])
            rows[candidate] += 1
            text.append(surname(names[person_id]))
            colour.append(CAMP_COLOURS[camps.get(person_id, "not_in_leadership")])
        figure.add_trace(go.Scatter(
            x=x, y=y, text=text, mode="markers+text", textposition="middle right",
            visible=position == start_at, name=day.date().isoformat(), hoverinfo="text",
            marker={"size": 16, "color": colour, "line": {"width": 1, "color": "#333333"}}))
    steps = [{"label": day.date().isoformat(), "method": "update",
              "args": [{"visible": [i == position for i in range(len(days))]}]}
             for position, day in enumerate(days)]
    figure.update_layout(
        title="The Presidium on any date: move the slider (orange: moved against Khrushchev "
              "in 1957; blue: backed him; grey: no longer there)",
        xaxis={"range": [-0.2, 1.8], "tickvals": [0, 1], "side": "top",
               "ticktext": ["Full members (vote)", "Candidates (no vote)"], "title": ""},
        yaxis={"visible": False, "range": [-15.5, 0.8]},
        sliders=[{"active": start_at, "steps": steps, "currentvalue": {"prefix": "Date: "},
                  "pad": {"t": 30}}],
        height=700, showlegend=False)
    return finish(figure)
