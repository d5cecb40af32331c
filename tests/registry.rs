//! The registry of result tables (issue 6): one entry per table, its maker and reads,
//! and column metadata that the report and the spreadsheets read; users' own queries
//! declare the same metadata beside the SQL.

use crate::util::{Project, ikrapport, sample_data};
use ikrapport::Lang;
use ikrapport::analytics::registry::{
    BUILTIN_SQL, ColumnKind, Maker, Registry, SPEC_ORDER, Size, column_label,
};
use ikrapport::analytics::{self, Options};

#[test]
fn the_compiled_in_queries_are_the_files_in_queries() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    files.sort();
    let mut builtin: Vec<String> = BUILTIN_SQL.iter().map(|(n, _)| n.to_string()).collect();
    builtin.sort();
    assert_eq!(files, builtin);
    // And each compiled-in text is the file as it is now.
    for (name, sql) in BUILTIN_SQL {
        let on_disk = std::fs::read_to_string(dir.join(format!("{name}.sql"))).unwrap();
        assert_eq!(sql.unwrap_or_default(), on_disk, "{name}");
    }
    // One entry per table of 02-analytics.md, each made exactly one way.
    let reg = Registry::builtin();
    let names: Vec<&str> = reg.tables().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, SPEC_ORDER);
    let rust: Vec<&str> = reg
        .tables()
        .iter()
        .filter(|t| matches!(t.maker, Maker::Rust { .. }))
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        rust,
        [
            "deviation_monthly",
            "deviation_spc",
            "deviation_trend",
            "maturity_indicators",
            "benchmark"
        ]
    );
}

/// Every column of every result table, computed on the sample data (and on the
/// benchmark set for `benchmark`), is declared with a kind and has a label in every
/// language; every declared group-size column exists.
#[test]
fn every_result_column_has_metadata_and_labels() {
    for folder in [sample_data(), sample_data().join("benchmark")] {
        let project = ikrapport::Project::open(&folder).unwrap();
        let data = project.ingest_checked(false).unwrap();
        let r = analytics::run(&project.root, &data, &project.config, &Options::default()).unwrap();
        for name in &r.results {
            let df = r.table(name).unwrap();
            let def = r.registry.get(name).unwrap();
            for c in df.get_column_names() {
                let meta = def
                    .declared(c.as_str())
                    .unwrap_or_else(|| panic!("{name}.{c} has no metadata"));
                for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                    let label = column_label(meta, lang);
                    assert_ne!(label, c.as_str(), "{name}.{c}: no {lang:?} label");
                }
                if let Size::Columns(cols) = &meta.size {
                    for g in cols {
                        assert!(df.column(g).is_ok(), "{name}.{c}: size column {g}");
                    }
                }
            }
            for m in &def.meta.columns {
                assert!(
                    df.column(&m.name).is_ok(),
                    "{name} declares {} it lacks",
                    m.name
                );
            }
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                assert_ne!(r.registry.title(name, lang), *name, "{name}: no title");
            }
        }
    }
    let reg = Registry::builtin();
    let l = reg.get("ros_survey_likert").unwrap();
    assert_eq!(l.declared("mean").unwrap().kind, ColumnKind::Mean);
    assert_eq!(
        l.declared("mean").unwrap().size,
        Size::Columns(vec!["n".into()])
    );
    assert_eq!(
        column_label(
            reg.get("benchmark")
                .unwrap()
                .declared("reporting_rate_pct_rank")
                .unwrap(),
            Lang::Nb
        ),
        "Persentil: Meldinger per 100 årsverk"
    );
}

#[test]
fn a_users_query_declares_its_metadata_beside_the_sql() {
    let p = Project::new();
    p.write(
        "avvik.csv",
        "Sektor;Enhet;Meldt dato\nHelse;Nord;02.01.2025\nHelse;Nord;03.01.2025\nHelse;Sør;04.01.2025\n",
    );
    p.write(
        "queries/avvik_per_enhet.sql",
        "-- Avvik per enhet i rapportåret.\n\
--! title = { nb = \"Avvik per enhet\", nn = \"Avvik per eining\", en = \"Deviations per unit\" }\n\
--! [columns]\n\
--! unit = \"text\"\n\
--! n = { kind = \"count\", size = \"self\", label = { nb = \"Antall avvik\", nn = \"Tal på avvik\", en = \"Deviations\" } }\n\
SELECT unit, COUNT(*) AS n, AVG(1.0) AS snitt FROM deviations GROUP BY unit ORDER BY unit\n",
    );
    let project = ikrapport::Project::open(p.path()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let r = analytics::run(&project.root, &data, &project.config, &Options::default()).unwrap();
    let df = r.table("avvik_per_enhet").unwrap();
    assert_eq!(df.height(), 2);
    let n = r.registry.column("avvik_per_enhet", df, "n");
    assert_eq!((n.kind, n.size.clone()), (ColumnKind::Count, Size::Own));
    assert_eq!(column_label(&n, Lang::Nn), "Tal på avvik");
    assert_eq!(
        r.registry.title("avvik_per_enhet", Lang::En),
        "Deviations per unit"
    );
    // Undeclared: inferred from the type, never suppressed.
    let snitt = r.registry.column("avvik_per_enhet", df, "snitt");
    assert_eq!((snitt.kind, snitt.declared), (ColumnKind::Mean, false));
    // A misspelt kind is one error naming the file and the line.
    p.write(
        "queries/avvik_per_enhet.sql",
        "--! [columns]\n--! n = \"cuont\"\nSELECT unit, COUNT(*) AS n FROM deviations GROUP BY unit\n",
    );
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("avvik_per_enhet.sql"), "{}", out.stderr);
    assert!(out.stderr.contains("linje 2"), "{}", out.stderr);
    assert!(out.stderr.contains("«cuont»"), "{}", out.stderr);
}

/// A user's query that replaces a built-in one and lacks a column a Rust analysis reads
/// is the user's to fix: exit 1, naming the table, the column and the file.
#[test]
fn a_replaced_query_without_a_column_a_rust_analysis_reads_is_a_query_error() {
    let p = Project::new();
    p.write("avvik.csv", "Sektor;Meldt dato\nHelse;02.01.2025\n");
    p.write(
        "queries/deviation_closure.sql",
        "SELECT kommunenummer, sector, COUNT(*) AS reported FROM deviations GROUP BY kommunenummer, sector\n",
    );
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("«deviation_closure»"), "{}", out.stderr);
    assert!(
        out.stderr.contains("«closed_within_90d_share»"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("maturity_indicators"), "{}", out.stderr);
    assert!(!out.stderr.contains("intern"), "{}", out.stderr);
}

/// The DuckDB and Spark spellings beside the benchmarks (`benches/duckdb/*.sql`,
/// `benches/spark/*.sql`) are the query of the same name with only the dialect's
/// substitutions (their headers say which): when a query changes, they must follow, or the
/// comparisons measure another query.
#[test]
fn dialect_spellings_differ_from_their_query_only_by_the_dialect() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let days = "CAST(closed_date AS INTEGER) - CAST(reported_date AS INTEGER)";
    let age = "CAST({{as_of}} AS INTEGER) - CAST(reported_date AS INTEGER)";
    let dialects: [(&str, Vec<(&str, &str)>); 2] = [
        (
            "duckdb",
            vec![
                (days, "closed_date - reported_date"),
                (age, "{{as_of}} - reported_date"),
            ],
        ),
        (
            "spark",
            vec![
                (days, "datediff(closed_date, reported_date)"),
                (age, "datediff({{as_of}}, reported_date)"),
                ("QUANTILE_CONT(", "percentile("),
            ],
        ),
    ];
    let mut seen = 0;
    for (dialect, substitutions) in dialects {
        for entry in std::fs::read_dir(root.join("benches").join(dialect)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("sql") {
                continue;
            }
            let name = path.file_stem().unwrap().to_str().unwrap().to_string();
            // From the query's own first line: what comes before is the dialect's header.
            let body = |text: &str| text[text.find(&format!("-- {name}:")).unwrap()..].to_string();
            let query =
                std::fs::read_to_string(root.join("queries").join(format!("{name}.sql"))).unwrap();
            let want = substitutions
                .iter()
                .fold(body(&query), |q, (from, to)| q.replace(from, to));
            assert_ne!(
                want,
                body(&query),
                "{dialect}/{name}.sql needs no spelling of its own"
            );
            let spelled = std::fs::read_to_string(&path).unwrap();
            assert_eq!(body(&spelled), want, "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 2, "{seen} spellings");
}
