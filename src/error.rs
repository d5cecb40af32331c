//! Typed errors of the library and the exit codes the CLI maps them to.
//!
//! Two families matter to a user: *bad input* (a file or folder that cannot be used, a
//! config that does not parse, a SQL query of theirs with an error) which the user can
//! fix, and *internal* errors (I/O on the output folder, a bug). The CLI prints either as
//! one paragraph and exits with 1 or 3 (see `../shared/spec/04-cli-and-scale.md`).
//! Messages are made from the catalogue (`crate::i18n`) where the error is raised, in the
//! language of the run.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// Exit code for input the user can fix.
pub const EXIT_BAD_INPUT: i32 = 1;
/// Exit code for a usage error (clap uses 2 as well).
pub const EXIT_USAGE: i32 = 2;
/// Exit code for internal errors.
pub const EXIT_INTERNAL: i32 = 3;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file that cannot be used at all: the message is complete and user-facing.
    #[error("{message}")]
    UnusableFile { file: PathBuf, message: String },
    /// The input folder (or a file in it) cannot be found or read.
    #[error("{message}")]
    Input { path: PathBuf, message: String },
    /// The project configuration or a codebook is wrong.
    #[error("{message}")]
    Config { file: PathBuf, message: String },
    /// `--strict` was given and rows were rejected.
    #[error("{0}")]
    Strict(String),
    /// A user-supplied parameter (year, date, table name) is wrong.
    #[error("{0}")]
    Usage(String),
    /// A query (built-in or the user's) failed or refers to something missing.
    #[error("{0}")]
    Query(String),
    /// Reading or writing failed on the machine.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// A polars operation failed where it should not have: a bug or resource problem.
    #[error("{context}: {source}")]
    Polars {
        context: String,
        #[source]
        source: polars::error::PolarsError,
    },
    /// Anything else that is our fault.
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// True for errors that are ikrapport's fault (exit code 3), not the user's input.
    pub fn is_internal(&self) -> bool {
        self.exit_code() == EXIT_INTERNAL
    }
}

impl Error {
    /// The process exit code for this error (04-cli-and-scale.md: 1 bad input, 2 usage,
    /// 3 internal).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::UnusableFile { .. }
            | Error::Input { .. }
            | Error::Config { .. }
            | Error::Strict(_) => EXIT_BAD_INPUT,
            Error::Query(_) => EXIT_BAD_INPUT,
            Error::Usage(_) => EXIT_USAGE,
            Error::Io { .. } | Error::Polars { .. } | Error::Internal(_) => EXIT_INTERNAL,
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// Reading `path` failed.
    pub(crate) fn read(lang: Lang, path: &Path, source: std::io::Error) -> Self {
        Error::io(tr!(lang, "io-read", path = path), source)
    }

    /// Writing `path` failed.
    pub(crate) fn write(lang: Lang, path: &Path, source: std::io::Error) -> Self {
        Error::io(tr!(lang, "io-write", path = path), source)
    }

    /// Making the folder `path` failed.
    pub(crate) fn mkdir(lang: Lang, path: &Path, source: std::io::Error) -> Self {
        Error::io(tr!(lang, "io-mkdir", path = path), source)
    }

    pub(crate) fn polars(context: impl Into<String>, source: polars::error::PolarsError) -> Self {
        Error::Polars {
            context: context.into(),
            source,
        }
    }
}

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
