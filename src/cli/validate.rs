//! `ikrapport validate <folder>`: ingest only, and tell the analyst per file which sheet
//! and header row were used, which column became which canonical column (and which were
//! kept as extra), rows read / kept / rejected, then the data-quality rows. `--json`
//! prints the same as one JSON document.

use super::{Ctx, num};
use ikrapport::Ingested;
use ikrapport::i18n::{Lang, Severity};
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
        print_human(&data, lang, a.limit);
    }
    let unusable = data.files.iter().any(|f| f.error.is_some());
    if unusable {
        if !a.json {
            if let Some(e) = data.first_error() {
                eprintln!("{}: {e}", lang.pick("Feil", "Feil", "Error"));
            }
        }
        return Ok(ikrapport::error::EXIT_BAD_INPUT);
    }
    if a.strict && data.rows_rejected() > 0 {
        eprintln!(
            "{}: {} {}",
            lang.pick("Feil", "Feil", "Error"),
            num(data.rows_rejected()),
            lang.pick(
                "rader ble avvist, og --strict er gitt.",
                "rader vart avviste, og --strict er gjeve.",
                "rows were rejected and --strict is given."
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
                "file": d.file, "sheet": d.sheet, "row": d.row, "column": d.column, "value": d.value,
                "severity": d.severity.as_str(), "reason": d.reason.text(data.lang), "code": d.reason.code(),
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

fn print_human(data: &Ingested, lang: Lang, limit: usize) {
    let l = |nb: &'static str, nn: &'static str, en: &'static str| lang.pick(nb, nn, en);
    for f in &data.files {
        let src = f
            .source
            .map(|s| format!("{} ({})", s.display_nb(), s.table_name()))
            .unwrap_or_else(|| "?".into());
        let how = match f.detected_by {
            Some("config") => l(
                "oppgitt i ikrapport.toml",
                "oppgjeve i ikrapport.toml",
                "given in ikrapport.toml",
            ),
            Some("name") => l(
                "kjent igjen på navnet",
                "kjend att på namnet",
                "recognised by name",
            ),
            Some("headers") => l(
                "kjent igjen på overskriftene",
                "kjend att på overskriftene",
                "recognised by headers",
            ),
            _ => "",
        };
        println!("{} {}", l("Fil:", "Fil:", "File:"), f.file);
        println!("  {} {src} – {how}", l("Kilde:", "Kjelde:", "Source:"));
        if let Some(err) = &f.error {
            println!(
                "  {} {err}",
                l("KAN IKKE BRUKES:", "KAN IKKJE BRUKAST:", "UNUSABLE:")
            );
            println!();
            continue;
        }
        let mut fmt = f.format.clone();
        if let Some(e) = f.encoding {
            fmt.push_str(&format!(", {e}"));
        }
        if let Some(d) = &f.delimiter {
            fmt.push_str(&format!(
                ", {} «{d}»",
                l("skilletegn", "skiljeteikn", "delimiter")
            ));
        }
        println!("  {} {fmt}", l("Format:", "Format:", "Format:"));
        if let Some(s) = &f.sheet {
            println!("  {} {s}", l("Ark:", "Ark:", "Sheet:"));
        }
        if let Some(r) = f.header_row {
            println!(
                "  {} {r}",
                l("Overskriftsrad:", "Overskriftsrad:", "Header row:")
            );
        }
        if let Some(cb) = &f.codebook {
            println!("  {} {cb}", l("Kodebok:", "Kodebok:", "Codebook:"));
        }
        println!("  {}", l("Kolonner:", "Kolonnar:", "Columns:"));
        let w = f
            .columns
            .iter()
            .map(|c| c.header.chars().count())
            .max()
            .unwrap_or(10)
            .min(60);
        for c in &f.columns {
            let note = match c.role {
                "extra" => l(
                    " (ukjent kolonne, beholdt som ekstra)",
                    " (ukjend kolonne, halden på som ekstra)",
                    " (unknown column, kept as extra)",
                ),
                "duplicate" => l(
                    " (samme som en tidligere kolonne, beholdt som ekstra)",
                    " (same som ein tidlegare kolonne, halden på som ekstra)",
                    " (same as an earlier column, kept as extra)",
                ),
                "question" => l(" (spørsmål)", " (spørsmål)", " (question)"),
                _ => "",
            };
            let header: String = c.header.chars().take(60).collect();
            println!("    {header:<w$} → {}{note}", c.column);
        }
        for n in &f.notes {
            println!("  {} {n}", l("Merk:", "Merk:", "Note:"));
        }
        if !f.columns_absent.is_empty() {
            println!(
                "  {} {}",
                l(
                    "Ikke i fila (valgfrie):",
                    "Ikkje i fila (valfrie):",
                    "Not in the file (optional):"
                ),
                f.columns_absent.join(", ")
            );
        }
        println!(
            "  {} {} {}, {} {}, {} {}, {} {}",
            l("Rader:", "Rader:", "Rows:"),
            num(f.rows_read),
            l("lest", "lesne", "read"),
            num(f.rows_kept),
            l("beholdt", "haldne på", "kept"),
            num(f.rows_rejected),
            l("avvist", "avviste", "rejected"),
            num(f.warnings),
            l("advarsler", "åtvaringar", "warnings"),
        );
        println!();
    }
    let n = data.data_quality.len();
    println!(
        "{} ({} {}):",
        l("Datakvalitet", "Datakvalitet", "Data quality"),
        num(n),
        l("rader", "rader", "rows")
    );
    if n == 0 {
        println!(
            "  {}",
            l(
                "Ingen avviste eller tvilsomme verdier.",
                "Ingen avviste eller tvilsame verdiar.",
                "No rejected or doubtful values."
            )
        );
    }
    for d in data.data_quality.iter().take(limit) {
        let sev = match d.severity {
            Severity::Error => l("avvist", "avvist", "rejected"),
            Severity::Warning => l("advarsel", "åtvaring", "warning"),
        };
        let sheet = d
            .sheet
            .as_ref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
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
            "  {}{sheet} {} {}{col}{val}: {sev} – {}",
            d.file,
            l("rad", "rad", "row"),
            d.row,
            d.reason.text(lang)
        );
    }
    if n > limit {
        println!(
            "  … {} {}",
            num(n - limit),
            l(
                "til (se alle med --json)",
                "til (sjå alle med --json)",
                "more (see all with --json)"
            )
        );
    }
    let read: usize = data.files.iter().map(|f| f.rows_read).sum();
    let kept: usize = data.files.iter().map(|f| f.rows_kept).sum();
    println!();
    println!(
        "{} {} {}, {} {} {}, {} {}, {} {}.",
        l("Sammendrag:", "Samandrag:", "Summary:"),
        data.files.len(),
        l("filer", "filer", "files"),
        num(read),
        l("rader", "rader", "rows"),
        l("lest", "lesne", "read"),
        num(kept),
        l("beholdt", "haldne på", "kept"),
        num(data.rows_rejected()),
        l("avvist", "avviste", "rejected"),
    );
}
