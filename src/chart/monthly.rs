//! Chart 1: deviations per month by sector, over the report year and the two before it
//! (`deviation_monthly`). The seven sectors with most reports get a line each in the
//! Okabe–Ito colours; the rest are summed as "other sectors", so the chart stays
//! readable with 15 sectors and every line has a distinct colour.

use super::data::Input;
use super::layout::{Lines, Series, lines};
use super::{Chart, line_color};
use std::collections::BTreeMap;

pub fn chart(input: &Input) -> Chart {
    let d = input.table("deviation_monthly");
    let (mc, sc, vc) = (
        input.col("month", "month"),
        input.col("series", "sector"),
        input.col("value", "count"),
    );
    let first = format!("{}-01-01", input.year - 2);
    let last = format!("{}-12-31", input.year);
    // month → sector → count, for the three years; the whole municipality is left out
    // (it is the sum, and would flatten every other line).
    let mut months: Vec<String> = Vec::new();
    let mut by: BTreeMap<String, BTreeMap<String, Option<f64>>> = BTreeMap::new();
    for r in 0..d.rows.len() {
        let (Some(m), Some(s)) = (d.text(r, mc), d.text(r, sc)) else {
            continue;
        };
        if m < first.as_str() || m > last.as_str() || s == input.whole {
            continue;
        }
        if !months.iter().any(|x| x == m) {
            months.push(m.to_string());
        }
        by.entry(s.to_string())
            .or_default()
            .insert(m.to_string(), d.num(r, vc));
    }
    months.sort();
    let mut totals: Vec<(String, f64)> = by
        .iter()
        .map(|(s, m)| (s.clone(), m.values().flatten().sum()))
        .collect();
    totals.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = totals.iter().take(7).map(|t| t.0.clone()).collect();
    let mut series: Vec<Series> = top
        .iter()
        .enumerate()
        .map(|(i, s)| Series {
            label: input.value(s),
            color: line_color(i),
            values: months
                .iter()
                .map(|m| by[s].get(m).copied().flatten())
                .collect(),
            width: 2.0,
            dashed: false,
            legend: true,
        })
        .collect();
    if totals.len() > 7 {
        let rest: Vec<Option<f64>> = months
            .iter()
            .map(|m| {
                let v: f64 = totals[7..]
                    .iter()
                    .filter_map(|(s, _)| by[s].get(m).copied().flatten())
                    .sum();
                Some(v)
            })
            .collect();
        series.push(Series {
            label: input.t("chart-other-sectors"),
            color: line_color(7),
            values: rest,
            width: 2.0,
            dashed: true,
            legend: true,
        });
    }
    if series.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let labels: Vec<String> = months.iter().map(|m| month_label(m, input.lang)).collect();
    let canvas = lines(&Lines {
        frame: input.frame.clone(),
        x_labels: labels,
        label_every: 3,
        series: series.clone(),
        marks: vec![],
        extra_legend: vec![],
        decimals: 0,
        lang: input.lang,
    });
    let busiest = &totals[0];
    let alt = tr!(
        input.lang,
        "alt-monthly",
        title = input.frame.title.as_str(),
        months = months.len(),
        sectors = by.len(),
        top = busiest.0.as_str(),
        top_n = busiest.1 as i64
    );
    super::finish(input, canvas, alt)
}

/// `2025-03-01` → "mar. 2025" / "Mar 2025".
pub fn month_label(iso: &str, lang: crate::i18n::Lang) -> String {
    let (y, m) = (iso.get(..4).unwrap_or(""), iso.get(5..7).unwrap_or("01"));
    let i: usize = m.parse().unwrap_or(1);
    let names = crate::i18n::message(lang, "month-short", None);
    let name = names
        .split(',')
        .nth(i.saturating_sub(1))
        .unwrap_or(m)
        .trim()
        .to_string();
    format!("{name} {y}")
}
