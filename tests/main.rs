//! Integration tests: one binary (linking polars is slow), one module per area.

mod util;

mod analytics;
mod bundle;
mod cli;
mod generate;
mod ingest_bad_files;
mod ingest_formats;
mod registry;
mod robustness;
