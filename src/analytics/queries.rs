//! SQL queries as files: `queries/<name>.sql` produces the table `<name>` (dbt-style).
//! The files are loaded by the registry (`registry.rs`); this module reads them:
//! placeholders (`{{year}}`, `{{as_of}}`, …; see `queries/README.md`), the tables a query
//! reads, and the order in which queries and Rust analyses run, so that missing and
//! circular references are reported by name before anything runs.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Replace `{{name}}` placeholders; an unknown placeholder is an error naming it.
pub fn substitute(
    sql: &str,
    params: &BTreeMap<&'static str, String>,
    label: &str,
    lang: Lang,
) -> Result<String> {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(Error::Query(tr!(
                lang,
                "query-unclosed-placeholder",
                label = label
            )));
        };
        let key = after[..end].trim();
        match params.get(key) {
            Some(v) => out.push_str(v),
            None => {
                let known = params
                    .keys()
                    .map(|k| format!("{{{{{k}}}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(Error::Query(tr!(
                    lang,
                    "query-unknown-placeholder",
                    label = label,
                    key = format!("{{{{{key}}}}}"),
                    known = known
                )));
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Names a query defines for itself with `WITH name AS (` (common table expressions).
fn cte_names(sql: &str) -> Vec<String> {
    let lower = sql.to_lowercase();
    let bytes = lower.as_bytes();
    let mut names = Vec::new();
    let mut i = 0;
    while let Some(pos) = lower[i..].find(" as (").or_else(|| lower[i..].find(" as(")) {
        let at = i + pos;
        // The identifier just before " as (".
        let mut s = at;
        while s > 0 && (bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] == b'_') {
            s -= 1;
        }
        if s < at {
            names.push(lower[s..at].to_string());
        }
        i = at + 4;
    }
    names
}

/// The tables a query reads (excluding its own CTEs), lower-cased.
pub fn references(sql: &str, label: &str, lang: Lang) -> Result<Vec<String>> {
    let ids = polars::sql::extract_table_identifiers(sql, false, true).map_err(|e| {
        Error::Query(tr!(
            lang,
            "query-not-sql",
            label = label,
            why = crate::catalog::first_line(&e)
        ))
    })?;
    let ctes = cte_names(sql);
    Ok(ids
        .into_iter()
        .map(|s| s.to_lowercase())
        .filter(|s| !ctes.contains(s))
        .collect())
}

/// Order nodes so that every node comes after what it reads. `deps` maps a node to the
/// nodes it reads (tables that are not nodes are already available). A cycle is an error
/// naming the nodes in it.
pub fn topo_order(deps: &BTreeMap<String, Vec<String>>, lang: Lang) -> Result<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut mark: BTreeMap<&str, Mark> = deps.keys().map(|k| (k.as_str(), Mark::New)).collect();
    let mut order = Vec::new();
    fn visit<'a>(
        n: &'a str,
        deps: &'a BTreeMap<String, Vec<String>>,
        mark: &mut BTreeMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
        order: &mut Vec<String>,
        lang: Lang,
    ) -> Result<()> {
        match mark.get(n).copied() {
            Some(Mark::Done) | None => return Ok(()),
            Some(Mark::Active) => {
                let from = stack.iter().position(|s| *s == n).unwrap_or(0);
                let mut cycle: Vec<&str> = stack[from..].to_vec();
                cycle.push(n);
                let ring = cycle.join(" → ");
                return Err(Error::Query(tr!(lang, "query-cycle", ring = ring)));
            }
            Some(Mark::New) => {}
        }
        mark.insert(n, Mark::Active);
        stack.push(n);
        for d in &deps[n] {
            visit(d, deps, mark, stack, order, lang)?;
        }
        stack.pop();
        mark.insert(n, Mark::Done);
        order.push(n.to_string());
        Ok(())
    }
    let keys: Vec<&String> = deps.keys().collect();
    for k in keys {
        visit(k, deps, &mut mark, &mut Vec::new(), &mut order, lang)?;
    }
    Ok(order)
}

/// The queries folder of a path, if it has one.
pub fn dir_of(p: &Path) -> PathBuf {
    p.join("queries")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_ctes_and_cycles() {
        let mut p = BTreeMap::new();
        p.insert("year", "2025".to_string());
        assert_eq!(
            substitute("x = {{year}} and {{ year }}", &p, "q", Lang::Nb).unwrap(),
            "x = 2025 and 2025"
        );
        let e = substitute("{{yaer}}", &p, "«q»", Lang::Nb)
            .unwrap_err()
            .to_string();
        assert!(e.contains("ukjente parameteren {{yaer}}"), "{e}");
        let refs = references(
            "WITH a AS (SELECT * FROM deviations), b AS (SELECT * FROM a JOIN units u ON 1=1) SELECT * FROM b",
            "q",
            Lang::Nb,
        )
        .unwrap();
        assert_eq!(refs, vec!["deviations".to_string(), "units".to_string()]);
        let mut deps = BTreeMap::new();
        deps.insert("a".to_string(), vec!["b".to_string()]);
        deps.insert("b".to_string(), vec!["c".to_string()]);
        deps.insert("c".to_string(), vec!["a".to_string()]);
        let e = topo_order(&deps, Lang::Nb).unwrap_err().to_string();
        assert!(e.contains("a → b → c → a"), "{e}");
        let e = topo_order(&deps, Lang::En).unwrap_err().to_string();
        assert!(
            e.starts_with("The queries read each other in a ring: a → b → c → a"),
            "{e}"
        );
        deps.insert("c".to_string(), vec![]);
        assert_eq!(topo_order(&deps, Lang::Nb).unwrap(), vec!["c", "b", "a"]);
    }
}
