"""Where each fact comes from: the tables, their sources, and where sources disagree."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from .dataset import load_dataset
from .errors import UnknownIdError
from .style import OKABE_ITO, finish

#: The kinds of source in sources.csv, from the documents of the time to popular and partisan works.
KIND_ORDER = ["primary", "memoir", "scholarly", "reference", "press", "popular"]


def tables_overview() -> pd.DataFrame:
    """One row per table: its name, number of rows and what it holds."""
    dataset = load_dataset()
    descriptor = json.loads((dataset.folder / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["name"]: r["description"] for r in descriptor["resources"]}
    names = list(dataset.frames)
    return pd.DataFrame({
        "table": names,
        "rows": [len(dataset.frames[name]) for name in names],
        "holds": [described[name].split(". ")[0].rstrip(".") for name in names],
    })


def cite(source_ids: str) -> pd.DataFrame:
    """The full citations behind a cell of ``source_ids`` ('a;b;c'), in the order given."""
    sources = load_dataset().frames["sources"].set_index("source_id")
    wanted = [part.strip() for part in str(source_ids).split(";") if part.strip()]
    unknown = [s for s in wanted if s not in sources.index]
    if unknown:
        raise UnknownIdError("source", unknown[0], sources.index)
    return sources.loc[wanted, ["kind", "citation", "url"]].reset_index()


def citations_per_row() -> pd.DataFrame:
    """For every row of every table, how many sources it cites, by the sources' kind."""
    dataset = load_dataset()
    kinds = dataset.frames["sources"].set_index("source_id")["kind"]
    records = []
    for name in dataset.frames:
        frame = dataset.frames[name]
        for column in (c for c in frame.columns if c.endswith("source_ids")):
            for cell in frame[column]:
                for source_id in (s.strip() for s in cell.split(";")):
                    records.append({"table": name, "kind": kinds[source_id]})
    return pd.DataFrame(records)


def sources_by_kind_figure() -> go.Figure:
    """Bar chart: how many citations in the tables point to each kind of source."""
    counts = (citations_per_row()["kind"].value_counts()
              .reindex(KIND_ORDER, fill_value=0))
    top = counts.idxmax()
    figure = go.Figure(go.Bar(x=counts.index, y=counts.values, marker_color=OKABE_ITO[0],
                              text=counts.values, textposition="outside"))
    figure.update_layout(
        title=f"Most citations in the data point to {top} works ({counts[top]} of "
              f"{counts.sum()})",
        xaxis_title="Kind of source", yaxis_title="Number of citations in the tables",
        height=420, showlegend=False)
    return finish(figure)


def date_precision() -> pd.DataFrame:
    """How many tenure starts and ends, and event dates, are known to the day, month or year."""
    dataset = load_dataset()
    tenures, events = dataset.frames["tenures"], dataset.frames["events"]
    columns = {
        "tenure start": tenures["start_precision"],
        "tenure end": tenures["end_precision"].dropna(),
        "event date": events["date_precision"],
    }
    return (pd.DataFrame({name: values.value_counts() for name, values in columns.items()})
            .reindex(["day", "month", "year"]).fillna(0).astype(int))


def disagreements() -> pd.DataFrame:
    """Where sources disagree: what we chose, the alternative, and why (short view)."""
    frame = load_dataset().frames["disagreements"]
    return frame[["disagreement_id", "table", "record", "field", "chosen_value",
                  "alternative_value", "reason"]].copy()
