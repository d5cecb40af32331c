//! `report.md`: the same content as Markdown (CommonMark with GitHub tables), charts
//! linked from `charts/`. Text from the data is escaped: Markdown punctuation with a
//! backslash, `<`, `>` and `&` as entities, so a category named `<script>` is text in
//! every Markdown viewer.

use super::Markup;
use crate::report::{Document, Figure, TableBlock};

/// Escape text for Markdown.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The Markdown renderer.
pub struct Md;

impl Markup for Md {
    fn escape(&self, s: &str) -> String {
        escape(s)
    }

    fn heading(&self, level: usize, _id: &str, text: &str) -> String {
        format!("\n{} {}\n\n", "#".repeat(level.clamp(1, 6)), escape(text))
    }

    fn paragraph(&self, text: &str) -> String {
        // A paragraph that starts like a heading or a list is not one.
        let t = escape(text);
        let t = match t.chars().next() {
            Some('#' | '-' | '+' | '=' | '>') => format!("\\{t}"),
            _ => t,
        };
        format!("{t}\n\n")
    }

    fn note(&self, text: &str) -> String {
        format!("*{}*\n\n", escape(text))
    }

    fn table(&self, t: &TableBlock) -> String {
        let mut out = format!("**{}**\n\n", escape(&t.title));
        if t.headers.is_empty() {
            return out;
        }
        let row = |cells: &[String]| -> String {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| escape(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        out.push_str(&row(&t.headers));
        out.push_str(&format!(
            "|{}|\n",
            t.numeric
                .iter()
                .map(|n| if *n { " ---: " } else { " --- " })
                .collect::<Vec<_>>()
                .join("|")
        ));
        for r in &t.rows {
            out.push_str(&row(r));
        }
        out.push('\n');
        out
    }

    fn figure(&self, f: &Figure) -> String {
        let c = &f.chart;
        let mut out = format!(
            "![{}](charts/{}.png)\n\n*{}*\n\n",
            escape(&c.alt),
            c.id,
            escape(&c.title)
        );
        if let Some(n) = &f.note {
            out.push_str(&self.note(n));
        }
        out
    }
}

/// The whole report as one Markdown file: the report, then each sector.
pub fn document(doc: &Document) -> String {
    let r = Md;
    let mut out = format!("# {}\n\n{}\n", escape(&doc.title), escape(&doc.subtitle));
    for (i, page) in doc.pages.iter().enumerate() {
        if i == 0 {
            out.push_str(&r.page_body(doc, page, 2));
        } else {
            if i == 1 {
                out.push_str(&r.heading(
                    2,
                    "sektorer",
                    &crate::i18n::message(doc.lang, "report-sectors", None),
                ));
            }
            out.push_str(&r.heading(3, &page.slug, &page.title));
            out.push_str(&r.page_body(doc, page, 4));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_data_is_text() {
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(escape("a|b *c* [d](e)"), "a\\|b \\*c\\* \\[d\\](e)");
    }
}
