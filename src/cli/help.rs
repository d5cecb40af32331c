//! Help texts from the message catalogue: clap's own strings (the derive's doc comments,
//! "Usage", "Options", "Print help") are replaced with `help-*` messages in the language
//! asked for with `--lang` (bokmål by default), so that `ikrapport --help --lang en` is
//! English and `--lang nn` nynorsk, like every other message.

use clap::{Arg, ArgAction, Command};
use ikrapport::{Lang, tr};

/// The language asked for on the command line (`--lang x` or `--lang=x`), before clap
/// has parsed anything: the help must already be in it.
pub fn lang_of(args: &[String]) -> Lang {
    for (i, a) in args.iter().enumerate() {
        let v = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(l) = v.and_then(Lang::parse) {
            return l;
        }
    }
    Lang::Nb
}

/// The command with every help text from the catalogue.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let cmd = one(cmd, "main", lang)
        .about(tr!(lang, "help-main"))
        .subcommand_help_heading(tr!(lang, "help-heading-commands"))
        .disable_help_subcommand(true);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |s| {
            let id = format!("help-{name}");
            one(s, name, lang).about(tr!(lang, &id))
        })
    })
}

/// Help of one command's own arguments, headings and the help flag.
fn one(cmd: Command, name: &str, lang: Lang) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || name == "main")
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = ids.iter().fold(cmd, |cmd, id| {
        let key = if ["lang", "quiet", "verbose"].contains(&id.as_str()) {
            format!("help-global-{id}")
        } else {
            format!("help-{name}-{id}")
        };
        cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "help-heading-arguments"
            } else {
                "help-heading-options"
            };
            let mut help = tr!(lang, &key);
            if !a.get_action().takes_values() {
                return a.help(help).help_heading(tr!(lang, heading));
            }
            // clap writes "[default: …]" in English: write it from the catalogue instead.
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().to_string())
                .collect();
            if !defaults.is_empty() {
                help.push(' ');
                help.push_str(&tr!(lang, "help-default", value = defaults.join(", ")));
            }
            a.help(help)
                .help_heading(tr!(lang, heading))
                .hide_default_value(true)
                .hide_possible_values(true)
        })
    });
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!(lang, "help-heading-usage")
    );
    cmd = cmd
        .help_template(template)
        .next_help_heading(tr!(lang, "help-heading-options"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr!(lang, "help-flag-help")),
        );
    if name == "main" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr!(lang, "help-flag-version")),
        );
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_argument_has_help_in_every_language() {
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let cmd = localize(<super::super::Cli as clap::CommandFactory>::command(), lang);
            for sub in cmd.get_subcommands() {
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                assert!(!about.starts_with("help-"), "{about}");
                for a in sub.get_arguments() {
                    let h = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                    assert!(
                        !h.is_empty() && !h.starts_with("help-"),
                        "{} {}: {h:?} ({lang:?})",
                        sub.get_name(),
                        a.get_id()
                    );
                }
            }
        }
        let args: Vec<String> = ["ikrapport", "run", "--lang=nn"].map(String::from).into();
        assert_eq!(lang_of(&args), Lang::Nn);
    }
}
