//! Nordic number formatting and forgiving number parsing.
//!
//! On screen Samdrift shows money the way a Norwegian or Swedish finance
//! officer writes it: `1 234 567 kr`, a decimal comma, a real minus sign
//! (U+2212). Exports use [`export_number`]: no grouping, a decimal comma (or
//! point for the international variant) and a plain ASCII minus, because
//! spreadsheets read U+2212 as text.
//!
//! [`parse_number`] accepts what people type: `1 234,5`, `1234.5`,
//! `1.234,5`, non-breaking or narrow spaces as grouping, `−` or `-`.

/// The separator used between digit groups on screen (no-break space).
pub const GROUP_SEP: char = '\u{a0}';
/// The minus sign used on screen.
pub const MINUS: char = '\u{2212}';

/// Groups the digits of a non-negative integer string in threes with `sep`.
fn group_digits(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Formats `value` with `decimals` decimals, digit groups separated by
/// `group`, a decimal comma and `minus` as the sign. Non-finite values are
/// shown as `–` so that they can never pass for a figure.
#[must_use]
pub fn nordic_with(value: f64, decimals: usize, group: char, minus: char) -> String {
    written(value, decimals, group, ',', minus)
}

/// Like [`nordic_with`] with `decimal` as the decimal separator.
fn written(value: f64, decimals: usize, group: char, decimal: char, minus: char) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    // Beyond a thousand billion no figure of a study is meant: show the
    // size (`1,0e308`), not three hundred digits.
    if value.abs() >= 1e15 {
        return scientific(value, decimal, minus);
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    // "-0" after rounding is shown as "0".
    let is_zero = text.chars().all(|c| c == '0' || c == '.');
    let mut out = String::new();
    if value < 0.0 && !is_zero {
        out.push(minus);
    }
    out.push_str(&group_digits(int_part, group));
    if let Some(frac) = frac_part {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// `1,0e308` (or `1.0e308`): the size of a value too large or too small to
/// show in digits.
fn scientific(value: f64, decimal: char, minus: char) -> String {
    let text = format!("{:.1e}", value.abs()).replace('.', &decimal.to_string());
    if value < 0.0 {
        format!("{minus}{text}")
    } else {
        text
    }
}

/// How numbers and kroner are written in one language: the digit-group
/// separator, the decimal separator and the currency word. The Nordic
/// languages write a decimal comma, English a decimal point; every
/// language groups digits (English with a no-break space, as the SI
/// style does, so that `1 234.5` cannot be misread) and writes a real
/// minus sign on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    /// Between digit groups: a no-break space, or `.` in Danish.
    pub group: char,
    /// Before the decimals: `,`, or `.` in English.
    pub decimal: char,
    /// After an amount: `kr`, or `kr.` in Danish.
    pub currency: &'static str,
    /// How a single `.` or `,` followed by exactly three digits is read when
    /// typed (`1.234`, `1,234`).
    pub lone_separator: LoneSeparator,
}

/// How a single separator followed by exactly three digits is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneSeparator {
    /// Both `1.234` and `1,234` are decimals (Norwegian, Swedish: a decimal
    /// comma, and a point from a numeric keypad or an English source).
    Decimal,
    /// `1.234` is a thousand two hundred and thirty-four (Danish grouping);
    /// `1,234` is a decimal.
    PointGroups,
    /// `1,234` is a thousand two hundred and thirty-four (English
    /// grouping); `1.234` is a decimal.
    CommaGroups,
}

impl Numbers {
    /// Norwegian (bokmål and nynorsk) and Swedish: `1 234 567,5`, `kr`.
    pub const NORDIC: Numbers = Numbers {
        group: GROUP_SEP,
        decimal: ',',
        currency: "kr",
        lone_separator: LoneSeparator::Decimal,
    };
    /// Danish: `1.234.567,5`, `kr.`.
    pub const DANISH: Numbers = Numbers {
        group: '.',
        decimal: ',',
        currency: "kr.",
        lone_separator: LoneSeparator::PointGroups,
    };
    /// English: `1 234 567.5`, `kr`; `1,234` typed is grouping.
    pub const ENGLISH: Numbers = Numbers {
        group: GROUP_SEP,
        decimal: '.',
        currency: "kr",
        lone_separator: LoneSeparator::CommaGroups,
    };

    /// A number for the screen: `1 234 567` or `12,5` (Danish `1.234.567`,
    /// English `12.5`).
    #[must_use]
    pub fn num(self, value: f64, decimals: usize) -> String {
        written(value, decimals, self.group, self.decimal, MINUS)
    }

    /// Like [`Numbers::num`] with at most `max_decimals` decimals and no
    /// trailing zeros.
    #[must_use]
    pub fn num_trim(self, value: f64, max_decimals: usize) -> String {
        // A value too small to show with these decimals is not 0: show
        // its size (`1,0e-9`), as for a huge one.
        let smallest = 0.5 * 10f64.powi(-i32::try_from(max_decimals).unwrap_or(i32::MAX));
        if value != 0.0 && value.is_finite() && value.abs() < smallest {
            return scientific(value, self.decimal, MINUS);
        }
        trim_decimals(self.num(value, max_decimals), self.decimal)
    }

    /// An amount of kroner in the unit the user chose, whole, without the
    /// unit: `1 234 567`, or `1 235` in thousands.
    #[must_use]
    pub fn in_unit(self, kroner: f64, thousands: bool) -> String {
        self.num(if thousands { kroner / 1000.0 } else { kroner }, 0)
    }

    /// Whole kroner: `1 234 567 kr` (Danish `1.234.567 kr.`).
    #[must_use]
    pub fn money(self, value: f64) -> String {
        format!("{}{GROUP_SEP}{}", self.num(value, 0), self.currency)
    }

    /// A percentage: `22,3 %`.
    #[must_use]
    pub fn percent(self, value_percent: f64, decimals: usize) -> String {
        format!("{}{GROUP_SEP}%", self.num(value_percent, decimals))
    }

    /// Parses what a user of this language types; see [`parse_number`] for
    /// the rules every language shares. Only a single separator followed by
    /// exactly three digits is read differently ([`LoneSeparator`]); the app
    /// shows the value it read for such text ([`Numbers::is_ambiguous`]).
    ///
    /// # Errors
    /// [`ParseNumberError`] when the text is empty or not a finite number.
    pub fn parse(self, text: &str) -> Result<f64, ParseNumberError> {
        parse_with(text, self.lone_separator)
    }

    /// Whether `text` has a single `.` or `,` followed by exactly three
    /// digits, which languages read differently (`1.234`).
    #[must_use]
    pub fn is_ambiguous(text: &str) -> bool {
        let cleaned = clean_number_text(text);
        let separators: Vec<usize> = cleaned
            .char_indices()
            .filter(|(_, c)| matches!(c, '.' | ','))
            .map(|(i, _)| i)
            .collect();
        match separators.as_slice() {
            [at] => {
                let after = &cleaned[at + 1..];
                let before = cleaned[..*at].trim_start_matches(['-', '+']);
                after.len() == 3
                    && after.chars().all(|c| c.is_ascii_digit())
                    && !before.is_empty()
                    && before != "0"
            }
            _ => false,
        }
    }
}

fn trim_decimals(text: String, decimal: char) -> String {
    // `1,0e300` keeps its exponent's zeros.
    if text.contains(decimal) && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches(decimal).to_owned()
    } else {
        text
    }
}

/// Text safe to print on a terminal or in a message: control characters
/// (escape sequences, bells, carriage returns, line breaks) are written as
/// `\u{1b}` and the like, so a file cannot drive the terminal.
#[must_use]
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` overrides or embeds a text direction (U+202A–U+202E,
/// U+2066–U+2069, the marks U+200E, U+200F and U+061C): in a name it can
/// make the text after it read backwards, so output shows it escaped.
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// A number for the screen: `1 234 567` or `12,5` (no-break space, U+2212).
#[must_use]
pub fn nordic(value: f64, decimals: usize) -> String {
    nordic_with(value, decimals, GROUP_SEP, MINUS)
}

/// Like [`nordic`] with at most `max_decimals` decimals and no trailing
/// zeros: `99,5`, `22,28`, `1 226`.
#[must_use]
pub fn nordic_trim(value: f64, max_decimals: usize) -> String {
    trim_decimals(nordic(value, max_decimals), ',')
}

/// Whole kroner for the screen: `1 234 567 kr`.
#[must_use]
pub fn kroner(value: f64) -> String {
    format!("{}{GROUP_SEP}kr", nordic(value, 0))
}

/// A percentage for the screen with one decimal: `22,3 %`.
#[must_use]
pub fn percent(value_percent: f64, decimals: usize) -> String {
    format!("{}{GROUP_SEP}%", nordic(value_percent, decimals))
}

/// The decimal separator of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalSep {
    /// `1234,5` — Norwegian/Swedish spreadsheets.
    Comma,
    /// `1234.5` — the international variant.
    Point,
}

/// A number for an export: no grouping, ASCII minus, at most `max_decimals`
/// decimals with trailing zeros removed (`503973,6`, `-12`, `0`).
#[must_use]
pub fn export_number(value: f64, max_decimals: usize, sep: DecimalSep) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let mut text = format!("{value:.max_decimals$}");
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" {
        text.remove(0);
    }
    match sep {
        DecimalSep::Comma => text.replace('.', ","),
        DecimalSep::Point => text,
    }
}

/// Why a typed number was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseNumberError {
    /// Nothing but spaces was typed.
    #[error("empty")]
    Empty,
    /// The text is not a number.
    #[error("not a number: {0}")]
    Invalid(String),
}

/// Parses a number the way people type it in a Nordic or international
/// locale. Spaces (also no-break and narrow no-break) and apostrophes group
/// digits; `−` (U+2212), `–` and `-` are minus signs; `kr`, `kr.`, `NOK`,
/// `SEK`, `DKK` and `%` after the number are ignored. With both `,` and `.`
/// present, the last one is the decimal separator; with only one kind, a
/// single occurrence is decimal and several are grouping (`1.234.567`).
/// This is the Norwegian and Swedish reading; [`Numbers::parse`] reads a
/// lone separator before three digits as each language does.
///
/// # Errors
/// [`ParseNumberError`] when the text is empty or not a finite number.
pub fn parse_number(text: &str) -> Result<f64, ParseNumberError> {
    parse_with(text, LoneSeparator::Decimal)
}

/// The typed text without grouping spaces, currency or percent sign, with
/// an ASCII minus.
fn clean_number_text(text: &str) -> String {
    let mut cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .map(|c| {
            if matches!(c, '\u{2212}' | '\u{2013}') {
                '-'
            } else {
                c
            }
        })
        .collect();
    for suffix in ["kr.", "kr", "NOK", "SEK", "DKK", "%"] {
        if let Some(stripped) = cleaned.strip_suffix(suffix) {
            cleaned.truncate(stripped.len());
            break;
        }
    }
    cleaned
}

fn parse_with(text: &str, lone: LoneSeparator) -> Result<f64, ParseNumberError> {
    let cleaned = clean_number_text(text);
    if cleaned.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    let commas = cleaned.matches(',').count();
    let points = cleaned.matches('.').count();
    let ambiguous = Numbers::is_ambiguous(&cleaned);
    let normalised = match (commas, points) {
        (0, 1) if ambiguous && lone == LoneSeparator::PointGroups => cleaned.replace('.', ""),
        (1, 0) if ambiguous && lone == LoneSeparator::CommaGroups => cleaned.replace(',', ""),
        (0, 0 | 1) => cleaned.clone(),
        (1, 0) => cleaned.replace(',', "."),
        (_, 0) => cleaned.replace(',', ""),
        (0, _) => cleaned.replace('.', ""),
        _ => {
            let last_comma = cleaned.rfind(',').unwrap_or(0);
            let last_point = cleaned.rfind('.').unwrap_or(0);
            if last_comma > last_point {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned.replace(',', "")
            }
        }
    };
    let valid_chars = normalised
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !valid_chars || normalised.matches('.').count() > 1 {
        return Err(ParseNumberError::Invalid(text.trim().to_owned()));
    }
    match normalised.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ParseNumberError::Invalid(text.trim().to_owned())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn english_writes_a_decimal_point_and_the_nordic_languages_a_comma() {
        // 151 099 / 627 000 = 24,098… % → one decimal 24,1 % (24.1 % in English).
        let share = 151_099.0 / 627_000.0 * 100.0;
        assert_eq!(Numbers::ENGLISH.percent(share, 1), "24.1\u{a0}%");
        assert_eq!(Numbers::NORDIC.percent(share, 1), "24,1\u{a0}%");
        assert_eq!(Numbers::DANISH.percent(share, 1), "24,1\u{a0}%");
        assert_eq!(Numbers::ENGLISH.num(-1234.5, 1), "\u{2212}1\u{a0}234.5");
        assert_eq!(Numbers::DANISH.num(-1234.5, 1), "\u{2212}1.234,5");
        assert_eq!(Numbers::ENGLISH.num_trim(99.50, 2), "99.5");
        assert_eq!(Numbers::ENGLISH.num_trim(1226.0, 2), "1\u{a0}226");
        assert_eq!(Numbers::ENGLISH.num_trim(1e-9, 2), "1.0e-9");
        assert_eq!(Numbers::ENGLISH.num(1e308, 0), "1.0e308");
        assert_eq!(Numbers::NORDIC.num(1e308, 0), "1,0e308");
        // What English shows, English reads back.
        assert_eq!(Numbers::ENGLISH.parse("1\u{a0}234.5"), Ok(1234.5));
        assert_eq!(Numbers::ENGLISH.parse(&Numbers::ENGLISH.num(0.25, 2)), Ok(0.25));
    }

    #[test]
    fn formats_nordic_money() {
        assert_eq!(kroner(2_262_000.0), "2\u{a0}262\u{a0}000\u{a0}kr");
        assert_eq!(nordic(-1234.5, 1), "\u{2212}1\u{a0}234,5");
        assert_eq!(nordic(999.0, 0), "999");
        assert_eq!(nordic(-0.2, 0), "0");
        assert_eq!(nordic(f64::NAN, 0), "–");
        assert_eq!(percent(22.28, 1), "22,3\u{a0}%");
        assert_eq!(nordic_trim(99.5, 2), "99,5");
        assert_eq!(nordic_trim(1226.0, 2), "1\u{a0}226");
        assert_eq!(nordic_trim(-0.25, 2), "\u{2212}0,25");
        // In thousands: 2 262 000 kr is 2 262 thousand; 503 973,6 rounds to 504.
        let nb = Numbers::NORDIC;
        assert_eq!(nb.in_unit(2_262_000.0, true), "2\u{a0}262");
        assert_eq!(nb.in_unit(503_973.6, true), "504");
        assert_eq!(nb.in_unit(503_973.6, false), "503\u{a0}974");
    }

    #[test]
    fn exports_plain_numbers() {
        assert_eq!(export_number(503_973.6, 2, DecimalSep::Comma), "503973,6");
        assert_eq!(export_number(-12.0, 2, DecimalSep::Comma), "-12");
        assert_eq!(export_number(1.005, 1, DecimalSep::Point), "1");
        assert_eq!(export_number(-0.001, 2, DecimalSep::Comma), "0");
    }

    #[test]
    fn parses_what_people_type() {
        for (text, expected) in [
            ("1 234,5", 1234.5),
            ("1234.5", 1234.5),
            ("1\u{a0}234\u{a0}567", 1_234_567.0),
            ("1\u{202f}234", 1234.0),
            ("\u{2212}12,5", -12.5),
            ("-3", -3.0),
            ("1.234.567", 1_234_567.0),
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("2 262 000 kr", 2_262_000.0),
            ("22,28 %", 22.28),
        ] {
            assert_eq!(parse_number(text), Ok(expected), "{text}");
        }
        assert_eq!(parse_number("  "), Err(ParseNumberError::Empty));
        for bad in ["abc", "1,2,3.4.5", "1e999", "NaN", "--1", "1-2"] {
            assert!(parse_number(bad).is_err(), "{bad} should be rejected");
        }
    }
}

/// The calendar date (year, month, day) of a day counted from 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
#[must_use]
pub fn civil_date(days_since_epoch: i64) -> (i64, u32, u32) {
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = if m <= 2 { y + 1 } else { y };
    (year, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

/// A moment (seconds since 1970) as `22.11.2026 15:20 UTC`.
#[must_use]
pub fn datetime_utc(unix_seconds: u64) -> String {
    let days = i64::try_from(unix_seconds / 86_400).unwrap_or(0);
    let (y, m, d) = civil_date(days);
    let minutes = (unix_seconds % 86_400) / 60;
    format!("{d:02}.{m:02}.{y} {:02}:{:02} UTC", minutes / 60, minutes % 60)
}

/// Today's date (UTC) as `22.11.2026`.
#[must_use]
pub fn today_nordic() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0));
    let (y, m, d) = civil_date(days);
    format!("{d:02}.{m:02}.{y}")
}

#[cfg(test)]
mod date_tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(13_514), (2007, 1, 1));
        assert_eq!(civil_date(20_414), (2025, 11, 22));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}
