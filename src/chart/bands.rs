//! Chart 9a: how many ROS analyses respondents took part in, as 100 % stacked bars per
//! sector (`ros_survey_by_sector`, the `share_band_*` columns), from "none" (lightest)
//! to "over 50" (darkest): the order is carried by lightness, not hue alone.

use super::data::Input;
use super::layout::{Bar, HBars, Row, Segment, hbars};
use super::{Chart, Rgb};

const BANDS: [(&str, Rgb); 5] = [
    ("share_band_0", Rgb(0xe5, 0xe5, 0xe5)),
    ("share_band_1_5", Rgb(0x9e, 0xca, 0xe1)),
    ("share_band_6_20", Rgb(0x42, 0x92, 0xc6)),
    ("share_band_21_50", Rgb(0x08, 0x51, 0x9c)),
    ("share_band_over_50", Rgb(0x08, 0x30, 0x6b)),
];

pub fn chart(input: &Input) -> Chart {
    let d = input.table("ros_survey_by_sector");
    let sc = input.col("category", "sector");
    let order = d.whole_first(sc, &input.whole);
    let mut rows = Vec::new();
    for r in order {
        let Some(s) = d.text(r, sc) else { continue };
        let hidden = BANDS.iter().any(|(c, _)| d.hidden(r, c));
        let segs: Vec<Segment> = BANDS
            .iter()
            .filter_map(|(c, col)| {
                d.num(r, c).map(|v| Segment {
                    value: v,
                    color: *col,
                })
            })
            .collect();
        let bar = if hidden || segs.is_empty() {
            Bar {
                segments: vec![],
                label: None,
                note: Some(input.t("suppressed-short")),
            }
        } else {
            let none = d.num(r, "share_band_0").unwrap_or(0.0);
            Bar {
                segments: segs,
                label: Some(tr!(
                    input.lang,
                    "chart-bands-none",
                    share = crate::i18n::Pct(none, 0)
                )),
                note: None,
            }
        };
        rows.push(Row {
            label: input.value(s),
            bars: vec![bar],
            strong: s == input.whole,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = super::layout::column_legend(input, &BANDS);
    let canvas = hbars(&HBars {
        frame: input.frame.clone(),
        rows,
        legend,
        range: Some((0.0, 1.0)),
        percent: true,
        lang: input.lang,
    });
    let w = d.rows_where(sc, &input.whole);
    let get = |c: &str| w.first().and_then(|r| d.num(*r, c)).unwrap_or(0.0);
    let alt = tr!(
        input.lang,
        "alt-bands",
        title = input.frame.title.as_str(),
        none = crate::i18n::Pct(get("share_band_0"), 0),
        few = crate::i18n::Pct(get("share_band_1_5"), 0)
    );
    super::finish(input, canvas, alt)
}
