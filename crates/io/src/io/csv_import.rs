//! Importing today's costs from a CSV exported by an accounting system or a
//! spreadsheet: one row per account line, with columns for the municipality,
//! the KOSTRA account code ("art") or the category, and the amount.
//!
//! Accepted: `;`, `,` or tab between fields; decimal comma or point (and
//! spaces in numbers); with or without a byte-order mark; UTF-8 or Latin-1.
//! [`preview`] reads everything and says what it would do — the sums per
//! category and municipality, the art codes it found and how they map, and
//! every row it could not read, with its line — and changes nothing;
//! [`apply`] then sets those sums in today's costs.

use std::collections::BTreeMap;

use crate::format::parse_number;
use crate::i18n::Tr;
use crate::model::{CategoryId, MemberId, Study};

/// The largest CSV Samdrift imports, in bytes.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// How art codes map to categories (`None`: not imported).
pub type Mapping = BTreeMap<String, Option<CategoryId>>;

/// Why a row was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The row has fewer fields than the header.
    TooFewFields,
    /// No municipality with this id, name or number.
    UnknownMember(String),
    /// An art code not mapped to a category.
    UnmappedArt(String),
    /// Neither an art code nor a category that exists.
    UnknownCategory(String),
    /// The amount is not a number.
    BadAmount(String),
}

/// A row that was not read, with its line in the file (from 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// Line in the file.
    pub line: usize,
    /// Why.
    pub problem: RowProblem,
}

impl Rejected {
    /// The reason in words.
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        let what = match &self.problem {
            RowProblem::TooFewFields => tr.get("import-too-few-fields"),
            RowProblem::UnknownMember(m) => tr.args("import-unknown-member", &[("value", m.clone())]),
            RowProblem::UnmappedArt(a) => tr.args("import-unmapped-art", &[("value", a.clone())]),
            RowProblem::UnknownCategory(c) => tr.args("import-unknown-category", &[("value", c.clone())]),
            RowProblem::BadAmount(a) => tr.args("import-bad-amount", &[("value", a.clone())]),
        };
        tr.args("import-line", &[("line", self.line.to_string()), ("what", what)])
    }
}

/// Why the file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("too large")]
    TooLarge,
    /// No header line.
    #[error("empty")]
    Empty,
    /// Not a regular file (a folder, a pipe, a device).
    #[error("not a regular file")]
    NotAFile,
    /// A needed column was not found; the headers found are listed.
    #[error("missing column {column}")]
    MissingColumn {
        /// Message id of the column (`import-column-member`, …).
        column: &'static str,
        /// The headers of the file.
        found: Vec<String>,
    },
    /// The CSV itself is broken (e.g. an unclosed quote).
    #[error("CSV: {0}")]
    Csv(String),
}

impl ImportError {
    /// The error in words.
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            ImportError::TooLarge => tr.args(
                "import-too-large",
                &[("max", (MAX_IMPORT_BYTES / 1024 / 1024).to_string())],
            ),
            ImportError::Empty => tr.get("import-empty"),
            ImportError::NotAFile => tr.get("import-not-a-file"),
            ImportError::MissingColumn { column, found } => tr.args(
                "import-missing-column",
                &[("column", tr.get(column)), ("found", found.join(", "))],
            ),
            ImportError::Csv(detail) => tr.args("import-csv-error", &[("detail", detail.clone())]),
        }
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The field separator found.
    pub delimiter: char,
    /// True when the file was not UTF-8 and was read as Latin-1.
    pub latin1: bool,
    /// Rows read.
    pub rows_read: usize,
    /// Sum per category and member of the rows read.
    pub sums: BTreeMap<(CategoryId, MemberId), f64>,
    /// Every art code found and the category it maps to.
    pub mapping: Mapping,
    /// Rows not read.
    pub rejected: Vec<Rejected>,
}

/// Decodes UTF-8 (without a BOM) or, failing that, Latin-1.
fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (bytes.iter().map(|&b| char::from(b)).collect(), true),
    }
}

fn detect_delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(';', b';'), ('\t', b'\t'), (',', b',')]
        .iter()
        .max_by_key(|(c, _)| count(*c))
        .map_or(b';', |(_, b)| *b)
}

fn find_column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n || h.starts_with(n))
    })
}

/// The mapping from the study's categories' KOSTRA codes, with all of
/// 010–099 (wages and social costs) on the category that lists 010.
#[must_use]
pub fn default_mapping(study: &Study, art: &str) -> Option<CategoryId> {
    if let Some(c) = study
        .categories
        .iter()
        .find(|c| c.kostra_art.iter().any(|a| a == art))
    {
        return Some(c.id.clone());
    }
    let lists = |code: &str| {
        study
            .categories
            .iter()
            .find(|c| c.kostra_art.iter().any(|a| a == code))
            .map(|c| c.id.clone())
    };
    // Codes that belong with another the study lists: telephone (174) with
    // post and communication (130).
    if let Some((_, with)) = SAME_KIND.iter().find(|(code, _)| *code == art.trim()) {
        return lists(with);
    }
    let number: u32 = art.trim().parse().ok()?;
    if (10..100).contains(&number) {
        return lists("010");
    }
    None
}

/// Art codes that go where another goes, when no kind of cost lists them
/// itself.
const SAME_KIND: &[(&str, &str)] = &[("174", "130")];

/// Reads the CSV and says what importing it would do, changing nothing.
/// `mapping` overrides the default mapping for the art codes it lists.
///
/// # Errors
/// [`ImportError`] when the file cannot be read as a cost list at all.
pub fn preview(bytes: &[u8], study: &Study, mapping: &Mapping) -> Result<Preview, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let (text, latin1) = decode(bytes);
    let header_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or(ImportError::Empty)?;
    let delimiter = detect_delimiter(header_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Csv(e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let member_col =
        find_column(&headers, &["kommune", "municipality", "member", "kommunenr"]).ok_or_else(|| {
            ImportError::MissingColumn {
                column: "import-column-member",
                found: headers.clone(),
            }
        })?;
    let art_col = find_column(&headers, &["art", "kostra", "kontoart", "konto"]);
    let category_col = find_column(&headers, &["kategori", "category", "kostnadsart"]);
    if art_col.is_none() && category_col.is_none() {
        return Err(ImportError::MissingColumn {
            column: "import-column-art",
            found: headers,
        });
    }
    let amount_col = find_column(&headers, &["beløp", "belop", "amount", "sum", "regnskap", "kr"])
        .ok_or_else(|| ImportError::MissingColumn {
            column: "import-column-amount",
            found: headers.clone(),
        })?;
    let find_member = |value: &str| {
        let v = value.trim().to_lowercase();
        study.members.iter().find(|m| {
            m.id.as_str().to_lowercase() == v
                || m.name.to_lowercase() == v
                || m.number.as_deref().is_some_and(|n| n == value.trim())
        })
    };
    let mut out = Preview {
        delimiter: char::from(delimiter),
        latin1,
        rows_read: 0,
        sums: BTreeMap::new(),
        mapping: BTreeMap::new(),
        rejected: Vec::new(),
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => return Err(ImportError::Csv(e.to_string())),
        };
        // The line where the record starts, counted from its byte offset.
        // With CRLF line ends a record's position can point at the `\n`
        // before it, so line ends at the position are skipped first.
        let line = record.position().map_or(0, |p| {
            let bytes = text.as_bytes();
            let mut offset = usize::try_from(p.byte()).unwrap_or(0).min(bytes.len());
            while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
                offset += 1;
            }
            bytes[..offset]
                .iter()
                .fold(1, |n, &b| n + usize::from(b == b'\n'))
        });
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |c: usize| record.get(c);
        let reject = |problem| Rejected { line, problem };
        let (Some(member_text), Some(amount_text)) = (field(member_col), field(amount_col)) else {
            out.rejected.push(reject(RowProblem::TooFewFields));
            continue;
        };
        let Some(member) = find_member(member_text) else {
            out.rejected
                .push(reject(RowProblem::UnknownMember(member_text.to_owned())));
            continue;
        };
        let category = if let Some(art) = art_col.and_then(field).filter(|a| !a.is_empty()) {
            let art = art.to_owned();
            let mapped = match mapping.get(&art) {
                Some(choice) => choice.clone(),
                None => default_mapping(study, &art),
            };
            out.mapping.insert(art.clone(), mapped.clone());
            let Some(c) = mapped else {
                out.rejected.push(reject(RowProblem::UnmappedArt(art)));
                continue;
            };
            c
        } else {
            let text = category_col.and_then(field).unwrap_or_default();
            let lower = text.to_lowercase();
            let Some(c) = study
                .categories
                .iter()
                .find(|c| c.id.as_str() == text || c.name.to_lowercase() == lower)
            else {
                out.rejected
                    .push(reject(RowProblem::UnknownCategory(text.to_owned())));
                continue;
            };
            c.id.clone()
        };
        let Ok(amount) = parse_number(amount_text) else {
            out.rejected
                .push(reject(RowProblem::BadAmount(amount_text.to_owned())));
            continue;
        };
        *out.sums.entry((category, member.id.clone())).or_default() += amount;
        out.rows_read += 1;
    }
    Ok(out)
}

/// The study with today's costs set from the preview: each category and
/// member the file has gets the file's sum; everything else stays.
#[must_use]
pub fn apply(study: &Study, preview: &Preview) -> Study {
    let mut next = study.clone();
    // A printed total checked the figures typed from the source it was
    // printed in; figures imported from another source make it a check of
    // nothing (each would be warned about): the totals of the kinds of
    // cost and the municipalities the file sets are dropped.
    if !preview.sums.is_empty() {
        next.baseline.printed_grand_total = None;
    }
    for ((category, member), amount) in &preview.sums {
        next.baseline.printed_member_totals.remove(member);
        match next.baseline.lines.iter_mut().find(|l| &l.category == category) {
            Some(line) => {
                line.printed_total = None;
                line.amounts_nok.insert(member.clone(), *amount);
            }
            None => next.baseline.lines.push(crate::model::BaselineLine {
                category: category.clone(),
                amounts_nok: [(member.clone(), *amount)].into(),
                printed_total: None,
                note: String::new(),
            }),
        }
    }
    next
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::io::load_str;
    use std::path::Path;

    fn reference() -> Study {
        load_str(crate::REFERENCE_STUDY, Path::new("r")).unwrap()
    }

    fn sum(p: &Preview, category: &str, member: &str) -> f64 {
        p.sums[&(CategoryId::new(category), MemberId::new(member))]
    }

    #[test]
    fn nordic_csv_with_bom_and_decimal_comma() {
        let bytes = "\u{feff}Kommune;Art;Beløp\r\n1919;010;300 000,50\r\n1919;099;99 999,50\r\nGratangen;130;135000\r\nL;240;1 234\r\n".as_bytes();
        let p = preview(bytes, &reference(), &Mapping::new()).unwrap();
        assert_eq!(p.delimiter, ';');
        assert!(!p.latin1);
        assert_eq!(p.rows_read, 4);
        assert_eq!(sum(&p, "salaries", "G"), 400_000.0);
        assert_eq!(sum(&p, "communications", "G"), 135_000.0);
        assert_eq!(sum(&p, "maintenance", "L"), 1234.0);
        assert!(p.rejected.is_empty());
    }

    #[test]
    fn international_csv_with_quotes_and_latin1() {
        let mut bytes = b"municipality,art,amount\r\n\"Lavangen\",\"130\",\"160000.25\"\r\n".to_vec();
        bytes.extend_from_slice(b"Salangen,120,15000\r\n\xd8stre,130,5\r\n");
        let p = preview(&bytes, &reference(), &Mapping::new()).unwrap();
        assert_eq!(p.delimiter, ',');
        assert!(p.latin1);
        assert_eq!(sum(&p, "communications", "L"), 160_000.25);
        assert_eq!(sum(&p, "supplies", "S"), 15_000.0);
        assert_eq!(
            p.rejected,
            vec![Rejected {
                line: 4,
                problem: RowProblem::UnknownMember("Østre".into())
            }]
        );
    }

    #[test]
    fn rejected_rows_say_why_and_the_mapping_can_be_changed() {
        let bytes = b"Kommune;Art;Bel\xc3\xb8p\nG;555;100\nG;130;abc\nG\nI;130;5\n";
        let study = reference();
        let p = preview(bytes, &study, &Mapping::new()).unwrap();
        assert_eq!(p.rows_read, 1);
        assert_eq!(p.mapping.get("555"), Some(&None));
        let problems: Vec<&RowProblem> = p.rejected.iter().map(|r| &r.problem).collect();
        assert_eq!(
            problems,
            vec![
                &RowProblem::UnmappedArt("555".into()),
                &RowProblem::BadAmount("abc".into()),
                &RowProblem::TooFewFields
            ]
        );
        let tr = Tr::new(crate::i18n::Lang::En);
        assert!(
            p.rejected[0].message(&tr).contains("line 2"),
            "{}",
            p.rejected[0].message(&tr)
        );
        // Map 555 to "other running costs" and the row is read.
        let mut mapping = Mapping::new();
        mapping.insert("555".into(), Some(CategoryId::new("other_running")));
        let p = preview(bytes, &study, &mapping).unwrap();
        assert_eq!(sum(&p, "other_running", "G"), 100.0);
    }

    #[test]
    fn a_file_without_the_columns_says_which_are_missing() {
        let err = preview(b"a;b;c\n1;2;3\n", &reference(), &Mapping::new()).unwrap_err();
        assert!(matches!(
            err,
            ImportError::MissingColumn {
                column: "import-column-member",
                ..
            }
        ));
        assert_eq!(
            preview(b"", &reference(), &Mapping::new()).unwrap_err(),
            ImportError::Empty
        );
    }

    #[test]
    fn apply_sets_the_sums_and_keeps_the_rest() {
        let study = reference();
        let p = preview(
            "Kommune;Art;Beløp\nG;130;1\nG;130;2\n".as_bytes(),
            &study,
            &Mapping::new(),
        )
        .unwrap();
        let next = apply(&study, &p);
        let line = next
            .baseline
            .lines
            .iter()
            .find(|l| l.category.as_str() == "communications")
            .unwrap();
        assert_eq!(line.amounts_nok[&MemberId::new("G")], 3.0);
        assert_eq!(line.amounts_nok[&MemberId::new("L")], 160_000.0);
        assert_eq!(next.members, study.members);
    }

    #[test]
    fn imported_figures_drop_the_printed_totals_they_replace() {
        // The reference prints 490 000 kr for communication (the four cells
        // add up to 630 000: a warning). Importing Gratangen's
        // communication (the file's 174, telephone, goes where 130 goes)
        // drops that line's printed total, Gratangen's and the grand
        // total; the other lines keep theirs.
        let study = reference();
        let printed = |s: &Study, category: &str| {
            s.baseline
                .lines
                .iter()
                .find(|l| l.category.as_str() == category)
                .and_then(|l| l.printed_total)
        };
        assert_eq!(printed(&study, "communications"), Some(490_000.0));
        let before = crate::model::validate::validate(&study).warnings().count();
        let p = preview(
            "Kommune;Art;Beløp\nG;174;136000\n".as_bytes(),
            &study,
            &Mapping::new(),
        )
        .unwrap();
        assert_eq!(sum(&p, "communications", "G"), 136_000.0);
        let next = apply(&study, &p);
        assert_eq!(printed(&next, "communications"), None);
        assert!(
            !next
                .baseline
                .printed_member_totals
                .contains_key(&MemberId::new("G"))
        );
        assert_eq!(next.baseline.printed_grand_total, None);
        assert_eq!(printed(&next, "salaries"), printed(&study, "salaries"));
        // One warning fewer (the communication total), none added.
        let after = crate::model::validate::validate(&next).warnings().count();
        assert_eq!(after + 1, before);
    }
}
