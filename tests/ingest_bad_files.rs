//! Bad input (01-inputs.md, "Bad input: a clear error, and nothing lost"): every file a
//! user can bring gives a readable message or data-quality rows, never a panic.

use crate::util::{Project, cp1252, ikrapport};
use ikrapport::SourceKind;

const DEV_HEADER: &str = "Saksnummer;Sektor;Enhet;Meldt dato;Lukket dato;Meldingstype\n";

#[test]
fn an_empty_file_stops_the_run_naming_the_file() {
    let p = Project::new();
    p.write("avvik.csv", "");
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("Fila «avvik.csv» er tom"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn a_header_only_file_is_read_with_zero_rows() {
    let p = Project::new();
    p.write("avvik.csv", DEV_HEADER);
    let data = p.ingest();
    let f = &data.files[0];
    assert_eq!(f.error, None);
    assert_eq!((f.rows_read, f.rows_kept, f.rows_rejected), (0, 0, 0));
    assert_eq!(data.table(SourceKind::Deviations).height(), 0);
    assert_eq!(ikrapport(&["validate", p.path().to_str().unwrap()]).code, 0);
}

#[test]
fn random_bytes_named_xlsx_are_not_a_spreadsheet() {
    let p = Project::new();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    p.write("ros.xlsx", bytes);
    let out = ikrapport(&["validate", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("Fila «ros.xlsx» er ikke et regneark"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_truncated_xlsx_is_reported_as_damaged() {
    let p = Project::new();
    let full = std::fs::read(crate::util::sample_data().join("ros-register.xlsx")).unwrap();
    p.write("ros-register.xlsx", &full[..full.len() / 2]);
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("er skadet eller ufullstendig"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_password_protected_xlsx_says_so() {
    // Excel saves an encrypted workbook as an OLE compound file (ECMA-376 part 2), not a
    // zip: the magic bytes D0 CF 11 E0 A1 B1 1A E1 followed by the container.
    let p = Project::new();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 4088));
    p.write("ros-register.xlsx", bytes);
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("er passordbeskyttet (kryptert)"),
        "{}",
        out.stderr
    );
    let en = ikrapport(&["run", p.path().to_str().unwrap(), "--lang", "en"]);
    assert!(
        en.stderr.contains("is password-protected (encrypted)"),
        "{}",
        en.stderr
    );
}

#[test]
fn a_ragged_csv_row_is_listed_not_guessed() {
    let p = Project::new();
    p.write(
        "avvik.csv",
        format!("{DEV_HEADER}1;Helse og velferd;Enhet A;14.02.2024;;Avvik\n2;Helse og velferd;Enhet A;15.02.2024;;Avvik;ekstra;felt\n3;Helse og velferd\n"),
    );
    let data = p.ingest();
    let f = &data.files[0];
    assert_eq!((f.rows_read, f.rows_kept, f.rows_rejected), (3, 1, 2));
    let reasons: Vec<(u64, String)> = data
        .data_quality
        .iter()
        .map(|d| (d.row, d.reason.text(ikrapport::Lang::Nb)))
        .collect();
    assert!(
        reasons.contains(&(
            3,
            "raden har 8 felt, overskriften bare 6 (skilletegn i en verdi uten anførselstegn?)"
                .into()
        )),
        "{reasons:?}"
    );
    // Row 4 is short: a warning, then its blank required date rejects it.
    assert!(
        reasons.contains(&(4, "påkrevd verdi mangler".into())),
        "{reasons:?}"
    );
}

#[test]
fn a_1_to_5_field_holding_7_3_5_and_hoy_gives_three_reasons() {
    let p = Project::new();
    p.write(
        "ros.csv",
        "Sektor;Enhet;Sannsynlighet (1-5);Konsekvens (1-5)\n\
         Helse og velferd;A;7;3\nHelse og velferd;B;3,5;3\nHelse og velferd;C;høy;3\nHelse og velferd;D;2;4\n",
    );
    let data = p.ingest();
    let rows: Vec<(u64, &str, &str, String)> = data
        .data_quality
        .iter()
        .map(|d| {
            (
                d.row,
                d.column.as_str(),
                d.value.as_str(),
                d.reason.text(ikrapport::Lang::Nb),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                2,
                "Sannsynlighet (1-5)",
                "7",
                "utenfor skalaen 1–5".to_string()
            ),
            (
                3,
                "Sannsynlighet (1-5)",
                "3,5",
                "ikke et heltall".to_string()
            ),
            (4, "Sannsynlighet (1-5)", "høy", "ikke et tall".to_string()),
        ]
    );
    let risks = data.table(SourceKind::Risks);
    assert_eq!(risks.height(), 1);
    assert_eq!(crate::util::ints(&risks, "score"), vec![Some(8)]);
}

#[test]
fn a_date_that_does_not_exist_is_rejected_with_its_row() {
    let p = Project::new();
    p.write("avvik.csv", cp1252(&format!("{DEV_HEADER}1;Helse og velferd;Enhet A;31.02.2024;;Avvik\n2;Helse og velferd;Enhet A;29.02.2024;;Avvik\n")));
    let data = p.ingest();
    assert_eq!(data.data_quality.len(), 1);
    let d = &data.data_quality[0];
    assert_eq!(
        (d.file.as_str(), d.row, d.column.as_str(), d.value.as_str()),
        ("avvik.csv", 2, "Meldt dato", "31.02.2024")
    );
    assert_eq!(
        d.reason.text(ikrapport::Lang::En),
        "the date does not exist in the calendar"
    );
    assert_eq!(data.table(SourceKind::Deviations).height(), 1);
}

#[test]
fn a_misspelt_required_column_names_the_closest_alias() {
    let p = Project::new();
    p.write(
        "ros-register.csv",
        "Sektor;Enhet;Sannsynligheit;Konsekvens\nHelse og velferd;A;3;3\n",
    );
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    let e = out.stderr;
    assert!(
        e.contains("Fila «ros-register.csv» kan ikke brukes som ROS-register"),
        "{e}"
    );
    assert!(
        e.contains("fant ikke den påkrevde kolonnen «Sannsynlighet»"),
        "{e}"
    );
    assert!(
        e.contains(
            "Overskrifter som ble funnet (rad 1): Sektor, Enhet, Sannsynligheit, Konsekvens"
        ),
        "{e}"
    );
    assert!(
        e.contains("Fant «Sannsynligheit» – mente du «Sannsynlighet»?"),
        "{e}"
    );
    assert_eq!(e.trim().lines().count(), 1, "one paragraph: {e}");
}

#[test]
fn strict_fails_on_any_rejected_row_and_input_files_are_untouched() {
    let p = Project::new();
    let src = crate::util::sample_data();
    let mut before = Vec::new();
    for f in ["avvik.csv", "ros-register.xlsx", "ikrapport.toml"] {
        let bytes = std::fs::read(src.join(f)).unwrap();
        p.write(f, &bytes);
        before.push((f, bytes));
    }
    let dir = p.path().to_str().unwrap();
    assert_eq!(ikrapport(&["run", dir]).code, 0);
    let strict = ikrapport(&["run", dir, "--strict"]);
    assert_eq!(strict.code, 1);
    assert!(
        strict
            .stderr
            .contains("rader ble avvist, og --strict er gitt"),
        "{}",
        strict.stderr
    );
    assert_eq!(ikrapport(&["validate", dir, "--strict"]).code, 1);
    for (f, bytes) in before {
        assert_eq!(
            std::fs::read(p.path().join(f)).unwrap(),
            bytes,
            "{f} was modified"
        );
    }
}

#[test]
fn a_file_no_source_fits_is_reported_not_guessed() {
    let p = Project::new();
    p.write("eksport.csv", "Navn;Telefon\nOla;12345678\n");
    let data = p.ingest();
    let e = data.files[0].error.as_deref().unwrap_or("");
    assert!(
        e.contains("Kunne ikke se hvilken kilde fila «eksport.csv» er"),
        "{e}"
    );
}

#[test]
fn an_empty_folder_and_a_missing_folder_are_explained() {
    let p = Project::new();
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Fant ingen datafiler"),
        "{}",
        out.stderr
    );
    let out = ikrapport(&["validate", "/finnes/ikke"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Fant ikke mappa «/finnes/ikke»"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_config_is_one_readable_error() {
    let p = Project::new();
    p.write("ikrapport.toml", "kommunenummer = 5001\n");
    p.write("avvik.csv", DEV_HEADER);
    let out = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("Konfigurasjonsfila"), "{}", out.stderr);
}

/// A Windows-1252 export whose descriptions hold line breaks: the rejected record is the
/// row Excel shows (12), and the line a text editor shows (16) is given beside it.
#[test]
fn rows_are_numbered_as_excel_shows_them_with_the_text_line_beside() {
    let p = Project::new();
    let mut text = String::from("Saksnummer;Sektor;Meldt dato;Kort beskrivelse\r\n");
    for i in 1..=10 {
        let desc = if i % 3 == 1 {
            "\"Trussel mot ansatt\r\nved utgangsdør\""
        } else {
            "Glatt gulv"
        };
        text.push_str(&format!(
            "A-{i};Helse og velferd;0{}.02.2025;{desc}\r\n",
            i % 9 + 1
        ));
    }
    // Records 1, 4, 7 and 10 span two lines: the eleventh record is row 12, line 16.
    text.push_str("A-11;Helse og velferd;31.02.2025;Glatt gulv\r\n");
    p.write("avvik.csv", cp1252(&text));
    let data = p.ingest();
    let d = &data.data_quality[0];
    assert_eq!((d.row, d.line), (12, Some(16)));
    let out = ikrapport(&["validate", p.path().to_str().unwrap()]);
    assert!(
        out.stdout.contains("avvik.csv rad 12 (linje 16), «Meldt dato» = «31.02.2025»: avvist – datoen finnes ikke i kalenderen"),
        "{}",
        out.stdout
    );
    let json = ikrapport(&["validate", p.path().to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["data_quality"][0]["row"], 12);
    assert_eq!(v["data_quality"][0]["line"], 16);
    // Where row and line agree, only the row is shown.
    let q = Project::new();
    q.write(
        "avvik.csv",
        format!("{DEV_HEADER}1;Helse;Nord;31.02.2025;;Avvik\n"),
    );
    let out = ikrapport(&["validate", q.path().to_str().unwrap()]);
    assert!(
        out.stdout.contains("avvik.csv rad 2, «Meldt dato»"),
        "{}",
        out.stdout
    );
}

/// An export larger than one chunk of the streaming reader (issue 8, point 6): rows in
/// later chunks keep their Excel row and text line, the quoted line breaks and empty
/// lines of earlier chunks counted, and no row is lost or read twice at a chunk's edge.
#[test]
fn a_long_export_is_read_in_chunks_without_losing_a_row_or_its_number() {
    let p = Project::new();
    let n = 3 * ikrapport::ingest::text::CHUNK_ROWS + 7;
    let mut text = String::from("Saksnummer;Sektor;Meldt dato;Kort beskrivelse\r\n");
    for i in 1..=n {
        // Every 1000th record spans two lines; an empty line after record 5.
        let desc = if i % 1000 == 0 {
            "\"Fall\r\npå trapp\""
        } else {
            "Glatt gulv"
        };
        text.push_str(&format!("A-{i};Helse og velferd;01.02.2025;{desc}\r\n"));
        if i == 5 {
            text.push_str("\r\n");
        }
    }
    text.push_str("A-last;Helse og velferd;31.02.2025;Glatt gulv\r\n");
    p.write("avvik.csv", cp1252(&text));
    let data = p.ingest();
    let devs = data.table(SourceKind::Deviations);
    assert_eq!(devs.height(), n);
    assert_eq!(data.files[0].rows_read, n + 1);
    let ids = crate::util::strs(&devs, "id");
    assert_eq!(ids[n - 1].as_deref(), Some(format!("A-{n}").as_str()));
    let desc = crate::util::strs(&devs, "description");
    // A two-line record inside the third chunk, its line break kept as written.
    let k = 2 * ikrapport::ingest::text::CHUNK_ROWS / 1000 * 1000;
    assert_eq!(desc[k - 1].as_deref(), Some("Fall\r\npå trapp"));
    // The last record: header row 1, n records, one empty line → Excel row n + 3; each
    // of the n / 1000 two-line records adds a text line.
    let d = &data.data_quality[0];
    assert_eq!(data.data_quality.len(), 1);
    let (row, line) = (n as u64 + 3, n as u64 + 3 + (n / 1000) as u64);
    assert_eq!((d.row, d.line), (row, Some(line)));
    assert_eq!(d.value, "31.02.2025");
}

/// A codebook that cannot be parsed makes its survey file unusable, naming the codebook;
/// `validate` still reports every other file.
#[test]
fn a_broken_codebook_makes_only_its_survey_unusable() {
    let p = Project::new();
    p.write(
        "avvik.csv",
        format!("{DEV_HEADER}1;Helse;Nord;02.01.2025;;Avvik\n"),
    );
    p.write(
        "ros-undersokelse.csv",
        "Svar-ID;Sektor;Hvor mange ROS-analyser har du deltatt i det siste året?\n1;Helse;1-5\n",
    );
    p.write(
        "ros-undersokelse-kodebok.toml",
        "survey = \"ros\"\n[[question]]\nid = \"ros_count\"\nkind = \"bånd\"\n",
    );
    let out = ikrapport(&["validate", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("Fil: avvik.csv"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Rader: 1 lest, 1 beholdt"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("KAN IKKE BRUKES: Spørreundersøkelsen «ros-undersokelse.csv» kan ikke leses fordi kodeboken ikke kan brukes"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("ros-undersokelse-kodebok.toml"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("linje 4"), "{}", out.stdout);
}

/// A config file that cannot be read is the user's to fix (exit 1), with its path.
#[test]
fn an_unreadable_config_is_exit_1_with_the_path() {
    let p = Project::new();
    p.write(
        "avvik.csv",
        format!("{DEV_HEADER}1;Helse;Nord;02.01.2025;;Avvik\n"),
    );
    std::fs::create_dir(p.path().join("ikrapport.toml")).unwrap();
    let out = ikrapport(&["validate", p.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("ikrapport.toml"), "{}", out.stderr);
    assert!(
        out.stderr.contains("Kunne ikke lese konfigurasjonsfila"),
        "{}",
        out.stderr
    );
}

/// A panic is ikrapport's bug: exit 3, one paragraph, and with -v where it happened.
#[test]
fn a_bug_is_an_internal_error_whose_place_verbose_shows() {
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_ikrapport"))
            .args(args)
            .env("IKRAPPORT_TEST_PANIC", "1")
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    };
    let (code, err) = run(&["validate", "sample-data"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.starts_with("Feil: intern feil (a test asked for a panic)"),
        "{err}"
    );
    assert!(err.contains("Kjør med -v"), "{err}");
    assert!(!err.contains("src/cli/mod.rs"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, err) = run(&["validate", "sample-data", "-v", "--lang", "en"]);
    assert_eq!(code, Some(3));
    assert!(err.contains("Where in the code: src/cli/mod.rs:"), "{err}");
}

/// The source rules (01-inputs.md): defaults and derived columns reach the table, their
/// warnings follow the row's value issues, and a rejected row's warnings are left out.
#[test]
fn the_rules_fill_defaults_and_warn_and_a_rejected_rows_warnings_are_left_out() {
    let p = Project::new();
    p.write(
        "avvik.csv",
        cp1252(&format!(
            "{DEV_HEADER}1;Helse og velferd;Enhet A;14.02.2024;10.02.2024;Avvik\n\
             ;Helse og velferd;Enhet A;15.02.2024;;\n\
             4;Helse og velferd;Enhet A;14.02.2024;01.01.2024;Avvik;ekstra\n"
        )),
    );
    p.write(
        "ros.csv",
        "Sektor;Enhet;Sannsynlighet (1-5);Konsekvens (1-5);Risikoverdi\n\
         Helse og velferd;A;2;4;10\nHelse og velferd;B;3;3;9\nHelse og velferd;C;7;3;12\n",
    );
    p.write(
        "tilsyn.csv",
        "Tilsynsmyndighet;Sektor;Tilsynsdato;Antall lovbrudd;Antall merknader;Frist\n\
         Arbeidstilsynet;Helse og velferd;10.03.2024;1;0;01.03.2024\n",
    );
    let data = p.ingest();
    let mut rows: Vec<(String, u64, String, String, String)> = data
        .data_quality
        .iter()
        .map(|d| {
            (
                d.file.clone(),
                d.row,
                d.column.clone(),
                d.value.clone(),
                d.reason.text(ikrapport::Lang::Nb),
            )
        })
        .collect();
    rows.sort();
    let row = |f: &str, r: u64, c: &str, v: &str, t: &str| {
        (
            f.to_string(),
            r,
            c.to_string(),
            v.to_string(),
            t.to_string(),
        )
    };
    assert_eq!(
        rows,
        vec![
            row(
                "avvik.csv",
                2,
                "Lukket dato",
                "10.02.2024",
                "lukket dato er før meldt dato"
            ),
            row(
                "avvik.csv",
                4,
                "",
                "ekstra",
                "raden har 7 felt, overskriften bare 6 (skilletegn i en verdi uten anførselstegn?)"
            ),
            row(
                "ros.csv",
                2,
                "Risikoverdi",
                "10",
                "oppgitt risikoverdi 10 stemmer ikke med sannsynlighet × konsekvens = 8; 8 er brukt"
            ),
            row(
                "ros.csv",
                4,
                "Sannsynlighet (1-5)",
                "7",
                "utenfor skalaen 1–5"
            ),
            row(
                "tilsyn.csv",
                2,
                "Frist",
                "01.03.2024",
                "fristen er før tilsynsdatoen"
            ),
        ]
    );
    let dev = data.table(SourceKind::Deviations);
    assert_eq!(
        crate::util::strs(&dev, "id"),
        vec![Some("1".into()), Some("avvik-3".into())]
    );
    assert_eq!(
        crate::util::strs(&dev, "status"),
        vec![Some("lukket".into()), Some("åpen".into())]
    );
    assert_eq!(
        crate::util::strs(&dev, "type"),
        vec![Some("avvik".into()), Some("avvik".into())]
    );
    let risks = data.table(SourceKind::Risks);
    assert_eq!(crate::util::ints(&risks, "score"), vec![Some(8), Some(9)]);
    assert_eq!(
        crate::util::strs(&risks, "id"),
        vec![Some("ros-2".into()), Some("ros-3".into())]
    );
    assert_eq!(
        crate::util::strs(&risks, "law_breach"),
        vec![Some("false".into()), Some("false".into())]
    );
    assert_eq!(data.table(SourceKind::Inspections).height(), 1);
}
