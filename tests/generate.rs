//! The generator is deterministic and the committed sample data is exactly what it makes
//! (issue 2: "a test regenerates them and compares bytes").

use crate::util::{ikrapport, sample_data};
use std::path::Path;

fn assert_same_files(expected: &Path, actual: &Path) {
    let mut names: Vec<String> = std::fs::read_dir(actual)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for n in &names {
        let a = std::fs::read(actual.join(n)).unwrap();
        let e = std::fs::read(expected.join(n)).unwrap_or_default();
        assert!(
            a == e,
            "{n} differs from the committed {}: regenerate with the command in README.md",
            expected.join(n).display()
        );
    }
}

#[test]
fn committed_sample_data_is_what_the_generator_makes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k");
    let r = ikrapport(&["generate", "--out", out.to_str().unwrap(), "-q"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_same_files(&sample_data(), &out);
    let out = dir.path().join("b");
    let r = ikrapport(&[
        "generate",
        "--profile",
        "national",
        "--municipalities",
        "12",
        "--years",
        "3",
        "--population",
        "25000",
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_same_files(&sample_data().join("benchmark"), &out);
}

#[test]
fn another_seed_gives_other_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k");
    ikrapport(&[
        "generate",
        "--out",
        out.to_str().unwrap(),
        "--seed",
        "7",
        "--population",
        "20000",
        "-q",
    ]);
    let a = std::fs::read(out.join("avvik.csv")).unwrap();
    assert_ne!(a, std::fs::read(sample_data().join("avvik.csv")).unwrap());
}

#[test]
fn national_profile_takes_names_and_populations_from_a_reference() {
    let reference =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/municipalities-2025.csv");
    if !reference.exists() {
        // The reference lives beside the repository in CI and on developer machines.
        eprintln!("skipped: {} not found", reference.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n");
    let r = ikrapport(&[
        "generate",
        "--profile",
        "national",
        "--municipalities",
        "3",
        "--years",
        "1",
        "--reference",
        reference.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let k = std::fs::read_to_string(out.join("kommuner.csv")).unwrap();
    assert!(
        k.starts_with(
            "kommunenummer,kommune,fylke,innbyggere,kostra_group\n0301,Oslo,Oslo,717710,"
        ),
        "{k}"
    );
    let p = ikrapport::Project::open(&out).unwrap().ingest().unwrap();
    assert!(p.files.iter().all(|f| f.error.is_none()));
    let knr = p
        .table(ikrapport::SourceKind::Deviations)
        .column("kommunenummer")
        .unwrap()
        .n_unique()
        .unwrap();
    assert_eq!(knr, 3);
}
