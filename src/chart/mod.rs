//! Charts: each kind (one file each) lays out its data on a [`Canvas`], a list of drawing
//! operations in CSS pixels; the canvas is then drawn by plotters as SVG (for HTML) and
//! as PNG at twice the size (for Word and slides), with the embedded font (`font.rs`),
//! so no system font or fontconfig is needed (04-cli-and-scale.md).
//!
//! Laying out first and drawing second keeps every kind independent of the backend,
//! makes both images identical but for resolution, and lets the layout measure its own
//! labels (long Norwegian sector names get the room they need instead of being cut).
//! Every chart has a title, axis labels with units, a source line with n, the Okabe–Ito
//! colour-blind-safe palette (Okabe & Ito 2008), and a text alternative made from its
//! data (03-report.md, "Charts").

pub mod bands;
pub mod benchmark;
pub mod closure;
pub mod coverage;
pub mod data;
pub mod font;
pub mod inspections;
pub mod layout;
pub mod likert;
pub mod maturity;
pub mod monthly;
pub mod pareto;
pub mod risk_matrix;
pub mod risk_sectors;
pub mod sector_types;
pub mod spc;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart kind: its name in report definitions, how it is drawn, the result tables it
/// reads (the first is the one its data table and column roles refer to), and the
/// columns of the data table shown behind the chart.
pub struct Kind {
    pub name: &'static str,
    pub draw: fn(&data::Input) -> Chart,
    pub tables: &'static [&'static str],
    pub data_columns: &'static [&'static str],
}

/// The twelve chart kinds of 03-report.md (the survey's has two: bands and Likert).
pub const KINDS: &[Kind] = &[
    Kind {
        name: "monthly",
        draw: monthly::chart,
        tables: &["deviation_monthly"],
        data_columns: &["month", "sector", "count"],
    },
    Kind {
        name: "spc",
        draw: spc::chart,
        tables: &["deviation_spc"],
        data_columns: &[
            "month", "sector", "count", "rate", "center", "ucl", "lcl", "signal",
        ],
    },
    Kind {
        name: "sector_types",
        draw: sector_types::chart,
        tables: &["deviation_counts"],
        data_columns: &["year", "sector", "type", "count"],
    },
    Kind {
        name: "closure",
        draw: closure::chart,
        tables: &["deviation_closure"],
        data_columns: &[
            "sector",
            "median_days_to_close",
            "open_0_30",
            "open_31_90",
            "open_91_180",
            "open_over_180",
        ],
    },
    Kind {
        name: "pareto",
        draw: pareto::chart,
        tables: &["deviation_root_causes"],
        data_columns: &["root_cause", "count", "share", "cumulative_share"],
    },
    Kind {
        name: "risk_matrix",
        draw: risk_matrix::chart,
        tables: &["risk_matrix"],
        data_columns: &["kind", "probability", "consequence", "count", "zone"],
    },
    Kind {
        name: "risk_sectors",
        draw: risk_sectors::chart,
        tables: &["risk_by_sector"],
        data_columns: &[
            "sector",
            "red",
            "yellow",
            "green",
            "review_overdue",
            "needs_measure_without_measure",
        ],
    },
    Kind {
        name: "coverage",
        draw: coverage::chart,
        tables: &["ros_coverage_register", "ros_survey_by_sector"],
        data_columns: &[
            "sector",
            "analysis_type",
            "units",
            "units_with_current_ros",
            "current_coverage",
        ],
    },
    Kind {
        name: "bands",
        draw: bands::chart,
        tables: &["ros_survey_by_sector"],
        data_columns: &[
            "sector",
            "respondents",
            "share_band_0",
            "share_band_1_5",
            "share_band_6_20",
            "share_band_21_50",
            "share_band_over_50",
        ],
    },
    Kind {
        name: "likert",
        draw: likert::chart,
        tables: &["ros_survey_likert"],
        data_columns: &[
            "sector",
            "item",
            "n",
            "level_1",
            "level_2",
            "level_3",
            "level_4",
            "level_5",
            "share_agree",
        ],
    },
    Kind {
        name: "maturity",
        draw: maturity::chart,
        tables: &["maturity_self_assessment"],
        data_columns: &[
            "sector",
            "dimension",
            "n",
            "current_mean",
            "current_min",
            "current_max",
            "ambition_mean",
        ],
    },
    Kind {
        name: "inspections",
        draw: inspections::chart,
        tables: &["inspections_summary"],
        data_columns: &[
            "year",
            "authority",
            "inspections",
            "findings",
            "closed",
            "open",
        ],
    },
    Kind {
        name: "benchmark",
        draw: benchmark::chart,
        tables: &["benchmark"],
        data_columns: &[
            "kommune",
            "ros_current_coverage",
            "reviews_on_time",
            "red_risks_with_measures",
            "deviations_closed_90d",
            "improvement_share",
            "survey_competence",
            "inspection_findings_closed",
            "maturity_index",
        ],
    },
];

/// The kind of a name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    fn plotters(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1), to choose black or white text on a fill.
    pub fn luminance(self) -> f64 {
        let c = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(self.0) + 0.7152 * c(self.1) + 0.0722 * c(self.2)
    }

    /// Black or white, whichever contrasts more with this fill.
    pub fn text_on(self) -> Rgb {
        if self.luminance() > 0.179 {
            INK
        } else {
            WHITE_RGB
        }
    }
}

/// Text and axes.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Secondary text (source line, tick labels): 7:1 on white.
pub const MUTED: Rgb = Rgb(0x4d, 0x4d, 0x4d);
/// Grid lines.
pub const GRID: Rgb = Rgb(0xdd, 0xdd, 0xdd);
pub const WHITE_RGB: Rgb = Rgb(0xff, 0xff, 0xff);

/// Okabe–Ito, in an order where neighbours differ in lightness as well as hue.
pub const PALETTE: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // bluish green
    Rgb(0xcc, 0x79, 0xa7), // reddish purple
    Rgb(0x56, 0xb4, 0xe9), // sky blue
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0xf0, 0xe4, 0x42), // yellow
    Rgb(0x00, 0x00, 0x00), // black
];

/// Risk zones: green, yellow, red as the ROS tradition has them, in tones that keep
/// 3:1 against each other for red-green colour blindness by lightness; the zone is always
/// also written in words (no meaning by colour alone, WCAG 1.4.1).
pub const ZONE_GREEN: Rgb = Rgb(0x9b, 0xd4, 0xa4);
pub const ZONE_YELLOW: Rgb = Rgb(0xf6, 0xd5, 0x5c);
pub const ZONE_RED: Rgb = Rgb(0xc0, 0x39, 0x2b);

/// A colour of the palette by index.
pub fn color(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

/// The contrast ratio of two colours (WCAG 2.1).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A palette colour for a line on the white background: the same hue, darkened until
/// it has 3:1 contrast with white (WCAG 2.1, 1.4.11 non-text contrast). Okabe–Ito's
/// orange, sky blue and yellow are lighter than that as thin lines; as bars they are
/// large areas beside labelled values.
pub fn line_color(i: usize) -> Rgb {
    let c = color(i);
    let mut k = 1.0;
    loop {
        let d = Rgb(
            (c.0 as f64 * k).round() as u8,
            (c.1 as f64 * k).round() as u8,
            (c.2 as f64 * k).round() as u8,
        );
        if contrast(d, WHITE_RGB) >= 3.0 || k <= 0.0 {
            return d;
        }
        k -= 0.01;
    }
}

/// Text anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawing operation, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: Rgb,
    },
    Line {
        points: Vec<(f64, f64)>,
        color: Rgb,
        width: f64,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: Rgb,
        stroke: Option<Rgb>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        color: Rgb,
        anchor: Anchor,
    },
}

/// A drawing surface that records operations.
#[derive(Debug, Clone)]
pub struct Canvas {
    pub width: f64,
    pub height: f64,
    pub ops: Vec<Op>,
}

/// Standard sizes (CSS pixels).
pub const WIDTH: f64 = 800.0;
pub const FONT: f64 = 13.0;
pub const SMALL: f64 = 11.5;
pub const TITLE: f64 = 16.0;
pub const PAD: f64 = 16.0;

impl Canvas {
    pub fn new(width: f64, height: f64) -> Canvas {
        Canvas {
            width,
            height,
            ops: Vec::new(),
        }
    }

    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, fill: Rgb) {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        self.ops.push(Op::Rect {
            x0,
            y0,
            x1,
            y1,
            fill,
        });
    }

    /// A polyline. Points that lie on the straight line between their neighbours are left
    /// out: plotters strokes a wide polyline by joining its segments, and at the joins of a
    /// straight run (a control chart's centre line is one value for every month) its
    /// rounding bent the line by a fraction of a pixel towards both ends.
    pub fn line(&mut self, points: Vec<(f64, f64)>, color: Rgb, width: f64) {
        self.ops.push(Op::Line {
            points: without_straight_joins(points),
            color,
            width,
        });
    }

    /// A dashed straight line (dash and gap in pixels).
    pub fn dashed(&mut self, a: (f64, f64), b: (f64, f64), color: Rgb, width: f64, dash: f64) {
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if len == 0.0 {
            return;
        }
        let (dx, dy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let mut t = 0.0;
        while t < len {
            let e = (t + dash).min(len);
            self.line(
                vec![(a.0 + dx * t, a.1 + dy * t), (a.0 + dx * e, a.1 + dy * e)],
                color,
                width,
            );
            t += 2.0 * dash;
        }
    }

    pub fn circle(&mut self, x: f64, y: f64, r: f64, fill: Rgb, stroke: Option<Rgb>) {
        self.ops.push(Op::Circle {
            x,
            y,
            r,
            fill,
            stroke,
        });
    }

    /// Text whose `y` is its vertical centre.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        size: f64,
        bold: bool,
        color: Rgb,
        anchor: Anchor,
    ) {
        self.ops.push(Op::Text {
            x,
            y,
            text: text.to_string(),
            size,
            bold,
            color,
            anchor,
        });
    }

    /// The width of a text in the embedded font.
    pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
        font::ensure();
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::SansSerif, size, style)
            .box_size(text)
            .map(|(w, _)| w as f64)
            .unwrap_or(text.chars().count() as f64 * size * 0.55)
    }

    /// Wrap a text into lines no wider than `max`.
    pub fn wrap(text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut cur = String::new();
        for word in text.split_whitespace() {
            let cand = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if !cur.is_empty() && Canvas::text_width(&cand, size, bold) > max {
                lines.push(std::mem::take(&mut cur));
                cur = word.to_string();
            } else {
                cur = cand;
            }
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        lines
    }

    /// Shorten a text with … to fit `max` (only where wrapping is impossible).
    pub fn fit(text: &str, size: f64, max: f64) -> String {
        if Canvas::text_width(text, size, false) <= max {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while chars.len() > 1 {
            chars.pop();
            let t: String = chars.iter().collect::<String>() + "…";
            if Canvas::text_width(&t, size, false) <= max {
                return t;
            }
        }
        text.chars().take(1).collect()
    }
}

/// What every chart has around its plot: title, axis titles, source line, legend.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub title: String,
    /// The value axis title, with its unit ("Antall avvik", "Andel (%)").
    pub value_label: String,
    /// The category or time axis title.
    pub category_label: String,
    /// "Kilde: …, n = …".
    pub source: String,
}

/// A legend entry.
#[derive(Debug, Clone)]
pub struct LegendItem {
    pub label: String,
    pub color: Rgb,
    /// Drawn as a line (series) rather than a square (bars).
    pub line: bool,
}

/// A finished chart: the canvas and what the report says about it.
#[derive(Debug, Clone)]
pub struct Chart {
    /// File stem in `charts/`.
    pub id: String,
    pub title: String,
    /// The text alternative made from the data.
    pub alt: String,
    pub canvas: Canvas,
}

impl Chart {
    /// True for the placeholder of a chart with nothing to show (see [`empty`]): the
    /// report leaves such a chart out with a note rather than print an empty frame.
    pub fn is_empty(&self) -> bool {
        self.id.starts_with(EMPTY_PREFIX)
    }
}

const EMPTY_PREFIX: &str = "empty-";

impl Chart {
    /// The SVG, with `role="img"`, a `<title>` and a `<desc>` (the alt text), so that a
    /// screen reader reads the chart's name and content.
    pub fn svg(&self) -> String {
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(
                &mut s,
                (self.canvas.width as u32, self.canvas.height as u32),
            )
            .into_drawing_area();
            draw(&root, &self.canvas, 1.0, TextAs::Elements);
            let _ = root.present();
        }
        let esc = |t: &str| {
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let head = format!(
            "<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" ",
            id = self.id
        );
        let meta = format!(
            "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            esc(&self.title),
            esc(&self.alt),
            id = self.id
        );
        let s = s.replacen("<svg ", &head, 1);
        match s.find('>') {
            Some(i) => format!("{}{}{}", &s[..=i], meta, &s[i + 1..]),
            None => s,
        }
    }

    /// The PNG at twice the size, for Word and slides.
    pub fn png(&self) -> Vec<u8> {
        let scale = 2.0;
        let (w, h) = (
            (self.canvas.width * scale) as u32,
            (self.canvas.height * scale) as u32,
        );
        let mut buf = vec![255u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
            draw(&root, &self.canvas, scale, TextAs::Pixels);
            let _ = root.present();
        }
        encode_png(&buf, w, h)
    }
}

/// PNG-encode an RGB buffer (the `png` crate, deterministic for the same pixels).
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        // Balanced's adaptive filter, not Fast: Fast made the national bundle's 66 PNGs
        // 3.3 MB instead of 1.7, and Word's zip deflated them again (~45 ms of the
        // document's ~50); now Word stores them as they are (`render::docx`). But
        // deflate level 2 (zlib-rs' `deflate_fast`), not Balanced's 6 (`deflate_medium`):
        // a chart is flat colour and text, which the filter already makes runs of;
        // level 6 searched for longer matches that saved 4 % of the bytes (a kommune's 25
        // charts 1.60 → 1.67 MB) for a sixth of a kommune run's CPU (8 alternating runs:
        // 0.41 → 0.37 s wall, user 0.53 → 0.44 s).
        enc.set_compression(png::Compression::Balanced);
        enc.set_deflate_compression(png::DeflateCompression::Level(2));
        // 2× pixels for 96-dpi CSS pixels: 192 dpi, so Word places the image at its
        // intended size.
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: 7559,
            yppu: 7559,
            unit: png::Unit::Meter,
        }));
        if let Ok(mut w) = enc.write_header() {
            let _ = w.write_image_data(rgb);
        }
    }
    out
}

/// How a canvas's text is drawn.
#[derive(Clone, Copy)]
enum TextAs {
    /// As the backend's text elements (SVG `<text>`: readable, selectable, searchable).
    Elements,
    /// As pixels, each glyph placed by its own bounds (`font::raster`).
    Pixels,
}

/// Draw the canvas on a plotters area at `scale`.
fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    c: &Canvas,
    s: f64,
    text_as: TextAs,
) {
    font::ensure();
    let _ = area.fill(&WHITE);
    let p = |v: f64| (v * s).round() as i32;
    for op in &c.ops {
        let _ = match op {
            Op::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
            } => area.draw(&Rectangle::new(
                [(p(*x0), p(*y0)), (p(*x1), p(*y1))],
                fill.plotters().filled(),
            )),
            Op::Line {
                points,
                color,
                width,
            } => area.draw(&PathElement::new(
                points
                    .iter()
                    .map(|(x, y)| (p(*x), p(*y)))
                    .collect::<Vec<_>>(),
                color
                    .plotters()
                    .stroke_width(((width * s).round() as u32).max(1)),
            )),
            Op::Circle {
                x,
                y,
                r,
                fill,
                stroke,
            } => {
                let r = (r * s).round() as i32;
                let _ = area.draw(&Circle::new((p(*x), p(*y)), r, fill.plotters().filled()));
                match stroke {
                    Some(st) => area.draw(&Circle::new(
                        (p(*x), p(*y)),
                        r,
                        st.plotters().stroke_width((1.5 * s).round() as u32),
                    )),
                    None => Ok(()),
                }
            }
            Op::Text {
                x,
                y,
                text,
                size,
                bold,
                color,
                anchor,
            } => {
                let style = if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let h = match anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                };
                let rgb = color.plotters();
                match text_as {
                    TextAs::Elements => {
                        let ts = FontDesc::new(FontFamily::SansSerif, size * s, style)
                            .color(&rgb)
                            .pos(Pos::new(h, VPos::Center));
                        area.draw(&plotters::element::Text::new(
                            text.clone(),
                            (p(*x), p(*y)),
                            ts,
                        ))
                    }
                    TextAs::Pixels => {
                        // Anchored where plotters anchors it (its box: the width the
                        // charts are laid out with, and a height of size / 1.24 centred
                        // on `y`, the baseline half the size below the box's top), so
                        // the PNG's layout is the SVG's.
                        let width = Canvas::text_width(text, size * s, *bold) as i32;
                        let size = (size * s) as f32;
                        let left = p(*x)
                            - match anchor {
                                Anchor::Start => 0,
                                Anchor::Middle => width / 2,
                                Anchor::End => width,
                            };
                        let top = p(*y) - (size / 1.24) as i32 / 2;
                        let baseline = top as f32 + size / 2.0;
                        font::raster(text, size, *bold, left as f32, baseline, |px, py, a| {
                            let _ = area.draw_pixel((px, py), &rgb.mix(f64::from(a)));
                        });
                        Ok(())
                    }
                }
            }
        };
    }
}

/// "Nice" axis ticks from 0 to at least `max` (1, 2, 2.5 or 5 × 10ⁿ steps).
pub fn ticks(max: f64, want: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / want.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// The title block at the top of a chart; returns the y where the plot may start.
pub fn draw_title(c: &mut Canvas, title: &str) -> f64 {
    let mut y = PAD + TITLE / 2.0;
    for line in Canvas::wrap(title, TITLE, true, c.width - 2.0 * PAD) {
        c.text(PAD, y, &line, TITLE, true, INK, Anchor::Start);
        y += TITLE * 1.3;
    }
    y + 4.0
}

/// A legend in rows from `y`; returns the y below it.
pub fn draw_legend(c: &mut Canvas, items: &[LegendItem], y: f64) -> f64 {
    let (mut x, mut y) = (PAD, y + SMALL / 2.0);
    for it in items {
        let w = 14.0 + 6.0 + Canvas::text_width(&it.label, SMALL, false) + 18.0;
        if x + w > c.width - PAD && x > PAD {
            x = PAD;
            y += SMALL * 1.6;
        }
        if it.line {
            c.line(vec![(x, y), (x + 14.0, y)], it.color, 2.5);
        } else {
            c.rect(x, y - 6.0, x + 12.0, y + 6.0, it.color);
        }
        c.text(x + 20.0, y, &it.label, SMALL, false, INK, Anchor::Start);
        x += w;
    }
    y + SMALL
}

/// The height a legend will take.
pub fn legend_height(items: &[LegendItem], width: f64) -> f64 {
    let mut x = PAD;
    let mut rows = 1.0;
    for it in items {
        let w = 14.0 + 6.0 + Canvas::text_width(&it.label, SMALL, false) + 18.0;
        if x + w > width - PAD && x > PAD {
            x = PAD;
            rows += 1.0;
        }
        x += w;
    }
    if items.is_empty() {
        0.0
    } else {
        rows * SMALL * 1.6 + 4.0
    }
}

/// The source line at the bottom.
pub fn draw_source(c: &mut Canvas, source: &str) {
    let y = c.height - PAD / 2.0 - SMALL / 2.0;
    c.text(PAD, y, source, SMALL, false, MUTED, Anchor::Start);
}

/// Height of the title block.
pub fn title_height(title: &str, width: f64) -> f64 {
    let n = Canvas::wrap(title, TITLE, true, width - 2.0 * PAD)
        .len()
        .max(1);
    PAD + n as f64 * TITLE * 1.3 + 4.0
}

/// Space for the source line.
pub const SOURCE_H: f64 = 30.0;

/// A chart that says there is nothing to show (every value suppressed or absent).
pub fn empty(id: &str, frame: &Frame, message: &str) -> Chart {
    let h = title_height(&frame.title, WIDTH) + 60.0 + SOURCE_H;
    let mut c = Canvas::new(WIDTH, h);
    let y = draw_title(&mut c, &frame.title);
    c.text(PAD, y + 24.0, message, FONT, false, MUTED, Anchor::Start);
    draw_source(&mut c, &frame.source);
    Chart {
        id: format!("{EMPTY_PREFIX}{id}"),
        title: frame.title.clone(),
        alt: message.to_string(),
        canvas: c,
    }
}

/// A finished chart of an input: its id and title, the canvas and the text alternative.
pub fn finish(input: &data::Input, canvas: Canvas, alt: String) -> Chart {
    Chart {
        id: input.id.clone(),
        title: input.frame.title.clone(),
        alt,
        canvas,
    }
}

/// Format a tick or value with the language's number style.
pub fn fmt_num(v: f64, decimals: u32, lang: crate::i18n::Lang) -> String {
    crate::i18n::num::decimal(v, decimals, lang)
}

/// `points` without those exactly on the segment between the points before and after
/// them (same direction, between them): the polyline drawn is the same.
fn without_straight_joins(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points;
    }
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (out.last(), points.get(i + 1)) {
            let cross = (p.0 - a.0) * (b.1 - p.1) - (p.1 - a.1) * (b.0 - p.0);
            let onward = (p.0 - a.0) * (b.0 - p.0) + (p.1 - a.1) * (b.1 - p.1) >= 0.0;
            if cross == 0.0 && onward {
                continue;
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_runs_of_a_polyline_are_one_segment() {
        // A centre line: one value for every month.
        let flat: Vec<(f64, f64)> = (0..36)
            .map(|i| (70.0 + 40.0 * f64::from(i), 512.5))
            .collect();
        assert_eq!(
            without_straight_joins(flat),
            vec![(70.0, 512.5), (1470.0, 512.5)]
        );
        // Corners, and a line that turns back on itself, are kept.
        let zigzag = vec![(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 1.0), (1.0, 1.0)];
        assert_eq!(
            without_straight_joins(zigzag),
            vec![(0.0, 0.0), (2.0, 2.0), (3.0, 1.0), (1.0, 1.0)]
        );
        let back = vec![(0.0, 0.0), (2.0, 0.0), (1.0, 0.0)];
        assert_eq!(without_straight_joins(back.clone()), back);
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(7.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(100.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    }

    #[test]
    fn text_is_measured_in_the_embedded_font_and_wrapped() {
        let w = Canvas::text_width("Oppvekst og utdanning", FONT, false);
        assert!(w > 100.0 && w < 180.0, "{w}");
        assert!(Canvas::text_width("ÆØÅ", FONT, false) > 20.0);
        let lines = Canvas::wrap(
            "Helse og velferd Helse og velferd Helse og velferd",
            FONT,
            false,
            150.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(Canvas::fit("Kultur", FONT, 500.0), "Kultur");
        assert!(Canvas::fit("Kultur og idrett og mer", FONT, 60.0).ends_with('…'));
    }

    #[test]
    fn line_colours_have_3_to_1_on_white_and_stay_apart() {
        let lines: Vec<Rgb> = (0..PALETTE.len()).map(line_color).collect();
        for (i, c) in lines.iter().enumerate() {
            assert!(contrast(*c, WHITE_RGB) >= 3.0, "line {i}: {c:?}");
        }
        // Colours already dark enough are unchanged (blue, vermillion, black).
        assert_eq!(lines[0], PALETTE[0]);
        assert_eq!(lines[7], PALETTE[7]);
        for i in 0..lines.len() {
            for j in i + 1..lines.len() {
                assert_ne!(lines[i], lines[j]);
            }
        }
    }

    #[test]
    fn contrast_picks_readable_text() {
        assert_eq!(ZONE_RED.text_on(), WHITE_RGB);
        assert_eq!(ZONE_YELLOW.text_on(), INK);
        assert_eq!(PALETTE[0].text_on(), WHITE_RGB);
    }

    #[test]
    fn svg_carries_role_title_and_desc_and_png_is_2x() {
        let f = Frame {
            title: "Tittel <æøå>".into(),
            source: "Kilde: test".into(),
            ..Default::default()
        };
        let ch = empty("test", &f, "Ingen data");
        assert!(ch.is_empty());
        let svg = ch.svg();
        assert!(
            svg.starts_with(
                "<svg role=\"img\" aria-labelledby=\"empty-test-title empty-test-desc\""
            ),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"empty-test-title\">Tittel &lt;æøå&gt;</title>"));
        assert!(svg.contains("<desc id=\"empty-test-desc\">Ingen data</desc>"));
        let png = ch.png();
        assert_eq!(&png[1..4], b"PNG");
        // Width in the IHDR chunk: twice the canvas.
        let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert_eq!(w, 1600);
        assert_eq!(png, ch.png(), "the same bytes every time");
    }
}
