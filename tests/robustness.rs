//! Nothing a file can contain may make the program panic (issue 2): random and mangled
//! files of every kind go through ingestion and analytics; each file either gets a
//! whole-file error or has every row accounted for (read = kept + rejected).

use crate::util::{Project, sample_data};
use ikrapport::SourceKind;
use rand_chacha::rand_core::{Rng, SeedableRng};

const PIECES: &[&str] = &[
    "Sektor",
    "Enhet",
    "Meldt dato",
    "Lukket dato",
    "Sannsynlighet",
    "Konsekvens",
    "Type",
    ";",
    ",",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "31.02.2024",
    "14.02.2024",
    "45336",
    "7",
    "3,5",
    "høy",
    "Helse og velferd",
    "Æøå",
    "=SUM(A1)",
    "-1",
    "1e308",
    "NaN",
    "",
    " ",
    "x",
    "Ja",
    "Vet ikke",
    "Hvilke typer ROS-analyser har du deltatt i?: Annet",
    "\u{feff}",
    "\u{0}",
    "🙂",
    "2024-13-40",
    "99999999999999999999",
];

fn mangled_csv(rng: &mut rand_chacha::ChaCha8Rng) -> Vec<u8> {
    let n = (rng.next_u32() % 200) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[(rng.next_u32() as usize) % PIECES.len()]);
    }
    let mut bytes = s.into_bytes();
    // Sometimes flip bytes, so the text is not valid UTF-8 either.
    if rng.next_u32() % 3 == 0 {
        for _ in 0..(rng.next_u32() % 8) {
            if !bytes.is_empty() {
                let i = (rng.next_u32() as usize) % bytes.len();
                bytes[i] = rng.next_u32() as u8;
            }
        }
    }
    bytes
}

#[test]
fn random_and_mangled_files_never_panic_and_every_row_is_accounted_for() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(20261122);
    let workbook = std::fs::read(sample_data().join("ros-register.xlsx")).unwrap();
    let names = [
        "avvik.csv",
        "ros.csv",
        "undersokelse.csv",
        "enheter.txt",
        "tilsyn.tsv",
        "modenhet.csv",
        "data.csv",
        "ros.xlsx",
        "kommuner.parquet",
    ];
    for round in 0..60 {
        let p = Project::new();
        for (k, name) in names.iter().enumerate() {
            let bytes = match (name.rsplit('.').next(), rng.next_u32() % 4) {
                (Some("xlsx"), 0) => {
                    workbook[..(rng.next_u32() as usize % workbook.len())].to_vec()
                }
                (Some("xlsx"), 1) => {
                    let mut w = workbook.clone();
                    let i = rng.next_u32() as usize % w.len();
                    w[i] ^= 0xFF;
                    w
                }
                (Some("xlsx") | Some("parquet"), _) => (0..(rng.next_u32() % 512))
                    .map(|_| rng.next_u32() as u8)
                    .collect(),
                _ => mangled_csv(&mut rng),
            };
            // Some rounds use well-formed headers so that rows are actually checked.
            let bytes = if round % 2 == 0 && k < 3 {
                let head: &[u8] = match k {
                    0 => b"Sektor;Meldt dato;Lukket dato;Alvorlighetsgrad\n",
                    1 => b"Sektor;Sannsynlighet;Konsekvens;Risiko\n",
                    _ => b"Sektor;Innsendt;Hvor mange ROS-analyser har du deltatt i det siste \xc3\xa5ret?\n",
                };
                [head, &bytes].concat()
            } else {
                bytes
            };
            p.write(name, bytes);
        }
        let outcome = std::panic::catch_unwind(|| {
            let project = ikrapport::Project::open(p.path()).unwrap();
            let data = project
                .ingest()
                .expect("ingest returns per-file errors, not Err");
            let kept: usize = data
                .files
                .iter()
                .filter(|f| f.error.is_none() && f.source != Some(SourceKind::Survey))
                .map(|f| {
                    assert_eq!(f.rows_read, f.rows_kept + f.rows_rejected, "{}", f.file);
                    f.rows_kept
                })
                .sum();
            // Every kept row is in a canonical table, and nothing else is.
            let in_tables: usize = SourceKind::ALL
                .iter()
                .filter(|k| **k != SourceKind::Survey)
                .map(|k| data.table(*k).height())
                .sum();
            assert_eq!(kept, in_tables);
            // The analytics run on whatever was usable, or fail with a message the user
            // can act on: never an internal error.
            if let Err(e) = project.analyse(&data, &Default::default()) {
                assert!(!e.is_internal(), "round {round}: internal error: {e}");
            }
            data.files.len()
        });
        assert!(outcome.is_ok(), "round {round} panicked");
        assert_eq!(outcome.unwrap(), names.len());
    }
}
