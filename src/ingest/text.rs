//! Delimited text files: encoding and delimiter detection, then `csv-core` for quoting
//! (embedded delimiters and newlines), read in chunks of records (`TextReader`), each a
//! `Grid`: a national export is never held whole (`stream` types the chunks as they come).
//!
//! Encodings (01-inputs.md): UTF-8 with or without BOM, UTF-16 with BOM (Excel's
//! "Unicode text"), and Windows-1252, the default of Excel's "CSV (semikolonseparert)" on
//! Norwegian Windows. A file that is not valid UTF-8 is read as Windows-1252, which maps
//! every byte, so nothing is lost.

use super::grid::{Grid, TextRows};

/// What was detected about a text file (shown by `validate`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TextFormat {
    pub encoding: &'static str,
    pub delimiter: char,
}

/// Why a text file could not be read.
#[derive(Debug, PartialEq)]
pub enum TextError {
    Empty,
    Binary,
    /// More than 4 GiB of text in one file.
    TooLarge,
    /// Reading failed part way (the file was removed or the disk failed): why.
    Unreadable(String),
}

/// Count a delimiter outside double quotes on one logical line.
fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == d && !quoted {
            n += 1;
        }
    }
    n
}

/// Detect the delimiter among `;` `,` tab `|`: the one that splits the most of the first
/// lines into the same number (> 0) of fields wins; ties go to the order above (`;` is
/// what Norwegian Excel writes).
pub fn detect_delimiter(text: &str) -> char {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (';', 0usize, 0usize);
    for d in [';', ',', '\t', '|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut freq = std::collections::BTreeMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        if let Some((&mode, &lines_with_mode)) = freq.iter().max_by_key(|(c, n)| (**n, **c)) {
            if (lines_with_mode, mode) > (best.1, best.2) {
                best = (d, lines_with_mode, mode);
            }
        }
    }
    best.0
}

/// How many records a chunk of a streamed file holds at most, and how many bytes of
/// field text: a few megabytes of text per chunk keeps the typing of one chunk in the
/// CPU caches and a national export's chunks small against its size.
pub const CHUNK_ROWS: usize = 16_384;
const CHUNK_BYTES: usize = 32 << 20;
/// Raw bytes read from the file at a time.
const BLOCK: usize = 1 << 20;

/// A delimited text file read record by record in chunks (01-inputs.md; issue 8, point
/// 6: a 1 GB export is read without holding the whole of it). Decoding is done by
/// `encoding_rs`' streaming decoders and quoting by `csv-core`, whose output is written
/// straight into the chunk's one text buffer.
///
/// Row numbers are those Excel shows: a record starting on text line `l` is Excel row
/// `l − b`, where `b` is the number of line breaks inside quoted fields of the records
/// before it (Excel shows such a record as one row, and an empty line as an empty row).
pub struct TextReader<R> {
    src: R,
    /// `None`: the bytes are UTF-8 already and are passed through.
    decoder: Option<encoding_rs::Decoder>,
    raw: Vec<u8>,
    /// What a block decodes into before it joins `inbuf`: zeroed once, at its largest
    /// (three bytes of UTF-8 a byte of Windows-1252), not for every block.
    decoded: Vec<u8>,
    /// Decoded text not yet parsed starts at `inpos`.
    inbuf: Vec<u8>,
    inpos: usize,
    /// The delimiter as a byte (`;`, `,`, tab or `|`: ASCII), for `plain_records`.
    delimiter: u8,
    /// The field ranges of the record `plain_records` is reading, reused.
    fields: Vec<(u32, u32)>,
    /// Whether `plain_records` reads what it can (off only in the tests that compare
    /// it with csv-core).
    plain: bool,
    src_eof: bool,
    done: bool,
    core: csv_core::Reader,
    /// Line breaks consumed so far, and those inside quoted fields.
    newlines: u64,
    breaks: u64,
    /// The Excel row of the last record read.
    row: u64,
    /// True once a byte other than whitespace was decoded (a file of blanks is empty).
    content: bool,
}

/// Read `buf.len()` bytes or up to the end of the source.
fn read_full(src: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match src.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Whether the whole source is valid UTF-8, read in blocks (a multi-byte character may
/// straddle two). Stops at the first invalid byte: a Windows-1252 export has an `æ`, `ø`
/// or `å` within its first lines, so only UTF-8 files are read through.
fn is_utf8(src: &mut (impl std::io::Read + std::io::Seek)) -> std::io::Result<bool> {
    src.seek(std::io::SeekFrom::Start(0))?;
    let mut buf = vec![0u8; BLOCK + 4];
    let mut carry = 0;
    let valid = loop {
        let n = read_full(src, &mut buf[carry..carry + BLOCK])?;
        let len = carry + n;
        match std::str::from_utf8(&buf[..len]) {
            Ok(_) if n == 0 => break true,
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_some() => break false,
            // An incomplete character at the end of the file is invalid too.
            Err(_) if n == 0 => break false,
            Err(e) => {
                let from = e.valid_up_to();
                buf.copy_within(from..len, 0);
                carry = len - from;
            }
        }
    };
    src.seek(std::io::SeekFrom::Start(0))?;
    Ok(valid)
}

impl<R: std::io::Read + std::io::Seek> TextReader<R> {
    /// Detect the encoding and delimiter and get ready to read records.
    pub fn open(mut src: R) -> Result<(Self, TextFormat), TextError> {
        let io = |e: std::io::Error| TextError::Unreadable(e.to_string());
        let mut head = [0u8; 8192];
        let n = read_full(&mut src, &mut head).map_err(io)?;
        let head = &head[..n];
        let (skip, decoder, encoding) = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            // Malformed bytes after a UTF-8 BOM become U+FFFD, as any UTF-8 reader does.
            let d = encoding_rs::UTF_8.new_decoder_without_bom_handling();
            (3, Some(d), "UTF-8 (BOM)")
        } else if head.starts_with(&[0xFF, 0xFE]) {
            let d = encoding_rs::UTF_16LE.new_decoder_without_bom_handling();
            (2, Some(d), "UTF-16LE")
        } else if head.starts_with(&[0xFE, 0xFF]) {
            let d = encoding_rs::UTF_16BE.new_decoder_without_bom_handling();
            (2, Some(d), "UTF-16BE")
        } else if head.contains(&0) {
            // Binary files (a spreadsheet or image with a .csv name) have NUL bytes early.
            return Err(TextError::Binary);
        } else if is_utf8(&mut src).map_err(io)? {
            (0, None, "UTF-8")
        } else {
            let d = encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling();
            (0, Some(d), "Windows-1252")
        };
        src.seek(std::io::SeekFrom::Start(skip)).map_err(io)?;
        let mut r = TextReader {
            src,
            decoder,
            raw: vec![0; BLOCK],
            decoded: Vec::new(),
            inbuf: Vec::with_capacity(BLOCK * 3),
            inpos: 0,
            delimiter: b';',
            fields: Vec::new(),
            plain: true,
            src_eof: false,
            done: false,
            core: csv_core::Reader::new(),
            newlines: 0,
            breaks: 0,
            row: 0,
            content: false,
        };
        // Enough text for the delimiter (its first 50 non-empty lines), and to tell a file
        // of blanks from one with content.
        while !r.src_eof && (!r.content || (r.inbuf.len() < BLOCK && line_ends(&r.inbuf) <= 50)) {
            r.fill().map_err(io)?;
        }
        if !r.content {
            return Err(TextError::Empty);
        }
        let upto = match r.inbuf.iter().rposition(|&c| c == b'\n') {
            Some(i) if !r.src_eof => i + 1,
            _ => r.inbuf.len(),
        };
        let delimiter = detect_delimiter(&String::from_utf8_lossy(&r.inbuf[..upto]));
        r.core = csv_core::ReaderBuilder::new()
            .delimiter(delimiter as u8)
            .build();
        r.delimiter = delimiter as u8;
        Ok((
            r,
            TextFormat {
                encoding,
                delimiter,
            },
        ))
    }
}

impl<R: std::io::Read> TextReader<R> {
    /// Decode the next block of the file onto the unparsed text.
    fn fill(&mut self) -> std::io::Result<()> {
        self.inbuf.drain(..self.inpos);
        self.inpos = 0;
        let n = read_full(&mut self.src, &mut self.raw)?;
        let last = n == 0;
        let from = self.inbuf.len();
        match &mut self.decoder {
            None => self.inbuf.extend_from_slice(&self.raw[..n]),
            Some(d) => {
                let room = d
                    .max_utf8_buffer_length(n)
                    .unwrap_or(n.saturating_mul(3) + 16);
                if self.decoded.len() < room {
                    self.decoded.resize(room, 0);
                }
                let (_, read, written, _) =
                    d.decode_to_utf8(&self.raw[..n], &mut self.decoded, last);
                debug_assert_eq!(read, n);
                self.inbuf.extend_from_slice(&self.decoded[..written]);
            }
        }
        if !self.content {
            self.content = self.inbuf[from..].iter().any(|c| !c.is_ascii_whitespace());
        }
        self.src_eof = last;
        Ok(())
    }

    /// The next chunk of at most `max_rows` records, `None` after the last.
    pub fn next_chunk(&mut self, max_rows: usize) -> Result<Option<TextRows>, TextError> {
        self.next_chunk_into(max_rows, TextRows::default())
    }

    /// As `next_chunk`, written into the allocations of a chunk already used.
    pub fn next_chunk_into(
        &mut self,
        max_rows: usize,
        mut rows: TextRows,
    ) -> Result<Option<TextRows>, TextError> {
        let mut out = rows.clear_for_reuse();
        let mut olen = 0usize;
        let mut ends = vec![0usize; 64];
        while !self.done && rows.len() < max_rows && olen < CHUNK_BYTES {
            if self.inpos == self.inbuf.len() && !self.src_eof {
                self.fill()
                    .map_err(|e| TextError::Unreadable(e.to_string()))?;
            }
            let before = self.inpos;
            if self.plain {
                olen = self.plain_records(&mut rows, &mut out, olen, max_rows)?;
                if self.inpos != before {
                    continue;
                }
            }
            // The next record is csv-core's: it has a quote or a lone `\r`, or its line
            // is not all in the text decoded so far.
            let base = olen;
            let (mut nout_all, mut nend_all) = (0usize, 0usize);
            let mut start_line = None;
            loop {
                if self.inpos == self.inbuf.len() && !self.src_eof {
                    self.fill()
                        .map_err(|e| TextError::Unreadable(e.to_string()))?;
                }
                if out.len() < base + nout_all + 4096 {
                    out.resize((out.len() * 2).max(base + nout_all + (1 << 16)), 0);
                }
                let input = &self.inbuf[self.inpos..];
                let (res, nin, nout, nend) = self.core.read_record(
                    input,
                    &mut out[base + nout_all..],
                    &mut ends[nend_all..],
                );
                let consumed = &input[..nin];
                let mut k = 0;
                if start_line.is_none() {
                    // Line ends (and empty lines) before the record are skipped by the
                    // reader; the record starts on the line after them.
                    while k < consumed.len() && matches!(consumed[k], b'\r' | b'\n') {
                        self.newlines += u64::from(consumed[k] == b'\n');
                        k += 1;
                    }
                    if k < consumed.len() {
                        start_line = Some(self.newlines + 1);
                    }
                }
                self.newlines += line_ends(&consumed[k..]) as u64;
                self.inpos += nin;
                nout_all += nout;
                nend_all += nend;
                match res {
                    csv_core::ReadRecordResult::InputEmpty => {}
                    csv_core::ReadRecordResult::OutputFull => {
                        out.resize(out.len() * 2, 0);
                    }
                    csv_core::ReadRecordResult::OutputEndsFull => {
                        ends.resize(ends.len() * 2, 0);
                    }
                    csv_core::ReadRecordResult::Record => break,
                    csv_core::ReadRecordResult::End => {
                        self.done = true;
                        break;
                    }
                }
            }
            if self.done {
                break;
            }
            olen = base + nout_all;
            let line = start_line.unwrap_or(self.newlines + 1);
            let breaks = line_ends(&out[base..olen]) as u64;
            // Each record is a row of its own, also where lines end in a lone `\r` (old
            // Mac exports), which the line count (of `\n`) does not see.
            let row = line.saturating_sub(self.breaks).max(self.row + 1);
            self.row = row;
            self.breaks += breaks;
            if !rows.push_spans(row, line, base, &ends[..nend_all]) {
                return Err(TextError::TooLarge);
            }
        }
        if rows.is_empty() {
            return Ok(None);
        }
        out.truncate(olen);
        let buf = if self.decoder.is_some() {
            // SAFETY: decoded text is UTF-8 (`encoding_rs` writes only whole, valid
            // characters, holding back a character split between blocks), and `out`
            // holds only pieces of it cut at ASCII bytes (delimiters, quotes, line ends),
            // which are never inside a multi-byte character. Checking it again was
            // ~2 % of a national run's CPU.
            unsafe { String::from_utf8_unchecked(out) }
        } else {
            // Text passed through as read: checked to be UTF-8 before reading, but the
            // file may have changed since; if it did, nothing is lost but the malformed
            // bytes.
            String::from_utf8(out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        };
        rows.set_buf(buf);
        Ok(Some(rows))
    }

    /// Records read without csv-core, straight from the decoded text: from `inpos`, the
    /// complete lines (at the end of the file also the last, unended one) that hold no
    /// quote and no `\r` but one just before their `\n`. Such a line is a record whose
    /// fields lie between delimiters, exactly as csv-core reads it (a quote is special
    /// only at the start of a field; `\r`, `\n` and `\r\n` end a record; an empty line
    /// is no record). The lines are copied to `out` from `olen` on in one piece,
    /// delimiters and line ends included (the fields' spans leave them out). Stops before
    /// a line csv-core must read, at the end of the complete lines, or when the chunk is
    /// full; returns the new length of `out`'s text.
    ///
    /// Most exports have no quotes at all, and csv-core's state machine, its copy of the
    /// fields byte by byte and the zeroing of its output buffer were most of the reader
    /// thread's time, a file's one serial part (issue 8).
    fn plain_records(
        &mut self,
        rows: &mut TextRows,
        out: &mut Vec<u8>,
        olen: usize,
        max_rows: usize,
    ) -> Result<usize, TextError> {
        let input = &self.inbuf[self.inpos..];
        let avail = if self.src_eof {
            input.len()
        } else {
            match memchr::memrchr(b'\n', input) {
                Some(i) => i + 1,
                None => return Ok(olen),
            }
        };
        let input = &input[..avail];
        // Spans are 32-bit: past 4 GiB of a chunk's text (never with `CHUNK_BYTES`).
        let (Ok(base), Ok(_)) = (u32::try_from(olen), u32::try_from(olen + avail)) else {
            return Err(TextError::TooLarge);
        };
        let delimiter = self.delimiter;
        let mut fields = std::mem::take(&mut self.fields);
        let (mut newlines, mut row) = (self.newlines, self.row);
        let mut pos = 0;
        let mut full = false;
        while pos < avail && rows.len() < max_rows && olen + pos < CHUNK_BYTES {
            match (input[pos], input.get(pos + 1)) {
                (b'\n', _) => {
                    newlines += 1;
                    pos += 1;
                    continue;
                }
                (b'\r', Some(b'\n')) => {
                    newlines += 1;
                    pos += 2;
                    continue;
                }
                _ => {}
            }
            fields.clear();
            let (mut start, mut i) = (pos, pos);
            // (end of the record's text, start of the next line); None: csv-core's.
            let ended = loop {
                i = next_special(input, i, delimiter);
                if i == avail {
                    break Some((i, i));
                }
                match (input[i], input.get(i + 1)) {
                    (b'\n', _) => break Some((i, i + 1)),
                    (b'\r', Some(b'\n')) => break Some((i, i + 2)),
                    (b, _) if b == delimiter => {
                        fields.push((base + start as u32, base + i as u32));
                        i += 1;
                        start = i;
                    }
                    _ => break None,
                }
            };
            let Some((end, next)) = ended else { break };
            fields.push((base + start as u32, base + end as u32));
            let line = newlines + 1;
            // No quoted line breaks here: the row is the line, less those before.
            row = line.saturating_sub(self.breaks).max(row + 1);
            newlines += u64::from(next > end);
            if !rows.push_ranges(row, line, &fields) {
                full = true;
                break;
            }
            pos = next;
        }
        self.fields = fields;
        if full {
            return Err(TextError::TooLarge);
        }
        (self.newlines, self.row) = (newlines, row);
        out.truncate(olen);
        out.extend_from_slice(&input[..pos]);
        self.inpos += pos;
        Ok(olen + pos)
    }
}

/// The first byte from `from` on that is the delimiter, `\n`, `\r` or `"`, or the end: eight bytes at a time (a word's bytes compared with each of
/// the four at once, SWAR), since a field is ~10 bytes and a test and branch per byte
/// was most of `plain_records`' time.
#[inline]
fn next_special(input: &[u8], from: usize, delimiter: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` that equals `b`; wrong only in bytes above
    // (after, in the text) a byte that does equal it, so the lowest bit set is exact.
    let equal = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGH
    };
    let mut i = from;
    while i + 8 <= input.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&input[i..i + 8]);
        let x = u64::from_le_bytes(w);
        let found = equal(x, delimiter) | equal(x, b'\n') | equal(x, b'\r') | equal(x, b'"');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < input.len() && !matches!(input[i], b'\n' | b'\r' | b'"') && input[i] != delimiter {
        i += 1;
    }
    i
}

/// The line ends (`\n`) in `b`, counted in bytes of up to 255 at a time: the plain
/// `filter(..).count()` compiled to 4 bytes a step (each compare widened to a 64-bit
/// counter) and was most of the reader thread's own time; `memchr`'s count cost as much
/// on these short slices (a record at a time: the input for line numbers, the record for
/// the lines it spans). A byte counter compiles to 16 bytes a step.
fn line_ends(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &x| n + u8::from(x == b'\n'))))
        .sum()
}

/// Read a delimited text file held in memory into one grid.
pub fn read(bytes: &[u8]) -> Result<(Grid, TextFormat), TextError> {
    let (mut reader, format) = TextReader::open(std::io::Cursor::new(bytes))?;
    let mut rows = TextRows::default();
    while let Some(chunk) = reader.next_chunk(CHUNK_ROWS)? {
        if !rows.append(chunk) {
            return Err(TextError::TooLarge);
        }
    }
    Ok((Grid::text(rows), format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_cells(bytes: &[u8]) -> (Vec<String>, &'static str) {
        let (g, f) = read(bytes).unwrap();
        let cells = (0..g.width(0)).map(|c| g.cell(0, c).display()).collect();
        (cells, f.encoding)
    }

    #[test]
    fn line_ends_are_counted_in_any_length() {
        assert_eq!(line_ends(b""), 0);
        assert_eq!(line_ends(b"a;b\r\nc"), 1);
        // Runs of line ends longer than one byte counter holds (255).
        assert_eq!(line_ends(&[b'\n'; 1000]), 1000);
        let text: Vec<u8> = (0..10_000u32)
            .map(|i| if i % 7 == 0 { b'\n' } else { b'x' })
            .collect();
        assert_eq!(
            line_ends(&text),
            text.iter().filter(|&&c| c == b'\n').count()
        );
    }

    #[test]
    fn windows_1252_and_utf16_are_decoded() {
        assert_eq!(
            first_cells(b"Sektor;\xc5rsak\r\n"),
            (vec!["Sektor".into(), "Årsak".into()], "Windows-1252")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a;Årsak".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            first_cells(&utf16),
            (vec!["a".into(), "Årsak".into()], "UTF-16LE")
        );
        assert_eq!(
            first_cells("\u{feff}Å;b".as_bytes()),
            (vec!["Å".into(), "b".into()], "UTF-8 (BOM)")
        );
        assert_eq!(read(b"  \r\n \n").unwrap_err(), TextError::Empty);
        assert_eq!(read(b"PK\x03\x04\0\0").unwrap_err(), TextError::Binary);
    }

    #[test]
    fn the_encoding_is_decided_by_the_whole_file() {
        // Valid UTF-8 up to far past the first block, then one Windows-1252 byte: the
        // whole file is Windows-1252 (as when it was decoded in one piece), so the early
        // `Ã¥` stays what those bytes are in Windows-1252.
        let mut f = "a;b\r\nÅ;1\r\n".as_bytes().to_vec();
        while f.len() < 3 * BLOCK {
            f.extend_from_slice(b"x;1\r\n");
        }
        f.extend_from_slice(b"\xe6;2\r\n");
        let (g, fmt) = read(&f).unwrap();
        assert_eq!(fmt.encoding, "Windows-1252");
        assert_eq!(g.cell(1, 0).display(), "Ã\u{2026}");
        assert_eq!(g.cell(g.len() - 1, 0).display(), "æ");
        // A character split across the blocks of the check is still UTF-8.
        let mut f = vec![b'x'; BLOCK - 1];
        f.extend_from_slice("Å;1\n".as_bytes());
        assert_eq!(read(&f).unwrap().1.encoding, "UTF-8");
    }

    #[test]
    fn chunks_continue_rows_lines_and_fields() {
        // Two chunks of one record each: the second's row and line follow the first's,
        // across an empty line and a quoted field with a line break.
        let text = b"a;b\r\n1;\"x\r\ny\"\r\n\r\n3;4";
        let (mut r, _) = TextReader::open(std::io::Cursor::new(&text[..])).unwrap();
        let mut got = Vec::new();
        while let Some(c) = r.next_chunk(1).unwrap() {
            let g = Grid::text(c);
            assert_eq!(g.len(), 1);
            got.push((g.row_number(0), g.at(0).line, g.cell(0, 1).display()));
        }
        assert_eq!(
            got,
            vec![
                (1, Some(1), "b".to_string()),
                (2, Some(2), "x\r\ny".to_string()),
                (4, Some(5), "4".to_string()),
            ]
        );
    }

    #[test]
    fn lone_carriage_returns_end_rows_too() {
        let (g, _) = read(b"a;b\r1;2\r3;4\r").unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(
            (g.row_number(0), g.row_number(1), g.row_number(2)),
            (1, 2, 3)
        );
        assert_eq!(g.cell(2, 1).display(), "4");
    }

    /// Every record of `bytes` as (row, line, fields), read in chunks of `max_rows`,
    /// with or without `plain_records`.
    fn records(bytes: &[u8], max_rows: usize, plain: bool) -> Vec<(u64, Option<u64>, Vec<String>)> {
        let Ok((mut r, _)) = TextReader::open(std::io::Cursor::new(bytes)) else {
            return Vec::new();
        };
        r.plain = plain;
        let mut got = Vec::new();
        while let Some(c) = r.next_chunk(max_rows).unwrap() {
            let g = Grid::text(c);
            for i in 0..g.len() {
                let cells = (0..g.width(i)).map(|c| g.cell(i, c).display()).collect();
                got.push((g.row_number(i), g.at(i).line, cells));
            }
        }
        got
    }

    #[test]
    fn the_next_special_byte_is_found_at_any_offset() {
        let special = |c: u8| b";\n\r\"".contains(&c);
        // Each special byte alone at every position of texts of every length up to
        // three words, after bytes one above or below it (what a borrow would confuse).
        for n in 0..24 {
            for at in 0..=n {
                for &b in b";\n\r\"" {
                    for filler in [b'a', b + 1, b - 1, 0x80, 0xff, 0] {
                        let mut text = vec![filler; n];
                        if special(filler) {
                            continue;
                        }
                        if at < n {
                            text[at] = b;
                            // A second special byte later must not be found first.
                            if at + 1 < n {
                                text[n - 1] = b'"';
                            }
                        }
                        assert_eq!(next_special(&text, 0, b';'), at.min(n), "{text:?}");
                    }
                }
            }
        }
        assert_eq!(next_special(b"abcdefghij;kl", 3, b';'), 10);
    }

    #[test]
    fn plain_lines_are_read_as_csv_core_reads_them() {
        // Texts of short pieces that are special to CSV (quotes at and inside fields,
        // CRLF, lone CR, empty lines, delimiters, non-ASCII in both encodings), in every
        // order a small generator makes, some long enough to span the reader's blocks:
        // rows, lines and fields must be what csv-core alone reads, in any chunking.
        let pieces: [&[u8]; 12] = [
            b"a",
            b";",
            b"\r\n",
            b"\n",
            b"\r",
            b"\"",
            b"\"x;\ny\"",
            b"bc\"d",
            b" ",
            b"\xe6\xf8",
            b";;",
            b"\n\n",
        ];
        let mut state = 0x2545_f491_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..3000 {
            let n = if case % 100 == 0 {
                200_000
            } else {
                1 + (next() % 40) as usize
            };
            let mut text = b"h1;h2\r\n".to_vec();
            while text.len() < n {
                // Mostly plain fields and line ends, as real exports are.
                let k = next() as usize % 40;
                text.extend_from_slice(match k {
                    0..=11 => pieces[k],
                    12..=27 => b"abc;",
                    _ => b"12.03.2025\r\n",
                });
            }
            for max_rows in [1, 3, 16_384] {
                if n > 1000 && max_rows < 16_384 {
                    continue;
                }
                assert_eq!(
                    records(&text, max_rows, true),
                    records(&text, max_rows, false),
                    "case {case}, chunks of {max_rows}: {:?}",
                    String::from_utf8_lossy(&text[..text.len().min(300)])
                );
            }
        }
    }

    #[test]
    fn delimiters_are_detected_with_quotes() {
        assert_eq!(detect_delimiter("a;b;c\n1;\"2,5\";3\n"), ';');
        assert_eq!(detect_delimiter("a,b,c\n1,\"x;y\",3\n"), ',');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), '\t');
        assert_eq!(detect_delimiter("a|b|c\n1|2|3\n"), '|');
    }

    #[test]
    fn quoted_multiline_fields_keep_their_line_numbers() {
        let (g, _) = read(b"a;b\n1;\"two\nlines\"\n3;4\n").unwrap();
        assert_eq!(g.len(), 3);
        // Excel shows the third record as row 3; a text editor has it on line 4.
        assert_eq!(g.row_number(2), 3);
        assert_eq!(g.at(2).line, Some(4));
        assert_eq!(g.cell(1, 1), super::super::grid::Cell::Text("two\nlines"));
        // An empty line is an empty row in Excel.
        let (g, _) = read(b"a;b\n\n1;\"x\ny\nz\"\n\n3;4\n").unwrap();
        assert_eq!((g.row_number(1), g.at(1).line), (3, Some(3)));
        assert_eq!((g.row_number(2), g.at(2).line), (5, Some(7)));
        let (g, _) = read(b"a;b\r\n1;\"two\r\nlines\"\r\n3;4\r\n").unwrap();
        assert_eq!(
            (g.row_number(0), g.row_number(1), g.row_number(2)),
            (1, 2, 3)
        );
        assert_eq!(g.at(2).line, Some(4));
    }
}
