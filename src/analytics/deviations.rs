//! The deviation analyses SQL cannot express well: the monthly series with zero months
//! and a rolling 12-month sum (`deviation_monthly`), the Laney u′ chart per sector
//! (`deviation_spc`) and the Mann-Kendall trend per sector and category
//! (`deviation_trend`). Each is a group-by in Rust feeding the pure functions of `stats`.

use super::frame::{Col, dates, f64s, frame, i64s, str_col, strs, years_months};
use super::{Params, WHOLE};
use crate::error::Result;
use crate::i18n::Lang;
use crate::stats::{mann_kendall::mann_kendall, spc};
use chrono::NaiveDate;
use polars::prelude::*;
use std::collections::BTreeMap;

type Key = (String, String); // (kommunenummer, sector)
/// Counts by month index per (kommunenummer, sector), in key order.
type MonthlyCounts = Vec<(Key, Vec<(i32, f64)>)>;
/// First and last month index per kommunenummer.
type Spans = PlHashMap<String, (i32, i32)>;

fn month_date(i: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1).expect("valid month")
}

/// Row slices of a long table, to count on every core: each slice is counted on its own
/// (borrowed keys) and the counts are added up. Slicing a frame copies nothing.
fn slices(df: &DataFrame) -> Vec<DataFrame> {
    const ROWS: usize = 1 << 18;
    (0..df.height())
        .step_by(ROWS)
        .map(|o| df.slice(o as i64, ROWS))
        .collect()
}

/// Add the maps of the slices into the first.
fn add_up<K: std::hash::Hash + Eq>(parts: Vec<PlHashMap<K, f64>>) -> PlHashMap<K, f64> {
    let mut it = parts.into_iter();
    let mut all = it.next().unwrap_or_default();
    for p in it {
        for (k, n) in p {
            *all.entry(k).or_default() += n;
        }
    }
    all
}

/// The items' values gathered per key, in key order: hashed while gathering and sorted
/// once (a `BTreeMap` searched per item compares strings at every level of its tree).
fn grouped<K: Ord + std::hash::Hash + Eq, T>(
    items: impl Iterator<Item = (K, T)>,
) -> Vec<(K, Vec<T>)> {
    let mut by: PlHashMap<K, Vec<T>> = PlHashMap::new();
    for (k, v) in items {
        by.entry(k).or_default().push(v);
    }
    let mut out: Vec<(K, Vec<T>)> = by.into_iter().collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Monthly counts per (kommunenummer, sector) including `Hele kommunen`, over each
/// municipality's span of months (zeros included).
fn monthly_counts(dev: &DataFrame) -> Result<(MonthlyCounts, Spans)> {
    use rayon::prelude::*;
    let parts = slices(dev);
    // Borrowed keys while counting (a national file has 1.4 M rows); owned at the end.
    type Part<'a> = (
        PlHashMap<(&'a str, &'a str, i32), f64>,
        PlHashMap<&'a str, (i32, i32)>,
    );
    let counted: Vec<Part<'_>> = parts
        .par_iter()
        .map(|part| -> Result<Part<'_>> {
            // Counted on integer keys (the dictionary's codes, the month's index), named
            // once per distinct key at the end of the slice.
            let (knr, sector) = (
                str_col(part, "kommunenummer")?.coded(),
                str_col(part, "sector")?.coded(),
            );
            let (years, months) = years_months(part, "reported_date")?;
            // A map update per row (municipality, sector, month); each municipality's
            // span and the whole municipality come from the counts' keys.
            let mut by_code: PlHashMap<(u32, u32, i32), f64> = PlHashMap::new();
            for i in 0..part.height() {
                let (Some(k), Some(s), Some(y), Some(mo)) =
                    (knr.codes[i], sector.codes[i], years[i], months[i])
                else {
                    continue;
                };
                *by_code.entry((k, s, y * 12 + mo as i32 - 1)).or_default() += 1.0;
            }
            let mut span_code: PlHashMap<u32, (i32, i32)> = PlHashMap::new();
            // Summed, not collected: a sector written as the whole municipality's name
            // is counted with it, as when the keys were text.
            let mut counts: PlHashMap<(&str, &str, i32), f64> = PlHashMap::new();
            for ((k, s, m), n) in by_code {
                let e = span_code.entry(k).or_insert((m, m));
                *e = (e.0.min(m), e.1.max(m));
                for s in [sector.text(s), WHOLE] {
                    *counts.entry((knr.text(k), s, m)).or_default() += n;
                }
            }
            let span: PlHashMap<&str, (i32, i32)> = span_code
                .into_iter()
                .map(|(k, v)| (knr.text(k), v))
                .collect();
            Ok((counts, span))
        })
        .collect::<Result<_>>()?;
    // Merged on the borrowed text and sorted once: a `BTreeMap` of owned keys searched
    // once per (key, month) was ~1 s of the national-x10 run on one core.
    let mut span_of: PlHashMap<&str, (i32, i32)> = PlHashMap::new();
    let mut count_parts = Vec::with_capacity(counted.len());
    for (c, sp) in counted {
        for (k, (a, b)) in sp {
            let e = span_of.entry(k).or_insert((a, b));
            *e = (e.0.min(a), e.1.max(b));
        }
        count_parts.push(c);
    }
    let out = grouped(
        add_up(count_parts)
            .into_iter()
            .map(|((k, s, m), n)| ((k, s), (m, n))),
    );
    let span: Spans = span_of
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let out: MonthlyCounts = out
        .into_iter()
        .map(|((k, s), v)| ((k.to_string(), s.to_string()), v))
        .collect();
    Ok((out, span))
}

/// `deviation_monthly`: month × sector → count, rolling_12m (null until 12 months exist).
pub fn monthly(dev: &DataFrame) -> Result<DataFrame> {
    let (counts, span) = monthly_counts(dev)?;
    // Every column sized once for its rows (every month of each series' municipality):
    // grown by doubling, a national-x10 table's 1.5 million rows were fresh memory twice.
    let rows: usize = counts
        .iter()
        .filter_map(|((knr, _), _)| span.get(knr))
        .map(|&(first, last)| usize::try_from(last - first + 1).unwrap_or(0))
        .sum();
    let (mut k, mut mo, mut s, mut c, mut r) = (
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
        Vec::with_capacity(rows),
    );
    for ((knr, sector), by_month) in &counts {
        let Some(&(first, last)) = span.get(knr) else {
            continue;
        };
        // Every month of the municipality's span, zero where the series had none (each
        // month is counted once per key: `add_up` summed them).
        let mut series = vec![0.0; usize::try_from(last - first + 1).unwrap_or(0)];
        for &(m, n) in by_month {
            if let Some(slot) = usize::try_from(m - first)
                .ok()
                .and_then(|i| series.get_mut(i))
            {
                *slot += n;
            }
        }
        for (i, m) in (first..=last).enumerate() {
            k.push(Some(knr.as_str()));
            mo.push(Some(month_date(m)));
            s.push(Some(sector.as_str()));
            c.push(Some(series[i] as i64));
            r.push((i >= 11).then(|| series[i - 11..=i].iter().sum::<f64>() as i64));
        }
    }
    frame(vec![
        Col::Text("kommunenummer", k),
        Col::Date("month", mo),
        Col::Text("sector", s),
        Col::Int("count", c),
        Col::Int("rolling_12m", r),
    ])
}

/// Employees per (kommunenummer, sector) and per municipality (`Hele kommunen`).
fn exposure(units: &DataFrame) -> Result<BTreeMap<Key, f64>> {
    let mut out: BTreeMap<Key, f64> = BTreeMap::new();
    if units.height() == 0 {
        return Ok(out);
    }
    let knr = strs(units, "kommunenummer")?;
    let sector = strs(units, "sector")?;
    let emp = f64s(units, "employees")?;
    for i in 0..units.height() {
        let (Some(k), Some(s), Some(e)) = (&knr[i], &sector[i], emp[i]) else {
            continue;
        };
        for s in [s.as_str(), WHOLE] {
            *out.entry((k.clone(), s.to_string())).or_default() += e;
        }
    }
    // Årsverk are written with a decimal or two (132,7), which binary floating point holds
    // only nearly: their sum came out as 4 551,999999999999 where the units add up to
    // 4 552. Rounded to a millionth, far below any real fraction of an årsverk.
    for e in out.values_mut() {
        *e = (*e * 1e6).round() / 1e6;
    }
    Ok(out)
}

/// Each series of `deviation_monthly`: (kommunenummer, sector) → (month, count) in month
/// order, zero months included. Text is borrowed from the table.
type Series<'a> = BTreeMap<(&'a str, &'a str), Vec<(NaiveDate, f64)>>;
/// The series being read: its key and its months so far.
type Run<'a> = ((&'a str, &'a str), Vec<(NaiveDate, f64)>);

fn series_of(monthly: &DataFrame) -> Result<Series<'_>> {
    let knr: Vec<Option<&str>> = str_col(monthly, "kommunenummer")?.iter().collect();
    let sector: Vec<Option<&str>> = str_col(monthly, "sector")?.iter().collect();
    let month = dates(monthly, "month")?;
    let count = i64s(monthly, "count")?;
    let mut out: Series = BTreeMap::new();
    // `monthly` writes each series whole and in month order: rows are appended to the
    // series of the row before while the key stays the same, and looked up only when it
    // changes (a national-x10 table has 1.5 million rows).
    let mut current: Option<Run> = None;
    for i in 0..monthly.height() {
        let (Some(k), Some(s), Some(m)) = (knr[i], sector[i], month[i]) else {
            continue;
        };
        let n = count[i].unwrap_or(0) as f64;
        match &mut current {
            Some((key, v)) if *key == (k, s) => v.push((m, n)),
            _ => {
                if let Some((key, v)) = current.take() {
                    out.entry(key).or_default().extend(v);
                }
                current = Some(((k, s), vec![(m, n)]));
            }
        }
    }
    if let Some((key, v)) = current {
        out.entry(key).or_default().extend(v);
    }
    for v in out.values_mut() {
        v.sort_by_key(|(m, _)| *m);
    }
    Ok(out)
}

/// `deviation_spc`: the Laney u′ chart of the monthly deviation rate per sector and for
/// the whole municipality, over the series of `deviation_monthly` (its months with zeros:
/// counting the deviations again cost as much as the monthly table itself).
pub fn spc(monthly: &DataFrame, units: &DataFrame, lang: Lang) -> Result<DataFrame> {
    let series_by_key = series_of(monthly)?;
    let exp = exposure(units)?;
    // One result row per (municipality, sector, month), written straight into its
    // columns, each sized once: at most a row per row of the monthly table. (A vector of
    // rows first, grown by doubling, and the columns copied out of it: ~0.5 GB of fresh
    // memory at national-x10, 1.5 million rows, whose clearing was three quarters of
    // this table's time there: benches/README.md, session 21.) Text is borrowed from the
    // monthly table and the two notes, not a `String` per row.
    let n = monthly.height();
    // The two notes a series without limits can have, made once and borrowed per row.
    let too_few = tr!(lang, "note-spc-too-few-points");
    let no_events = tr!(lang, "note-spc-no-events");
    let mut knr_col: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut sector_col: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut month_col: Vec<Option<NaiveDate>> = Vec::with_capacity(n);
    let mut count_col: Vec<Option<i64>> = Vec::with_capacity(n);
    let [
        mut exposure_col,
        mut rate_col,
        mut center_col,
        mut ucl_col,
        mut lcl_col,
        mut sigma_col,
    ]: [Vec<Option<f64>>; 6] = std::array::from_fn(|_| Vec::with_capacity(n));
    let mut signal_col: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut note_col: Vec<Option<&str>> = Vec::with_capacity(n);
    for (&(knr, sector), months) in &series_by_key {
        let series: Vec<f64> = months.iter().map(|(_, n)| *n).collect();
        let e = exp
            .get(&(knr.to_string(), sector.to_string()))
            .copied()
            .filter(|e| *e > 0.0)
            .unwrap_or(1.0);
        let chart = spc::laney_u_prime(&series, &vec![e; series.len()]);
        let note = chart.no_limits.map(|n| match n {
            spc::NoLimits::TooFewPoints => too_few.as_str(),
            spc::NoLimits::NoEvents => no_events.as_str(),
        });
        for (i, (m, _)) in months.iter().enumerate() {
            knr_col.push(Some(knr));
            sector_col.push(Some(sector));
            month_col.push(Some(*m));
            count_col.push(Some(series[i] as i64));
            exposure_col.push(Some(e));
            rate_col.push(Some(chart.rate[i]));
            center_col.push(Some(chart.center));
            ucl_col.push(chart.ucl[i]);
            lcl_col.push(chart.lcl[i]);
            sigma_col.push(chart.sigma_z);
            signal_col.push(chart.signal[i].map(|s| s.as_str()));
            note_col.push(note);
        }
    }
    frame(vec![
        Col::Text("kommunenummer", knr_col),
        Col::Text("sector", sector_col),
        Col::Date("month", month_col),
        Col::Int("count", count_col),
        Col::F64("exposure", exposure_col),
        Col::F64("rate", rate_col),
        Col::F64("center", center_col),
        Col::F64("ucl", ucl_col),
        Col::F64("lcl", lcl_col),
        Col::F64("sigma_z", sigma_col),
        Col::Text("signal", signal_col),
        Col::Text("note", note_col),
    ])
}

/// `deviation_trend`: Mann-Kendall and Sen's slope of yearly counts per sector × category
/// (plus category `alle`) over the last `trend_years` years up to the report year (not
/// before the municipality's first year of data).
pub fn trend(dev: &DataFrame, params: &Params, lang: Lang) -> Result<DataFrame> {
    use rayon::prelude::*;
    let last = params.year;
    let first_wanted = last - params.trend_years as i32 + 1;
    let parts = slices(dev);
    type Part<'a> = (
        PlHashMap<(&'a str, &'a str, &'a str, i32), f64>,
        PlHashMap<&'a str, i32>,
    );
    let counted: Vec<Part<'_>> = parts
        .par_iter()
        .map(|part| -> Result<Part<'_>> {
            let (knr, sector, category) = (
                str_col(part, "kommunenummer")?.coded(),
                str_col(part, "sector")?.coded(),
                str_col(part, "category")?.coded(),
            );
            let (years, _) = years_months(part, "reported_date")?;
            // Counted on integer keys, once per row (municipality, sector, category —
            // `None`: not stated — and year, every year); the municipality's first year,
            // the report window, the whole municipality and `alle` come from the counts,
            // which have a key per combination, not a row per deviation (a map update per
            // row instead of five: 1.4 million rows nationally).
            let mut by_code: PlHashMap<(u32, u32, Option<u32>, i32), f64> = PlHashMap::new();
            for (i, y) in years.iter().enumerate() {
                let (Some(k), Some(s), Some(y)) = (knr.codes[i], sector.codes[i], *y) else {
                    continue;
                };
                *by_code.entry((k, s, category.codes[i], y)).or_default() += 1.0;
            }
            let mut first_code: PlHashMap<u32, i32> = PlHashMap::new();
            // Summed, not collected: a category written as `ikke angitt` or `alle` is
            // counted with the blank ones or all of them, as when the keys were text.
            let mut by_key: PlHashMap<(&str, &str, &str, i32), f64> = PlHashMap::new();
            for ((k, s, c, y), n) in by_code {
                let f = first_code.entry(k).or_insert(y);
                *f = (*f).min(y);
                if y < first_wanted || y > last {
                    continue;
                }
                let c = c.map_or(crate::i18n::NOT_STATED, |c| category.text(c));
                for s in [sector.text(s), WHOLE] {
                    for c in [c, "alle"] {
                        *by_key.entry((knr.text(k), s, c, y)).or_default() += n;
                    }
                }
            }
            let first_year: PlHashMap<&str, i32> = first_code
                .into_iter()
                .map(|(k, y)| (knr.text(k), y))
                .collect();
            Ok((by_key, first_year))
        })
        .collect::<Result<_>>()?;
    // Keyed by the borrowed text while counting and sorted once at the end: a
    // `BTreeMap` of owned keys, searched once per (key, year), was 1.3 s of the
    // national-x10 run on one core (a string comparison at every level of the tree).
    let mut first_year: PlHashMap<&str, i32> = PlHashMap::new();
    let mut key_parts = Vec::with_capacity(counted.len());
    for (c, fy) in counted {
        for (k, y) in fy {
            let e = first_year.entry(k).or_insert(y);
            *e = (*e).min(y);
        }
        key_parts.push(c);
    }
    let by_key = add_up(key_parts);
    let counts = grouped(
        by_key
            .into_iter()
            .map(|((k, s, c, y), n)| ((k, s, c), (y, n))),
    );
    // One result row per (municipality, sector, category).
    struct Row<'a> {
        key: (&'a str, &'a str, &'a str),
        years: i64,
        mk: crate::stats::mann_kendall::MannKendall,
        p_value: Option<f64>,
        direction: &'static str,
        note: Option<String>,
        first: i64,
    }
    let mut rows: Vec<Row> = Vec::with_capacity(counts.len());
    for (key, by_year) in &counts {
        let start = first_wanted.max(first_year.get(key.0).copied().unwrap_or(first_wanted));
        // Every year of the window, zero where the series had no deviation (each year is
        // counted once per key: `add_up` summed them).
        let mut series = vec![0.0; usize::try_from(last - start + 1).unwrap_or(0)];
        for &(y, n) in by_year {
            if let Some(slot) = usize::try_from(y - start)
                .ok()
                .and_then(|i| series.get_mut(i))
            {
                *slot += n;
            }
        }
        let mk = mann_kendall(&series);
        // Fewer than four years: no test (02-analytics.md), the slope is still given.
        let testable = series.len() >= 4;
        let p_value = if testable { mk.p_value } else { None };
        let direction = match p_value {
            Some(pv) if pv < 0.05 && mk.s > 0 => "økende",
            Some(pv) if pv < 0.05 && mk.s < 0 => "synkende",
            _ => "ingen tydelig trend",
        };
        rows.push(Row {
            key: *key,
            years: series.len() as i64,
            mk,
            p_value,
            direction,
            note: (!testable).then(|| tr!(lang, "note-trend-too-few-years")),
            first: start as i64,
        });
    }
    let text = |f: &dyn for<'r> Fn(&'r Row<'r>) -> Option<&'r str>| {
        rows.iter().map(|r| f(r).map(String::from)).collect()
    };
    frame(vec![
        Col::Str("kommunenummer", text(&|r| Some(r.key.0))),
        Col::Str("sector", text(&|r| Some(r.key.1))),
        Col::Str("category", text(&|r| Some(r.key.2))),
        Col::Int("years", rows.iter().map(|r| Some(r.years)).collect()),
        Col::Int(
            "mann_kendall_s",
            rows.iter().map(|r| Some(r.mk.s)).collect(),
        ),
        Col::F64("kendall_tau", rows.iter().map(|r| r.mk.tau).collect()),
        Col::F64("p_value", rows.iter().map(|r| r.p_value).collect()),
        Col::F64("sens_slope", rows.iter().map(|r| r.mk.sens_slope).collect()),
        Col::Str("direction", text(&|r| Some(r.direction))),
        Col::Str("note", text(&|r| r.note.as_deref())),
        Col::Int("first_year", rows.iter().map(|r| Some(r.first)).collect()),
        Col::Int(
            "last_year",
            rows.iter().map(|_| Some(last as i64)).collect(),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `deviation_spc`'s note says why a series has no limits, on each of its rows, in the
    /// report's language; a series with limits has none.
    #[test]
    fn spc_notes_say_why_a_series_has_no_limits() {
        let months: Vec<NaiveDate> = (1..=12)
            .map(|m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap())
            .collect();
        let mut knr = Vec::new();
        let (mut sector, mut month, mut count) = (Vec::new(), Vec::new(), Vec::new());
        // Helse: 12 months with deviations; Skole: 12 months without; Finans: 3 months.
        for (s, counts) in [
            ("Helse", [3i64, 5, 4, 6, 2, 5, 4, 3, 7, 5, 4, 6].as_slice()),
            ("Skole", [0i64; 12].as_slice()),
            ("Finans", [1i64, 2, 1].as_slice()),
        ] {
            for (i, c) in counts.iter().enumerate() {
                knr.push("0301");
                sector.push(s);
                month.push((months[i] - super::super::frame::epoch()).num_days() as i32);
                count.push(*c);
            }
        }
        let monthly = df!(
            "kommunenummer" => knr,
            "sector" => sector,
            "month" => month,
            "count" => count,
        )
        .unwrap()
        .lazy()
        .with_column(col("month").cast(DataType::Date))
        .collect()
        .unwrap();
        let out = spc(&monthly, &DataFrame::empty(), Lang::Nb).unwrap();
        assert_eq!(out.height(), 27);
        let notes: Vec<(String, Option<String>)> = str_col(&out, "sector")
            .unwrap()
            .iter()
            .zip(str_col(&out, "note").unwrap().iter())
            .map(|(s, n)| (s.unwrap().to_string(), n.map(str::to_string)))
            .collect();
        for (s, note) in &notes {
            let want = match s.as_str() {
                "Helse" => None,
                "Skole" => Some("ingen avvik i perioden"),
                "Finans" => Some("for få punkter for kontrollgrenser (under 12 måneder)"),
                other => panic!("unexpected sector {other}"),
            };
            assert_eq!(note.as_deref(), want, "{s}");
        }
        let en = spc(&monthly, &DataFrame::empty(), Lang::En).unwrap();
        let en_notes: Vec<Option<&str>> = str_col(&en, "note").unwrap().iter().collect();
        assert!(
            en_notes.iter().flatten().all(|n| !n.contains("avvik")),
            "{en_notes:?}"
        );
        assert_eq!(en_notes.iter().flatten().count(), 15);
    }

    /// Series keys come out in text order (the order of the result tables' rows), each
    /// with its values in the order they came.
    #[test]
    fn grouped_sorts_the_keys_and_keeps_each_keys_values_in_order() {
        let items = [
            (("3301", "Oppvekst"), 2),
            (("0301", "Helse"), 1),
            (("3301", "Oppvekst"), 5),
            (("0301", "Hele kommunen"), 7),
            (("0301", "Helse"), 3),
        ];
        assert_eq!(
            grouped(items.into_iter()),
            vec![
                (("0301", "Hele kommunen"), vec![7]),
                (("0301", "Helse"), vec![1, 3]),
                (("3301", "Oppvekst"), vec![2, 5]),
            ]
        );
    }

    #[test]
    fn exposure_is_the_units_sum_without_binary_noise() {
        // 132,7 + 140,2 + 0,1 + 0,2 in floating point is 273,20000000000005.
        let units = df!(
            "kommunenummer" => ["0301", "0301", "0301", "0301"],
            "sector" => ["Helse", "Helse", "Skole", "Skole"],
            "employees" => [132.7, 140.2, 0.1, 0.2],
        )
        .unwrap();
        let e = exposure(&units).unwrap();
        let get = |s: &str| e[&("0301".to_string(), s.to_string())];
        assert_eq!(get("Helse"), 272.9);
        assert_eq!(get("Skole"), 0.3);
        assert_eq!(get(WHOLE), 273.2);
    }
}
