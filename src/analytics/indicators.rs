//! `maturity_indicators` and `benchmark` (02-analytics.md): the internal-control
//! indicators per sector with traffic lights against configurable targets, a weighted
//! maturity index 0–100 and level 1–5, and the comparison across municipalities with
//! percentile ranks (SQL `PERCENT_RANK` semantics: (rank − 1)/(n − 1), ties share the
//! lowest rank).

use super::frame::{Col, dates, f64s, frame, i64s, str_col, strs};
use super::{Params, WHOLE};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::error::Result;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One maturity indicator (02-analytics.md, `maturity_indicators`): its default
/// (green, yellow) thresholds, how it enters the index, the group size that disclosure
/// control shows it for, and how it is computed per (kommunenummer, sector). Higher is
/// better for all of them.
pub struct Indicator {
    pub name: &'static str,
    pub green: f64,
    pub yellow: f64,
    /// `reporting_rate` (deviations per 100 årsverk a year) is scaled to 0–1 against its
    /// green target in the index, since more reports usually mean a better reporting
    /// culture "up to a point"; the others are fractions already.
    pub against_green: bool,
    compute: fn(&Catalog, &Params) -> Result<BTreeMap<Key, f64>>,
}

/// The indicators in order.
pub const INDICATORS: &[Indicator] = &[
    Indicator {
        name: "ros_current_coverage",
        green: 0.9,
        yellow: 0.7,
        against_green: false,
        compute: ros_current_coverage,
    },
    Indicator {
        name: "reviews_on_time",
        green: 0.9,
        yellow: 0.7,
        against_green: false,
        compute: reviews_on_time,
    },
    Indicator {
        name: "red_risks_with_measures",
        green: 0.95,
        yellow: 0.8,
        against_green: false,
        compute: red_risks_with_measures,
    },
    Indicator {
        name: "deviations_closed_90d",
        green: 0.8,
        yellow: 0.6,
        against_green: false,
        compute: deviations_closed_90d,
    },
    Indicator {
        name: "reporting_rate",
        green: 50.0,
        yellow: 25.0,
        against_green: true,
        compute: reporting_rate,
    },
    Indicator {
        name: "improvement_share",
        green: 0.15,
        yellow: 0.05,
        against_green: false,
        compute: improvement_share,
    },
    Indicator {
        name: "survey_competence",
        green: 0.6,
        yellow: 0.4,
        against_green: false,
        compute: survey_competence,
    },
    Indicator {
        name: "inspection_findings_closed",
        green: 0.9,
        yellow: 0.7,
        against_green: false,
        compute: inspection_findings_closed,
    },
];

/// The indicator of a name.
pub fn indicator(name: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.name == name)
}

/// Column metadata of `maturity_indicators` (see `registry.rs`). The deviation-based
/// indicators are shown for the sector's reports of the year, the survey one for its
/// respondents; the register-based ones are not about people.
pub const MATURITY_META: &str = r#"
[columns]
kommunenummer = "code"
sector = "text"
ros_current_coverage = "share"
ros_current_coverage_status = "code"
reviews_on_time = "share"
reviews_on_time_status = "code"
red_risks_with_measures = "share"
red_risks_with_measures_status = "code"
deviations_closed_90d = { kind = "share", size = "n_deviations" }
deviations_closed_90d_status = { kind = "code", size = "n_deviations" }
reporting_rate = { kind = "rate", size = "n_deviations" }
reporting_rate_status = { kind = "code", size = "n_deviations" }
improvement_share = { kind = "share", size = "n_deviations" }
improvement_share_status = { kind = "code", size = "n_deviations" }
survey_competence = { kind = "share", size = "n_respondents" }
survey_competence_status = { kind = "code", size = "n_respondents" }
inspection_findings_closed = "share"
inspection_findings_closed_status = "code"
maturity_index = "score"
maturity_level = "code"
indicators_used = "count"
missing_indicators = "text"
n_deviations = { kind = "count", size = "self" }
n_respondents = { kind = "count", size = "self" }
"#;

/// Column metadata of `benchmark`: municipalities are compared on public totals.
pub const BENCHMARK_META: &str = r#"
[columns]
kommunenummer = "code"
kommune = "text"
innbyggere = "count"
kostra_group = "code"
focus = "code"
ros_current_coverage = "share"
reviews_on_time = "share"
red_risks_with_measures = "share"
deviations_closed_90d = "share"
reporting_rate = "rate"
improvement_share = "share"
survey_competence = "share"
inspection_findings_closed = "share"
maturity_index = "score"
deviations_per_1000_innbyggere = "rate"
deviations_per_100_employees = "rate"
ros_current_coverage_pct_rank = "share"
reviews_on_time_pct_rank = "share"
red_risks_with_measures_pct_rank = "share"
deviations_closed_90d_pct_rank = "share"
reporting_rate_pct_rank = "share"
improvement_share_pct_rank = "share"
survey_competence_pct_rank = "share"
inspection_findings_closed_pct_rank = "share"
maturity_index_pct_rank = "share"
deviations_per_1000_innbyggere_pct_rank = "share"
deviations_per_100_employees_pct_rank = "share"
ros_current_coverage_pct_rank_kostra = "share"
reviews_on_time_pct_rank_kostra = "share"
red_risks_with_measures_pct_rank_kostra = "share"
deviations_closed_90d_pct_rank_kostra = "share"
reporting_rate_pct_rank_kostra = "share"
improvement_share_pct_rank_kostra = "share"
survey_competence_pct_rank_kostra = "share"
inspection_findings_closed_pct_rank_kostra = "share"
maturity_index_pct_rank_kostra = "share"
deviations_per_1000_innbyggere_pct_rank_kostra = "share"
deviations_per_100_employees_pct_rank_kostra = "share"
"#;

type Key = (String, String);

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

/// `ros_current_coverage`: current_coverage of `ros_coverage_register`, all analysis types.
fn ros_current_coverage(cat: &Catalog, _: &Params) -> Result<BTreeMap<Key, f64>> {
    let cov = cat.get_or_empty("ros_coverage_register");
    if cov.height() == 0 {
        return Ok(BTreeMap::new());
    }
    let t = strs(&cov, "analysis_type")?;
    let v = f64s(&cov, "current_coverage")?;
    by_sector(&cov, &|i| v[i], &|i| t[i].as_deref() == Some("alle"))
}

/// 1 − part/whole of two `risk_by_sector` columns, where whole > 0.
fn risk_complement(cat: &Catalog, part: &str, whole: &str) -> Result<BTreeMap<Key, f64>> {
    let rs = cat.get_or_empty("risk_by_sector");
    if rs.height() == 0 {
        return Ok(BTreeMap::new());
    }
    let (p, w) = (f64s(&rs, part)?, f64s(&rs, whole)?);
    by_sector(
        &rs,
        &|i| match (w[i], p[i]) {
            (Some(w), Some(p)) if w > 0.0 => Some(1.0 - p / w),
            _ => None,
        },
        &|_| true,
    )
}

/// `reviews_on_time`: 1 − review_overdue / risks.
fn reviews_on_time(cat: &Catalog, _: &Params) -> Result<BTreeMap<Key, f64>> {
    risk_complement(cat, "review_overdue", "risks")
}

/// `red_risks_with_measures`: 1 − needs_measure_without_measure / needs_measure.
fn red_risks_with_measures(cat: &Catalog, _: &Params) -> Result<BTreeMap<Key, f64>> {
    risk_complement(cat, "needs_measure_without_measure", "needs_measure")
}

/// A column of `deviation_closure` by sector.
fn closure_column(cat: &Catalog, col: &str) -> Result<BTreeMap<Key, f64>> {
    let cl = cat.get_or_empty("deviation_closure");
    if cl.height() == 0 {
        return Ok(BTreeMap::new());
    }
    let v = f64s(&cl, col)?;
    by_sector(&cl, &|i| v[i], &|_| true)
}

/// `deviations_closed_90d`: closed_within_90d_share of `deviation_closure`.
fn deviations_closed_90d(cat: &Catalog, _: &Params) -> Result<BTreeMap<Key, f64>> {
    closure_column(cat, "closed_within_90d_share")
}

/// (Σ per_100_employees, or None when a type has no rate; forbedringsforslag; all reports)
type YearCounts = (Option<f64>, f64, f64);

/// Per (kommunenummer, sector) in the report year, from `deviation_counts`.
fn report_year_counts(cat: &Catalog, params: &Params) -> Result<BTreeMap<Key, YearCounts>> {
    let dc = cat.get_or_empty("deviation_counts");
    if dc.height() == 0 {
        return Ok(BTreeMap::new());
    }
    // Borrowed text (the table has a row per municipality, year, sector and type: 41 000
    // nationally, and two indicators read it), owned once per key at the end.
    let text =
        |name: &str| -> Result<Vec<Option<&str>>> { Ok(str_col(&dc, name)?.iter().collect()) };
    let (k, s, t) = (text("kommunenummer")?, text("sector")?, text("type")?);
    let y = i64s(&dc, "year")?;
    let (c, per) = (f64s(&dc, "count")?, f64s(&dc, "per_100_employees")?);
    let mut acc: BTreeMap<(&str, &str), YearCounts> = BTreeMap::new();
    for i in 0..dc.height() {
        let (Some(k), Some(s)) = (k[i], s[i]) else {
            continue;
        };
        if y[i] != Some(params.year as i64) {
            continue;
        }
        let e = acc.entry((k, s)).or_insert((Some(0.0), 0.0, 0.0));
        e.0 = match (e.0, per[i]) {
            (Some(a), Some(p)) => Some(a + p),
            _ => None,
        };
        let n = c[i].unwrap_or(0.0);
        e.2 += n;
        if t[i] == Some("forbedringsforslag") {
            e.1 += n;
        }
    }
    Ok(acc
        .into_iter()
        .map(|((k, s), v)| ((k.to_string(), s.to_string()), v))
        .collect())
}

/// `reporting_rate`: deviations per 100 employees in the report year.
fn reporting_rate(cat: &Catalog, params: &Params) -> Result<BTreeMap<Key, f64>> {
    Ok(report_year_counts(cat, params)?
        .into_iter()
        .filter_map(|(k, (rate, _, _))| rate.map(|r| (k, r)))
        .collect())
}

/// `improvement_share`: forbedringsforslag / all reports in the report year.
fn improvement_share(cat: &Catalog, params: &Params) -> Result<BTreeMap<Key, f64>> {
    Ok(report_year_counts(cat, params)?
        .into_iter()
        .filter(|(_, (_, _, n))| *n > 0.0)
        .map(|(k, (_, f, n))| (k, f / n))
        .collect())
}

/// A column of `ros_survey_likert` for the item `competence_ok`.
fn competence_column(cat: &Catalog, col: &str) -> Result<BTreeMap<Key, f64>> {
    let lk = cat.get_or_empty("ros_survey_likert");
    if lk.height() == 0 {
        return Ok(BTreeMap::new());
    }
    let item = strs(&lk, "item")?;
    let v = f64s(&lk, col)?;
    by_sector(&lk, &|i| v[i], &|i| {
        item[i].as_deref() == Some("competence_ok")
    })
}

/// `survey_competence`: share_agree of the Likert item `competence_ok`.
fn survey_competence(cat: &Catalog, _: &Params) -> Result<BTreeMap<Key, f64>> {
    competence_column(cat, "share_agree")
}

/// `inspection_findings_closed`: findings of inspections closed by as_of / all findings of
/// inspections held by as_of, per sector and for the whole municipality.
fn inspection_findings_closed(cat: &Catalog, params: &Params) -> Result<BTreeMap<Key, f64>> {
    let ins = cat.get_or_empty("inspections");
    if ins.height() == 0 {
        return Ok(BTreeMap::new());
    }
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
        for sector in s[i].iter().map(String::as_str).chain([WHOLE]) {
            let e = acc.entry((k.clone(), sector.to_string())).or_default();
            e.1 += n;
            if closed {
                e.0 += n;
            }
        }
    }
    Ok(acc
        .into_iter()
        .filter(|(_, (_, n))| *n > 0.0)
        .map(|(k, (c, n))| (k, c / n))
        .collect())
}

fn thresholds(config: &Config, ind: &Indicator) -> (f64, f64, f64) {
    let c = config.analytics.indicators.get(ind.name);
    (
        c.and_then(|c| c.green).unwrap_or(ind.green),
        c.and_then(|c| c.yellow).unwrap_or(ind.yellow),
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

/// The weighted index 0–100 of the available indicators of one row, and the names of the
/// missing ones.
fn index_of(values: &[Option<f64>], config: &Config) -> (Option<f64>, Vec<&'static str>) {
    let (mut wsum, mut vsum, mut missing) = (0.0, 0.0, vec![]);
    for (ind, v) in INDICATORS.iter().zip(values) {
        let (green, _, weight) = thresholds(config, ind);
        match v {
            Some(v) => {
                let scaled = if ind.against_green {
                    (v / green).min(1.0)
                } else {
                    v.clamp(0.0, 1.0)
                };
                wsum += weight;
                vsum += weight * scaled;
            }
            None => missing.push(ind.name),
        }
    }
    ((wsum > 0.0).then(|| 100.0 * vsum / wsum), missing)
}

/// `maturity_indicators`: one row per (kommunenummer, sector) seen in any indicator.
pub fn maturity_indicators(cat: &Catalog, config: &Config, params: &Params) -> Result<DataFrame> {
    let values: Vec<BTreeMap<Key, f64>> = INDICATORS
        .iter()
        .map(|i| (i.compute)(cat, params))
        .collect::<Result<_>>()?;
    let n_dev = closure_column(cat, "reported")?;
    let n_resp = competence_column(cat, "n")?;
    let keys: BTreeSet<Key> = values.iter().flat_map(|m| m.keys().cloned()).collect();
    let mut ind_cols: Vec<Vec<Option<f64>>> = vec![vec![]; INDICATORS.len()];
    let mut st_cols: Vec<Vec<Option<String>>> = vec![vec![]; INDICATORS.len()];
    let (mut index, mut lvl, mut missing, mut used) = (vec![], vec![], vec![], vec![]);
    for key in &keys {
        let row: Vec<Option<f64>> = values.iter().map(|m| m.get(key).copied()).collect();
        for (j, (ind, v)) in INDICATORS.iter().zip(&row).enumerate() {
            let (green, yellow, _) = thresholds(config, ind);
            ind_cols[j].push(*v);
            st_cols[j].push(v.map(|v| status(v, green, yellow).to_string()));
        }
        let (idx, miss) = index_of(&row, config);
        index.push(idx);
        lvl.push(idx.map(level));
        used.push(Some((INDICATORS.len() - miss.len()) as i64));
        missing.push((!miss.is_empty()).then(|| miss.join(", ")));
    }
    let key_col = |f: fn(&Key) -> &String| keys.iter().map(|k| Some(f(k).clone())).collect();
    let mut cols = vec![
        Col::Str("kommunenummer", key_col(|k| &k.0)),
        Col::Str("sector", key_col(|k| &k.1)),
    ];
    for (j, ind) in INDICATORS.iter().enumerate() {
        cols.push(Col::F64(ind.name, std::mem::take(&mut ind_cols[j])));
        cols.push(Col::StrNamed(
            format!("{}_status", ind.name),
            std::mem::take(&mut st_cols[j]),
        ));
    }
    cols.push(Col::F64("maturity_index", index));
    cols.push(Col::Int("maturity_level", lvl));
    cols.push(Col::Int("indicators_used", used));
    cols.push(Col::Str("missing_indicators", missing));
    let count_of =
        |m: &BTreeMap<Key, f64>| keys.iter().map(|k| m.get(k).map(|v| *v as i64)).collect();
    cols.push(Col::Int("n_deviations", count_of(&n_dev)));
    cols.push(Col::Int("n_respondents", count_of(&n_resp)));
    frame(cols)
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

pub fn benchmark(cat: &Catalog, _: &Config, params: &Params) -> Result<DataFrame> {
    let mi = cat.get_or_empty("maturity_indicators");
    let munis = cat.get_or_empty("municipalities");
    let dev = cat.get_or_empty("deviations");
    // Municipalities in the data: from any indicator row or deviations.
    let mut knrs: BTreeSet<String> = BTreeSet::new();
    let mut ind: BTreeMap<(String, &str), f64> = BTreeMap::new();
    if mi.height() > 0 {
        let (k, s) = (strs(&mi, "kommunenummer")?, strs(&mi, "sector")?);
        let mut cols: Vec<(&str, Vec<Option<f64>>)> = Vec::new();
        for ind in INDICATORS {
            cols.push((ind.name, f64s(&mi, ind.name)?));
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
        // Counted on the municipality's code and the day number (the deviations table is
        // the longest there is: a text key and a calendar date per row cost more than
        // the count), named once per municipality.
        let knr = str_col(&dev, "kommunenummer")?.coded();
        let day = |m, d| {
            chrono::NaiveDate::from_ymd_opt(params.year, m, d)
                .map_or(0, |x| (x - super::frame::epoch()).num_days() as i32)
        };
        let year = day(1, 1)..=day(12, 31);
        let days = dev
            .column("reported_date")
            .and_then(|c| c.cast(&DataType::Int32))
            .map_err(|e| crate::Error::polars("reported_date", e))?;
        let days = days
            .i32()
            .map_err(|e| crate::Error::polars("reported_date", e))?;
        let mut counts: PlHashMap<u32, f64> = PlHashMap::new();
        for (k, d) in knr.codes.iter().zip(days.iter()) {
            if let (Some(k), Some(d)) = (k, d) {
                let n = counts.entry(*k).or_default();
                if year.contains(&d) {
                    *n += 1.0;
                }
            }
        }
        for (k, n) in counts {
            let k = knr.text(k);
            knrs.insert(k.to_string());
            if n > 0.0 {
                *dev_count.entry(k.to_string()).or_default() += n;
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
    for i in INDICATORS {
        metric.insert(
            i.name,
            list.iter()
                .map(|k| ind.get(&(k.clone(), i.name)).copied())
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
        .map(|i| i.name)
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
