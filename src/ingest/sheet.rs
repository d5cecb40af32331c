//! Spreadsheets (`.xlsx`, `.xlsm`, `.xls`, `.ods`) through calamine: sheet list with
//! visibility, cached formula values, merged cells (every cell of a merged region takes
//! the top-left value), and the workbook's date system.
//!
//! The file's first bytes decide the reader, not its name: an encrypted (password-
//! protected) `.xlsx` is an OLE compound file, not a zip, and says so.

use super::grid::{Grid, Rows};
use calamine::{Data, Dimensions, Ods, Reader, SheetVisible, Xls, Xlsx};
use std::io::Cursor;

/// Why a workbook could not be opened.
#[derive(Debug, PartialEq)]
pub enum SheetError {
    /// An OLE container where a zip was expected: Excel's password protection.
    Encrypted,
    /// Not a spreadsheet at all (random bytes, another format renamed).
    NotASpreadsheet,
    /// A zip that is cut short or broken.
    Damaged(String),
    /// No sheet has any cells.
    NoSheets,
}

/// A sheet's name and whether Excel shows it.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub name: String,
    pub visible: bool,
}

enum Book {
    Xlsx(Xlsx<Cursor<Vec<u8>>>),
    Xls(Xls<Cursor<Vec<u8>>>),
    Ods(Ods<Cursor<Vec<u8>>>),
}

/// An open workbook.
pub struct Workbook {
    book: Book,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Workbook {
    /// Open a workbook from its bytes; `ext` is the lower-case file extension.
    pub fn open(bytes: Vec<u8>, ext: &str) -> Result<Workbook, SheetError> {
        let book = if bytes.starts_with(ZIP_MAGIC) {
            if ext == "ods" {
                Book::Ods(
                    Ods::new(Cursor::new(bytes)).map_err(|e| SheetError::Damaged(e.to_string()))?,
                )
            } else {
                Book::Xlsx(
                    Xlsx::new(Cursor::new(bytes))
                        .map_err(|e| SheetError::Damaged(e.to_string()))?,
                )
            }
        } else if bytes.starts_with(CFB_MAGIC) {
            if ext == "xls" {
                Book::Xls(Xls::new(Cursor::new(bytes)).map_err(|e| {
                    let m = e.to_string();
                    if m.to_lowercase().contains("password") || m.to_lowercase().contains("encrypt")
                    {
                        SheetError::Encrypted
                    } else {
                        SheetError::Damaged(m)
                    }
                })?)
            } else {
                // A .xlsx/.xlsm in an OLE container is an encrypted package
                // (ECMA-376 part 2 "EncryptedPackage").
                return Err(SheetError::Encrypted);
            }
        } else {
            return Err(SheetError::NotASpreadsheet);
        };
        Ok(Workbook { book })
    }

    /// Sheets in workbook order.
    pub fn sheets(&self) -> Vec<SheetInfo> {
        let meta = match &self.book {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Xls(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
        };
        meta.iter()
            .map(|s| SheetInfo {
                name: s.name.clone(),
                visible: s.visible == SheetVisible::Visible,
            })
            .collect()
    }

    /// Read one sheet into a grid with merged cells filled in.
    pub fn grid(&mut self, name: &str) -> Result<Grid, SheetError> {
        let (range, merges, date1904) = match &mut self.book {
            Book::Xlsx(b) => {
                let r = b
                    .worksheet_range(name)
                    .map_err(|e| SheetError::Damaged(e.to_string()))?;
                let m = b.merge_cells_by_sheet_name(name).unwrap_or_default();
                (r, m, b.has_1904_epoch())
            }
            Book::Xls(b) => {
                let r = b
                    .worksheet_range(name)
                    .map_err(|e| SheetError::Damaged(e.to_string()))?;
                let m = b.merge_cells_by_sheet_name(name).unwrap_or_default();
                (r, m, false)
            }
            Book::Ods(b) => {
                let r = b
                    .worksheet_range(name)
                    .map_err(|e| SheetError::Damaged(e.to_string()))?;
                (r, Vec::new(), false)
            }
        };
        let Some((r0, c0)) = range.start() else {
            return Ok(Grid {
                sheet: Some(name.to_string()),
                rows: Rows::Cells(Vec::new()),
                date1904,
            });
        };
        let (h, w) = range.get_size();
        // Absolute column 0 is column A: pad on the left so that column letters line up
        // with merged-region coordinates.
        // The cells are moved out of calamine's range, not cloned (a text cell is a
        // `String`: a copy of every one doubled the time and memory of a large sheet).
        let mut range = range;
        let mut rows: Vec<(u64, Vec<Data>)> = (0..h)
            .map(|i| {
                let mut cells = vec![Data::Empty; c0 as usize];
                cells.reserve(w);
                cells.extend(range[i].iter_mut().map(std::mem::take));
                (r0 as u64 + i as u64 + 1, cells)
            })
            .collect();
        fill_merged(&mut rows, r0, &merges);
        Ok(Grid {
            sheet: Some(name.to_string()),
            rows: Rows::Cells(rows),
            date1904,
        })
    }
}

/// Every cell of a merged region takes the region's top-left value.
fn fill_merged(rows: &mut [(u64, Vec<Data>)], r0: u32, merges: &[Dimensions]) {
    for m in merges {
        let (sr, sc) = m.start;
        let (er, ec) = m.end;
        if sr < r0 {
            continue;
        }
        let top = (sr - r0) as usize;
        let Some(value) = rows.get(top).and_then(|(_, c)| c.get(sc as usize)).cloned() else {
            continue;
        };
        for r in sr..=er {
            let Some((_, cells)) = rows.get_mut((r - r0) as usize) else {
                break;
            };
            for c in sc..=ec {
                let c = c as usize;
                if c >= cells.len() {
                    cells.resize(c + 1, Data::Empty);
                }
                if (r, c as u32) != (sr, sc) {
                    cells[c] = value.clone();
                }
            }
        }
    }
}
