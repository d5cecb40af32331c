//! `data/<name>.parquet`: the canonical input tables (as ingested, not suppressed: they
//! are the user's own data) and every result table (after disclosure control), each with
//! its provenance in the Parquet footer's key-value metadata: the ikrapport version, the
//! table, how it was made (the query and its sha256, or the Rust analysis), the input
//! files with their sha256, and the parameters (03-report.md, "Interop and lineage").
//! Plain Parquet (zstd), read by DuckDB, Spark, pandas and arrow-rs alike.

use crate::error::{Error, Result};
use polars::prelude::*;
use polars_arrow::array::PrimitiveArray;

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
///
/// Written with polars' Parquet encoder (`polars_parquet`) as polars' `ParquetWriter`
/// drives it (the same options, schema, pages and footer), except for the encoding of
/// plain text columns (`encoding`).
pub fn write_to<W: std::io::Write>(
    out: W,
    df: &DataFrame,
    meta: &[(String, String)],
) -> Result<()> {
    use polars_parquet::write as pq;
    let err = |e| Error::polars("parquet", e);
    // The file's schema has text where the table has a dictionary (`Categorical`): that
    // is what Parquet and its readers know (polars' own schema for one would be an Arrow
    // `Dictionary(UInt32, Utf8View)`, which arrow-rs cannot read). Each row group's
    // dictionary columns are written as dictionaries of their own (`compact_dictionary`),
    // which Parquet stores as its dictionary pages as they are: casting them to text made
    // polars hash every row's text again to find the same dictionary (about a quarter of
    // a national run's CPU time in the bundle).
    let schema = crate::catalog::plain_text(df.clear())
        .map_err(err)?
        .schema()
        .clone();
    let arrow: ArrowSchema = schema
        .iter_fields()
        .map(|f| {
            let field = f
                .dtype()
                .to_arrow_field(f.name().clone(), CompatLevel::newest());
            (f.name().clone(), field)
        })
        .collect();
    // As polars' `ParquetWriter::new(…).with_compression(zstd level 1)`.
    let options = pq::WriteOptions {
        statistics: pq::StatisticsOptions::default(),
        compression: pq::CompressionOptions::Zstd(pq::ZstdLevel::try_new(1).ok()),
        version: pq::Version::V1,
        data_page_size: None,
    };
    let mut w = pq::FileWriter::try_new(out, arrow, options).map_err(err)?;
    let fields = w.parquet_schema().fields().to_vec();
    let mut offset = 0;
    loop {
        let part = df.slice(offset as i64, ROW_GROUP);
        let columns = part
            .columns()
            .iter()
            .map(compact_dictionary)
            .collect::<PolarsResult<Vec<Column>>>()
            .map_err(err)?;
        let mut part = DataFrame::new(part.height(), columns).map_err(err)?;
        part.rechunk_mut();
        for batch in part.iter_chunks(CompatLevel::newest(), false) {
            let rows = batch.len();
            if rows == 0 {
                continue;
            }
            let mut pages = Vec::with_capacity(fields.len());
            for (array, field) in batch.columns().iter().zip(&fields) {
                let enc = encoding(array.dtype());
                for column in
                    pq::array_to_columns(array, field.clone(), options, &enc).map_err(err)?
                {
                    pages.push(Ok(compressed(column, options)));
                }
            }
            w.write(rows as u64, pq::DynIter::new(pages.into_iter()))
                .map_err(err)?;
        }
        offset += ROW_GROUP;
        if offset >= df.height() {
            break;
        }
    }
    // As polars' writer: the Arrow schema first, then ours (without ours, `end` writes
    // the schema alone).
    let kv = (!meta.is_empty()).then(|| {
        std::iter::once(pq::schema_to_metadata_key(w.schema()))
            .chain(meta.iter().map(|(key, value)| pq::KeyValue {
                key: key.clone(),
                value: Some(value.clone()),
            }))
            .collect()
    });
    w.end(kv).map_err(err)?;
    Ok(())
}

/// How a column of a row group is encoded: text not held as a dictionary (in the
/// canonical tables the texts that rarely repeat, ids and free text:
/// `ingest::table::Memo::is_unique`; in the result tables text a query made) as its
/// texts one after another; anything else as polars chooses (a dictionary where it
/// pays). polars would hash every text of such a column twice, to estimate how many
/// differ and then to build a dictionary, which for the national deviations' ids (unique
/// within a municipality, so repeating across them) it kept: ~1.5 % of a national run's
/// CPU for a file no smaller. A result table's repeating text compresses almost as well
/// plain (national `deviation_spc.parquet` 2 % larger).
fn encoding(dtype: &ArrowDataType) -> Vec<polars_parquet::write::Encoding> {
    match dtype {
        ArrowDataType::Utf8View | ArrowDataType::BinaryView => {
            vec![polars_parquet::write::Encoding::Plain]
        }
        _ => polars_parquet::write::get_dtype_encoding(dtype),
    }
}

/// A column's pages, compressed as they are written (polars' `pages_iter_to_compressor`).
fn compressed(
    pages: polars_parquet::write::DynIter<'static, PolarsResult<polars_parquet::write::Page>>,
    options: polars_parquet::write::WriteOptions,
) -> polars_parquet::write::DynStreamingIterator<
    'static,
    polars_parquet::write::CompressedPage,
    PolarsError,
> {
    use polars_parquet::read::ParquetError;
    use polars_parquet::write::{Compressor, DynStreamingIterator, FallibleStreamingIterator};
    let pages = pages.map(|p| p.map_err(|e| ParquetError::FeatureNotSupported(e.to_string())));
    DynStreamingIterator::new(
        Compressor::new_from_vec(pages, options.compression, vec![]).map_err(PolarsError::from),
    )
}

/// A dictionary column with a dictionary of only the texts it holds, in order of first
/// appearance (the catalogue's columns share the process's global dictionary, which a
/// Parquet dictionary page would copy whole); any other column as it is.
///
/// The compact dictionary is a polars `Enum` (fixed categories), not a `Categorical`:
/// polars hands a `Categorical` to the Parquet writer through a converter that looks every
/// row's code up in a hash map to drop unused categories, work already done here (3 % of
/// a national run's CPU); an `Enum`'s codes go through as they are. The file is the same:
/// the same texts, in the same order, with the same codes.
///
/// A text column with one text on every row (`source_file`, a survey's name: a scalar
/// column) is such a dictionary too, of that one text: polars would write each row's
/// text out and hash it again to find the same one-entry dictionary (1.4 million times
/// for the national deviations' `source_file`: ~2 % of a national run's CPU).
fn compact_dictionary(c: &Column) -> PolarsResult<Column> {
    if let Some(text) = c
        .as_scalar_column()
        .and_then(|s| s.scalar().as_any_value().extract_str().map(str::to_string))
    {
        let categories = FrozenCategories::new([text.as_str()])?;
        if let CategoricalPhysical::U8 = categories.physical() {
            let dtype = DataType::from_frozen_categories(categories);
            let codes = UInt8Chunked::full(c.name().clone(), 0, c.len());
            // SAFETY: 0 is the index of the one text, in the categories' physical type.
            let compact =
                unsafe { Categorical8Chunked::from_cats_and_dtype_unchecked(codes, dtype) };
            return Ok(compact.into_column());
        }
    }
    let DataType::Categorical(..) = c.dtype() else {
        return Ok(c.clone());
    };
    let ca = c.cat32()?;
    let physical = ca.physical();
    // Each text's local code is its place in order of first appearance (`order`: the
    // global codes). A blank row's slot holds any code: only valid rows are numbered.
    let mut order: Vec<u32> = Vec::new();
    match (physical.min(), physical.max()) {
        // The global codes of a slice of a column mostly lie close together (a column's
        // texts are interned as its file is read): then a code's local code is found by
        // its offset in a table, not by hashing it, row by row (hashing was ~3 % of a
        // national run's CPU). Far-apart codes (a handful of texts interned between a
        // million others) are looked up in a map.
        (Some(lo), Some(hi)) if ((hi - lo) as usize) < 2 * physical.len() + (1 << 16) => {
            const UNSEEN: u32 = u32::MAX;
            let mut local = vec![UNSEEN; (hi - lo) as usize + 1];
            each_valid(physical, |g| {
                let slot = &mut local[(g - lo) as usize];
                if *slot == UNSEEN {
                    *slot = order.len() as u32;
                    order.push(g);
                }
            });
            recoded(c.name(), ca, &order, |g| local[(g - lo) as usize])
        }
        _ => {
            let mut local: PlHashMap<u32, u32> = PlHashMap::new();
            each_valid(physical, |g| {
                local.entry(g).or_insert_with(|| {
                    order.push(g);
                    order.len() as u32 - 1
                });
            });
            recoded(c.name(), ca, &order, |g| local[&g])
        }
    }
}

/// Call `f` with the code of every valid row, in row order.
fn each_valid(physical: &UInt32Chunked, mut f: impl FnMut(u32)) {
    for arr in physical.downcast_iter() {
        match arr.validity().filter(|v| v.unset_bits() > 0) {
            None => arr.values().iter().for_each(|&g| f(g)),
            Some(valid) => arr.values().iter().zip(valid.iter()).for_each(|(&g, v)| {
                if v {
                    f(g)
                }
            }),
        }
    }
}

/// The column as a dictionary of the texts of `order` (global codes), each row's code
/// `local(global code)` written straight in the dictionary's width (a byte, mostly),
/// with no 32-bit column cast after.
fn recoded(
    name: &PlSmallStr,
    ca: &Categorical32Chunked,
    order: &[u32],
    local: impl Fn(u32) -> u32,
) -> PolarsResult<Column> {
    let global = ca.get_mapping();
    let texts = order
        .iter()
        .map(|&g| {
            global
                .cat_to_str(g)
                .ok_or_else(|| polars_err!(ComputeError: "a dictionary code without its text"))
        })
        .collect::<PolarsResult<Vec<&str>>>()?;
    let categories = FrozenCategories::new(texts.iter().copied())?;
    let kind = categories.physical();
    let dtype = DataType::from_frozen_categories(categories);
    let physical = ca.physical();
    let name = name.clone();
    // SAFETY (each arm): every valid row's code is the index of its text in
    // `categories`, in its physical type (the smallest that holds them all); blank rows
    // hold 0.
    let compact = match kind {
        CategoricalPhysical::U8 => unsafe {
            Categorical8Chunked::from_cats_and_dtype_unchecked(
                codes(physical, name, |g| local(g) as u8),
                dtype,
            )
        }
        .into_series(),
        CategoricalPhysical::U16 => unsafe {
            Categorical16Chunked::from_cats_and_dtype_unchecked(
                codes(physical, name, |g| local(g) as u16),
                dtype,
            )
        }
        .into_series(),
        CategoricalPhysical::U32 => unsafe {
            Categorical32Chunked::from_cats_and_dtype_unchecked(codes(physical, name, local), dtype)
        }
        .into_series(),
    };
    Ok(compact.into_column())
}

/// `code` of each row of `physical`, chunk by chunk as it is; a blank row is 0 (its
/// global code may be one `code` does not know).
fn codes<T: PolarsNumericType>(
    physical: &UInt32Chunked,
    name: PlSmallStr,
    code: impl Fn(u32) -> T::Native,
) -> ChunkedArray<T> {
    let chunks = physical.downcast_iter().map(|arr| {
        let values: Vec<T::Native> = match arr.validity().filter(|v| v.unset_bits() > 0) {
            None => arr.values().iter().map(|&g| code(g)).collect(),
            Some(valid) => arr
                .values()
                .iter()
                .zip(valid.iter())
                .map(|(&g, v)| if v { code(g) } else { T::Native::default() })
                .collect(),
        };
        PrimitiveArray::from_vec(values).with_validity(arr.validity().cloned())
    });
    ChunkedArray::from_chunk_iter(name, chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_columns_are_written_as_text_with_only_their_own_values() {
        // The global dictionary holds many other texts (every table's, in a real run).
        let mapping = DataType::from_categories(Categories::global())
            .cat_mapping()
            .unwrap()
            .clone();
        for i in 0..50_000 {
            mapping.insert_cat(&format!("annen verdi {i}")).unwrap();
        }
        let values = [
            Some("Helse og velferd"),
            None,
            Some("Finans"),
            Some("Helse og velferd"),
        ];
        let sector = crate::ingest::row::repeated_text("sector", values.iter().copied());
        let df = DataFrame::new(values.len(), vec![sector]).unwrap();
        let bytes = write(&df, &[("ikrapport.table".into(), "t".into())]).unwrap();
        // A dictionary page of the global dictionary would be ~1 MB.
        assert!(bytes.len() < 4_000, "{} bytes", bytes.len());
        let mut reader = ParquetReader::new(std::io::Cursor::new(bytes));
        let schema = reader.schema().unwrap();
        let field = schema.get("sector").unwrap();
        assert!(
            !matches!(field.dtype(), ArrowDataType::Dictionary(..)),
            "{:?}",
            field.dtype()
        );
        let back = reader.finish().unwrap();
        let got: Vec<Option<&str>> = back
            .column("sector")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(got, values);
    }
    /// Plain text (ids that repeat across municipalities) is written as its texts, a
    /// dictionary column and a repeating number as dictionaries; arrow-rs reads the
    /// rows, the provenance and the Arrow schema from the footer.
    #[test]
    fn plain_text_is_written_without_a_dictionary_and_the_footer_keeps_the_provenance() {
        use parquet::basic::Encoding as E;
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let n = 3_000;
        let ids: Vec<String> = (0..n).map(|i| format!("A-{}", i % 1000)).collect();
        let sectors = (0..n).map(|i| Some(["Finans", "Oppvekst"][i % 2]));
        let df = DataFrame::new(
            n,
            vec![
                Column::new("id".into(), &ids),
                crate::ingest::row::repeated_text("sector", sectors),
                Column::new(
                    "severity".into(),
                    (0..n as i64).map(|i| i % 5).collect::<Vec<_>>(),
                ),
            ],
        )
        .unwrap();
        let meta = [("ikrapport.table".to_string(), "deviations".to_string())];
        let bytes = write(&df, &meta).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &bytes).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let file = reader.metadata().file_metadata();
        let kv = file.key_value_metadata().unwrap();
        assert_eq!(kv[0].key, "ARROW:schema");
        assert_eq!(kv[1].key, "ikrapport.table");
        assert_eq!(kv[1].value.as_deref(), Some("deviations"));
        let group = reader.metadata().row_group(0);
        let encodings = |j: usize| group.column(j).encodings().collect::<Vec<E>>();
        assert!(
            !encodings(0).contains(&E::RLE_DICTIONARY),
            "{:?}",
            encodings(0)
        );
        assert!(
            encodings(1).contains(&E::RLE_DICTIONARY),
            "{:?}",
            encodings(1)
        );
        assert!(
            encodings(2).contains(&E::RLE_DICTIONARY),
            "{:?}",
            encodings(2)
        );
        let back = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        let got: Vec<Option<&str>> = back.column("id").unwrap().str().unwrap().iter().collect();
        assert_eq!(
            got,
            ids.iter().map(|s| Some(s.as_str())).collect::<Vec<_>>()
        );
        assert_eq!(
            back.column("sector").unwrap().str().unwrap().get(1),
            Some("Oppvekst")
        );
        assert_eq!(
            back.column("severity").unwrap().i64().unwrap().get(7),
            Some(2)
        );
    }

    #[test]
    fn a_column_with_more_texts_than_a_byte_counts_keeps_every_row() {
        // 300 texts: the compact dictionary's codes need 16 bits (an 8-bit one wraps);
        // 80 000, about 68 000 of them in non-blank rows: more than 16 bits hold, as a
        // national-x10 set's 149 000 units are: 32 bits.
        for texts in [300, 80_000] {
            round_trip(texts);
        }
    }

    #[test]
    fn a_column_of_one_text_on_every_row_reads_back_as_that_text() {
        // Past a row group, as the national deviations' `source_file` is; beside a
        // scalar column of no text, which stays as it is.
        let n = ROW_GROUP + 10;
        let file = Column::new_scalar(
            "source_file".into(),
            Scalar::new(DataType::String, "avvik 2025 (eksport).csv".into()),
            n,
        );
        let blank = Column::new_scalar("note".into(), Scalar::null(DataType::String), n);
        let df = DataFrame::new(n, vec![file, blank]).unwrap();
        let bytes = write(&df, &[]).unwrap();
        let mut reader = ParquetReader::new(std::io::Cursor::new(bytes));
        let schema = reader.schema().unwrap();
        for name in ["source_file", "note"] {
            let dtype = schema.get(name).unwrap().dtype().clone();
            assert!(
                matches!(dtype, ArrowDataType::Utf8View | ArrowDataType::LargeUtf8),
                "{name}: {dtype:?}"
            );
        }
        let back = reader.finish().unwrap();
        let files = back.column("source_file").unwrap().str().unwrap().clone();
        assert_eq!(files.len(), n);
        assert_eq!(files.n_unique().unwrap(), 1);
        assert_eq!(files.get(n - 1), Some("avvik 2025 (eksport).csv"));
        assert_eq!(back.column("note").unwrap().null_count(), n);
    }

    #[test]
    fn texts_interned_far_apart_keep_their_rows() {
        // Two texts with 200 000 others interned between them (as a survey's respondent
        // ids are, between a deviation column's texts): their codes lie too far apart
        // for a table over their range, so they are looked up in a map; nulls between.
        let mapping = DataType::from_categories(Categories::global())
            .cat_mapping()
            .unwrap()
            .clone();
        mapping.insert_cat("langt unna A").unwrap();
        for i in 0..200_000 {
            mapping.insert_cat(&format!("mellom {i}")).unwrap();
        }
        mapping.insert_cat("langt unna B").unwrap();
        let values = [
            Some("langt unna B"),
            None,
            Some("langt unna A"),
            Some("langt unna B"),
            None,
        ];
        let unit = crate::ingest::row::repeated_text("unit", values.iter().copied());
        let df = DataFrame::new(values.len(), vec![unit]).unwrap();
        let back = ParquetReader::new(std::io::Cursor::new(write(&df, &[]).unwrap()))
            .finish()
            .unwrap();
        let got: Vec<Option<&str>> = back.column("unit").unwrap().str().unwrap().iter().collect();
        assert_eq!(got, values);
    }

    fn round_trip(texts: usize) {
        let values: Vec<Option<String>> = (0..texts + 700)
            .map(|i| (i % 7 != 0).then(|| format!("enhet {}", (i * 37) % texts)))
            .collect();
        let unit = crate::ingest::row::repeated_text("unit", values.iter().map(|v| v.as_deref()));
        let df = DataFrame::new(values.len(), vec![unit]).unwrap();
        let bytes = write(&df, &[]).unwrap();
        let back = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        let got: Vec<Option<String>> = back
            .column("unit")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .map(|v| v.map(String::from))
            .collect();
        assert_eq!(got, values, "{texts} texts");
    }
}
