//! The CLI as an analyst uses it: `validate` (human and JSON), `init`, `run`, languages
//! and exit codes (04-cli-and-scale.md).

use crate::util::{count_records, ikrapport, run_in, sample_data};
use ikrapport::SourceKind;

#[test]
fn validate_accounts_for_every_row_of_the_sample_data() {
    let out = ikrapport(&["validate", sample_data().to_str().unwrap(), "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 6);
    let data = ikrapport::Project::open(sample_data())
        .unwrap()
        .ingest()
        .unwrap();
    for f in files {
        let name = f["file"].as_str().unwrap();
        let (read, kept, rejected) = (
            f["rows_read"].as_u64().unwrap() as usize,
            f["rows_kept"].as_u64().unwrap() as usize,
            f["rows_rejected"].as_u64().unwrap() as usize,
        );
        assert!(f["error"].is_null());
        // Read: the records the test counts itself in the file.
        let own = count_records(
            &sample_data().join(name),
            f["sheet"].as_str(),
            f["header_row"].as_u64().unwrap(),
        );
        assert_eq!(read, own, "{name}: rows read");
        // Kept: what is in the canonical table (a survey has a row per answer, and every
        // kept respondent at least one).
        let kind = SourceKind::parse(f["source"].as_str().unwrap()).unwrap();
        let table = data.table(kind);
        let in_table = if kind == SourceKind::Survey {
            table.column("respondent_id").unwrap().n_unique().unwrap()
        } else {
            table.height()
        };
        assert_eq!(kept, in_table, "{name}: rows kept");
        assert_eq!(read, kept + rejected, "{name}");
    }
    let by_name = |n: &str| files.iter().find(|f| f["file"] == n).unwrap();
    assert_eq!(by_name("avvik.csv")["rows_rejected"], 5);
    assert_eq!(by_name("avvik.csv")["warnings"], 2);
    assert_eq!(by_name("avvik.csv")["encoding"], "Windows-1252");
    assert_eq!(by_name("ros-register.xlsx")["sheet"], "Register");
    assert_eq!(by_name("ros-register.xlsx")["header_row"], 5);
    assert_eq!(by_name("ros-register.xlsx")["rows_rejected"], 3);
    assert_eq!(by_name("modenhet.xlsx")["source"], "maturity");
    assert_eq!(by_name("ros-undersokelse.csv")["source"], "survey");
    assert_eq!(v["totals"]["rows_rejected"], 10);
    let dq = v["data_quality"].as_array().unwrap();
    assert_eq!(dq.len(), 14);
    assert!(dq.iter().any(|d| d["file"] == "ros-register.xlsx"
        && d["sheet"] == "Register"
        && d["value"] == "7"
        && d["reason"] == "utenfor skalaen 1–5"
        && d["severity"] == "error"));
    assert!(dq.iter().any(|d| d["value"] == "Naboen"
        && d["severity"] == "warning"
        && d["code"] == "guessed_value"));
}

#[test]
fn validate_prints_what_an_analyst_needs_to_read() {
    let out = ikrapport(&["validate", sample_data().to_str().unwrap()]);
    assert_eq!(out.code, 0);
    let s = out.stdout;
    for needle in [
        "Fil: ros-register.xlsx",
        "Ark: Register",
        "Overskriftsrad: 5",
        "Sannsynlighet (1-5) → probability",
        "Format: csv, Windows-1252, skilletegn «;»",
        "Hvilke typer ROS-analyser har du deltatt i?: Tjenestespesifi → ros_types = tjenestespesifikk (spørsmål)",
        "«Meldt dato» = «31.02.2024»: avvist – datoen finnes ikke i kalenderen",
        "Sammendrag: 6 filer,",
        "Merk: Fila har ingen kolonne for kommunenummer; 9901 fra ikrapport.toml er brukt.",
    ] {
        assert!(s.contains(needle), "missing «{needle}» in:\n{s}");
    }
    let en = ikrapport(&["validate", sample_data().to_str().unwrap(), "--lang", "en"]);
    assert!(
        en.stdout
            .contains("rejected – the date does not exist in the calendar"),
        "{}",
        en.stdout
    );
    let nn = ikrapport(&["validate", sample_data().to_str().unwrap(), "--lang", "nn"]);
    assert!(
        nn.stdout.contains("datoen finst ikkje i kalenderen"),
        "{}",
        nn.stdout
    );
}

#[test]
fn init_writes_a_project_that_validates_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ny-kommune");
    let out = ikrapport(&["init", folder.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for f in [
        "ikrapport.toml",
        "ros-undersokelse-kodebok.toml",
        "avvik.csv",
        "ros-register.csv",
        "enheter.csv",
        "modenhet.csv",
        "tilsyn.csv",
        "ros-undersokelse.csv",
        "reports/arsrapport.toml",
    ] {
        assert!(folder.join(f).exists(), "{f}");
    }
    // The new project makes a report with its own definition.
    let r = ikrapport(&["run", folder.to_str().unwrap(), "--format", "html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = ikrapport(&["validate", folder.to_str().unwrap(), "--json"]);
    assert_eq!(v.code, 0, "{}", v.stdout);
    let v: serde_json::Value = serde_json::from_str(&v.stdout).unwrap();
    let sources: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["source"].as_str().unwrap())
        .collect();
    for s in [
        "deviations",
        "risks",
        "units",
        "maturity",
        "inspections",
        "survey",
    ] {
        assert!(sources.contains(&s), "{s} in {sources:?}");
    }
    assert_eq!(v["totals"]["rows_rejected"], 0, "{}", v["data_quality"]);
    assert_eq!(v["data_quality"].as_array().unwrap().len(), 0);
    // A second init leaves the user's files alone.
    std::fs::write(folder.join("avvik.csv"), "mine").unwrap();
    let again = ikrapport(&["init", folder.to_str().unwrap()]);
    assert!(again.stdout.contains("Hoppet over"), "{}", again.stdout);
    assert_eq!(
        std::fs::read_to_string(folder.join("avvik.csv")).unwrap(),
        "mine"
    );
}

#[test]
fn usage_errors_exit_2_and_help_lists_the_subcommands() {
    let out = ikrapport(&["validate", "--lang", "de", "sample-data"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Ukjent språk «de»"));
    assert_eq!(ikrapport(&["frobnicate"]).code, 2);
    let help = ikrapport(&["--help"]);
    assert_eq!(help.code, 0);
    for c in ["run", "validate", "generate", "init"] {
        assert!(help.stdout.contains(c), "{c}");
    }
}

/// The installed binary has its queries compiled in: run from a folder outside the
/// repository (no `queries/` beside it), it makes every result table of 02-analytics.md.
#[test]
fn the_binary_run_from_elsewhere_makes_every_table() {
    let cwd = tempfile::tempdir().unwrap();
    let out_dir = cwd.path().join("rapport");
    let out = run_in(
        cwd.path(),
        &[
            "run",
            sample_data().to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    for name in ikrapport::analytics::registry::SPEC_ORDER {
        assert!(
            out_dir.join(format!("data/{name}.parquet")).is_file(),
            "{name}"
        );
        if *name != "benchmark" {
            let csv = std::fs::read_to_string(out_dir.join(format!("tables/{name}.csv"))).unwrap();
            assert!(csv.lines().count() > 1, "{name} has no rows");
        }
    }
    assert!(out_dir.join("index.html").is_file());
}

#[test]
fn run_on_the_sample_data_reports_each_canonical_table() {
    let out = ikrapport(&["run", sample_data().to_str().unwrap(), "-v"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("deviations"), "{}", out.stderr);
    assert!(out.stderr.contains("25\u{a0}490"), "{}", out.stderr);
}

#[test]
fn errors_speak_the_chosen_language() {
    // A folder that is not there is bad input (exit 1), named with its path.
    let en = ikrapport(&["validate", "/finnes/ikke", "--lang", "en"]);
    assert_eq!(en.code, 1);
    assert!(
        en.stderr
            .contains("Error: Could not find the folder «/finnes/ikke»"),
        "{}",
        en.stderr
    );
    let nn = ikrapport(&["validate", "/finnes/ikke", "--lang", "nn"]);
    assert!(nn.stderr.contains("Fann ikkje mappa"), "{}", nn.stderr);
    let q = ikrapport(&[
        "query",
        sample_data().to_str().unwrap(),
        "SELECT * FROM finnes_ikke",
        "--lang",
        "en",
    ]);
    assert_eq!(q.code, 1);
    assert!(
        q.stderr
            .starts_with("Error: The query «command line» failed:"),
        "{}",
        q.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ikrapport.toml"),
        "language = \"en\"\nscale_max = 12\n",
    )
    .unwrap();
    let c = ikrapport(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(c.code, 1);
    assert!(
        c.stderr.contains("scale_max = 12 is not a usable scale"),
        "{}",
        c.stderr
    );
}

/// A large run starts itself again with glibc's huge pages on every heap (src/memory.rs);
/// here "large" is lowered to the sample's size (a debug build's test switch). The run
/// started again does the same work once, and a user's own setting is never overridden.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn a_large_run_starts_again_with_huge_pages_and_does_its_work_once() {
    let run = |tunables: Option<&str>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ikrapport"));
        c.args(["validate", sample_data().to_str().unwrap(), "-v", "--json"])
            .env("IKRAPPORT_TEST_LARGE_INPUT", "1000")
            .env_remove("IKRAPPORT_HUGE_PAGES");
        match tunables {
            Some(t) => c.env("GLIBC_TUNABLES", t),
            None => c.env_remove("GLIBC_TUNABLES"),
        };
        let o = c.output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).to_string(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    };
    let (code, out, err) = run(None);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err.matches("glibc: glibc.malloc.hugetlb=1 (").count(),
        1,
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["files"].as_array().unwrap().len(), 6);
    let (code, out2, err) = run(Some("glibc.malloc.hugetlb=0"));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("glibc:"), "the user's setting stands: {err}");
    // The same report either way, but for the time each file took.
    let without_times = |text: &str| {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        for f in v["files"].as_array_mut().unwrap() {
            f.as_object_mut().unwrap().remove("millis");
        }
        v
    };
    assert_eq!(without_times(&out2), without_times(&out));
}
