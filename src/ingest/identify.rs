//! Which source a file is and where its header row is: by the config, else by its name,
//! else by which source's required columns its headers match (01-inputs.md). A file that
//! fits none, or several equally, is reported with what was found, never guessed.

use super::discover::kinds_by_name;
use super::grid::Grid;
use super::survey::{self, Codebook};
use super::table::{self, HeaderMiss};
use super::{headers, load::Loaded};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::source::SourceKind;
use std::path::{Path, PathBuf};

/// A header found for one kind in one of the grids.
pub struct Found {
    pub grid: usize,
    pub header: table::Header,
}

/// How the source of a file was decided.
pub struct Identified {
    pub kind: SourceKind,
    pub found: Found,
    /// `config`, `name` or `headers`.
    pub by: &'static str,
}

/// Why the source could not be decided: the kind tried (if any) and the message.
pub struct Unidentified {
    pub kind: Option<SourceKind>,
    pub message: String,
}

/// The first grid whose header matches `kind` (the spec reads the first visible sheet
/// that matches), or the best miss.
pub fn find_in_grids(
    grids: &[Grid],
    kind: SourceKind,
    config: &Config,
    cb: &Codebook,
) -> std::result::Result<Found, (usize, HeaderMiss)> {
    let extra_cfg = |col: &str| config.extra_aliases(kind, col);
    let mut best: Option<(usize, HeaderMiss)> = None;
    for (gi, g) in grids.iter().enumerate() {
        let res = match kind {
            SourceKind::Survey => {
                let extra = survey::respondent_aliases(cb, config);
                table::find_header(g, kind.columns(), &extra, &|g, i| {
                    survey::has_question_column(cb, g, i)
                })
            }
            _ => table::find_header(g, kind.columns(), &extra_cfg, &|_, _| true),
        };
        match res {
            Ok(header) => return Ok(Found { grid: gi, header }),
            Err(m) => {
                if best.as_ref().is_none_or(|(_, b)| m.matched > b.matched) {
                    best = Some((gi, m));
                }
            }
        }
    }
    Err(best.unwrap_or((
        0,
        HeaderMiss {
            row_number: None,
            found: vec![],
            missing: vec![],
            suggestions: vec![],
            matched: 0,
        },
    )))
}

/// Decide the source of a loaded file.
pub fn identify(
    loaded: &Loaded,
    rel: &Path,
    label: &str,
    explicit: Option<SourceKind>,
    config: &Config,
    cb: &Codebook,
) -> std::result::Result<Identified, Unidentified> {
    let lang = config.language;
    let candidates: Vec<SourceKind> = match explicit {
        Some(k) => vec![k],
        None => kinds_by_name(rel),
    };
    if let [k] = candidates[..] {
        return match find_in_grids(&loaded.grids, k, config, cb) {
            Ok(found) => Ok(Identified {
                kind: k,
                found,
                by: if explicit.is_some() { "config" } else { "name" },
            }),
            Err((gi, miss)) => Err(Unidentified {
                kind: Some(k),
                message: missing_columns_message(
                    label,
                    loaded.grids[gi].sheet.as_deref(),
                    k,
                    &miss,
                    lang,
                ),
            }),
        };
    }
    let pool: Vec<SourceKind> = if candidates.is_empty() {
        SourceKind::ALL.to_vec()
    } else {
        candidates
    };
    let mut fits: Vec<(usize, SourceKind, Found)> = Vec::new();
    for k in pool {
        if let Ok(f) = find_in_grids(&loaded.grids, k, config, cb) {
            let n = f
                .header
                .matches
                .iter()
                .filter(|m| m.role == "canonical")
                .count()
                + if k == SourceKind::Survey { 2 } else { 0 };
            fits.push((n, k, f));
        }
    }
    fits.sort_by_key(|f| std::cmp::Reverse(f.0));
    match fits.len() {
        0 => Err(Unidentified {
            kind: None,
            message: tr!(lang, "file-unknown-source", file = label),
        }),
        n if n > 1 && fits[0].0 == fits[1].0 => Err(Unidentified {
            kind: None,
            message: tr!(
                lang,
                "file-ambiguous-source",
                file = label,
                sources = format!("{} / {}", fits[0].1.table_name(), fits[1].1.table_name())
            ),
        }),
        _ => {
            let (_, kind, found) = fits.remove(0);
            Ok(Identified {
                kind,
                found,
                by: "headers",
            })
        }
    }
}

/// The message for a file whose header lacks required columns.
fn missing_columns_message(
    label: &str,
    sheet: Option<&str>,
    kind: SourceKind,
    miss: &HeaderMiss,
    lang: Lang,
) -> String {
    let alias = |name: &str| -> String {
        kind.columns()
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.aliases.first())
            .map(|a| headers::capitalize(a))
            .unwrap_or_else(|| name.to_string())
    };
    let missing: Vec<String> = miss
        .missing
        .iter()
        .map(|m| format!("«{}»", alias(m)))
        .collect();
    let found = if miss.found.is_empty() {
        tr!(lang, "file-no-headers")
    } else {
        miss.found
            .iter()
            .filter(|h| !h.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut msg = tr!(
        lang,
        "file-missing-columns",
        file = label,
        sheet = sheet
            .map(|s| tr!(lang, "file-sheet-part", sheet = s))
            .unwrap_or_default(),
        source = tr!(lang, kind.message_id()),
        missing = missing.join(&tr!(lang, "word-and-sep")),
        n_missing = missing.len(),
        rows = table::HEADER_SEARCH_ROWS,
        row = miss
            .row_number
            .map(|r| r.to_string())
            .unwrap_or_else(|| "–".into()),
        found = found
    );
    for (found, alias) in &miss.suggestions {
        msg.push(' ');
        msg.push_str(&tr!(
            lang,
            "file-did-you-mean",
            found = found.as_str(),
            alias = alias.as_str()
        ));
    }
    msg.push(' ');
    msg.push_str(&tr!(lang, "file-fix-header"));
    msg
}

/// The codebook for a survey file: the config's, else a `*kodebok*.toml` or
/// `*codebook*.toml` beside the file, else the built-in ROS-practice codebook. Returns the
/// codebook and how it is named in `validate`. A codebook that cannot be read or parsed
/// is an error naming it; the caller makes only the survey file unusable.
pub fn codebook_for(root: &Path, path: &Path, config: &Config) -> Result<(Codebook, String)> {
    let read = |p: &Path| -> Result<(Codebook, String)> {
        let text = std::fs::read_to_string(p).map_err(|e| Error::Config {
            file: p.to_path_buf(),
            message: tr!(
                config.language,
                "codebook-unreadable",
                path = p,
                why = e.to_string()
            ),
        })?;
        let rel = p.strip_prefix(root).unwrap_or(p).display().to_string();
        Ok((Codebook::parse(&text, p, config.language)?, rel))
    };
    if let Some(cb) = &config.survey.codebook {
        return read(&root.join(cb));
    }
    if let Some(dir) = path.parent() {
        let mut cands: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        cands.sort();
        for c in cands {
            let n = c
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if n.ends_with(".toml") && (n.contains("kodebok") || n.contains("codebook")) {
                return read(&c);
            }
        }
    }
    Ok((
        Codebook::default_ros(),
        tr!(config.language, "codebook-builtin"),
    ))
}
