//! Surveys: a codebook says what each column of a wide export is; the rows become the
//! long canonical table `respondent_id, sector, unit, role, kommunenummer,
//! submitted_date, survey, question, answer, answer_order` (01-inputs.md, source 3), one
//! row per respondent × question × chosen option.
//!
//! Multi-select questions come in both export styles: one column per option (header
//! `Question: Option`, `question_id_option` or the bare option text; the cell is
//! `1`/`x`/`ja`/the option's text when chosen) or one column with options joined by `;`.

use super::grid::{Cell, Grid};
use super::headers::{key, match_header};
use super::schema::{ColumnSpec, SURVEY_RESPONDENT};
use super::table::{FileCtx, Header, Use, Value};
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
        let mut cb: Codebook = toml::from_str(text).map_err(|e| Error::Config {
            file: path.to_path_buf(),
            message: format!(
                "{} {} {}: {}",
                lang.pick("Kodeboken", "Kodeboka", "The codebook"),
                path.display(),
                lang.pick("kan ikke leses", "kan ikkje lesast", "cannot be read"),
                e.message()
            ),
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
                    message: format!(
                        "{} {}: {} «{}» {}",
                        lang.pick("Kodeboken", "Kodeboka", "The codebook"),
                        path.display(),
                        lang.pick("spørsmålet", "spørsmålet", "the question"),
                        q.id,
                        lang.pick(
                            "mangler svaralternativer (options)",
                            "manglar svaralternativ (options)",
                            "has no answer options (options)"
                        )
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
        v.extend(config.extra_aliases("survey", col));
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

/// Process the survey rows into the long table.
pub fn process(
    grid: &Grid,
    header: &Header,
    qcols: &[(usize, String, Option<String>)],
    cb: &Codebook,
    ctx: &FileCtx<'_>,
) -> super::table::Processed {
    let cols: &[ColumnSpec] = SURVEY_RESPONDENT;
    let (src_of, extras) = header.sources(cols.len());
    let qindex: BTreeMap<&str, usize> = cb
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    // One row per kept respondent; each answer row points at its respondent, so the
    // respondent columns are gathered once at the end instead of cloned per answer.
    let mut resp: Vec<Vec<Value>> = Vec::new();
    let mut resp_extras: Vec<Vec<Option<String>>> = Vec::new();
    let mut resp_rows: Vec<i64> = Vec::new();
    let (mut owner, mut question, mut answer, mut order) = (
        Vec::<usize>::new(),
        Vec::<String>::new(),
        Vec::<Option<String>>::new(),
        Vec::<Option<i64>>::new(),
    );
    let mut dq = Vec::new();
    let (mut read, mut rejected) = (0, 0);
    // (question, answer text) → option, or Err for a "don't know" that is missing.
    let mut memo: PlHashMap<(usize, String), Result<Option<usize>, ()>> = PlHashMap::new();
    let mut rmemo: Vec<super::table::Memo> =
        cols.iter().map(super::table::Memo::for_column).collect();
    for i in header.index + 1..grid.len() {
        if grid.row_is_blank(i) {
            continue;
        }
        read += 1;
        let row = grid.row_number(i);
        let mut values = Vec::with_capacity(cols.len());
        let mut issues: Vec<(String, String, Reason, Severity)> = Vec::new();
        for (j, spec) in cols.iter().enumerate() {
            values.push(match src_of[j] {
                None => Value::Null,
                Some(g) => match rmemo[j].read(ctx, spec, grid.cell(i, g), grid.date1904) {
                    Ok(v) => v,
                    Err((r, s)) => {
                        let v = match &r {
                            Reason::GuessedEnum { guessed } => Value::Str(guessed.clone()),
                            _ => Value::Null,
                        };
                        issues.push((header.texts[g].clone(), grid.cell(i, g).display(), r, s));
                        v
                    }
                },
            });
        }
        if values[0] == Value::Null {
            values[0] = Value::Str(format!("{}-{row}", ctx.stem));
        }
        if values[1] == Value::Null {
            if let Some(k) = &ctx.config.kommunenummer {
                values[1] = Value::Str(k.clone());
            }
        }
        // Answers of this respondent.
        let mut answers: Vec<(String, Option<String>, Option<i64>)> = Vec::new();
        for (g, qid, opt) in qcols {
            let q = &cb.questions[qindex[qid.as_str()]];
            let cell = grid.cell(i, *g);
            if cell.is_blank() {
                continue;
            }
            let order_of = |o: usize| Some(o as i64 + 1);
            let qi = qindex[qid.as_str()];
            let mut unknown = || {
                issues.push((
                    header.texts[*g].clone(),
                    cell.display(),
                    Reason::UnknownAnswer {
                        question: qid.clone(),
                    },
                    Severity::Warning,
                ))
            };
            match (q.kind, opt) {
                (QuestionKind::Multi, Some(o)) => {
                    let oi = q.options.iter().position(|x| x == o).unwrap_or(0);
                    // A cell holding the option's own text also means "chosen".
                    if chosen(cell) {
                        answers.push((qid.clone(), Some(o.clone()), order_of(oi)));
                    }
                }
                (QuestionKind::Text, _) => {
                    if let Some(t) = parse_text(cell) {
                        answers.push((qid.clone(), Some(t), None));
                    }
                }
                (QuestionKind::Multi, None) => {
                    let text = cell.display();
                    for part in text
                        .split([';', '|', '\n'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                    {
                        let found = *memo
                            .entry((qi, part.to_string()))
                            .or_insert_with(|| Ok(cb.option_of(qi, part)));
                        match found.ok().flatten() {
                            Some(oi) => answers.push((
                                qid.clone(),
                                Some(q.options[oi].clone()),
                                order_of(oi),
                            )),
                            None => unknown(),
                        }
                    }
                }
                (_, _) => {
                    let text = cell.display();
                    // Answer texts repeat: normalise each distinct one once.
                    let found = *memo.entry((qi, text.clone())).or_insert_with(|| {
                        let missing = q.kind == QuestionKind::Likert
                            && matches!(
                                key(&text).as_str(),
                                "vet ikke" | "veit ikkje" | "don't know" | "ikke relevant"
                            );
                        if missing {
                            Err(())
                        } else {
                            Ok(cb.option_of(qi, &text))
                        }
                    });
                    let Ok(found) = found else {
                        continue;
                    };
                    match found {
                        Some(oi) => {
                            answers.push((qid.clone(), Some(q.options[oi].clone()), order_of(oi)))
                        }
                        None => unknown(),
                    }
                }
            }
        }
        let is_rejected = super::table::record_issues(&mut dq, ctx, row, issues);
        if is_rejected {
            rejected += 1;
            continue;
        }
        let r = resp.len();
        resp.push(values);
        resp_extras.push(
            extras
                .iter()
                .map(|(g, _)| parse_text(grid.cell(i, *g)))
                .collect(),
        );
        resp_rows.push(row as i64);
        for (qid, ans, ord) in answers {
            owner.push(r);
            question.push(qid);
            answer.push(ans);
            order.push(ord);
        }
    }
    let n = question.len();
    let mut columns: Vec<Column> = Vec::new();
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("date");
    for (j, spec) in cols.iter().enumerate() {
        let c = if spec.name == "submitted_date" {
            let days: Vec<Option<i32>> = owner
                .iter()
                .map(|&r| match &resp[r][j] {
                    Value::Date(d) => Some((*d - epoch).num_days() as i32),
                    _ => None,
                })
                .collect();
            Column::new(spec.name.into(), days)
                .cast(&DataType::Date)
                .expect("date cast")
        } else {
            let s: Vec<Option<&str>> = owner
                .iter()
                .map(|&r| match &resp[r][j] {
                    Value::Str(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect();
            Column::new(spec.name.into(), s)
        };
        columns.push(c);
    }
    columns.push(super::table::constant_text("survey", &cb.survey, n));
    columns.push(Column::new("question".into(), question));
    columns.push(Column::new("answer".into(), answer));
    columns.push(Column::new("answer_order".into(), order));
    for (k, (_, name)) in extras.iter().enumerate() {
        let v: Vec<Option<&str>> = owner
            .iter()
            .map(|&r| resp_extras[r][k].as_deref())
            .collect();
        columns.push(Column::new(name.as_str().into(), v));
    }
    columns.push(super::table::constant_text("source_file", &ctx.label, n));
    let file_rows: Vec<i64> = owner.iter().map(|&r| resp_rows[r]).collect();
    columns.push(Column::new("source_row".into(), file_rows));
    let df = DataFrame::new(n, columns).expect("equal lengths");
    super::table::Processed {
        df,
        dq,
        read,
        rejected,
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
