//! Surveys: a codebook says what each column of a wide export is; the rows become the
//! long canonical table `respondent_id, sector, unit, role, kommunenummer,
//! submitted_date, survey, question, answer, answer_order` (01-inputs.md, source 3), one
//! row per respondent × question × chosen option.
//!
//! Multi-select questions come in both export styles: one column per option (header
//! `Question: Option`, `question_id_option` or the bare option text; the cell is
//! `1`/`x`/`ja`/the option's text when chosen) or one column with options joined by `;`.
//! In the one-column-per-option form a respondent who ticked nothing answered the
//! question and gets one row with a blank answer, so that denominators count them
//! (Trondheim's "195 (26 %)" is of all 750 respondents); only where the export marks
//! unticked boxes with `0`/`nei` do all-blank boxes mean "not asked".

use super::grid::{Cell, Grid};
use super::headers::{key, match_header};
use super::row::{FileCtx, Issue, Value};
use super::schema::{ColumnSpec, SURVEY_RESPONDENT};
use super::table::{Header, Use};
use super::values::parse_text;
use crate::error::{Error, Result};
use crate::i18n::{Reason, Severity};
use polars::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in codebook of the ROS-practice survey.
pub const DEFAULT_CODEBOOK: &str = include_str!("../assets/ros-praksis-kodebok.toml");

/// Question kinds (01-inputs.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multi,
    Band,
    Likert,
    YesNo,
    Text,
}

/// One question of a codebook.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub text: String,
    /// More headers the survey tool may write for this question.
    #[serde(default)]
    pub headers: Vec<String>,
    /// Options in order (answer_order = position, 1-based). Likert and yes/no have
    /// built-in options when left out.
    #[serde(default)]
    pub options: Vec<String>,
    /// Other ways the export writes an option.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
}

/// A survey codebook.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    /// Written to the `survey` column.
    pub survey: String,
    /// Extra header aliases of respondent columns.
    #[serde(default)]
    pub respondent: BTreeMap<String, Vec<String>>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
    /// Per question: normalised option text → option index (built by `parse`).
    #[serde(skip)]
    lookup: Vec<PlHashMap<String, usize>>,
}

const LIKERT_LABELS: [&[&str]; 5] = [
    &["helt uenig", "svært uenig", "1 - helt uenig"],
    &["uenig", "litt uenig", "delvis uenig"],
    &[
        "verken enig eller uenig",
        "nøytral",
        "verken eller",
        "hverken enig eller uenig",
    ],
    &["enig", "litt enig", "delvis enig"],
    &["helt enig", "svært enig", "5 - helt enig"],
];

impl Codebook {
    /// Parse a codebook; `path` is named in messages.
    pub fn parse(text: &str, path: &Path, lang: crate::i18n::Lang) -> Result<Codebook> {
        let mut cb: Codebook = toml::from_str(text).map_err(|e| {
            let line = crate::config::toml_error_line(text, &e);
            Error::Config {
                file: path.to_path_buf(),
                message: tr!(
                    lang,
                    "codebook-invalid",
                    path = path,
                    line = line.to_string(),
                    why = e.message().trim().to_string()
                ),
            }
        })?;
        cb.lookup.clear();
        for q in &mut cb.questions {
            match q.kind {
                QuestionKind::Likert if q.options.is_empty() => {
                    q.options = (1..=5).map(|i| i.to_string()).collect();
                    for (i, labels) in LIKERT_LABELS.iter().enumerate() {
                        q.labels
                            .entry((i + 1).to_string())
                            .or_default()
                            .extend(labels.iter().map(|s| s.to_string()));
                    }
                }
                QuestionKind::YesNo if q.options.is_empty() => {
                    q.options = vec!["ja".into(), "nei".into(), "ikke relevant".into()];
                    q.labels
                        .entry("ja".into())
                        .or_default()
                        .extend(["yes".into(), "j".into()]);
                    q.labels
                        .entry("nei".into())
                        .or_default()
                        .extend(["no".into(), "n".into()]);
                    q.labels.entry("ikke relevant".into()).or_default().extend([
                        "ikkje relevant".into(),
                        "not relevant".into(),
                        "i/r".into(),
                    ]);
                }
                _ => {}
            }
            let mut map = PlHashMap::new();
            for (i, o) in q.options.iter().enumerate() {
                let texts = std::iter::once(o).chain(q.labels.get(o).into_iter().flatten());
                for t in texts {
                    map.entry(key(t)).or_insert(i);
                    map.entry(dashes(&key(t))).or_insert(i);
                }
            }
            cb.lookup.push(map);
            if q.options.is_empty() && !matches!(q.kind, QuestionKind::Text) {
                return Err(Error::Config {
                    file: path.to_path_buf(),
                    message: tr!(
                        lang,
                        "codebook-no-options",
                        path = path,
                        question = q.id.as_str()
                    ),
                });
            }
        }
        Ok(cb)
    }

    /// The built-in ROS-practice codebook.
    pub fn default_ros() -> Codebook {
        Codebook::parse(
            DEFAULT_CODEBOOK,
            Path::new("ros-praksis-kodebok.toml"),
            crate::i18n::Lang::Nb,
        )
        .expect("the built-in codebook parses")
    }

    fn question_by_header(&self, k: &str) -> Option<usize> {
        self.questions.iter().position(|q| {
            key(&q.id) == k
                || (!q.text.is_empty() && key(&q.text) == k)
                || q.headers.iter().any(|h| key(h) == k)
        })
    }

    /// Which column a header is: a whole question, or one option of a multi question.
    fn classify(&self, header: &str) -> Option<QCol> {
        let k = key(header);
        if let Some(q) = self.question_by_header(&k) {
            return Some(QCol::Whole(q));
        }
        // "Question: Option" / "Question - Option" / "question_id_option"
        for sep in [": ", " - ", ":", " – "] {
            if let Some(pos) = header.rfind(sep) {
                let (qh, oh) = (&header[..pos], &header[pos + sep.len()..]);
                if let Some(q) = self.question_by_header(&key(qh)) {
                    if self.questions[q].kind == QuestionKind::Multi {
                        if let Some(o) = self.option_of(q, oh) {
                            return Some(QCol::Option(q, o));
                        }
                    }
                }
            }
        }
        for (qi, q) in self.questions.iter().enumerate() {
            if q.kind != QuestionKind::Multi {
                continue;
            }
            let idk = key(&q.id);
            if let Some(rest) = k.strip_prefix(&format!("{idk} ")) {
                if let Some(o) = self.option_of(qi, rest) {
                    return Some(QCol::Option(qi, o));
                }
            }
        }
        // A bare option text, when it belongs to exactly one multi question.
        let hits: Vec<(usize, usize)> = self
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind == QuestionKind::Multi)
            .filter_map(|(qi, _)| self.option_of(qi, header).map(|o| (qi, o)))
            .collect();
        if hits.len() == 1 {
            return Some(QCol::Option(hits[0].0, hits[0].1));
        }
        None
    }

    /// The option index of an answer text (option, its labels, or its 1-based number for
    /// ordinal questions).
    fn option_of(&self, q: usize, text: &str) -> Option<usize> {
        let k = key(text);
        if k.is_empty() {
            return None;
        }
        let map = self.lookup.get(q)?;
        map.get(&k).or_else(|| map.get(&dashes(&k))).copied()
    }
}

/// En and em dashes as hyphens, spaces removed: "1 – 5" and "1-5" are one option.
fn dashes(s: &str) -> String {
    s.replace(['–', '—'], "-").replace(' ', "")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum QCol {
    Whole(usize),
    Option(usize, usize),
}

/// Header acceptance for the survey: a sector column and at least one question column.
pub fn has_question_column(cb: &Codebook, grid: &Grid, i: usize) -> bool {
    (0..grid.width(i)).any(|c| match grid.cell(i, c) {
        Cell::Text(s) => cb.classify(s).is_some(),
        _ => false,
    })
}

/// Extra respondent-column aliases from the codebook and the config.
pub fn respondent_aliases<'a>(
    cb: &'a Codebook,
    config: &'a crate::config::Config,
) -> impl Fn(&str) -> Vec<String> + 'a {
    move |col: &str| {
        let mut v = cb.respondent.get(col).cloned().unwrap_or_default();
        v.extend(config.extra_aliases(crate::source::SourceKind::Survey, col));
        v
    }
}

/// The uses of each column: respondent columns as found by the header matcher; question
/// columns re-labelled from "extra" to the question they are.
pub fn question_columns(
    cb: &Codebook,
    header: &mut Header,
) -> Vec<(usize, String, Option<String>)> {
    let mut out = Vec::new();
    for (g, u) in header.uses.iter_mut().enumerate() {
        if let Use::Extra(_) = u {
            if let Some(qc) = cb.classify(&header.texts[g]) {
                let (q, opt) = match qc {
                    QCol::Whole(q) => (q, None),
                    QCol::Option(q, o) => (q, Some(cb.questions[q].options[o].clone())),
                };
                out.push((g, cb.questions[q].id.clone(), opt.clone()));
                *u = Use::Skip;
                if let Some(m) = header
                    .matches
                    .iter_mut()
                    .find(|m| m.header == header.texts[g])
                {
                    m.column = match &opt {
                        Some(o) => format!("{} = {o}", cb.questions[q].id),
                        None => cb.questions[q].id.clone(),
                    };
                    m.role = "question";
                }
            }
        }
    }
    out
}

fn chosen(cell: Cell<'_>) -> bool {
    match cell {
        Cell::Bool(b) => b,
        Cell::Number(n) => n != 0.0,
        Cell::Text(s) => {
            let t = s.trim();
            // Fast path for the usual export values before normalising.
            match t {
                "1" | "x" | "X" | "Ja" | "ja" => true,
                "" | "0" | "-" => false,
                _ => !matches!(key(t).as_str(), "" | "0" | "nei" | "no" | "false" | "-"),
            }
        }
        _ => false,
    }
}

/// The question columns of a file: (grid column, question id, option for the
/// one-column-per-option form).
pub type QCols = [(usize, String, Option<String>)];

/// The long table being built: one row per kept respondent, and per answer a pointer to
/// its respondent, so the respondent columns are gathered once at the end instead of
/// cloned per answer. An answer is held as codes (12 bytes, where two texts and an order
/// took 72): its question's index in the codebook, and its option's index or its text's
/// place in `texts`; the texts are made once, as the dictionaries of the columns.
#[derive(Default)]
struct Long {
    resp: Vec<Vec<Value>>,
    resp_extras: Vec<Vec<Option<String>>>,
    resp_rows: Vec<i64>,
    owner: Vec<u32>,
    /// The question's index in the codebook, or `NONE`.
    question: Vec<u32>,
    /// The option's index (below `TEXT`), `TEXT` + the index of a free-text answer in
    /// `texts`, or `NONE`.
    answer: Vec<u32>,
    texts: Vec<String>,
}

const NONE: u32 = u32::MAX;
/// An `Answered::Unmarked` until the whole file is read (`finish`).
const UNMARKED: u32 = u32::MAX - 1;
const TEXT: u32 = 1 << 31;

/// One answer: the question's index in the codebook and what was answered.
type Answer = (usize, Answered);

/// What one answer is.
enum Answered {
    /// The option at this index (its 1-based position is `answer_order`).
    Option(usize),
    /// Free text.
    Text(String),
    /// Nothing ticked in a multi-select that was answered.
    Blank,
    /// Every box of a one-column-per-option question left blank: answered with nothing
    /// ticked, unless the export marks unticked boxes (`0`/`nei`) somewhere in the file;
    /// then not asked (01-inputs.md, `multi`). Which it is is known once every row of the
    /// file has been read (`Part::marks`).
    Unmarked,
}

/// Reads one respondent's answers, remembering normalised answer texts across rows.
struct AnswerReader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    qcols: &'a QCols,
    cb: &'a Codebook,
    /// Per question column: its question, and in the one-column-per-option form its
    /// option (index), found once for the file.
    qis: Vec<(usize, Option<usize>)>,
    /// Per question: a box of this question marked unticked (`0`/`nei`) in the rows read.
    marks: Vec<bool>,
    /// Per question: answer text → option, or Err for a "don't know" that is missing.
    memo: Vec<PlHashMap<Box<str>, OptionOf>>,
    /// Per question, for the row being read: (any option chosen, any box marked) of a
    /// one-column-per-option question.
    boxes: Vec<Option<(bool, bool)>>,
}

/// The option an answer text is (`None`: not an option), or `Err` for a "don't know".
type OptionOf = std::result::Result<Option<usize>, ()>;

/// A cell's text as the user wrote it, borrowed when it is text.
fn cell_text<'c>(cell: &Cell<'c>) -> std::borrow::Cow<'c, str> {
    match cell {
        Cell::Text(s) => std::borrow::Cow::Borrowed(s),
        other => std::borrow::Cow::Owned(other.display()),
    }
}

impl AnswerReader<'_> {
    /// The answers of row `i`, and warnings for answers that are not options.
    fn read(&mut self, i: usize, issues: &mut Vec<Issue>) -> Vec<Answer> {
        let mut answers: Vec<Answer> = Vec::new();
        self.boxes.iter_mut().for_each(|b| *b = None);
        for (k, (g, qid, opt)) in self.qcols.iter().enumerate() {
            let (qi, oi) = self.qis[k];
            let q = &self.cb.questions[qi];
            let cell = self.grid.cell(i, *g);
            if q.kind == QuestionKind::Multi && opt.is_some() {
                let e = self.boxes[qi].get_or_insert((false, false));
                let marked = !cell.is_blank();
                e.1 |= marked;
                // A cell holding the option's own text also means "chosen".
                let ticked = chosen(cell);
                self.marks[qi] |= marked && !ticked;
                if ticked {
                    e.0 = true;
                    let oi = oi.unwrap_or(0);
                    answers.push((qi, Answered::Option(oi)));
                }
                continue;
            }
            if cell.is_blank() {
                continue;
            }
            let mut unknown = || {
                issues.push((
                    self.header.texts[*g].clone(),
                    cell.display(),
                    Reason::UnknownAnswer {
                        question: qid.clone(),
                    },
                    Severity::Warning,
                ))
            };
            match q.kind {
                QuestionKind::Text => {
                    if let Some(t) = parse_text(cell) {
                        answers.push((qi, Answered::Text(t)));
                    }
                }
                QuestionKind::Multi => {
                    let text = cell_text(&cell);
                    for part in text
                        .split([';', '|', '\n'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                    {
                        match self.option(qi, part) {
                            Ok(Some(oi)) => answers.push((qi, Answered::Option(oi))),
                            Ok(None) => unknown(),
                            Err(()) => {}
                        }
                    }
                }
                _ => match self.option(qi, &cell_text(&cell)) {
                    Ok(Some(oi)) => answers.push((qi, Answered::Option(oi))),
                    Ok(None) => unknown(),
                    Err(()) => {}
                },
            }
        }
        // Ticked nothing: answered (one row with a blank answer, so that denominators
        // count it and no option does), unless blank boxes mean "not asked" in this file.
        for (qi, b) in self.boxes.iter().enumerate() {
            match *b {
                Some((false, true)) => answers.push((qi, Answered::Blank)),
                Some((false, false)) => answers.push((qi, Answered::Unmarked)),
                _ => {}
            }
        }
        answers
    }

    /// The option an answer text is (answer texts repeat: each distinct one is normalised
    /// once); `Err` for a Likert "don't know", which is missing, not an answer.
    fn option(&mut self, qi: usize, text: &str) -> OptionOf {
        let (cb, kind) = (self.cb, self.cb.questions[qi].kind);
        if let Some(v) = self.memo[qi].get(text) {
            return *v;
        }
        let missing = kind == QuestionKind::Likert
            && matches!(
                key(text).as_str(),
                "vet ikke" | "veit ikkje" | "don't know" | "ikke relevant"
            );
        let v = if missing {
            Err(())
        } else {
            Ok(cb.option_of(qi, text))
        };
        self.memo[qi].insert(text.into(), v);
        v
    }
}

/// The respondent columns of row `i` (`src_of`: the header's grid column of each, found
/// once a file, not once a row), with defaults (generated id, kommunenummer from the
/// config), and their issues.
fn respondent(
    grid: &Grid,
    (header, src_of): (&Header, &[Option<usize>]),
    i: usize,
    ctx: &FileCtx<'_>,
    memo: &mut [super::table::Memo],
    issues: &mut Vec<Issue>,
) -> Vec<Value> {
    let cols: &[ColumnSpec] = SURVEY_RESPONDENT;
    let mut values = Vec::with_capacity(cols.len());
    for (j, spec) in cols.iter().enumerate() {
        values.push(match src_of[j] {
            None => Value::Null,
            Some(g) => match memo[j].read(ctx, spec, grid.cell(i, g), grid.date1904) {
                Ok(v) => v,
                Err((r, s)) => {
                    let v = match &r {
                        Reason::GuessedEnum { guessed } => Value::Str(guessed.as_str().into()),
                        _ => Value::Null,
                    };
                    issues.push((header.texts[g].clone(), grid.cell(i, g).display(), r, s));
                    v
                }
            },
        });
    }
    if values[0] == Value::Null {
        values[0] = Value::Str(ctx.generated_id(grid.row_number(i)));
    }
    if values[1] == Value::Null {
        if let Some(k) = &ctx.config.kommunenummer {
            values[1] = Value::Str(k.as_str().into());
        }
    }
    values
}

/// The respondents of some rows of a survey, in row order: a part of the long table.
struct Part {
    long: Long,
    dq: Vec<super::quality::DqRow>,
    read: usize,
    rejected: usize,
    /// Per question: a box marked unticked in these rows (`AnswerReader::marks`).
    marks: Vec<bool>,
}

/// Process the survey rows of `grid` (below the header) into the long table.
pub fn process(
    grid: &Grid,
    header: &Header,
    qcols: &QCols,
    cb: &Codebook,
    ctx: &FileCtx<'_>,
) -> super::table::Processed {
    let part = read_part(grid, header.index + 1, header, qcols, cb, ctx);
    finish(vec![part], header, cb, ctx)
}

/// Process the survey rows below the header in `head` and every record `rest` still
/// holds, chunk by chunk as they are read (issue 8, point 6): memory holds the long table
/// being built and a few chunks of text, not the whole export as cells. A respondent is
/// one row, so a chunk holds whole respondents.
pub fn process_streamed<R: std::io::Read + Send>(
    head: &Grid,
    rest: super::text::TextReader<R>,
    header: &Header,
    qcols: &QCols,
    cb: &Codebook,
    ctx: &FileCtx<'_>,
) -> std::result::Result<super::table::Processed, super::text::TextError> {
    let parts = super::stream::parts(
        rest,
        || read_part(head, header.index + 1, header, qcols, cb, ctx),
        |grid| read_part(grid, 0, header, qcols, cb, ctx),
    )?;
    Ok(finish(parts, header, cb, ctx))
}

/// Read the rows of `grid` from `start` on.
fn read_part(
    grid: &Grid,
    start: usize,
    header: &Header,
    qcols: &QCols,
    cb: &Codebook,
    ctx: &FileCtx<'_>,
) -> Part {
    let cols: &[ColumnSpec] = SURVEY_RESPONDENT;
    let (src_of, extras) = header.sources(cols.len());
    let mut reader = AnswerReader {
        grid,
        header,
        qcols,
        cb,
        qis: qcols
            .iter()
            .map(|(_, qid, opt)| {
                let qi = cb.questions.iter().position(|q| &q.id == qid).unwrap_or(0);
                let oi = opt
                    .as_ref()
                    .and_then(|o| cb.questions[qi].options.iter().position(|x| x == o));
                (qi, oi)
            })
            .collect(),
        marks: vec![false; cb.questions.len()],
        memo: cb.questions.iter().map(|_| PlHashMap::new()).collect(),
        boxes: vec![None; cb.questions.len()],
    };
    let mut long = Long::default();
    let mut dq = Vec::new();
    let (mut read, mut rejected) = (0, 0);
    let mut rmemo: Vec<super::table::Memo> =
        cols.iter().map(super::table::Memo::for_column).collect();
    for i in start..grid.len() {
        if grid.row_is_blank(i) {
            continue;
        }
        read += 1;
        let mut issues: Vec<Issue> = Vec::new();
        let values = respondent(grid, (header, &src_of), i, ctx, &mut rmemo, &mut issues);
        let answers = reader.read(i, &mut issues);
        if super::row::record_issues(&mut dq, ctx, grid.at(i), issues) {
            rejected += 1;
            continue;
        }
        let r = long.resp.len() as u32;
        long.resp.push(values);
        long.resp_extras.push(
            extras
                .iter()
                .map(|(g, _)| parse_text(grid.cell(i, *g)))
                .collect(),
        );
        long.resp_rows.push(grid.row_number(i) as i64);
        if answers.is_empty() {
            // A respondent who answered nothing is still in the table (nothing is lost):
            // one row without a question, which every analysis's filter leaves out.
            long.owner.push(r);
            long.question.push(NONE);
            long.answer.push(NONE);
        }
        for (qi, answered) in answers {
            long.owner.push(r);
            long.question.push(qi as u32);
            long.answer.push(match answered {
                Answered::Option(oi) => (oi as u32).min(TEXT - 1),
                Answered::Text(t) => {
                    long.texts.push(t);
                    TEXT + (long.texts.len() - 1) as u32
                }
                Answered::Blank => NONE,
                Answered::Unmarked => UNMARKED,
            });
        }
    }
    Part {
        long,
        dq,
        read,
        rejected,
        marks: reader.marks,
    }
}

/// The parts of a file, in row order, as one long table: each part's respondents and
/// free-text answers numbered after the parts before it, and every `Unmarked` answer
/// decided now that the whole file has been read.
fn finish(
    parts: Vec<Part>,
    header: &Header,
    cb: &Codebook,
    ctx: &FileCtx<'_>,
) -> super::table::Processed {
    let (_, extras) = header.sources(SURVEY_RESPONDENT.len());
    // Blank boxes mean "not asked" only where the export marks unticked boxes explicitly.
    let mut explicit = vec![false; cb.questions.len()];
    for p in &parts {
        for (e, m) in explicit.iter_mut().zip(&p.marks) {
            *e |= *m;
        }
    }
    let mut long = Long::default();
    // Sized once for the whole file (at most a row per answer and one per respondent):
    // grown by doubling, a national-x10 file's 12 million rows were copied and their
    // fresh pages cleared several times over.
    let (respondents, rows): (usize, usize) = parts
        .iter()
        .map(|p| (p.long.resp.len(), p.long.owner.len()))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    long.resp.reserve_exact(respondents);
    long.resp_extras.reserve_exact(respondents);
    long.resp_rows.reserve_exact(respondents);
    for v in [&mut long.owner, &mut long.question, &mut long.answer] {
        v.reserve_exact(rows + respondents);
    }
    let (mut dq, mut read, mut rejected) = (Vec::new(), 0, 0);
    for p in parts {
        let (resp, texts) = (long.resp.len() as u32, long.texts.len() as u32);
        let l = p.long;
        long.resp.extend(l.resp);
        long.resp_extras.extend(l.resp_extras);
        long.resp_rows.extend(l.resp_rows);
        long.texts.extend(l.texts);
        // A respondent's answers are consecutive; one whose answers were all "not asked"
        // keeps one row without a question, as one who answered nothing.
        let mut kept_of: Option<u32> = None;
        let rows = l.owner.iter().zip(&l.question).zip(&l.answer);
        for (k, ((&o, &q), &a)) in rows.enumerate() {
            let owner = resp + o;
            let answer = match a {
                UNMARKED if explicit[q as usize] => None,
                UNMARKED => Some(NONE),
                a if a != NONE && a >= TEXT => Some(a + texts),
                a => Some(a),
            };
            if let Some(a) = answer {
                long.owner.push(owner);
                long.question.push(q);
                long.answer.push(a);
                kept_of = Some(owner);
            }
            let last_of_owner = l.owner.get(k + 1) != Some(&o);
            if last_of_owner && kept_of != Some(owner) {
                long.owner.push(owner);
                long.question.push(NONE);
                long.answer.push(NONE);
            }
        }
        dq.extend(p.dq);
        read += p.read;
        rejected += p.rejected;
    }
    super::table::Processed {
        kept: long.resp.len(),
        df: long.into_frame(&extras, cb, ctx),
        dq,
        read,
        rejected,
    }
}

impl Long {
    /// The long canonical table: respondent columns gathered per answer row.
    fn into_frame(
        mut self,
        extras: &[(usize, String)],
        cb: &Codebook,
        ctx: &FileCtx<'_>,
    ) -> DataFrame {
        let n = self.question.len();
        // Each respondent column is built once per respondent and gathered per answer: the
        // gathered views point into the same text, so a respondent's sector or unit is
        // held once, not once per answer (the national survey has 11 answers a respondent).
        // Converted in place (`IdxSize` is `u32` in this build: the collect reuses the
        // vector), and the question and answer columns below read the codes straight into
        // polars: at national-x10 size (12 million answers) every intermediate vector of
        // options was hundreds of megabytes of fresh memory.
        let owner = IdxCa::from_vec(
            "owner".into(),
            std::mem::take(&mut self.owner)
                .into_iter()
                .map(|r| r as IdxSize)
                .collect(),
        );
        let questions = &cb.questions;
        let gather =
            |c: Column| -> Column { c.take(&owner).expect("owners index the respondents") };
        let mut columns: Vec<Column> = Vec::new();
        for (j, spec) in SURVEY_RESPONDENT.iter().enumerate() {
            let c = if spec.name == "submitted_date" {
                let days = self.resp.iter().map(|r| r[j].days());
                super::row::primitive_column::<Int32Type>(spec.name.into(), days)
                    .into_date()
                    .into_column()
            } else {
                let s = self.resp.iter().map(|r| match &r[j] {
                    Value::Str(s) => Some(s.as_str()),
                    _ => None,
                });
                if super::table::is_dictionary_column(spec.name) {
                    super::row::repeated_text(spec.name, s)
                } else {
                    Column::new(spec.name.into(), s.collect::<Vec<_>>())
                }
            };
            columns.push(gather(c));
        }
        columns.push(super::row::constant_text("survey", &cb.survey, n));
        // The question and answer columns are dictionaries over the codebook's ids and
        // options (and the free-text answers), so no answer's text is looked up row by row.
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        columns.push(super::row::dictionary_column(
            "question",
            &ids,
            self.question.iter().map(|&c| (c != NONE).then_some(c)),
        ));
        // Every question's options one after another (the same text under two questions
        // is the same value), then the free-text answers.
        let mut first = Vec::with_capacity(questions.len());
        let mut answers: Vec<&str> = Vec::new();
        for q in questions {
            first.push(answers.len() as u32);
            answers.extend(q.options.iter().map(String::as_str));
        }
        let texts_from = answers.len() as u32;
        answers.extend(self.texts.iter().map(String::as_str));
        // An answer row's (code in `answers`, 1-based option number).
        let answered = |(&qi, &a): (&u32, &u32)| -> (Option<u32>, Option<i64>) {
            match a {
                NONE => (None, None),
                a if a >= TEXT => (Some(texts_from + a - TEXT), None),
                oi => {
                    let q = &questions[qi as usize];
                    let code = ((oi as usize) < q.options.len()).then(|| first[qi as usize] + oi);
                    (code, Some(i64::from(oi) + 1))
                }
            }
        };
        let rows = || self.question.iter().zip(&self.answer).map(answered);
        columns.push(super::row::dictionary_column(
            "answer",
            &answers,
            rows().map(|(code, _)| code),
        ));
        columns.push(
            super::row::primitive_column::<Int64Type>(
                "answer_order".into(),
                rows().map(|(_, o)| o),
            )
            .into_column(),
        );
        for (k, (_, name)) in extras.iter().enumerate() {
            let v: Vec<Option<&str>> = self.resp_extras.iter().map(|r| r[k].as_deref()).collect();
            columns.push(gather(Column::new(name.as_str().into(), v)));
        }
        columns.push(super::row::constant_text("source_file", &ctx.label, n));
        columns.push(gather(Column::new("source_row".into(), self.resp_rows)));
        DataFrame::new(n, columns).expect("columns of equal length")
    }
}

/// An empty survey table.
pub fn empty_frame() -> DataFrame {
    let mut columns: Vec<Column> = SURVEY_RESPONDENT
        .iter()
        .map(|c| {
            let dt = if c.name == "submitted_date" {
                DataType::Date
            } else {
                DataType::String
            };
            Column::new_empty(c.name.into(), &dt)
        })
        .collect();
    for (n, dt) in [
        ("survey", DataType::String),
        ("question", DataType::String),
        ("answer", DataType::String),
        ("answer_order", DataType::Int64),
        ("source_file", DataType::String),
        ("source_row", DataType::Int64),
    ] {
        columns.push(Column::new_empty(n.into(), &dt));
    }
    DataFrame::new(0, columns).expect("empty")
}

/// Match a header against the respondent columns (used for classification).
pub fn respondent_match(header: &str, extra: &dyn Fn(&str) -> Vec<String>) -> Option<usize> {
    match_header(header, SURVEY_RESPONDENT, extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_codebook_classifies_both_multi_styles() {
        let cb = Codebook::default_ros();
        assert_eq!(
            cb.classify("Hvor mange ROS-analyser har du deltatt i det siste året?"),
            Some(QCol::Whole(0))
        );
        assert_eq!(
            cb.classify("Hvilke typer ROS-analyser har du deltatt i?: Tjenestespesifikk"),
            Some(QCol::Option(1, 4))
        );
        assert_eq!(
            cb.classify("ros_types_personvern"),
            Some(QCol::Option(1, 3))
        );
        assert_eq!(
            cb.classify("Miljørettet helsevern"),
            Some(QCol::Option(3, 4))
        );
        assert_eq!(cb.classify("ros_useful"), Some(QCol::Whole(5)));
        assert_eq!(cb.option_of(0, "Mer enn 50"), Some(4));
        assert_eq!(cb.option_of(0, "1–5"), Some(1));
        assert_eq!(cb.option_of(0, "1 til 5"), Some(1));
        assert_eq!(cb.option_of(3, "Ingen – rapporterer ikke"), Some(5));
        assert_eq!(cb.option_of(5, "Helt enig"), Some(4));
        assert_eq!(cb.option_of(5, "4"), Some(3));
        assert_eq!(cb.option_of(4, "Ikke relevant"), Some(2));
    }
}
