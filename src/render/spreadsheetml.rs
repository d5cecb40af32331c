//! SpreadsheetML (ECMA-376 Part 1, §18) written straight from the cells: the parts of an
//! `.xlsx` package, and worksheets streamed row by row into their own deflated zip
//! entries, one per thread. It knows cells, styles and sheets, nothing of our tables
//! (`render::xlsx` is the table side).
//!
//! Why not rust_xlsxwriter, which `generate` uses for its sample workbooks: the bundle's
//! workbook is the largest thing the run makes (national: 4.4 million cells, 199 MB of
//! XML), and rust_xlsxwriter's constant-memory path puts every cell in a per-row
//! `BTreeMap`, looks up its column's format by hash, formats it through `fmt`, writes
//! the XML to a temporary file and deflates that file on one thread at the end: ~1.2 s
//! of CPU nationally, a fifth of the whole run's. Here a cell is a few byte copies into
//! a buffer that is deflated as it fills, each sheet on its own thread.
//!
//! The parts are, byte for byte, those rust_xlsxwriter 0.102 writes for the same
//! workbook in constant-memory mode (a test in `render::xlsx` compares every part), so
//! what Excel and LibreOffice accept from it they accept from this, with two
//! differences: sheet names are escaped as all our XML is (`render::xml_escape`: an
//! apostrophe is `&#39;`, the same text to any reader), and no sheet carries
//! `tabSelected`: a sheet is deflated before the order of sheets is known, and the
//! first sheet in that order is the one rust_xlsxwriter marks. Unmarked, the workbook
//! opens on its active tab (`activeTab`, default 0: the first sheet); marking more than
//! one is what Excel refuses (it groups them). And a cell that follows the one before it
//! in its row carries no reference (`r`, optional; `SheetWriter::open` says why): with
//! the references put back (`with_cell_references`, in the tests), every sheet is
//! rust_xlsxwriter's.

use std::io::Write;

use crate::error::{Error, Result};

/// The header row's style: bold, light blue fill, a medium line below, wrapped text.
pub const HEADER: u32 = 1;
/// Text shown as typed (Excel's quote prefix): text that would run as a formula.
pub const QUOTED: u32 = 2;
/// Right-aligned text: a hidden cell in a text column, beside right-aligned numbers.
pub const RIGHT: u32 = 3;
/// The first style of [`Styles`]'s number formats.
const FIRST_NUMBER: u32 = 4;

/// Excel's rows a sheet (https://support.microsoft.com/office/excel-specifications-and-limits).
const MAX_ROWS: u32 = 1_048_576;

/// Excel's limit on the text of a cell, in UTF-16 units
/// (https://support.microsoft.com/office/excel-specifications-and-limits).
const MAX_TEXT: usize = 32_767;

/// The workbook's cell styles: the fixed ones above, then one right-aligned style per
/// number format, in the order first asked for (each format once). Asked for before a
/// sheet is written (`render::xlsx` asks for a sheet's formats as it is added, in the
/// order the tables come), so that sheets written at the same time agree on every index.
#[derive(Default)]
pub struct Styles {
    codes: Vec<String>,
}

impl Styles {
    /// The style of a right-aligned number in this format, added if it is new.
    pub fn number(&mut self, code: &str) -> u32 {
        let i = match self.codes.iter().position(|c| c == code) {
            Some(i) => i,
            None => {
                self.codes.push(code.to_string());
                self.codes.len() - 1
            }
        };
        i as u32 + FIRST_NUMBER
    }

    /// `xl/styles.xml`. Custom number formats are numbered from 164, the first id
    /// after Excel's built-in ones (ECMA-376 Part 1, §18.8.30).
    fn xml(&self) -> String {
        let mut s = String::from(DECLARATION);
        s.push_str(
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
        );
        if !self.codes.is_empty() {
            s.push_str(&format!("<numFmts count=\"{}\">", self.codes.len()));
            for (i, c) in self.codes.iter().enumerate() {
                s.push_str(&format!(
                    "<numFmt numFmtId=\"{}\" formatCode=\"{}\"/>",
                    164 + i,
                    super::xml_escape(c)
                ));
            }
            s.push_str("</numFmts>");
        }
        s.push_str(concat!(
            "<fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>",
            "<font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font></fonts>",
            "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>",
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>",
            "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>",
            "<border><left/><right/><top/><bottom style=\"medium\"><color auto=\"1\"/></bottom><diagonal/></border></borders>",
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
        ));
        s.push_str(&format!(
            "<cellXfs count=\"{}\">",
            FIRST_NUMBER as usize + self.codes.len()
        ));
        s.push_str(concat!(
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>",
        ));
        for i in 0..self.codes.len() {
            s.push_str(&format!(
                "<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>",
                164 + i
            ));
        }
        s.push_str(concat!(
            "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
            "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>",
        ));
        s
    }
}

/// A column of a sheet: its width in characters and the style of its cells, 0 for none.
#[derive(Clone, Copy, PartialEq)]
pub struct Column {
    pub width: f64,
    pub style: u32,
}

/// A worksheet being written: cells row by row (rows and, within a row, columns
/// ascending), into its zip entry as it fills.
pub struct SheetWriter {
    zip: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
    buf: Vec<u8>,
    names: Vec<String>,
    /// The row open (1-based), 0 before the first.
    row: u32,
    /// The last column written in the open row.
    last_col: Option<usize>,
    row_text: itoa::Buffer,
}

/// A worksheet written: a zip of its one entry, deflated; [`Package::finish`] copies the
/// entry into the workbook under the sheet's place in the order.
pub struct Sheet {
    zip: Vec<u8>,
}

/// Flush the XML to the deflater in blocks of this size.
const BLOCK: usize = 1 << 16;

impl SheetWriter {
    /// A sheet of these columns whose last cell is on row `last_row` (0-based; the
    /// `<dimension>` Excel reads first), its first row frozen.
    pub fn new(columns: &[Column], last_row: u32) -> Result<SheetWriter> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("sheet.xml", zip_options()).map_err(ze)?;
        let names: Vec<String> = (0..columns.len()).map(column_name).collect();
        let mut head = String::from(DECLARATION);
        head.push_str("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        let dimension = match names.last() {
            Some(last) if (last.as_str(), last_row) != ("A", 0) => {
                format!("A1:{last}{}", last_row + 1)
            }
            _ => "A1".to_string(),
        };
        head.push_str(&format!("<dimension ref=\"{dimension}\"/>"));
        head.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if !columns.is_empty() {
            head.push_str("<cols>");
            // Neighbouring columns alike are one range, as Excel writes them.
            let mut first = 0;
            for j in 0..columns.len() {
                if j + 1 == columns.len() || columns[j + 1] != columns[j] {
                    head.push_str(&col_element(first, j, columns[j]));
                    first = j + 1;
                }
            }
            head.push_str("</cols><sheetData>");
        } else {
            head.push_str("<sheetData/>");
        }
        Ok(SheetWriter {
            zip,
            buf: head.into_bytes(),
            names,
            row: 0,
            last_col: None,
            row_text: itoa::Buffer::new(),
        })
    }

    /// Start cell `col` of row `row` (0-based), opening the row if it is new. Cells
    /// must come in order, within the sheet's columns and Excel's rows: anything else
    /// would be a file Excel repairs, so it is an error of ours.
    fn open(&mut self, row: u32, col: usize, style: u32) -> Result<()> {
        let r = row + 1;
        let in_order = match r.cmp(&self.row) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => self.last_col.is_none_or(|c| col > c),
            std::cmp::Ordering::Less => false,
        };
        if !in_order || col >= self.names.len() || r > MAX_ROWS {
            return Err(Error::Internal(format!(
                "xlsx: cell ({row}, {col}) out of order or outside the sheet"
            )));
        }
        if r != self.row {
            if self.row != 0 {
                self.buf.extend_from_slice(b"</row>");
            }
            self.buf.extend_from_slice(b"<row r=\"");
            self.buf
                .extend_from_slice(self.row_text.format(r).as_bytes());
            self.buf.extend_from_slice(b"\">");
            self.row = r;
            self.last_col = None;
        }
        // A cell right after the one before it (or first in its row, in column A) has no
        // reference: `r` is optional (ECMA-376 Part 1, §18.3.1.4), and a reader places
        // such a cell in the next column (checked: LibreOffice 7.4, calamine and openpyxl
        // read the national workbook cell for cell as with the references). The
        // references were a third of a national workbook's XML and, each row's number
        // different, most of what deflate could not shrink: without them the national
        // workbook is 9.3 MB instead of 22.6, and the run 0.3 s of CPU shorter. A cell
        // after a gap (an empty cell is no cell) keeps its reference.
        let follows = col == self.last_col.map_or(0, |c| c + 1);
        self.last_col = Some(col);
        if follows {
            self.buf.extend_from_slice(b"<c");
        } else {
            self.buf.extend_from_slice(b"<c r=\"");
            self.buf.extend_from_slice(self.names[col].as_bytes());
            self.buf
                .extend_from_slice(self.row_text.format(r).as_bytes());
            self.buf.push(b'"');
        }
        if style > 0 {
            self.buf.extend_from_slice(b" s=\"");
            self.buf
                .extend_from_slice(self.row_text.format(style).as_bytes());
            self.buf.push(b'"');
        }
        Ok(())
    }

    /// A number. Excel has no NaN or infinity: those are written as the text `NAN`,
    /// `INF`, `-INF`, as rust_xlsxwriter does.
    pub fn number(&mut self, row: u32, col: usize, x: f64, style: u32) -> Result<()> {
        if !x.is_finite() {
            let t = if x.is_nan() {
                "NAN"
            } else if x > 0.0 {
                "INF"
            } else {
                "-INF"
            };
            return self.text(row, col, t, style);
        }
        self.open(row, col, style)?;
        self.buf.extend_from_slice(b"><v>");
        number_text(x, &mut self.buf);
        self.buf.extend_from_slice(b"</v></c>");
        self.spill()
    }

    /// Text, inline (no shared-string table: a national sheet's text is mostly codes and
    /// names repeated, which deflate makes as small). Longer text than a cell holds is
    /// cut to the limit; empty text is no cell at all, as Excel stores it.
    pub fn text(&mut self, row: u32, col: usize, s: &str, style: u32) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        let s = within_limit(s);
        self.open(row, col, style)?;
        self.buf.extend_from_slice(b" t=\"inlineStr\"><is><t");
        if s.starts_with(['\t', '\n', ' ']) || s.ends_with(['\t', '\n', ' ']) {
            self.buf.extend_from_slice(b" xml:space=\"preserve\"");
        }
        self.buf.push(b'>');
        cell_text(s, &mut self.buf);
        self.buf.extend_from_slice(b"</t></is></c>");
        self.spill()
    }

    /// Hand the XML so far to the deflater once a block of it has gathered.
    fn spill(&mut self) -> Result<()> {
        if self.buf.len() >= BLOCK {
            self.zip.write_all(&self.buf).map_err(ie)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<Sheet> {
        if !self.names.is_empty() {
            if self.row != 0 {
                self.buf.extend_from_slice(b"</row>");
            }
            self.buf.extend_from_slice(b"</sheetData>");
        }
        self.buf.extend_from_slice(b"<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        self.zip.write_all(&self.buf).map_err(ie)?;
        let zip = self.zip.finish().map_err(ze)?.into_inner();
        Ok(Sheet { zip })
    }
}

/// The workbook's document properties: author and a fixed creation time (a rerun gives
/// the same bytes).
pub struct Properties {
    pub author: String,
    /// W3CDTF, e.g. `2026-01-01T00:00:00Z`.
    pub created: String,
}

/// Write the package: the sheets in this order under these (valid, unique) names.
pub fn package(
    styles: &Styles,
    sheets: Vec<(String, Sheet)>,
    props: &Properties,
) -> Result<Vec<u8>> {
    let n = sheets.len();
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let part = |z: &mut zip::ZipWriter<_>, name: &str, text: &str| -> Result<()> {
        z.start_file(name, zip_options()).map_err(ze)?;
        z.write_all(text.as_bytes()).map_err(ie)
    };
    const SHEET_TYPE: &str =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    let mut types = String::from(DECLARATION);
    types.push_str(concat!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
        "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
        "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>",
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
    ));
    for i in 1..=n {
        types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{SHEET_TYPE}\"/>"
        ));
    }
    types.push_str("</Types>");
    part(&mut z, "[Content_Types].xml", &types)?;
    part(&mut z, "_rels/.rels", &format!("{DECLARATION}{ROOT_RELS}"))?;
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut rels = String::from(DECLARATION);
    rels.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for i in 1..=n {
        rels.push_str(&format!(
            "<Relationship Id=\"rId{i}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"
        ));
    }
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{REL}/theme\" Target=\"theme/theme1.xml\"/><Relationship Id=\"rId{}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>",
        n + 1,
        n + 2
    ));
    part(&mut z, "xl/_rels/workbook.xml.rels", &rels)?;
    part(&mut z, "xl/theme/theme1.xml", THEME)?;
    part(&mut z, "xl/styles.xml", &styles.xml())?;
    let mut book = String::from(DECLARATION);
    book.push_str(concat!(
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
        "<fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/><workbookPr defaultThemeVersion=\"124226\"/>",
        "<bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>",
    ));
    for (i, (name, _)) in sheets.iter().enumerate() {
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            super::xml_escape(name),
            i + 1,
            i + 1
        ));
    }
    book.push_str("</sheets><calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
    part(&mut z, "xl/workbook.xml", &book)?;
    let mut titles = String::new();
    for (i, (name, sheet)) in sheets.into_iter().enumerate() {
        let mut one = zip::ZipArchive::new(std::io::Cursor::new(sheet.zip)).map_err(ze)?;
        let entry = one.by_index_raw(0).map_err(ze)?;
        z.raw_copy_file_rename(entry, format!("xl/worksheets/sheet{}.xml", i + 1))
            .map_err(ze)?;
        titles.push_str(&format!(
            "<vt:lpstr>{}</vt:lpstr>",
            super::xml_escape(&name)
        ));
    }
    let author = super::xml_escape(&props.author);
    part(
        &mut z,
        "docProps/core.xml",
        &format!(
            "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified></cp:coreProperties>",
            props.created
        ),
    )?;
    part(
        &mut z,
        "docProps/app.xml",
        &format!(
            "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"{n}\" baseType=\"lpstr\">{titles}</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
        ),
    )?;
    Ok(z.finish().map_err(ze)?.into_inner())
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const ROOT_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>",
);

/// Excel's default "Office Theme" (2007), which the styles' theme colours and the
/// Calibri "minor" font scheme refer to; as rust_xlsxwriter (MIT/Apache-2.0) ships it.
const THEME: &str = include_str!("xlsx-theme1.xml");

/// Deflate level 2 (zlib-rs' `deflate_fast`): measured on the national workbook, level 6
/// took 2.7 s and made 17.4 MB, level 3 2.0 s and 21.2 MB, level 2 22.7 MB and 0.12 s
/// less than level 3, level 1 30.6 MB. Fixed times and permissions: the same bytes on
/// every rerun.
fn zip_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(2))
        .unix_permissions(0o600)
        .last_modified_time(zip::DateTime::default())
}

fn ze(e: zip::result::ZipError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

/// Writing to memory fails only when something is broken within.
fn ie(e: std::io::Error) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
/// A worksheet's XML with every cell's reference written out, as rust_xlsxwriter and
/// Excel write them: a `<c` without `r` is the next column of its row (or column A).
/// For the tests, which compare sheets with rust_xlsxwriter's and find cells by name.
#[cfg(test)]
pub(crate) fn with_cell_references(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + xml.len() / 2);
    let (mut row, mut next) = (0u32, 0usize);
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(tail) = rest.strip_prefix("<row r=\"") {
            row = tail[..tail.find('"').unwrap()].parse().unwrap();
            next = 0;
        } else if let Some(tail) = rest.strip_prefix("<c r=\"") {
            let letters = tail.bytes().take_while(u8::is_ascii_uppercase);
            next = letters.fold(0, |n, b| n * 26 + usize::from(b - b'A') + 1);
        } else if rest.starts_with("<c ") || rest.starts_with("<c>") {
            out.push_str(&format!("<c r=\"{}{row}\"", column_name(next)));
            next += 1;
            rest = &rest[2..];
            continue;
        }
        out.push('<');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut name = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        name.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A `<col>` element for columns `first..=last` (0-based). The width is stored as Excel
/// does: whole pixels of a 7-pixel digit plus 5 pixels of padding, in 1/256 of a
/// character (ECMA-376 Part 1, §18.3.1.13).
fn col_element(first: usize, last: usize, c: Column) -> String {
    let pixels = if c.width <= 0.0 {
        0
    } else if c.width < 1.0 {
        (c.width * 12.0).round() as u32
    } else {
        (c.width * 7.0).round() as u32 + 5
    }
    .min(1790);
    let width = f64::from(pixels * 256 / 7) / 256.0;
    let style = if c.style > 0 {
        format!(" style=\"{}\"", c.style)
    } else {
        String::new()
    };
    let custom = if pixels != 64 {
        " customWidth=\"1\""
    } else {
        ""
    };
    format!(
        "<col min=\"{}\" max=\"{}\" width=\"{width}\"{style}{custom}/>",
        first + 1,
        last + 1
    )
}

/// A number as the shortest text that reads back as the same `f64`, without exponent
/// (what Rust's `Display` writes, the text rust_xlsxwriter puts in `<v>`): whole numbers
/// through `itoa`, fractions through `ryu`, both many times faster than `fmt`. Below
/// 2^53 every whole number is exact, so its digits are its shortest text.
fn number_text(x: f64, out: &mut Vec<u8>) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if x.fract() == 0.0 && x.abs() < EXACT && !(x == 0.0 && x.is_sign_negative()) {
        out.extend_from_slice(itoa::Buffer::new().format(x as i64).as_bytes());
        return;
    }
    let mut b = ryu::Buffer::new();
    match super::ryu_display(x, &mut b) {
        Some(s) => out.extend_from_slice(s.as_bytes()),
        // An exponent (Excel reads it, but the text is kept as `Display` writes it), or
        // a tie `ryu` rounds otherwise.
        None => {
            let _ = write!(out, "{x}");
        }
    }
}

/// Text cut to Excel's limit of a cell, at a character boundary.
fn within_limit(s: &str) -> &str {
    if s.len() <= MAX_TEXT {
        return s;
    }
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_TEXT {
            return &s[..i];
        }
    }
    s
}

/// Cell text escaped as Excel writes it: `&`, `<`, `>` as entities; control characters
/// (but tab and line feed) and the non-characters U+FFFE/U+FFFF as `_xHHHH_`; and an
/// `_xHHHH_` already in the text with its underscore escaped (`_x005F_xHHHH_`), so that
/// it reads back as typed (ECMA-376 Part 1, §22.9.2.19, ST_Xstring).
fn cell_text(s: &str, out: &mut Vec<u8>) {
    let plain = !s.bytes().any(|b| {
        matches!(b, b'&' | b'<' | b'>' | b'_' | 0xEF) || (b < 0x20 && b != b'\t' && b != b'\n')
    });
    if plain {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '\t' | '\n' => out.push(c as u8),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            '_' if is_escape(&bytes[i..]) => out.extend_from_slice(b"_x005F_"),
            c => {
                let mut b = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
}

/// Whether the text starts with `_xHHHH_` (four hexadecimal digits).
fn is_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let text = |x: f64| {
            let mut out = Vec::new();
            number_text(x, &mut out);
            String::from_utf8(out).unwrap()
        };
        // The figures of our tables, and the edges of the whole-number path.
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.22340425531914893,
            1.0000000000000002,
            1302.0,
            45678.0,
            1e15,
            1e16,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            9_007_199_254_740_994.0,
            2f64.powi(60),
            1e21,
            1e300,
            1.5e-7,
            1e-5,
            0.0001,
            5e-324,
            f64::MAX,
            f64::MIN,
            -123.456,
            63.099999999999994,
            270.0333333333333,
        ] {
            assert_eq!(text(x), format!("{x}"), "{x:e}");
        }
        // Pseudo-random bit patterns (a fixed xorshift) and fractions: the same text as
        // `Display`, also where the value lies halfway between two shortest texts (ryu
        // rounds such a tie to even, `Display` up: `render::ryu_display` sends those to
        // `Display`). Never an exponent.
        let mut s: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            for x in [f64::from_bits(s), (s % 1_000_000) as f64 / 1000.0] {
                if !x.is_finite() {
                    continue;
                }
                let ours = text(x);
                assert_eq!(ours, format!("{x}"), "{x:e}");
                assert!(!ours.contains('e'), "{ours}");
            }
        }
        for tie in [6_632_827_120_354_249.0 / 4.0, 4_503_599_627_370_495.5, 0.5] {
            assert_eq!(text(tie), format!("{tie}"));
        }
    }

    #[test]
    fn cell_text_is_escaped_as_excel_escapes_it() {
        let esc = |s: &str| {
            let mut out = Vec::new();
            cell_text(s, &mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(esc("Helse og velferd"), "Helse og velferd");
        assert_eq!(esc("A & B <c>"), "A &amp; B &lt;c&gt;");
        assert_eq!(esc("a\u{1}b\tc\nd\re"), "a_x0001_b\tc\nd_x000D_e");
        assert_eq!(esc("_x0041_ and _x12_"), "_x005F_x0041_ and _x12_");
        assert_eq!(esc("snake_case_x"), "snake_case_x");
        assert_eq!(esc("\u{FFFE}æøå"), "_xFFFE_æøå");
    }

    #[test]
    fn text_longer_than_a_cell_holds_is_cut_at_a_character() {
        let long = "ø".repeat(MAX_TEXT + 10);
        assert_eq!(within_limit(&long).chars().count(), MAX_TEXT);
        let emoji = "😀".repeat(MAX_TEXT); // two UTF-16 units each
        assert_eq!(within_limit(&emoji).chars().count(), MAX_TEXT / 2);
        assert_eq!(within_limit("kort"), "kort");
    }

    #[test]
    fn column_names_and_widths() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 701, 702, 16_383]
            .into_iter()
            .map(column_name)
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
        let c = |width| Column { width, style: 4 };
        assert_eq!(
            col_element(0, 1, c(12.0)),
            "<col min=\"1\" max=\"2\" width=\"12.7109375\" style=\"4\" customWidth=\"1\"/>"
        );
    }

    /// Cells in a row one after another carry no reference; the first cell after a gap,
    /// and a row's first cell past column A, do; and a reader puts every cell where it
    /// was written (calamine, as the tests read workbooks).
    #[test]
    fn only_cells_after_a_gap_carry_their_reference() {
        let cols = [Column {
            width: 10.0,
            style: 0,
        }; 4];
        let mut styles = Styles::default();
        let one_decimal = styles.number("0.0");
        let mut w = SheetWriter::new(&cols, 2).unwrap();
        for (j, h) in ["a", "b", "c", "d"].into_iter().enumerate() {
            w.text(0, j, h, HEADER).unwrap();
        }
        w.number(1, 0, 1.0, 0).unwrap();
        w.text(1, 1, "", 0).unwrap(); // empty text: no cell
        w.number(1, 2, 3.0, one_decimal).unwrap();
        w.number(1, 3, 4.0, 0).unwrap();
        w.text(2, 1, "x", 0).unwrap();
        w.number(2, 2, 2.5, 0).unwrap();
        let sheet = w.finish().unwrap();
        let bytes = package(
            &styles,
            vec![("Ark".to_string(), sheet)],
            &Properties {
                author: "ikrapport".into(),
                created: "2026-01-01T00:00:00Z".into(),
            },
        )
        .unwrap();
        let xml = {
            use std::io::Read;
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            let mut f = z.by_name("xl/worksheets/sheet1.xml").unwrap();
            let mut t = String::new();
            f.read_to_string(&mut t).unwrap();
            t
        };
        let data = &xml[xml.find("<sheetData>").unwrap()..];
        assert!(
            data.contains(
                "<row r=\"2\"><c><v>1</v></c><c r=\"C2\" s=\"4\"><v>3</v></c><c><v>4</v></c></row>"
            ),
            "{data}"
        );
        assert!(
            data.contains("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\">"),
            "{data}"
        );
        assert_eq!(data.matches(" r=\"").count(), 3 + 2, "{data}");
        assert!(with_cell_references(data).contains("<c r=\"D2\"><v>4</v></c>"));
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("Ark").unwrap();
        use calamine::Data::{Empty, Float};
        let text = |t: &str| calamine::Data::String(t.to_string());
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Empty);
        assert_eq!(cell(0, 3), text("d"));
        assert_eq!(
            [cell(1, 0), cell(1, 1), cell(1, 2), cell(1, 3)],
            [Float(1.0), Empty, Float(3.0), Float(4.0)]
        );
        assert_eq!(
            [cell(2, 0), cell(2, 1), cell(2, 2), cell(2, 3)],
            [Empty, text("x"), Float(2.5), Empty]
        );
    }

    #[test]
    fn cells_out_of_order_or_outside_the_sheet_are_refused() {
        let cols = [Column {
            width: 10.0,
            style: 0,
        }; 2];
        let mut w = SheetWriter::new(&cols, 3).unwrap();
        w.text(0, 0, "a", HEADER).unwrap();
        w.text(0, 1, "b", HEADER).unwrap();
        assert!(w.number(0, 1, 1.0, 0).is_err(), "the same cell twice");
        w.number(2, 0, 1.0, 0).unwrap();
        assert!(w.number(1, 0, 1.0, 0).is_err(), "a row above");
        assert!(w.number(3, 2, 1.0, 0).is_err(), "a third column of two");
        assert!(
            w.number(MAX_ROWS, 0, 1.0, 0).is_err(),
            "past Excel's last row"
        );
        w.number(3, 1, 2.5, 0).unwrap();
        assert!(w.finish().is_ok());
    }
}
