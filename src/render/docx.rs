//! `report.docx`: the same sections as a Word document, for pasting into the årsrapport,
//! which most kommuner still edit in Word. WordprocessingML (ECMA-376) written directly
//! on the `zip` crate: Word's own heading styles (so the navigation pane and a table of
//! contents work), real tables whose header row repeats on every page (`w:tblHeader`),
//! charts as PNG with their text alternative (`wp:docPr/@descr`), a page break before
//! each sector, the document language set for spell checking. Fixed zip timestamps and
//! no generated ids make every rerun the same bytes.

use super::{Markup, xml_escape as escape};
use crate::error::{Error, Result};
use crate::report::{Document, Figure, TableBlock};
use std::cell::RefCell;
use std::io::Write;

/// The Word renderer: body XML, and the images it refers to.
pub struct Docx<'a> {
    images: RefCell<Vec<(String, Vec<u8>)>>,
    /// PNGs already drawn for `charts/`, by chart id (drawn again only if missing).
    pngs: &'a std::collections::BTreeMap<String, Vec<u8>>,
}

/// Column widths in twips over the text width (16 cm = 9 070 twips), in proportion to
/// what each column holds: its longest cell, and its header's longest word, so that a
/// sector name is not broken in the middle.
fn column_widths(t: &TableBlock) -> Vec<usize> {
    let n = t.headers.len().max(1);
    let want: Vec<f64> = (0..n)
        .map(|j| {
            let head = t
                .headers
                .get(j)
                .map(|h| {
                    h.split_whitespace()
                        .map(|w| w.chars().count())
                        .max()
                        .unwrap_or(1)
                })
                .unwrap_or(1);
            let cells = t
                .rows
                .iter()
                .filter_map(|r| r.get(j))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(1);
            // Bold headers are wider than their letters; no column under six.
            ((head + 2).max(cells + 1) as f64).clamp(6.0, 30.0)
        })
        .collect();
    let total: f64 = want.iter().sum();
    want.iter().map(|w| (w / total * 9070.0) as usize).collect()
}

/// Page width for figures: 16 cm in EMU (914 400 per inch).
const FIG_W: u64 = 5_760_720;

fn run(text: &str, bold: bool) -> String {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

fn para(style: Option<&str>, body: &str) -> String {
    let ppr = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{ppr}{body}</w:p>")
}

impl Markup for Docx<'_> {
    fn escape(&self, s: &str) -> String {
        escape(s)
    }

    fn heading(&self, level: usize, _id: &str, text: &str) -> String {
        para(
            Some(&format!("Heading{}", level.clamp(1, 6))),
            &run(text, false),
        )
    }

    fn paragraph(&self, text: &str) -> String {
        para(None, &run(text, false))
    }

    fn note(&self, text: &str) -> String {
        para(Some("Note"), &run(text, false))
    }

    fn table(&self, t: &TableBlock) -> String {
        let widths = column_widths(t);
        // Wide tables in a smaller type, so that they fit the portrait page.
        let text_style = if t.headers.len() > 7 {
            "TableTextSmall"
        } else {
            "TableText"
        };
        let mut out = para(Some("Caption"), &run(&t.title, false));
        out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabell\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for w in &widths {
            out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        out.push_str("</w:tblGrid>");
        let cell = |text: &str, num: bool, head: bool, w: usize| {
            let jc = if num { "<w:jc w:val=\"right\"/>" } else { "" };
            let shd = if head {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF5\"/>"
            } else {
                ""
            };
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shd}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{text_style}\"/>{jc}</w:pPr>{}</w:p></w:tc>",
                run(text, head)
            )
        };
        // The header row repeats at the top of every page the table runs over.
        out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for ((h, num), w) in t.headers.iter().zip(&t.numeric).zip(&widths) {
            out.push_str(&cell(h, *num, true, *w));
        }
        out.push_str("</w:tr>");
        for r in &t.rows {
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for ((v, num), w) in r.iter().zip(&t.numeric).zip(&widths) {
                out.push_str(&cell(v, *num, false, *w));
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        out
    }

    fn figure(&self, f: &Figure) -> String {
        let c = &f.chart;
        let png = self.pngs.get(&c.id).cloned().unwrap_or_else(|| c.png());
        let mut images = self.images.borrow_mut();
        let n = images.len() + 1;
        let rid = format!("rIdImg{n}");
        images.push((format!("image{n}.png"), png));
        let cy = (FIG_W as f64 * c.canvas.height / c.canvas.width) as u64;
        let alt = escape(&c.alt);
        let name = escape(&c.title);
        let drawing = format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{FIG_W}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"{name}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{id}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{FIG_W}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            id = escape(&c.id)
        );
        let mut out = para(Some("Figure"), &drawing);
        out.push_str(&para(Some("Caption"), &run(&c.title, false)));
        if let Some(n) = &f.note {
            out.push_str(&self.note(n));
        }
        out
    }
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="LANG"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="4D4D4D"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:sz w:val="23"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="4D4D4D"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableTextSmall"><w:name w:val="Table Text Small"/><w:basedOn w:val="TableText"/><w:rPr><w:sz w:val="14"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="Tabell"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D9D9D9"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
"#;

/// Build the `.docx` bytes; `pngs` are the charts' PNGs already made, by id.
pub fn document(
    doc: &Document,
    pngs: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>> {
    let r = Docx {
        images: RefCell::new(Vec::new()),
        pngs,
    };
    let mut body = String::new();
    body.push_str(&para(Some("Title"), &run(&doc.title, false)));
    body.push_str(&para(Some("Subtitle"), &run(&doc.subtitle, false)));
    for (i, page) in doc.pages.iter().enumerate() {
        if i == 0 {
            body.push_str(&r.page_body(doc, page, 1));
        } else {
            // Each sector starts on a new page.
            body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
            body.push_str(&r.heading(
                1,
                &page.slug,
                &crate::tr!(doc.lang, "report-sector-page", sector = page.title.as_str()),
            ));
            body.push_str(&r.page_body(doc, page, 2));
        }
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let images = r.images.into_inner();
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    );
    for (i, (name, _)) in images.iter().enumerate() {
        rels.push_str(&format!(
            "<Relationship Id=\"rIdImg{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{name}\"/>",
            i + 1
        ));
    }
    rels.push_str("</Relationships>");
    let lang = match doc.lang {
        crate::i18n::Lang::Nb => "nb-NO",
        crate::i18n::Lang::Nn => "nn-NO",
        crate::i18n::Lang::En => "en-GB",
    };
    let title = escape(&doc.title);
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{title}</dc:title><dc:creator>ikrapport</dc:creator><dc:language>{lang}</dc:language></cp:coreProperties>"
    );
    let parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            CONTENT_TYPES.as_bytes().to_vec(),
        ),
        ("_rels/.rels".into(), ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml".into(), core.into_bytes()),
        ("word/document.xml".into(), xml.into_bytes()),
        (
            "word/styles.xml".into(),
            STYLES.replace("LANG", lang).into_bytes(),
        ),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
    ]
    .into_iter()
    .chain(
        images
            .into_iter()
            .map(|(n, b)| (format!("word/media/{n}"), b)),
    )
    .collect();
    zip_parts(&parts)
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

/// A zip of the parts with fixed timestamps (the same bytes on every rerun). The charts'
/// PNGs are stored as they are: they are deflated already (`chart::encode_png`), and
/// deflating them again took most of the document's time (~45 of ~50 ms nationally).
fn zip_parts(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in parts {
            let opts = if name.ends_with(".png") { stored } else { opts };
            z.start_file(name.as_str(), opts)
                .map_err(|e| Error::Internal(format!("docx: {e}")))?;
            z.write_all(bytes)
                .map_err(|e| Error::Internal(format!("docx: {e}")))?;
        }
        z.finish()
            .map_err(|e| Error::Internal(format!("docx: {e}")))?;
    }
    Ok(buf.into_inner())
}
