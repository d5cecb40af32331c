//! Chart 3: deviations by sector and type, this year and last (`deviation_counts`): per
//! sector two bars (last year above, this year below), each stacked by type, with the
//! total written after the bar.

use super::data::Input;
use super::layout::{Bar, Row, Segment};
use super::{Chart, LegendItem, color};

pub fn chart(input: &Input) -> Chart {
    let d = input.table("deviation_counts");
    let (yc, sc, tc, vc) = (
        input.col("year", "year"),
        input.col("category", "sector"),
        input.col("stack", "type"),
        input.col("value", "count"),
    );
    let (this, prev) = (input.year as f64, input.year as f64 - 1.0);
    let types = d.distinct(tc);
    let mut sectors = d.distinct(sc);
    sectors.retain(|s| s != &input.whole);
    sectors.sort();
    let mut rows = Vec::new();
    let (mut best, mut sum_this, mut sum_prev) = (None::<(String, f64)>, 0.0, 0.0);
    for s in &sectors {
        let mut bars = Vec::new();
        for y in [prev, this] {
            let mut segs = Vec::new();
            let mut hidden = false;
            for (ti, t) in types.iter().enumerate() {
                for r in 0..d.rows.len() {
                    if d.num(r, yc) == Some(y)
                        && d.text(r, sc) == Some(s)
                        && d.text(r, tc) == Some(t)
                    {
                        hidden |= d.hidden(r, vc);
                        if let Some(v) = d.num(r, vc) {
                            segs.push(Segment {
                                value: v,
                                color: color(ti),
                            });
                        }
                    }
                }
            }
            let total: f64 = segs.iter().map(|s| s.value).sum();
            if y == this {
                sum_this += total;
                if best.as_ref().is_none_or(|b| total > b.1) {
                    best = Some((s.clone(), total));
                }
            } else {
                sum_prev += total;
            }
            let year = (y as i32).to_string();
            let mut label = format!(
                "{year}: {}",
                crate::i18n::num::int(total as i64, input.lang)
            );
            if hidden {
                label.push_str(&format!(" ({})", input.t("chart-some-hidden")));
            }
            bars.push(Bar {
                segments: segs,
                label: Some(label),
                note: None,
            });
        }
        rows.push(Row {
            label: input.value(s),
            bars,
            strong: false,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = types
        .iter()
        .enumerate()
        .map(|(i, t)| LegendItem {
            label: {
                let id = format!("value-type-{}", crate::i18n::id_part(t));
                if crate::i18n::has(input.lang, &id) {
                    input.t(&id)
                } else {
                    t.clone()
                }
            },
            color: color(i),
            line: false,
        })
        .collect();
    let canvas = super::layout::bars(input, rows, legend, None, false);
    let (top, top_n) = best.unwrap_or_default();
    let alt = tr!(
        input.lang,
        "alt-sector-types",
        title = input.frame.title.as_str(),
        year = input.year.to_string(),
        total = sum_this as i64,
        prev = sum_prev as i64,
        top = top,
        top_n = top_n as i64
    );
    super::finish(input, canvas, alt)
}
