//! The headless command line: `samdrift compare`, `samdrift check`,
//! `samdrift bench`. With no command the desktop app starts (feature
//! `gui`).
//!
//! Exit codes: 0 success, 1 the study has validation errors, 2 the file
//! cannot be read or parsed (or the command line is wrong). Output goes to
//! standard output; a closed pipe ends the program quietly.
//!
//! (Long: the clap definition of every command is here, one place to read
//! the whole command line; the bigger commands have files of their own.)

use crate::report::messages::{IssueLine, Message};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod budget;
mod criteria;
mod exit;
mod explain;
mod summary;
mod uncertainty;

use crate::engine::{self, EngineError, Evaluation, Metric};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::model::Study;
use crate::report::tables::{Cell, ComparisonCell as CompareCell, Figure};

/// Exit code: the study has validation errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: the file cannot be read or parsed.
pub const EXIT_UNREADABLE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "samdrift",
    version,
    about = "Compare municipal IT operating models per municipality."
)]
struct Cli {
    /// Language of messages and exports: nb, nn, sv, da or en (default: for
    /// exports the study's own language if it names one, else from `LC_ALL`,
    /// `LC_MESSAGES` or `LANG`).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Command>,
    /// A study file to open in the app.
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// One row per scenario, one column per member and a total: annual cost in NOK.
    Compare {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The year shown for `--metric annual` (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// What to show: annual cost in a year, the sum over the horizon, the
        /// present value, the equivalent annual cost, or the payback year.
        #[arg(long, value_enum, default_value_t = CliMetric::Annual)]
        metric: CliMetric,
        /// Aligned text for people, or `;`-separated CSV with a decimal comma.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Print every validation error and warning with its place.
    Check {
        /// The study file.
        file: PathBuf,
    },
    /// Write the tables as CSV (one file per table), an XLSX workbook and/or
    /// the HTML briefing.
    Export {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// A folder for the CSV files (created if missing).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// The XLSX workbook to write.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
        /// The HTML briefing to write.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// The briefing on one page: the answer and the comparison.
        #[arg(long, requires = "html")]
        one_page: bool,
        /// The year shown as annual cost (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// CSV with `,` and a decimal point instead of `;` and a decimal comma
        /// (the default with `--lang en`).
        #[arg(long)]
        international: bool,
        /// Also write every draw of the uncertainty analysis to this CSV
        /// (one row per draw: seed, the inputs drawn, each scenario's total).
        #[arg(long, value_name = "FILE")]
        samples: Option<PathBuf>,
        /// Draws of the uncertainty analysis.
        #[arg(long, default_value_t = 100_000)]
        draws: usize,
        /// Seed of the draws.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// How sure are we? Per scenario and member (and `total`): mean, P10,
    /// P50, P90 of the cost and the chance of being the cheapest, from one
    /// joint sample of every range in the study.
    Uncertainty {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// Number of draws.
        #[arg(long, default_value_t = 100_000)]
        draws: usize,
        /// Seed: the same study, seed and draws give the same figures.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The year for `--metric annual` (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// Annual cost in a year, the sum, the present value or the equivalent annual cost.
        #[arg(long, value_enum, default_value_t = CliMetric::Annual)]
        metric: CliMetric,
        /// Aligned text, or `scenario;member;mean;p10;p50;p90;p_cheapest`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Where a figure comes from: one row per line, amount × quantity ×
    /// share × growth, and the total `compare` prints.
    Explain {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// The member's id (default: every participant together).
        #[arg(long)]
        member: Option<String>,
        /// The year (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// Which figure: the annual cost in `--year`, the sum over the years,
        /// the present value or the equivalent annual cost.
        #[arg(long, value_enum, default_value_t = CliMetric::Annual)]
        metric: CliMetric,
        /// Aligned text, or `line;category;amount;quantity;share;growth;cost`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// The decision a council reads first: per municipality and for all
    /// together the cheapest option, how sure, when it pays back, whether
    /// the proposal's key is fair; then where the profiles disagree.
    Summary {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The year compared (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// Sentences, or `member;cheapest;p_cheapest;saving_p10;saving_p50;
        /// saving_p90;payback;fair_under_key;pays_over_alone;nearest_fair_key`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Beyond kroner: each profile's value (0–100) and rank of every
    /// scenario, then how far each weight can move before the first choice
    /// changes.
    Criteria {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The year for `--metric annual` (economy is scored from it).
        #[arg(long)]
        year: Option<i32>,
        /// The metric economy is scored from (default: present value).
        #[arg(long, value_enum, default_value_t = CliMetric::Pv)]
        metric: CliMetric,
        /// Aligned text, or `profile;scenario;score;rank;economy_metric` and then
        /// `profile;criterion;weight;low;high`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// What moves the difference between two scenarios: one row per
    /// uncertain input, from its low to its high value, with the value at
    /// which the cheaper scenario changes.
    Tornado {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The first scenario's id.
        #[arg(long)]
        a: String,
        /// The second scenario's id.
        #[arg(long)]
        b: String,
        /// A member's id (default: all together).
        #[arg(long)]
        member: Option<String>,
        /// The year for `--metric annual` (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// Annual cost in a year, the sum, the present value or the equivalent annual cost.
        #[arg(long, value_enum, default_value_t = CliMetric::Annual)]
        metric: CliMetric,
        /// Aligned text, or `;`-separated CSV.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Is the split fair? Per member: the scenario key's split, the
    /// stand-alone cost, the Shapley value and the nucleolus; then the
    /// findings (in CSV: a total row and the worst group for the key).
    Fairness {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// The year for `--metric annual` (default: the study's display year).
        #[arg(long)]
        year: Option<i32>,
        /// Annual cost in a year, the sum, the present value or the equivalent annual cost.
        #[arg(long, value_enum, default_value_t = CliMetric::Annual)]
        metric: CliMetric,
        /// Year by year: what each participant pays under the key against
        /// alone, and the first year it would be better off alone (CSV
        /// `member;year;under_key;alone;difference`).
        #[arg(long)]
        by_year: bool,
        /// Aligned text, or `member;key;stand_alone;shapley;nucleolus;passes_stand_alone`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// What it costs a member and the others when the member leaves a
    /// scenario, giving notice in a year (with the scenario's terms).
    Exit {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// The leaving member's id.
        #[arg(long)]
        member: String,
        /// The year it gives notice.
        #[arg(long)]
        year: i32,
        /// Years of notice (default: the scenario's terms, else none).
        #[arg(long)]
        notice: Option<u32>,
        /// Aligned text, or `member;year;all_stay;after_exit;difference`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// What it costs a member outside a scenario and the members in it when
    /// the member joins from a year, with its entry fee.
    Join {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// The joining member's id (a member of the study outside the scenario).
        #[arg(long)]
        member: String,
        /// The year it is in from.
        #[arg(long)]
        year: i32,
        /// The entry fee: its share of the joint assets' book value, its
        /// marginal contribution, or none.
        #[arg(long, value_enum, default_value_t = exit::CliFee::BookValue)]
        fee: exit::CliFee,
        /// Aligned text, or `member;year;before_join;after_join;difference`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// What an option does to each member's budget (operating and
    /// investment) year by year, against today's operation.
    Budget {
        /// The study file (default: the built-in 2006 reference study).
        file: Option<PathBuf>,
        /// The scenario's id.
        #[arg(long)]
        scenario: String,
        /// One member's id (default: every member, and all together).
        #[arg(long)]
        member: Option<String>,
        /// Aligned text, or `member;year;operating;vat_compensation;interest;repayment;investment;loan;own_funds;net_operating`.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Time parsing and evaluating the reference study and a large generated one.
    Bench {
        /// Timed runs of each single evaluation (batches run a fortieth as often).
        #[arg(long, default_value_t = 200)]
        iterations: u32,
        /// Aligned text, or `case;what;median_us;min_us` rows for scripts.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

/// What `compare` shows.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CliMetric {
    /// Annual cost in one year (`--year`).
    Annual,
    /// Sum over the horizon, undiscounted.
    Total,
    /// Present value over the horizon at the study's discount rate.
    Pv,
    /// Equivalent annual cost over the horizon.
    Eac,
    /// First year the cumulative savings against today are 0 or more.
    Payback,
}

impl CliMetric {
    /// The figure as the app and the exports name it (`None`: the payback
    /// year, which is not an amount).
    #[must_use]
    pub fn choice(self) -> Option<crate::report::metric::MetricChoice> {
        use crate::report::metric::MetricChoice;
        match self {
            CliMetric::Annual => Some(MetricChoice::Annual),
            CliMetric::Total => Some(MetricChoice::Total),
            CliMetric::Pv => Some(MetricChoice::PresentValue),
            CliMetric::Eac => Some(MetricChoice::AnnualEquivalent),
            CliMetric::Payback => None,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    Table,
    Csv,
}

/// How a command writes its result: aligned text for the terminal, or CSV
/// exactly as the exports write it (UTF-8 with a byte-order mark, text and
/// decimal-comma fields quoted; `;` and a decimal comma, or `,` and a point
/// with `--lang en`), so it opens right in a Nordic spreadsheet and with
/// the stock dialog of `LibreOffice` (comma, semicolon and tab all ticked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// Aligned text.
    Table,
    /// CSV in this flavour.
    Csv(crate::io::csv_export::CsvVariant),
}

impl Output {
    /// The output of `--format`, CSV in the flavour of `--lang` (English:
    /// `,` and a point; otherwise `;` and a decimal comma).
    fn of(format: OutputFormat, lang: Option<Lang>) -> Output {
        match format {
            OutputFormat::Table => Output::Table,
            OutputFormat::Csv if lang == Some(Lang::En) => {
                Output::Csv(crate::io::csv_export::CsvVariant::International)
            }
            OutputFormat::Csv => Output::Csv(crate::io::csv_export::CsvVariant::Nordic),
        }
    }
}

/// A CSV of `headers` and `rows` as the exports write one (see [`Output`]).
pub(crate) fn csv_text(
    headers: &[&str],
    rows: Vec<Vec<Cell>>,
    variant: crate::io::csv_export::CsvVariant,
) -> String {
    let table = crate::report::tables::Table {
        id: String::new(),
        title: String::new(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    };
    String::from_utf8_lossy(&crate::io::csv_export::table_csv(&table, variant)).into_owned()
}

/// Writes a command's result; a closed pipe (`| head`) ends quietly, any
/// other failure to write is said (exit 2), never thrown away.
fn emit(tr: &Tr, out: &mut impl Write, text: &str) -> ExitCode {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}",
                terminal_text(&tr.args(
                    "cli-write-failed",
                    &[("message", crate::io::system::describe(&e, tr))]
                ))
            );
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("unknown language '{text}'; use nb, nn, sv, da or en"))
}

/// Runs the command line and returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_UNREADABLE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let tr = Tr::new(cli.lang.unwrap_or_else(Lang::from_env));
    if let Some(code) = refused_arguments(&tr, cli.command.as_ref()) {
        return code;
    }
    let mut out = std::io::stdout().lock();
    match cli.command {
        Some(Command::Compare {
            file,
            year,
            metric,
            format,
        }) => compare(
            &tr,
            file.as_deref(),
            year,
            metric,
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Check { file }) => check(&tr, &file, &mut out),
        Some(Command::Uncertainty {
            file,
            draws,
            seed,
            year,
            metric,
            format,
        }) => uncertainty::run(
            &tr,
            file.as_deref(),
            (draws, seed),
            (year, metric),
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Budget {
            file,
            scenario,
            member,
            format,
        }) => budget::run(
            &tr,
            file.as_deref(),
            (&scenario, member.as_deref()),
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(command @ (Command::Exit { .. } | Command::Join { .. })) => {
            membership_command(&tr, cli.lang, command, &mut out)
        }
        Some(Command::Explain {
            file,
            scenario,
            member,
            year,
            metric,
            format,
        }) => explain::run(
            &tr,
            file.as_deref(),
            (&scenario, member.as_deref()),
            (year, metric),
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Summary { file, year, format }) => {
            summary::run(&tr, file.as_deref(), year, Output::of(format, cli.lang), &mut out)
        }
        Some(Command::Criteria {
            file,
            year,
            metric,
            format,
        }) => criteria::run(
            &tr,
            file.as_deref(),
            (year, metric),
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Tornado {
            file,
            a,
            b,
            member,
            year,
            metric,
            format,
        }) => uncertainty::tornado(
            &tr,
            file.as_deref(),
            (&a, &b, member.as_deref()),
            (year, metric),
            Output::of(format, cli.lang),
            &mut out,
        ),
        // Year by year covers every year under the annual cost: `--year`
        // and `--metric` do not apply.
        Some(Command::Fairness {
            file,
            scenario,
            by_year: true,
            format,
            ..
        }) => fairness_by_year(
            &tr,
            file.as_deref(),
            &scenario,
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Fairness {
            file,
            scenario,
            year,
            metric,
            by_year: false,
            format,
        }) => fairness(
            &tr,
            file.as_deref(),
            &scenario,
            (year, metric),
            Output::of(format, cli.lang),
            &mut out,
        ),
        Some(Command::Bench { iterations, format }) => bench(&tr, iterations, format, &mut out),
        Some(export @ Command::Export { .. }) => export_command(&tr, cli.lang, export, &mut out),
        None => run_app(&tr, cli.file, cli.lang),
    }
}

/// `samdrift exit` and `samdrift join`.
fn membership_command(tr: &Tr, lang: Option<Lang>, command: Command, out: &mut impl Write) -> ExitCode {
    match command {
        Command::Exit {
            file,
            scenario,
            member,
            year,
            notice,
            format,
        } => exit::run(
            tr,
            file.as_deref(),
            (&scenario, &member),
            (year, notice),
            Output::of(format, lang),
            out,
        ),
        Command::Join {
            file,
            scenario,
            member,
            year,
            fee,
            format,
        } => exit::join(
            tr,
            file.as_deref(),
            (&scenario, &member),
            (year, fee),
            Output::of(format, lang),
            out,
        ),
        _ => ExitCode::from(EXIT_UNREADABLE),
    }
}

/// `samdrift export`: its arguments as the outputs to write.
fn export_command(tr: &Tr, lang: Option<Lang>, command: Command, out: &mut impl Write) -> ExitCode {
    let Command::Export {
        file,
        csv,
        xlsx,
        html,
        one_page,
        year,
        international,
        samples,
        draws,
        seed,
    } = command
    else {
        return ExitCode::from(EXIT_UNREADABLE);
    };
    let outputs = ExportOutputs {
        csv,
        xlsx,
        html,
        one_page,
        international,
        samples,
        draws,
        seed,
    };
    export(tr, lang, file.as_deref(), year, &outputs, out)
}

/// Arguments that parse but ask for something that cannot be given: no
/// draws, a payback "cost" for an analysis of costs, a scenario compared
/// with itself. Said in the user's language (exit 2).
fn refused_arguments(tr: &Tr, command: Option<&Command>) -> Option<ExitCode> {
    let refuse = |id: &str| {
        eprintln!("{}", tr.get(id));
        Some(ExitCode::from(EXIT_UNREADABLE))
    };
    match command? {
        Command::Uncertainty { draws: 0, .. } | Command::Export { draws: 0, .. } => refuse("cli-draws-zero"),
        Command::Uncertainty {
            metric: CliMetric::Payback,
            ..
        }
        | Command::Fairness {
            metric: CliMetric::Payback,
            ..
        }
        | Command::Tornado {
            metric: CliMetric::Payback,
            ..
        }
        | Command::Criteria {
            metric: CliMetric::Payback,
            ..
        }
        | Command::Explain {
            metric: CliMetric::Payback,
            ..
        } => refuse("cli-metric-payback"),
        Command::Tornado { a, b, .. } if a == b => refuse("cli-tornado-same"),
        _ => None,
    }
}

/// Says on stderr when the simulation kept fewer draws than were asked for
/// (a large study's draws are capped to bound memory).
fn say_capped_draws(tr: &Tr, asked: usize, sim: &crate::uncertainty::Simulation, study: &Study) {
    if !study.uncertainties.is_empty() && sim.options.draws < asked {
        eprintln!(
            "{}",
            tr.args(
                "cli-draws-capped",
                &[
                    ("asked", tr.num(asked as f64, 0)),
                    ("draws", tr.num(sim.options.draws as f64, 0)),
                ],
            )
        );
    }
}

#[cfg(not(feature = "gui"))]
fn run_app(tr: &Tr, _file: Option<PathBuf>, _lang: Option<Lang>) -> ExitCode {
    eprintln!("{}", tr.get("cli-no-gui"));
    ExitCode::from(EXIT_UNREADABLE)
}

#[cfg(feature = "gui")]
fn run_app(tr: &Tr, file: Option<PathBuf>, lang: Option<Lang>) -> ExitCode {
    match crate::app::run(file, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", tr.args("cli-app-failed", &[("detail", e)]));
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Text for a terminal: plain spaces instead of no-break spaces, so that
/// figures can be searched and copied as typed.
fn terminal_text(text: &str) -> String {
    // Escape sequences from a file must not reach the terminal: control
    // characters other than line breaks and tabs are printed escaped.
    text.split('\n')
        .map(|line| {
            line.split('\t')
                .map(format::printable)
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Loads `file`, or the embedded reference study when none is given.
fn load(tr: &Tr, file: Option<&Path>) -> Result<Study, ExitCode> {
    let result = match file {
        Some(path) => io::study_file::load_path_migrating(path),
        None => {
            io::study_file::load_str_migrating(crate::REFERENCE_STUDY, Path::new(crate::REFERENCE_STUDY_NAME))
        }
    };
    let (study, changes) = result.map_err(|e| {
        eprintln!("{}", terminal_text(&e.message(tr)));
        ExitCode::from(EXIT_UNREADABLE)
    })?;
    // An older file whose meaning the migration changed: say how.
    for change in &changes {
        eprintln!("{}", terminal_text(&change.message(tr)));
    }
    Ok(study)
}

fn evaluate(tr: &Tr, study: &Study) -> Result<Evaluation, ExitCode> {
    engine::evaluate(study).map_err(|EngineError::Invalid(report)| {
        for issue in report.errors() {
            eprintln!("{}", terminal_text(&issue.line(tr)));
        }
        ExitCode::from(EXIT_INVALID)
    })
}

/// Loads and evaluates the study and checks the year asked for (default:
/// the study's display year); errors are printed and become the exit code.
fn load_and_evaluate(
    tr: &Tr,
    file: Option<&Path>,
    year: Option<i32>,
) -> Result<(Study, Evaluation, i32), ExitCode> {
    let study = load(tr, file)?;
    let evaluation = evaluate(tr, &study)?;
    let year = year.unwrap_or(study.assumptions.display_year);
    if evaluation.year_index(year).is_none() {
        let first = evaluation.years.first().copied().unwrap_or_default().to_string();
        let last = evaluation.years.last().copied().unwrap_or_default().to_string();
        eprintln!(
            "{}",
            tr.args(
                "cli-year-outside",
                &[("year", year.to_string()), ("first", first), ("last", last)]
            )
        );
        return Err(ExitCode::from(EXIT_UNREADABLE));
    }
    Ok((study, evaluation, year))
}

fn compare(
    tr: &Tr,
    file: Option<&Path>,
    year: Option<i32>,
    metric: CliMetric,
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, evaluation, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let rows = compare_rows(&evaluation, metric, year);
    let text = match format {
        Output::Table => {
            // Names from the file cannot drive the terminal.
            terminal_text(&compare_table(
                tr,
                &evaluation,
                &rows,
                &metric_title(tr, &study, &evaluation, metric, year),
            ))
        }
        Output::Csv(variant) => compare_csv(&evaluation, &rows, variant),
    };
    emit(tr, out, &text)
}

/// Where `samdrift export` writes.
struct ExportOutputs {
    csv: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    html: Option<PathBuf>,
    one_page: bool,
    international: bool,
    samples: Option<PathBuf>,
    draws: usize,
    seed: u64,
}

fn export(
    tr: &Tr,
    asked_lang: Option<Lang>,
    file: Option<&Path>,
    year: Option<i32>,
    outputs: &ExportOutputs,
    out: &mut impl Write,
) -> ExitCode {
    if outputs.csv.is_none() && outputs.xlsx.is_none() && outputs.html.is_none() && outputs.samples.is_none()
    {
        eprintln!("{}", tr.get("cli-export-nothing"));
        return ExitCode::from(EXIT_UNREADABLE);
    }
    // `--csv` names a folder (one file per table); a name like `out.csv`
    // would silently become a folder called `out.csv`.
    if let Some(dir) = &outputs.csv
        && !dir.is_dir()
        && dir
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"))
    {
        eprintln!(
            "{}",
            terminal_text(&tr.args("cli-csv-is-a-folder", &[("path", dir.display().to_string())]))
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let (study, evaluation, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // The exports speak `--lang`, else the study's own language, else the
    // user's; so do the messages from here on.
    let chosen = asked_lang.or(study.language);
    let export_tr = chosen.map(Tr::new);
    let tr = export_tr.as_ref().unwrap_or(tr);
    let options = crate::report::bundle::ExportOptions {
        draws: outputs.draws,
        seed: outputs.seed,
        ..crate::report::bundle::ExportOptions::default()
    };
    // The analyses once, for every format asked for. Nothing cancels a
    // command-line export.
    let Ok(analyses) = crate::report::bundle::Analyses::run(&study, year, options, &|_| true) else {
        return ExitCode::from(EXIT_UNREADABLE);
    };
    if let Some(sim) = &analyses.simulation {
        say_capped_draws(tr, outputs.draws, sim, &study);
    }
    let tables = if outputs.csv.is_some() || outputs.xlsx.is_some() {
        crate::report::bundle::export_tables(&study, &evaluation, (tr, year), &analyses)
    } else {
        Vec::new()
    };
    let simulation = &analyses.simulation;
    let file_name = file.and_then(Path::file_name).map_or_else(
        || crate::REFERENCE_STUDY_NAME.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    // CSV follows the language's spreadsheets: `;` and a decimal comma for
    // the Nordic languages, `,` and a point for English when asked for.
    let variant = if outputs.international || chosen == Some(Lang::En) {
        io::csv_export::CsvVariant::International
    } else {
        io::csv_export::CsvVariant::Nordic
    };
    // Each file is printed as it is written; a failure names the files
    // written before it, so no message says that nothing was written.
    let mut written: Vec<PathBuf> = Vec::new();
    let mut result = Ok(());
    if let Some(dir) = &outputs.csv {
        result = io::export::csv_dir(dir, &tables, variant).map(|paths| written.extend(paths));
    }
    if let (Ok(()), Some(path)) = (&result, &outputs.xlsx) {
        result = io::export::xlsx(path, &tables, tr).map(|()| written.push(path.clone()));
    }
    if let (Ok(()), Some(path), Some(sim)) = (&result, &outputs.samples, simulation) {
        result = io::export::samples(path, &study, sim).map(|()| written.push(path.clone()));
    }
    if let (Ok(()), Some(path)) = (&result, &outputs.html) {
        let length = if outputs.one_page {
            io::html_export::Length::OnePage
        } else {
            io::html_export::Length::Full
        };
        result = io::export::html_with(
            path,
            (&study, &evaluation),
            (tr, year, &file_name),
            &analyses,
            length,
        )
        .map(|()| written.push(path.clone()));
    }
    let listed: String = written.iter().fold(String::new(), |mut text, p| {
        text.push_str(&p.display().to_string());
        text.push('\n');
        text
    });
    let printed = emit(tr, out, &listed);
    let result = result.map_err(|e| e.after(&written));
    match result {
        Ok(()) => printed,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Per scenario: its name and one cell per member plus the total, as the
/// report layer builds the comparison.
#[must_use]
pub fn compare_rows(
    evaluation: &Evaluation,
    metric: CliMetric,
    year: i32,
) -> Vec<(String, Vec<CompareCell>)> {
    let figure = metric
        .choice()
        .map_or(Figure::Payback, |c| Figure::Money(c.metric(year)));
    crate::report::tables::comparison_cells(evaluation, figure)
        .into_iter()
        .map(|(s, cells)| (evaluation.scenarios[s].name.clone(), cells))
        .collect()
}

/// The first line of the comparison: what is shown, for which years.
#[must_use]
pub fn metric_title(tr: &Tr, study: &Study, evaluation: &Evaluation, metric: CliMetric, year: i32) -> String {
    metric.choice().map_or_else(
        || tr.get("cli-title-payback"),
        |c| c.title(tr, study, evaluation, year),
    )
}

/// The comparison as aligned text, Nordic formatted (plain spaces, so it
/// can be copied from a terminal).
#[must_use]
pub fn compare_table(
    tr: &Tr,
    evaluation: &Evaluation,
    rows: &[(String, Vec<CompareCell>)],
    title: &str,
) -> String {
    let cell = |c: &CompareCell| match c {
        // Grouped as the language groups (Danish points), with plain
        // spaces a terminal user can copy.
        CompareCell::Money(v) => tr.num(*v, 0).replace('\u{a0}', " "),
        CompareCell::Year(y) => y.to_string(),
        CompareCell::Never => tr.get("cli-never"),
        CompareCell::Missing => "—".to_owned(),
    };

    let mut header = vec![tr.get("cli-scenario")];
    header.extend(evaluation.members.iter().map(ToString::to_string));
    header.push("total".to_owned());
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, cells)| {
            std::iter::once(name.clone())
                .chain(cells.iter().map(cell))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = title.to_owned();
    text.push('\n');
    for row in std::iter::once(&header).chain(&body) {
        let mut line = String::new();
        for (c, value) in row.iter().enumerate() {
            let pad = widths[c] - value.chars().count();
            if c == 0 {
                line.push_str(value);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(value);
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The comparison as CSV: `;`, decimal comma, no grouping, whole kroner,
/// empty cells for members outside a scenario, payback years as numbers and
/// `never` when there is none; text cells quoted by `csv`.
#[must_use]
pub fn compare_csv(
    evaluation: &Evaluation,
    rows: &[(String, Vec<CompareCell>)],
    variant: crate::io::csv_export::CsvVariant,
) -> String {
    let mut header = vec!["scenario".to_owned()];
    header.extend(evaluation.members.iter().map(ToString::to_string));
    header.push("total".to_owned());
    let headers: Vec<&str> = header.iter().map(String::as_str).collect();
    let cells = rows
        .iter()
        .map(|(name, cells)| {
            std::iter::once(Cell::text(name))
                .chain(cells.iter().map(|c| match c {
                    CompareCell::Money(v) => Cell::Number(*v, 2),
                    CompareCell::Year(y) => Cell::Number(f64::from(*y), 0),
                    CompareCell::Never => Cell::text("never"),
                    CompareCell::Missing => Cell::Empty,
                }))
                .collect()
        })
        .collect();
    csv_text(&headers, cells, variant)
}

fn check(tr: &Tr, file: &Path, out: &mut impl Write) -> ExitCode {
    let study = match load(tr, Some(file)) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let report = crate::model::validate(&study);
    let lines: String = report.issues.iter().fold(String::new(), |mut text, issue| {
        text.push_str(&terminal_text(&issue.line(tr)));
        text.push('\n');
        text
    });
    let printed = emit(tr, out, &lines);
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    eprintln!(
        "{}",
        tr.args(
            "cli-check-summary",
            &[("errors", errors.to_string()), ("warnings", warnings.to_string())]
        )
    );
    if errors > 0 {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

fn bench(tr: &Tr, iterations: u32, format: OutputFormat, out: &mut impl Write) -> ExitCode {
    use std::fmt::Write as _;
    let rows = match crate::bench::run(iterations) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let mut text = String::new();
    match format {
        // For scripts: a fixed format, not a spreadsheet's.
        OutputFormat::Csv => {
            text.push_str("case;what;median_us;min_us\n");
            for r in &rows {
                let _ = writeln!(text, "{};{};{:.3};{:.3}", r.case, r.what, r.median_us, r.min_us);
            }
        }
        OutputFormat::Table => {
            let _ = writeln!(
                text,
                "samdrift bench: {iterations} iterations (batches fewer), build: {}; times in µs, batches whole",
                if cfg!(debug_assertions) {
                    "debug — use --release for real figures"
                } else {
                    "release"
                }
            );
            for r in &rows {
                let _ = writeln!(
                    text,
                    "{:<10} {:<18} median {:>14.3}  min {:>14.3}",
                    r.case, r.what, r.median_us, r.min_us
                );
            }
        }
    }
    emit(tr, out, &text)
}

/// The engine's metric for a command-line choice (payback is not a cost:
/// it falls back to the annual cost).
fn engine_metric(metric: CliMetric, year: i32) -> Metric {
    metric
        .choice()
        .unwrap_or(crate::report::metric::MetricChoice::Annual)
        .metric(year)
}

/// The index of a scenario by id, or a message listing the ids.
fn scenario_index(tr: &Tr, study: &Study, id: &str) -> Result<usize, ExitCode> {
    study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == id)
        .ok_or_else(|| {
            let ids: Vec<&str> = study.scenarios.iter().map(|s| s.id.as_str()).collect();
            eprintln!(
                "{}",
                terminal_text(&tr.args(
                    "cli-fairness-unknown-scenario",
                    &[("id", id.to_owned()), ("ids", ids.join(", "))]
                ))
            );
            ExitCode::from(EXIT_UNREADABLE)
        })
}

fn fairness(
    tr: &Tr,
    file: Option<&Path>,
    scenario_id: &str,
    (year, metric): (Option<i32>, CliMetric),
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let scenario = match scenario_index(tr, &study, scenario_id) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let metric = engine_metric(metric, year);
    let options = crate::fairness::Options {
        metric,
        samples: crate::fairness::sample_count(&study, scenario),
        seed: 1,
    };
    let fair = match crate::fairness::analyse(&study, scenario, options, &|_| true) {
        Ok(fair) => fair,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match format {
        Output::Csv(variant) => fairness_csv(&study, &fair, variant),
        Output::Table => {
            let table = crate::report::tables::fair_split(&study, &fair, tr, true);
            let mut text = text_table(tr, &table);
            for finding in crate::report::tables::fair_split_findings(&study, &fair, tr) {
                text.push_str(&finding);
                text.push('\n');
            }
            terminal_text(&text)
        }
    };
    emit(tr, out, &text)
}

/// `samdrift fairness --by-year`: the split of a scenario year by year.
fn fairness_by_year(
    tr: &Tr,
    file: Option<&Path>,
    scenario_id: &str,
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, _) = match load_and_evaluate(tr, file, None) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let scenario = match scenario_index(tr, &study, scenario_id) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let split = match crate::fairness::by_year(&study, scenario) {
        Ok(split) => split,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match format {
        Output::Csv(variant) => {
            let rows = split
                .members
                .iter()
                .flat_map(|m| {
                    let id = study.members[m.member].id.as_str();
                    split.years.iter().enumerate().map(move |(y, year)| {
                        vec![
                            Cell::text(id),
                            Cell::Number(f64::from(*year), 0),
                            Cell::Number(m.under_key[y], 2),
                            Cell::Number(m.alone[y], 2),
                            Cell::Number(m.over_alone(y), 2),
                        ]
                    })
                })
                .collect();
            csv_text(
                &["member", "year", "under_key", "alone", "difference"],
                rows,
                variant,
            )
        }
        Output::Table => {
            let table = crate::report::tables::fair_by_year(&study, &split, tr);
            let mut text = text_table(tr, &table);
            for finding in crate::report::tables::fair_by_year_findings(&study, &split, tr) {
                text.push_str(&finding);
                text.push('\n');
            }
            terminal_text(&text)
        }
    };
    emit(tr, out, &text)
}

/// A report table as aligned text: the title, then text left and figures
/// right.
fn text_table(tr: &Tr, table: &crate::report::tables::Table) -> String {
    use crate::report::tables::Cell;
    let numbers = tr.numbers();
    let cell_text = |c: &Cell| match c {
        // Kroner in a terminal table carry their unit in the title.
        Cell::Money(v) => tr.money(*v),
        Cell::Empty => "–".to_owned(),
        other => other.display(numbers),
    };
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let widths: Vec<usize> = (0..table.headers.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain(std::iter::once(table.headers[c].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String], numeric: &dyn Fn(usize) -> bool| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (s, w))| {
                if numeric(c) {
                    format!("{s:>w$}")
                } else {
                    format!("{s:<w$}")
                }
            })
            .collect();
        parts.join("  ").trim_end().to_owned() + "\n"
    };
    let numeric = |c: usize| {
        table
            .rows
            .iter()
            .any(|r| matches!(r[c], Cell::Money(_) | Cell::Percent(_) | Cell::Number(..)))
    };
    let mut text = format!("{}\n", table.title);
    text.push_str(&line(&table.headers, &numeric));
    for row in &rows {
        text.push_str(&line(row, &numeric));
    }
    text
}

/// `member;key;stand_alone;shapley;nucleolus;passes_stand_alone`, one row
/// per member (kroner with two decimals, decimal comma; `key` is what the
/// member pays under the scenario's key), a `total` row, and a
/// `worst_group` row: the excess of the worst group under the key in the
/// `key` column, its own cost in `stand_alone`, and its members (ids joined
/// by `+`) in the last column.
pub fn fairness_csv(
    study: &Study,
    fair: &crate::fairness::FairSplit,
    variant: crate::io::csv_export::CsvVariant,
) -> String {
    let money = |v: f64| Cell::Number(v, 2);
    let own = fair.scenario_key.map(|k| &fair.keys[k]);
    let split = own.and_then(|k| k.split.as_ref());
    let nucleolus = fair.nucleolus.as_ref().ok();
    let mut rows: Vec<Vec<Cell>> = study
        .members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            vec![
                Cell::text(member.id.as_str()),
                split.map_or(Cell::Empty, |s| money(s[i])),
                money(fair.stand_alone[i]),
                money(fair.shapley[i]),
                nucleolus.map_or(Cell::Empty, |x| money(x[i])),
                match own {
                    Some(k) if k.split.is_some() => Cell::text(if k.over_stand_alone.contains(&i) {
                        "no"
                    } else {
                        "yes"
                    }),
                    _ => Cell::Empty,
                },
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text("total"),
        // The engine's totals: a key splits the scenario's total, Shapley
        // value and nucleolus split the whole group's best cost.
        split.map_or(Cell::Empty, |_| money(fair.scenario_total)),
        money(fair.stand_alone_total()),
        money(fair.grand_cost),
        nucleolus.map_or(Cell::Empty, |_| money(fair.grand_cost)),
        Cell::Empty,
    ]);
    if let (Some((mask, excess)), Some(table)) = (own.and_then(|k| k.worst_group), &fair.table) {
        let ids: Vec<&str> = crate::fairness::members_of(mask, study.members.len())
            .map(|i| study.members[i].id.as_str())
            .collect();
        rows.push(vec![
            Cell::text("worst_group"),
            money(excess),
            money(table.game.cost(mask)),
            Cell::Empty,
            Cell::Empty,
            Cell::text(ids.join("+")),
        ]);
    }
    csv_text(
        &[
            "member",
            "key",
            "stand_alone",
            "shapley",
            "nucleolus",
            "passes_stand_alone",
        ],
        rows,
        variant,
    )
}
