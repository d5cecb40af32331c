//! Report definitions are files (03-report.md, "Report definitions are files, not
//! code"): `reports/arsrapport.toml` has sections with a title, a text template, and
//! tables and charts that name result tables and columns. An analyst edits a title, drops
//! a chart or adds a table from their own query without a rebuild.
//!
//! Every name is checked against the registry and the computed tables before anything
//! renders; a typo is one error naming the file, the line and the closest name.

use crate::analytics::Results;
use crate::chart;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The default definition, compiled in so that the installed binary needs no files.
pub const DEFAULT: &str = include_str!("../../reports/arsrapport.toml");
/// Its file name (in `reports/`, which may replace it).
pub const DEFAULT_NAME: &str = "arsrapport.toml";

/// A text in the definition: literal, a catalogue message, or one per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Literal(String),
    Message { msg: String },
    Each { nb: String, nn: String, en: String },
}

impl Text {
    pub fn get(&self, lang: Lang) -> String {
        match self {
            Text::Literal(s) => s.clone(),
            Text::Message { msg } => crate::i18n::message(lang, msg, None),
            Text::Each { nb, nn, en } => match lang {
                Lang::Nb => nb.clone(),
                Lang::Nn => nn.clone(),
                Lang::En => en.clone(),
            },
        }
    }
}

/// A report definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub title: Text,
    #[serde(default)]
    pub subtitle: Option<Text>,
    #[serde(rename = "section", default)]
    pub sections: Vec<SectionDef>,
    /// Where it was read from (for messages).
    #[serde(skip)]
    pub origin: PathBuf,
}

/// A section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    pub id: String,
    pub title: Text,
    /// A minijinja template for the opening sentences (see `text.rs`).
    #[serde(default)]
    pub text: Option<String>,
    /// `"sector"`: one copy per sector, on the sector's page.
    #[serde(default)]
    pub repeat: Option<String>,
    /// Tables that must have at least so many rows, else the section is left out with a
    /// note (no survey this year, one municipality only).
    #[serde(default)]
    pub needs: BTreeMap<String, usize>,
    #[serde(rename = "table", default)]
    pub tables: Vec<TableDef>,
    #[serde(rename = "chart", default)]
    pub charts: Vec<ChartDef>,
}

/// A table block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableDef {
    pub table: Spanned<String>,
    #[serde(default)]
    pub title: Option<Text>,
    pub columns: Vec<Spanned<String>>,
    /// Keep rows whose column equals the value (`"{sector}"` is the page's sector,
    /// `"{whole}"` the whole-municipality row, `"{year}"` the report year).
    #[serde(default)]
    pub filter: BTreeMap<String, toml::Value>,
    #[serde(default)]
    pub sort: Option<Spanned<String>>,
    #[serde(default)]
    pub descending: bool,
    #[serde(default)]
    pub limit: Option<usize>,
}

/// A chart block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartDef {
    pub kind: Spanned<String>,
    pub title: Text,
    /// File stem in `charts/` (default: the kind, plus the sector's slug).
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub value_label: Option<Text>,
    #[serde(default)]
    pub category_label: Option<Text>,
    /// Column roles over the kind's defaults.
    #[serde(default)]
    pub columns: BTreeMap<String, Spanned<String>>,
}

fn line_of(text: &str, span: std::ops::Range<usize>) -> usize {
    text[..span.start.min(text.len())].lines().count().max(1)
        + usize::from(text[..span.start.min(text.len())].ends_with('\n'))
}

/// Read a definition: `path` when given, else `reports/<DEFAULT_NAME>` in the project
/// folder or the working directory, else the compiled-in default.
pub fn load(path: Option<&Path>, project: &Path, lang: Lang) -> Result<(Definition, String)> {
    let candidates: Vec<PathBuf> = match path {
        Some(p) => vec![p.to_path_buf()],
        None => vec![
            project.join("reports").join(DEFAULT_NAME),
            PathBuf::from("reports").join(DEFAULT_NAME),
        ],
    };
    for p in &candidates {
        if p.is_file() || path.is_some() {
            let text = std::fs::read_to_string(p).map_err(|e| Error::Input {
                message: tr!(lang, "report-unreadable", path = p, why = e.to_string()),
                path: p.clone(),
            })?;
            return parse(&text, p, lang).map(|d| (d, text));
        }
    }
    let p = PathBuf::from(format!("({})", tr!(lang, "origin-builtin")));
    parse(DEFAULT, &p, lang).map(|d| (d, DEFAULT.to_string()))
}

/// Parse a definition's text.
pub fn parse(text: &str, path: &Path, lang: Lang) -> Result<Definition> {
    let mut d: Definition = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s)).unwrap_or(1);
        Error::Query(tr!(
            lang,
            "report-invalid",
            path = path,
            line = line.to_string(),
            why = e.message().trim().to_string()
        ))
    })?;
    d.origin = path.to_path_buf();
    Ok(d)
}

/// Check every table, column and chart kind the definition names against the computed
/// results, before anything renders.
pub fn check(d: &Definition, text: &str, results: &Results, lang: Lang) -> Result<()> {
    let err = |span: std::ops::Range<usize>, what: String| {
        Error::Query(tr!(
            lang,
            "report-name-error",
            path = &d.origin,
            line = line_of(text, span).to_string(),
            what = what
        ))
    };
    let closest = |name: &str, known: &[String]| -> String {
        known
            .iter()
            .map(|k| (strsim::jaro_winkler(name, k), k))
            .filter(|(s, _)| *s > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| tr!(lang, "report-did-you-mean", name = k.as_str()))
            .unwrap_or_default()
    };
    let tables: Vec<String> = results.results.clone();
    let columns_of = |t: &str| -> Vec<String> {
        results
            .table(t)
            .map(|df| {
                df.get_column_names()
                    .iter()
                    .map(|c| c.to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    for s in &d.sections {
        for t in &s.tables {
            let name = t.table.get_ref();
            if !tables.contains(name) {
                return Err(err(
                    t.table.span(),
                    tr!(
                        lang,
                        "report-unknown-table",
                        table = name.as_str(),
                        hint = closest(name, &tables)
                    ),
                ));
            }
            let cols = columns_of(name);
            let named = t
                .columns
                .iter()
                .chain(t.sort.iter())
                .map(|c| (c.get_ref().clone(), c.span()));
            for (c, span) in named {
                if !cols.contains(&c) {
                    return Err(err(
                        span,
                        tr!(
                            lang,
                            "report-unknown-column",
                            table = name.as_str(),
                            column = c.as_str(),
                            hint = closest(&c, &cols)
                        ),
                    ));
                }
            }
        }
        for c in &s.charts {
            let kind = c.kind.get_ref();
            let Some(k) = chart::kind(kind) else {
                let known: Vec<String> = chart::KINDS.iter().map(|k| k.name.to_string()).collect();
                return Err(err(
                    c.kind.span(),
                    tr!(
                        lang,
                        "report-unknown-chart",
                        kind = kind.as_str(),
                        hint = closest(kind, &known),
                        known = known.join(", ")
                    ),
                ));
            };
            let cols = columns_of(k.tables[0]);
            for col in c.columns.values() {
                if !cols.contains(col.get_ref()) {
                    return Err(err(
                        col.span(),
                        tr!(
                            lang,
                            "report-unknown-column",
                            table = k.tables[0],
                            column = col.get_ref().as_str(),
                            hint = closest(col.get_ref(), &cols)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_definition_parses() {
        let d = parse(DEFAULT, Path::new("arsrapport.toml"), Lang::Nb).unwrap();
        assert!(d.sections.len() >= 6);
        assert!(
            d.sections
                .iter()
                .any(|s| s.repeat.as_deref() == Some("sector"))
        );
        let kinds: Vec<&str> = d
            .sections
            .iter()
            .flat_map(|s| s.charts.iter().map(|c| c.kind.get_ref().as_str()))
            .collect();
        for k in chart::KINDS {
            assert!(
                kinds.contains(&k.name),
                "the default report has no {} chart",
                k.name
            );
        }
    }

    #[test]
    fn a_syntax_error_names_file_and_line() {
        let e = parse(
            "title = \"x\"\n[[section]]\nid = \n",
            Path::new("r.toml"),
            Lang::Nb,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("r.toml") && e.contains("linje 3"), "{e}");
    }
}
