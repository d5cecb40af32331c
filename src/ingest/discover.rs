//! Which files of a project folder are inputs, and which source a file's name or folder
//! says it is (01-inputs.md, "Which source a file is").

use crate::config::Config;
use crate::error::{Error, Result};
use crate::source::SourceKind;
use std::path::{Path, PathBuf};

/// File extensions read as data.
pub const DATA_EXTENSIONS: &[&str] =
    &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods", "parquet"];

/// A file in every report bundle folder, so that ingestion never reads a bundle as input
/// when the output folder lies inside the project folder.
pub const BUNDLE_MARKER: &str = ".ikrapport-bundle";

/// List the data files of a project folder: the config's files, else every data file
/// below the folder (sorted; hidden files, Excel lock files `~$…`, the output folder and
/// sub-folders that are projects of their own are skipped).
pub fn discover(root: &Path, config: &Config) -> Result<Vec<(PathBuf, Option<SourceKind>)>> {
    let lang = config.language;
    let mut out: Vec<(PathBuf, Option<SourceKind>)> = Vec::new();
    let mut explicit = std::collections::BTreeSet::new();
    for (kind, sc) in &config.sources {
        for f in &sc.files {
            let p = root.join(f);
            if !p.is_file() {
                return Err(Error::Config {
                    file: root.join(crate::config::CONFIG_FILE),
                    message: tr!(
                        lang,
                        "config-file-missing",
                        file = f,
                        source = kind.table_name(),
                        folder = root
                    ),
                });
            }
            explicit.insert(p.clone());
            out.push((p, Some(*kind)));
        }
    }
    let mut found = Vec::new();
    walk(root, root, &mut found, config)?;
    found.sort();
    for p in found {
        if !explicit.contains(&p) {
            out.push((p, None));
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>, config: &Config) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Input {
        message: tr!(
            config.language,
            "project-folder-unreadable",
            path = dir,
            why = e.to_string()
        ),
        path: dir.to_path_buf(),
    })?;
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            if dir == root && (name == "out" || name == "target") {
                continue;
            }
            // Sub-projects and report bundles are not inputs.
            if p.join(crate::config::CONFIG_FILE).exists() || p.join(BUNDLE_MARKER).exists() {
                continue;
            }
            walk(root, &p, out, config)?;
        } else if let Some(ext) = p.extension().and_then(|x| x.to_str()) {
            if DATA_EXTENSIONS.contains(&ext.to_lowercase().as_str()) {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// The sources a path names (file name first, then folders).
pub fn kinds_by_name(rel: &Path) -> Vec<SourceKind> {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    };
    // A word at the start of a token ("modenhet…") beats a word inside one ("mod-enhet").
    let hits = |toks: &[String]| -> Vec<SourceKind> {
        let at_start: Vec<SourceKind> = SourceKind::ALL
            .into_iter()
            .filter(|k| {
                k.name_words()
                    .iter()
                    .any(|w| toks.iter().any(|t| t.starts_with(w)))
            })
            .collect();
        if !at_start.is_empty() {
            return at_start;
        }
        SourceKind::ALL
            .into_iter()
            .filter(|k| {
                k.name_words()
                    .iter()
                    .any(|w| w.chars().count() >= 5 && toks.iter().any(|t| t.contains(w)))
            })
            .collect()
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let by_stem = hits(&tokens(&stem));
    if !by_stem.is_empty() {
        return by_stem;
    }
    let mut by_dir = Vec::new();
    for comp in rel.parent().into_iter().flat_map(|p| p.components()).rev() {
        let h = hits(&tokens(&comp.as_os_str().to_string_lossy()));
        if !h.is_empty() {
            by_dir = h;
            break;
        }
    }
    by_dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_and_folder_names_decide_the_source() {
        assert_eq!(
            kinds_by_name(Path::new("avvik 2021-2025.csv")),
            vec![SourceKind::Deviations]
        );
        assert_eq!(
            kinds_by_name(Path::new("ROS-register.xlsx")),
            vec![SourceKind::Risks]
        );
        assert_eq!(
            kinds_by_name(Path::new("Risikoregister_2025.xlsx")),
            vec![SourceKind::Risks]
        );
        assert_eq!(
            kinds_by_name(Path::new("spørreundersøkelse.csv")),
            vec![SourceKind::Survey]
        );
        assert_eq!(
            kinds_by_name(Path::new("enheter.xlsx")),
            vec![SourceKind::Units]
        );
        assert_eq!(
            kinds_by_name(Path::new("internrevisjon/2024.csv")),
            vec![SourceKind::Inspections]
        );
        assert_eq!(
            kinds_by_name(Path::new("kommuner.csv")),
            vec![SourceKind::Municipalities]
        );
        assert_eq!(
            kinds_by_name(Path::new("modenhet.xlsx")),
            vec![SourceKind::Maturity]
        );
        assert_eq!(kinds_by_name(Path::new("eksport.csv")), vec![]);
    }
}
