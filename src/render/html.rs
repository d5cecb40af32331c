//! `index.html` and `sektor/<slug>.html`: self-contained pages (inline CSS, inline SVG),
//! opening from disk, with a table of contents, a print stylesheet, and what WCAG 2.1 AA
//! / EN 301 549 ask of a public document: `lang`, one `h1`, ordered headings,
//! `<figure>` with `<figcaption>` and a text alternative, a real table behind every chart,
//! contrast of at least 4.5:1, scrollable regions reachable by keyboard, a skip link.

use super::Markup;
use crate::i18n::Lang;
use crate::report::{Document, Figure, Page, TableBlock};

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML renderer.
pub struct Html {
    pub lang: Lang,
}

impl Markup for Html {
    fn escape(&self, s: &str) -> String {
        escape(s)
    }

    fn heading(&self, level: usize, id: &str, text: &str) -> String {
        let l = level.clamp(1, 6);
        format!("<h{l} id=\"{}\">{}</h{l}>\n", escape(id), escape(text))
    }

    fn paragraph(&self, text: &str) -> String {
        format!("<p>{}</p>\n", escape(text))
    }

    fn note(&self, text: &str) -> String {
        format!("<p class=\"note\">{}</p>\n", escape(text))
    }

    fn table(&self, t: &TableBlock) -> String {
        // A table of many columns may take the window's width (`.wide`) before it
        // scrolls sideways: at 1 280 px the indicator table's eleven columns need
        // ~1 170 px, the text column is 920.
        let wide = if t.headers.len() >= WIDE_COLUMNS {
            " wide"
        } else {
            ""
        };
        let mut out = format!(
            "<div class=\"table-wrap{wide}\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>\n<caption>{}</caption>\n<thead><tr>",
            escape(&t.title),
            escape(&t.title)
        );
        for (h, num) in t.headers.iter().zip(&t.numeric) {
            let (class, text) = if *num {
                (" class=\"num\"", whole_hyphenated_words(&escape(h)))
            } else {
                ("", escape(h))
            };
            out.push_str(&format!("<th scope=\"col\"{class}>{text}</th>"));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &t.rows {
            out.push_str("<tr>");
            for (j, (v, num)) in row.iter().zip(&t.numeric).enumerate() {
                let class = if *num { " class=\"num\"" } else { "" };
                if j == 0 && !num {
                    out.push_str(&format!("<th scope=\"row\">{}</th>", escape(v)));
                } else {
                    out.push_str(&format!("<td{class}>{}</td>", escape(v)));
                }
            }
            out.push_str("</tr>\n");
        }
        if t.rows.is_empty() {
            out.push_str(&format!(
                "<tr><td colspan=\"{}\">{}</td></tr>\n",
                t.headers.len().max(1),
                escape(&crate::i18n::message(self.lang, "chart-no-data", None))
            ));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        out
    }

    fn figure(&self, f: &Figure) -> String {
        let c = &f.chart;
        // The SVG carries the title and the text alternative (role="img", <title>,
        // <desc>); the caption names the figure for everyone.
        let mut out = format!(
            "<figure id=\"fig-{}\">\n{}\n<figcaption>{}</figcaption>\n",
            escape(&c.id),
            c.svg(),
            escape(&c.title)
        );
        out.push_str(&format!(
            "<details>\n<summary>{}</summary>\n",
            escape(&crate::i18n::message(self.lang, "report-data-table", None))
        ));
        out.push_str(&self.table_with_note(&f.data));
        out.push_str("</details>\n</figure>\n");
        out
    }
}

/// A numeric column's header wraps at its spaces, and a short word with a hyphen or dash
/// ("p-value", "91–180") stays whole rather than "p-" over "value" in a narrow column. A
/// long compound ("ROS-dekning") may still break after its hyphen: kept whole, it widened
/// the nynorsk benchmark table past the text column.
fn whole_hyphenated_words(escaped: &str) -> String {
    const SHORT: usize = 8;
    escaped
        .split(' ')
        .map(|w| {
            if w.contains(['-', '–']) && w.chars().count() <= SHORT {
                format!("<span class=\"nw\">{w}</span>")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// From this many columns a table may be wider than the text column (`.wide` in `CSS`).
const WIDE_COLUMNS: usize = 9;

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff;
  line-height: 1.5; margin: 0; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; outline: 3px solid #0b5394; }
header, main, footer, nav { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
.subtitle { color: #4d4d4d; margin-top: 0; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 2px solid #1a1a1a; padding-top: .75rem; }
h3 { font-size: 1.15rem; }
a { color: #0b5394; }
a:focus, [tabindex]:focus, summary:focus { outline: 3px solid #0b5394; outline-offset: 2px; }
nav.toc { border: 1px solid #ccc; padding: .75rem 1.25rem; margin: 1.5rem auto; }
nav.toc h2 { border: 0; margin: 0; padding: 0; font-size: 1.1rem; }
nav.toc ul { margin: .25rem 0; padding-left: 1.25rem; }
figure { margin: 1.5rem 0; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: .95rem; margin-top: .5rem; }
details { margin-top: .5rem; }
summary { cursor: pointer; color: #0b5394; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
.table-wrap.wide { width: min(80rem, calc(100vw - 3.5rem));
  margin-left: calc((100% - min(80rem, calc(100vw - 3.5rem))) / 2); }
table { border-collapse: collapse; font-size: .9rem; min-width: 50%; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; border-bottom: 2px solid #1a1a1a; }
tbody th { font-weight: 600; min-width: 9rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
.nw { white-space: nowrap; }
.note { font-size: .85rem; color: #4d4d4d; }
footer { color: #4d4d4d; font-size: .85rem; border-top: 1px solid #ccc; margin-top: 3rem; padding-bottom: 2rem; }
@media print {
  nav.toc, .skip, details, footer a { display: none; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; }
  h3, caption { break-after: avoid; }
  figure, table, .table-wrap { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .table-wrap.wide { width: auto; margin-left: 0; }
  a { color: #1a1a1a; text-decoration: none; }
}
"#;

/// One page as a whole HTML document. `prefix` is the way back to `index.html` from the
/// page (`""` or `"../"`).
pub fn page(doc: &Document, page: &Page, sectors: &[(String, String)], prefix: &str) -> String {
    let r = Html { lang: doc.lang };
    let l = |id: &str| escape(&crate::i18n::message(doc.lang, id, None));
    let is_index = page.slug.is_empty();
    let h1 = if is_index {
        doc.title.clone()
    } else {
        crate::tr!(doc.lang, "report-sector-page", sector = page.title.as_str())
    };
    let mut toc = format!(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">{}</h2>\n<ul>\n",
        l("report-contents")
    );
    for s in &page.sections {
        toc.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            escape(&s.id),
            escape(&s.title)
        ));
    }
    toc.push_str("</ul>\n");
    if !sectors.is_empty() {
        toc.push_str(&format!("<p>{}:</p>\n<ul>\n", l("report-sectors")));
        for (name, slug) in sectors {
            toc.push_str(&format!(
                "<li><a href=\"{prefix}sektor/{}.html\">{}</a></li>\n",
                escape(slug),
                escape(name)
            ));
        }
        toc.push_str("</ul>\n");
    }
    if !is_index {
        toc.push_str(&format!(
            "<p><a href=\"{prefix}index.html\">{}</a></p>\n",
            l("report-back")
        ));
    }
    toc.push_str("</nav>\n");
    let body = r.page_body(doc, page, 2);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{skip}</a>\n<header>\n<h1>{h1}</h1>\n<p class=\"subtitle\">{subtitle}</p>\n</header>\n{toc}<main id=\"main\">\n{body}</main>\n<footer>\n<p>{made}</p>\n</footer>\n</body>\n</html>\n",
        lang = doc.lang.code(),
        title = escape(&h1),
        skip = l("report-skip"),
        h1 = escape(&h1),
        subtitle = escape(&doc.subtitle),
        made = escape(&crate::tr!(
            doc.lang,
            "report-made-by",
            version = env!("CARGO_PKG_VERSION")
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
    }

    #[test]
    fn numbers_stay_whole_but_their_headers_wrap() {
        // A number is never broken over two lines ("1 167" with its narrow space), but a
        // numeric column's header ("Åpne over 180 dager") may wrap: kept on one line, the
        // closing table on the index page was wider than the text column at 1 280 px and
        // had to be scrolled sideways (checked in Chromium).
        let rule = |selector: &str| {
            CSS.lines()
                .find(|l| l.starts_with(&format!("{selector} {{")))
                .unwrap_or_default()
        };
        assert!(rule(".num").contains("white-space: nowrap"), "{CSS}");
        assert!(
            rule("thead th.num").contains("white-space: normal"),
            "{CSS}"
        );
        // …but not inside a hyphenated word (the English trend table's "p-value").
        assert!(rule(".nw").contains("white-space: nowrap"), "{CSS}");
        let t = TableBlock {
            title: "Trend".into(),
            headers: vec![
                "Sector".into(),
                "p-value".into(),
                "Years of data".into(),
                "Oppdatert ROS-dekning".into(),
            ],
            numeric: vec![false, true, true, true],
            rows: vec![vec!["Finans".into(), "0.5".into(), "3".into(), "1".into()]],
            note: None,
        };
        let html = Html { lang: Lang::En }.table(&t);
        assert!(
            html.contains(
                "<th scope=\"col\" class=\"num\"><span class=\"nw\">p-value</span></th>\
                 <th scope=\"col\" class=\"num\">Years of data</th>"
            ),
            "{html}"
        );
        assert!(html.contains("<th scope=\"col\">Sector</th>"), "{html}");
        assert!(
            html.contains("<th scope=\"col\" class=\"num\">Oppdatert ROS-dekning</th>"),
            "a long compound may break after its hyphen: {html}"
        );
    }

    #[test]
    fn tables_of_many_columns_may_take_the_windows_width() {
        let table = |columns: usize| TableBlock {
            title: "Indikatorer".into(),
            headers: (0..columns)
                .map(|i| format!("Status: indikator {i}"))
                .collect(),
            numeric: vec![false; columns],
            rows: vec![vec!["▲ Gul".into(); columns]],
            note: None,
        };
        let html = Html { lang: Lang::Nb };
        assert!(
            html.table(&table(11))
                .starts_with("<div class=\"table-wrap wide\" role=\"region\""),
            "{}",
            html.table(&table(11))
        );
        assert!(
            html.table(&table(8))
                .starts_with("<div class=\"table-wrap\" role=\"region\"")
        );
        assert!(CSS.contains(".table-wrap.wide { width: min(80rem"), "{CSS}");
    }
}
