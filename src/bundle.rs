//! The only module that writes report output. Everything goes to a temporary folder
//! next to the target, renamed into place at the end, so a failed run never leaves a
//! half-written report where the last good one was (03-report.md, "Safety").
//!
//! Today it writes the canonical input tables as Parquet (`data/<name>.parquet`, not
//! suppressed: they are the user's own data); the rendered bundle (HTML, Markdown,
//! charts, CSV/XLSX with disclosure control, manifest) builds on this.

use crate::analytics::Results;
use crate::error::{Error, Result};
use crate::ingest::schema::SourceKind;
use polars::prelude::*;
use std::path::Path;

/// A file in every bundle folder, so that ingestion never reads a bundle as input when the
/// output folder lies inside the project folder.
pub const MARKER: &str = ".ikrapport-bundle";

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
            let o = out.display();
            return Err(Error::Usage(match lang {
                crate::i18n::Lang::En => format!(
                    "The output folder {o} exists and is not a report folder made by ikrapport, so it is not overwritten. Choose another --out, or delete the folder yourself."
                ),
                crate::i18n::Lang::Nn => format!(
                    "Utmappa {o} finst og er ikkje ei rapportmappe laga av ikrapport, så ho blir ikkje overskriven. Vel ei anna --out, eller slett mappa sjølv."
                ),
                crate::i18n::Lang::Nb => format!(
                    "Utmappa {o} finnes og er ikke en rapportmappe laget av ikrapport, så den blir ikke overskrevet. Velg en annen --out, eller slett mappa selv."
                ),
            }));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| Error::io(format!("kunne ikke lage {}", parent.display()), e))?;
    let tmp = parent.join(format!(
        ".{}.tmp-{}",
        out.file_name()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    let data_dir = tmp.join("data");
    std::fs::create_dir_all(&data_dir)
        .map_err(|e| Error::io(format!("kunne ikke lage {}", data_dir.display()), e))?;
    std::fs::write(
        tmp.join(MARKER),
        "Laget av ikrapport. Mappa leses ikke som inndata.\n",
    )
    .map_err(|e| Error::io(format!("kunne ikke skrive {}", tmp.display()), e))?;
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
        let f = std::fs::File::create(&path)
            .map_err(|e| Error::io(format!("kunne ikke skrive {}", path.display()), e))?;
        ParquetWriter::new(f)
            .finish(&mut df)
            .map_err(|e| Error::polars(format!("kunne ikke skrive {}", path.display()), e))?;
    }
    if out.exists() {
        std::fs::remove_dir_all(out)
            .map_err(|e| Error::io(format!("kunne ikke erstatte {}", out.display()), e))?;
    }
    std::fs::rename(&tmp, out).map_err(|e| {
        Error::io(
            format!("kunne ikke flytte resultatet til {}", out.display()),
            e,
        )
    })
}
