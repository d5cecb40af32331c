//! The deviation analyses SQL cannot express well: the monthly series with zero months
//! and a rolling 12-month sum (`deviation_monthly`), the Laney u′ chart per sector
//! (`deviation_spc`) and the Mann-Kendall trend per sector and category
//! (`deviation_trend`). Each is a group-by in Rust feeding the pure functions of `stats`.

use super::frame::{Col, dates, f64s, frame, strs};
use super::{Params, WHOLE};
use crate::error::Result;
use crate::stats::{mann_kendall::mann_kendall, spc};
use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use std::collections::BTreeMap;

type Key = (String, String); // (kommunenummer, sector)
/// Counts by month index per (kommunenummer, sector).
type MonthlyCounts = BTreeMap<Key, BTreeMap<i32, f64>>;
/// First and last month index per kommunenummer.
type Spans = BTreeMap<String, (i32, i32)>;

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn month_date(i: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1).expect("valid month")
}

/// Monthly counts per (kommunenummer, sector) including `Hele kommunen`, over each
/// municipality's span of months (zeros included).
fn monthly_counts(dev: &DataFrame) -> Result<(MonthlyCounts, Spans)> {
    let (knr, sector) = (str_col(dev, "kommunenummer")?, str_col(dev, "sector")?);
    let date = dates(dev, "reported_date")?;
    // Borrowed keys while counting (a national file has 1.4 M rows); owned at the end.
    let mut counts: PlHashMap<(&str, &str, i32), f64> = PlHashMap::new();
    let mut span: BTreeMap<String, (i32, i32)> = BTreeMap::new();
    for ((k, s), d) in knr.iter().zip(sector.iter()).zip(&date) {
        let (Some(k), Some(s), Some(d)) = (k, s, d) else {
            continue;
        };
        let m = month_index(*d);
        match span.get_mut(k) {
            Some(e) => *e = (e.0.min(m), e.1.max(m)),
            None => {
                span.insert(k.to_string(), (m, m));
            }
        }
        for s in [s, WHOLE] {
            *counts.entry((k, s, m)).or_default() += 1.0;
        }
    }
    let mut out: MonthlyCounts = BTreeMap::new();
    for ((k, s, m), n) in counts {
        out.entry((k.to_string(), s.to_string()))
            .or_default()
            .insert(m, n);
    }
    Ok((out, span))
}

/// A string column, borrowed.
fn str_col<'a>(df: &'a DataFrame, name: &str) -> Result<&'a StringChunked> {
    df.column(name)
        .and_then(|c| c.str())
        .map_err(|e| crate::Error::polars(format!("kolonnen {name}"), e))
}

/// `deviation_monthly`: month × sector → count, rolling_12m (null until 12 months exist).
pub fn monthly(dev: &DataFrame) -> Result<DataFrame> {
    let (counts, span) = monthly_counts(dev)?;
    let (mut k, mut mo, mut s, mut c, mut r) = (vec![], vec![], vec![], vec![], vec![]);
    for ((knr, sector), by_month) in &counts {
        let (first, last) = span[knr];
        let series: Vec<f64> = (first..=last)
            .map(|m| by_month.get(&m).copied().unwrap_or(0.0))
            .collect();
        for (i, m) in (first..=last).enumerate() {
            k.push(Some(knr.clone()));
            mo.push(Some(month_date(m)));
            s.push(Some(sector.clone()));
            c.push(Some(series[i] as i64));
            r.push((i >= 11).then(|| series[i - 11..=i].iter().sum::<f64>() as i64));
        }
    }
    frame(vec![
        Col::Str("kommunenummer", k),
        Col::Date("month", mo),
        Col::Str("sector", s),
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
    Ok(out)
}

/// `deviation_spc`: the Laney u′ chart of the monthly deviation rate per sector and for
/// the whole municipality.
pub fn spc(dev: &DataFrame, units: &DataFrame) -> Result<DataFrame> {
    let (counts, span) = monthly_counts(dev)?;
    let exp = exposure(units)?;
    let mut cols: (Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>) = Default::default();
    let (mut center, mut ucl, mut lcl, mut sz, mut signal, mut note) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for ((knr, sector), by_month) in &counts {
        let (first, last) = span[knr];
        let series: Vec<f64> = (first..=last)
            .map(|m| by_month.get(&m).copied().unwrap_or(0.0))
            .collect();
        let e = exp
            .get(&(knr.clone(), sector.clone()))
            .copied()
            .filter(|e| *e > 0.0)
            .unwrap_or(1.0);
        let chart = spc::laney_u_prime(&series, &vec![e; series.len()]);
        let why = chart.no_limits.map(|n| match n {
            spc::NoLimits::TooFewPoints => {
                "for få punkter for kontrollgrenser (under 12 måneder)".to_string()
            }
            spc::NoLimits::NoEvents => "ingen avvik i perioden".to_string(),
        });
        for (i, m) in (first..=last).enumerate() {
            cols.0.push(Some(knr.clone()));
            cols.1.push(Some(sector.clone()));
            cols.2.push(Some(month_date(m)));
            cols.3.push(Some(series[i] as i64));
            cols.4.push(Some(e));
            cols.5.push(Some(chart.rate[i]));
            center.push(Some(chart.center));
            ucl.push(chart.ucl[i]);
            lcl.push(chart.lcl[i]);
            sz.push(chart.sigma_z);
            signal.push(chart.signal[i].map(|s| s.as_str().to_string()));
            note.push(why.clone());
        }
    }
    frame(vec![
        Col::Str("kommunenummer", cols.0),
        Col::Str("sector", cols.1),
        Col::Date("month", cols.2),
        Col::Int("count", cols.3),
        Col::F64("exposure", cols.4),
        Col::F64("rate", cols.5),
        Col::F64("center", center),
        Col::F64("ucl", ucl),
        Col::F64("lcl", lcl),
        Col::F64("sigma_z", sz),
        Col::Str("signal", signal),
        Col::Str("note", note),
    ])
}

/// `deviation_trend`: Mann-Kendall and Sen's slope of yearly counts per sector × category
/// (plus category `alle`) over the last `trend_years` years up to the report year (not
/// before the municipality's first year of data).
pub fn trend(dev: &DataFrame, params: &Params) -> Result<DataFrame> {
    let (knr, sector, category) = (
        str_col(dev, "kommunenummer")?,
        str_col(dev, "sector")?,
        str_col(dev, "category")?,
    );
    let date = dates(dev, "reported_date")?;
    let last = params.year;
    let first_wanted = last - params.trend_years as i32 + 1;
    let mut first_year: BTreeMap<String, i32> = BTreeMap::new();
    let mut by_key: PlHashMap<(&str, &str, &str, i32), f64> = PlHashMap::new();
    for (((k, s), c), d) in knr
        .iter()
        .zip(sector.iter())
        .zip(category.iter())
        .zip(&date)
    {
        let (Some(k), Some(s), Some(d)) = (k, s, d) else {
            continue;
        };
        match first_year.get_mut(k) {
            Some(y) => *y = (*y).min(d.year()),
            None => {
                first_year.insert(k.to_string(), d.year());
            }
        }
        if d.year() < first_wanted || d.year() > last {
            continue;
        }
        let cat = c.unwrap_or("ikke angitt");
        for s in [s, WHOLE] {
            for c in [cat, "alle"] {
                *by_key.entry((k, s, c, d.year())).or_default() += 1.0;
            }
        }
    }
    let mut counts: BTreeMap<(String, String, String), BTreeMap<i32, f64>> = BTreeMap::new();
    for ((k, s, c, y), n) in by_key {
        counts
            .entry((k.to_string(), s.to_string(), c.to_string()))
            .or_default()
            .insert(y, n);
    }
    let mut out: (Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>, Vec<_>) = Default::default();
    let (mut p, mut slope, mut dir, mut note, mut fy, mut ly, mut tau) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for ((k, s, c), by_year) in &counts {
        let start = first_wanted.max(first_year[k]);
        let series: Vec<f64> = (start..=last)
            .map(|y| by_year.get(&y).copied().unwrap_or(0.0))
            .collect();
        let mk = mann_kendall(&series);
        let testable = series.len() >= 4;
        let p_value = if testable { mk.p_value } else { None };
        let direction = match p_value {
            Some(pv) if pv < 0.05 && mk.s > 0 => "økende",
            Some(pv) if pv < 0.05 && mk.s < 0 => "synkende",
            _ => "ingen tydelig trend",
        };
        out.0.push(Some(k.clone()));
        out.1.push(Some(s.clone()));
        out.2.push(Some(c.clone()));
        out.3.push(Some(series.len() as i64));
        out.4.push(Some(mk.s));
        tau.push(mk.tau);
        p.push(p_value);
        slope.push(mk.sens_slope);
        dir.push(Some(direction.to_string()));
        note.push((!testable).then(|| {
            "for få år til å teste trend (under 4); stigningstallet er likevel oppgitt".to_string()
        }));
        fy.push(Some(start as i64));
        ly.push(Some(last as i64));
        out.5.push(());
    }
    frame(vec![
        Col::Str("kommunenummer", out.0),
        Col::Str("sector", out.1),
        Col::Str("category", out.2),
        Col::Int("years", out.3),
        Col::Int("mann_kendall_s", out.4),
        Col::F64("kendall_tau", tau),
        Col::F64("p_value", p),
        Col::F64("sens_slope", slope),
        Col::Str("direction", dir),
        Col::Str("note", note),
        Col::Int("first_year", fy),
        Col::Int("last_year", ly),
    ])
}
