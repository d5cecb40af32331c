//! `maturity_indicators` and `benchmark` (02-analytics.md): the internal-control
//! indicators per sector with traffic lights against configurable targets, a weighted
//! maturity index 0–100 and level 1–5, and the comparison across municipalities with
//! percentile ranks (SQL `PERCENT_RANK` semantics: (rank − 1)/(n − 1), ties share the
//! lowest rank).

use super::frame::{Col, dates, f64s, frame, i64s, strs};
use super::{Params, WHOLE};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::error::Result;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The indicators in order, with default (green, yellow) thresholds. Higher is better for
/// all; `reporting_rate` (deviations per 100 årsverk a year) is scaled to 0–1 against its
/// green target in the index, since more reports usually mean a better reporting culture
/// "up to a point".
pub const INDICATORS: &[(&str, f64, f64)] = &[
    ("ros_current_coverage", 0.9, 0.7),
    ("reviews_on_time", 0.9, 0.7),
    ("red_risks_with_measures", 0.95, 0.8),
    ("deviations_closed_90d", 0.8, 0.6),
    ("reporting_rate", 50.0, 25.0),
    ("improvement_share", 0.15, 0.05),
    ("survey_competence", 0.6, 0.4),
    ("inspection_findings_closed", 0.9, 0.7),
];

type Key = (String, String);

fn get(cat: &Catalog, name: &str) -> DataFrame {
    cat.get(name).cloned().unwrap_or_default()
}

/// Read (kommunenummer, sector) → value from a result table, optionally filtered.
fn by_sector(
    df: &DataFrame,
    value: &dyn Fn(usize) -> Option<f64>,
    keep: &dyn Fn(usize) -> bool,
) -> Result<BTreeMap<Key, f64>> {
    let mut out = BTreeMap::new();
    if df.height() == 0 {
        return Ok(out);
    }
    let k = strs(df, "kommunenummer")?;
    let s = strs(df, "sector")?;
    for i in 0..df.height() {
        if let (Some(k), Some(s), true) = (&k[i], &s[i], keep(i)) {
            if let Some(v) = value(i) {
                out.insert((k.clone(), s.clone()), v);
            }
        }
    }
    Ok(out)
}

fn thresholds(config: &Config, name: &str, green: f64, yellow: f64) -> (f64, f64, f64) {
    let c = config.analytics.indicators.get(name);
    (
        c.and_then(|c| c.green).unwrap_or(green),
        c.and_then(|c| c.yellow).unwrap_or(yellow),
        c.and_then(|c| c.weight).unwrap_or(1.0),
    )
}

/// Traffic light of a value: `grønn` at or above green, `gul` at or above yellow, `rød`.
pub fn status(v: f64, green: f64, yellow: f64) -> &'static str {
    if v >= green {
        "grønn"
    } else if v >= yellow {
        "gul"
    } else {
        "rød"
    }
}

/// Maturity level 1–5 of an index 0–100 (≤ 20, ≤ 40, ≤ 60, ≤ 80, > 80).
pub fn level(index: f64) -> i64 {
    match index {
        x if x <= 20.0 => 1,
        x if x <= 40.0 => 2,
        x if x <= 60.0 => 3,
        x if x <= 80.0 => 4,
        _ => 5,
    }
}

pub fn maturity_indicators(cat: &Catalog, config: &Config, params: &Params) -> Result<DataFrame> {
    let mut values: BTreeMap<&str, BTreeMap<Key, f64>> = BTreeMap::new();
    let cov = get(cat, "ros_coverage_register");
    if cov.height() > 0 {
        let t = strs(&cov, "analysis_type")?;
        let v = f64s(&cov, "current_coverage")?;
        values.insert(
            "ros_current_coverage",
            by_sector(&cov, &|i| v[i], &|i| t[i].as_deref() == Some("alle"))?,
        );
    }
    let rs = get(cat, "risk_by_sector");
    if rs.height() > 0 {
        let (risks, overdue) = (f64s(&rs, "risks")?, f64s(&rs, "review_overdue")?);
        let (needs, without) = (
            f64s(&rs, "needs_measure")?,
            f64s(&rs, "needs_measure_without_measure")?,
        );
        values.insert(
            "reviews_on_time",
            by_sector(
                &rs,
                &|i| match (risks[i], overdue[i]) {
                    (Some(r), Some(o)) if r > 0.0 => Some(1.0 - o / r),
                    _ => None,
                },
                &|_| true,
            )?,
        );
        values.insert(
            "red_risks_with_measures",
            by_sector(
                &rs,
                &|i| match (needs[i], without[i]) {
                    (Some(n), Some(w)) if n > 0.0 => Some(1.0 - w / n),
                    _ => None,
                },
                &|_| true,
            )?,
        );
    }
    let cl = get(cat, "deviation_closure");
    if cl.height() > 0 {
        let v = f64s(&cl, "closed_within_90d_share")?;
        values.insert(
            "deviations_closed_90d",
            by_sector(&cl, &|i| v[i], &|_| true)?,
        );
    }
    let dc = get(cat, "deviation_counts");
    if dc.height() > 0 {
        let (k, s, y, t) = (
            strs(&dc, "kommunenummer")?,
            strs(&dc, "sector")?,
            i64s(&dc, "year")?,
            strs(&dc, "type")?,
        );
        let (c, per) = (f64s(&dc, "count")?, f64s(&dc, "per_100_employees")?);
        let mut rate: BTreeMap<Key, (f64, bool)> = BTreeMap::new();
        let mut improve: BTreeMap<Key, (f64, f64)> = BTreeMap::new();
        for i in 0..dc.height() {
            let (Some(k), Some(s)) = (&k[i], &s[i]) else {
                continue;
            };
            if y[i] != Some(params.year as i64) {
                continue;
            }
            let key = (k.clone(), s.clone());
            let e = rate.entry(key.clone()).or_insert((0.0, true));
            match per[i] {
                Some(p) => e.0 += p,
                None => e.1 = false,
            }
            let m = improve.entry(key).or_insert((0.0, 0.0));
            m.1 += c[i].unwrap_or(0.0);
            if t[i].as_deref() == Some("forbedringsforslag") {
                m.0 += c[i].unwrap_or(0.0);
            }
        }
        values.insert(
            "reporting_rate",
            rate.into_iter()
                .filter(|(_, (_, ok))| *ok)
                .map(|(k, (v, _))| (k, v))
                .collect(),
        );
        values.insert(
            "improvement_share",
            improve
                .into_iter()
                .filter(|(_, (_, n))| *n > 0.0)
                .map(|(k, (f, n))| (k, f / n))
                .collect(),
        );
    }
    let lk = get(cat, "ros_survey_likert");
    if lk.height() > 0 {
        let item = strs(&lk, "item")?;
        let v = f64s(&lk, "share_agree")?;
        values.insert(
            "survey_competence",
            by_sector(&lk, &|i| v[i], &|i| {
                item[i].as_deref() == Some("competence_ok")
            })?,
        );
    }
    let ins = get(cat, "inspections");
    if ins.height() > 0 {
        let (k, s) = (strs(&ins, "kommunenummer")?, strs(&ins, "sector")?);
        let (f, d, c) = (
            f64s(&ins, "findings")?,
            dates(&ins, "date")?,
            dates(&ins, "closed_date")?,
        );
        let mut acc: BTreeMap<Key, (f64, f64)> = BTreeMap::new();
        for i in 0..ins.height() {
            let Some(k) = &k[i] else { continue };
            if d[i].is_none_or(|d| d > params.as_of) {
                continue;
            }
            let n = f[i].unwrap_or(0.0);
            let closed = c[i].is_some_and(|c| c <= params.as_of);
            let sectors: Vec<String> = match &s[i] {
                Some(s) => vec![s.clone(), WHOLE.into()],
                None => vec![WHOLE.into()],
            };
            for s in sectors {
                let e = acc.entry((k.clone(), s)).or_default();
                e.1 += n;
                if closed {
                    e.0 += n;
                }
            }
        }
        values.insert(
            "inspection_findings_closed",
            acc.into_iter()
                .filter(|(_, (_, n))| *n > 0.0)
                .map(|(k, (c, n))| (k, c / n))
                .collect(),
        );
    }
    // Every (kommunenummer, sector) seen in any indicator.
    let keys: BTreeSet<Key> = values.values().flat_map(|m| m.keys().cloned()).collect();
    let mut k_col = vec![];
    let mut s_col = vec![];
    let mut ind_cols: Vec<Vec<Option<f64>>> = vec![vec![]; INDICATORS.len()];
    let mut st_cols: Vec<Vec<Option<String>>> = vec![vec![]; INDICATORS.len()];
    let (mut index, mut lvl, mut missing, mut used) = (vec![], vec![], vec![], vec![]);
    for key in &keys {
        k_col.push(Some(key.0.clone()));
        s_col.push(Some(key.1.clone()));
        let (mut wsum, mut vsum, mut miss) = (0.0, 0.0, vec![]);
        for (j, (name, g, y)) in INDICATORS.iter().enumerate() {
            let (green, yellow, weight) = thresholds(config, name, *g, *y);
            let v = values.get(name).and_then(|m| m.get(key)).copied();
            ind_cols[j].push(v);
            st_cols[j].push(v.map(|v| status(v, green, yellow).to_string()));
            match v {
                Some(v) => {
                    let scaled = if *name == "reporting_rate" {
                        (v / green).min(1.0)
                    } else {
                        v.clamp(0.0, 1.0)
                    };
                    wsum += weight;
                    vsum += weight * scaled;
                }
                None => miss.push(*name),
            }
        }
        let idx = (wsum > 0.0).then(|| 100.0 * vsum / wsum);
        index.push(idx);
        lvl.push(idx.map(level));
        used.push(Some((INDICATORS.len() - miss.len()) as i64));
        missing.push((!miss.is_empty()).then(|| miss.join(", ")));
    }
    let mut cols = vec![Col::Str("kommunenummer", k_col), Col::Str("sector", s_col)];
    for (j, (name, _, _)) in INDICATORS.iter().enumerate() {
        cols.push(Col::F64(name, std::mem::take(&mut ind_cols[j])));
        cols.push(Col::Str(status_name(name), std::mem::take(&mut st_cols[j])));
    }
    cols.push(Col::F64("maturity_index", index));
    cols.push(Col::Int("maturity_level", lvl));
    cols.push(Col::Int("indicators_used", used));
    cols.push(Col::Str("missing_indicators", missing));
    frame(cols)
}

/// The status column of an indicator.
pub fn status_name(name: &str) -> &'static str {
    match name {
        "ros_current_coverage" => "ros_current_coverage_status",
        "reviews_on_time" => "reviews_on_time_status",
        "red_risks_with_measures" => "red_risks_with_measures_status",
        "deviations_closed_90d" => "deviations_closed_90d_status",
        "reporting_rate" => "reporting_rate_status",
        "improvement_share" => "improvement_share_status",
        "survey_competence" => "survey_competence_status",
        _ => "inspection_findings_closed_status",
    }
}

/// SQL PERCENT_RANK over the non-null values: (rank − 1)/(n − 1), rank = 1 + the number
/// of smaller values; 0 when n = 1; null for a null value.
pub fn percent_rank(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let n = present.len();
    values
        .iter()
        .map(|v| {
            v.map(|v| {
                if n <= 1 {
                    0.0
                } else {
                    present.iter().filter(|x| **x < v).count() as f64 / (n - 1) as f64
                }
            })
        })
        .collect()
}

const BENCH_EXTRA: &[&str] = &[
    "maturity_index",
    "deviations_per_1000_innbyggere",
    "deviations_per_100_employees",
];

pub fn benchmark(cat: &Catalog, params: &Params) -> Result<DataFrame> {
    let mi = get(cat, "maturity_indicators");
    let munis = get(cat, "municipalities");
    let dev = get(cat, "deviations");
    // Municipalities in the data: from any indicator row or deviations.
    let mut knrs: BTreeSet<String> = BTreeSet::new();
    let mut ind: BTreeMap<(String, &str), f64> = BTreeMap::new();
    if mi.height() > 0 {
        let (k, s) = (strs(&mi, "kommunenummer")?, strs(&mi, "sector")?);
        let mut cols: Vec<(&str, Vec<Option<f64>>)> = Vec::new();
        for (name, _, _) in INDICATORS {
            cols.push((name, f64s(&mi, name)?));
        }
        cols.push(("maturity_index", f64s(&mi, "maturity_index")?));
        for i in 0..mi.height() {
            if s[i].as_deref() != Some(WHOLE) {
                continue;
            }
            let Some(k) = &k[i] else { continue };
            knrs.insert(k.clone());
            for (name, v) in &cols {
                if let Some(v) = v[i] {
                    ind.insert((k.clone(), name), v);
                }
            }
        }
    }
    let mut dev_count: BTreeMap<String, f64> = BTreeMap::new();
    if dev.height() > 0 {
        let (k, d) = (strs(&dev, "kommunenummer")?, dates(&dev, "reported_date")?);
        for i in 0..dev.height() {
            if let (Some(k), Some(d)) = (&k[i], d[i]) {
                knrs.insert(k.clone());
                if chrono::Datelike::year(&d) == params.year {
                    *dev_count.entry(k.clone()).or_default() += 1.0;
                }
            }
        }
    }
    // kommunenummer → (kommune, innbyggere, kostra_group)
    type Info = (Option<String>, Option<f64>, Option<String>);
    let mut info: BTreeMap<String, Info> = BTreeMap::new();
    if munis.height() > 0 {
        let (k, n, p, g) = (
            strs(&munis, "kommunenummer")?,
            strs(&munis, "kommune")?,
            f64s(&munis, "innbyggere")?,
            strs(&munis, "kostra_group")?,
        );
        for i in 0..munis.height() {
            if let Some(k) = &k[i] {
                info.insert(k.clone(), (n[i].clone(), p[i], g[i].clone()));
            }
        }
    }
    let list: Vec<String> = knrs.into_iter().collect();
    let name = |k: &String| info.get(k).and_then(|i| i.0.clone());
    let pop = |k: &String| info.get(k).and_then(|i| i.1);
    let group = |k: &String| info.get(k).and_then(|i| i.2.clone());
    let mut metric: BTreeMap<&str, Vec<Option<f64>>> = BTreeMap::new();
    for (n, _, _) in INDICATORS {
        metric.insert(
            n,
            list.iter()
                .map(|k| ind.get(&(k.clone(), *n)).copied())
                .collect(),
        );
    }
    metric.insert(
        "maturity_index",
        list.iter()
            .map(|k| ind.get(&(k.clone(), "maturity_index")).copied())
            .collect(),
    );
    metric.insert(
        "deviations_per_1000_innbyggere",
        list.iter()
            .map(|k| {
                pop(k)
                    .filter(|p| *p > 0.0)
                    .map(|p| dev_count.get(k).copied().unwrap_or(0.0) * 1000.0 / p)
            })
            .collect(),
    );
    metric.insert(
        "deviations_per_100_employees",
        list.iter()
            .map(|k| ind.get(&(k.clone(), "reporting_rate")).copied())
            .collect(),
    );
    let order: Vec<&str> = INDICATORS
        .iter()
        .map(|i| i.0)
        .chain(BENCH_EXTRA.iter().copied())
        .collect();
    let mut cols = vec![
        Col::Str(
            "kommunenummer",
            list.iter().map(|k| Some(k.clone())).collect(),
        ),
        Col::Str("kommune", list.iter().map(name).collect()),
        Col::F64("innbyggere", list.iter().map(pop).collect()),
        Col::Str("kostra_group", list.iter().map(group).collect()),
        Col::Int(
            "focus",
            list.iter()
                .map(|k| Some(i64::from(params.focus.as_deref() == Some(k.as_str()))))
                .collect(),
        ),
    ];
    let groups: Vec<Option<String>> = list.iter().map(group).collect();
    for name in order {
        let v = metric.remove(name).unwrap_or_default();
        let pr = percent_rank(&v);
        // Within the KOSTRA group, when given.
        let mut pr_group: Vec<Option<f64>> = vec![None; v.len()];
        let distinct: BTreeSet<&String> = groups.iter().flatten().collect();
        for g in distinct {
            let idx: Vec<usize> = (0..v.len())
                .filter(|&i| groups[i].as_ref() == Some(g))
                .collect();
            let sub: Vec<Option<f64>> = idx.iter().map(|&i| v[i]).collect();
            for (j, r) in idx.iter().zip(percent_rank(&sub)) {
                pr_group[*j] = r;
            }
        }
        cols.push(Col::F64Named(name.to_string(), v));
        cols.push(Col::F64Named(format!("{name}_pct_rank"), pr));
        cols.push(Col::F64Named(format!("{name}_pct_rank_kostra"), pr_group));
    }
    frame(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rank_status_and_level() {
        // SQL PERCENT_RANK of 10, 20, 20, 40: ranks 1, 2, 2, 4 → 0, 1/3, 1/3, 1.
        let r = percent_rank(&[Some(10.0), Some(20.0), Some(20.0), None, Some(40.0)]);
        assert_eq!(
            r,
            vec![Some(0.0), Some(1.0 / 3.0), Some(1.0 / 3.0), None, Some(1.0)]
        );
        assert_eq!(status(0.9, 0.9, 0.7), "grønn");
        assert_eq!(status(0.7, 0.9, 0.7), "gul");
        assert_eq!(status(0.69, 0.9, 0.7), "rød");
        assert_eq!(
            (level(20.0), level(20.1), level(80.0), level(80.5)),
            (1, 2, 4, 5)
        );
    }
}
