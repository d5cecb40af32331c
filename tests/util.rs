//! Helpers: a temporary project folder and running the real `ikrapport` binary.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's `sample-data/`.
pub fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// A temporary project folder.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Project {
        Project {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// Ingest through the library.
    pub fn ingest(&self) -> ikrapport::Ingested {
        ikrapport::Project::open(self.path())
            .expect("open")
            .ingest()
            .expect("ingest")
    }
}

/// Output of a run of the binary.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `ikrapport` with arguments. A `run` without `--out` writes into a temporary
/// folder of its own (deleted afterwards), never into the repository, so that tests can
/// run at the same time.
pub fn ikrapport(args: &[&str]) -> Out {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let mut args: Vec<&str> = args.to_vec();
    if args.first() == Some(&"run") && !args.contains(&"--out") {
        args.push("--out");
        args.push(out.to_str().expect("utf-8 temp path"));
    }
    run_in(Path::new("."), &args)
}

/// Run `ikrapport` in the working directory `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Out {
    let o = Command::new(env!("CARGO_BIN_EXE_ikrapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run ikrapport");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into(),
        stderr: String::from_utf8_lossy(&o.stderr).into(),
    }
}

/// The data records of an input file, counted by the test itself rather than by
/// ikrapport: non-blank records (CSV, decoded as UTF-8 or Windows-1252) or non-blank
/// rows (a workbook's sheet) below the header row.
pub fn count_records(path: &Path, sheet: Option<&str>, header_row: u64) -> usize {
    let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
    if ext == "xlsx" {
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).expect("workbook");
        let range = wb.worksheet_range(sheet.expect("sheet")).expect("sheet");
        let first = range.start().map_or(0, |(r, _)| r as u64);
        return range
            .rows()
            .enumerate()
            .filter(|(i, _)| first + *i as u64 + 1 > header_row)
            .filter(|(_, r)| r.iter().any(|c| !c.to_string().trim().is_empty()))
            .count();
    }
    let bytes = std::fs::read(path).expect("read");
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
    };
    let delim = if text.lines().next().unwrap_or("").contains(';') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes())
        .records()
        .flatten()
        .skip(header_row as usize)
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .count()
}

/// Encode text as Windows-1252 (what Norwegian Excel writes for "CSV (semikolonseparert)").
pub fn cp1252(s: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(s).0.into_owned()
}

/// A text column of a frame (plain, or a canonical table's dictionary) as
/// Vec<Option<String>>.
pub fn strs(df: &polars::prelude::DataFrame, col: &str) -> Vec<Option<String>> {
    df.column(col)
        .expect("column")
        .cast(&polars::prelude::DataType::String)
        .expect("text")
        .str()
        .expect("string column")
        .iter()
        .map(|v| v.map(String::from))
        .collect()
}

/// An integer column.
pub fn ints(df: &polars::prelude::DataFrame, col: &str) -> Vec<Option<i64>> {
    df.column(col)
        .expect("column")
        .cast(&polars::prelude::DataType::Int64)
        .expect("cast")
        .i64()
        .expect("i64")
        .iter()
        .collect()
}

/// Index of the first row whose string columns equal the given values.
pub fn find(df: &polars::prelude::DataFrame, keys: &[(&str, &str)]) -> usize {
    let cols: Vec<Vec<Option<String>>> = keys.iter().map(|(c, _)| strs(df, c)).collect();
    (0..df.height())
        .find(|&i| {
            keys.iter()
                .zip(&cols)
                .all(|((_, v), col)| col[i].as_deref() == Some(*v))
        })
        .unwrap_or_else(|| panic!("no row with {keys:?} in\n{df}"))
}

/// A float cell (integers are cast).
pub fn fl(df: &polars::prelude::DataFrame, col: &str, i: usize) -> Option<f64> {
    df.column(col)
        .expect("column")
        .cast(&polars::prelude::DataType::Float64)
        .expect("cast")
        .f64()
        .expect("f64")
        .get(i)
}

/// Assert a float cell equals a value (to 1e-9), or is null when `None`.
#[track_caller]
pub fn assert_fl(df: &polars::prelude::DataFrame, col: &str, i: usize, want: Option<f64>) {
    let got = fl(df, col, i);
    match (got, want) {
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{col}[{i}] = {g}, want {w}"),
        (g, w) => assert_eq!(g, w, "{col}[{i}]"),
    }
}
