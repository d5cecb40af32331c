//! Chart 6: the risk matrix as a heat map (`risk_matrix`): probability up, consequence
//! across, the count of risks in each cell, and the zone written in the cell (green,
//! yellow, red are also told apart by the word and by lightness: WCAG 1.4.1). Before
//! measures (inherent) and after (residual) side by side, as NS 5814 presents them.

use super::data::Input;
use super::{
    Anchor, Canvas, Chart, FONT, INK, PAD, SMALL, SOURCE_H, ZONE_GREEN, ZONE_RED, ZONE_YELLOW,
};
use super::{draw_source, draw_title, title_height};

pub fn chart(input: &Input) -> Chart {
    let d = input.table("risk_matrix");
    let (kc, pc, cc, vc, zc) = (
        input.col("panel", "kind"),
        input.col("y", "probability"),
        input.col("x", "consequence"),
        input.col("value", "count"),
        input.col("zone", "zone"),
    );
    let scale = (0..d.rows.len())
        .filter_map(|r| d.num(r, pc))
        .fold(0.0f64, f64::max)
        .max(1.0) as usize;
    if d.rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let w = super::WIDTH;
    let gap = 48.0;
    let axis = 40.0;
    let cell = ((w - 2.0 * PAD - gap - 2.0 * axis) / 2.0 / scale as f64).min(64.0);
    let top = title_height(&input.frame.title, w) + FONT * 3.4;
    let grid_h = cell * scale as f64;
    let h = top + grid_h + axis + FONT * 1.5 + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y0 = draw_title(&mut c, &input.frame.title);
    let mut red = [0.0, 0.0];
    for (pi, kind) in ["inherent", "residual"].iter().enumerate() {
        let gx = PAD + axis + pi as f64 * (cell * scale as f64 + gap + axis);
        c.text(
            gx,
            y0 + FONT * 0.6,
            &input.t(&format!("chart-matrix-{kind}")),
            FONT,
            true,
            INK,
            Anchor::Start,
        );
        for r in d.rows_where(kc, kind) {
            let (Some(p), Some(k)) = (d.num(r, pc), d.num(r, cc)) else {
                continue;
            };
            let (p, k) = (p as usize, k as usize);
            let zone = d.text(r, zc).unwrap_or("");
            let fill = match zone {
                "rød" => ZONE_RED,
                "gul" => ZONE_YELLOW,
                _ => ZONE_GREEN,
            };
            let x = gx + (k - 1) as f64 * cell;
            let y = top + (scale - p) as f64 * cell;
            c.rect(x + 1.0, y + 1.0, x + cell - 1.0, y + cell - 1.0, fill);
            let ink = fill.text_on();
            let n = d.num(r, vc);
            if zone == "rød" {
                red[pi] += n.unwrap_or(0.0);
            }
            let count = n
                .map(|v| crate::i18n::num::int(v as i64, input.lang))
                .unwrap_or_default();
            c.text(
                x + cell / 2.0,
                y + cell * 0.4,
                &count,
                FONT,
                true,
                ink,
                Anchor::Middle,
            );
            c.text(
                x + cell / 2.0,
                y + cell * 0.72,
                &input.t(&format!("zone-{}", crate::i18n::id_part(zone))),
                SMALL * 0.9,
                false,
                ink,
                Anchor::Middle,
            );
        }
        for i in 1..=scale {
            c.text(
                gx - 8.0,
                top + (scale - i) as f64 * cell + cell / 2.0,
                &i.to_string(),
                SMALL,
                false,
                INK,
                Anchor::End,
            );
            c.text(
                gx + (i - 1) as f64 * cell + cell / 2.0,
                top + grid_h + 12.0,
                &i.to_string(),
                SMALL,
                false,
                INK,
                Anchor::Middle,
            );
        }
        c.text(
            gx + grid_h / 2.0,
            top + grid_h + 12.0 + FONT * 1.3,
            &input.t("col-consequence"),
            FONT,
            false,
            INK,
            Anchor::Middle,
        );
        c.text(
            gx - axis + 2.0,
            top - FONT * 0.8,
            &input.t("col-probability"),
            SMALL,
            false,
            INK,
            Anchor::Start,
        );
    }
    draw_source(&mut c, &input.frame.source);
    let alt = tr!(
        input.lang,
        "alt-risk-matrix",
        title = input.frame.title.as_str(),
        red = red[0] as i64,
        red_after = red[1] as i64
    );
    super::finish(input, c, alt)
}
