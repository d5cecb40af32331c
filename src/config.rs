//! The project configuration `ikrapport.toml`, read and validated once.
//!
//! Every field has a default, so a folder of well-named files needs no config at all.
//! Unknown keys are errors (a misspelt threshold must not be ignored silently).

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::source::SourceKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The line (1-based) a TOML error points at, for messages users can act on.
pub fn toml_error_line(text: &str, e: &toml::de::Error) -> usize {
    e.span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
        .unwrap_or(1)
}

/// The config file name inside a project folder.
pub const CONFIG_FILE: &str = "ikrapport.toml";

/// Project configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Kommunenummer used where a file has no kommunenummer column.
    pub kommunenummer: Option<String>,
    /// The municipality's name, in the report's title (else the municipalities table's
    /// name for the kommunenummer, else the number).
    pub kommune: Option<String>,
    /// Language of messages and reports.
    pub language: Lang,
    /// Maximum of the risk scales (probability and consequence): 5 by default; 4 and 6
    /// are in use too.
    pub scale_max: i64,
    pub risk: RiskConfig,
    /// Smallest group whose counts may be shown (03-report.md, "Privacy").
    pub disclosure_threshold: i64,
    pub survey: SurveyConfig,
    /// Explicit file lists per source (`deviations`, `risks`, …), overriding detection.
    pub sources: BTreeMap<SourceKind, SourceConfig>,
    /// Extra header aliases: `[aliases.deviations] sector = ["seksjon"]`.
    pub aliases: BTreeMap<SourceKind, BTreeMap<String, Vec<String>>>,
    /// Sector names written differently in different systems, mapped to one name.
    pub sector_aliases: BTreeMap<String, String>,
    pub analytics: AnalyticsConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            kommunenummer: None,
            kommune: None,
            language: Lang::Nb,
            scale_max: 5,
            risk: RiskConfig::default(),
            disclosure_threshold: 5,
            survey: SurveyConfig::default(),
            sources: BTreeMap::new(),
            aliases: BTreeMap::new(),
            sector_aliases: BTreeMap::new(),
            analytics: AnalyticsConfig::default(),
        }
    }
}

/// Risk acceptance and zones (02-analytics.md, "Risks").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskConfig {
    /// A measure is required when score > this, …
    pub measure_threshold: i64,
    /// … or when the risk is a breach of law or regulation.
    pub law_breach_requires_measure: bool,
    /// Scores up to this are green.
    pub green_max: i64,
    /// Scores up to this (above green) are yellow; above are red.
    pub yellow_max: i64,
}

impl Default for RiskConfig {
    fn default() -> Self {
        RiskConfig {
            measure_threshold: 10,
            law_breach_requires_measure: true,
            green_max: 4,
            yellow_max: 10,
        }
    }
}

/// Which survey codebook to use.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SurveyConfig {
    /// Path of the codebook TOML, relative to the project folder. Default: a `*.toml`
    /// next to the survey file whose name contains `kodebok` or `codebook`, else the
    /// built-in ROS-practice codebook.
    pub codebook: Option<PathBuf>,
}

/// One source's explicit files.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SourceConfig {
    pub files: Vec<PathBuf>,
    /// Sheet to read in spreadsheets (else the first visible sheet whose header matches).
    pub sheet: Option<String>,
}

/// Parameters of the analyses.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyticsConfig {
    /// Years in `deviation_trend`.
    pub trend_years: i64,
    /// Rows in `risk_top`.
    pub risk_top_n: i64,
    /// Targets and weights of the maturity indicators.
    pub indicators: BTreeMap<String, IndicatorConfig>,
}

impl Default for AnalyticsConfig {
    fn default() -> Self {
        AnalyticsConfig {
            trend_years: 5,
            risk_top_n: 10,
            indicators: BTreeMap::new(),
        }
    }
}

/// Target and weight of one maturity indicator (02-analytics.md, `maturity_indicators`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IndicatorConfig {
    /// At or above: green.
    pub green: Option<f64>,
    /// At or above (and below green): yellow; below: red.
    pub yellow: Option<f64>,
    /// Weight in the maturity index.
    pub weight: Option<f64>,
}

impl Config {
    /// Read `ikrapport.toml` from a project folder, or the defaults when there is none.
    pub fn load(folder: &Path) -> Result<Config> {
        Config::load_in(folder, None)
    }

    /// As [`Config::load`]; messages in `lang` when given (else the file's own
    /// `language`, else bokmål), and `lang` overrides the file's language.
    pub fn load_in(folder: &Path, lang: Option<Lang>) -> Result<Config> {
        let path = folder.join(CONFIG_FILE);
        let mut cfg = if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::Config {
                message: tr!(
                    lang.unwrap_or_default(),
                    "config-unreadable",
                    path = &path,
                    why = e.to_string()
                ),
                file: path.clone(),
            })?;
            Config::parse_in(&text, &path, lang)?
        } else {
            Config::default()
        };
        if let Some(l) = lang {
            cfg.language = l;
        }
        Ok(cfg)
    }

    /// Parse config text; `path` is named in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        Config::parse_in(text, path, None)
    }

    fn parse_in(text: &str, path: &Path, hint: Option<Lang>) -> Result<Config> {
        // The language for messages: the caller's, else what the file asks for.
        let lang = hint.unwrap_or_else(|| {
            toml::from_str::<toml::Table>(text)
                .ok()
                .and_then(|t| {
                    t.get("language")
                        .and_then(|v| v.as_str())
                        .and_then(Lang::parse)
                })
                .unwrap_or_default()
        });
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let line = toml_error_line(text, &e);
            Error::Config {
                file: path.to_path_buf(),
                message: tr!(
                    lang,
                    "config-invalid",
                    path = path,
                    line = line.to_string(),
                    why = e.message().trim().to_string()
                ),
            }
        })?;
        cfg.validate(path, lang)?;
        Ok(cfg)
    }

    fn validate(&self, path: &Path, lang: Lang) -> Result<()> {
        let bad = |m: String| Error::Config {
            file: path.to_path_buf(),
            message: tr!(lang, "config-wrong", path = path, what = m),
        };
        if !(2..=10).contains(&self.scale_max) {
            return Err(bad(tr!(
                lang,
                "config-scale-max",
                value = self.scale_max.to_string()
            )));
        }
        if let Some(k) = &self.kommunenummer {
            if k.len() != 4 || !k.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(tr!(lang, "config-kommunenummer", value = k)));
            }
        }
        if self.risk.green_max >= self.risk.yellow_max {
            return Err(bad(tr!(lang, "config-zones")));
        }
        if self.disclosure_threshold < 1 {
            return Err(bad(tr!(lang, "config-disclosure")));
        }
        Ok(())
    }

    /// Extra aliases from the config for a source's canonical column.
    pub fn extra_aliases(&self, source: SourceKind, column: &str) -> Vec<String> {
        self.aliases
            .get(&source)
            .and_then(|m| m.get(column).cloned())
            .unwrap_or_default()
    }

    /// A sector name as the project wants it written.
    pub fn sector_name(&self, s: String) -> String {
        match self.sector_aliases.get(&s) {
            Some(v) => v.clone(),
            None => s,
        }
    }

    /// A commented default config (what `init` writes).
    pub fn template() -> &'static str {
        include_str!("assets/ikrapport.toml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_errors_users_see() {
        let c = Config::parse("", Path::new("ikrapport.toml")).unwrap();
        assert_eq!(c.scale_max, 5);
        assert_eq!(c.risk.measure_threshold, 10);
        let e = Config::parse("kommunenummer = \"501\"", Path::new("ikrapport.toml")).unwrap_err();
        assert!(e.to_string().contains("fire siffer"), "{e}");
        let e = Config::parse("skala = 5", Path::new("ikrapport.toml")).unwrap_err();
        assert!(e.to_string().contains("skala"), "{e}");
        // An unknown source is named, with the known ones and the line.
        let e = Config::parse(
            "scale_max = 5\n[sources.avvk]\nfiles = [\"a.csv\"]",
            Path::new("ikrapport.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("linje 2") && e.contains("«avvk»"), "{e}");
        assert!(e.contains("deviations, risks, survey"), "{e}");
        let c = Config::parse("[sources.avvik]\nfiles = [\"a.csv\"]", Path::new("x")).unwrap();
        assert!(c.sources.contains_key(&SourceKind::Deviations));
        // The file's own language decides the message language.
        let e = Config::parse(
            "language = \"en\"\nscale_max = 12",
            Path::new("ikrapport.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("is not a usable scale"), "{e}");
        let c = Config::parse(Config::template(), Path::new("ikrapport.toml")).unwrap();
        assert_eq!(c.kommunenummer.as_deref(), Some("5001"));
    }
}
