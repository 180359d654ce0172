//! Translations: Norwegian bokmål and nynorsk, Swedish, Danish and
//! English, from Fluent files in `assets/i18n/`, embedded in the binary.
//!
//! Every user-facing sentence of every layer (validation messages, file
//! errors, the CLI, the app) comes from here by message id. Arguments are
//! passed as preformatted text so numbers stay Nordic in both languages.
//! Isolation marks (U+2068/U+2069) are switched off: egui's fonts lack them.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

pub use crate::format::Numbers;
pub use crate::lang::Lang;

const NB_FTL: &str = include_str!("../../../assets/i18n/nb.ftl");
const NN_FTL: &str = include_str!("../../../assets/i18n/nn.ftl");
const SV_FTL: &str = include_str!("../../../assets/i18n/sv.ftl");
const DA_FTL: &str = include_str!("../../../assets/i18n/da.ftl");
const EN_FTL: &str = include_str!("../../../assets/i18n/en.ftl");

/// A translator for one language.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tr")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// A count written as plain digits (no leading zero, at most six), as a
/// number: what Fluent needs to choose a plural.
fn plain_count(text: &str) -> Option<u32> {
    let plain = !text.is_empty()
        && text.len() <= 6
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    plain.then(|| text.parse().ok()).flatten()
}

/// The embedded Fluent file of `lang` and its locale: one arm per language,
/// so a language cannot be added without its file.
const fn ftl(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Nb => (NB_FTL, "nb-NO"),
        Lang::Nn => (NN_FTL, "nn-NO"),
        Lang::Sv => (SV_FTL, "sv-SE"),
        Lang::Da => (DA_FTL, "da-DK"),
        Lang::En => (EN_FTL, "en-GB"),
    }
}

impl Tr {
    /// Loads the embedded translations of `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Tr {
        let (source, langid) = ftl(lang);
        let langid: unic_langid::LanguageIdentifier = langid.parse().unwrap_or_default();
        // A syntax error in an embedded file is caught by the tests; at run
        // time the entries that did parse are still used.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        // Duplicate ids are caught by the tests as well.
        let _ = bundle.add_resource(resource);
        Tr { lang, bundle }
    }

    /// The language.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How numbers are written in this language.
    #[must_use]
    pub fn numbers(&self) -> Numbers {
        self.lang.numbers()
    }

    /// A number for the screen in this language (`1 234,5`; Danish
    /// `1.234,5`).
    #[must_use]
    pub fn num(&self, value: f64, decimals: usize) -> String {
        self.numbers().num(value, decimals)
    }

    /// Like [`Tr::num`] without trailing zeros.
    #[must_use]
    pub fn num_trim(&self, value: f64, max_decimals: usize) -> String {
        self.numbers().num_trim(value, max_decimals)
    }

    /// Whole kroner (`1 234 567 kr`; Danish `1.234.567 kr.`).
    #[must_use]
    pub fn money(&self, value: f64) -> String {
        self.numbers().money(value)
    }

    /// A percentage (`22,3 %`).
    #[must_use]
    pub fn pct(&self, value_percent: f64, decimals: usize) -> String {
        self.numbers().percent(value_percent, decimals)
    }

    /// Parses what a user of this language types (see
    /// [`Numbers::parse`]).
    ///
    /// # Errors
    /// When the text is empty or not a number.
    pub fn parse(&self, text: &str) -> Result<f64, crate::format::ParseNumberError> {
        self.numbers().parse(text)
    }

    /// The message `id` without arguments; the id itself if it is missing.
    #[must_use]
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments (already formatted text). A
    /// plain count ("3": digits only, no leading zero, at most six) is
    /// passed as a number, so a message can choose its plural by Fluent's
    /// rules (`{ $n -> [one] advarsel *[other] advarsler }`); it prints
    /// the same.
    #[must_use]
    pub fn args(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match plain_count(value) {
                Some(n) => fluent_args.set(*name, n),
                None => fluent_args.set(*name, value.clone()),
            }
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if self.lang == Lang::Da && text.contains("kr..") {
            // Danish writes one point where `kr.` ends a sentence.
            return text.replace("kr..", "kr.");
        }
        text.into_owned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("syntax errors: {errors:?}"),
        };
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    /// Every language with its file, from `Lang::ALL`: the two cannot drift.
    const ALL_FTL: [(Lang, &str); Lang::ALL.len()] = [
        (Lang::ALL[0], ftl(Lang::ALL[0]).0),
        (Lang::ALL[1], ftl(Lang::ALL[1]).0),
        (Lang::ALL[2], ftl(Lang::ALL[2]).0),
        (Lang::ALL[3], ftl(Lang::ALL[3]).0),
        (Lang::ALL[4], ftl(Lang::ALL[4]).0),
    ];

    #[test]
    fn no_message_is_defined_twice() {
        for (_, source) in ALL_FTL {
            let mut bundle = FluentBundle::new(vec![unic_langid::LanguageIdentifier::default()]);
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            assert!(
                bundle.add_resource(resource).is_ok(),
                "a message id is defined twice"
            );
        }
    }

    #[test]
    fn every_language_has_every_message() {
        let nb = ids(NB_FTL);
        assert!(nb.len() > 500, "{} messages", nb.len());
        for (lang, source) in ALL_FTL {
            let other = ids(source);
            let missing: Vec<_> = nb.difference(&other).collect();
            let extra: Vec<_> = other.difference(&nb).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                lang.code()
            );
        }
    }

    /// The variables (`{ $name }`) each message uses, from the source.
    fn variables(source: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
        let mut out = std::collections::BTreeMap::new();
        for line in source.lines() {
            let Some((id, value)) = line.split_once(" = ") else {
                continue;
            };
            if id.starts_with('#') || id.contains(' ') {
                continue;
            }
            let vars = value
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split_once(' ').map(|(name, _)| name.to_owned()))
                .collect();
            out.insert(id.to_owned(), vars);
        }
        out
    }

    #[test]
    fn every_translation_uses_the_same_arguments() {
        // A translation that drops `{ $amount }` would silently lose a figure.
        let nb = variables(NB_FTL);
        for (lang, source) in ALL_FTL {
            for (id, vars) in variables(source) {
                assert_eq!(Some(&vars), nb.get(&id), "{}: {id}", lang.code());
            }
        }
    }

    /// Every argument name the messages use (each gets a value, so a
    /// message formats without a missing-argument error).
    const ARG_NAMES: &[&str] = &[
        "name",
        "id",
        "number",
        "role",
        "category",
        "member",
        "key",
        "label",
        "employer",
        "form",
        "tax",
        "pension",
        "kind",
        "field",
        "value",
        "tasks",
        "filled",
        "authorised",
        "what",
        "printed",
        "computed",
        "attribute",
        "from",
        "to",
        "first",
        "last",
        "years",
        "max",
        "year",
        "path",
        "message",
        "size",
        "line",
        "found",
        "supported",
        "expected",
        "column",
        "problem",
        "detail",
        "errors",
        "warnings",
        "unit",
        "scenario",
        "amount",
        "fte",
        "sum",
        "every",
        "date",
        "file",
        "version",
        "rate",
        "uptime",
        "hours",
        "base",
        "cost",
        "count",
        "title",
        "when",
        "delimiter",
        "encoding",
        "read",
        "rejected",
        "art",
        "pays",
        "alone",
        "over",
        "group",
        "excess",
        "with",
        "without",
        "samples",
        "limit",
        "mix",
        "metric",
        "ids",
        "chars",
        "place",
        "backup",
        "n",
        "low",
        "high",
        "draws",
        "seed",
        "a",
        "b",
        "who",
        "p",
        "se",
        "input",
        "now",
        "profile",
        "criterion",
        "weight",
        "other",
        "share",
        "lines",
        "scenarios",
        "percent",
        "change",
        "members",
        "assumptions",
        "inputs",
        "table",
        "folder",
        "cheaper",
        "payback",
        "items",
        "once",
        "currency",
        "t",
        "files",
        "figure",
        "salary",
        "min",
        "score",
        "asked",
        "ranks",
        "option",
        "todayfleet",
        "view",
        "p10",
        "p50",
        "outside",
        "rest",
        "effects",
        "book",
        "marginal",
        "own",
        "notice",
        "out",
        "settlement",
        "direction",
        "total",
        "fleet",
    ];

    #[test]
    fn every_message_formats_in_every_language() {
        // A message whose pattern cannot be formatted (a reference to a
        // term that does not exist, a broken placeable) comes back with
        // errors; each language must format all of its messages cleanly.
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            for id in ids(ALL_FTL.iter().find(|(l, _)| *l == lang).map_or("", |(_, s)| s)) {
                let message = tr.bundle.get_message(&id).and_then(|m| m.value());
                let Some(pattern) = message else {
                    panic!("{}: {id} has no value", lang.code());
                };
                let mut errors = Vec::new();
                let mut args = FluentArgs::new();
                for &name in ARG_NAMES {
                    args.set(name, "x");
                }
                let _ = tr.bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn counts_choose_their_plural_and_print_as_given() {
        let args = |warnings: &str| {
            vec![
                ("assumptions", "2".to_owned()),
                ("inputs", "10".to_owned()),
                ("warnings", warnings.to_owned()),
            ]
        };
        let nb = Tr::new(Lang::Nb);
        assert!(nb.args("brief-caveats", &args("1")).contains("har 1 advarsel ("));
        assert!(nb.args("brief-caveats", &args("3")).contains("har 3 advarsler ("));
        let en = Tr::new(Lang::En);
        assert!(en.args("brief-caveats", &args("1")).contains("has 1 warning ("));
        assert!(en.args("brief-caveats", &args("0")).contains("has 0 warnings ("));
        // A year prints as it is, and a number with a leading zero (a
        // municipality's number) stays text.
        assert_eq!(super::plain_count("2007"), Some(2007));
        assert_eq!(super::plain_count("0301"), None);
        assert_eq!(super::plain_count("1 234"), None);
        assert!(
            nb.args("dec-payback", &[("year", "2007".to_owned())])
                .ends_with("2007.")
        );
    }

    #[test]
    fn each_language_uses_its_own_words() {
        // Spot checks of the terms these municipalities use (glossary).
        let check = |lang: Lang, id: &str, word: &str| {
            let text = Tr::new(lang).get(id);
            assert!(
                text.contains(word),
                "{}: {id} = {text:?} lacks {word:?}",
                lang.code()
            );
        };
        check(Lang::Nn, "view-members", "Kommunar");
        check(Lang::Nn, "attribute-population", "innbyggjartal");
        check(Lang::Sv, "metric-pv", "Nuvärde");
        check(Lang::Sv, "field-discount-rate", "kalkylränta");
        check(Lang::Sv, "table-payback", "Återbetalningsår");
        check(Lang::Sv, "brief-summary", "kommunfullmäktige");
        check(Lang::Da, "metric-pv", "Nutidsværdi");
        check(Lang::Da, "table-payback", "Tilbagebetalingsår");
        check(Lang::Da, "table-shares", "Fordelingsnøgler");
        check(Lang::Da, "brief-summary", "kommunalbestyrelsen");
        check(Lang::Nb, "brief-summary", "kommunestyret");
    }

    #[test]
    fn formats_with_arguments_without_isolation_marks() {
        let tr = Tr::new(Lang::En);
        let text = tr.args("problem-unknown-member", &[("id", "X".to_owned())]);
        assert!(text.contains('X') && !text.contains('\u{2068}'), "{text}");
        assert_eq!(Tr::new(Lang::Nb).get("no-such-message"), "no-such-message");
    }

    #[test]
    fn reads_language_codes() {
        assert_eq!(Lang::from_code("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("nn_NO.UTF-8"), Some(Lang::Nn));
        assert_eq!(Lang::from_code("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("sv-FI"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("da_DK.UTF-8@euro"), Some(Lang::Da));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn the_environment_decides_in_posix_order() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            Lang::from_env_values(move |name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            })
        };
        assert_eq!(env(&[("LANG", "sv_SE.UTF-8")]), Lang::Sv);
        assert_eq!(
            env(&[("LANG", "sv_SE.UTF-8"), ("LC_MESSAGES", "da_DK.UTF-8")]),
            Lang::Da
        );
        assert_eq!(
            env(&[
                ("LANG", "sv_SE.UTF-8"),
                ("LC_MESSAGES", "da_DK"),
                ("LC_ALL", "nn_NO.UTF-8")
            ]),
            Lang::Nn
        );
        // An empty variable is as if unset; C and unknown languages: English.
        assert_eq!(env(&[("LC_ALL", ""), ("LANG", "nb_NO.UTF-8")]), Lang::Nb);
        assert_eq!(env(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(env(&[]), Lang::En);
    }

    #[test]
    fn old_preferences_still_read_and_codes_are_written() {
        // Preferences written before nn, sv and da said `Nb` / `En`.
        let old: Lang = ron::from_str("Nb").unwrap();
        assert_eq!(old, Lang::Nb);
        let old: Lang = ron::from_str("En").unwrap();
        assert_eq!(old, Lang::En);
        assert_eq!(ron::to_string(&Lang::Sv).unwrap(), "sv");
        assert_eq!(ron::from_str::<Lang>("da").unwrap(), Lang::Da);
    }
}
