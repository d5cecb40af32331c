//! Files as users have them (01-inputs.md, "Formats and tolerance"): encodings,
//! delimiters, spreadsheets with title rows, merged cells and hidden sheets, Parquet, and
//! survey exports in both multi-select styles.

use crate::util::{Project, cp1252, ints, strs};
use ikrapport::SourceKind;
use polars::prelude::*;
use rust_xlsxwriter::{Format, Formula, Workbook};

#[test]
fn a_windows_1252_semicolon_export_from_excel_is_read_exactly() {
    let p = Project::new();
    // What "CSV (semikolonseparert)" on Norwegian Windows writes: cp1252, `;`, CRLF,
    // quotes around a value holding `;` and a line break.
    let text = "Avviksnummer;Sektor;Enhet;Registrert dato;Lukket;Type;Kategori;Innmelder;Alvorlighet;Årsak;Beskrivelse\r\n\
                A-1;Helse og velferd;Tjenestekontoret Sør;14.02.2024;20.02.2024;Uønsket hendelse;Legemiddelhåndtering;Pårørende;Høy;Rutine ikke fulgt;\"Feil dose; oppdaget\r\nav nattevakt\"\r\n\
                A-2;Oppvekst og utdanning;Østbyen skole;2024-03-01;;Forbedringsforslag;Skolemiljø;Ansatt;1;;\r\n";
    p.write("Avvik 2024.csv", cp1252(text));
    let data = p.ingest();
    let f = &data.files[0];
    assert_eq!(f.encoding, Some("Windows-1252"));
    assert_eq!(f.delimiter.as_deref(), Some(";"));
    assert_eq!((f.rows_read, f.rows_rejected), (2, 0));
    let d = data.table(SourceKind::Deviations);
    assert_eq!(
        strs(&d, "unit"),
        vec![
            Some("Tjenestekontoret Sør".into()),
            Some("Østbyen skole".into())
        ]
    );
    assert_eq!(
        strs(&d, "type"),
        vec![Some("avvik".into()), Some("forbedringsforslag".into())]
    );
    assert_eq!(
        strs(&d, "source"),
        vec![Some("innbygger".into()), Some("ansatt".into())]
    );
    assert_eq!(
        strs(&d, "status"),
        vec![Some("lukket".into()), Some("åpen".into())]
    );
    assert_eq!(ints(&d, "severity"), vec![Some(3), Some(1)]);
    assert_eq!(
        strs(&d, "description")[0].as_deref(),
        Some("Feil dose; oppdaget\r\nav nattevakt")
    );
    assert_eq!(strs(&d, "id"), vec![Some("A-1".into()), Some("A-2".into())]);
    assert_eq!(strs(&d, "root_cause")[1], None);
    assert_eq!(strs(&d, "kommunenummer"), vec![None, None]);
    // The second record is row 3 in Excel, though it starts on line 4 of the file (the
    // first spans two lines).
    assert_eq!(ints(&d, "source_row"), vec![Some(2), Some(3)]);
}

#[test]
fn utf16_tab_separated_unicode_text_and_generated_ids() {
    let p = Project::new();
    let text = "Sektor\tEnhet\tMeldt dato\r\nKultur og idrett\tBibliotek Åsen\t45336\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    p.write("hendelser.txt", bytes);
    let data = p.ingest();
    assert_eq!(data.files[0].encoding, Some("UTF-16LE"));
    let d = data.table(SourceKind::Deviations);
    assert_eq!(strs(&d, "unit"), vec![Some("Bibliotek Åsen".into())]);
    assert_eq!(strs(&d, "id"), vec![Some("hendelser-2".into())]);
    let date = d
        .column("reported_date")
        .unwrap()
        .cast(&DataType::String)
        .unwrap();
    assert_eq!(date.str().unwrap().get(0), Some("2024-02-14"));
}

/// A ROS register as another library writes it: a hidden sheet first, an instructions
/// sheet, then the register with a title block, merged group headers, a merged sector
/// cell over three rows, a formula column and real date cells.
fn ros_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let hidden = wb.add_worksheet().set_name("Gammel").unwrap();
    for (c, h) in ["Sektor", "Sannsynlighet", "Konsekvens"].iter().enumerate() {
        hidden.write_string(0, c as u16, *h).unwrap();
    }
    hidden.write_string(1, 0, "Skal ikke leses").unwrap();
    hidden.set_hidden(true);
    let guide = wb.add_worksheet().set_name("Veiledning").unwrap();
    guide
        .write_string(0, 0, "Slik fyller du ut registeret")
        .unwrap();
    let ws = wb.add_worksheet().set_name("ROS").unwrap();
    // Excel cannot hide the active sheet: make the register active.
    ws.set_active(true);
    let f = Format::new();
    ws.merge_range(0, 0, 0, 7, "ROS-analyse for sektor Helse og velferd", &f)
        .unwrap();
    ws.merge_range(1, 0, 1, 7, "Skriv kort! Hvite felter fylles ut.", &f)
        .unwrap();
    ws.merge_range(2, 3, 2, 5, "Risikovurdering", &f).unwrap();
    for (c, h) in [
        "Sektor",
        "Enhet",
        "Hva kan gå galt",
        "Sannsynlighet (1-5)",
        "Konsekvens (1-5)",
        "Risiko",
        "Lovbrudd",
        "Neste vurdering",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    ws.merge_range(4, 0, 6, 0, "Helse og velferd", &f).unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (i, (unit, p, k, lov)) in [
        ("Legevakt", 4, 4, "x"),
        ("Helsehuset", 2, 3, ""),
        ("Hjemmetjenesten", 5, 3, "Ja"),
    ]
    .iter()
    .enumerate()
    {
        let r = 4 + i as u32;
        ws.write_string(r, 1, *unit).unwrap();
        ws.write_string(r, 2, "Feil legemiddel").unwrap();
        ws.write_number(r, 3, *p as f64).unwrap();
        ws.write_number(r, 4, *k as f64).unwrap();
        ws.write_formula(
            r,
            5,
            Formula::new(format!("=D{}*E{}", r + 1, r + 1)).set_result((p * k).to_string()),
        )
        .unwrap();
        ws.write_string(r, 6, *lov).unwrap();
        ws.write_datetime_with_format(
            r,
            7,
            chrono::NaiveDate::from_ymd_opt(2025, 3, 1 + i as u32).unwrap(),
            &date,
        )
        .unwrap();
    }
    // A later sheet with the same layout: not read, but the user is told.
    let copy = wb.add_worksheet().set_name("ROS 2023").unwrap();
    for (c, h) in ["Sektor", "Sannsynlighet", "Konsekvens"].iter().enumerate() {
        copy.write_string(0, c as u16, *h).unwrap();
    }
    copy.write_string(1, 0, "Gammel").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_spreadsheet_with_title_rows_merged_cells_and_a_hidden_sheet() {
    let p = Project::new();
    p.write("ros.xlsx", ros_workbook());
    let data = p.ingest();
    let f = &data.files[0];
    assert_eq!(f.error, None, "{:?}", f.error);
    assert_eq!(f.sheet.as_deref(), Some("ROS"));
    assert_eq!(f.header_row, Some(4));
    let has = |s: &str| f.notes.iter().any(|n| n.contains(s));
    assert!(
        has("Arket «ROS 2023» har også riktige overskrifter, men ble ikke lest"),
        "{:?}",
        f.notes
    );
    assert!(has("analysene bruker 0000"), "{:?}", f.notes);
    assert_eq!(
        (f.rows_read, f.rows_kept, f.rows_rejected, f.warnings),
        (3, 3, 0, 0)
    );
    let r = data.table(SourceKind::Risks);
    assert_eq!(strs(&r, "sector"), vec![Some("Helse og velferd".into()); 3]);
    assert_eq!(ints(&r, "score"), vec![Some(16), Some(6), Some(15)]);
    let lb: Vec<Option<bool>> = r
        .column("law_breach")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(lb, vec![Some(true), Some(false), Some(true)]);
    let d = r
        .column("next_review_date")
        .unwrap()
        .cast(&DataType::String)
        .unwrap();
    assert_eq!(d.str().unwrap().get(2), Some("2025-03-03"));
    assert_eq!(ints(&r, "source_row"), vec![Some(5), Some(6), Some(7)]);
}

#[test]
fn the_config_chooses_files_sheets_and_adds_aliases() {
    let p = Project::new();
    p.write("eksport/data.xlsx", ros_workbook());
    p.write(
        "liste.csv",
        "Seksjon;Meldt;Ekstra kolonne (tekst)\nHelse- og velferd;01.02.2025;hei\n",
    );
    p.write(
        "ikrapport.toml",
        "kommunenummer = \"5001\"\n[sources.risks]\nfiles = [\"eksport/data.xlsx\"]\nsheet = \"ROS\"\n\
         [sources.deviations]\nfiles = [\"liste.csv\"]\n[aliases.deviations]\nsector = [\"seksjon\"]\n\
         [sector_aliases]\n\"Helse- og velferd\" = \"Helse og velferd\"\n",
    );
    let data = p.ingest();
    assert!(
        data.files.iter().all(|f| f.error.is_none()),
        "{:?}",
        data.files
    );
    assert!(data.files.iter().all(|f| f.detected_by == Some("config")));
    let d = data.table(SourceKind::Deviations);
    assert_eq!(strs(&d, "sector"), vec![Some("Helse og velferd".into())]);
    assert_eq!(strs(&d, "kommunenummer"), vec![Some("5001".into())]);
    // The unknown column is kept under a sanitised name, never dropped.
    assert_eq!(strs(&d, "ekstra_kolonne_tekst"), vec![Some("hei".into())]);
    assert_eq!(data.table(SourceKind::Risks).height(), 3);
}

#[test]
fn parquet_input_goes_through_the_same_checks() {
    let p = Project::new();
    let mut df = df!(
        "sector" => ["Finans", "Finans"],
        "unit" => ["Regnskap", "Innkjøp"],
        "employees" => [12.5, -1.0],
    )
    .unwrap();
    let mut file = std::fs::File::create(p.path().join("enheter.parquet")).unwrap();
    ParquetWriter::new(&mut file).finish(&mut df).unwrap();
    let data = p.ingest();
    let f = &data.files[0];
    assert_eq!((f.rows_read, f.rows_kept, f.rows_rejected), (2, 1, 1));
    assert_eq!(
        data.data_quality[0].reason.text(ikrapport::Lang::Nb),
        "kan ikke være negativt"
    );
    let u = data.table(SourceKind::Units);
    let e: Vec<Option<f64>> = u
        .column("employees")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(e, vec![Some(12.5)]);
}

#[test]
fn survey_multi_select_in_both_export_styles_becomes_one_long_table() {
    let p = Project::new();
    // Respondent 1: one column per option (Nettskjema); respondent rows also use the
    // joined style for ros_informed. Respondent 3 answered "Vet ikke" (missing).
    p.write(
        "undersøkelse.csv",
        "\u{feff}Svar-ID,Hvilken sektor jobber du i?,Hva er din rolle?,Hvor mange ROS-analyser har du deltatt i det siste året?,\
Hvilke typer ROS-analyser har du deltatt i?: Tjenestespesifikk,Hvilke typer ROS-analyser har du deltatt i?: Personvern,\
Hvem informerer dere om ROS-analysene?,Kompetansen på ROS er god,Kommentar\n\
1,Finans,Leder,1-5,1,x,Nærmeste leder;Verneombud,Helt enig,Navn Navnesen sa noe\n\
2,Finans,Ansatt,0,,,Ingen,2,\n\
3,Organisasjon,Verneombud,Mer enn 50,,Personvern,Ansatte,Vet ikke,\n",
    );
    let data = p.ingest();
    assert_eq!(data.files[0].error, None, "{:?}", data.files[0].error);
    let s = data.table(SourceKind::Survey);
    let rows: Vec<(String, String, String, Option<i64>)> = (0..s.height())
        .map(|i| {
            (
                strs(&s, "respondent_id")[i].clone().unwrap(),
                strs(&s, "question")[i].clone().unwrap(),
                strs(&s, "answer")[i].clone().unwrap_or_default(),
                ints(&s, "answer_order")[i],
            )
        })
        .collect();
    let has = |r: &str, q: &str, a: &str, o: Option<i64>| {
        rows.contains(&(r.into(), q.into(), a.into(), o))
    };
    assert!(has("1", "ros_count", "1-5", Some(2)));
    assert!(has("1", "ros_types", "tjenestespesifikk", Some(5)));
    assert!(has("1", "ros_types", "personvern", Some(4)));
    assert!(has("1", "ros_informed", "nærmeste leder", Some(1)));
    assert!(has("1", "ros_informed", "verneombud", Some(3)));
    assert!(has("1", "competence_ok", "5", Some(5)));
    assert!(has("2", "ros_count", "0", Some(1)));
    assert!(has("2", "competence_ok", "2", Some(2)));
    assert!(has("3", "ros_count", ">50", Some(5)));
    assert!(has("3", "ros_types", "personvern", Some(4)));
    assert!(
        !rows.iter().any(|r| r.0 == "3" && r.1 == "competence_ok"),
        "vet ikke is missing"
    );
    // Respondent 2 ticked no type (blank boxes): they answered the question, so one row
    // with a blank answer counts them in its denominator (01-inputs.md, `multi`).
    assert!(
        has("2", "ros_types", "", None),
        "ticked nothing is an answer"
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.0 == "2" && r.1 == "ros_types")
            .count(),
        1
    );
    assert_eq!(rows.len(), 14);
    assert_eq!(strs(&s, "role")[0].as_deref(), Some("leder"));
    assert_eq!(strs(&s, "survey")[0].as_deref(), Some("ros-praksis"));
}

/// A survey export longer than one chunk of the streaming reader is read chunk by chunk:
/// every respondent of every chunk is in the long table with their own sector, and a row
/// number in the last chunk is right.
#[test]
fn a_survey_longer_than_a_chunk_keeps_every_respondent() {
    let p = Project::new();
    let n = 2 * ikrapport::ingest::text::CHUNK_ROWS + 5;
    let mut text = String::from(
        "Svar-ID;Hvilken sektor jobber du i?;Hvor mange ROS-analyser har du deltatt i det siste året?\n",
    );
    for i in 1..=n {
        let sector = if i % 2 == 0 { "Finans" } else { "Organisasjon" };
        text.push_str(&format!("{i};{sector};1-5\n"));
    }
    text.push_str("last;Finans;tusen\n");
    p.write("undersøkelse.csv", crate::util::cp1252(&text));
    let data = p.ingest();
    assert_eq!(data.files[0].error, None, "{:?}", data.files[0].error);
    assert_eq!(data.files[0].rows_read, n + 1);
    let s = data.table(SourceKind::Survey);
    let ids = strs(&s, "respondent_id");
    let sectors = strs(&s, "sector");
    let at = |id: &str| ids.iter().position(|x| x.as_deref() == Some(id)).unwrap();
    assert_eq!(
        sectors[at(&n.to_string())].as_deref(),
        Some(if n % 2 == 0 { "Finans" } else { "Organisasjon" })
    );
    assert_eq!(sectors[at("2")].as_deref(), Some("Finans"));
    let distinct: std::collections::BTreeSet<_> = ids.iter().flatten().collect();
    assert_eq!(distinct.len(), n + 1);
    // "tusen" is not an option: a warning on the last record's row (header row 1).
    let d = data
        .data_quality
        .iter()
        .find(|d| d.value == "tusen")
        .expect("a warning for the unknown answer");
    assert_eq!(d.row, n as u64 + 2);
}

/// Whether blank boxes mean "ticked nothing" or "not asked" depends on the whole export
/// (01-inputs.md, `multi`): a `0` in the last chunk of a streamed survey decides it for a
/// respondent in the first chunk too, and a respondent left with no answer at all is still
/// one row.
#[test]
fn unticked_boxes_marked_in_a_later_chunk_decide_for_the_whole_survey() {
    let p = Project::new();
    let n = 2 * ikrapport::ingest::text::CHUNK_ROWS + 5;
    let mut text = String::from(
        "Svar-ID;Hvilken sektor jobber du i?;Hvor mange ROS-analyser har du deltatt i det siste året?;\
Hvilke typer ROS-analyser har du deltatt i?: Tjenestespesifikk;\
Hvilke typer ROS-analyser har du deltatt i?: Personvern;Kommentar\n",
    );
    text.push_str("blank-boxes;Finans;1-5;;;første\n");
    text.push_str("nothing;Finans;;;;\n");
    for i in 3..=n {
        text.push_str(&format!("{i};Finans;1-5;;x;\n"));
    }
    text.push_str("zeros;Finans;1-5;0;0;siste\n");
    p.write("undersøkelse.csv", cp1252(&text));
    let data = p.ingest();
    assert_eq!(data.files[0].error, None, "{:?}", data.files[0].error);
    assert_eq!(data.files[0].rows_kept, n + 1);
    let s = data.table(SourceKind::Survey);
    let (ids, questions, answers) = (
        strs(&s, "respondent_id"),
        strs(&s, "question"),
        strs(&s, "answer"),
    );
    let of = |id: &str| -> Vec<(Option<String>, Option<String>)> {
        (0..s.height())
            .filter(|&i| ids[i].as_deref() == Some(id))
            .map(|i| (questions[i].clone(), answers[i].clone()))
            .collect()
    };
    let q = |x: &str| Some(x.to_string());
    // The export marks unticked boxes with 0: all-blank boxes were not asked. (Each
    // chunk's free-text answers are numbered after the chunks before it.)
    assert_eq!(
        of("blank-boxes"),
        vec![(q("ros_count"), q("1-5")), (q("comment"), q("første"))]
    );
    assert_eq!(of("nothing"), vec![(None, None)]);
    assert_eq!(
        of("3"),
        vec![
            (q("ros_count"), q("1-5")),
            (q("ros_types"), q("personvern"))
        ]
    );
    // Every box marked unticked: answered with nothing ticked.
    assert_eq!(
        of("zeros"),
        vec![
            (q("ros_count"), q("1-5")),
            (q("comment"), q("siste")),
            (q("ros_types"), None)
        ]
    );
}
