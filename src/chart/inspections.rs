//! Chart 11: inspection findings per authority and year (`inspections_summary`): for
//! each authority one bar per year, stacked closed and open findings (kommuneloven
//! § 25-2: the report covers the results of state inspections and their follow-up).

use super::data::Input;
use super::layout::{Bar, Row, Segment};
use super::{Chart, LegendItem, PALETTE, Rgb};

const OPEN: Rgb = Rgb(0xd5, 0x5e, 0x00);

pub fn chart(input: &Input) -> Chart {
    let d = input.table("inspections_summary");
    let ac = input.col("category", "authority");
    let years: Vec<f64> = ((input.year - 2)..=input.year).map(f64::from).collect();
    let mut rows = Vec::new();
    let (mut findings, mut open) = (0.0, 0.0);
    let mut authorities = d.distinct(ac);
    authorities.sort();
    for a in &authorities {
        let mut bars = Vec::new();
        for y in &years {
            let r = (0..d.rows.len())
                .find(|r| d.text(*r, ac) == Some(a) && d.num(*r, "year") == Some(*y));
            let (f, o) = r.map_or((0.0, 0.0), |r| {
                (
                    d.num(r, "findings").unwrap_or(0.0),
                    d.num(r, "open").unwrap_or(0.0),
                )
            });
            if *y == input.year as f64 {
                findings += f;
                open += o;
            }
            let label = tr!(
                input.lang,
                "chart-inspections-bar",
                year = (*y as i32).to_string(),
                findings = f as i64,
                open = o as i64
            );
            bars.push(Bar {
                segments: vec![
                    Segment {
                        value: (f - o).max(0.0),
                        color: PALETTE[0],
                    },
                    Segment {
                        value: o,
                        color: OPEN,
                    },
                ],
                label: Some(label),
                note: None,
            });
        }
        rows.push(Row {
            label: input.value(a),
            bars,
            strong: false,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = vec![
        LegendItem {
            label: input.t("chart-inspections-closed"),
            color: PALETTE[0],
            line: false,
        },
        LegendItem {
            label: input.t("chart-inspections-open"),
            color: OPEN,
            line: false,
        },
    ];
    let canvas = super::layout::bars(input, rows, legend, None, false);
    let alt = tr!(
        input.lang,
        "alt-inspections",
        title = input.frame.title.as_str(),
        year = input.year.to_string(),
        findings = findings as i64,
        open = open as i64
    );
    super::finish(input, canvas, alt)
}
