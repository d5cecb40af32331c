//! Chart 10: maturity now and the ambition per dimension as a dumbbell chart
//! (`maturity_self_assessment`): a line from the current mean to the ambition, the
//! spread of the individual current scores (lowest–highest) as a thin band, on the
//! 1–5 scale. KS advises scoring individually first: the spread is part of the message.

use super::data::Input;
use super::layout::horizontal_axis;
use super::{
    Anchor, Canvas, Chart, FONT, INK, LegendItem, MUTED, PAD, PALETTE, Rgb, SMALL, SOURCE_H,
};
use super::{draw_legend, draw_source, draw_title, legend_height, title_height};

const SPREAD: Rgb = Rgb(0xc6, 0xdb, 0xef);

pub fn chart(input: &Input) -> Chart {
    let d = input.table("maturity_self_assessment");
    let sector = input.sector.clone().unwrap_or_else(|| input.whole.clone());
    let rows: Vec<usize> = d.rows_where(input.col("category", "sector"), &sector);
    if rows.is_empty() || rows.iter().all(|r| d.num(*r, "current_mean").is_none()) {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let w = super::WIDTH;
    let legend = vec![
        LegendItem {
            label: input.t("chart-maturity-now"),
            color: PALETTE[0],
            line: false,
        },
        LegendItem {
            label: input.t("chart-maturity-ambition"),
            color: PALETTE[1],
            line: false,
        },
        LegendItem {
            label: input.t("chart-maturity-spread"),
            color: SPREAD,
            line: false,
        },
    ];
    let labels: Vec<String> = rows
        .iter()
        .map(|r| d.text(*r, "dimension").unwrap_or("").to_string())
        .collect();
    let label_w = labels
        .iter()
        .map(|l| Canvas::text_width(&Canvas::fit(l, FONT, 240.0), FONT, false))
        .fold(60.0f64, f64::max);
    let row_h = 30.0;
    let top = title_height(&input.frame.title, w) + legend_height(&legend, w) + 8.0;
    let plot_h = row_h * rows.len() as f64;
    let h = top + plot_h + 30.0 + FONT * 1.4 + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y0 = draw_title(&mut c, &input.frame.title);
    draw_legend(&mut c, &legend, y0);
    let x0 = PAD + label_w + 16.0;
    let x1 = w - PAD - 60.0;
    let sx = |v: f64| x0 + (v - 1.0) / 4.0 * (x1 - x0);
    let bottom = top + plot_h;
    let marks: Vec<(f64, String)> = (1..=5).map(|t| (sx(t as f64), t.to_string())).collect();
    horizontal_axis(
        &mut c,
        &marks,
        (top, bottom),
        (x0, x1),
        &input.t("chart-maturity-axis"),
    );
    let (mut widest, mut widest_gap) = (String::new(), f64::MIN);
    for (i, r) in rows.iter().enumerate() {
        let y = top + i as f64 * row_h + row_h / 2.0;
        c.text(
            PAD + label_w,
            y,
            &Canvas::fit(&labels[i], FONT, 240.0),
            FONT,
            false,
            INK,
            Anchor::End,
        );
        let (now, amb) = (d.num(*r, "current_mean"), d.num(*r, "ambition_mean"));
        let (lo, hi) = (d.num(*r, "current_min"), d.num(*r, "current_max"));
        if let (Some(lo), Some(hi)) = (lo, hi) {
            c.rect(sx(lo), y - 5.0, sx(hi), y + 5.0, SPREAD);
        }
        match (now, amb) {
            (Some(n), Some(a)) => {
                c.line(vec![(sx(n), y), (sx(a), y)], INK, 2.0);
                c.circle(sx(n), y, 6.0, PALETTE[0], Some(INK));
                c.circle(sx(a), y, 6.0, PALETTE[1], Some(INK));
                if a - n > widest_gap {
                    widest_gap = a - n;
                    widest = labels[i].clone();
                }
            }
            (Some(n), None) => c.circle(sx(n), y, 6.0, PALETTE[0], Some(INK)),
            _ => c.text(
                x0,
                y,
                &input.t("suppressed-short"),
                SMALL,
                false,
                MUTED,
                Anchor::Start,
            ),
        }
    }
    draw_source(&mut c, &input.frame.source);
    let alt = tr!(
        input.lang,
        "alt-maturity",
        title = input.frame.title.as_str(),
        dims = rows.len(),
        widest = widest,
        gap = crate::i18n::Dec(widest_gap.max(0.0), 1)
    );
    super::finish(input, c, alt)
}
