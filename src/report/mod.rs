//! The report: a definition (`definition.rs`) and the results become a document model:
//! pages (the report and one per sector), sections with their opening sentences
//! (`text.rs`), tables and figures with footnotes. Renderers (`crate::render`) write the
//! model as HTML, Markdown and Word; nothing here knows a file format.
//!
//! Every table and chart reads the result tables after disclosure control (`privacy.rs`),
//! scoped to the focal municipality (`--focus`, else the config's kommunenummer, else
//! the first in the data): a data set of several municipalities gives the comparison
//! plus the full section for one of them (02-analytics.md).

pub mod definition;
pub mod format;
pub mod privacy;
pub mod text;

use crate::analytics::registry::{ColumnKind, column_label};
use crate::analytics::{Results, WHOLE};
use crate::chart::{self, Chart, Frame, data};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ingest::Ingested;
use definition::{ChartDef, Definition, SectionDef, TableDef};
use polars::prelude::*;
use privacy::Masked;
use std::collections::BTreeMap;

/// The report as a document.
#[derive(Debug, Clone)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    /// The report's pages: first the report itself, then one per sector.
    pub pages: Vec<Page>,
    /// The disclosure threshold, for the footnote.
    pub threshold: i64,
}

/// A page (`index.html`, `sektor/<slug>.html`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Empty for the report itself, else the sector's slug.
    pub slug: String,
    pub title: String,
    pub sections: Vec<Section>,
}

/// A section: heading, opening sentences, tables and figures, footnotes.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub blocks: Vec<Block>,
    pub notes: Vec<String>,
}

/// A table or a figure.
#[derive(Debug, Clone)]
pub enum Block {
    Table(TableBlock),
    Figure(Figure),
}

/// A table as the reader sees it (every cell formatted).
#[derive(Debug, Clone)]
pub struct TableBlock {
    pub title: String,
    pub headers: Vec<String>,
    /// Right-aligned (numbers).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// The footnote when cells are hidden.
    pub note: Option<String>,
}

/// A chart with its data table (shown under it in HTML).
#[derive(Debug, Clone)]
pub struct Figure {
    pub chart: Chart,
    pub data: TableBlock,
    pub note: Option<String>,
}

impl Document {
    /// Every figure, in order (each chart is written once to `charts/`).
    pub fn figures(&self) -> Vec<&Figure> {
        self.pages
            .iter()
            .flat_map(|p| p.sections.iter())
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Figure(f) => Some(f),
                _ => None,
            })
            .collect()
    }
}

/// A file-name-safe slug: `Helse og velferd` → `helse-og-velferd`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.to_lowercase().chars() {
        let rep = match ch {
            'æ' => "ae".to_string(),
            'ø' => "o".to_string(),
            'å' => "a".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        out.push_str(&rep);
    }
    let parts: Vec<&str> = out.split('-').filter(|p| !p.is_empty()).collect();
    let s = parts.join("-");
    if s.is_empty() { "sektor".into() } else { s }
}

/// The municipality the report is about.
pub fn focus(results: &Results, config: &Config) -> Option<String> {
    let knrs: Vec<String> = results
        .table("deviation_counts")
        .into_iter()
        .chain(results.table("risk_by_sector"))
        .chain(results.table("ros_survey_by_sector"))
        .filter_map(|df| df.column("kommunenummer").ok()?.str().ok().cloned())
        .flat_map(|c| c.iter().flatten().map(String::from).collect::<Vec<_>>())
        .collect();
    let has = |k: &str| knrs.iter().any(|x| x == k);
    results
        .params
        .focus
        .clone()
        .filter(|f| has(f))
        .or_else(|| config.kommunenummer.clone().filter(|k| has(k)))
        .or_else(|| {
            let mut k = knrs.clone();
            k.sort();
            k.first().cloned()
        })
}

/// Every result table scoped to the focal municipality (the benchmark keeps all) and
/// through disclosure control.
pub fn scoped_tables(
    results: &Results,
    focus: Option<&str>,
    threshold: i64,
) -> BTreeMap<String, Masked> {
    let mut out = BTreeMap::new();
    for name in &results.results {
        let Some(df) = results.table(name) else {
            continue;
        };
        let df = match (focus, df.column("kommunenummer")) {
            (Some(f), Ok(c)) if name != "benchmark" => {
                let keep = c
                    .str()
                    .map(|s| s.equal(f))
                    .unwrap_or_else(|_| BooleanChunked::full("k".into(), true, df.height()));
                df.filter(&keep).unwrap_or_else(|_| df.clone())
            }
            _ => df.clone(),
        };
        let metas = results.registry.columns_of(name, &df);
        out.insert(name.clone(), privacy::mask(&df, &metas, threshold));
    }
    out
}

/// The sectors with a page: every sector of the focal municipality's tables.
fn sectors(tables: &BTreeMap<String, Masked>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in [
        "deviation_closure",
        "risk_by_sector",
        "ros_survey_by_sector",
        "maturity_self_assessment",
    ] {
        let Some(m) = tables.get(t) else { continue };
        let Ok(c) = m.df.column("sector") else {
            continue;
        };
        let Ok(s) = c.str() else { continue };
        for v in s.iter().flatten() {
            if v != WHOLE && !out.iter().any(|o| o == v) {
                out.push(v.to_string());
            }
        }
    }
    out.sort();
    out
}

/// What the builder needs beyond the results.
pub struct Inputs<'a> {
    pub results: &'a Results,
    pub data: &'a Ingested,
    pub config: &'a Config,
    pub definition: &'a Definition,
    pub lang: Lang,
}

/// Build the document.
pub fn build(inp: &Inputs) -> Result<Document> {
    let lang = inp.lang;
    let threshold = inp.config.disclosure_threshold;
    let focus = focus(inp.results, inp.config);
    let tables = scoped_tables(inp.results, focus.as_deref(), threshold);
    let rows = text::rows_of(&tables);
    let env = text::environment(lang, rows);
    let params = &inp.results.params;
    let kommune = kommune_name(inp, focus.as_deref());
    let charts: BTreeMap<String, data::Data> = tables
        .iter()
        .map(|(n, m)| (n.clone(), chart_data(m)))
        .collect();
    let b = Builder {
        inp,
        tables: &tables,
        charts: &charts,
        env: &env,
        kommune: kommune.clone(),
        focus: focus.clone(),
    };
    let mut index = Page {
        slug: String::new(),
        title: inp.definition.title.get(lang),
        sections: Vec::new(),
    };
    for s in inp
        .definition
        .sections
        .iter()
        .filter(|s| s.repeat.is_none())
    {
        index.sections.push(b.section(s, None)?);
    }
    let mut pages = vec![index];
    for sector in sectors(&tables) {
        let mut page = Page {
            slug: slug(&sector),
            title: sector.clone(),
            sections: Vec::new(),
        };
        for s in inp
            .definition
            .sections
            .iter()
            .filter(|s| s.repeat.as_deref() == Some("sector"))
        {
            page.sections.push(b.section(s, Some(&sector))?);
        }
        pages.push(page);
    }
    let as_of = crate::i18n::num::date(params.as_of, lang);
    let subtitle = if kommune.is_empty() {
        tr!(
            lang,
            "report-subtitle-unnamed",
            year = params.year.to_string(),
            as_of = as_of
        )
    } else {
        tr!(
            lang,
            "report-subtitle",
            kommune = kommune,
            year = params.year.to_string(),
            as_of = as_of
        )
    };
    Ok(Document {
        lang,
        title: format!("{} {}", inp.definition.title.get(lang), params.year),
        subtitle: inp
            .definition
            .subtitle
            .as_ref()
            .map(|s| s.get(lang))
            .unwrap_or(subtitle),
        pages,
        threshold,
    })
}

/// The municipality's name: the municipalities table, else the config, else its number;
/// empty when not even the number is known.
fn kommune_name(inp: &Inputs, focus: Option<&str>) -> String {
    let from_table = inp.results.table("municipalities").and_then(|m| {
        // A canonical table: its text may be held as a dictionary.
        let text = |name: &str| -> Option<StringChunked> {
            let c = m.column(name).ok()?.cast(&DataType::String).ok()?;
            c.str().ok().cloned()
        };
        let (k, n) = (text("kommunenummer")?, text("kommune")?);
        (0..m.height())
            .find(|i| k.get(*i) == focus)
            .and_then(|i| n.get(i).map(String::from))
    });
    from_table
        .or_else(|| inp.config.kommune.clone())
        // Rows without a known municipality are "0000": no name rather than a false one.
        .or_else(|| {
            focus
                .filter(|f| *f != crate::analytics::UNKNOWN_KOMMUNENUMMER)
                .map(|f| tr!(inp.lang, "report-kommune-number", knr = f))
        })
        .unwrap_or_default()
}

/// A masked table as chart data.
pub fn chart_data(m: &Masked) -> data::Data {
    let cols = m.df.columns();
    let mut rows = Vec::with_capacity(m.df.height());
    for i in 0..m.df.height() {
        rows.push(
            cols.iter()
                .map(|c| {
                    if m.is_hidden(c.name(), i) {
                        return data::Cell::Hidden;
                    }
                    match c.get(i).unwrap_or(AnyValue::Null) {
                        AnyValue::Null => data::Cell::Null,
                        AnyValue::String(s) => data::Cell::Text(s.to_string()),
                        AnyValue::StringOwned(s) => data::Cell::Text(s.to_string()),
                        AnyValue::Date(d) => data::Cell::Text(
                            format::date_of(d)
                                .map(|d| d.format("%Y-%m-%d").to_string())
                                .unwrap_or_default(),
                        ),
                        v => format::number(&v).map_or(data::Cell::Null, data::Cell::Num),
                    }
                })
                .collect(),
        );
    }
    data::Data {
        columns: cols.iter().map(|c| c.name().to_string()).collect(),
        rows,
    }
}

struct Builder<'a> {
    inp: &'a Inputs<'a>,
    tables: &'a BTreeMap<String, Masked>,
    charts: &'a BTreeMap<String, data::Data>,
    env: &'a minijinja::Environment<'static>,
    kommune: String,
    focus: Option<String>,
}

impl Builder<'_> {
    fn lang(&self) -> Lang {
        self.inp.lang
    }

    /// Rows of a table (result or canonical) for the `needs` check.
    fn rows_in(&self, name: &str) -> usize {
        if let Some(m) = self.tables.get(name) {
            return m.df.height();
        }
        crate::source::SourceKind::parse(name)
            .map(|k| self.inp.data.table(k).height())
            .unwrap_or(0)
    }

    fn section(&self, s: &SectionDef, sector: Option<&str>) -> Result<Section> {
        let lang = self.lang();
        let mut out = Section {
            id: match sector {
                Some(sec) => format!("{}-{}", s.id, slug(sec)),
                None => s.id.clone(),
            },
            title: s.title.get(lang),
            paragraphs: Vec::new(),
            blocks: Vec::new(),
            notes: Vec::new(),
        };
        for (table, min) in &s.needs {
            let have = self.rows_in(table);
            if have < *min {
                let id = if *min > 1 && have > 0 {
                    "section-omitted-few"
                } else {
                    "section-omitted"
                };
                let name = self.inp.results.registry.title(table, lang);
                out.notes.push(tr!(lang, id, table = name, min = *min));
                return Ok(out);
            }
        }
        if let Some(t) = &s.text {
            let p = &self.inp.results.params;
            let ctx = minijinja::context! {
                year => p.year,
                prev_year => p.year - 1,
                as_of => crate::i18n::num::date(p.as_of, lang),
                whole => WHOLE,
                sector => sector,
                kommune => self.kommune.clone(),
                threshold => self.inp.config.disclosure_threshold,
            };
            out.paragraphs = text::paragraphs(self.env, t, ctx).map_err(|e| {
                Error::Query(tr!(
                    lang,
                    "report-template-error",
                    path = &self.inp.definition.origin,
                    section = s.id.as_str(),
                    why = template_error(&e)
                ))
            })?;
        }
        for t in &s.tables {
            out.blocks.push(Block::Table(self.table(t, sector)));
        }
        for c in &s.charts {
            let f = self.figure(c, sector);
            if f.chart.is_empty() {
                out.notes
                    .push(tr!(lang, "figure-omitted", title = f.chart.title.as_str()));
            } else {
                out.blocks.push(Block::Figure(f));
            }
        }
        // One footnote per section when any of its tables or figures hides a cell.
        let mut hidden = false;
        for b in &mut out.blocks {
            match b {
                Block::Table(t) => hidden |= t.note.take().is_some(),
                Block::Figure(f) => {
                    hidden |= f.note.take().is_some();
                    f.data.note = None;
                }
            }
        }
        if hidden {
            out.notes.push(tr!(
                lang,
                "note-suppressed",
                n = self.inp.config.disclosure_threshold
            ));
        }
        Ok(out)
    }

    fn substitute(&self, v: &toml::Value, sector: Option<&str>) -> String {
        let p = &self.inp.results.params;
        let s = match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        s.replace("{sector}", sector.unwrap_or(WHOLE))
            .replace("{whole}", WHOLE)
            .replace("{year}", &p.year.to_string())
            .replace("{prev_year}", &(p.year - 1).to_string())
    }

    fn table(&self, t: &TableDef, sector: Option<&str>) -> TableBlock {
        let lang = self.lang();
        let name = t.table.get_ref();
        let empty = Masked::open(DataFrame::default());
        let m = self.tables.get(name).unwrap_or(&empty);
        let n = m.df.height();
        let mut idx: Vec<usize> = (0..n)
            .filter(|i| {
                t.filter.iter().all(|(col, want)| {
                    let want = self.substitute(want, sector);
                    m.df.column(col)
                        .ok()
                        .and_then(|c| c.get(*i).ok())
                        .map(|v| match v {
                            AnyValue::String(s) => s == want,
                            AnyValue::StringOwned(s) => s.as_str() == want,
                            v => format::number(&v).is_some_and(|x| x.to_string() == want),
                        })
                        .unwrap_or(false)
                })
            })
            .collect();
        if let Some(col) = &t.sort {
            if let Ok(c) = m.df.column(col.get_ref()) {
                idx.sort_by(|a, b| {
                    let (x, y) = (
                        c.get(*a).unwrap_or(AnyValue::Null),
                        c.get(*b).unwrap_or(AnyValue::Null),
                    );
                    let ord = match (format::number(&x), format::number(&y)) {
                        (Some(x), Some(y)) => x.total_cmp(&y),
                        _ => x.to_string().cmp(&y.to_string()),
                    };
                    if t.descending { ord.reverse() } else { ord }
                });
            }
        } else if let Ok(c) = m.df.column("sector") {
            // The whole municipality first, then the sectors in the table's order.
            idx.sort_by_key(|i| c.get(*i).ok().map(|v| v.get_str() != Some(WHOLE)));
        }
        if let Some(l) = t.limit {
            idx.truncate(l);
        }
        let cols: Vec<String> = t.columns.iter().map(|c| c.get_ref().clone()).collect();
        let title = t
            .title
            .as_ref()
            .map(|x| x.get(lang))
            .unwrap_or_else(|| self.inp.results.registry.title(name, lang));
        self.table_block(name, m, &cols, &idx, title)
    }

    /// Format rows `idx` of a masked table, columns `cols`.
    fn table_block(
        &self,
        name: &str,
        m: &Masked,
        cols: &[String],
        idx: &[usize],
        title: String,
    ) -> TableBlock {
        let lang = self.lang();
        let threshold = self.inp.config.disclosure_threshold;
        let metas: Vec<_> = cols
            .iter()
            .map(|c| self.inp.results.registry.column(name, &m.df, c))
            .collect();
        let mut hidden_any = false;
        let rows: Vec<Vec<String>> = idx
            .iter()
            .map(|i| {
                cols.iter()
                    .zip(&metas)
                    .map(|(c, meta)| {
                        let hidden = m.is_hidden(c, *i);
                        hidden_any |= hidden;
                        let v =
                            m.df.column(c)
                                .ok()
                                .and_then(|col| col.get(*i).ok())
                                .unwrap_or(AnyValue::Null);
                        let text = format::cell(
                            &v,
                            meta.kind,
                            meta.decimals(),
                            lang,
                            hidden.then_some(threshold),
                        );
                        value_label(c, &text, lang)
                    })
                    .collect()
            })
            .collect();
        TableBlock {
            title,
            headers: metas.iter().map(|m| column_label(m, lang)).collect(),
            numeric: metas.iter().map(|m| m.kind.is_numeric()).collect(),
            rows,
            note: hidden_any.then(|| tr!(lang, "note-suppressed", n = threshold)),
        }
    }

    fn figure(&self, c: &ChartDef, sector: Option<&str>) -> Figure {
        let lang = self.lang();
        let Some(kind) = chart::kind(c.kind.get_ref()) else {
            // `definition::check` has rejected unknown kinds before building.
            let frame = Frame {
                title: c.title.get(lang),
                ..Default::default()
            };
            return Figure {
                chart: chart::empty("chart", &frame, &tr!(lang, "chart-no-data")),
                data: TableBlock {
                    title: String::new(),
                    headers: vec![],
                    numeric: vec![],
                    rows: vec![],
                    note: None,
                },
                note: None,
            };
        };
        let id = c.id.clone().unwrap_or_else(|| kind.name.to_string());
        let id = match sector {
            Some(s) => format!("{id}-{}", slug(s)),
            None => id,
        };
        let primary = kind.tables[0];
        let empty = Masked::open(DataFrame::default());
        let m = self.tables.get(primary).unwrap_or(&empty);
        // The data table behind the chart: the chart's columns, for its sector.
        let cols: Vec<String> = kind
            .data_columns
            .iter()
            .filter(|c| m.df.column(c).is_ok())
            .map(|c| c.to_string())
            .collect();
        let idx: Vec<usize> = (0..m.df.height())
            .filter(|i| match (sector, m.df.column("sector")) {
                (Some(s), Ok(col)) => col.get(*i).ok().is_some_and(|v| v.get_str() == Some(s)),
                _ => true,
            })
            .collect();
        let n = if matches!(primary, "deviation_monthly" | "deviation_spc") {
            match self.count_in_chart_months(primary, sector) {
                (n, false) => crate::i18n::num::int(n as i64, lang),
                (n, true) => format!(
                    "{} ({})",
                    crate::i18n::num::int(n as i64, lang),
                    tr!(lang, "chart-some-hidden")
                ),
            }
        } else {
            match self.count_for(primary, sector) {
                Some(n) => crate::i18n::num::int(n as i64, lang),
                // The group itself is below the threshold.
                None => format!("<{}", self.inp.config.disclosure_threshold),
            }
        };
        // The control chart is a rate over the units table's årsverk; without that table
        // it shows counts from the deviation log alone, and its source line says so.
        let counts = primary == "deviation_spc" && self.rows_in("units") == 0;
        let source_of = if counts { "deviation_monthly" } else { primary };
        let source = tr!(
            lang,
            "chart-source",
            source = tr!(lang, &format!("chart-source-{source_of}")),
            n = n
        );
        // A control chart of counts is not titled a rate: a catalogue title has its
        // `-count` sibling for that case (a title the user wrote stays as written).
        let base = match &c.title {
            definition::Text::Message { msg }
                if counts && crate::i18n::has(lang, &format!("{msg}-count")) =>
            {
                crate::i18n::message(lang, &format!("{msg}-count"), None)
            }
            t => t.get(lang),
        };
        // A sector page's chart names its sector in its title: the PNG is pasted into the
        // årsrapport (or shown in a council meeting) on its own, away from the page's heading.
        let title = match sector {
            Some(s) => format!("{base} – {s}"),
            None => base,
        };
        let frame = Frame {
            title,
            value_label: c
                .value_label
                .as_ref()
                .map(|t| t.get(lang))
                .unwrap_or_default(),
            category_label: c
                .category_label
                .as_ref()
                .map(|t| t.get(lang))
                .unwrap_or_default(),
            source,
        };
        let roles: BTreeMap<String, String> = c
            .columns
            .iter()
            .map(|(k, v)| (k.clone(), v.get_ref().clone()))
            .collect();
        let input = data::Input {
            id,
            frame,
            tables: self.charts,
            columns: &roles,
            sector: sector.map(String::from),
            lang,
            year: self.inp.results.params.year,
            focus: self.focus.clone(),
            whole: WHOLE.to_string(),
        };
        let chart = (kind.draw)(&input);
        let data = self.table_block(
            primary,
            m,
            &cols,
            &idx,
            tr!(lang, "figure-data-title", title = chart.title.as_str()),
        );
        let note = data.note.clone();
        Figure { chart, data, note }
    }

    /// The n of a chart's source line: the reports, risks or respondents behind it.
    /// The deviations a monthly chart draws: its three years' months, for its sector (the
    /// control chart) or the whole municipality (the chart of every sector), and whether
    /// the chart table hides some of them (small counts). Not the report year's cohort: a
    /// third of what a chart of 36 months stands on. Hidden counts stay out of the sum, so
    /// that the total tells nothing the chart hides.
    fn count_in_chart_months(&self, table: &str, sector: Option<&str>) -> (usize, bool) {
        let year = self.inp.results.params.year;
        let (first, last) = (format!("{}-01-01", year - 2), format!("{year}-12-31"));
        let want = match table {
            "deviation_spc" => sector.unwrap_or(WHOLE),
            _ => WHOLE,
        };
        let Some(d) = self.charts.get(table) else {
            return (0, false);
        };
        let rows: Vec<usize> = (0..d.rows.len())
            .filter(|r| {
                d.text(*r, "sector") == Some(want)
                    && d.text(*r, "month")
                        .is_some_and(|m| m >= first.as_str() && m <= last.as_str())
            })
            .collect();
        let n = rows.iter().filter_map(|r| d.num(*r, "count")).sum::<f64>() as usize;
        (n, rows.iter().any(|r| d.hidden(*r, "count")))
    }

    fn count_for(&self, table: &str, sector: Option<&str>) -> Option<usize> {
        let (t, col) = match table {
            t if t.starts_with("deviation") => ("deviation_closure", "reported"),
            t if t.starts_with("risk") => ("risk_by_sector", "risks"),
            "ros_coverage_register" => ("ros_coverage_register", "units"),
            t if t.starts_with("ros_survey") => ("ros_survey_by_sector", "respondents"),
            "maturity_self_assessment" => ("maturity_self_assessment", "n"),
            "inspections_summary" => ("inspections_summary", "inspections"),
            _ => ("benchmark", ""),
        };
        let Some(m) = self.tables.get(t) else {
            return Some(0);
        };
        if col.is_empty() {
            return Some(m.df.height());
        }
        let want = sector.unwrap_or(WHOLE);
        let (Ok(s), Ok(v)) = (m.df.column("sector"), m.df.column(col)) else {
            // Tables without sectors (inspections): the sum of the column.
            return m
                .df
                .column(col)
                .ok()
                .and_then(|c| c.cast(&DataType::Float64).ok())
                .and_then(|c| c.f64().ok().map(|x| x.sum().unwrap_or(0.0)))
                .map(|x| x as usize);
        };
        let filter_at = |i: usize| -> bool {
            if table == "ros_coverage_register" {
                m.df.column("analysis_type")
                    .ok()
                    .and_then(|c| c.get(i).ok())
                    .is_some_and(|x| x.get_str() == Some("alle"))
            } else {
                true
            }
        };
        let rows: Vec<usize> = (0..m.df.height())
            .filter(|i| s.get(*i).ok().is_some_and(|x| x.get_str() == Some(want)) && filter_at(*i))
            .collect();
        if rows.iter().any(|i| m.is_hidden(col, *i)) {
            return None;
        }
        Some(
            rows.iter()
                .filter_map(|i| v.get(*i).ok().and_then(|x| format::number(&x)))
                .map(|x| x as usize)
                .sum(),
        )
    }
}

/// Codes the catalogue has a word for (zone `rød` → "Rød"/"Red", `inherent` → …).
fn value_label(column: &str, text: &str, lang: Lang) -> String {
    if text.is_empty() {
        return String::new();
    }
    let part = crate::i18n::id_part(text);
    let ids = [
        format!("value-{column}-{part}"),
        // Traffic lights: a shape and the word as well as the colour (WCAG 1.4.1).
        format!("value-status-{part}"),
    ];
    let statusish = column.ends_with("_status");
    for (i, id) in ids.iter().enumerate() {
        if (i == 0 || statusish) && crate::i18n::has(lang, id) {
            return tr!(lang, id);
        }
    }
    text.to_string()
}

/// A template error as one line: what and where.
fn template_error(e: &minijinja::Error) -> String {
    let mut s = e.to_string();
    if let Some(l) = e.line() {
        s.push_str(&format!(" (line {l})"));
    }
    s
}

/// The kind of a column, for the renderers of whole tables (CSV, XLSX).
pub fn kind_of(results: &Results, table: &str, df: &DataFrame, column: &str) -> ColumnKind {
    results.registry.column(table, df, column).kind
}
