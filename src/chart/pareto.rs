//! Chart 5: root causes as a Pareto chart (`deviation_root_causes`): columns for the
//! ten largest causes (the rest summed), largest first, and the cumulative share as a
//! line on a 0–100 % axis (Juran's "vital few").

use super::data::Input;
use super::layout::{Columns, Group, columns};
use super::{Chart, LegendItem, PALETTE};

pub fn chart(input: &Input) -> Chart {
    let d = input.table("deviation_root_causes");
    let (cc, vc) = (
        input.col("category", "root_cause"),
        input.col("value", "count"),
    );
    let mut items: Vec<(String, Option<f64>)> = (0..d.rows.len())
        .filter_map(|r| d.text(r, cc).map(|c| (c.to_string(), d.num(r, vc))))
        .collect();
    items.sort_by(|a, b| {
        b.1.unwrap_or(0.0)
            .total_cmp(&a.1.unwrap_or(0.0))
            .then(a.0.cmp(&b.0))
    });
    let total: f64 = items.iter().filter_map(|i| i.1).sum();
    if items.is_empty() || total <= 0.0 {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    if items.len() > 10 {
        let rest: f64 = items[9..].iter().filter_map(|i| i.1).sum();
        items.truncate(9);
        items.push((input.t("chart-other-causes"), Some(rest)));
    }
    let mut cum = 0.0;
    let line: Vec<f64> = items
        .iter()
        .map(|i| {
            cum += i.1.unwrap_or(0.0);
            cum / total
        })
        .collect();
    let groups = items
        .iter()
        .map(|(l, v)| Group {
            label: input.value(l),
            values: vec![*v],
        })
        .collect();
    let canvas = columns(&Columns {
        frame: input.frame.clone(),
        groups,
        series: vec![LegendItem {
            label: input.t("col-count"),
            color: PALETTE[0],
            line: false,
        }],
        line: Some((input.t("col-cumulative_share"), line.clone())),
        lang: input.lang,
    });
    // How many causes make up 80 %.
    let vital = line
        .iter()
        .position(|c| *c >= 0.8)
        .map_or(items.len(), |i| i + 1);
    let alt = tr!(
        input.lang,
        "alt-pareto",
        title = input.frame.title.as_str(),
        top = items[0].0.as_str(),
        top_share = crate::i18n::Pct(items[0].1.unwrap_or(0.0) / total, 0),
        vital = vital
    );
    super::finish(input, canvas, alt)
}
