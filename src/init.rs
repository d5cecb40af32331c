//! `ikrapport init`: a new project folder with a commented config, the survey codebook
//! and one example file per source with Norwegian headers, for users to fill in or to
//! compare their own exports against.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The example files: (file name, content). CSV with `;` and UTF-8 BOM opens correctly
/// in Norwegian Excel by double-click.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "avvik.csv",
        "Saksnummer;Sektor;Enhet;Meldt dato;Hendelsesdato;Lukket dato;Meldingstype;Kategori;Meldt av;Alvorlighetsgrad;Status;Årsak;Kort beskrivelse\r\n\
AV-2025-00001;Helse og velferd;Hjemmetjenesten Nord;14.02.2025;13.02.2025;20.02.2025;Avvik;Legemiddelhåndtering;Ansatt;Middels;Lukket;Rutine ikke fulgt;Skriv kort, uten navn eller personopplysninger\r\n\
AV-2025-00002;Oppvekst og utdanning;Haugen skole;03.03.2025;;;Forbedringsforslag;Skolemiljø;Ansatt;Lav;Åpen;;\r\n",
    ),
    (
        "ros-register.csv",
        "Nr;Sektor;Enhet;Navn på analyse;Type analyse;Risikokategori;Hva kan gå galt;Sannsynlighet (1-5);Konsekvens (1-5);Risiko (S x K);Lovbrudd (ja/nei);Håndtering;Tiltak;Tiltaksansvarlig;Frist;Tiltaksstatus;S etter tiltak;K etter tiltak;Vurdert dato;Neste vurdering\r\n\
1;Helse og velferd;Hjemmetjenesten Nord;ROS legemiddelhåndtering;Tjenestespesifikk;Liv og helse;Feil legemiddel gis til bruker;3;4;12;Nei;Redusere;Innføre dobbeltkontroll;Enhetsleder;01.06.2025;Pågår;2;4;15.01.2025;15.01.2026\r\n",
    ),
    (
        "enheter.csv",
        "Sektor;Enhet;Antall årsverk;Overordnet\r\nHelse og velferd;Hjemmetjenesten Nord;42,5;Helse og velferd\r\nOppvekst og utdanning;Haugen skole;38;Oppvekst og utdanning\r\n",
    ),
    (
        "modenhet.csv",
        "Sektor;Vurdert av;Dimensjon;Nåsituasjon;Ambisjonsnivå;Dato\r\nHelse og velferd;Vurderer 1;Avvik og risiko;2;4;01.11.2025\r\nHelse og velferd;Vurderer 1;Rutiner;3;4;01.11.2025\r\n",
    ),
    (
        "tilsyn.csv",
        "Tilsynsmyndighet;Tilsynstema;Sektor;Enhet;Tilsynsdato;Antall lovbrudd;Antall merknader;Frist;Lukket dato\r\nStatsforvalteren;Kommunens beredskapsplikt;Organisasjon;;12.03.2025;1;2;12.06.2025;\r\n",
    ),
    (
        "ros-undersokelse.csv",
        "Svar-ID;Innsendt;Hvilken sektor jobber du i?;Hva er din rolle?;Hvor mange ROS-analyser har du deltatt i det siste året?;Hvilke typer ROS-analyser har du deltatt i?;Hvilket verktøy bruker dere til ROS-analyser?;Hvem informerer dere om ROS-analysene?;Er ROS-analyser relevant for ditt arbeid?;ROS er et godt støtteverktøy;Kompetansen på ROS er god\r\n\
1;2025-10-14;Helse og velferd;Leder;1-5;Tjenestespesifikk;Informasjonssikkerhet;Kvalitetssystem;Nærmeste leder;Verneombud;Ja;Enig;Helt enig\r\n",
    ),
];

/// Create a project folder. Existing files are never overwritten: they are listed as
/// skipped.
pub fn init(folder: &Path, lang: crate::Lang) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    std::fs::create_dir_all(folder).map_err(|e| Error::mkdir(lang, folder, e))?;
    let mut files: Vec<(String, String)> = vec![
        (
            crate::config::CONFIG_FILE.into(),
            crate::config::Config::template().into(),
        ),
        (
            "ros-undersokelse-kodebok.toml".into(),
            crate::ingest::survey::DEFAULT_CODEBOOK.into(),
        ),
        // The report definition, to edit without a rebuild (03-report.md).
        (
            "reports/arsrapport.toml".into(),
            crate::report::definition::DEFAULT.into(),
        ),
    ];
    for (name, content) in EXAMPLES {
        // The multi-select example joins options with `;`: quote that cell.
        let content = if *name == "ros-undersokelse.csv" {
            content
                .replace(
                    "Tjenestespesifikk;Informasjonssikkerhet",
                    "\"Tjenestespesifikk;Informasjonssikkerhet\"",
                )
                .replace("Nærmeste leder;Verneombud", "\"Nærmeste leder;Verneombud\"")
        } else {
            content.to_string()
        };
        files.push((name.to_string(), format!("\u{feff}{content}")));
    }
    let (mut written, mut skipped) = (Vec::new(), Vec::new());
    for (name, content) in files {
        let p = folder.join(&name);
        if p.exists() {
            skipped.push(p);
            continue;
        }
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::mkdir(lang, dir, e))?;
        }
        std::fs::write(&p, content).map_err(|e| Error::write(lang, &p, e))?;
        written.push(p);
    }
    Ok((written, skipped))
}
