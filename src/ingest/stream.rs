//! A large text export read and typed at the same time (issue 8, point 6): the reader
//! decodes and splits the file into chunks of records on a thread of its own, a couple of
//! chunks ahead, while rayon's pool types the chunks already read. Each chunk's text is
//! dropped once it is typed, so memory holds the typed table and a few chunks of text,
//! not the whole file as text. `parts` is the reading and the order; what a chunk
//! becomes is the caller's: a frame of typed rows (`process`), or a survey's respondents
//! and answers (`survey::process_streamed`).

use super::grid::{Grid, TextRows};
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
    rest: TextReader<R>,
    header: &Header,
    ctx: &FileCtx<'_>,
) -> Result<Processed, TextError> {
    let parts = parts(
        rest,
        || table::process(head, header, ctx),
        |grid| table::process_from(grid, 0, header, ctx),
    )?;
    Ok(table::combine(parts))
}

/// The rows of a file as parts in file order: `first` of the rows already read (the
/// head, typed while the reader goes on), then `each` of every further chunk, the chunks
/// typed in parallel while the reader decodes the next ones.
pub fn parts<R, P>(
    mut rest: TextReader<R>,
    first: impl FnOnce() -> P + Send,
    each: impl Fn(&Grid) -> P + Sync + Send,
) -> Result<Vec<P>, TextError>
where
    R: Read + Send,
    P: Send,
{
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
        let (first, mut parts) = rayon::join(first, || {
            rx.into_iter()
                .par_bridge()
                .map_with(back_tx, |back, (i, rows)| {
                    let grid = Grid::text(rows);
                    let part = each(&grid);
                    if let Some(rows) = grid.into_text() {
                        // The reader may have finished; then the chunk is dropped.
                        let _ = back.send(rows);
                    }
                    (i, part)
                })
                .collect::<Vec<_>>()
        });
        match reader.join() {
            Ok(r) => r?,
            Err(panic) => std::panic::resume_unwind(panic),
        }
        parts.sort_by_key(|p| p.0);
        Ok(std::iter::once(first)
            .chain(parts.into_iter().map(|p| p.1))
            .collect())
    })
}
