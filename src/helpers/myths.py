"""Myth and record: test the claims of a popular account of June 1957 against the data.

A popular account says that Malenkov, Molotov, Kaganovich and Shepilov *resigned* from the
Communist Party in 1957, of their own will, as an act of political dissent, and recommends a
book under the wrong author's name. :data:`CLAIMS` paraphrases each claim, gives our verdict
and names the rows of ``data/`` that test it; :func:`evidence_for` gathers those rows with
their sources; :func:`party_timeline` and :func:`removal_vs_expulsion_figure` set the date of
removal from the leading bodies beside the date of expulsion from the party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .dataset import load_dataset
from .dates import format_date
from .errors import UnknownIdError
from .queries import person_names
from .style import OKABE_ITO, finish

#: The four named in the resolution, in the order of its title ("... Malenkov, Kaganovich,
#: Molotov and Shepilov, who joined them").
THE_FOUR: tuple[str, ...] = ("malenkov", "kaganovich", "molotov", "shepilov")

#: The CC plenum's resolution of 29 June 1957 and its publication in Pravda on 4 July.
RESOLUTION_EVENT = "antiparty_resolution_1957"
PUBLICATION_EVENT = "antiparty_published_pravda_1957"

#: The row in events.csv that dates each man's final expulsion from the party.
EXPULSION_EVENTS: dict[str, str] = {
    "malenkov": "malenkov_expelled_1961",
    "kaganovich": "kaganovich_expelled_1962",
    "molotov": "molotov_expelled_1962",
    "shepilov": "shepilov_expelled_1962",
}

#: The seats in the party's ruling bodies (the Presidium) whose loss the figure dates.
PRESIDIUM_SEATS = ("presidium_member", "presidium_candidate")

EVIDENCE_COLUMNS = ["table", "record", "date", "what", "source_ids"]


@dataclass(frozen=True)
class Claim:
    """One claim of the popular account, paraphrased, with our verdict and where to look."""

    claim_id: str
    paraphrase: str
    kind: str          # "fact", "interpretation" or "bibliography"
    verdict: str       # "true", "false" or "misleading"
    finding: str       # what the record shows, in one or two sentences
    events: tuple[str, ...] = ()
    tenures_ending: str | None = None   # tenures of the four that ended on this day
    stances: bool = False               # the June 1957 stances of those who moved
    disagreements: tuple[str, ...] = ()


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "resigned_from_party",
        "Malenkov, Molotov, Kaganovich and Shepilov resigned from the party in 1957.",
        "fact", "false",
        "Nobody resigned. The Central Committee plenum's resolution of 29 June 1957 removed "
        "Malenkov, Kaganovich and Molotov from the Presidium and the Central Committee, and "
        "Shepilov from the Secretariat, the Presidium and the Central Committee; all four stayed "
        "party members until they were expelled in 1961-62.",
        events=(RESOLUTION_EVENT, PUBLICATION_EVENT, *EXPULSION_EVENTS.values()),
        tenures_ending="1957-06-29",
        disagreements=("kaganovich_expelled", "molotov_expelled", "shepilov_expelled"),
    ),
    Claim(
        "voluntary_exit",
        "They left of their own free will.",
        "fact", "false",
        "They were voted out by the plenum after their own attempt to remove Khrushchev had "
        "failed; the later expulsions were imposed too (Kaganovich said he would appeal, and "
        "Molotov petitioned for years until he was readmitted in 1984).",
        events=("presidium_session_1957_06_20", "cc_plenum_opens_1957", RESOLUTION_EVENT,
                "kaganovich_expelled_1962", "molotov_readmission_decision_1984"),
        tenures_ending="1957-06-29",
    ),
    Claim(
        "political_dissent",
        "Their departure was a way of voicing political dissent.",
        "interpretation", "misleading",
        "They did disagree with Khrushchev's policies (de-Stalinisation, the sovnarkhoz reform, "
        "foreign policy), but they acted as a 7-4 majority of the Presidium's full members trying "
        "to remove the First Secretary: a power struggle inside the leadership, which they lost. "
        "'Dissent' suggests protest from outside power.",
        events=("july_plenum_1955", "molotov_replaced_by_shepilov_fm_1956", "sovnarkhoz_law_1957",
                "catch_up_america_1957", "presidium_session_1957_06_18",
                "presidium_session_1957_06_20", RESOLUTION_EVENT),
        stances=True,
    ),
    Claim(
        "book_by_pipes",
        "'The Rise and Fall of the Soviet Empire' is a book by Richard Pipes.",
        "bibliography", "false",
        "Misattributed: books of that title are by Raymond Pearson (Macmillan) and, in its "
        "British edition, by Dmitri Volkogonov (HarperCollins; in the United States 'Autopsy for "
        "an Empire', Free Press, 1998). Pipes wrote 'The Russian Revolution' (1990) and "
        "'Communism: A History' (2001). The course data hold no row on books: check a library "
        "catalogue.",
    ),
)


def _claim(claim_id: str) -> Claim:
    known = {c.claim_id: c for c in CLAIMS}
    if not isinstance(claim_id, str) or claim_id.strip().lower() not in known:
        raise UnknownIdError("claim", claim_id, pd.Series(list(known)))
    return known[claim_id.strip().lower()]


def claims(with_verdicts: bool = False) -> pd.DataFrame:
    """The claims of the popular account, paraphrased, one row each.

    Columns: claim_id, claim, kind (fact, interpretation or bibliography) and, with
    ``with_verdicts=True``, verdict and finding.
    """
    rows = [{"claim_id": c.claim_id, "claim": c.paraphrase, "kind": c.kind,
             "verdict": c.verdict, "finding": c.finding} for c in CLAIMS]
    frame = pd.DataFrame(rows)
    if not with_verdicts:
        frame = frame.drop(columns=["verdict", "finding"])
    return frame


def verdict(claim_id: str) -> str:
    """Our verdict on one claim: 'true', 'false' or 'misleading'."""
    return _claim(claim_id).verdict


def evidence_for(claim_id: str) -> pd.DataFrame:
    """The rows of the data that test one claim, with their sources, in order of date.

    Columns: table (which CSV), record (the row's id), date, what (the row in words),
    source_ids. A claim the data cannot test (a book's author) gives an empty table.
    """
    claim = _claim(claim_id)
    frames = load_dataset().frames
    names = person_names()
    rows: list[dict[str, object]] = []
    events = frames["events"].set_index("event_id")
    for event_id in claim.events:
        event = events.loc[event_id]
        rows.append({"table": "events", "record": event_id, "date": event["date"],
                     "what": event["title"], "source_ids": event["source_ids"]})
    if claim.tenures_ending is not None:
        tenures = frames["tenures"]
        offices = frames["offices"].set_index("office_id")["title"]
        ended = tenures[tenures["person_id"].isin(THE_FOUR)
                        & (tenures["end"] == pd.Timestamp(claim.tenures_ending))]
        for tenure in ended.itertuples(index=False):
            rows.append({"table": "tenures", "record": f"{tenure.person_id}, {tenure.office_id}",
                         "date": tenure.end,
                         "what": (f"{names[tenure.person_id]} out as "
                                  f"{offices[tenure.office_id]}: {tenure.end_reason}"),
                         "source_ids": tenure.source_ids})
    if claim.stances:
        stances = frames["stances_june_1957"]
        movers = stances[(stances["voted"] == "for_removal") | stances["person_id"].isin(THE_FOUR)]
        for stance in movers.itertuples(index=False):
            if stance.body == "presidium_full":
                what = f"{names[stance.person_id]} (full member): voted {stance.voted}"
            else:
                what = f"{names[stance.person_id]} (candidate, no vote): {stance.stance}"
            rows.append({"table": "stances_june_1957", "record": stance.person_id,
                         "date": pd.Timestamp("1957-06-18"),
                         "what": what.replace("_", " "),
                         "source_ids": stance.source_ids})
    if claim.disagreements:
        disagreements = frames["disagreements"].set_index("disagreement_id")
        for disagreement_id in claim.disagreements:
            row = disagreements.loc[disagreement_id]
            rows.append({"table": "disagreements", "record": disagreement_id, "date": pd.NaT,
                         "what": (f"{row['record']}: {row['chosen_value']} or "
                                  f"{row['alternative_value']}"),
                         "source_ids": (f"{row['chosen_source_ids']};"
                                        f"{row['alternative_source_ids']}")})
    frame = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    table_order = {"events": 0, "tenures": 1, "stances_june_1957": 2, "disagreements": 3}
    frame = frame.assign(_order=frame["table"].map(table_order))
    frame = frame.sort_values(["date", "_order", "record"], na_position="last")
    return frame.drop(columns="_order").reset_index(drop=True)


def _span_end(start: pd.Timestamp, precision: str, end: object) -> pd.Timestamp:
    """The last day a date can mean: its end_date, or the end of its month or year."""
    if pd.notna(end):
        return pd.Timestamp(end)
    if precision == "year":
        return pd.Timestamp(start.year, 12, 31)
    if precision == "month":
        return start + pd.offsets.MonthEnd(0)
    return start


def party_timeline() -> pd.DataFrame:
    """For each of the four: the day he lost his Presidium seat and the expulsion from the party.

    Columns: person_id, name, removed (the first day out of the Presidium), expelled_from and
    expelled_to (the span of days the sources allow for the final expulsion: a whole year when
    only the year is known), precision, years_later (calendar years from removal to
    expulsion), other_dates (the dates other sources give, from disagreements.csv),
    source_ids. In the order of the resolution's title.
    """
    frames = load_dataset().frames
    names = person_names()
    tenures, events = frames["tenures"], frames["events"].set_index("event_id")
    disagreements = frames["disagreements"]
    rows = []
    for person_id in THE_FOUR:
        seats = tenures[(tenures["person_id"] == person_id)
                        & tenures["office_id"].isin(PRESIDIUM_SEATS)]
        last_seat = seats.sort_values("end").iloc[-1]
        event_id = EXPULSION_EVENTS[person_id]
        event = events.loc[event_id]
        other = disagreements.loc[disagreements["record"] == event_id, "alternative_value"]
        rows.append({
            "person_id": person_id,
            "name": names[person_id],
            "removed": last_seat["end"],
            "expelled_from": event["date"],
            "expelled_to": _span_end(event["date"], event["date_precision"], event["end_date"]),
            "precision": event["date_precision"],
            "years_later": int(event["date"].year - last_seat["end"].year),
            "other_dates": "; ".join(other) if len(other) else "",
            "source_ids": f"{last_seat['source_ids']};{event['source_ids']}",
        })
    return pd.DataFrame(rows)


def left_party_in(year: int) -> list[str]:
    """Those of the four whose membership of the party ended in ``year`` (by expulsion)."""
    timeline = party_timeline()
    return sorted(timeline.loc[timeline["expelled_from"].dt.year == year, "person_id"])


def lost_posts() -> pd.DataFrame:
    """Every leadership post (rank 1-3) the four lost up to 1962, plus their Central Committee
    seats (from the resolution of 29 June 1957). Columns: person_id, name, post, institution,
    date, how, source_ids."""
    frames = load_dataset().frames
    names = person_names()
    offices = frames["offices"].set_index("office_id")
    tenures = frames["tenures"]
    mine = tenures[tenures["person_id"].isin(THE_FOUR) & tenures["end"].notna()
                   & (tenures["end"] <= pd.Timestamp("1962-12-31"))]
    mine = mine[mine["office_id"].map(offices["rank"]) <= 3]
    rows = [{"person_id": t.person_id, "name": names[t.person_id],
             "post": offices.at[t.office_id, "title"],
             "institution": offices.at[t.office_id, "institution"], "date": t.end,
             "how": t.end_reason, "source_ids": t.source_ids}
            for t in mine.itertuples(index=False)]
    resolution = frames["events"].set_index("event_id").loc[RESOLUTION_EVENT]
    rows += [{"person_id": p, "name": names[p], "post": "Member of the Central Committee",
              "institution": "party", "date": resolution["date"],
              "how": "removed by CC plenum (anti-party group)",
              "source_ids": resolution["source_ids"]} for p in THE_FOUR]
    order = {p: i for i, p in enumerate(THE_FOUR)}
    frame = pd.DataFrame(rows)
    frame = frame.assign(_order=frame["person_id"].map(order))
    frame = frame.sort_values(["_order", "date", "post"])
    return frame.drop(columns="_order").reset_index(drop=True)


def wording(pattern: str = r"resign|expel|expul") -> pd.DataFrame:
    """Where the data use the words of the myth: event titles, how tenures ended, and the
    titles of sources. Columns: table, record, date, text. Read each row: resigned from *what*,
    expelled from *what*, and when?"""
    frames = load_dataset().frames
    found = re.compile(pattern, re.IGNORECASE)
    rows: list[dict[str, object]] = []
    for e in frames["events"].itertuples(index=False):
        if found.search(e.title):
            rows.append({"table": "events", "record": e.event_id, "date": e.date, "text": e.title})
    for t in frames["tenures"].itertuples(index=False):
        if isinstance(t.end_reason, str) and found.search(t.end_reason):
            rows.append({"table": "tenures", "record": f"{t.person_id}, {t.office_id}",
                         "date": t.end, "text": t.end_reason})
    for s in frames["sources"].itertuples(index=False):
        match = found.search(s.citation)
        if match:  # the words around the match, so a long citation stays readable
            first, last = max(match.start() - 40, 0), match.end() + 30
            text = s.citation[first:last].strip()
            text = ("..." if first > 0 else "") + text + ("..." if last < len(s.citation) else "")
            rows.append({"table": "sources", "record": s.source_id, "date": pd.NaT,
                         "text": text})
    frame = pd.DataFrame(rows, columns=["table", "record", "date", "text"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["date", "record"], na_position="last").reset_index(drop=True)


def removal_title(timeline: pd.DataFrame | None = None) -> str:
    """The figure's title, computed from :func:`party_timeline`."""
    timeline = party_timeline() if timeline is None else timeline
    removed = timeline["removed"].unique()
    low, high = timeline["years_later"].min(), timeline["years_later"].max()
    gap = f"{low}" if low == high else f"{low}\u2013{high}"
    first, last = timeline["expelled_from"].dt.year.min(), timeline["expelled_from"].dt.year.max()
    years = f"{first}" if first == last else f"{first}\u2013{str(last)[-2:]}"
    when = (f"on {format_date(removed[0])}" if len(removed) == 1
            else "in 1957")
    return (f"Removed from the leadership {when}, the four were expelled from the party "
            f"only {gap} years later ({years})")


def removal_vs_expulsion_figure() -> go.Figure:
    """A timeline, one row per man: the posts he lost (party posts as squares just above his
    line, government posts as circles just below) and his expulsion from the party (a grey bar
    over the days the sources allow, with a cross at its middle), joined by a dotted line
    labelled with the years between."""
    timeline = party_timeline()
    posts = lost_posts()
    row_of = {p: len(THE_FOUR) - i for i, p in enumerate(timeline["person_id"])}  # top to bottom
    figure = go.Figure()
    gap_x: list[object] = []
    gap_y: list[object] = []
    span_x: list[object] = []
    span_y: list[object] = []
    for row in timeline.itertuples(index=False):
        middle = row.expelled_from + (row.expelled_to - row.expelled_from) / 2
        gap_x += [row.removed, middle, None]
        gap_y += [row_of[row.person_id]] * 2 + [None]
        span_x += [row.expelled_from, row.expelled_to, None]
        span_y += [row_of[row.person_id]] * 2 + [None]
    figure.add_trace(go.Scatter(x=gap_x, y=gap_y, mode="lines", name="Still a party member",
                                line={"color": "#999999", "width": 2, "dash": "dot"},
                                hoverinfo="skip"))
    for institution, symbol, colour, shift, name in (
            ("party", "square", OKABE_ITO[2], 0.14, "Lost a party post or seat"),
            ("state", "circle", OKABE_ITO[4], -0.14, "Lost a government post")):
        mine = posts[posts["institution"] == institution]
        figure.add_trace(go.Scatter(
            x=mine["date"], y=mine["person_id"].map(row_of) + shift, mode="markers", name=name,
            marker={"symbol": symbol, "size": 12, "color": colour,
                    "line": {"width": 1, "color": "#333333"}},
            hovertext=[f"{n}: {p} ({d:%d %b %Y})" for n, p, d in
                       zip(mine["name"], mine["post"], mine["date"])],
            hoverinfo="text"))
    figure.add_trace(go.Scatter(x=span_x, y=span_y, mode="lines", showlegend=False,
                                line={"color": "#666666", "width": 10}, opacity=0.5,
                                hoverinfo="skip"))
    middles = timeline["expelled_from"] + (timeline["expelled_to"] - timeline["expelled_from"]) / 2
    figure.add_trace(go.Scatter(
        x=middles, y=timeline["person_id"].map(row_of), mode="markers+text",
        name="Expelled from the party", marker={"symbol": "x", "size": 14, "color": OKABE_ITO[7]},
        text=[f"{n} years later" for n in timeline["years_later"]], textposition="top center",
        hovertext=[f"{n}: expelled {a:%d %b %Y} to {b:%d %b %Y} ({p} precision)"
                   for n, a, b, p in zip(timeline["name"], timeline["expelled_from"],
                                         timeline["expelled_to"], timeline["precision"])],
        hoverinfo="text"))
    resolution = timeline["removed"].min()
    figure.add_vline(x=resolution, line={"color": "#555555", "width": 1})
    figure.add_annotation(x=resolution, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                          text="CC resolution, 29 June 1957", font={"size": 13})
    figure.update_layout(
        title=removal_title(timeline).replace(", the four", ",<br>the four"), height=500,
        xaxis_title="Date (year)",
        xaxis={"range": ["1952-07-01", "1963-06-30"], "dtick": "M12", "tickformat": "%Y"},
        yaxis={"tickvals": list(row_of.values()),
               "ticktext": [timeline.set_index("person_id").at[p, "name"] for p in row_of],
               "range": [0.5, len(THE_FOUR) + 0.6], "showgrid": False, "automargin": True,
               "title": {"text": "Named in the resolution"}},
        legend={"orientation": "h", "y": -0.2, "x": 0.0},
        margin={"l": 60, "r": 30, "t": 110, "b": 110},
    )
    return finish(figure)


__all__ = ["THE_FOUR", "RESOLUTION_EVENT", "PUBLICATION_EVENT", "EXPULSION_EVENTS", "CLAIMS",
           "Claim", "claims", "verdict", "evidence_for", "party_timeline", "left_party_in",
           "lost_posts", "wording", "removal_title", "removal_vs_expulsion_figure"]
