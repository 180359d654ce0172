//! The languages Samdrift speaks, and how each writes numbers. A plain
//! identifier that the study file, the preferences and the translations
//! share; the translations themselves are in [`crate::i18n`].

use serde::{Deserialize, Serialize};

use crate::format::Numbers;

/// A language of the user interface.
///
/// Written by its code in study files and preferences (`nb`, `sv`, …);
/// preferences written before nynorsk, Swedish and Danish arrived say `Nb`
/// or `En` and still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    #[serde(alias = "Nb")]
    Nb,
    /// English.
    #[serde(alias = "En")]
    En,
    /// Norwegian nynorsk.
    Nn,
    /// Swedish.
    Sv,
    /// Danish.
    Da,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 5] = [Lang::Nb, Lang::Nn, Lang::Sv, Lang::Da, Lang::En];

    /// The language code: `nb`, `nn`, `sv`, `da` or `en`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the language menu.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nb => "Norsk bokmål",
            Lang::Nn => "Norsk nynorsk",
            Lang::Sv => "Svenska",
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// How numbers and kroner are written in this language.
    #[must_use]
    pub fn numbers(self) -> Numbers {
        match self {
            Lang::Da => Numbers::DANISH,
            Lang::En => Numbers::ENGLISH,
            Lang::Nb | Lang::Nn | Lang::Sv => Numbers::NORDIC,
        }
    }

    /// The decimal separator of this language's CSV files: a comma (with
    /// `;` between fields) for the Nordic languages, a point for English.
    #[must_use]
    pub fn csv_decimal(self) -> crate::format::DecimalSep {
        match self {
            Lang::En => crate::format::DecimalSep::Point,
            Lang::Nb | Lang::Nn | Lang::Sv | Lang::Da => crate::format::DecimalSep::Comma,
        }
    }

    /// Parses `nb`, `no`, `nn`, `sv`, `da`, `en`, `nb_NO.UTF-8`, `sv-SE`, …
    /// (case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match primary {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "sv" | "swe" => Some(Lang::Sv),
            "da" | "dan" => Some(Lang::Da),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), or
    /// English when none of them names a language Samdrift speaks.
    #[must_use]
    pub fn from_env() -> Lang {
        Lang::from_env_values(|var| std::env::var(var).ok())
    }

    /// Like [`Lang::from_env`], reading variables through `get` (for tests).
    /// The first variable that is set decides, as in POSIX: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; `C` and `POSIX` mean English.
    #[must_use]
    pub fn from_env_values(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| get(var))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(&v))
            .unwrap_or(Lang::En)
    }
}
