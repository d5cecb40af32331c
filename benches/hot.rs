//! The hot parts of the pipeline, timed with divan (issue 8, point 1a): ingesting about
//! 100 000 deviation rows from a Windows-1252 `;` CSV and from an XLSX sheet (the two
//! forms exports come in, 01-inputs.md), computing every result table for one
//! municipality, drawing each chart kind as SVG and as PNG, and writing each output
//! format of the bundle. Run with `cargo bench --bench hot`; divan prints the median and the
//! throughput in rows per second. The data are generated once per run with
//! `ikrapport::generate` (same seed, same rows), so nothing large is committed.

use divan::counter::ItemsCount;
use ikrapport::bundle::{self, Formats};
use ikrapport::generate::{Options, Profile, generate};
use ikrapport::report::definition;
use ikrapport::{Project, SourceKind};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// The generated projects, kept for the whole run.
struct Data {
    /// Only `avvik.csv` (national profile, enough municipalities for ~100 000 rows).
    csv: tempfile::TempDir,
    /// The same rows as an `.xlsx` sheet, every cell as the export's text.
    xlsx: tempfile::TempDir,
    /// Rows in each.
    rows: usize,
    /// The kommune profile (all six sources, ~25 000 deviations), already ingested.
    kommune: (Project, ikrapport::Ingested),
    /// The 15 municipalities of `csv` with all six sources, for the benchmark chart.
    national: (Project, ikrapport::Ingested),
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let all = tempfile::tempdir().expect("temp dir");
    let opts = Options {
        profile: Profile::National,
        municipalities: 15,
        ..Options::default()
    };
    generate(&opts, all.path()).expect("generate national");
    let csv = tempfile::tempdir().expect("temp dir");
    std::fs::copy(all.path().join("avvik.csv"), csv.path().join("avvik.csv")).expect("copy");
    let xlsx = tempfile::tempdir().expect("temp dir");
    let rows = csv_to_xlsx(
        &csv.path().join("avvik.csv"),
        &xlsx.path().join("avvik.xlsx"),
    );

    let k = tempfile::tempdir().expect("temp dir");
    generate(&Options::default(), k.path()).expect("generate kommune");
    let project = Project::open(k.path()).expect("open kommune");
    let data = project.ingest().expect("ingest kommune");
    let national = Project::open(all.path()).expect("open national");
    let national_data = national.ingest().expect("ingest national");
    // The project folders must outlive the run: keep them on disk.
    let _ = k.keep();
    let _ = all.keep();
    Data {
        csv,
        xlsx,
        rows,
        kommune: (project, data),
        national: (national, national_data),
    }
});

/// The kommune report: results, definition text and document, built once.
struct Report {
    results: ikrapport::analytics::Results,
    definition: (std::path::PathBuf, String),
    doc: ikrapport::report::Document,
}

static REPORT: LazyLock<Report> = LazyLock::new(|| report(&DATA.kommune));

/// The report of the 15 national municipalities (the kommune data have one municipality,
/// so no benchmark chart).
static NATIONAL_REPORT: LazyLock<Report> = LazyLock::new(|| report(&DATA.national));

fn report((project, data): &(Project, ikrapport::Ingested)) -> Report {
    let results = project
        .analyse(data, &ikrapport::analytics::Options::default())
        .expect("analyse");
    let lang = project.config.language;
    let (def, text) = definition::load(None, &project.root, lang).expect("definition");
    let doc = ikrapport::report::build(&ikrapport::report::Inputs {
        results: &results,
        data,
        config: &project.config,
        definition: &def,
        lang,
    })
    .expect("report");
    Report {
        results,
        definition: (def.origin.clone(), text),
        doc,
    }
}

/// Write the Windows-1252 CSV's records as one sheet of text cells; the record count.
fn csv_to_xlsx(from: &Path, to: &Path) -> usize {
    let bytes = std::fs::read(from).expect("read csv");
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().expect("sheet");
    let mut n = 0u32;
    for rec in rdr.records() {
        let rec = rec.expect("csv record");
        for (j, cell) in rec.iter().enumerate() {
            ws.write_string(n, j as u16, cell).expect("cell");
        }
        n += 1;
    }
    wb.save(to).expect("save xlsx");
    n as usize - 1
}

fn ingest_deviations(folder: &Path) -> usize {
    let data = Project::open(folder)
        .and_then(|p| p.ingest())
        .expect("ingest");
    data.table(SourceKind::Deviations).height()
}

/// `avvik.csv`: Windows-1252, `;`, decoded, typed and validated.
#[divan::bench(sample_count = 10)]
fn ingest_csv_deviations(b: divan::Bencher) {
    let d = &*DATA;
    b.counter(ItemsCount::new(d.rows))
        .bench(|| ingest_deviations(d.csv.path()));
}

/// The same rows from an `.xlsx` sheet (calamine).
#[divan::bench(sample_count = 10)]
fn ingest_xlsx_deviations(b: divan::Bencher) {
    let d = &*DATA;
    b.counter(ItemsCount::new(d.rows))
        .bench(|| ingest_deviations(d.xlsx.path()));
}

/// Every result table (SQL and Rust) for the kommune profile, from ingested data.
#[divan::bench(sample_count = 10)]
fn analyse_kommune(b: divan::Bencher) {
    let (project, data) = &DATA.kommune;
    let opts = ikrapport::analytics::Options::default();
    b.bench(|| project.analyse(data, &opts).expect("analyse"));
}

/// Every result table, SQL and Rust, in 02-analytics.md's order.
const ANALYSES: &[&str] = &[
    "ros_coverage_register",
    "risk_by_sector",
    "deviation_closure",
    "deviation_counts",
    "ros_survey_likert",
    "maturity_indicators",
    "benchmark",
    "deviation_monthly",
    "deviation_root_causes",
    "deviation_sources",
    "deviation_spc",
    "deviation_trend",
    "deviation_yoy",
    "inspections_summary",
    "maturity_self_assessment",
    "risk_by_category",
    "risk_matrix",
    "risk_measures",
    "risk_top",
    "ros_survey_by_sector",
    "ros_survey_types",
];

/// The kommune profile's results, for computing one table at a time from the same
/// catalogue (every table it reads already made).
static RESULTS: LazyLock<ikrapport::analytics::Results> = LazyLock::new(|| {
    let (project, data) = &DATA.kommune;
    project
        .analyse(data, &ikrapport::analytics::Options::default())
        .expect("analyse")
});

/// One result table of the kommune profile: its SQL (placeholders filled in) or its
/// Rust analysis, over the catalogue of canonical, helper and result tables.
#[divan::bench(args = ANALYSES, sample_count = 10)]
fn analysis(b: divan::Bencher, name: &str) {
    use ikrapport::analytics::registry::Maker;
    let (project, _) = &DATA.kommune;
    let r = &*RESULTS;
    let lang = ikrapport::Lang::Nb;
    let def = r.registry.get(name).expect("a built-in table");
    match &def.maker {
        Maker::Sql { sql, .. } => {
            let placeholders = r.params.placeholders(&project.config);
            let sql = ikrapport::analytics::queries::substitute(sql, &placeholders, name, lang)
                .expect("placeholders");
            b.bench(|| {
                r.catalog
                    .sql(&sql, name, def.meta.engine, lang)
                    .expect("query")
            });
        }
        Maker::Rust { run, .. } => {
            b.bench(|| run(&r.catalog, &project.config, &r.params).expect("analysis"));
        }
        Maker::Ingest => {}
    }
}

/// Every chart kind, by its file stem in `charts/`: the kommune report's, and the
/// benchmark chart from the 15-municipality report.
const CHARTS: &[&str] = &[
    "benchmark",
    "monthly",
    "spc",
    "sector_types",
    "closure",
    "pareto",
    "risk_matrix",
    "risk_sectors",
    "coverage",
    "bands",
    "likert",
    "maturity",
    "inspections",
];

fn figure(id: &str) -> &'static ikrapport::chart::Chart {
    let report = if id == "benchmark" {
        &*NATIONAL_REPORT
    } else {
        &*REPORT
    };
    report
        .doc
        .figures()
        .into_iter()
        .map(|f| &f.chart)
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("the report has no chart {id}"))
}

/// One chart as SVG text.
#[divan::bench(args = CHARTS, sample_count = 20)]
fn chart_svg(b: divan::Bencher, id: &str) {
    let c = figure(id);
    b.bench(|| c.svg());
}

/// One chart as PNG (2×, Noto Sans).
#[divan::bench(args = CHARTS, sample_count = 20)]
fn chart_png(b: divan::Bencher, id: &str) {
    let c = figure(id);
    b.bench(|| c.png());
}

/// One output format of the kommune bundle, written to a folder (`run --format <f>`).
#[divan::bench(args = ["html", "md", "docx", "csv", "xlsx", "parquet", "charts"], sample_count = 10)]
fn render(b: divan::Bencher, format: &str) {
    let (project, data) = &DATA.kommune;
    let r = &*REPORT;
    let lang = project.config.language;
    let formats = Formats::parse(format, lang).expect("format");
    let out = tempfile::tempdir().expect("temp dir");
    b.bench(|| {
        bundle::write(
            &out.path().join("rapport"),
            &bundle::Parts {
                project: &project.root,
                data,
                results: &r.results,
                config: &project.config,
                doc: &r.doc,
                lang,
                formats: &formats,
                definition: (&r.definition.0, &r.definition.1),
                prepared: None,
                workbook: None,
            },
            &|_| {},
        )
        .expect("bundle")
    });
}
