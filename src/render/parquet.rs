//! `data/<name>.parquet`: the canonical input tables (as ingested, not suppressed: they
//! are the user's own data) and every result table (after disclosure control), each with
//! its provenance in the Parquet footer's key-value metadata: the ikrapport version, the
//! table, how it was made (the query and its sha256, or the Rust analysis), the input
//! files with their sha256, and the parameters (03-report.md, "Interop and lineage").
//! Plain Parquet (zstd), read by DuckDB, Spark, pandas and arrow-rs alike.

use crate::error::{Error, Result};
use polars::io::parquet::write::KeyValueMetadata;
use polars::prelude::*;

/// Write a frame with key-value metadata to bytes.
pub fn write(df: &DataFrame, meta: &[(String, String)]) -> Result<Vec<u8>> {
    let mut df = df.clone();
    let mut out = Vec::new();
    let kv = KeyValueMetadata::from_static(meta.to_vec());
    ParquetWriter::new(&mut out)
        .with_compression(ParquetCompression::Zstd(None))
        .with_key_value_metadata(Some(kv))
        .finish(&mut df)
        .map_err(|e| Error::polars("parquet", e))?;
    Ok(out)
}
