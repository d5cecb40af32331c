//! Writing generated tables the way real exports look: CSV in a given encoding and
//! delimiter (Excel's "CSV (semikolonseparert)" on Norwegian Windows is Windows-1252 with
//! `;` and CRLF), and XLSX through rust_xlsxwriter with fixed document properties so
//! that the same seed gives the same bytes.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Text encodings the generator writes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
}

/// A writer that encodes UTF-8 text to Windows-1252 as it streams, holding back an
/// incomplete UTF-8 sequence at a buffer boundary.
struct Encode<W: Write> {
    inner: W,
    pending: Vec<u8>,
    enc: Encoding,
}

impl<W: Write> Write for Encode<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.enc != Encoding::Windows1252 {
            return self.inner.write_all(buf).map(|_| buf.len());
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).expect("valid prefix");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        self.inner.write_all(&bytes)?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A streaming CSV file.
pub struct CsvOut {
    w: csv::Writer<Encode<std::io::BufWriter<std::fs::File>>>,
    path: String,
}

impl CsvOut {
    pub fn create(
        path: &Path,
        headers: &[String],
        delimiter: u8,
        enc: Encoding,
        crlf: bool,
    ) -> Result<CsvOut> {
        let f =
            std::fs::File::create(path).map_err(|e| Error::io(path.display().to_string(), e))?;
        let mut inner = std::io::BufWriter::new(f);
        if enc == Encoding::Utf8Bom {
            inner
                .write_all(&[0xEF, 0xBB, 0xBF])
                .map_err(|e| Error::io(path.display().to_string(), e))?;
        }
        let mut b = csv::WriterBuilder::new();
        b.delimiter(delimiter);
        if crlf {
            b.terminator(csv::Terminator::CRLF);
        }
        let mut w = b.from_writer(Encode {
            inner,
            pending: Vec::new(),
            enc,
        });
        w.write_record(headers)
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(CsvOut {
            w,
            path: path.display().to_string(),
        })
    }

    pub fn row(&mut self, r: &[String]) -> Result<()> {
        self.w
            .write_record(r)
            .map_err(|e| Error::Internal(format!("{}: {e}", self.path)))
    }

    pub fn finish(mut self) -> Result<()> {
        self.w.flush().map_err(|e| Error::io(self.path.clone(), e))
    }
}

/// Write a whole CSV file.
pub fn csv_file(
    path: &Path,
    headers: &[String],
    rows: &[Vec<String>],
    delimiter: u8,
    enc: Encoding,
    crlf: bool,
) -> Result<()> {
    let mut out = CsvOut::create(path, headers, delimiter, enc, crlf)?;
    for r in rows {
        out.row(r)?;
    }
    out.finish()
}

/// Fixed workbook properties: rust_xlsxwriter stamps the creation time otherwise.
pub fn fixed_properties(year: i32) -> rust_xlsxwriter::DocProperties {
    let when = chrono::NaiveDate::from_ymd_opt(year + 1, 1, 15)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("valid date");
    rust_xlsxwriter::DocProperties::new()
        .set_author("ikrapport generate")
        .set_creation_datetime(&when)
}

/// Map a rust_xlsxwriter error.
pub fn xe(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}
