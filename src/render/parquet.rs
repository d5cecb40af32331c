//! `data/<name>.parquet`: the canonical input tables (as ingested, not suppressed: they
//! are the user's own data) and every result table (after disclosure control), each with
//! its provenance in the Parquet footer's key-value metadata: the ikrapport version, the
//! table, how it was made (the query and its sha256, or the Rust analysis), the input
//! files with their sha256, and the parameters (03-report.md, "Interop and lineage").
//! Plain Parquet (zstd), read by DuckDB, Spark, pandas and arrow-rs alike.

use crate::error::{Error, Result};
use polars::io::parquet::write::KeyValueMetadata;
use polars::prelude::*;

/// Rows per Parquet row group (polars' default).
const ROW_GROUP: usize = 512 * 512;

/// Write a frame with key-value metadata to bytes, one row group at a time: polars'
/// `finish` makes every row group of the frame contiguous before it writes the first
/// (a copy of the whole national deviations table), while here only the row group being
/// written is copied.
pub fn write(df: &DataFrame, meta: &[(String, String)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_to(&mut out, df, meta)?;
    Ok(out)
}

/// As `write`, to any writer (a file of `--export-parquet`); no key-value metadata when
/// `meta` is empty.
pub fn write_to<W: std::io::Write>(
    out: W,
    df: &DataFrame,
    meta: &[(String, String)],
) -> Result<()> {
    let err = |e| Error::polars("parquet", e);
    let kv = (!meta.is_empty()).then(|| KeyValueMetadata::from_static(meta.to_vec()));
    // A canonical table's dictionary columns are written as text: polars would write them
    // with an Arrow `Dictionary(UInt32, Utf8View)` schema that arrow-rs cannot read, and
    // Parquet dictionary-encodes repeating text by itself.
    let schema = crate::catalog::plain_text(df.clear())
        .map_err(err)?
        .schema()
        .clone();
    let mut w = ParquetWriter::new(out)
        .with_compression(ParquetCompression::Zstd(None))
        .with_key_value_metadata(kv)
        .batched(&schema)
        .map_err(err)?;
    let mut offset = 0;
    loop {
        let mut part =
            crate::catalog::plain_text(df.slice(offset as i64, ROW_GROUP)).map_err(err)?;
        part.rechunk_mut();
        w.write_batch(&part).map_err(err)?;
        offset += ROW_GROUP;
        if offset >= df.height() {
            break;
        }
    }
    w.finish().map_err(err)?;
    Ok(())
}
