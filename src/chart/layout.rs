//! The three layouts most chart kinds share: horizontal bars (categories with long names
//! down the left), vertical columns (few categories or years along the bottom, with an
//! optional cumulative line), and lines over time. Each measures its labels and grows
//! in height with the number of categories, so 1 sector and 15 sectors both fit.

use super::*;
use crate::i18n::Lang;

/// A piece of a stacked bar.
#[derive(Debug, Clone)]
pub struct Segment {
    pub value: f64,
    pub color: Rgb,
}

/// One bar of a row: stacked segments, a label after it, or a note where it is not
/// shown (`<5` for a suppressed group).
#[derive(Debug, Clone, Default)]
pub struct Bar {
    pub segments: Vec<Segment>,
    pub label: Option<String>,
    pub note: Option<String>,
}

/// A category (row) of a horizontal bar chart.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub bars: Vec<Bar>,
    /// Emphasised (the whole municipality).
    pub strong: bool,
}

/// Horizontal bars.
#[derive(Debug, Clone)]
pub struct HBars {
    pub frame: Frame,
    pub rows: Vec<Row>,
    pub legend: Vec<LegendItem>,
    /// Axis range; `None` from the data (from 0).
    pub range: Option<(f64, f64)>,
    /// Values are fractions shown as percentages.
    pub percent: bool,
    pub lang: Lang,
}

/// Legend entries for colours keyed by column name (labels from the catalogue's
/// `col-<name>`).
pub fn column_legend(input: &super::data::Input, items: &[(&str, Rgb)]) -> Vec<LegendItem> {
    items
        .iter()
        .map(|(c, col)| LegendItem {
            label: input.t(&format!("col-{c}")),
            color: *col,
            line: false,
        })
        .collect()
}

/// Horizontal bars in the input's frame and language.
pub fn bars(
    input: &super::data::Input,
    rows: Vec<Row>,
    legend: Vec<LegendItem>,
    range: Option<(f64, f64)>,
    percent: bool,
) -> Canvas {
    hbars(&HBars {
        frame: input.frame.clone(),
        rows,
        legend,
        range,
        percent,
        lang: input.lang,
    })
}

const ROW_GAP: f64 = 10.0;
const BAR_H: f64 = 16.0;
const MAX_LABEL: f64 = 230.0;

fn tick_label(v: f64, percent: bool, lang: Lang) -> String {
    if percent {
        // A diverging axis counts outwards from zero on both sides.
        crate::i18n::num::percent(v.abs(), 0, lang)
    } else {
        let d = if v.fract().abs() > 1e-9 { 1 } else { 0 };
        fmt_num(v, d, lang)
    }
}

/// Lay out horizontal bars.
pub fn hbars(spec: &HBars) -> Canvas {
    let w = WIDTH;
    // Category labels: wrapped to at most MAX_LABEL, the column as wide as the widest.
    let wrapped: Vec<Vec<String>> = spec
        .rows
        .iter()
        .map(|r| Canvas::wrap(&r.label, FONT, r.strong, MAX_LABEL))
        .collect();
    let label_w = wrapped
        .iter()
        .zip(&spec.rows)
        .flat_map(|(ls, r)| {
            ls.iter()
                .map(move |l| Canvas::text_width(l, FONT, r.strong))
        })
        .fold(40.0f64, f64::max);
    let row_h: Vec<f64> = spec
        .rows
        .iter()
        .zip(&wrapped)
        .map(|(r, ls)| {
            let bars = r.bars.len().max(1) as f64 * BAR_H + (r.bars.len().max(1) - 1) as f64 * 2.0;
            bars.max(ls.len() as f64 * FONT * 1.25) + ROW_GAP
        })
        .collect();
    let top = title_height(&spec.frame.title, w) + legend_height(&spec.legend, w) + 8.0;
    let plot_h: f64 = row_h.iter().sum();
    let axis_h = 24.0 + FONT * 1.4;
    let h = top + plot_h + axis_h + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y0 = draw_title(&mut c, &spec.frame.title);
    draw_legend(&mut c, &spec.legend, y0);
    let x0 = PAD + label_w + 10.0;
    // Room for the value labels after the longest bar.
    let label_room = spec
        .rows
        .iter()
        .flat_map(|r| r.bars.iter())
        .filter_map(|b| b.label.as_ref().or(b.note.as_ref()))
        .map(|l| Canvas::text_width(l, SMALL, false) + 8.0)
        .fold(0.0f64, f64::max);
    let x1 = w - PAD - label_room.max(10.0);
    let (lo, hi) = spec.range.unwrap_or_else(|| {
        let max = spec
            .rows
            .iter()
            .flat_map(|r| r.bars.iter())
            .map(|b| b.segments.iter().map(|s| s.value.max(0.0)).sum::<f64>())
            .fold(0.0f64, f64::max);
        (0.0, max)
    });
    let ts = if lo < 0.0 {
        let t = ticks(hi.max(-lo), 3);
        let mut all: Vec<f64> = t.iter().rev().map(|v| -v).collect();
        all.extend(t.iter().skip(1));
        all
    } else if spec.percent && hi <= 1.0 {
        vec![0.0, 0.25, 0.5, 0.75, 1.0]
    } else {
        ticks(hi, 5)
    };
    let (lo, hi) = (
        ts.first().copied().unwrap_or(0.0),
        ts.last().copied().unwrap_or(1.0),
    );
    let sx = |v: f64| x0 + (v - lo) / (hi - lo).max(1e-9) * (x1 - x0);
    let top_plot = top;
    let bottom = top + plot_h;
    let marks: Vec<(f64, String)> = ts
        .iter()
        .map(|t| (sx(*t), tick_label(*t, spec.percent, spec.lang)))
        .collect();
    horizontal_axis(
        &mut c,
        &marks,
        (top_plot, bottom),
        (x0, x1),
        &spec.frame.value_label,
    );
    let mut y = top_plot;
    for ((r, ls), rh) in spec.rows.iter().zip(&wrapped).zip(&row_h) {
        let n = r.bars.len().max(1) as f64;
        let bars_h = n * BAR_H + (n - 1.0) * 2.0;
        let by0 = y + (rh - ROW_GAP - bars_h) / 2.0 + ROW_GAP / 2.0;
        let ly = y + rh / 2.0 - (ls.len() as f64 - 1.0) * FONT * 0.625;
        for (k, l) in ls.iter().enumerate() {
            c.text(
                PAD + label_w,
                ly + k as f64 * FONT * 1.25,
                l,
                FONT,
                r.strong,
                INK,
                Anchor::End,
            );
        }
        for (j, b) in r.bars.iter().enumerate() {
            let yb = by0 + j as f64 * (BAR_H + 2.0);
            let (mut pos, mut neg) = (0.0f64, 0.0f64);
            for s in &b.segments {
                if s.value >= 0.0 {
                    c.rect(sx(pos), yb, sx(pos + s.value), yb + BAR_H, s.color);
                    pos += s.value;
                } else {
                    c.rect(sx(neg + s.value), yb, sx(neg), yb + BAR_H, s.color);
                    neg += s.value;
                }
            }
            let text = b.label.as_ref().or(b.note.as_ref());
            if let Some(t) = text {
                let end = if b.segments.is_empty() {
                    sx(lo.max(0.0))
                } else {
                    sx(pos)
                };
                c.text(
                    end + 4.0,
                    yb + BAR_H / 2.0,
                    t,
                    SMALL,
                    false,
                    INK,
                    Anchor::Start,
                );
            }
        }
        y += rh;
    }
    // The zero line on top of the bars.
    let zx = sx(0.0);
    c.line(vec![(zx, top_plot), (zx, bottom)], INK, 1.0);
    draw_source(&mut c, &spec.frame.source);
    c
}

/// Grid lines from `top` to `bottom` at each mark's x, its label under the plot, and the
/// axis title centred under the labels (bars, the benchmark and the maturity chart).
pub fn horizontal_axis(
    c: &mut Canvas,
    marks: &[(f64, String)],
    (top, bottom): (f64, f64),
    (x0, x1): (f64, f64),
    title: &str,
) {
    for (x, label) in marks {
        c.line(vec![(*x, top), (*x, bottom)], GRID, 1.0);
        c.text(
            *x,
            bottom + 12.0,
            label,
            SMALL,
            false,
            MUTED,
            Anchor::Middle,
        );
    }
    c.text(
        (x0 + x1) / 2.0,
        bottom + 12.0 + FONT * 1.4,
        title,
        FONT,
        false,
        INK,
        Anchor::Middle,
    );
}

/// Grid lines and tick labels of a vertical value axis, and its title above it.
#[allow(clippy::too_many_arguments)]
fn value_axis(
    c: &mut Canvas,
    ticks: &[f64],
    (x0, x1): (f64, f64),
    sy: &dyn Fn(f64) -> f64,
    decimals: u32,
    top: f64,
    label: &str,
    lang: Lang,
) {
    for t in ticks {
        c.line(vec![(x0, sy(*t)), (x1, sy(*t))], GRID, 1.0);
        c.text(
            x0 - 6.0,
            sy(*t),
            &fmt_num(*t, decimals, lang),
            SMALL,
            false,
            MUTED,
            Anchor::End,
        );
    }
    c.text(
        PAD,
        top - SMALL * 1.5,
        label,
        SMALL,
        false,
        INK,
        Anchor::Start,
    );
}

/// A group of vertical columns (one category or year) and its bars.
#[derive(Debug, Clone)]
pub struct Group {
    pub label: String,
    /// One value per series (None: not shown).
    pub values: Vec<Option<f64>>,
}

/// Vertical columns, grouped by category, with an optional line on a 0–100 % axis.
#[derive(Debug, Clone)]
pub struct Columns {
    pub frame: Frame,
    pub groups: Vec<Group>,
    pub series: Vec<LegendItem>,
    /// A cumulative share per group (Pareto), on a right-hand 0–100 % axis.
    pub line: Option<(String, Vec<f64>)>,
    pub lang: Lang,
}

/// Lay out vertical columns. Category labels are wrapped under their group; with many
/// groups the chart gets taller labels rather than overlapping ones.
pub fn columns(spec: &Columns) -> Canvas {
    let w = WIDTH;
    let mut legend = spec.series.clone();
    if let Some((name, _)) = &spec.line {
        legend.push(LegendItem {
            label: name.clone(),
            color: INK,
            line: true,
        });
    }
    // Title, legend, then the value axis title on its own line above the plot.
    let top = title_height(&spec.frame.title, w) + legend_height(&legend, w) + SMALL * 2.6;
    let ticks_y = ticks(
        spec.groups
            .iter()
            .flat_map(|g| g.values.iter().flatten())
            .fold(0.0f64, |a, b| a.max(*b)),
        5,
    );
    let left_w = ticks_y
        .iter()
        .map(|t| Canvas::text_width(&fmt_num(*t, 0, spec.lang), SMALL, false))
        .fold(0.0f64, f64::max);
    let x0 = PAD + FONT * 1.6 + left_w + 8.0;
    let right = if spec.line.is_some() { 48.0 } else { 0.0 };
    let x1 = w - PAD - right;
    let n = spec.groups.len().max(1) as f64;
    let gw = (x1 - x0) / n;
    let labels: Vec<Vec<String>> = spec
        .groups
        .iter()
        .map(|g| Canvas::wrap(&g.label, SMALL, false, gw - 4.0))
        .collect();
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let plot_h = 260.0;
    let bottom = top + plot_h;
    let h = bottom + 8.0 + label_lines * SMALL * 1.25 + FONT * 1.6 + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y = draw_title(&mut c, &spec.frame.title);
    draw_legend(&mut c, &legend, y);
    let ymax = ticks_y.last().copied().unwrap_or(1.0).max(1e-9);
    let sy = |v: f64| bottom - v / ymax * plot_h;
    value_axis(
        &mut c,
        &ticks_y,
        (x0, x1),
        &sy,
        0,
        top,
        &spec.frame.value_label,
        spec.lang,
    );
    let ns = spec.series.len().max(1) as f64;
    let bw = ((gw * 0.8) / ns).min(40.0);
    for (gi, g) in spec.groups.iter().enumerate() {
        let gx = x0 + gi as f64 * gw + gw / 2.0;
        let start = gx - bw * ns / 2.0;
        for (si, v) in g.values.iter().enumerate() {
            if let Some(v) = v {
                let color = spec.series.get(si).map_or(color(si), |s| s.color);
                c.rect(
                    start + si as f64 * bw + 1.0,
                    sy(*v),
                    start + (si as f64 + 1.0) * bw - 1.0,
                    bottom,
                    color,
                );
            }
        }
        for (k, l) in labels[gi].iter().enumerate() {
            c.text(
                gx,
                bottom + 10.0 + k as f64 * SMALL * 1.25,
                l,
                SMALL,
                false,
                INK,
                Anchor::Middle,
            );
        }
    }
    c.line(vec![(x0, bottom), (x1, bottom)], INK, 1.0);
    if let Some((_, cum)) = &spec.line {
        let pts: Vec<(f64, f64)> = cum
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    x0 + i as f64 * gw + gw / 2.0,
                    bottom - v.clamp(0.0, 1.0) * plot_h,
                )
            })
            .collect();
        c.line(pts.clone(), INK, 2.0);
        for p in pts {
            c.circle(p.0, p.1, 3.0, INK, None);
        }
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            c.text(
                x1 + 6.0,
                bottom - t * plot_h,
                &crate::i18n::num::percent(t, 0, spec.lang),
                SMALL,
                false,
                MUTED,
                Anchor::Start,
            );
        }
    }
    c.text(
        (x0 + x1) / 2.0,
        bottom + 14.0 + label_lines * SMALL * 1.25 + FONT * 0.5,
        &spec.frame.category_label,
        FONT,
        false,
        INK,
        Anchor::Middle,
    );
    draw_source(&mut c, &spec.frame.source);
    c
}

/// A line series over the x positions of a [`Lines`] chart.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub color: Rgb,
    pub values: Vec<Option<f64>>,
    pub width: f64,
    pub dashed: bool,
    /// Listed in the legend (the lower limit shares the upper limit's entry).
    pub legend: bool,
}

/// A marked point (SPC signals): series-independent, drawn on top.
#[derive(Debug, Clone)]
pub struct Mark {
    pub x: usize,
    pub y: f64,
    pub color: Rgb,
}

/// Lines over ordered x positions (months, years).
#[derive(Debug, Clone)]
pub struct Lines {
    pub frame: Frame,
    /// Label of each x position; every `label_every`-th is written.
    pub x_labels: Vec<String>,
    pub label_every: usize,
    pub series: Vec<Series>,
    pub marks: Vec<Mark>,
    /// Legend entries beyond the series (the marks).
    pub extra_legend: Vec<LegendItem>,
    pub decimals: u32,
    pub lang: Lang,
}

/// Lay out lines.
pub fn lines(spec: &Lines) -> Canvas {
    let w = WIDTH;
    let mut legend: Vec<LegendItem> = spec
        .series
        .iter()
        .filter(|s| s.legend)
        .map(|s| LegendItem {
            label: s.label.clone(),
            color: s.color,
            line: true,
        })
        .collect();
    legend.extend(spec.extra_legend.iter().cloned());
    let top = title_height(&spec.frame.title, w) + legend_height(&legend, w) + SMALL * 2.6;
    let max = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .chain(spec.marks.iter().map(|m| &m.y))
        .fold(0.0f64, |a, b| a.max(*b));
    let ts = ticks(max, 5);
    let left_w = ts
        .iter()
        .map(|t| Canvas::text_width(&fmt_num(*t, spec.decimals, spec.lang), SMALL, false))
        .fold(0.0f64, f64::max);
    let x0 = PAD + left_w + 10.0;
    let x1 = w - PAD - 10.0;
    let plot_h = 240.0;
    let bottom = top + plot_h;
    let h = bottom + 14.0 + SMALL * 1.4 + FONT * 1.6 + SOURCE_H;
    let mut c = Canvas::new(w, h.ceil());
    let y = draw_title(&mut c, &spec.frame.title);
    draw_legend(&mut c, &legend, y);
    let ymax = ts.last().copied().unwrap_or(1.0).max(1e-9);
    let n = spec.x_labels.len().max(2);
    let sx = |i: usize| x0 + i as f64 / (n - 1) as f64 * (x1 - x0);
    let sy = |v: f64| bottom - v / ymax * plot_h;
    value_axis(
        &mut c,
        &ts,
        (x0, x1),
        &sy,
        spec.decimals,
        top,
        &spec.frame.value_label,
        spec.lang,
    );
    let every = spec.label_every.max(1);
    for (i, l) in spec.x_labels.iter().enumerate() {
        if i % every == 0 {
            c.line(vec![(sx(i), bottom), (sx(i), bottom + 4.0)], INK, 1.0);
            c.text(sx(i), bottom + 12.0, l, SMALL, false, MUTED, Anchor::Middle);
        }
    }
    c.line(vec![(x0, bottom), (x1, bottom)], INK, 1.0);
    for s in &spec.series {
        // Broken where a value is missing (suppressed or absent).
        let mut run: Vec<(f64, f64)> = Vec::new();
        let flush = |run: &mut Vec<(f64, f64)>, c: &mut Canvas| {
            if run.len() > 1 {
                if s.dashed {
                    for w2 in run.windows(2) {
                        c.dashed(w2[0], w2[1], s.color, s.width, 5.0);
                    }
                } else {
                    c.line(std::mem::take(run), s.color, s.width);
                }
            } else if run.len() == 1 {
                c.circle(run[0].0, run[0].1, 2.5, s.color, None);
            }
            run.clear();
        };
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => run.push((sx(i), sy(*v))),
                None => flush(&mut run, &mut c),
            }
        }
        flush(&mut run, &mut c);
    }
    for m in &spec.marks {
        c.circle(sx(m.x), sy(m.y), 5.0, m.color, Some(INK));
    }
    c.text(
        (x0 + x1) / 2.0,
        bottom + 14.0 + SMALL * 1.4 + FONT * 0.4,
        &spec.frame.category_label,
        FONT,
        false,
        INK,
        Anchor::Middle,
    );
    draw_source(&mut c, &spec.frame.source);
    c
}
