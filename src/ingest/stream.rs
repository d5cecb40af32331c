//! A large text export read and typed at the same time (issue 8, point 6): the reader
//! decodes and splits the file into chunks of records on a thread of its own, a couple of
//! chunks ahead, while rayon's pool types the chunks already read into frames. Each
//! chunk's text is dropped once it is a frame, so memory holds the typed table and a few
//! chunks of text, not the whole file as text.

use super::grid::{Grid, Rows, TextRows};
use super::row::{FileCtx, Processed};
use super::table::{self, Header};
use super::text::{CHUNK_ROWS, TextError, TextReader};
use rayon::prelude::*;
use std::io::Read;

/// How many chunks the reader may be ahead of the typing.
const AHEAD: usize = 2;

/// Type the rows below the header in `head` and every record `rest` still holds.
pub fn process<R: Read + Send>(
    head: &Grid,
    mut rest: TextReader<R>,
    header: &Header,
    ctx: &FileCtx<'_>,
) -> Result<Processed, TextError> {
    let (tx, rx) = std::sync::mpsc::sync_channel(AHEAD);
    // Chunks typed go back to the reader, which writes the next ones into them.
    let (back_tx, back_rx) = std::sync::mpsc::channel::<TextRows>();
    std::thread::scope(|s| {
        let reader = s.spawn(move || -> Result<(), TextError> {
            let mut i = 0usize;
            loop {
                let spare = back_rx.try_recv().unwrap_or_default();
                let Some(rows) = rest.next_chunk_into(CHUNK_ROWS, spare)? else {
                    break;
                };
                i += 1;
                // The receiver is gone only if typing stopped; nothing is left to do.
                if tx.send((i, rows)).is_err() {
                    break;
                }
            }
            Ok(())
        });
        let (first, mut parts) = rayon::join(
            || table::process(head, header, ctx),
            || {
                rx.into_iter()
                    .par_bridge()
                    .map_with(back_tx, |back, (i, rows)| {
                        let grid = Grid::text(rows);
                        let part = table::process_from(&grid, 0, header, ctx);
                        if let Some(rows) = grid.into_text() {
                            // The reader may have finished; then the chunk is dropped.
                            let _ = back.send(rows);
                        }
                        (i, part)
                    })
                    .collect::<Vec<_>>()
            },
        );
        match reader.join() {
            Ok(r) => r?,
            Err(panic) => std::panic::resume_unwind(panic),
        }
        parts.sort_by_key(|p| p.0);
        let all = std::iter::once(first).chain(parts.into_iter().map(|p| p.1));
        Ok(table::combine(all.collect()))
    })
}

/// Append every record `rest` still holds to the text grid `head`.
pub fn read_all<R: Read>(head: &mut Grid, rest: &mut TextReader<R>) -> Result<(), TextError> {
    let Rows::Text(rows) = &mut head.rows else {
        return Ok(());
    };
    while let Some(more) = rest.next_chunk(CHUNK_ROWS)? {
        if !rows.append(more) {
            return Err(TextError::TooLarge);
        }
    }
    Ok(())
}
