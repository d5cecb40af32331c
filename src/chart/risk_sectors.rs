//! Chart 7: risks by sector coloured by zone (`risk_by_sector`), with the overdue reviews
//! and the red risks without measures written after each bar.

use super::data::Input;
use super::layout::{Bar, Row, Segment};
use super::{Chart, LegendItem, ZONE_GREEN, ZONE_RED, ZONE_YELLOW};

pub fn chart(input: &Input) -> Chart {
    let d = input.table("risk_by_sector");
    let sc = input.col("category", "sector");
    let zones = [
        ("red", ZONE_RED, "rød"),
        ("yellow", ZONE_YELLOW, "gul"),
        ("green", ZONE_GREEN, "grønn"),
    ];
    let mut rows = Vec::new();
    let order = d.whole_first(sc, &input.whole);
    for r in order {
        let Some(s) = d.text(r, sc) else { continue };
        let segs = zones
            .iter()
            .filter_map(|(c, col, _)| {
                d.num(r, c).map(|v| Segment {
                    value: v,
                    color: *col,
                })
            })
            .collect();
        let label = tr!(
            input.lang,
            "chart-risk-row",
            overdue = d.num(r, "review_overdue").unwrap_or(0.0) as i64,
            without = d.num(r, "needs_measure_without_measure").unwrap_or(0.0) as i64
        );
        rows.push(Row {
            label: input.value(s),
            bars: vec![Bar {
                segments: segs,
                label: Some(label),
                note: None,
            }],
            strong: s == input.whole,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = zones
        .iter()
        .map(|(_, col, z)| LegendItem {
            label: input.t(&format!("zone-{}", crate::i18n::id_part(z))),
            color: *col,
            line: false,
        })
        .collect();
    let canvas = super::layout::bars(input, rows, legend, None, false);
    let w = d.rows_where(sc, &input.whole);
    let get = |c: &str| w.first().and_then(|r| d.num(*r, c)).unwrap_or(0.0) as i64;
    let alt = tr!(
        input.lang,
        "alt-risk-sectors",
        title = input.frame.title.as_str(),
        risks = get("risks"),
        red = get("red"),
        overdue = get("review_overdue"),
        without = get("needs_measure_without_measure")
    );
    super::finish(input, canvas, alt)
}
