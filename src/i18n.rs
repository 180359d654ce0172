//! Translations: Norwegian bokmål and English, from Fluent files in
//! `assets/i18n/`, embedded in the binary.
//!
//! Every user-facing sentence of every layer (validation messages, file
//! errors, the CLI, the app) comes from here by message id. Arguments are
//! passed as preformatted text so numbers stay Nordic in both languages.
//! Isolation marks (U+2068/U+2069) are switched off: egui's fonts lack them.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use serde::{Deserialize, Serialize};

const NB_FTL: &str = include_str!("../assets/i18n/nb.ftl");
const EN_FTL: &str = include_str!("../assets/i18n/en.ftl");

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::En];

    /// The language code, `nb` or `en`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// Parses `nb`, `no`, `nn`, `nb-NO`, `en`, `en-GB`, … (case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_', '.']).next().unwrap_or_default();
        match primary {
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), or
    /// English when none of them names a language Samdrift speaks.
    #[must_use]
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
            .unwrap_or(Lang::En)
    }
}

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

impl Tr {
    /// Loads the embedded translations of `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Tr {
        let (source, langid) = match lang {
            Lang::Nb => (NB_FTL, "nb-NO"),
            Lang::En => (EN_FTL, "en-GB"),
        };
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

    /// The message `id` without arguments; the id itself if it is missing.
    #[must_use]
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments (already formatted text).
    #[must_use]
    pub fn args(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
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

    #[test]
    fn no_message_is_defined_twice() {
        for source in [NB_FTL, EN_FTL] {
            let mut bundle = FluentBundle::new(vec![unic_langid::LanguageIdentifier::default()]);
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            assert!(
                bundle.add_resource(resource).is_ok(),
                "a message id is defined twice"
            );
        }
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let nb = ids(NB_FTL);
        let en = ids(EN_FTL);
        let only_nb: Vec<_> = nb.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nb).collect();
        assert!(
            only_nb.is_empty() && only_en.is_empty(),
            "only nb: {only_nb:?}, only en: {only_en:?}"
        );
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
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
