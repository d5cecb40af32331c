//! # ikrapport
//!
//! Reporting and analytics engine for internal control (internkontroll) in Norwegian
//! municipalities: every kommune must run internal control under kommuneloven § 25-1 and
//! report on it, and on the results of state inspections, to the council each year
//! (§ 25-2). ikrapport reads the files analysts actually have (deviation logs, ROS
//! registers, surveys, maturity self-assessments, inspections), computes the result tables
//! of the report, and (in later versions) renders the report bundle.
//!
//! The library is the product; the `ikrapport` binary is a thin CLI over it.
//!
//! ```no_run
//! let project = ikrapport::Project::open("sample-data").unwrap();
//! let data = project.ingest().unwrap();
//! let deviations = data.table(ikrapport::SourceKind::Deviations);
//! println!("{} deviations, {} rows rejected", deviations.height(), data.rows_rejected());
//! let results = project.analyse(&data, &ikrapport::analytics::Options::default()).unwrap();
//! let closure = results.table("deviation_closure").unwrap(); // a polars DataFrame
//! println!("{closure}");
//! ```

// First, so that its `tr!` macro is in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod analytics;
pub mod bundle;
pub mod catalog;
pub mod chart;
pub mod config;
pub mod digest;
pub mod error;
pub mod export;
pub mod generate;
pub mod ingest;
pub mod init;
pub mod interop;
pub mod render;
pub mod report;
pub mod source;
pub mod stats;

pub use config::Config;
pub use error::{Error, Result};
pub use i18n::Lang;
pub use ingest::{FileReport, Ingested};
pub use source::SourceKind;

use std::path::{Path, PathBuf};

/// A project folder: input files plus an optional `ikrapport.toml`.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

impl Project {
    /// Open a project folder and read its config (defaults when there is none).
    pub fn open(folder: impl AsRef<Path>) -> Result<Project> {
        Project::open_in(folder, None)
    }

    /// As [`Project::open`], with the message and report language chosen by the caller
    /// (`--lang`) instead of the config's.
    pub fn open_in(folder: impl AsRef<Path>, lang: Option<Lang>) -> Result<Project> {
        let root = folder.as_ref().to_path_buf();
        let l = lang.unwrap_or_default();
        if !root.is_dir() {
            let id = if root.exists() {
                "project-not-a-folder"
            } else {
                "project-folder-missing"
            };
            return Err(Error::Input {
                message: tr!(l, id, path = &root),
                path: root,
            });
        }
        if let Err(e) = std::fs::read_dir(&root) {
            return Err(Error::Input {
                message: tr!(
                    l,
                    "project-folder-unreadable",
                    path = &root,
                    why = e.to_string()
                ),
                path: root,
            });
        }
        let config = Config::load_in(&root, lang)?;
        Ok(Project { root, config })
    }

    /// Ingest every file. Unusable files are reported in [`Ingested::files`]; use
    /// [`Project::ingest_checked`] to stop at the first one.
    pub fn ingest(&self) -> Result<Ingested> {
        ingest::ingest(&self.root, &self.config, false)
    }

    /// Compute every result table (02-analytics.md) from ingested data; get one with
    /// [`analytics::Results::table`], or as an arrow-rs `RecordBatch` with
    /// [`analytics::Results::record_batch`].
    pub fn analyse(
        &self,
        data: &Ingested,
        opts: &analytics::Options,
    ) -> Result<analytics::Results> {
        analytics::run(&self.root, data, &self.config, opts)
    }

    /// Ingest, failing on the first unusable file, and (with `strict`) on any rejected
    /// row.
    pub fn ingest_checked(&self, strict: bool) -> Result<Ingested> {
        self.ingest_checked_as(strict, false)
    }

    /// [`Project::ingest_checked`], each file hashed (SHA-256) as it is read: what a
    /// bundle's manifest and Parquet footers record, without reading the files again.
    /// `ikrapport run` ingests this way; `query` and `validate` need no hashes.
    pub fn ingest_for_bundle(&self, strict: bool) -> Result<Ingested> {
        self.ingest_checked_as(strict, true)
    }

    fn ingest_checked_as(&self, strict: bool, hash: bool) -> Result<Ingested> {
        let data = ingest::ingest(&self.root, &self.config, hash)?;
        if let Some(e) = data.first_error() {
            return Err(e);
        }
        if strict && data.rows_rejected() > 0 {
            return Err(Error::Strict(tr!(
                self.config.language,
                "strict-rejected",
                n = data.rows_rejected(),
                folder = &self.root
            )));
        }
        Ok(data)
    }
}
