//! Chart 2: a Laney u′ control chart of the monthly deviation rate for one sector or the
//! whole municipality (`deviation_spc`): the rate, the centre line, the limits (dashed)
//! and the months that signal (above, below, or a run of 8), marked in a colour and
//! named in the text alternative.

use super::data::Input;
use super::layout::{Lines, Mark, Series, lines};
use super::{Chart, INK, LegendItem, PALETTE, Rgb};

const SIGNAL: Rgb = Rgb(0xd5, 0x5e, 0x00);

pub fn chart(input: &Input) -> Chart {
    let d = input.table("deviation_spc");
    let sector = input.sector.clone().unwrap_or_else(|| input.whole.clone());
    let rows: Vec<usize> = d
        .rows_where(input.col("series", "sector"), &sector)
        .into_iter()
        .filter(|r| {
            d.text(*r, "month").is_some_and(|m| {
                m >= format!("{}-01-01", input.year - 2).as_str()
                    && m <= format!("{}-12-31", input.year).as_str()
            })
        })
        .collect();
    if rows.is_empty() || rows.iter().all(|r| d.num(*r, "rate").is_none()) {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let get = |col: &str| rows.iter().map(|r| d.num(*r, col)).collect::<Vec<_>>();
    let (rate, center, ucl, lcl) = (get("rate"), get("center"), get("ucl"), get("lcl"));
    // Rates per employee are small: show them per 100 årsverk, like the other rates.
    // Without a units table the exposure is 1 and the "rate" is the count itself (the
    // tables' labels and decimals follow the same rule: `registry::rates_are_counts`).
    let counts = rows
        .iter()
        .all(|r| d.num(*r, "exposure").is_none_or(|e| e == 1.0));
    let k = if counts { 1.0 } else { 100.0 };
    let per100 = |v: Vec<Option<f64>>| v.into_iter().map(|x| x.map(|x| x * k)).collect::<Vec<_>>();
    let (rate, center, ucl, lcl) = (per100(rate), per100(center), per100(ucl), per100(lcl));
    let mut frame = input.frame.clone();
    if counts {
        frame.value_label = input.t("axis-deviations");
    }
    let marks: Vec<Mark> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| d.text(**r, "signal").is_some_and(|s| !s.is_empty()))
        .filter_map(|(i, _)| {
            rate[i].map(|y| Mark {
                x: i,
                y,
                color: SIGNAL,
            })
        })
        .collect();
    let labels: Vec<String> = rows
        .iter()
        .map(|r| super::monthly::month_label(d.text(*r, "month").unwrap_or(""), input.lang))
        .collect();
    let line = |label: &str, color: Rgb, values, width, dashed, legend| Series {
        label: input.t(label),
        color,
        values,
        width,
        dashed,
        legend,
    };
    let limits = Rgb(0x55, 0x55, 0x55);
    // Counts are keyed as what they are, not as a rate (the title says so too: a
    // `-count` title, chosen where the report builds the frame).
    let key = if counts {
        "chart-spc-count"
    } else {
        "chart-spc-rate"
    };
    let series = vec![
        line(key, PALETTE[0], rate, 2.0, false, true),
        line("chart-spc-center", INK, center, 1.5, false, true),
        line("chart-spc-limits", limits, ucl, 1.5, true, true),
        line("chart-spc-limits", limits, lcl, 1.5, true, false),
    ];
    let canvas = lines(&Lines {
        frame,
        x_labels: labels.clone(),
        label_every: 3,
        series,
        marks: marks.clone(),
        // The key names a signal only where the chart marks one.
        extra_legend: if marks.is_empty() {
            Vec::new()
        } else {
            vec![LegendItem {
                label: input.t("chart-spc-signal"),
                color: SIGNAL,
                line: false,
            }]
        },
        // Counts (no units table) are whole numbers; rates per 100 årsverk get one decimal.
        decimals: if counts { 0 } else { 1 },
        lang: input.lang,
    });
    let signals: Vec<String> = marks.iter().map(|m| labels[m.x].clone()).collect();
    let alt = if signals.is_empty() {
        tr!(
            input.lang,
            "alt-spc-none",
            title = input.frame.title.as_str(),
            months = rows.len()
        )
    } else {
        tr!(
            input.lang,
            "alt-spc",
            title = input.frame.title.as_str(),
            months = rows.len(),
            n = signals.len(),
            which = signals.join(", ")
        )
    };
    super::finish(input, canvas, alt)
}
