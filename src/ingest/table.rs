//! From a grid to a canonical table: find the header row, match columns, read every
//! value, apply the source's rules (defaults, derived columns, cross-checks), and list
//! each unusable or guessed value as a data-quality row.
//!
//! Rows are processed in parallel chunks (rayon) into typed column buffers, so a national
//! data set does not hold a value object per cell.

use super::grid::{Cell, Grid};
use super::headers::{capitalize, closest_alias, key, match_header, sanitize};
pub use super::row::{FileCtx, Issue, Processed, Value, constant_text, record_issues};
use super::schema::{ColumnSpec, SourceKind, ValueKind};
use super::values::{
    EnumValue, parse_bool, parse_date, parse_enum, parse_kommunenummer, parse_number, parse_scale,
    parse_severity, parse_text, parse_text_ref,
};
use crate::i18n::{Reason, Severity};
use polars::prelude::*;
use rayon::prelude::*;

/// How many rows above the header may hold titles and instructions (01-inputs.md).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// What one column of the file became.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ColumnMatch {
    /// The header as written in the file.
    pub header: String,
    /// The column name in the canonical table.
    pub column: String,
    /// `canonical`, `extra` (kept under a sanitised name) or `duplicate` (a second column
    /// matching a canonical column already taken: kept as extra).
    pub role: &'static str,
}

/// Per grid column: which canonical column (index) or extra column it feeds.
#[derive(Debug, Clone)]
pub enum Use {
    Canonical(usize),
    Extra(String),
    Skip,
}

/// The header row found in a grid.
#[derive(Debug, Clone)]
pub struct Header {
    pub index: usize,
    pub row_number: u64,
    pub uses: Vec<Use>,
    pub matches: Vec<ColumnMatch>,
    pub texts: Vec<String>,
}

impl Header {
    /// The grid column feeding each canonical column, and the extra columns in order.
    pub fn sources(&self, n_canonical: usize) -> (Vec<Option<usize>>, Vec<(usize, String)>) {
        let mut src_of: Vec<Option<usize>> = vec![None; n_canonical];
        let mut extras: Vec<(usize, String)> = Vec::new();
        for (g, u) in self.uses.iter().enumerate() {
            match u {
                Use::Canonical(j) => src_of[*j] = Some(g),
                Use::Extra(name) => extras.push((g, name.clone())),
                Use::Skip => {}
            }
        }
        (src_of, extras)
    }
}

/// Why no header row was found: what the best candidate row had.
#[derive(Debug, Clone)]
pub struct HeaderMiss {
    pub row_number: Option<u64>,
    pub found: Vec<String>,
    pub missing: Vec<&'static str>,
    /// (header found, alias it probably meant)
    pub suggestions: Vec<(String, String)>,
    pub matched: usize,
}

/// The canonical column each cell of row `i` matches.
pub fn map_row(
    grid: &Grid,
    i: usize,
    cols: &[ColumnSpec],
    extra: &dyn Fn(&str) -> Vec<String>,
) -> Vec<Option<usize>> {
    (0..grid.width(i))
        .map(|c| match grid.cell(i, c) {
            Cell::Text(s) => match_header(s, cols, extra),
            _ => None,
        })
        .collect()
}

/// Find the first row within the first 30 non-blank rows whose headers cover the
/// required columns. `accept` may demand more (the survey needs a question column).
pub fn find_header(
    grid: &Grid,
    cols: &'static [ColumnSpec],
    extra: &dyn Fn(&str) -> Vec<String>,
    accept: &dyn Fn(&Grid, usize) -> bool,
) -> Result<Header, HeaderMiss> {
    let mut best: Option<(usize, usize)> = None; // (matched, row index)
    let mut seen = 0;
    for i in 0..grid.len() {
        if grid.row_is_blank(i) {
            continue;
        }
        seen += 1;
        if seen > HEADER_SEARCH_ROWS {
            break;
        }
        let m = map_row(grid, i, cols, extra);
        let matched: std::collections::BTreeSet<usize> = m.iter().flatten().copied().collect();
        let complete = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| c.required)
            .all(|(j, _)| matched.contains(&j));
        if complete && accept(grid, i) {
            return Ok(build_header(grid, i, &m, cols));
        }
        if best.is_none_or(|(n, _)| matched.len() > n) {
            best = Some((matched.len(), i));
        }
    }
    Err(miss(grid, best.map(|b| b.1), cols, extra))
}

fn texts_of(grid: &Grid, i: usize) -> Vec<String> {
    (0..grid.used_width(i))
        .map(|c| grid.cell(i, c).display().trim().to_string())
        .collect()
}

fn build_header(grid: &Grid, i: usize, m: &[Option<usize>], cols: &[ColumnSpec]) -> Header {
    let texts = texts_of(grid, i);
    let mut taken = vec![false; cols.len()];
    let mut used_names: std::collections::BTreeSet<String> =
        cols.iter().map(|c| c.name.to_string()).collect();
    for extra in ["source_file", "source_row"] {
        used_names.insert(extra.into());
    }
    let mut uses = Vec::new();
    let mut matches = Vec::new();
    for (c, text) in texts.iter().enumerate() {
        if text.is_empty() {
            uses.push(Use::Skip);
            continue;
        }
        match m.get(c).copied().flatten() {
            Some(j) if !taken[j] => {
                taken[j] = true;
                uses.push(Use::Canonical(j));
                matches.push(ColumnMatch {
                    header: text.clone(),
                    column: cols[j].name.into(),
                    role: "canonical",
                });
            }
            other => {
                let mut name = sanitize(text);
                if used_names.contains(&name) {
                    name = format!("x_{name}");
                }
                let mut n = 2;
                let base = name.clone();
                while used_names.contains(&name) {
                    name = format!("{base}_{n}");
                    n += 1;
                }
                used_names.insert(name.clone());
                uses.push(Use::Extra(name.clone()));
                matches.push(ColumnMatch {
                    header: text.clone(),
                    column: name,
                    role: if other.is_some() {
                        "duplicate"
                    } else {
                        "extra"
                    },
                });
            }
        }
    }
    Header {
        index: i,
        row_number: grid.row_number(i),
        uses,
        matches,
        texts,
    }
}

fn miss(
    grid: &Grid,
    best: Option<usize>,
    cols: &'static [ColumnSpec],
    extra: &dyn Fn(&str) -> Vec<String>,
) -> HeaderMiss {
    let Some(i) = best else {
        return HeaderMiss {
            row_number: None,
            found: Vec::new(),
            missing: cols.iter().filter(|c| c.required).map(|c| c.name).collect(),
            suggestions: Vec::new(),
            matched: 0,
        };
    };
    let m = map_row(grid, i, cols, extra);
    let found = texts_of(grid, i);
    let missing_specs: Vec<&ColumnSpec> = cols
        .iter()
        .enumerate()
        .filter(|(j, c)| c.required && !m.contains(&Some(*j)))
        .map(|(_, c)| c)
        .collect();
    let mut suggestions = Vec::new();
    for spec in &missing_specs {
        let mut best: Option<(String, &str, f64)> = None;
        for (c, h) in found.iter().enumerate() {
            if h.is_empty() || m.get(c).copied().flatten().is_some() {
                continue;
            }
            if let Some((alias, sim)) = closest_alias(h, &[*spec]) {
                if best.as_ref().is_none_or(|b| sim > b.2) {
                    best = Some((h.clone(), alias, sim));
                }
            }
        }
        if let Some((h, alias, sim)) = best {
            if sim >= 0.5 {
                suggestions.push((h, capitalize(alias)));
            }
        }
    }
    HeaderMiss {
        row_number: Some(grid.row_number(i)),
        found,
        missing: missing_specs.iter().map(|c| c.name).collect(),
        suggestions,
        matched: m.iter().flatten().count(),
    }
}

/// The physical type of a canonical column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OutType {
    Str,
    Int,
    F64,
    Bool,
    Date,
}

/// Output type of a canonical column.
pub fn out_type(source: SourceKind, spec: &ColumnSpec) -> OutType {
    if source == SourceKind::Risks && spec.name == "score" {
        return OutType::Int;
    }
    match spec.kind {
        ValueKind::Text | ValueKind::FreeText | ValueKind::Kommunenummer | ValueKind::Enum(_) => {
            OutType::Str
        }
        ValueKind::Date => OutType::Date,
        ValueKind::RiskScale | ValueKind::Int { .. } | ValueKind::Severity | ValueKind::Count => {
            OutType::Int
        }
        ValueKind::Number => OutType::F64,
        ValueKind::Bool => OutType::Bool,
    }
}

/// Process every data row below the header into the canonical table.
pub fn process(grid: &Grid, header: &Header, ctx: &FileCtx<'_>) -> Processed {
    process_from(grid, header.index + 1, header, ctx)
}

/// Process the rows of `grid` from `start` on, read with the header of the file they
/// belong to (a later chunk of a streamed file has no header of its own). The frame is
/// left in chunks: `ingest::stack` makes each table contiguous once.
pub fn process_from(grid: &Grid, start: usize, header: &Header, ctx: &FileCtx<'_>) -> Processed {
    let (src_of, extras) = header.sources(ctx.source.columns().len());
    let indices: Vec<usize> = (start..grid.len()).collect();
    let chunks: Vec<super::chunk::Typed> = indices
        .par_chunks(16_384)
        .map(|rows| super::chunk::type_rows(grid, rows, header, ctx, &src_of, &extras))
        .collect();

    let mut dq = Vec::new();
    let (mut read, mut rejected) = (0, 0);
    let mut frames: Vec<DataFrame> = Vec::new();
    for c in chunks {
        dq.extend(c.dq);
        read += c.read;
        rejected += c.rejected;
        frames.push(c.df);
    }
    let df = match frames.len() {
        0 => empty_frame(
            ctx.source,
            &extras.iter().map(|e| e.1.clone()).collect::<Vec<_>>(),
        ),
        _ => stack(frames),
    };
    Processed {
        kept: df.height(),
        df,
        dq,
        read,
        rejected,
    }
}

/// The parts of one file, processed one chunk at a time, as one.
pub fn combine(parts: Vec<Processed>) -> Processed {
    let mut it = parts.into_iter();
    let mut all = it.next().expect("at least the first chunk");
    let mut frames = vec![std::mem::take(&mut all.df)];
    for p in it {
        frames.push(p.df);
        all.dq.extend(p.dq);
        all.read += p.read;
        all.rejected += p.rejected;
        all.kept += p.kept;
    }
    all.df = stack(frames);
    all
}

/// The chunks of one file (same schema) as one frame. A column that holds one value on
/// every row of every chunk (`source_file`) stays one scalar column: polars' `vstack`
/// writes such a column out row by row (16 bytes a row, 176 MB for the deviations at
/// national-x10, memory the kernel must clear first), and the Parquet writer and the
/// queries read a scalar column as cheaply as any.
fn stack(frames: Vec<DataFrame>) -> DataFrame {
    let height: usize = frames.iter().map(DataFrame::height).sum();
    let first = &frames[0];
    let constant: Vec<(usize, Column)> = first
        .columns()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let s = c.as_scalar_column()?.scalar();
            let same = frames[1..].iter().all(|f| {
                f.columns()
                    .get(i)
                    .and_then(Column::as_scalar_column)
                    .is_some_and(|o| o.scalar() == s)
            });
            same.then(|| (i, Column::new_scalar(c.name().clone(), s.clone(), height)))
        })
        .collect();
    let keep: Vec<usize> = (0..first.width())
        .filter(|i| !constant.iter().any(|(j, _)| j == i))
        .collect();
    let mut it = frames.into_iter().map(|f| {
        let columns: Vec<Column> = keep.iter().map(|&i| f.columns()[i].clone()).collect();
        DataFrame::new(f.height(), columns).expect("columns of one frame")
    });
    let mut all = it.next().expect("at least one frame");
    for f in it {
        all.vstack_mut_owned(f)
            .expect("chunks of one file share a schema");
    }
    let mut columns = all.into_columns();
    for (i, c) in constant {
        columns.insert(i, c);
    }
    DataFrame::new(height, columns).expect("the file's columns, in order")
}

/// An empty canonical table of a source (with the given extra columns).
pub fn empty_frame(source: SourceKind, extras: &[String]) -> DataFrame {
    let mut columns: Vec<Column> = source
        .columns()
        .iter()
        .map(|c| {
            let dt = match out_type(source, c) {
                OutType::Str => DataType::String,
                OutType::Int => DataType::Int64,
                OutType::F64 => DataType::Float64,
                OutType::Bool => DataType::Boolean,
                OutType::Date => DataType::Date,
            };
            Column::new_empty(c.name.into(), &dt)
        })
        .collect();
    for e in extras {
        columns.push(Column::new_empty(e.as_str().into(), &DataType::String));
    }
    columns.push(Column::new_empty("source_file".into(), &DataType::String));
    columns.push(Column::new_empty("source_row".into(), &DataType::Int64));
    DataFrame::new(0, columns).expect("empty frame")
}

/// Memoised reading of one column's text cells within a chunk. Sectors, units, types,
/// categories, dates and scores repeat thousands of times in an export; reading each
/// distinct text once makes ingestion cost a hash lookup per cell. Columns of unique
/// values (ids, free text) are not memoised, and a memo stops growing at `MEMO_LIMIT`.
/// Exports are sorted (by municipality, date or case number), so the same text often
/// comes again on the next row: the last text is compared before the map is hashed.
pub struct Memo {
    /// Each distinct text's place in `results`.
    map: Option<PlHashMap<Box<str>, u32>>,
    results: Vec<ReadResult>,
    /// The last text read and its place: exports are sorted, so a cell often repeats the
    /// one above it, and comparing it costs less than hashing it.
    last: Option<(String, u32)>,
}

/// A read value, or why it cannot be used.
pub type ReadResult = Result<Value, (Reason, Severity)>;

const MEMO_LIMIT: usize = 20_000;

impl Memo {
    /// Columns whose values rarely repeat: not memoised, not kept as a dictionary.
    pub fn is_unique(spec: &ColumnSpec) -> bool {
        spec.name == "id"
            || spec.name == "respondent_id"
            || matches!(spec.kind, ValueKind::FreeText)
    }

    pub fn for_column(spec: &ColumnSpec) -> Memo {
        Memo {
            map: (!Memo::is_unique(spec)).then(PlHashMap::new),
            results: Vec::new(),
            last: None,
        }
    }

    pub fn read(
        &mut self,
        ctx: &FileCtx<'_>,
        spec: &ColumnSpec,
        cell: Cell<'_>,
        date1904: bool,
    ) -> Result<Value, (Reason, Severity)> {
        let (Some(map), Cell::Text(t)) = (self.map.as_mut(), cell) else {
            return read_value(ctx, spec, cell, date1904);
        };
        if let Some((k, i)) = &self.last {
            if super::chunk::same_text(k, t) {
                return self.results[*i as usize].clone();
            }
        }
        let i = match map.get(t) {
            Some(&i) => i,
            None if map.len() < MEMO_LIMIT => {
                let i = self.results.len() as u32;
                self.results.push(read_value(ctx, spec, cell, date1904));
                map.insert(t.into(), i);
                i
            }
            None => return read_value(ctx, spec, cell, date1904),
        };
        match &mut self.last {
            Some((k, last)) => {
                k.clear();
                k.push_str(t);
                *last = i;
            }
            None => self.last = Some((t.to_string(), i)),
        }
        self.results[i as usize].clone()
    }
}

/// Whether a text column is held as a dictionary (a polars `Categorical`) wherever it
/// occurs in a canonical or helper table (`catalog::dictionary_encoded`): the repeating
/// text of the sources (every text column that is not an id or free text, whose values
/// rarely repeat), the survey's long form (its respondent id repeats once per answer) and
/// the file a row came from.
pub fn is_dictionary_column(name: &str) -> bool {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut names = vec![
                "survey",
                "question",
                "answer",
                "respondent_id",
                "source_file",
            ];
            for k in SourceKind::ALL {
                for c in k.columns() {
                    if matches!(out_type(k, c), OutType::Str) && !Memo::is_unique(c) {
                        names.push(c.name);
                    }
                }
            }
            names
        })
        .contains(&name)
}

/// Read one cell as the value of a canonical column.
pub fn read_value(
    ctx: &FileCtx<'_>,
    spec: &ColumnSpec,
    cell: Cell<'_>,
    date1904: bool,
) -> Result<Value, (Reason, Severity)> {
    let err = |r: Reason| (r, Severity::Error);
    if cell.is_blank() {
        return if spec.required {
            Err(err(Reason::RequiredBlank))
        } else {
            Ok(Value::Null)
        };
    }
    match spec.kind {
        ValueKind::Text => {
            let t = parse_text_ref(cell);
            Ok(match t {
                Some(s) if spec.name == "sector" => {
                    Value::Str(ctx.config.sector_name(s.into_owned()).into())
                }
                Some(s) => Value::Str(s.as_ref().into()),
                None => Value::Null,
            })
        }
        ValueKind::FreeText => Ok(match cell {
            Cell::Text(s) => Value::Str(s.trim().into()),
            other => parse_text(other).map_or(Value::Null, |s| Value::Str(s.into())),
        }),
        ValueKind::Kommunenummer => parse_kommunenummer(cell)
            .map(|s| Value::Str(s.into()))
            .map_err(err),
        ValueKind::Date => parse_date(cell, date1904).map(Value::Date).map_err(err),
        ValueKind::RiskScale => parse_scale(cell, 1, ctx.config.scale_max)
            .map(Value::Int)
            .map_err(err),
        ValueKind::Int { min, max } => parse_scale(cell, min, max).map(Value::Int).map_err(err),
        ValueKind::Count => {
            let v = parse_number(cell).map_err(err)?;
            if v < 0.0 {
                Err(err(Reason::Negative))
            } else if v.fract() != 0.0 {
                Err(err(Reason::NotAnInteger))
            } else {
                Ok(Value::Int(v as i64))
            }
        }
        ValueKind::Number => {
            let v = parse_number(cell).map_err(err)?;
            if v < 0.0 {
                Err(err(Reason::Negative))
            } else {
                Ok(Value::F64(v))
            }
        }
        ValueKind::Bool => parse_bool(cell).map(Value::Bool).map_err(err),
        ValueKind::Severity => parse_severity(cell).map(Value::Int).map_err(err),
        ValueKind::Enum(e) => {
            let text = parse_text(cell).unwrap_or_default();
            match parse_enum(&text, e) {
                Ok(EnumValue::Known(v)) => Ok(Value::Str(v.into())),
                Ok(EnumValue::Guessed(v)) => {
                    Err((Reason::GuessedEnum { guessed: v.into() }, Severity::Warning))
                }
                // An unknown value in an enum without a fallback: the row is kept and the
                // value left blank, with a warning (these enums are all optional).
                Err(r) => Err((r, Severity::Warning)),
            }
        }
    }
}

/// Keys of the header texts of a row, for classification.
pub fn header_keys(grid: &Grid, i: usize) -> Vec<String> {
    texts_of(grid, i).iter().map(|t| key(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(ids: &[i64], file: &str) -> DataFrame {
        DataFrame::new(
            ids.len(),
            vec![
                Column::new("id".into(), ids),
                super::super::row::constant_text("source_file", file, ids.len()),
                Column::new("source_row".into(), ids),
            ],
        )
        .unwrap()
    }

    #[test]
    fn a_files_chunks_stack_with_its_name_kept_as_one_value() {
        let df = stack(vec![
            chunk(&[1, 2], "avvik.csv"),
            chunk(&[], "avvik.csv"),
            chunk(&[3, 4, 5], "avvik.csv"),
        ]);
        assert_eq!(df.height(), 5);
        let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        assert_eq!(names, ["id", "source_file", "source_row"]);
        let file = df.column("source_file").unwrap();
        assert!(
            file.as_scalar_column().is_some(),
            "not written out row by row"
        );
        assert_eq!(file.len(), 5);
        assert_eq!(file.str().unwrap().get(4), Some("avvik.csv"));
        let rows: Vec<Option<i64>> = df
            .column("source_row")
            .unwrap()
            .i64()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(rows, [1, 2, 3, 4, 5].map(Some));
    }

    #[test]
    fn chunks_with_different_constants_keep_each_rows_value() {
        let df = stack(vec![chunk(&[1], "a.csv"), chunk(&[2, 3], "b.csv")]);
        let files: Vec<Option<&str>> = df
            .column("source_file")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(files, [Some("a.csv"), Some("b.csv"), Some("b.csv")]);
    }
}
