//! The report bundle (03-report.md, issue 7) as a user gets it: every file, opened by
//! other programs' libraries (calamine for the XLSX, arrow-rs' `parquet` for Parquet, a
//! zip reader for Word), disclosure control and escaping in every format, the same bytes
//! on a rerun, and the previous bundle kept when a run fails.

use crate::util::{Project, ikrapport, sample_data};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Run the report on a folder into a fresh output folder; (temp dir, out path, stdout).
fn report(folder: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("rapport");
    let mut args = vec![
        "run",
        folder.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = ikrapport(&args);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    (tmp, out, o.stdout)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A file inside a zip (XLSX, DOCX).
fn unzip(p: &Path, name: &str) -> String {
    let f = std::fs::File::open(p).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn zip_names(p: &Path) -> Vec<String> {
    let f = std::fs::File::open(p).unwrap();
    let z = zip::ZipArchive::new(f).unwrap();
    z.file_names().flatten().map(|n| n.to_string()).collect()
}

/// Every file below a folder with its bytes, by relative path.
/// A Parquet file's key-value metadata: the bundle's lineage in every footer.
fn parquet_footer(path: &Path) -> BTreeMap<String, String> {
    let f = std::fs::File::open(path).unwrap();
    let b = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
    b.metadata()
        .file_metadata()
        .key_value_metadata()
        .into_iter()
        .flatten()
        .map(|k| (k.key.clone(), k.value.clone().unwrap_or_default()))
        .collect()
}

/// A report made through the library as `ikrapport run` makes it: results, the default
/// report definition (with its text) and the document, in bokmål.
struct Built {
    results: ikrapport::analytics::Results,
    def: ikrapport::report::definition::Definition,
    text: String,
    doc: ikrapport::report::Document,
}

fn build(project: &ikrapport::Project, data: &ikrapport::Ingested) -> Built {
    let results = project.analyse(data, &Default::default()).unwrap();
    let (def, text) =
        ikrapport::report::definition::load(None, &project.root, ikrapport::Lang::Nb).unwrap();
    let doc = ikrapport::report::build(&ikrapport::report::Inputs {
        results: &results,
        data,
        config: &project.config,
        definition: &def,
        lang: ikrapport::Lang::Nb,
    })
    .unwrap();
    Built {
        results,
        def,
        text,
        doc,
    }
}

impl Built {
    /// `bundle::write` of this report to `out`, with what `run` may have made beside the
    /// analyses (`prepared`, `workbook`).
    fn write(
        &self,
        out: &Path,
        project: &ikrapport::Project,
        data: &ikrapport::Ingested,
        formats: &ikrapport::bundle::Formats,
        prepared: Option<ikrapport::bundle::Prepared>,
        workbook: Option<&ikrapport::bundle::Workbook>,
    ) -> ikrapport::Result<ikrapport::bundle::Written> {
        ikrapport::bundle::write(
            out,
            &ikrapport::bundle::Parts {
                project: &project.root,
                data,
                results: &self.results,
                config: &project.config,
                doc: &self.doc,
                lang: ikrapport::Lang::Nb,
                formats,
                definition: (&self.def.origin, &self.text),
                prepared,
                workbook,
            },
            &|_| {},
        )
    }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_sample_report_has_every_part_of_the_bundle() {
    let (_t, out, stdout) = report(&sample_data(), &[]);
    assert!(
        stdout.starts_with("Rapporten for 2025 er klar: ") && stdout.contains("index.html"),
        "{stdout}"
    );
    assert!(
        stdout.contains("10 rader avvist og 4 advarsler"),
        "{stdout}"
    );
    for f in [
        "index.html",
        "report.md",
        "report.docx",
        "tables.xlsx",
        "data-quality.csv",
        "manifest.json",
        ".ikrapport-bundle",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    // One page per sector.
    let sectors: Vec<String> = std::fs::read_dir(out.join("sektor"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(sectors.len(), 6, "{sectors:?}");
    assert!(sectors.contains(&"helse-og-velferd.html".to_string()));
    // Every chart kind of a one-municipality report, as SVG and PNG (the benchmark needs
    // several municipalities and is left out with a note).
    for k in ikrapport::chart::KINDS
        .iter()
        .filter(|k| k.name != "benchmark")
    {
        for ext in ["svg", "png"] {
            let p = out.join(format!("charts/{}.{ext}", k.name));
            assert!(p.is_file(), "{}", p.display());
        }
    }
    let png = std::fs::read(out.join("charts/risk_matrix.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    // Every result table as CSV and Parquet, the canonical tables as Parquet.
    for t in ikrapport::analytics::registry::SPEC_ORDER {
        if *t != "benchmark" {
            assert!(out.join(format!("tables/{t}.csv")).is_file(), "{t}");
        }
        assert!(out.join(format!("data/{t}.parquet")).is_file(), "{t}");
    }
    for t in [
        "deviations",
        "risks",
        "survey",
        "units",
        "maturity",
        "inspections",
    ] {
        assert!(out.join(format!("data/{t}.parquet")).is_file(), "{t}");
    }
    // The HTML: language, one h1, figures with captions and a table behind each chart.
    let html = read(&out.join("index.html"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"));
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<h1>Internkontroll og statlige tilsyn 2025</h1>"));
    assert!(html.contains("Eksempelvik – årsrapport for 2025, tall per 31.12.2025"));
    let figures = html.matches("<figure").count();
    assert_eq!(figures, html.matches("<figcaption>").count());
    assert_eq!(figures, html.matches("<svg role=\"img\"").count());
    assert_eq!(figures, html.matches("<details>").count());
    assert!(figures >= 12, "{figures}");
    assert!(html.contains("Det ble meldt 5\u{a0}828 avvik og andre meldinger i 2025."));
    assert!(html.contains("<th scope=\"col\" class=\"num\">Andel lukket</th>"));
    assert!(html.contains("<td class=\"num\">89,3\u{a0}%</td>"));
    // Section left out for lack of data, with a note.
    assert!(html.contains("Avsnittet er utelatt"), "benchmark note");
    let md = read(&out.join("report.md"));
    assert!(md.starts_with("# Internkontroll og statlige tilsyn 2025\n"));
    assert!(md.contains("![Linjediagram: Avvik per måned per sektor"));
    assert!(md.contains("](charts/monthly.png)"));
}

#[test]
fn csv_and_xlsx_open_as_norwegian_excel_expects() {
    let (_t, out, _) = report(&sample_data(), &["--format", "csv,xlsx"]);
    let csv = std::fs::read(out.join("tables/deviation_closure.csv")).unwrap();
    assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 BOM");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut lines = text.split("\r\n");
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("kommunenummer;sector;reported;closed;closed_share")
    );
    let whole = text
        .lines()
        .find(|l| l.contains(";Hele kommunen;"))
        .unwrap();
    assert!(
        whole.starts_with("9901;Hele kommunen;5828;5205;0,89"),
        "{whole}"
    );
    assert!(out.join("data-quality.csv").is_file());
    assert!(
        !out.join("index.html").exists(),
        "--format csv,xlsx writes no HTML"
    );

    // The workbook read by another library (calamine): sheets named by their titles,
    // labels as headers, numbers as numbers.
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("tables.xlsx")).unwrap();
    let names = wb.sheet_names();
    assert!(names.contains(&"Lukking av avvik".to_string()), "{names:?}");
    assert!(names.contains(&"Datakvalitet".to_string()));
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    // With employees, the SPC rate is a rate per årsverk (without, a count: below).
    let spc = wb
        .worksheet_range("Styringsdiagram for avviksraten")
        .unwrap();
    assert!(
        (0..spc.width()).any(|j| spc.get((0, j)) == Some(&Data::String("Rate per årsverk".into())))
    );
    let r = wb.worksheet_range("Lukking av avvik").unwrap();
    assert_eq!(r.get((0, 1)), Some(&Data::String("Sektor".into())));
    assert_eq!(r.get((0, 4)), Some(&Data::String("Andel lukket".into())));
    let row = (1..r.height())
        .find(|i| r.get((*i, 1)) == Some(&Data::String("Hele kommunen".into())))
        .unwrap();
    assert_eq!(r.get((row, 2)), Some(&Data::Float(5828.0)));
    // Number formats from the column kinds, and a frozen header row.
    let styles = unzip(&out.join("tables.xlsx"), "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.0%\""), "percent format");
    assert!(styles.contains("formatCode=\"#,##0\""), "thousands format");
    // Each number cell shows its column's format: the share as a percentage, the count
    // with thousands separators (the cell's style, looked up in styles.xml).
    let sheet = names.iter().position(|n| n == "Lukking av avvik").unwrap() + 1;
    let xml = unzip(
        &out.join("tables.xlsx"),
        &format!("xl/worksheets/sheet{sheet}.xml"),
    );
    assert_eq!(cell_format(&xml, &styles, &format!("E{}", row + 1)), "0.0%");
    assert_eq!(
        cell_format(&xml, &styles, &format!("C{}", row + 1)),
        "#,##0"
    );
    // A suppressed count ("<5") is text, right-aligned like the numbers around it (its
    // column's style, which has the count's number format too).
    let suppressed = (1..=names.len())
        .map(|k| {
            unzip(
                &out.join("tables.xlsx"),
                &format!("xl/worksheets/sheet{k}.xml"),
            )
        })
        .find_map(|x| {
            let at = x.find("<is><t>&lt;5</t>")?;
            let cell = cells(&x).take_while(|(_, i)| *i < at).last()?.0;
            Some((x, cell))
        })
        .expect("a suppressed cell in the workbook");
    let (xml, cell) = suppressed;
    assert_eq!(cell_format(&xml, &styles, &cell), "#,##0", "{cell}");
    assert!(
        cell_xf(&xml, &styles, &cell).contains("horizontal=\"right\""),
        "{cell}: {}",
        cell_xf(&xml, &styles, &cell)
    );
    let sheet1 = unzip(&out.join("tables.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("ySplit=\"1\""), "frozen header");
    assert!(sheet1.contains("<cols>"), "column widths");
}

/// An attribute of an XML tag's text.
fn attr(t: &str, name: &str) -> Option<String> {
    let i = t.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(t[i..i + t[i..].find('"')?].to_string())
}

/// Every cell of a worksheet's XML: its reference (`E12`) and where its `<c` tag starts.
/// A cell without `r` is the next column of its row (ECMA-376 Part 1, §18.3.1.4), as
/// ikrapport writes cells that follow the one before them.
fn cells(xml: &str) -> impl Iterator<Item = (String, usize)> + '_ {
    let column = |n: usize| {
        let (mut n, mut name) = (n + 1, Vec::new());
        while n > 0 {
            name.insert(0, b'A' + ((n - 1) % 26) as u8);
            n = (n - 1) / 26;
        }
        String::from_utf8(name).unwrap()
    };
    let (mut row, mut next) = (String::new(), 0);
    xml.match_indices('<').filter_map(move |(i, _)| {
        let tag = &xml[i..];
        if let Some(t) = tag.strip_prefix("<row r=\"") {
            row = t[..t.find('"')?].to_string();
            next = 0;
            None
        } else if let Some(t) = tag.strip_prefix("<c r=\"") {
            let r = t[..t.find('"')?].to_string();
            let letters = r.bytes().take_while(u8::is_ascii_uppercase);
            next = letters.fold(0, |n, b| n * 26 + usize::from(b - b'A') + 1);
            Some((r, i))
        } else if tag.starts_with("<c ") || tag.starts_with("<c>") {
            next += 1;
            Some((format!("{}{row}", column(next - 1)), i))
        } else {
            None
        }
    })
}

/// The style (`<xf …>` of styles.xml's `cellXfs`) a cell of a worksheet is shown with.
fn cell_xf(sheet_xml: &str, styles: &str, cell: &str) -> String {
    let at = cells(sheet_xml)
        .find(|(r, _)| r == cell)
        .unwrap_or_else(|| panic!("cell {cell}"))
        .1;
    let tag = &sheet_xml[at..at + sheet_xml[at..].find('>').unwrap()];
    let style: usize = attr(tag, "s").map_or(0, |v| v.parse().unwrap());
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs.split("<xf ").nth(style + 1).expect("the cell's style");
    format!(" {}", &xf[..xf.find("<xf").unwrap_or(xf.len())])
}

/// The number format a cell of a worksheet is shown with: its style (`s`) is an index into
/// styles.xml's `cellXfs`, whose `numFmtId` names a custom `numFmt` (or 0: General).
fn cell_format(sheet_xml: &str, styles: &str, cell: &str) -> String {
    let xf = cell_xf(sheet_xml, styles, cell);
    let id = attr(&xf, "numFmtId").unwrap();
    if id == "0" {
        return "General".into();
    }
    let fmt = styles
        .split("<numFmt ")
        .skip(1)
        .find(|f| attr(&format!(" {f}"), "numFmtId").as_deref() == Some(id.as_str()))
        .expect("a custom number format");
    attr(&format!(" {fmt}"), "formatCode").unwrap()
}

#[test]
fn parquet_files_are_read_back_by_arrow_rs_with_their_provenance() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let (_t, out, _) = report(&sample_data(), &["--format", "parquet"]);
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let results = project.analyse(&data, &Default::default()).unwrap();
    // Every file names the inputs by their SHA-256 (the canonical tables' files are made
    // while the analyses run, the results' after: the same lineage).
    let avvik_sha256 =
        ikrapport::digest::sha256(&std::fs::read(sample_data().join("avvik.csv")).unwrap());
    let mut n = 0;
    for e in std::fs::read_dir(out.join("data")).unwrap().flatten() {
        let name = e
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".parquet")
            .to_string();
        let kv = parquet_footer(&e.path());
        let f = std::fs::File::open(e.path()).unwrap();
        let b = ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
        let cols: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        let rows: usize = b.build().unwrap().map(|r| r.unwrap().num_rows()).sum();
        // The same rows and columns as the table ikrapport made.
        let want = match ikrapport::SourceKind::parse(&name) {
            Some(k) => data.table(k),
            None => results.table(&name).unwrap().clone(),
        };
        assert_eq!(rows, want.height(), "{name}");
        let want_cols: Vec<String> = want
            .get_column_names()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(cols, want_cols, "{name}");
        assert_eq!(kv["ikrapport.version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(kv["ikrapport.table"], name);
        assert!(kv["ikrapport.inputs"].contains("avvik.csv"), "{name}");
        assert!(kv["ikrapport.inputs"].contains(&avvik_sha256), "{name}");
        if ikrapport::SourceKind::parse(&name).is_some() {
            assert_eq!(kv["ikrapport.made_by"], "ingest", "{name}");
        }
        assert!(
            kv["ikrapport.parameters"].contains("\"year\":2025"),
            "{name}"
        );
        if name == "deviation_closure" {
            assert_eq!(kv["ikrapport.made_by"], "sql");
            assert_eq!(kv["ikrapport.query_sha256"].len(), 64);
            assert!(kv["ikrapport.query"].contains("closed_within_90d_share"));
        }
        if name == "deviation_spc" {
            assert_eq!(kv["ikrapport.made_by"], "rust:analytics::deviation_spc");
        }
        n += 1;
    }
    assert!(n >= 28, "{n} files");
}

#[test]
fn word_has_heading_styles_repeating_headers_alt_text_and_sector_breaks() {
    let (_t, out, _) = report(&sample_data(), &["--format", "docx"]);
    let p = out.join("report.docx");
    let names = zip_names(&p);
    for part in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(names.contains(&part.to_string()), "{part}");
    }
    let doc = unzip(&p, "word/document.xml");
    assert!(doc.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(doc.contains("<w:pStyle w:val=\"Heading2\"/>"));
    assert_eq!(
        doc.matches("<w:tbl>").count(),
        doc.matches("</w:tbl>").count()
    );
    assert!(doc.matches("<w:tblHeader/>").count() >= 10);
    assert!(doc.contains("descr=\"Risikomatrise: Risikomatrise før og etter tiltak."));
    // A page break before each of the six sectors.
    assert_eq!(doc.matches("<w:br w:type=\"page\"/>").count(), 6);
    let images = names
        .iter()
        .filter(|n| n.starts_with("word/media/"))
        .count();
    assert_eq!(images, doc.matches("<a:blip r:embed=").count());
    // The charts are stored as their PNG files are (deflated already), and those are
    // compressed well: no chart of the sample reaches 100 kB (up to 160 kB with the
    // fastest compression).
    let mut z = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
    for i in 0..z.len() {
        let f = z.by_index_raw(i).unwrap();
        if f.name().unwrap().starts_with("word/media/") {
            assert_eq!(
                f.compression(),
                zip::CompressionMethod::Stored,
                "{:?}",
                f.name()
            );
            assert!(f.size() < 100_000, "{:?}: {} bytes", f.name(), f.size());
        }
    }
    let styles = unzip(&p, "word/styles.xml");
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"));
    assert!(styles.contains("<w:lang w:val=\"nb-NO\"/>"));
}

#[test]
fn a_rerun_gives_the_same_bytes_but_the_time_it_was_made() {
    let (_a, out_a, _) = report(&sample_data(), &[]);
    let (_b, out_b, _) = report(&sample_data(), &[]);
    let (fa, fb) = (files(&out_a), files(&out_b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        if name == "manifest.json" {
            let strip = |b: &[u8]| -> String {
                String::from_utf8_lossy(b)
                    .lines()
                    .filter(|l| !l.contains("\"generated_at\""))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert_eq!(strip(bytes), strip(&fb[name]), "manifest");
        } else {
            assert!(bytes == &fb[name], "{name} differs between runs");
        }
    }
    // The manifest: inputs with sha256, parameters, each table's maker, outputs' sha256.
    let m: serde_json::Value = serde_json::from_slice(&fa["manifest.json"]).unwrap();
    let avvik = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "avvik.csv")
        .unwrap();
    // The input's own hash and size, computed here from the file the run read.
    let raw = std::fs::read(sample_data().join("avvik.csv")).unwrap();
    let want: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&raw)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert_eq!(avvik["sha256"].as_str().unwrap(), want);
    assert_eq!(avvik["bytes"], raw.len());
    assert_eq!(avvik["rows_rejected"], 5);
    assert_eq!(m["parameters"]["year"], 2025);
    assert_eq!(m["parameters"]["as_of"], "2025-12-31");
    let closure = m["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "deviation_closure")
        .unwrap();
    assert_eq!(closure["made_by"], "sql");
    assert_eq!(closure["reads"], serde_json::json!(["deviations"]));
    let outputs = m["outputs"].as_array().unwrap();
    assert!(
        outputs
            .iter()
            .any(|o| o["path"] == "index.html" && o["sha256"].as_str().unwrap().len() == 64)
    );
    // Every output's size and hash are those of the file on disk (the files are hashed as
    // they are written, not read back).
    let sha = |b: &[u8]| -> String {
        use sha2::Digest;
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    assert!(outputs.len() > 100, "{}", outputs.len());
    // Every file of the bundle is listed once, by path (they are written on several
    // threads at once), but the manifest itself and the bundle's marker.
    let listed: Vec<&str> = outputs
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    let on_disk: Vec<&str> = fa
        .keys()
        .map(String::as_str)
        .filter(|p| *p != "manifest.json" && *p != ".ikrapport-bundle")
        .collect();
    assert_eq!(listed, on_disk);
    for o in outputs {
        let path = o["path"].as_str().unwrap();
        let bytes = &fa[path];
        assert_eq!(o["bytes"], bytes.len(), "{path}");
        assert_eq!(o["sha256"].as_str().unwrap(), sha(bytes), "{path}");
    }
}

#[test]
fn a_failed_run_leaves_the_previous_bundle_intact() {
    let p = Project::new();
    p.write("avvik.csv", big_deviations("Helse", 12));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("rapport");
    let run = |extra: &[&str]| {
        let mut a = vec![
            "run",
            p.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        ikrapport(&a)
    };
    assert_eq!(run(&[]).code, 0);
    let before = files(&out);
    // A report whose text template fails after ingestion and analytics have run.
    p.write("rapport.toml", "title = \"x\"\n[[section]]\nid = \"a\"\ntitle = \"A\"\ntext = \"{{ rows('no_such_table') }}\"\n");
    let bad = run(&["--report", p.path().join("rapport.toml").to_str().unwrap()]);
    assert_eq!(bad.code, 1, "{}", bad.stderr);
    assert!(bad.stderr.contains("no_such_table"), "{}", bad.stderr);
    assert_eq!(files(&out), before, "the previous bundle is untouched");
    // A write that fails midway (the staging folder cannot be made) leaves it too.
    let project = ikrapport::Project::open(p.path()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let b = build(&project, &data);
    let blocker = tmp
        .path()
        .join(format!(".rapport.tmp-{}", std::process::id()));
    std::fs::write(&blocker, "in the way").unwrap();
    let formats = ikrapport::bundle::Formats::default();
    let e = b.write(&out, &project, &data, &formats, None, None);
    assert!(e.is_err());
    assert_eq!(files(&out), before, "the previous bundle is untouched");
}

/// `n` deviations in 2025 for a sector (with a category and a root cause).
fn big_deviations(sector: &str, n: usize) -> String {
    let mut s = String::from("Saksnummer;Sektor;Meldt dato;Lukket dato;Kategori;Årsak\n");
    for i in 0..n {
        s.push_str(&format!(
            "{sector}-{i};{sector};{:02}.{:02}.2025;;Fall;Glatt gulv\n",
            i % 27 + 1,
            12 - i % 12
        ));
    }
    s
}

#[test]
fn a_small_sector_is_suppressed_in_every_format() {
    let p = Project::new();
    let mut csv = big_deviations("Helse og velferd", 30);
    csv.push_str(
        &big_deviations("Liten", 3)
            .lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    p.write("avvik.csv", csv);
    let (_t, out, _) = report(p.path(), &[]);
    let sector_line = |text: &str| -> String {
        text.lines()
            .find(|l| l.contains("Liten") && l.contains(";"))
            .unwrap_or("")
            .to_string()
    };
    // CSV: the count is <5, the share –.
    let c = read(&out.join("tables/deviation_closure.csv"));
    let l = sector_line(&c);
    // reported 3 → <5, closed 0 → 0 (no one), the share of 3 → –.
    assert!(l.starts_with("0000;Liten;<5;0;–;"), "{l}");
    // HTML and Markdown tables, with the footnote.
    let html = read(&out.join("index.html"));
    assert!(
        html.contains("<th scope=\"row\">Liten</th><td class=\"num\">&lt;5</td>"),
        "html"
    );
    assert!(html.contains("færre enn 5 respondenter eller meldinger er skjult"));
    let md = read(&out.join("report.md"));
    assert!(md.contains("| Liten | &lt;5 |"), "md");
    // Word.
    let doc = unzip(&out.join("report.docx"), "word/document.xml");
    assert!(doc.contains("&lt;5"), "docx");
    // XLSX: a text cell <5 where the number would be.
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("tables.xlsx")).unwrap();
    let r = wb.worksheet_range("Lukking av avvik").unwrap();
    let row = (1..r.height())
        .find(|i| r.get((*i, 1)) == Some(&Data::String("Liten".into())))
        .unwrap();
    assert_eq!(r.get((row, 2)), Some(&Data::String("<5".into())));
    // Parquet results: null, and the footer says which columns were suppressed.
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let sup =
        parquet_footer(&out.join("data/deviation_closure.parquet"))["ikrapport.suppressed"].clone();
    let f = std::fs::File::open(out.join("data/deviation_closure.parquet")).unwrap();
    let b = ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
    assert!(
        sup.contains("\"reported\"") && sup.contains("\"threshold\":5"),
        "{sup}"
    );
    let batch = b.build().unwrap().next().unwrap().unwrap();
    let sectors = batch.column_by_name("sector").unwrap();
    let sectors = sectors
        .as_any()
        .downcast_ref::<arrow_array::LargeStringArray>()
        .map(|a| {
            (0..a.len())
                .map(|i| a.value(i).to_string())
                .collect::<Vec<_>>()
        })
        .or_else(|| {
            sectors
                .as_any()
                .downcast_ref::<arrow_array::StringViewArray>()
                .map(|a| (0..a.len()).map(|i| a.value(i).to_string()).collect())
        })
        .or_else(|| {
            sectors
                .as_any()
                .downcast_ref::<arrow_array::StringArray>()
                .map(|a| (0..a.len()).map(|i| a.value(i).to_string()).collect())
        })
        .unwrap();
    let i = sectors.iter().position(|s| s == "Liten").unwrap();
    use arrow_array::Array;
    assert!(batch.column_by_name("reported").unwrap().is_null(i));
    // The canonical table in data/ is the user's own data: not suppressed.
    let f = std::fs::File::open(out.join("data/deviations.parquet")).unwrap();
    let rows: usize = ParquetRecordBatchReaderBuilder::try_new(f)
        .unwrap()
        .build()
        .unwrap()
        .map(|b| b.unwrap().num_rows())
        .sum();
    assert_eq!(rows, 33);
    // The chart's data table shows <5 for the small sector, and its bar is not drawn.
    assert!(
        html.contains("2025: 30"),
        "the big sector's bar is labelled"
    );
    let svg = read(&out.join("charts/sector_types.svg"));
    assert!(
        svg.contains("2025: 0 (noe skjult)"),
        "the small sector has no bar"
    );
}

#[test]
fn hostile_text_is_text_in_every_format() {
    let p = Project::new();
    let script = "<script>alert(1)</script>";
    // The category starts with a quote, so the CSV field is quoted and the quote doubled.
    let img = "\"\"\"><img src=x onerror=alert(1)>\"";
    let mut s = String::from("Saksnummer;Sektor;Meldt dato;Kategori;Årsak\n");
    for i in 0..8 {
        s.push_str(&format!(
            "{i};{script};0{}.12.2025;{img};=HYPERLINK(\"http://x\",\"y\")\n",
            i + 1
        ));
    }
    p.write("avvik.csv", s);
    let (_t, out, _) = report(p.path(), &[]);
    for f in ["index.html", "sektor/script-alert-1-script.html"] {
        let html = read(&out.join(f));
        assert!(!html.contains("<script>alert"), "{f}");
        assert!(!html.contains("<img src=x"), "{f}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{f}"
        );
    }
    for svg in std::fs::read_dir(out.join("charts")).unwrap().flatten() {
        if svg.path().extension().is_some_and(|x| x == "svg") {
            let t = read(&svg.path());
            assert!(
                !t.contains("<script>") && !t.contains("<img"),
                "{}",
                svg.path().display()
            );
        }
    }
    let md = read(&out.join("report.md"));
    assert!(!md.contains("<script>") && md.contains("&lt;script&gt;"));
    let doc = unzip(&out.join("report.docx"), "word/document.xml");
    assert!(!doc.contains("<script>") && doc.contains("&lt;script&gt;"));
    // Formula injection: written as text in CSV and XLSX.
    let c = read(&out.join("tables/deviation_root_causes.csv"));
    assert!(
        c.contains(";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";"),
        "{c}"
    );
    let styles = unzip(&out.join("tables.xlsx"), "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""), "xlsx quote prefix");
}

#[test]
fn the_report_speaks_nynorsk_and_english() {
    for (lang, h1, text, done, whole, unstated) in [
        (
            "nn",
            "Internkontroll og statlege tilsyn 2025",
            "Det vart meldt 5\u{a0}828 avvik",
            "4 åtvaringar (sjå",
            "Heile kommunen",
            "ikkje oppgitt",
        ),
        (
            "en",
            "Internal control and state inspections 2025",
            "5,828 deviations and other reports were registered in 2025.",
            "The report for 2025 is ready",
            "Whole municipality",
            "not stated",
        ),
    ] {
        let (_t, out, stdout) = report(
            &sample_data(),
            &["--lang", lang, "--format", "html,csv,charts"],
        );
        let html = read(&out.join("index.html"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(html.contains(&format!("<h1>{h1}</h1>")), "{lang}");
        assert!(html.contains(text), "{lang}");
        assert!(stdout.contains(done), "{lang}: {stdout}");
        // The fixed data values read in the report's language in tables and charts; the
        // data files keep them as they are (scripts and queries read one value).
        assert!(html.contains(&format!("<td>{whole}</td>")), "{lang}");
        assert!(html.contains(&format!(">{unstated}</th>")), "{lang}");
        assert!(!html.contains("Hele kommunen"), "{lang}");
        let closure = read(&out.join("charts/closure.svg"));
        assert!(closure.contains(whole), "{lang}: chart label");
        let csv = read(&out.join("tables/deviation_closure.csv"));
        assert!(csv.contains("Hele kommunen"), "{lang}: data value");
    }
}

#[test]
fn several_municipalities_get_the_benchmark_section() {
    let (_t, out, _) = report(
        &sample_data().join("benchmark"),
        &["--focus", "9104", "--format", "html,charts"],
    );
    let html = read(&out.join("index.html"));
    assert!(html.contains("Sammenligning med andre kommuner"));
    assert!(
        html.contains("er sammenlignet med 12 kommuner"),
        "percentile ranks in words"
    );
    assert!(html.contains("høyere enn"), "percentile ranks in words");
    let svg = read(&out.join("charts/benchmark.svg"));
    assert!(svg.contains("Median"), "median marked");
}

#[test]
fn report_definitions_are_files_users_edit() {
    let p = Project::new();
    p.write("avvik.csv", big_deviations("Helse", 12));
    let def = ikrapport::report::definition::DEFAULT
        .replace(
            "title = { msg = \"report-title\" }",
            "title = \"Vår internkontroll\"",
        )
        .replace(
            "[[section.chart]]\nkind = \"pareto\"",
            "[[section.chart]]\nkind = \"monthly\"\nid = \"ekstra\"",
        );
    p.write("reports/arsrapport.toml", &def);
    p.write(
        "queries/avvik_per_kategori.sql",
        "--! [columns]\n--! category = \"text\"\n--! n = { kind = \"count\", size = \"self\" }\nSELECT category, COUNT(*) AS n FROM deviations GROUP BY category\n",
    );
    let with_table = def.replace(
        "[[section]]\nid = \"risiko\"",
        "[[section.table]]\ntable = \"avvik_per_kategori\"\ncolumns = [\"category\", \"n\"]\n\n[[section]]\nid = \"risiko\"",
    );
    p.write("reports/arsrapport.toml", &with_table);
    let (_t, out, _) = report(p.path(), &["--format", "html,charts"]);
    let html = read(&out.join("index.html"));
    assert!(html.contains("<h1>Vår internkontroll 2025</h1>"));
    assert!(!out.join("charts/pareto.svg").exists(), "the dropped chart");
    assert!(out.join("charts/ekstra.svg").exists());
    assert!(
        html.contains("<th scope=\"row\">Fall</th><td class=\"num\">12</td>"),
        "the user's own table"
    );
    // A typo in a column name: one error naming the file and the line.
    let typo = with_table.replace(
        "columns = [\"category\", \"n\"]",
        "columns = [\"category\", \"antall\"]",
    );
    p.write("reports/arsrapport.toml", &typo);
    let o = ikrapport(&["run", p.path().to_str().unwrap()]);
    assert_eq!(o.code, 1);
    let line = typo.lines().position(|l| l.contains("\"antall\"")).unwrap() + 1;
    assert!(o.stderr.contains("arsrapport.toml"), "{}", o.stderr);
    assert!(o.stderr.contains(&format!("linje {line}")), "{}", o.stderr);
    assert!(o.stderr.contains("ingen kolonne «antall»"), "{}", o.stderr);
}

#[test]
fn missing_data_leaves_a_section_out_with_a_note() {
    let p = Project::new();
    p.write("avvik.csv", big_deviations("Helse", 12));
    let (_t, out, _) = report(p.path(), &["--format", "html"]);
    let html = read(&out.join("index.html"));
    assert!(html.contains("Avsnittet er utelatt: det finnes ingen data i «spørreundersøkelse»."));
    assert!(html.contains("Avsnittet er utelatt: det finnes ingen data i «ROS-register»."));
}

#[test]
fn result_tables_cross_to_arrow_rs() {
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let r = project.analyse(&data, &Default::default()).unwrap();
    let b = r.record_batch("deviation_closure").unwrap().unwrap();
    assert_eq!(b.num_rows(), r.table("deviation_closure").unwrap().height());
    assert_eq!(b.schema().field(1).name(), "sector");
    assert!(r.record_batch("no_such").unwrap().is_none());
    // A canonical table holds its repeating text as a dictionary, results as text; both
    // cross to arrow-rs as text, value for value.
    use polars::prelude::DataType;
    let dev = r.table("deviations").unwrap();
    assert!(matches!(
        dev.column("sector").unwrap().dtype(),
        DataType::Categorical(..)
    ));
    assert_eq!(
        r.table("deviation_closure")
            .unwrap()
            .column("sector")
            .unwrap()
            .dtype(),
        &DataType::String
    );
    let b = r.record_batch("deviations").unwrap().unwrap();
    let sector = b.column_by_name("sector").unwrap();
    assert_eq!(sector.data_type(), &arrow_schema::DataType::LargeUtf8);
    let got = sector
        .as_any()
        .downcast_ref::<arrow_array::LargeStringArray>()
        .unwrap()
        .value(0)
        .to_string();
    let want = dev.column("sector").unwrap().get(0).unwrap();
    assert_eq!(Some(got.as_str()), want.get_str());
}

#[test]
fn tables_export_as_hive_partitioned_parquet_for_other_engines() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("eksport");
    let (_t, _out, _) = report(
        &sample_data(),
        &[
            "--format",
            "html",
            "--export-parquet",
            dir.to_str().unwrap(),
        ],
    );
    // A result table by municipality and year, the partition columns in the path only.
    let p = dir.join("deviation_counts/kommunenummer=9901/year=2025/part-0.parquet");
    let b = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&p).unwrap()).unwrap();
    let cols: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        cols,
        [
            "sector",
            "type",
            "count",
            "per_100_employees",
            "share_of_year"
        ]
    );
    // Canonical and helper tables too, by municipality; the placeholders' values beside.
    assert!(
        dir.join("deviations/kommunenummer=9901/part-0.parquet")
            .is_file()
    );
    assert!(
        dir.join("survey_current/kommunenummer=9901/part-0.parquet")
            .is_file()
    );
    assert!(dir.join("risk_cells/part-0.parquet").is_file());
    let params: serde_json::Value = serde_json::from_str(&read(&dir.join("params.json"))).unwrap();
    assert_eq!(params["year"], "2025");
    assert_eq!(params["as_of"], "DATE '2025-12-31'");
}

#[test]
fn a_likert_item_with_a_hidden_level_still_shows_agree_and_disagree() {
    // Finans in the sample survey: 30 answered "Kompetansen på ROS er god"; levels 1 and
    // 5 are under 5 and hidden, but 23 % agree and 33 % disagree are in the table.
    let (_t, out, _) = report(&sample_data(), &["--format", "charts"]);
    let svg = std::fs::read_to_string(out.join("charts/likert-finans.svg")).unwrap();
    let agree = ikrapport::i18n::num::percent(7.0 / 30.0, 0, ikrapport::Lang::Nb);
    assert!(
        svg.contains(&format!("enig: {agree} (noe skjult)")),
        "{svg}"
    );
    assert!(
        !svg.contains("skjult (for få)"),
        "every Finans item has its shares"
    );
    // All five Finans items have a hidden level, so all five are drawn in three parts.
    assert_eq!(svg.matches("(noe skjult)").count(), 5, "{svg}");
}

#[test]
fn the_sector_text_counts_the_signals_its_control_chart_marks() {
    // Finans has a run of 8 low months in 2021–22 (hidden counts) and one month above
    // the limit in 2024; the chart shows 2023–2025, and the sentence must say what it shows.
    let (_t, out, _) = report(&sample_data(), &["--format", "html,charts"]);
    let page = std::fs::read_to_string(out.join("sektor/finans.html")).unwrap();
    assert!(
        page.contains("Styringsdiagrammet viser 1 måned med signal de siste tre årene"),
        "{page}"
    );
    assert!(page.contains("én måned har signal: sep. 2024"), "{page}");
    // Its key names the signal it marks; Byutvikling's chart marks none, and its key
    // does not offer one.
    let svg = |name: &str| std::fs::read_to_string(out.join(format!("charts/{name}.svg"))).unwrap();
    assert!(svg("spc-finans").contains("\nSignal\n</text>"));
    let byutvikling = svg("spc-byutvikling");
    assert!(
        byutvikling.contains("\nSenterlinje\n</text>"),
        "{byutvikling}"
    );
    assert!(!byutvikling.contains("Signal"), "{byutvikling}");
    // The chart names its sector: its PNG is pasted into the årsrapport on its own.
    assert!(
        page.contains(
            "<title id=\"spc-finans-title\">Avviksrate per måned med kontrollgrenser – Finans</title>"
        ),
        "{page}"
    );
}

#[test]
fn a_control_chart_of_counts_has_whole_number_ticks() {
    // Without a units table the SPC chart shows counts, not a rate per 100 årsverk:
    // its axis says so and its ticks are whole numbers ("400", not "400,0").
    let tmp = tempfile::tempdir().unwrap();
    for f in ["avvik.csv", "ikrapport.toml"] {
        std::fs::copy(sample_data().join(f), tmp.path().join(f)).unwrap();
    }
    let (_t, out, _) = report(tmp.path(), &["--format", "charts"]);
    let svg = std::fs::read_to_string(out.join("charts/spc.svg")).unwrap();
    assert!(svg.contains("Antall avvik"), "{svg}");
    // No units table: the source is the deviation log alone.
    assert!(svg.contains("Kilde: avviksregisteret, n ="), "{svg}");
    assert!(svg.contains("\n400\n</text>"), "{svg}");
    assert!(!svg.contains(",0\n</text>"), "{svg}");
}

#[test]
fn a_project_without_a_municipality_is_not_named_kommune_0000() {
    // Only the deviation export, no ikrapport.toml: the rows' municipality is unknown
    // ("0000" inside the analyses), and the report does not call it "kommune 0000".
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample_data().join("avvik.csv"),
        tmp.path().join("avvik.csv"),
    )
    .unwrap();
    let (_t, out, _) = report(tmp.path(), &["--format", "html,md"]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<p class=\"subtitle\">Årsrapport for 2025, tall per 31.12.2025</p>"),
        "{html}"
    );
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        !html.contains("0000 –") && !md.contains("kommune 0000"),
        "{md}"
    );
}

/// What `run` prepares while the analyses run is used only for the parameters and
/// formats it was made for: a bundle written with other parameters prepares again, so
/// the canonical tables' Parquet never records parameters the report was not made with.
#[test]
fn a_preparation_for_other_parameters_is_not_used() {
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_for_bundle(false).unwrap();
    // Each input was hashed as it was read: the whole file's SHA-256, a workbook too.
    for f in &data.files {
        let raw = std::fs::read(sample_data().join(&f.file)).unwrap();
        let want = (raw.len() as u64, ikrapport::digest::sha256(&raw));
        assert_eq!(f.sha256.as_ref(), Some(&want), "{}", f.file);
    }
    assert!(data.files.iter().any(|f| f.file.ends_with(".xlsx")));
    // `query` and `validate` read without hashing.
    let plain = project.ingest_checked(false).unwrap();
    assert!(plain.files.iter().all(|f| f.sha256.is_none()));
    let b = build(&project, &data);
    let formats = ikrapport::bundle::Formats::parse("parquet", ikrapport::Lang::Nb).unwrap();
    let footer_year = |params: ikrapport::analytics::Params| -> String {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("rapport");
        let prepared = ikrapport::bundle::prepare(
            &project.root,
            &data,
            &project.config,
            &params,
            ikrapport::Lang::Nb,
            &formats,
        )
        .unwrap();
        b.write(&out, &project, &data, &formats, Some(prepared), None)
            .unwrap();
        let kv = parquet_footer(&out.join("data/deviations.parquet"));
        let v: serde_json::Value = serde_json::from_str(&kv["ikrapport.parameters"]).unwrap();
        v["year"].to_string()
    };
    assert_eq!(footer_year(b.results.params.clone()), "2025");
    let mut other = b.results.params.clone();
    other.year = 2019;
    assert_eq!(
        footer_year(other),
        "2025",
        "prepared for 2019, written for 2025"
    );
}

/// A chart of the last 36 months says how many deviations it stands on: those months',
/// for its sector, not the report year's; counts the table hides are left out and the
/// line says some are hidden.
#[test]
fn a_monthly_charts_n_is_the_deviations_of_its_36_months() {
    let (_t, out, _) = report(&sample_data(), &["--format", "html,csv"]);
    let csv = std::fs::read_to_string(out.join("tables/deviation_spc.csv")).unwrap();
    // Sum the table's counts for a sector over 2023–2025 (dates are dd.mm.yyyy).
    let sum = |sector: &str| -> (u64, bool) {
        let (mut n, mut hidden) = (0, false);
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(';').collect();
            let year: i32 = f[2].rsplit('.').next().unwrap().parse().unwrap();
            if f[1] != sector || !(2023..=2025).contains(&year) {
                continue;
            }
            match f[3].parse::<u64>() {
                Ok(c) => n += c,
                Err(_) => hidden = true,
            }
        }
        (n, hidden)
    };
    let source_n = |page: &str| -> String {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let at = html
            .find("avviksregisteret og enhetsoversikten, n = ")
            .expect("the control chart's source line");
        html[at..]
            .split(", n = ")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .trim()
            .to_string()
    };
    let digits = |s: &str| -> u64 {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    let (whole, hidden) = sum("Hele kommunen");
    assert!(!hidden);
    assert_eq!(digits(&source_n("index.html")), whole);
    assert!(
        whole > 10_000,
        "three years of deviations, not one: {whole}"
    );
    let (byutvikling, hidden) = sum("Byutvikling");
    assert!(!hidden);
    assert_eq!(digits(&source_n("sektor/byutvikling.html")), byutvikling);
    // Finans has months below the threshold: the visible ones, and a word that some are hidden.
    let (finans, hidden) = sum("Finans");
    assert!(hidden);
    let n = source_n("sektor/finans.html");
    assert!(n.ends_with("(noe skjult)"), "{n}");
    assert_eq!(digits(n.trim_end_matches("(noe skjult)")), finans);
}

/// `run` writes the workbook's sheets as the analyses make each table
/// (`bundle::Workbook`): the file is the one the bundle writes after them, sheet for sheet
/// and byte for byte; one made for other parameters is not used.
#[test]
fn the_workbook_written_during_the_analyses_is_the_one_written_after() {
    use ikrapport::analytics;
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_for_bundle(false).unwrap();
    let lang = ikrapport::Lang::Nb;
    let opts = analytics::Options::default();
    let params = analytics::Params::resolve(&data, &project.config, &opts).unwrap();
    let b = build(&project, &data);
    let formats = ikrapport::bundle::Formats::parse("xlsx", lang).unwrap();
    let workbook = |params: &analytics::Params| {
        let w = ikrapport::bundle::Workbook::start(params, &project.config, lang).unwrap();
        analytics::run_with(
            &project.root,
            &data,
            &project.config,
            &opts,
            params.clone(),
            &|r, name, df| w.tap(r, name, df),
        )
        .unwrap();
        w
    };
    let xlsx = |w: Option<&ikrapport::bundle::Workbook>| -> Vec<u8> {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("rapport");
        b.write(&out, &project, &data, &formats, None, w).unwrap();
        std::fs::read(out.join("tables.xlsx")).unwrap()
    };
    let after = xlsx(None);
    let w = workbook(&params);
    let during = xlsx(Some(&w));
    assert!(w.used());
    assert!(
        during == after,
        "the workbook differs from the one written after"
    );
    // Its file is written once: a second bundle writes its own.
    assert!(xlsx(Some(&w)) == after);
    // Made for 2019: not used.
    let mut other = params.clone();
    other.year = 2019;
    let w = workbook(&other);
    assert!(xlsx(Some(&w)) == after);
    assert!(!w.used());
    // Missing tables (only the first was sent): not used.
    let w = ikrapport::bundle::Workbook::start(&params, &project.config, lang).unwrap();
    let first = &b.results.results[0];
    w.tap(&b.results.registry, first, b.results.table(first).unwrap());
    assert!(xlsx(Some(&w)) == after);
    assert!(!w.used());
    // The sheets are the report's tables, in its order.
    use calamine::Reader;
    let wb: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(during)).unwrap();
    let titles: Vec<String> = b
        .results
        .results
        .iter()
        .map(|n| b.results.registry.title(n, lang).chars().take(31).collect())
        .collect();
    assert_eq!(wb.sheet_names().len(), titles.len());
    assert_eq!(wb.sheet_names()[0], titles[0]);
    assert_eq!(wb.sheet_names().last(), titles.last());
}

/// Without a units table the SPC "rate" is the month's count (exposure 1): the workbook
/// and the page label it as a count and show it as whole numbers, not "20,0000", and its
/// centre line and limits (means of counts) with one decimal, not a rate's four.
#[test]
fn spc_without_units_shows_counts_in_the_workbook_and_on_the_page() {
    use calamine::{Data, Reader, Xlsx};
    let p = Project::new();
    // 21 deviations in ten months, 20 in January and February: the centre line is 20.83.
    p.write("avvik.csv", big_deviations("Helse", 250));
    let (_tmp, out, _) = report(p.path(), &["--format", "xlsx,html"]);
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("tables.xlsx")).unwrap();
    let names = wb.sheet_names();
    let k = names
        .iter()
        .position(|n| n == "Styringsdiagram for avviksraten")
        .unwrap_or_else(|| panic!("{names:?}"));
    let r = wb.worksheet_range(&names[k]).unwrap();
    let col = |label: &str| {
        (0..r.width())
            .find(|j| r.get((0, *j)) == Some(&Data::String(label.into())))
            .unwrap_or_else(|| panic!("{label}"))
    };
    // Its label says it is a count, not "Rate per årsverk".
    let (rate, center) = (col("Rate (antall, årsverk ukjent)"), col("Senterlinje"));
    assert_eq!(r.get((1, rate)), Some(&Data::Float(20.0)), "January: 20");
    let letter = |j: usize| char::from(b'A' + j as u8);
    let styles = unzip(&out.join("tables.xlsx"), "xl/styles.xml");
    let xml = unzip(
        &out.join("tables.xlsx"),
        &format!("xl/worksheets/sheet{}.xml", k + 1),
    );
    assert_eq!(
        cell_format(&xml, &styles, &format!("{}2", letter(rate))),
        "#,##0"
    );
    assert_eq!(
        cell_format(&xml, &styles, &format!("{}2", letter(center))),
        "#,##0.0"
    );
    // The page's table of the figures behind the control chart says it too.
    let html = read(&out.join("index.html"));
    assert!(html.contains(">Rate (antall, årsverk ukjent)<"));
    assert!(!html.contains("Rate per årsverk"));
    // January: 20 deviations against a centre line of 250 / 12, shown as a count and one
    // decimal (not "20,0000" and "20,8333").
    let spc = &html[html.find(">Rate (antall, årsverk ukjent)<").unwrap()..];
    let january = spc
        .split("<tr>")
        .find(|r| r.contains("januar 2025"))
        .expect("January's row");
    let cells: Vec<&str> = january
        .split("<td")
        .skip(1)
        .map(|c| {
            c.split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
        })
        .collect();
    assert!(cells.contains(&"20"), "{cells:?}");
    assert!(cells.contains(&"20,8"), "{cells:?}");
    // The chart is titled and keyed as counts, not as a rate, on the page and in the
    // chart files pasted into the årsrapport on their own.
    assert!(
        html.contains("Avvik per måned med kontrollgrenser, hele kommunen"),
        "the count chart's title"
    );
    assert!(!html.contains("Avviksrate per måned"));
    let (_tmp2, all, _) = report(p.path(), &[]);
    let svg = read(&all.join("charts/spc.svg"));
    assert!(svg.contains(
        "<title id=\"spc-title\">Avvik per måned med kontrollgrenser, hele kommunen</title>"
    ));
    // The drawn texts (plotters puts each on a line of its own inside `<text>`).
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .map(str::trim)
        .collect();
    assert!(
        texts.contains(&"Antall"),
        "the key names the counts: {texts:?}"
    );
    assert!(!texts.contains(&"Rate"), "{texts:?}");
    assert!(texts.contains(&"Senterlinje"), "{texts:?}");
}
