"""June 1957, day by day: the Presidium's vote against Khrushchev and the plenum that reversed it.

Every table and figure here is computed from ``data/``: the events of 18 June - 4 July 1957
(``events.csv``, ``event_people.csv``), the seats on any day (``tenures.csv`` through
:func:`helpers.presidium_on`), and where each leader stood (``stances_june_1957.csv``, which is
*interpretation* of accounts written after the event; see its ``evidence`` column).
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from .dataset import load_dataset
from .dates import parse_date
from .errors import DataFileError
from .queries import PRESIDIUM_OFFICES, person_names, presidium_on, surname
from .style import CAMP_COLOURS, CAMP_LABELS, OKABE_ITO, finish

#: The days of the crisis, in order, from the first Presidium session to Pravda's report.
CRISIS_EVENTS: tuple[str, ...] = (
    "presidium_session_1957_06_18",
    "presidium_session_1957_06_19",
    "presidium_session_1957_06_20",
    "presidium_session_1957_06_21",
    "cc_plenum_opens_1957",
    "plenum_speeches_gromyko_ustinov_1957",
    "antiparty_resolution_1957",
    "new_presidium_1957",
    "antiparty_announced_radio_1957",
    "antiparty_published_pravda_1957",
)

#: Which body acted in each event (the rows of the timeline are coloured by it).
ARENA: dict[str, str] = {
    "presidium_session_1957_06_18": "Presidium",
    "presidium_session_1957_06_19": "Presidium",
    "presidium_session_1957_06_20": "Presidium",
    "presidium_session_1957_06_21": "Presidium",
    "cc_plenum_opens_1957": "Central Committee plenum",
    "plenum_speeches_gromyko_ustinov_1957": "Central Committee plenum",
    "antiparty_resolution_1957": "Central Committee plenum",
    "new_presidium_1957": "Central Committee plenum",
    "antiparty_announced_radio_1957": "Radio and press",
    "antiparty_published_pravda_1957": "Radio and press",
}
ARENA_COLOURS: dict[str, str] = {
    "Presidium": OKABE_ITO[2],                 # bluish green
    "Central Committee plenum": OKABE_ITO[4],  # sky blue
    "Radio and press": OKABE_ITO[7],           # black
}

#: An event's day is "thin" when its note says the day is uncertain, disputed or inferred.
THIN_DATING = re.compile(r"uncertain|disagreement on the day|inference|inferred", re.IGNORECASE)

BODY_LABELS = {"presidium_full": "full member", "presidium_candidate": "candidate",
               "other": "not in the Presidium"}
VOTE_LABELS = {"for_removal": "for removing Khrushchev", "against_removal": "against",
               "no_vote": "no vote"}
STANCE_ORDER = ("against_khrushchev", "wavered", "unclear", "for_khrushchev")

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty")


def _word(number: int, capital: bool = False) -> str:
    """Spell a small number for a title ('seven'); larger numbers stay digits."""
    text = _WORDS[number] if 0 <= number < len(_WORDS) else str(number)
    return text.capitalize() if capital else text


def _day(value: pd.Timestamp) -> str:
    return f"{value.day} {value:%b}"


# --------------------------------------------------------------------------------------------
# Day by day
# --------------------------------------------------------------------------------------------

def crisis_days() -> pd.DataFrame:
    """The events of June-July 1957, one row each, in order.

    Columns: date, end_date (last day of a meeting that lasted several days; NaT for one day),
    arena (which body acted), title, people (surnames linked to the event in
    ``event_people.csv``), dating ('firm', or 'thin' when the event's note says the day is
    uncertain, disputed or inferred), event_id.
    """
    dataset = load_dataset()
    events = dataset.frames["events"].set_index("event_id").loc[list(CRISIS_EVENTS)]
    links = dataset.frames["event_people"]
    names = person_names()
    rows = []
    for event_id, event in events.iterrows():
        linked = links.loc[links["event_id"] == event_id, "person_id"]
        note = event["note"] if isinstance(event["note"], str) else ""
        rows.append({
            "date": event["date"], "end_date": event["end_date"], "arena": ARENA[event_id],
            "title": event["title"],
            "people": ", ".join(surname(names[p]) for p in linked),
            "dating": "thin" if THIN_DATING.search(note) else "firm",
            "event_id": event_id,
        })
    table = pd.DataFrame(rows)
    table["_order"] = table["event_id"].map({e: i for i, e in enumerate(CRISIS_EVENTS)})
    table = table.sort_values(["date", "_order"]).drop(columns="_order")
    return table.reset_index(drop=True)


def dating_caveats() -> str:
    """The notes of the events whose day is thinly attested, one paragraph each (for print)."""
    days = crisis_days()
    events = load_dataset().frames["events"].set_index("event_id")
    paragraphs = []
    for row in days[days["dating"] == "thin"].itertuples(index=False):
        note = events.at[row.event_id, "note"]
        paragraphs.append(f"{row.date:%d %B %Y} - {row.title}\n  Note: {note}")
    return "\n\n".join(paragraphs)


def crisis_timeline_figure() -> go.Figure:
    """Annotated timeline of the crisis: one row per event (earliest at the top), a marker on its
    day and a bar over a meeting of several days; open markers where the day is uncertain."""
    days = crisis_days()
    events = load_dataset().frames["events"].set_index("event_id")
    start = days["date"].min()
    verdict = events.at["antiparty_resolution_1957", "date"]
    printed = events.at["antiparty_published_pravda_1957", "date"]
    to_verdict, to_print = (verdict - start).days, (printed - verdict).days
    short = _short_labels()
    labels = [f"{_day(r.date)}{'–' + _day(r.end_date) if pd.notna(r.end_date) else ''}: "
              f"{short[r.event_id]}" for r in days.itertuples(index=False)]
    days = days.assign(label=labels)
    figure = go.Figure()
    for arena, colour in ARENA_COLOURS.items():
        mine = days[days["arena"] == arena]
        spans = mine[mine["end_date"].notna()]
        if not spans.empty:  # meetings of several days: a thick bar from first to last day
            xs: list[object] = []
            ys: list[object] = []
            for row in spans.itertuples(index=False):
                xs += [row.date, row.end_date, None]
                ys += [row.label, row.label, None]
            figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                        showlegend=False, legendgroup=arena,
                                        line={"color": colour, "width": 8}))
        thin = mine["dating"] == "thin"
        figure.add_trace(go.Scatter(
            x=mine["date"], y=mine["label"], mode="markers", name=arena, legendgroup=arena,
            hovertext=[events.at[e, "summary"] for e in mine["event_id"]], hoverinfo="text",
            marker={"size": 16, "color": colour,
                    "symbol": ["diamond-open" if t else "circle" for t in thin],
                    "line": {"color": colour, "width": 3}}))
    figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers",
                                name="Open diamond: day uncertain",
                                marker={"size": 14, "symbol": "diamond-open", "color": "#555555",
                                        "line": {"width": 3}}))
    presidium = days[days["arena"] == "Presidium"]
    figure.add_vrect(x0=presidium["date"].min() - pd.Timedelta(hours=12),
                     x1=presidium["date"].max() + pd.Timedelta(hours=12),
                     fillcolor=ARENA_COLOURS["Presidium"], opacity=0.12, line_width=0,
                     annotation_text="Presidium sits", annotation_position="top left",
                     annotation_font_size=13)
    plenum = events.loc["cc_plenum_opens_1957"]
    figure.add_vrect(x0=plenum["date"] - pd.Timedelta(hours=12),
                     x1=plenum["end_date"] + pd.Timedelta(hours=12),
                     fillcolor=ARENA_COLOURS["Central Committee plenum"], opacity=0.12,
                     line_width=0, annotation_text="Plenum sits",
                     annotation_position="top right", annotation_font_size=13)
    vote_row = days[days["event_id"] == "presidium_session_1957_06_20"].iloc[0]
    figure.add_annotation(x=vote_row["date"], y=vote_row["label"], ax=90, ay=-12,
                          text="other accounts: no firm day, or 18 June", showarrow=True,
                          arrowhead=2, xanchor="left", font={"size": 13})
    figure.update_layout(
        title=(f"{_word(to_verdict, capital=True)} days from the Presidium's attack to the "
               f"plenum's verdict; {_word(to_print)} more before Pravda printed it"),
        xaxis_title="Date (June–July 1957)",
        yaxis={"title": "", "automargin": True, "autorange": "reversed", "categoryorder": "array",
               "categoryarray": list(days["label"])},
        xaxis={"range": [start - pd.Timedelta(days=1), printed + pd.Timedelta(days=1)],
               "dtick": 86400000 * 2, "tickformat": "%d %b"},
        legend={"title_text": "Who acted:", "orientation": "h", "x": 0, "xanchor": "left",
                "y": -0.18, "yanchor": "top"},
        height=600, margin={"l": 40, "r": 30, "t": 90, "b": 130},
    )
    return finish(figure)


def _short_labels() -> dict[str, str]:
    """Short row labels for the timeline (the full titles are in ``crisis_days()``)."""
    votes = vote_count()
    yes, no = int(votes.get(VOTE_LABELS["for_removal"], 0)), int(votes.get("against", 0))
    new_full = int((presidium_on("1957-06-30")["status"] == "full member").sum())
    return {
        "presidium_session_1957_06_18": "Presidium session opens the attack",
        "presidium_session_1957_06_19": "Session goes on; CC members arrive",
        "presidium_session_1957_06_20": f"{yes}–{no} vote to remove Khrushchev (day disputed)",
        "presidium_session_1957_06_21": "Presidium agrees to call a plenum",
        "cc_plenum_opens_1957": "Central Committee plenum",
        "plenum_speeches_gromyko_ustinov_1957": "Gromyko, Ustinov, Shelepin speak",
        "antiparty_resolution_1957": "Resolution on the 'anti-party group'",
        "new_presidium_1957": f"New Presidium of {new_full} full members",
        "antiparty_announced_radio_1957": "Moscow radio announces the decisions",
        "antiparty_published_pravda_1957": "Pravda prints the resolution",
    }


# --------------------------------------------------------------------------------------------
# The vote of 18-20 June
# --------------------------------------------------------------------------------------------

def presidium_with_stances(date: object = "1957-06-18") -> pd.DataFrame:
    """The Presidium on ``date`` (full members first), with each person's stance and vote in
    June 1957 from ``stances_june_1957.csv``.

    Columns: person_id, name, name_ru, status, stance, voted, evidence.
    """
    seats = presidium_on(date)
    stances = load_dataset().frames["stances_june_1957"][["person_id", "stance", "voted",
                                                          "evidence"]]
    merged = seats.merge(stances, on="person_id", how="left")
    merged["stance"] = merged["stance"].fillna("not_in_leadership")
    columns = ["person_id", "name", "name_ru", "status", "stance", "voted", "evidence"]
    return merged[columns]


def vote_count(date: object = "1957-06-18") -> pd.Series:
    """How the full members on ``date`` voted on removing Khrushchev (counts, largest first)."""
    full = presidium_with_stances(date).query("status == 'full member'")
    counts = full["voted"].map(VOTE_LABELS).value_counts()
    counts.index.name = "vote of the full members"
    return counts.rename("people")


def presidium_stance_figure(date: object = "1957-06-18") -> go.Figure:
    """One marker per member of the Presidium on ``date``, coloured by stance in June 1957:
    full members (who voted) in the top row, candidates (no vote) as open markers below."""
    members = presidium_with_stances(date)
    rank = {stance: i for i, stance in enumerate(STANCE_ORDER)}
    rows = {"full member": "Full members<br>(one vote each)",
            "candidate": "Candidates<br>(could speak, no vote)"}
    figure = go.Figure()
    shown: set[str] = set()
    for status, row_label in rows.items():
        mine = members[members["status"] == status].copy()
        mine = mine.assign(order=mine["stance"].map(rank).fillna(len(rank)))
        mine = mine.sort_values(["order", "person_id"]).reset_index(drop=True)
        mine["x"] = range(1, len(mine) + 1)
        for stance in [s for s in STANCE_ORDER if s in set(mine["stance"])]:
            group = mine[mine["stance"] == stance]
            full = status == "full member"
            figure.add_trace(go.Scatter(
                x=group["x"], y=[row_label] * len(group), mode="markers+text",
                name=CAMP_LABELS[stance], legendgroup=stance, showlegend=False,
                text=[surname(n) for n in group["name"]],
                textposition=["top center" if x % 2 else "bottom center" for x in group["x"]],
                textfont={"size": 13},
                hovertext=[f"{n} ({r}): {VOTE_LABELS.get(v, v)}" for n, r, v in
                           zip(group["name"], group["name_ru"], group["voted"])],
                hoverinfo="text",
                marker={"size": 26, "symbol": "circle" if full else "circle-open",
                        "color": CAMP_COLOURS[stance],
                        "line": {"width": 1 if full else 4, "color": "#333333" if full
                                 else CAMP_COLOURS[stance]}}))
            shown.add(stance)
    for stance in [s for s in STANCE_ORDER if s in shown]:  # legend: one filled key a camp
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", legendgroup=stance,
                                    name=CAMP_LABELS[stance],
                                    marker={"size": 18, "color": CAMP_COLOURS[stance]}))
    figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers",
                                name="Open ring: candidate, no vote",
                                marker={"size": 18, "symbol": "circle-open", "color": "#555555",
                                        "line": {"width": 4}}))
    full = members[members["status"] == "full member"]
    candidates = members[members["status"] == "candidate"]
    yes = int((full["voted"] == "for_removal").sum())
    no = int((full["voted"] == "against_removal").sum())
    figure.add_annotation(x=len(full) + 0.6, y=rows["full member"], xanchor="left",
                          showarrow=False, text=f"<b>{yes}–{no}</b><br>for removal")
    figure.add_annotation(x=len(full) + 0.6, y=rows["candidate"], xanchor="left",
                          showarrow=False, text="<b>no vote</b>")
    day = parse_date(date)
    figure.update_layout(
        title=(f"{_word(yes, capital=True)} of the {_word(len(full))} full members voted to "
               f"remove Khrushchev; the {_word(len(candidates))} candidates had no vote"),
        xaxis={"title": f"Members of the Presidium on {day.day} {day:%B %Y}, grouped by stance "
                        "(one marker per person)",
               "showticklabels": False, "showgrid": False, "zeroline": False, "ticks": "",
               "range": [0.3, len(full) + 1.8]},
        yaxis={"title": "Seat", "automargin": True, "categoryorder": "array",
               "categoryarray": [rows["candidate"], rows["full member"]],
               "showgrid": False, "range": [-0.6, 1.6]},
        legend={"title_text": "Stance in June 1957 (interpretation):", "orientation": "h",
                "x": 0, "xanchor": "left", "y": -0.3, "yanchor": "top"},
        height=420, margin={"b": 120},
    )
    return finish(figure)


# --------------------------------------------------------------------------------------------
# Why the Central Committee mattered
# --------------------------------------------------------------------------------------------

def central_committee_size(committee_id: str = "cc_1956") -> dict[str, int]:
    """Full and candidate members elected to a Central Committee (default: the one elected by the
    20th Congress in 1956), read from ``central_committees.csv``."""
    committees = load_dataset().frames["central_committees"].set_index("committee_id")
    if committee_id not in committees.index:
        raise DataFileError("data/central_committees.csv", f"has no row {committee_id!r}.",
                            hint="Restore it with `git checkout -- data/`.")
    row = committees.loc[committee_id]
    return {"full": int(row["full_members"]), "candidate": int(row["candidate_members"])}


def decision_bodies(date: object = "1957-06-18") -> pd.DataFrame:
    """Who could vote where: the Presidium on ``date`` against the Central Committee that had
    elected it, with the number of votes a majority needed in each."""
    members = presidium_with_stances(date)
    full = members[members["status"] == "full member"]
    size = central_committee_size()
    rows = [
        {"body": "Presidium of the Central Committee", "elected by": "the Central Committee",
         "voting (full) members": len(full),
         "non-voting candidates": int((members["status"] == "candidate").sum()),
         "majority needed": len(full) // 2 + 1,
         "against Khrushchev": int((full["voted"] == "for_removal").sum())},
        {"body": "Central Committee (elected February 1956)", "elected by": "the 20th Congress",
         "voting (full) members": size["full"], "non-voting candidates": size["candidate"],
         "majority needed": size["full"] // 2 + 1, "against Khrushchev": pd.NA},
    ]
    return pd.DataFrame(rows).set_index("body")


# --------------------------------------------------------------------------------------------
# Zhukov and Serov
# --------------------------------------------------------------------------------------------

def helpers_outside_the_vote(people: tuple[str, ...] = ("zhukov", "serov"),
                             date: object = "1957-06-18") -> pd.DataFrame:
    """What the sources say each of ``people`` did in June 1957, with the seat and the state
    post each held on ``date`` (``stances_june_1957.csv`` and ``tenures.csv``)."""
    dataset = load_dataset()
    day = parse_date(date)
    stances = dataset.frames["stances_june_1957"].set_index("person_id")
    tenures = dataset.frames["tenures"]
    offices = dataset.frames["offices"].set_index("office_id")["title"]
    names = dataset.frames["people"].set_index("person_id")
    rows = []
    for person_id in people:
        held = tenures[(tenures["person_id"] == person_id)
                       & (tenures["start"] <= day)
                       & (tenures["end"].isna() | (day < tenures["end"]))
                       & ~tenures["office_id"].isin(list(PRESIDIUM_OFFICES))]
        rows.append({
            "name": names.at[person_id, "name"], "name_ru": names.at[person_id, "name_ru"],
            "post": "; ".join(offices[o] for o in held["office_id"]),
            "seat in the Presidium": BODY_LABELS[stances.at[person_id, "body"]],
            "stance": stances.at[person_id, "stance"],
            "what the sources say": stances.at[person_id, "evidence"],
            "caveat": stances.at[person_id, "note"],
        })
    return pd.DataFrame(rows)


def ties_of(people: tuple[str, ...] = ("zhukov", "serov"), partner: str = "khrushchev"
            ) -> pd.DataFrame:
    """Every tie in ``ties.csv`` between ``partner`` and one of ``people``, in order of start."""
    ties = load_dataset().frames["ties"]
    pair = (((ties["person_a"] == partner) & ties["person_b"].isin(people))
            | ((ties["person_b"] == partner) & ties["person_a"].isin(people)))
    chosen = ties[pair].copy()
    chosen["with"] = [b if a == partner else a for a, b in zip(chosen["person_a"],
                                                              chosen["person_b"])]
    columns = ["with", "kind", "start", "end", "interpretation", "evidence"]
    return chosen.sort_values(["start", "with"])[columns].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# The resolution of 29 June and the new Presidium
# --------------------------------------------------------------------------------------------

def named_in_resolution() -> list[str]:
    """Person ids condemned by name in the plenum's resolution of 29 June 1957 (the event's
    'victim' links in ``event_people.csv``), in the order the data list them."""
    links = load_dataset().frames["event_people"]
    chosen = links[(links["event_id"] == "antiparty_resolution_1957")
                   & (links["role"] == "victim")]
    return list(chosen["person_id"])


def _seat(person_id: str, seats: pd.DataFrame) -> str:
    mine = seats.loc[seats["person_id"] == person_id, "status"]
    return str(mine.iloc[0]) if len(mine) else "none"


def resolution_table(before: object = "1957-06-18", after: object = "1957-06-30"
                     ) -> pd.DataFrame:
    """Everyone who sided against Khrushchev in the Presidium: how they voted, whether the
    resolution of 29 June named them, and their seat before and after the plenum."""
    members = presidium_with_stances(before)
    against = members[members["stance"] == "against_khrushchev"]
    seats_after = presidium_on(after)
    named = set(named_in_resolution())
    table = pd.DataFrame({
        "person_id": against["person_id"], "name": against["name"],
        "vote": against["voted"].map(VOTE_LABELS),
        "named in the resolution": against["person_id"].isin(named),
        f"seat on {parse_date(before):%d %b}": against["status"],
        f"seat on {parse_date(after):%d %b}": [_seat(p, seats_after)
                                               for p in against["person_id"]],
    })
    table = table.sort_values(["named in the resolution", "person_id"],
                              ascending=[False, True])
    return table.reset_index(drop=True)


CHANGES = {
    ("full member", "full member"): "kept full seat",
    ("full member", "candidate"): "demoted to candidate",
    ("full member", "none"): "removed",
    ("candidate", "full member"): "promoted to full member",
    ("candidate", "candidate"): "kept candidate seat",
    ("candidate", "none"): "removed",
    ("none", "full member"): "new full member",
    ("none", "candidate"): "new candidate",
}
CHANGE_ORDER = ("removed", "demoted to candidate", "kept full seat", "promoted to full member",
                "new full member", "kept candidate seat", "new candidate")


def presidium_change(before: object = "1957-06-18", after: object = "1957-06-30"
                     ) -> pd.DataFrame:
    """Everyone who sat in the Presidium on ``before`` or ``after``: their seat on each day,
    what changed, and their stance in June 1957. Sorted by change, then surname."""
    first, second = presidium_on(before), presidium_on(after)
    people = sorted(set(first["person_id"]) | set(second["person_id"]))
    stances = load_dataset().frames["stances_june_1957"].set_index("person_id")["stance"]
    names = person_names()
    label_before = f"seat on {parse_date(before):%d %b %Y}"
    label_after = f"seat on {parse_date(after):%d %b %Y}"
    rows = []
    for person_id in people:
        seat_before, seat_after = _seat(person_id, first), _seat(person_id, second)
        rows.append({"person_id": person_id, "name": names[person_id],
                     label_before: seat_before, label_after: seat_after,
                     "change": CHANGES[(seat_before, seat_after)],
                     "stance in June 1957": stances.get(person_id, "not_in_leadership")})
    table = pd.DataFrame(rows)
    order = {change: i for i, change in enumerate(CHANGE_ORDER)}
    table = table.assign(_order=table["change"].map(order),
                         _surname=table["name"].map(surname))
    table = table.sort_values(["_order", "_surname"]).drop(columns=["_order", "_surname"])
    return table.reset_index(drop=True)


def full_members_by_stance_figure(before: object = "1957-06-18", after: object = "1957-06-30"
                                  ) -> go.Figure:
    """Stacked bars: the full members on two days, counted by where they stood in June 1957."""
    counts = {}
    for date in (before, after):
        full = presidium_with_stances(date).query("status == 'full member'")
        counts[date] = full["stance"].value_counts()
    labels = {d: f"{parse_date(d).day} {parse_date(d):%B %Y}" for d in (before, after)}
    figure = go.Figure()
    for stance in reversed(STANCE_ORDER + ("not_in_leadership",)):
        values = [int(counts[d].get(stance, 0)) for d in (before, after)]
        if sum(values):
            figure.add_trace(go.Bar(x=[labels[d] for d in (before, after)], y=values,
                                    name=CAMP_LABELS[stance], text=values,
                                    textposition="inside",
                                    marker={"color": CAMP_COLOURS[stance]}))
    backers = [int(counts[d].get("for_khrushchev", 0)) for d in (before, after)]
    totals = [int(counts[d].sum()) for d in (before, after)]
    figure.update_layout(
        barmode="stack",
        title=(f"Full members who backed Khrushchev in June 1957: {backers[0]} of {totals[0]} "
               f"before the plenum, {backers[1]} of {totals[1]} after it"),
        xaxis_title="Day", yaxis_title="Full (voting) members of the Presidium",
        legend_title_text="Stance in June 1957 (interpretation)", height=450,
    )
    return finish(figure)


# --------------------------------------------------------------------------------------------
# Removed from the leadership, not (yet) from the party
# --------------------------------------------------------------------------------------------

def party_expulsions() -> pd.DataFrame:
    """The events of the four named leaders' expulsion from the party (all after the 22nd
    Congress of October 1961), with the precision of each date."""
    events = load_dataset().frames["events"]
    chosen = events[events["event_id"].str.contains("expel|expulsion", regex=True)]
    columns = ["date", "date_precision", "end_date", "title", "event_id"]
    return chosen.sort_values(["date", "event_id"])[columns].reset_index(drop=True)


__all__ = [
    "CRISIS_EVENTS", "crisis_days", "dating_caveats", "crisis_timeline_figure",
    "presidium_with_stances", "vote_count", "presidium_stance_figure",
    "central_committee_size", "decision_bodies", "helpers_outside_the_vote", "ties_of",
    "named_in_resolution", "resolution_table", "presidium_change",
    "full_members_by_stance_figure", "party_expulsions",
]
