#!/usr/bin/env python3
"""The pandas + matplotlib script an analyst would write instead of ikrapport
(04-cli-and-scale.md: "six tables, twelve charts"), the third peer of `run_pandas.sh`.

Reads the deviation, risk and inspection exports of a project folder as they come
(Windows-1252 or UTF-8 with BOM, `;`, dates as dd.mm.yyyy, planted bad values turned into
blanks), computes six tables over every municipality (the six core tables of the DuckDB
pipeline in `compare_duckdb.py`) and writes them as CSV, then draws twelve charts for
the whole data set and one municipality as PNG (150 dpi). No validation, no data-quality
rows, no survey, no HTML or Word: what a quick script does.

Usage: python report.py <project folder> <out folder> [year]
"""

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def read(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()[:3]
    enc = "utf-8-sig" if raw == b"\xef\xbb\xbf" else "cp1252"
    return pd.read_csv(path, sep=";", encoding=enc, dtype=str, keep_default_na=False)


def date(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, format="%d.%m.%Y", errors="coerce")


def num(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s.str.replace(",", ".", regex=False), errors="coerce")


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    dev = read(folder / "avvik.csv")
    dev["reported"] = date(dev["Meldt dato"])
    dev["closed"] = date(dev["Lukket dato"])
    dev = dev[dev["reported"].notna()]
    dev["year"] = dev["reported"].dt.year
    dev["month"] = dev["reported"].dt.to_period("M").dt.to_timestamp()
    dev["type"] = dev["Meldingstype"].str.lower()
    year = int(sys.argv[3]) if len(sys.argv) > 3 else int(dev["year"].max())
    risks = read(folder / "ros-register.csv")
    risks["p"] = num(risks["Sannsynlighet (1-5)"])
    risks["k"] = num(risks["Konsekvens (1-5)"])
    risks = risks[risks["p"].between(1, 5) & risks["k"].between(1, 5)]
    risks["score"] = risks["p"] * risks["k"]
    insp = read(folder / "tilsyn.csv")
    insp["date"] = date(insp["Tilsynsdato"])
    insp["year"] = insp["date"].dt.year
    insp["findings"] = num(insp["Antall lovbrudd"])

    # The six tables.
    counts = (
        dev.groupby(["Kommunenummer", "year", "Sektor", "type"]).size().rename("count").reset_index()
    )
    monthly = dev.groupby(["Kommunenummer", "Sektor", "month"]).size().rename("count").reset_index()
    cohort = dev[dev["year"] == year].copy()
    cohort["days"] = (cohort["closed"] - cohort["reported"]).dt.days
    closure = (
        cohort.groupby(["Kommunenummer", "Sektor"])
        .agg(
            reported=("days", "size"),
            closed=("closed", "count"),
            median_days=("days", "median"),
        )
        .reset_index()
    )
    closure["share_closed"] = closure["closed"] / closure["reported"]
    matrix = risks.groupby(["Kommunenummer", "p", "k"]).size().rename("count").reset_index()
    risks["red"] = risks["score"] >= 15
    by_sector = (
        risks.groupby(["Kommunenummer", "Sektor"])
        .agg(risks=("score", "size"), mean_score=("score", "mean"), red=("red", "sum"))
        .reset_index()
    )
    inspections = (
        insp.groupby(["Kommunenummer", "year"])
        .agg(inspections=("findings", "size"), findings=("findings", "sum"))
        .reset_index()
    )
    for name, t in [
        ("deviation_counts", counts),
        ("deviation_monthly", monthly),
        ("deviation_closure", closure),
        ("risk_matrix", matrix),
        ("risk_by_sector", by_sector),
        ("inspections_summary", inspections),
    ]:
        t.to_csv(out / f"{name}.csv", sep=";", decimal=",", index=False)

    # Twelve charts: six for all municipalities together, six for the first one.
    knr = sorted(dev["Kommunenummer"].unique())[0]

    def charts(suffix: str, d: pd.DataFrame, c: pd.DataFrame, r: pd.DataFrame, i: pd.DataFrame):
        def save(fig, name):
            fig.tight_layout()
            fig.savefig(out / f"{name}-{suffix}.png", dpi=150)
            plt.close(fig)

        m = d.groupby(["month", "Sektor"]).size().unstack(fill_value=0)
        fig, ax = plt.subplots(figsize=(10, 5))
        m.plot(ax=ax, title="Avvik per måned per sektor")
        ax.set_ylabel("Antall avvik")
        save(fig, "monthly")

        t = d[d["year"].isin([year - 1, year])].groupby(["Sektor", "year"]).size().unstack(fill_value=0)
        fig, ax = plt.subplots(figsize=(10, 5))
        t.plot.bar(ax=ax, title="Avvik per sektor, i år og i fjor")
        save(fig, "sector_years")

        fig, ax = plt.subplots(figsize=(10, 5))
        c.groupby("Sektor")["median_days"].median().plot.barh(ax=ax, title="Median dager til lukking")
        save(fig, "closure")

        h = r.groupby(["p", "k"]).size().unstack(fill_value=0)
        fig, ax = plt.subplots(figsize=(6, 5))
        im = ax.imshow(h.values, cmap="RdYlGn_r", origin="lower")
        for (y, x), v in pd.DataFrame(h.values).stack().items():
            ax.text(x, y, str(v), ha="center", va="center")
        fig.colorbar(im)
        ax.set_title("Risikomatrise")
        save(fig, "risk_matrix")

        fig, ax = plt.subplots(figsize=(10, 5))
        r.groupby("Sektor")["red"].sum().plot.bar(ax=ax, title="Røde risikoer per sektor")
        save(fig, "risk_sectors")

        fig, ax = plt.subplots(figsize=(10, 5))
        i.groupby("year")["findings"].sum().plot.bar(ax=ax, title="Lovbrudd i tilsyn per år")
        save(fig, "inspections")

    charts("alle", dev, closure, risks, insp)
    charts(
        knr,
        dev[dev["Kommunenummer"] == knr],
        closure[closure["Kommunenummer"] == knr],
        risks[risks["Kommunenummer"] == knr],
        insp[insp["Kommunenummer"] == knr],
    )


if __name__ == "__main__":
    main()
