//! Chart 8: ROS coverage per sector as horizontal bars, like Trondheim kommune's slide:
//! the share of units with a current ROS in the register (`ros_coverage_register`, all
//! analysis types) and the survey's share doing service-specific ROS
//! (`ros_survey_by_sector`). Either may be missing; the chart shows what there is.

use super::data::Input;
use super::layout::{Bar, HBars, Row, Segment, hbars};
use super::{Chart, LegendItem, PALETTE};

pub fn chart(input: &Input) -> Chart {
    let reg = input.table("ros_coverage_register");
    let sur = input.table("ros_survey_by_sector");
    let (rv, sv) = (
        input.col("register", "current_coverage"),
        input.col("survey", "share_tjenestespesifikk"),
    );
    let mut sectors: Vec<String> = reg.distinct("sector");
    for s in sur.distinct("sector") {
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    sectors.sort_by_key(|s| (s != &input.whole, s.clone()));
    let value = |d: &super::data::Data, s: &str, col: &str, alle: bool| {
        (0..d.rows.len())
            .find(|r| {
                d.text(*r, "sector") == Some(s)
                    && (!alle || d.text(*r, "analysis_type") == Some("alle"))
            })
            .map(|r| (d.num(r, col), d.hidden(r, col)))
    };
    let pct = |v: f64| crate::i18n::num::percent(v, 0, input.lang);
    let mut rows = Vec::new();
    let mut best: Option<(String, f64)> = None;
    let mut worst: Option<(String, f64)> = None;
    for s in &sectors {
        let mut bars = Vec::new();
        for (i, (d, col, alle)) in [(&reg, rv, true), (&sur, sv, false)].iter().enumerate() {
            if d.rows.is_empty() {
                continue;
            }
            let bar = match value(d, s, col, *alle) {
                Some((Some(v), _)) => {
                    if i == 0 && s != &input.whole {
                        if best.as_ref().is_none_or(|b| v > b.1) {
                            best = Some((s.clone(), v));
                        }
                        if worst.as_ref().is_none_or(|b| v < b.1) {
                            worst = Some((s.clone(), v));
                        }
                    }
                    Bar {
                        segments: vec![Segment {
                            value: v,
                            color: PALETTE[i],
                        }],
                        label: Some(pct(v)),
                        note: None,
                    }
                }
                Some((None, true)) => Bar {
                    segments: vec![],
                    label: None,
                    note: Some(input.t("suppressed-short")),
                },
                _ => Bar {
                    segments: vec![],
                    label: None,
                    note: Some("–".into()),
                },
            };
            bars.push(bar);
        }
        rows.push(Row {
            label: input.value(s),
            bars,
            strong: s == &input.whole,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let mut legend = Vec::new();
    if !reg.rows.is_empty() {
        legend.push(LegendItem {
            label: input.t("chart-coverage-register"),
            color: PALETTE[0],
            line: false,
        });
    }
    if !sur.rows.is_empty() {
        legend.push(LegendItem {
            label: input.t("chart-coverage-survey"),
            color: PALETTE[1],
            line: false,
        });
    }
    let canvas = hbars(&HBars {
        frame: input.frame.clone(),
        rows,
        legend,
        range: Some((0.0, 1.0)),
        percent: true,
        lang: input.lang,
    });
    let alt = match (best, worst) {
        (Some(b), Some(w)) => tr!(
            input.lang,
            "alt-coverage",
            title = input.frame.title.as_str(),
            best = b.0,
            best_v = crate::i18n::Pct(b.1, 0),
            worst = w.0,
            worst_v = crate::i18n::Pct(w.1, 0)
        ),
        _ => input.frame.title.clone(),
    };
    super::finish(input, canvas, alt)
}
