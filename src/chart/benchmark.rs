//! Chart 12: the municipalities compared (`benchmark`) as a dot plot: one row per
//! indicator on a common 0–100 % axis (the maturity index divided by 100), a grey dot per
//! municipality, the focal one larger in blue with its value, and the median of the
//! peer group (its KOSTRA group when given, else all) as a black tick.

use super::data::Input;
use super::layout::horizontal_axis;
use super::{Anchor, Canvas, Chart, FONT, INK, LegendItem, PAD, PALETTE, Rgb, SMALL, SOURCE_H};
use super::{draw_legend, draw_source, draw_title, legend_height, title_height};

const OTHERS: Rgb = Rgb(0xa6, 0xa6, 0xa6);

/// The indicators drawn, as shares (the index is scaled from 0–100).
const ROWS: [(&str, f64); 8] = [
    ("ros_current_coverage", 1.0),
    ("reviews_on_time", 1.0),
    ("red_risks_with_measures", 1.0),
    ("deviations_closed_90d", 1.0),
    ("improvement_share", 1.0),
    ("survey_competence", 1.0),
    ("inspection_findings_closed", 1.0),
    ("maturity_index", 0.01),
];

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

pub fn chart(input: &Input) -> Chart {
    let d = input.table("benchmark");
    if d.rows.len() < 2 {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let focus = input.focus.clone().or_else(|| {
        (0..d.rows.len())
            .find(|r| d.num(*r, "focus") == Some(1.0))
            .and_then(|r| d.text(r, "kommunenummer").map(String::from))
    });
    let fr = focus
        .as_ref()
        .and_then(|f| (0..d.rows.len()).find(|r| d.text(*r, "kommunenummer") == Some(f)));
    let group = fr.and_then(|r| d.text(r, "kostra_group")).map(String::from);
    let peers: Vec<usize> = (0..d.rows.len())
        .filter(|r| group.is_none() || d.text(*r, "kostra_group") == group.as_deref())
        .collect();
    let w = super::WIDTH;
    let focus_name = fr
        .map(|r| {
            d.text(r, "kommune")
                .or(d.text(r, "kommunenummer"))
                .unwrap_or("")
                .to_string()
        })
        .unwrap_or_default();
    let legend = vec![
        LegendItem {
            label: input.t("chart-benchmark-others"),
            color: OTHERS,
            line: false,
        },
        LegendItem {
            label: if focus_name.is_empty() {
                input.t("chart-benchmark-focus")
            } else {
                focus_name.clone()
            },
            color: PALETTE[0],
            line: false,
        },
        LegendItem {
            label: input.t(if group.is_some() {
                "chart-benchmark-median-group"
            } else {
                "chart-benchmark-median"
            }),
            color: INK,
            line: true,
        },
    ];
    let labels: Vec<String> = ROWS
        .iter()
        .map(|(c, _)| input.t(&format!("col-{c}")))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| Canvas::text_width(l, FONT, false))
        .fold(60.0f64, f64::max);
    let row_h = 34.0;
    let top = title_height(&input.frame.title, w) + legend_height(&legend, w) + 8.0;
    let bottom = top + row_h * ROWS.len() as f64;
    let h = bottom + 30.0 + FONT * 1.4 + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y0 = draw_title(&mut c, &input.frame.title);
    draw_legend(&mut c, &legend, y0);
    let x0 = PAD + label_w + 16.0;
    let x1 = w - PAD - 62.0;
    let sx = |v: f64| x0 + v.clamp(0.0, 1.0) * (x1 - x0);
    let marks: Vec<(f64, String)> = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|t| (sx(t), crate::i18n::num::percent(t, 0, input.lang)))
        .collect();
    horizontal_axis(
        &mut c,
        &marks,
        (top, bottom),
        (x0, x1),
        &input.t("chart-benchmark-axis"),
    );
    let mut above = 0;
    for (i, (col, f)) in ROWS.iter().enumerate() {
        let y = top + i as f64 * row_h + row_h / 2.0;
        c.text(PAD + label_w, y, &labels[i], FONT, false, INK, Anchor::End);
        for r in 0..d.rows.len() {
            if Some(r) == fr {
                continue;
            }
            if let Some(v) = d.num(r, col) {
                c.circle(sx(v * f), y, 4.0, OTHERS, None);
            }
        }
        let med = median(
            peers
                .iter()
                .filter_map(|r| d.num(*r, col).map(|v| v * f))
                .collect(),
        );
        if let Some(m) = med {
            c.line(vec![(sx(m), y - 10.0), (sx(m), y + 10.0)], INK, 2.5);
        }
        if let Some(v) = fr.and_then(|r| d.num(r, col)) {
            c.circle(sx(v * f), y, 7.0, PALETTE[0], Some(INK));
            c.text(
                x1 + 16.0,
                y,
                &crate::i18n::num::percent(v * f, 0, input.lang),
                SMALL,
                true,
                INK,
                Anchor::Start,
            );
            if med.is_some_and(|m| v * f > m) {
                above += 1;
            }
        }
    }
    draw_source(&mut c, &input.frame.source);
    let alt = tr!(
        input.lang,
        "alt-benchmark",
        title = input.frame.title.as_str(),
        n = d.rows.len(),
        focus = if focus_name.is_empty() {
            "–".to_string()
        } else {
            focus_name
        },
        above = above as usize,
        of = ROWS.len()
    );
    super::finish(input, c, alt)
}
