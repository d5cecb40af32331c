//! Chart 4: closing deviations per sector (`deviation_closure`): the open backlog at
//! as_of stacked by age (0–30, 31–90, 91–180, over 180 days), with the median days to
//! close the year's deviations written beside the sector's name.

use super::data::Input;
use super::layout::{Bar, Row, Segment};
use super::{Chart, Rgb};

/// Ages from young to old, light to dark: order carries the meaning, not hue alone.
const AGES: [(&str, Rgb); 4] = [
    ("open_0_30", Rgb(0xc6, 0xdb, 0xef)),
    ("open_31_90", Rgb(0x6b, 0xae, 0xd6)),
    ("open_91_180", Rgb(0x21, 0x71, 0xb5)),
    ("open_over_180", Rgb(0x08, 0x30, 0x6b)),
];

pub fn chart(input: &Input) -> Chart {
    let d = input.table("deviation_closure");
    let sc = input.col("category", "sector");
    let mut rows = Vec::new();
    let mut oldest: Option<(String, f64)> = None;
    let order = d.whole_first(sc, &input.whole);
    for r in order {
        let Some(s) = d.text(r, sc) else { continue };
        let median = d.num(r, "median_days_to_close");
        let label = match median {
            Some(m) => tr!(
                input.lang,
                "chart-closure-row",
                sector = input.value(s),
                days = m.round() as i64
            ),
            None => input.value(s),
        };
        let segs: Vec<Segment> = AGES
            .iter()
            .filter_map(|(c, col)| {
                d.num(r, c).map(|v| Segment {
                    value: v,
                    color: *col,
                })
            })
            .collect();
        let hidden = AGES.iter().any(|(c, _)| d.hidden(r, c));
        let total: f64 = segs.iter().map(|s| s.value).sum();
        if let Some(v) = d.num(r, "open_over_180") {
            if s != input.whole && oldest.as_ref().is_none_or(|o| v > o.1) {
                oldest = Some((s.to_string(), v));
            }
        }
        let note = if hidden {
            format!(
                "{} ({})",
                crate::i18n::num::int(total as i64, input.lang),
                input.t("chart-some-hidden")
            )
        } else {
            crate::i18n::num::int(total as i64, input.lang)
        };
        rows.push(Row {
            label,
            bars: vec![Bar {
                segments: segs,
                label: Some(note),
                note: None,
            }],
            strong: s == input.whole,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = super::layout::column_legend(input, &AGES);
    let canvas = super::layout::bars(input, rows, legend, None, false);
    let whole: Vec<usize> = d.rows_where(sc, &input.whole);
    let (open, median) = whole
        .first()
        .map(|r| {
            (
                d.num(*r, "open_at_as_of").unwrap_or(0.0),
                d.num(*r, "median_days_to_close"),
            )
        })
        .unwrap_or((0.0, None));
    let alt = tr!(
        input.lang,
        "alt-closure",
        title = input.frame.title.as_str(),
        open = open as i64,
        median = median.map(|m| m.round() as i64).unwrap_or(0),
        oldest = oldest.clone().map(|o| o.0).unwrap_or_else(|| "–".into()),
        oldest_n = oldest.map(|o| o.1 as i64).unwrap_or(0)
    );
    super::finish(input, canvas, alt)
}
