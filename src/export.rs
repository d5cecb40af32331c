//! `ikrapport run --export-parquet DIR --partition kommunenummer,year`: the canonical
//! tables, the helper tables and every result table as hive-partitioned Parquet
//! (`DIR/<table>/kommunenummer=0301/year=2025/part-0.parquet`), for a research group that
//! runs the same `queries/*.sql` on an existing distributed engine (Spark, Trino, DuckDB
//! over object storage) when its data outgrows one machine (04-cli-and-scale.md).
//!
//! A table is partitioned by the requested columns it has; the partition columns live in
//! the path, not in the files (as Spark writes them). Engines should read them as text
//! (`kommunenummer` has a leading zero): Spark with
//! `spark.sql.sources.partitionColumnTypeInference.enabled=false`, DuckDB with
//! `hive_types_autocast = false`. Unlike the bundle's `data/`, the result tables here are
//! not suppressed: this is the user's own data for their own analysis, not a publication.
//! `params.json` beside the tables holds the values of the queries' placeholders.

use crate::analytics::Results;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use polars::prelude::*;
use std::path::Path;

/// Hive path segment value: `/` and other path characters percent-encoded.
fn segment(v: &AnyValue) -> String {
    let s = match v {
        AnyValue::Null => "__HIVE_DEFAULT_PARTITION__".to_string(),
        // Text, plain or a dictionary (`catalog::dictionary_encoded`), as its value.
        v => v
            .get_str()
            .map(String::from)
            .unwrap_or_else(|| v.to_string()),
    };
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
            out.push(c);
        } else {
            for b in c.to_string().bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// One Parquet file, written as the bundle's are (`render::parquet::write_to`): a row group
/// at a time, dictionary columns as text, so a national table is not copied whole.
fn write_file(df: &DataFrame, path: &Path, lang: Lang) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::mkdir(lang, dir, e))?;
    }
    let f = std::fs::File::create(path).map_err(|e| Error::write(lang, path, e))?;
    let mut out = std::io::BufWriter::new(f);
    crate::render::parquet::write_to(&mut out, df, &[])?;
    std::io::Write::flush(&mut out).map_err(|e| Error::write(lang, path, e))
}

/// Write one table partitioned by those of `by` it has.
fn write_table(df: &DataFrame, dir: &Path, by: &[String], lang: Lang) -> Result<usize> {
    let keys: Vec<&String> = by
        .iter()
        .filter(|c| df.column(c.as_str()).is_ok())
        .collect();
    if keys.is_empty() || df.height() == 0 {
        write_file(df, &dir.join("part-0.parquet"), lang)?;
        return Ok(1);
    }
    let parts = df
        .partition_by_stable(keys.iter().map(|k| k.as_str()), false)
        .map_err(|e| Error::polars("partition", e))?;
    let key_values = df
        .select(keys.iter().map(|k| k.as_str()))
        .and_then(|k| k.unique_stable(None, UniqueKeepStrategy::First, None))
        .map_err(|e| Error::polars("partition keys", e))?;
    // Thousands of small files for a national data set: written by one thread per
    // core. Plain threads with room on the stack, not rayon's workers: polars' Parquet
    // writer runs on rayon itself, and nested inside a rayon worker it overflowed the
    // worker's stack.
    let paths: Vec<std::path::PathBuf> = (0..parts.len())
        .map(|i| -> Result<std::path::PathBuf> {
            let mut path = dir.to_path_buf();
            for k in &keys {
                let v = key_values
                    .column(k.as_str())
                    .and_then(|c| c.get(i))
                    .map_err(|e| Error::polars("partition key", e))?;
                path.push(format!("{k}={}", segment(&v)));
            }
            Ok(path.join("part-0.parquet"))
        })
        .collect::<Result<_>>()?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per = parts.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| -> Result<()> {
        let mut handles = Vec::new();
        for (chunk, paths) in parts.chunks(per).zip(paths.chunks(per)) {
            let h = std::thread::Builder::new()
                .stack_size(16 << 20)
                .spawn_scoped(scope, move || -> Result<()> {
                    for (part, path) in chunk.iter().zip(paths) {
                        write_file(part, path, lang)?;
                    }
                    Ok(())
                })
                .map_err(|e| Error::io("export", e))?;
            handles.push(h);
        }
        for h in handles {
            h.join()
                .map_err(|_| Error::Internal("export: a writer stopped".into()))??;
        }
        Ok(())
    })?;
    Ok(parts.len())
}

/// Export every canonical, helper and result table to `dir`. Returns the number of files.
pub fn export(
    dir: &Path,
    results: &Results,
    config: &crate::config::Config,
    by: &[String],
    lang: Lang,
) -> Result<usize> {
    let mut n = 0;
    let mut names: Vec<String> = results.catalog.names().cloned().collect();
    names.sort();
    for name in names {
        let Some(df) = results.table(&name) else {
            continue;
        };
        n += write_table(df, &dir.join(&name), by, lang)?;
    }
    let params: serde_json::Map<String, serde_json::Value> = results
        .params
        .placeholders(config)
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
        .collect();
    let p = dir.join("params.json");
    std::fs::write(&p, serde_json::to_vec_pretty(&params).unwrap_or_default())
        .map_err(|e| Error::write(lang, &p, e))?;
    Ok(n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_hive_folders_without_the_key_columns() {
        let dir = tempfile::tempdir().unwrap();
        let df = df!(
            "kommunenummer" => ["0301", "0301", "5001"],
            "year" => [2024i32, 2025, 2025],
            "count" => [1i64, 2, 3],
        )
        .unwrap();
        let by = vec!["kommunenummer".to_string(), "year".to_string()];
        assert_eq!(write_table(&df, dir.path(), &by, Lang::Nb).unwrap(), 3);
        let p = dir
            .path()
            .join("kommunenummer=0301/year=2025/part-0.parquet");
        let back = ParquetReader::new(std::fs::File::open(&p).unwrap())
            .finish()
            .unwrap();
        assert_eq!(back.get_column_names(), ["count"]);
        assert_eq!(back.column("count").unwrap().i64().unwrap().get(0), Some(2));
        assert_eq!(segment(&AnyValue::String("a/b")), "a%2Fb");
    }
}
