//! `ikrapport generate`: deterministic synthetic data for all six sources (same seed →
//! same bytes), written in the messy real-world forms ingestion must handle.
//!
//! Profiles (04-cli-and-scale.md): `kommune`, one municipality of about 100 000
//! inhabitants over 5 years, in mixed formats (a Windows-1252 `;` CSV deviation export, a
//! ROS-register workbook with a title block, instruction rows, merged cells, a formula
//! column and a hidden list sheet, a Nettskjema-style survey CSV with its codebook, units
//! and maturity workbooks, an inspections CSV); `national`, N municipalities in one CSV
//! per source plus the municipalities reference, for benchmarks; `national-x10`, the
//! national municipalities ten times over (each copy under new four-digit numbers and a
//! numbered name, with its own random draws), ~11 million deviations for the stress target.

pub mod rng;
pub mod sources;
pub mod world;
pub mod write;

use crate::error::{Error, Result};
use rng::Rand;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook};
use sources::{Sheet, fmt_date};
use std::path::{Path, PathBuf};
use world::Municipality;
use write::{CsvOut, Encoding, csv_file, xe};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Kommune,
    National,
    /// `national` ten times over (04-cli-and-scale.md: "national-x10").
    NationalX10,
}

/// Generator options.
#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    pub seed: u64,
    /// Number of municipalities (national profile).
    pub municipalities: usize,
    /// Years of deviations and inspections, ending with `last_year`.
    pub years: i32,
    pub last_year: i32,
    /// A municipalities CSV (kommunenummer, kommune, fylke, innbyggere) to take names and
    /// populations from (national profile).
    pub reference: Option<PathBuf>,
    /// Population of the one municipality (kommune profile), or the largest of the
    /// fictitious ones (national profile without a reference).
    pub population: u64,
    /// Language of messages.
    pub lang: crate::i18n::Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            profile: Profile::Kommune,
            seed: 2025,
            municipalities: 357,
            years: 5,
            last_year: 2025,
            reference: None,
            population: 100_000,
            lang: crate::i18n::Lang::Nb,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: Vec<(String, usize)>,
}

/// A seed per (municipality, source), independent of generation order.
fn seed_for(seed: u64, muni: usize, source: u64) -> u64 {
    // SplitMix64 finaliser.
    let mut z = seed
        .wrapping_add((muni as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_add(source.wrapping_mul(0xBF58_476D_1CE4_E5B9));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Generate into `out` (created if missing).
pub fn generate(opts: &Options, out: &Path) -> Result<Summary> {
    if opts.years < 1 || opts.years > 30 {
        return Err(Error::Usage(tr!(
            opts.lang,
            "generate-years",
            years = opts.years.to_string()
        )));
    }
    std::fs::create_dir_all(out).map_err(|e| Error::mkdir(opts.lang, out, e))?;
    match opts.profile {
        Profile::Kommune => kommune(opts, out),
        Profile::National => national(opts, out, 1),
        Profile::NationalX10 => national(opts, out, 10),
    }
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io(path.display().to_string(), e))
}

fn kommune(opts: &Options, out: &Path) -> Result<Summary> {
    let first = opts.last_year - opts.years + 1;
    let last = opts.last_year;
    let mut r = Rand::new(seed_for(opts.seed, 0, 0));
    let m = Municipality::new(
        "9901".into(),
        "Eksempelvik".into(),
        "Eksempel fylke".into(),
        opts.population,
        &mut r,
        false,
    );
    let mut sum = Summary::default();

    write_text(
        &out.join("ikrapport.toml"),
        &format!(
            "# Eksempeldata laget av `ikrapport generate --seed {}`: en oppdiktet kommune.\nkommunenummer = \"{}\"\nkommune = \"{}\"\nlanguage = \"nb\"\n",
            opts.seed, m.knr, m.name
        ),
    )?;

    // Deviations: Windows-1252, `;`, CRLF, like Excel's "CSV (semikolonseparert)".
    let mut dev = sources::deviations(
        &m,
        &mut Rand::new(seed_for(opts.seed, 0, 1)),
        first,
        last,
        false,
        true,
    );
    plant_deviation_errors(&mut dev, last);
    let n_dev = dev.rows.len();
    write_long_row_csv(&out.join("avvik.csv"), &dev)?;
    sum.files.push(("avvik.csv".into(), n_dev));

    let risks = sources::risks(&m, &mut Rand::new(seed_for(opts.seed, 0, 2)), last);
    sum.files.push(("ros-register.xlsx".into(), risks.len()));
    risk_workbook(&out.join("ros-register.xlsx"), &m, &risks, last)?;

    let mut sv = sources::survey(&m, &mut Rand::new(seed_for(opts.seed, 0, 3)), last, false);
    sources::plant(
        &mut sv,
        &[
            (3, "Hvilken sektor jobber du i?", ""),
            (8, "Er ROS-analyser relevant for ditt arbeid?", "Kanskje"),
        ],
    );
    csv_file(
        &out.join("ros-undersokelse.csv"),
        &sv.headers,
        &sv.rows,
        b',',
        Encoding::Utf8Bom,
        false,
    )?;
    sum.files
        .push(("ros-undersokelse.csv".into(), sv.rows.len()));
    write_text(
        &out.join("ros-undersokelse-kodebok.toml"),
        crate::ingest::survey::DEFAULT_CODEBOOK,
    )?;

    units_workbook(&out.join("enheter.xlsx"), &m, last)?;
    sum.files.push(("enheter.xlsx".into(), m.units.len()));

    let mat = sources::maturity(&m, &mut Rand::new(seed_for(opts.seed, 0, 4)), last, false);
    maturity_workbook(&out.join("modenhet.xlsx"), &mat, last)?;
    sum.files.push(("modenhet.xlsx".into(), mat.rows.len()));

    let mut ins = sources::inspections(
        &m,
        &mut Rand::new(seed_for(opts.seed, 0, 5)),
        first,
        last,
        false,
    );
    sources::plant(&mut ins, &[(2, "Antall lovbrudd", "to")]);
    csv_file(
        &out.join("tilsyn.csv"),
        &ins.headers,
        &ins.rows,
        b';',
        Encoding::Utf8Bom,
        true,
    )?;
    sum.files.push(("tilsyn.csv".into(), ins.rows.len()));
    Ok(sum)
}

/// The planted bad rows of the deviation export (each is caught by ingestion).
fn plant_deviation_errors(dev: &mut Sheet, last: i32) {
    let n = dev.rows.len();
    if n < 100 {
        return;
    }
    let feb31 = format!("31.02.{}", last - 1);
    let edits: Vec<(usize, &str, String)> = vec![
        (n / 7, "Meldt dato", feb31),
        (n / 5, "Sektor", String::new()),
        (n / 3, "Meldt dato", "i går".into()),
        (n / 2, "Alvorlighetsgrad", "7".into()),
        (n / 2 + 11, "Meldt av", "Naboen".into()),
    ];
    for (i, h, v) in &edits {
        sources::plant(dev, &[(*i, h, v.as_str())]);
    }
    // A closed date before the reported date (a warning: the row is kept).
    let i = 2 * n / 3;
    let (rc, cc) = (
        dev.headers
            .iter()
            .position(|h| h == "Meldt dato")
            .unwrap_or(0),
        dev.headers
            .iter()
            .position(|h| h == "Lukket dato")
            .unwrap_or(0),
    );
    if let Ok(d) = crate::ingest::values::parse_date_text(&dev.rows[i][rc]) {
        dev.rows[i][cc] = fmt_date(d - chrono::Duration::days(3));
    }
}

/// The deviation CSV, with one row whose description holds an unquoted `;` (a ragged
/// row, as hand-edited exports have).
fn write_long_row_csv(path: &Path, dev: &Sheet) -> Result<()> {
    const MARK: &str = "@@LANG_RAD@@";
    let mut rows = dev.rows.clone();
    let n = rows.len();
    if n > 100 {
        let last = rows[n * 3 / 4].len() - 1;
        rows[n * 3 / 4][last] = MARK.into();
    }
    csv_file(path, &dev.headers, &rows, b';', Encoding::Windows1252, true)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display().to_string(), e))?;
    let text = String::from_utf8_lossy(&bytes).to_string();
    if text.contains(MARK) {
        // Windows-1252 bytes that are not UTF-8 would be mangled by a text replace:
        // splice the bytes instead.
        let pos = bytes
            .windows(MARK.len())
            .position(|w| w == MARK.as_bytes())
            .expect("marker");
        let mut out = bytes[..pos].to_vec();
        out.extend_from_slice(b"Sendt hjem; ingen skade");
        out.extend_from_slice(&bytes[pos + MARK.len()..]);
        std::fs::write(path, out).map_err(|e| Error::io(path.display().to_string(), e))?;
    }
    Ok(())
}

/// The columns of the generated ROS register, as a municipal template names them.
const RISK_HEADERS: [&str; 21] = [
    "Nr",
    "Sektor",
    "Enhet",
    "Navn på analyse",
    "Type analyse",
    "Risikogruppe",
    "Risikokategori",
    "Hva kan gå galt",
    "Sannsynlighet (1-5)",
    "Konsekvens (1-5)",
    "Risiko (S x K)",
    "Lovbrudd (ja/nei)",
    "Håndtering",
    "Tiltak",
    "Tiltaksansvarlig",
    "Frist",
    "Tiltaksstatus",
    "S etter tiltak",
    "K etter tiltak",
    "Vurdert dato",
    "Neste vurdering",
];

fn risk_workbook(path: &Path, m: &Municipality, risks: &[sources::Risk], last: i32) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&write::fixed_properties(last));
    let title = Format::new().set_bold().set_font_size(14);
    let note = Format::new().set_italic();
    let group = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color("#D9E1F2");
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9E1F2")
        .set_text_wrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let grey = Format::new().set_background_color("#EDEDED");

    // A first visible sheet without the register: the reader must pick the right one.
    let guide = wb.add_worksheet().set_name("Veiledning").map_err(xe)?;
    guide
        .write_string(0, 0, "Veiledning til ROS-registeret")
        .map_err(xe)?;
    guide
        .write_string(2, 0, "1. Beskriv hva som kan gå galt.")
        .map_err(xe)?;
    guide
        .write_string(
            3,
            0,
            "2. Vurder sannsynlighet og konsekvens på en skala fra 1 til 5.",
        )
        .map_err(xe)?;
    guide
        .write_string(
            4,
            0,
            "3. Beskriv tiltak for alle risikoer med risiko over 10 eller lovbrudd.",
        )
        .map_err(xe)?;

    let ws = wb.add_worksheet().set_name("Register").map_err(xe)?;
    let headers = RISK_HEADERS;
    let lastc = headers.len() as u16 - 1;
    ws.merge_range(
        0,
        0,
        0,
        lastc,
        &format!("ROS-register – {} kommune", m.name),
        &title,
    )
    .map_err(xe)?;
    ws.merge_range(
        1,
        0,
        1,
        lastc,
        "Skriv kort! Hvite felter fylles ut, grå felter beregnes automatisk.",
        &note,
    )
    .map_err(xe)?;
    ws.write_string(
        2,
        0,
        "Skala: 1 = svært lav, 2 = lav, 3 = middels, 4 = høy, 5 = svært høy",
    )
    .map_err(xe)?;
    ws.merge_range(3, 8, 3, 10, "Risikovurdering", &group)
        .map_err(xe)?;
    ws.merge_range(3, 12, 3, 16, "Tiltak", &group).map_err(xe)?;
    ws.merge_range(3, 17, 3, 18, "Restrisiko", &group)
        .map_err(xe)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(4, c as u16, *h, &head)
            .map_err(xe)?;
    }
    let n = risks.len();
    for (i, rk) in risks.iter().enumerate() {
        let row = 5 + i as u32;
        let excel_row = row + 1;
        ws.write_number(row, 0, (i + 1) as f64).map_err(xe)?;
        for (c, v) in [
            (1, &rk.sector),
            (2, &rk.unit),
            (3, &rk.analysis),
            (4, &rk.analysis_type),
            (5, &rk.risk_group),
            (6, &rk.category),
            (7, &rk.hazard),
        ] {
            ws.write_string(row, c, v).map_err(xe)?;
        }
        // Planted bad values: 7 on a 1–5 scale, a word, a decimal.
        let (p_cell, k_cell): (Option<&str>, Option<&str>) = match i {
            x if x == n / 4 => (Some("7"), None),
            x if x == n / 2 => (Some("Høy"), None),
            x if x == 3 * n / 4 => (None, Some("3,5")),
            _ => (None, None),
        };
        match p_cell {
            Some(t) => ws.write_string(row, 8, t).map_err(xe)?,
            None => ws.write_number(row, 8, rk.p as f64).map_err(xe)?,
        };
        match k_cell {
            Some(t) => ws.write_string(row, 9, t).map_err(xe)?,
            None => ws.write_number(row, 9, rk.k as f64).map_err(xe)?,
        };
        // Score as a formula with its cached value; one row has a stale typed-over value.
        let cached = if i == n / 3 {
            rk.p * rk.k + 2
        } else {
            rk.p * rk.k
        };
        ws.write_formula_with_format(
            row,
            10,
            Formula::new(format!("=I{excel_row}*J{excel_row}")).set_result(cached.to_string()),
            &grey,
        )
        .map_err(xe)?;
        ws.write_string(row, 11, if rk.law_breach { "Ja" } else { "Nei" })
            .map_err(xe)?;
        for (c, v) in [
            (12, &rk.treatment),
            (13, &rk.measure),
            (14, &rk.owner),
            (16, &rk.measure_status),
        ] {
            if !v.is_empty() {
                ws.write_string(row, c, v).map_err(xe)?;
            }
        }
        if let Some(d) = rk.due {
            ws.write_datetime_with_format(row, 15, d, &date)
                .map_err(xe)?;
        }
        if let Some(v) = rk.rp {
            ws.write_number(row, 17, v as f64).map_err(xe)?;
        }
        if let Some(v) = rk.rk {
            ws.write_number(row, 18, v as f64).map_err(xe)?;
        }
        ws.write_datetime_with_format(row, 19, rk.assessed, &date)
            .map_err(xe)?;
        ws.write_datetime_with_format(row, 20, rk.next_review, &date)
            .map_err(xe)?;
    }
    ws.set_freeze_panes(5, 0).map_err(xe)?;

    let lists = wb.add_worksheet().set_name("Lister").map_err(xe)?;
    lists.write_string(0, 0, "Sektor").map_err(xe)?;
    for (i, s) in world::SECTORS.iter().enumerate() {
        lists.write_string(i as u32 + 1, 0, s.name).map_err(xe)?;
    }
    lists.set_hidden(true);
    wb.save(path).map_err(xe)
}

fn units_workbook(path: &Path, m: &Municipality, last: i32) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&write::fixed_properties(last));
    let ws = wb.add_worksheet().set_name("Enheter").map_err(xe)?;
    let bold = Format::new().set_bold();
    for (c, h) in [
        "Kommunenummer",
        "Sektor",
        "Enhet",
        "Antall årsverk",
        "Overordnet",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(xe)?;
    }
    for (i, u) in m.units.iter().enumerate() {
        let r = i as u32 + 1;
        // Excel drops the leading zero of a number-formatted kommunenummer; keep text.
        ws.write_string(r, 0, &m.knr).map_err(xe)?;
        ws.write_string(r, 1, world::SECTORS[u.sector].name)
            .map_err(xe)?;
        ws.write_string(r, 2, &u.name).map_err(xe)?;
        ws.write_number(r, 3, u.employees).map_err(xe)?;
        ws.write_string(r, 4, world::SECTORS[u.sector].name)
            .map_err(xe)?;
    }
    wb.save(path).map_err(xe)
}

fn maturity_workbook(path: &Path, mat: &Sheet, last: i32) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&write::fixed_properties(last));
    let ws = wb.add_worksheet().set_name("Egenvurdering").map_err(xe)?;
    ws.write_string(
        0,
        0,
        "Egenvurdering av internkontroll (kommuneloven § 25-1)",
    )
    .map_err(xe)?;
    let bold = Format::new().set_bold();
    for (c, h) in mat.headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &bold)
            .map_err(xe)?;
    }
    let date_col = mat.headers.iter().position(|h| h == "Dato");
    for (i, row) in mat.rows.iter().enumerate() {
        let r = i as u32 + 3;
        for (c, v) in row.iter().enumerate() {
            if Some(c) == date_col {
                // Dates pasted as values: plain Excel serial numbers, no date format.
                let d = crate::ingest::values::parse_date_text(v)
                    .map_err(|_| Error::Internal("generated date".into()))?;
                let serial =
                    (d - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch")).num_days();
                ws.write_number(r, c as u16, serial as f64).map_err(xe)?;
            } else if let Ok(n) = v.parse::<f64>() {
                ws.write_number(r, c as u16, n).map_err(xe)?;
            } else {
                ws.write_string(r, c as u16, v).map_err(xe)?;
            }
        }
    }
    wb.save(path).map_err(xe)
}

/// Municipalities of the national profile: from a reference CSV when given, else
/// fictitious names with populations drawn like Norway's (many small, few large).
fn municipalities(opts: &Options) -> Result<Vec<(String, String, String, u64)>> {
    if let Some(p) = &opts.reference {
        let text = std::fs::read_to_string(p).map_err(|e| Error::read(opts.lang, p, e))?;
        let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| Error::Usage(format!("{}: {e}", p.display())))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (k, n, f, i) = match (
            col("kommunenummer"),
            col("kommune"),
            col("fylke"),
            col("innbyggere"),
        ) {
            (Some(k), Some(n), Some(f), Some(i)) => (k, n, f, i),
            _ => {
                return Err(Error::Usage(tr!(
                    opts.lang,
                    "generate-reference-columns",
                    path = p
                )));
            }
        };
        let mut out = Vec::new();
        for rec in rdr.records().flatten().take(opts.municipalities) {
            let pop = rec
                .get(i)
                .and_then(|x| x.parse::<u64>().ok())
                .unwrap_or(5000);
            out.push((
                rec.get(k).unwrap_or("").to_string(),
                rec.get(n).unwrap_or("").to_string(),
                rec.get(f).unwrap_or("").to_string(),
                pop,
            ));
        }
        return Ok(out);
    }
    let mut r = Rand::new(seed_for(opts.seed, 9999, 0));
    Ok((0..opts.municipalities)
        .map(|i| {
            // Log-uniform from 1 500 to `population` inhabitants (many small, few large).
            let max = opts.population.max(2000) as f64;
            let pop = (1500.0 * (max / 1500.0).powf(r.f64())).round() as u64;
            (
                format!("{:04}", 9100 + i),
                world::fictitious_name(i),
                "Eksempel fylke".to_string(),
                pop,
            )
        })
        .collect())
}

/// The list repeated `copies` times: copy `c` ≥ 1 of municipality `j` gets number
/// 5700 + (c − 1)·n + j (above every real kommunenummer, 0301–5636, and below the
/// fictitious ones from 9100) and the name "Name c". Only for `national-x10`.
fn replicate(
    list: Vec<(String, String, String, u64)>,
    copies: usize,
) -> Vec<(String, String, String, u64)> {
    let n = list.len();
    let mut out = list.clone();
    for c in 1..copies {
        for (j, (_, name, fylke, pop)) in list.iter().enumerate() {
            let number = 5700 + (c - 1) * n + j;
            // Past 9999 there are no four-digit numbers left: stop there.
            if number > 9999 {
                return out;
            }
            out.push((
                format!("{number:04}"),
                format!("{name} {}", c + 1),
                fylke.clone(),
                *pop,
            ));
        }
    }
    out
}

fn national(opts: &Options, out: &Path, copies: usize) -> Result<Summary> {
    let first = opts.last_year - opts.years + 1;
    let last = opts.last_year;
    let list = replicate(municipalities(opts)?, copies);
    let mut munis = Vec::with_capacity(list.len());
    for (i, (knr, name, fylke, pop)) in list.into_iter().enumerate() {
        let mut r = Rand::new(seed_for(opts.seed, i, 0));
        munis.push(Municipality::new(knr, name, fylke, pop, &mut r, true));
    }
    let mut sum = Summary::default();
    write_text(
        &out.join("ikrapport.toml"),
        &format!(
            "# Eksempeldata laget av `ikrapport generate --profile national --seed {}`: {} kommuner.\nlanguage = \"nb\"\n",
            opts.seed,
            munis.len()
        ),
    )?;
    write_text(
        &out.join("ros-undersokelse-kodebok.toml"),
        crate::ingest::survey::DEFAULT_CODEBOOK,
    )?;

    // Kommuner (the municipalities reference).
    let rows: Vec<Vec<String>> = munis
        .iter()
        .map(|m| {
            vec![
                m.knr.clone(),
                m.name.clone(),
                m.fylke.clone(),
                m.population.to_string(),
                m.kostra_group.clone(),
            ]
        })
        .collect();
    csv_file(
        &out.join("kommuner.csv"),
        &[
            "kommunenummer",
            "kommune",
            "fylke",
            "innbyggere",
            "kostra_group",
        ]
        .map(String::from),
        &rows,
        b',',
        Encoding::Utf8,
        false,
    )?;
    sum.files.push(("kommuner.csv".into(), rows.len()));

    type Gen = dyn Fn(&Municipality, usize) -> Sheet;
    let seed = opts.seed;
    let specs: Vec<(&str, u8, Encoding, bool, Box<Gen>)> = vec![
        (
            "avvik.csv",
            b';',
            Encoding::Windows1252,
            true,
            Box::new(move |m, i| {
                sources::deviations(
                    m,
                    &mut Rand::new(seed_for(seed, i, 1)),
                    first,
                    last,
                    true,
                    false,
                )
            }),
        ),
        (
            "ros-register.csv",
            b';',
            Encoding::Utf8Bom,
            true,
            Box::new(move |m, i| {
                risk_sheet(
                    m,
                    &sources::risks(m, &mut Rand::new(seed_for(seed, i, 2)), last),
                )
            }),
        ),
        (
            "ros-undersokelse.csv",
            b',',
            Encoding::Utf8Bom,
            false,
            Box::new(move |m, i| {
                sources::survey(m, &mut Rand::new(seed_for(seed, i, 3)), last, true)
            }),
        ),
        (
            "enheter.csv",
            b';',
            Encoding::Utf8Bom,
            true,
            Box::new(|m, _| units_sheet(m)),
        ),
        (
            "modenhet.csv",
            b';',
            Encoding::Utf8Bom,
            true,
            Box::new(move |m, i| {
                sources::maturity(m, &mut Rand::new(seed_for(seed, i, 4)), last, true)
            }),
        ),
        (
            "tilsyn.csv",
            b';',
            Encoding::Utf8Bom,
            true,
            Box::new(move |m, i| {
                sources::inspections(m, &mut Rand::new(seed_for(seed, i, 5)), first, last, true)
            }),
        ),
    ];
    for (name, delim, enc, crlf, make) in specs {
        let mut writer: Option<CsvOut> = None;
        let mut n = 0;
        for (i, m) in munis.iter().enumerate() {
            let mut sheet = make(m, i);
            if i == 0 {
                plant_national(name, &mut sheet);
            }
            if writer.is_none() {
                writer = Some(CsvOut::create(
                    &out.join(name),
                    &sheet.headers,
                    delim,
                    enc,
                    crlf,
                )?);
            }
            if let Some(w) = writer.as_mut() {
                for r in &sheet.rows {
                    w.row(r)?;
                }
            }
            n += sheet.rows.len();
        }
        if let Some(w) = writer {
            w.finish()?;
        }
        sum.files.push((name.into(), n));
    }
    Ok(sum)
}

/// A few bad rows in the first municipality's part of each national file.
fn plant_national(file: &str, sheet: &mut Sheet) {
    match file {
        "avvik.csv" => sources::plant(sheet, &[(5, "Meldt dato", "31.02.2024"), (9, "Sektor", "")]),
        "ros-register.csv" => sources::plant(
            sheet,
            &[
                (3, "Sannsynlighet (1-5)", "7"),
                (6, "Konsekvens (1-5)", "høy"),
            ],
        ),
        "tilsyn.csv" => sources::plant(sheet, &[(1, "Tilsynsdato", "2024-13-01")]),
        _ => {}
    }
}

fn risk_sheet(m: &Municipality, risks: &[sources::Risk]) -> Sheet {
    let headers: Vec<String> = std::iter::once("Kommunenummer")
        .chain(RISK_HEADERS[1..].iter().copied())
        .map(String::from)
        .collect();
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let rows = risks
        .iter()
        .map(|r| {
            vec![
                m.knr.clone(),
                r.sector.clone(),
                r.unit.clone(),
                r.analysis.clone(),
                r.analysis_type.clone(),
                r.risk_group.clone(),
                r.category.clone(),
                r.hazard.clone(),
                r.p.to_string(),
                r.k.to_string(),
                (r.p * r.k).to_string(),
                if r.law_breach {
                    "Ja".into()
                } else {
                    "Nei".into()
                },
                r.treatment.clone(),
                r.measure.clone(),
                r.owner.clone(),
                r.due.map(fmt_date).unwrap_or_default(),
                r.measure_status.clone(),
                opt(r.rp),
                opt(r.rk),
                fmt_date(r.assessed),
                fmt_date(r.next_review),
            ]
        })
        .collect();
    Sheet { headers, rows }
}

fn units_sheet(m: &Municipality) -> Sheet {
    Sheet {
        headers: ["Kommunenummer", "Sektor", "Enhet", "Antall årsverk"]
            .map(String::from)
            .to_vec(),
        rows: m
            .units
            .iter()
            .map(|u| {
                vec![
                    m.knr.clone(),
                    world::SECTORS[u.sector].name.into(),
                    u.name.clone(),
                    format!("{:.1}", u.employees).replace('.', ","),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::replicate;

    #[test]
    fn national_x10_copies_get_new_four_digit_numbers_and_numbered_names() {
        let list = vec![
            ("0301".to_string(), "Oslo".into(), "Oslo".into(), 717_710),
            (
                "5001".to_string(),
                "Trondheim".into(),
                "Trøndelag".into(),
                214_565,
            ),
        ];
        let all = replicate(list, 10);
        assert_eq!(all.len(), 20);
        assert_eq!(all[0].0, "0301");
        assert_eq!(
            all[2],
            ("5700".into(), "Oslo 2".into(), "Oslo".into(), 717_710)
        );
        assert_eq!(all[19].0, "5717");
        assert_eq!(all[19].1, "Trondheim 10");
        let mut numbers: Vec<&str> = all.iter().map(|m| m.0.as_str()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), 20, "every kommunenummer once");
    }
}
