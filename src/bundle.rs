//! The only module that writes report output. Everything goes to a temporary folder
//! next to the target, renamed into place at the end, so a failed run never leaves a
//! half-written report where the last good one was (03-report.md, "Safety").
//!
//! Today it writes the canonical input tables as Parquet (`data/<name>.parquet`, not
//! suppressed: they are the user's own data); the rendered bundle (HTML, Markdown,
//! charts, CSV/XLSX with disclosure control, manifest) builds on this.

use crate::analytics::Results;
use crate::error::{Error, Result};
use crate::source::SourceKind;
use polars::prelude::*;
use std::path::Path;

/// The marker file of a bundle folder (ingestion skips folders that have it).
pub use crate::ingest::BUNDLE_MARKER as MARKER;

/// Write the canonical tables to `<out>/data/<name>.parquet` through a temporary folder
/// renamed into place, so a failed run never leaves half a folder where the last good one
/// was (03-report.md, "Safety").
pub fn write_canonical(out: &Path, results: &Results, lang: crate::i18n::Lang) -> Result<()> {
    // Only a previous bundle may be replaced: never delete a folder the user made.
    if out.exists() && !out.join(MARKER).exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(Error::Usage(tr!(lang, "bundle-not-ours", path = out)));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::mkdir(lang, parent, e))?;
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        out.file_name()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    let data_dir = tmp.join("data");
    std::fs::create_dir_all(&data_dir).map_err(|e| Error::mkdir(lang, &data_dir, e))?;
    std::fs::write(tmp.join(MARKER), tr!(lang, "bundle-marker"))
        .map_err(|e| Error::write(lang, &tmp, e))?;
    let names: Vec<&str> = SourceKind::ALL
        .iter()
        .map(|k| k.table_name())
        .chain(["data_quality"])
        .collect();
    for name in names {
        let Some(df) = results.table(name) else {
            continue;
        };
        let mut df = df.clone();
        let path = data_dir.join(format!("{name}.parquet"));
        let f = std::fs::File::create(&path).map_err(|e| Error::write(lang, &path, e))?;
        ParquetWriter::new(f)
            .finish(&mut df)
            .map_err(|e| Error::polars(path.display().to_string(), e))?;
    }
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| Error::write(lang, out, e))?;
    }
    std::fs::rename(&tmp, out).map_err(|e| Error::write(lang, out, e))
}
