//! `ikrapport validate <folder>`: ingest only, and tell the analyst per file which sheet
//! and header row were used, which column became which canonical column (and which were
//! kept as extra), rows read / kept / rejected, then the data-quality rows. `--json`
//! prints the same as one JSON document.

use super::Ctx;
use ikrapport::i18n::{Lang, Severity};
use ikrapport::{FileReport, Ingested, tr};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Prosjektmappa.
    #[arg(default_value = "sample-data")]
    pub folder: PathBuf,
    /// Skriv resultatet som ett JSON-dokument.
    #[arg(long)]
    pub json: bool,
    /// Avslutt med feilkode når en rad er avvist.
    #[arg(long)]
    pub strict: bool,
    /// Hvor mange datakvalitetsrader som vises (JSON har alle).
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
}

pub fn run(a: Args, ctx: &Ctx) -> ikrapport::Result<i32> {
    let project = ctx.project(&a.folder)?;
    let data = project.ingest()?;
    let lang = project.config.language;
    if ctx.verbose {
        super::print_timings(&data.files, &[]);
    }
    if a.json {
        println!("{}", to_json(&data, &a.folder));
    } else if !ctx.quiet {
        for f in &data.files {
            print_file(f, lang);
        }
        print_data_quality(&data, lang, a.limit);
        print_summary(&data, lang);
    }
    let unusable = data.files.iter().any(|f| f.error.is_some());
    if unusable {
        if !a.json {
            if let Some(e) = data.first_error() {
                eprintln!("{}: {e}", tr!(lang, "error-prefix"));
            }
        }
        return Ok(ikrapport::error::EXIT_BAD_INPUT);
    }
    if a.strict && data.rows_rejected() > 0 {
        eprintln!(
            "{}: {}",
            tr!(lang, "error-prefix"),
            tr!(
                lang,
                "strict-rejected",
                n = data.rows_rejected(),
                folder = &a.folder
            )
        );
        return Ok(ikrapport::error::EXIT_BAD_INPUT);
    }
    Ok(0)
}

fn to_json(data: &Ingested, folder: &std::path::Path) -> String {
    let dq: Vec<serde_json::Value> = data
        .data_quality
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": d.file, "sheet": d.sheet, "row": d.row, "line": d.line,
                "column": d.column, "value": d.value, "severity": d.severity.as_str(),
                "reason": d.reason.text(data.lang), "code": d.reason.code(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "project": folder.display().to_string(),
        "ok": data.files.iter().all(|f| f.error.is_none()),
        "files": data.files,
        "totals": {
            "rows_read": data.files.iter().map(|f| f.rows_read).sum::<usize>(),
            "rows_kept": data.files.iter().map(|f| f.rows_kept).sum::<usize>(),
            "rows_rejected": data.rows_rejected(),
            "warnings": data.files.iter().map(|f| f.warnings).sum::<usize>(),
        },
        "data_quality": dq,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into())
}

/// One file: source and how it was recognised, format, sheet, header row, columns.
fn print_file(f: &FileReport, lang: Lang) {
    let src = f
        .source
        .map(|s| format!("{} ({})", tr!(lang, s.message_id()), s.table_name()))
        .unwrap_or_else(|| "?".into());
    let how = match f.detected_by {
        Some(by) => tr!(lang, &format!("validate-detected-{by}")),
        None => String::new(),
    };
    println!("{}", tr!(lang, "validate-file", file = f.file.as_str()));
    println!(
        "  {}",
        tr!(lang, "validate-source", source = src, how = how)
    );
    if let Some(err) = &f.error {
        println!("  {}", tr!(lang, "validate-unusable", why = err.as_str()));
        println!();
        return;
    }
    let mut fmt = f.format.clone();
    if let Some(e) = f.encoding {
        fmt.push_str(&format!(", {e}"));
    }
    if let Some(d) = &f.delimiter {
        fmt.push_str(&format!(
            ", {}",
            tr!(lang, "validate-delimiter", d = d.as_str())
        ));
    }
    println!("  {}", tr!(lang, "validate-format", format = fmt));
    if let Some(s) = &f.sheet {
        println!("  {}", tr!(lang, "validate-sheet", sheet = s.as_str()));
    }
    if let Some(r) = f.header_row {
        println!(
            "  {}",
            tr!(lang, "validate-header-row", row = r.to_string())
        );
    }
    if let Some(cb) = &f.codebook {
        println!(
            "  {}",
            tr!(lang, "validate-codebook", codebook = cb.as_str())
        );
    }
    print_columns(f, lang);
    for n in &f.notes {
        println!("  {}", tr!(lang, "validate-note", note = n.as_str()));
    }
    if !f.columns_absent.is_empty() {
        println!(
            "  {}",
            tr!(
                lang,
                "validate-absent",
                columns = f.columns_absent.join(", ")
            )
        );
    }
    println!(
        "  {}",
        tr!(
            lang,
            "validate-rows",
            read = f.rows_read,
            kept = f.rows_kept,
            rejected = f.rows_rejected,
            warnings = f.warnings
        )
    );
    println!();
}

/// Which column of the file became which canonical column.
fn print_columns(f: &FileReport, lang: Lang) {
    println!("  {}", tr!(lang, "validate-columns"));
    let w = f
        .columns
        .iter()
        .map(|c| c.header.chars().count())
        .max()
        .unwrap_or(10)
        .min(60);
    for c in &f.columns {
        let note = match c.role {
            "extra" | "duplicate" | "question" => {
                format!(" ({})", tr!(lang, &format!("validate-role-{}", c.role)))
            }
            _ => String::new(),
        };
        let header: String = c.header.chars().take(60).collect();
        println!("    {header:<w$} → {}{note}", c.column);
    }
}

/// The data-quality rows: file, sheet, the row Excel shows (and the text line where it
/// differs), column, value, what happened and why.
fn print_data_quality(data: &Ingested, lang: Lang, limit: usize) {
    let n = data.data_quality.len();
    println!("{}", tr!(lang, "validate-dq-heading", n = n));
    if n == 0 {
        println!("  {}", tr!(lang, "validate-dq-none"));
    }
    for d in data.data_quality.iter().take(limit) {
        let sev = match d.severity {
            Severity::Error => tr!(lang, "severity-error"),
            Severity::Warning => tr!(lang, "severity-warning"),
        };
        let sheet = d
            .sheet
            .as_ref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        let at = match d.line {
            Some(l) if l != d.row => tr!(
                lang,
                "validate-row-line",
                row = d.row.to_string(),
                line = l.to_string()
            ),
            _ => tr!(lang, "validate-row", row = d.row.to_string()),
        };
        let col = if d.column.is_empty() {
            String::new()
        } else {
            format!(", «{}»", d.column)
        };
        let val = if d.value.is_empty() {
            String::new()
        } else {
            format!(" = «{}»", d.value.replace('\n', " "))
        };
        println!(
            "  {}{sheet} {at}{col}{val}: {sev} – {}",
            d.file,
            d.reason.text(lang)
        );
    }
    if n > limit {
        println!("  {}", tr!(lang, "validate-dq-more", n = n - limit));
    }
}

fn print_summary(data: &Ingested, lang: Lang) {
    println!();
    println!(
        "{}",
        tr!(
            lang,
            "validate-summary",
            files = data.files.len(),
            read = data.files.iter().map(|f| f.rows_read).sum::<usize>(),
            kept = data.files.iter().map(|f| f.rows_kept).sum::<usize>(),
            rejected = data.rows_rejected()
        )
    );
}
