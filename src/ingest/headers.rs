//! Header normalisation and alias matching (01-inputs.md, "Header matching").
//!
//! A header matches a canonical column when its *key* equals the key of the canonical
//! name or one of its aliases. The key is case-insensitive, trims and collapses
//! whitespace, drops a trailing parenthesis or bracket (`Sannsynlighet (1-5)`), trailing
//! `:`, `*` and `?`, and folds æ/ø/å and their ASCII transliterations (`ae`, `o`/`oe`,
//! `a`/`aa`) together, so `Arsak`, `Aarsak` and `Årsak` are one header.

use super::schema::ColumnSpec;

/// The matching key of a header or alias.
pub fn key(s: &str) -> String {
    let mut t = s.trim().to_lowercase();
    // Strip trailing decorations repeatedly: "Sannsynlighet (1-5):*" → "sannsynlighet".
    loop {
        let before = t.len();
        t = t
            .trim_end_matches([':', '*', '?', ' ', '\u{a0}', '.'])
            .to_string();
        if t.ends_with(')') {
            if let Some(i) = t.rfind('(') {
                if i > 0 {
                    t.truncate(i);
                }
            }
        }
        if t.ends_with(']') {
            if let Some(i) = t.rfind('[') {
                if i > 0 {
                    t.truncate(i);
                }
            }
        }
        if t.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(t.len());
    for ch in t.chars() {
        match ch {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' => out.push('a'),
            '_' | '\u{a0}' | '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    let folded = out.replace("aa", "a").replace("oe", "o");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sanitise an unknown header into a snake_case ASCII column name for the canonical
/// table ("Ekstra kolonne (tekst)" → `ekstra_kolonne_tekst`).
pub fn sanitize(s: &str) -> String {
    let mut out = String::new();
    for ch in s.trim().to_lowercase().chars() {
        match ch {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('_') {
                    out.push('_')
                }
            }
        }
    }
    let t = out.trim_matches('_').to_string();
    if t.is_empty() {
        "column".into()
    } else if t.as_bytes()[0].is_ascii_digit() {
        format!("c_{t}")
    } else {
        t
    }
}

/// The canonical column index a header matches, if any. Extra aliases from the project
/// config are given per canonical column name.
pub fn match_header(
    header: &str,
    columns: &[ColumnSpec],
    extra: &dyn Fn(&str) -> Vec<String>,
) -> Option<usize> {
    let k = key(header);
    if k.is_empty() {
        return None;
    }
    columns.iter().position(|c| {
        key(c.name) == k
            || c.aliases.iter().any(|a| key(a) == k)
            || extra(c.name).iter().any(|a| key(a) == k)
    })
}

/// The closest alias to a header among the given columns, for "did you mean" messages:
/// returns (alias as written, similarity 0–1).
pub fn closest_alias<'a>(header: &str, columns: &[&'a ColumnSpec]) -> Option<(&'a str, f64)> {
    let k = key(header);
    let mut best: Option<(&str, f64)> = None;
    for c in columns {
        for a in c.aliases.iter().copied().chain(std::iter::once(c.name)) {
            let sim = strsim::normalized_levenshtein(&k, &key(a));
            if best.is_none_or(|(_, s)| sim > s) {
                best = Some((a, sim));
            }
        }
    }
    best
}

/// Upper-case the first letter (for quoting an alias in a message as users write it).
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_decoration_and_transliteration() {
        assert_eq!(key("  Sannsynlighet (1-5) "), "sannsynlighet");
        assert_eq!(key("Årsak:"), key("aarsak"));
        assert_eq!(key("Arsak*"), key("årsak"));
        assert_eq!(key("Lukket   dato"), "lukket dato");
        assert_eq!(key("Nåværende nivå"), key("Navaerende niva"));
        assert_eq!(key("Rotårsak"), key("rotaarsak"));
        assert_eq!(key("Ønsket nivå"), key("Oensket niva"));
        assert_eq!(key("meldt_dato"), "meldt dato");
    }

    #[test]
    fn sanitized_names_are_snake_case_ascii() {
        assert_eq!(sanitize("Ekstra kolonne (tekst)"), "ekstra_kolonne_tekst");
        assert_eq!(
            sanitize("Ansvarlig for oppfølging"),
            "ansvarlig_for_oppfolging"
        );
        assert_eq!(sanitize("2. kvartal"), "c_2_kvartal");
        assert_eq!(sanitize("***"), "column");
    }
}
