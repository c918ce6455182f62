//! The one error type of the application: every failure that is not a finding. Each variant
//! carries its data; `render` words it (Swedish and English side by side, here and nowhere
//! else) and `status` decides the exit status. `main` prints it once, to standard error.

use std::path::{Path, PathBuf};

use crate::app::Status;
use crate::core::finding::Thing;
use crate::core::money::Amount;
use crate::core::plan::YEARS;
use crate::core::population::{KeyFile, Mismatch, ScbError};
use crate::core::split::SplitError;
use crate::input::plan::{LoadError, ParseError, Source};
use crate::input::scb::Misplaced;
use crate::input::usage::UsageReadError;
use crate::output::checked::{Figures, unreadable_line};
use crate::output::diagnostic::{
    FilePlace, Located, Style, render_file_problem, render_file_problem_with_figures,
    render_load_error_hinted, render_located,
};
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::text::{shown_path, visible};
use crate::output::words::{findings, followup as followup_words, key_file};
use crate::say;

/// An unknown name's message lists what the plan has, up to `MOST_NAMED`; beyond that the
/// first `FIRST_NAMED` and how many more.
const MOST_NAMED: usize = 12;
const FIRST_NAMED: usize = 10;

/// What a plan with errors keeps a command from doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    Report,
    Export,
    Comparison,
    FollowUp,
    /// `report --per-recipient`: letters go out to recipients, so only from a plan without
    /// errors.
    Letters,
}

/// A `follow-up` command line that asks for what cannot be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misuse {
    /// `--forms` without `--output`, or with `--output -` (standard output).
    FormsNeedFolder,
    /// `--forms` with `--format table` or `json`.
    FormsFormat,
    /// `--format table` with `--output`.
    TableToFolder,
    /// `--format docx` without `--output FILE`.
    DocxNeedsFile,
    /// `--forms` for a plan that names its forum but not the date of its decision: a form
    /// goes out to its recipient citing the decision, as a letter does.
    FormsNeedDecisionDate,
    /// Neither `--forms` nor a filled-in form or usage file after the plan.
    NoUsage,
}

/// The command a plan was given to, for a hint that fits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFor {
    FollowUp,
    Split,
}

/// An option of `report` that does not go with the format asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportMisuse {
    /// `--view`, `--area`, `--actor` or `--kommun` with a document format: a document is the
    /// whole plan.
    FilterOnDocument(&'static str),
    /// The same with `--per-recipient`: letters are written for every recipient.
    FilterOnLetters(&'static str),
    /// `--output`, `--previous` or `--force` with the terminal tables.
    DocumentOptionOnTable(&'static str),
    /// `--format docx` without `--output` (or `--per-recipient --out`).
    DocxNeedsFile,
    /// `--per-recipient` with `--output -`: letters are files in a folder.
    LettersNeedFolder,
    /// `--per-recipient` for a plan that names its forum but not the date of its decision.
    LettersNeedDecisionDate,
    /// `--previous` with a plan that is not of an earlier year than the plan's.
    PreviousNotEarlier { previous: i32, year: i32 },
    /// `--previous` with another county's plan.
    PreviousOtherCounty { previous: String, county: String },
    /// `--per-recipient` into a folder that holds letters of the year to recipients the plan
    /// does not pay.
    OtherLetters {
        dir: PathBuf,
        year: i32,
        names: Vec<String>,
    },
}

#[derive(Debug)]
pub enum Error {
    /// A plan cannot be read or parsed.
    Load(Box<LoadError>),
    /// A plan has errors (its findings are already drawn), so nothing is produced.
    PlanHasErrors {
        path: String,
        errors: usize,
        blocked: Blocked,
    },
    /// A filter or key names something the plan does not have.
    Unknown {
        thing: Thing,
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// `explain` asked for a code no finding has.
    UnknownCode {
        code: String,
        suggestion: Option<String>,
    },
    /// `--kommun` written with a name and a kommunkod (`Berg (2380)`) of two different
    /// kommuner: the kommun by its name and the one by its code, each as (name, kommunkod).
    KommunNameAndCode {
        given: String,
        by_name: (String, String),
        by_code: (String, String),
    },
    /// Files that exist and are not to be replaced without `--force`; nothing was written.
    FilesExist(Vec<PathBuf>),
    /// Where a file would go is something else (a folder, a link, a device, a named pipe);
    /// `stdout` when the output could go to standard output instead (`-o -`), so the message
    /// offers it only there ([`Error::or_stdout`]).
    NotAFile { path: PathBuf, stdout: bool },
    /// The folder to write into is a file.
    NotAFolder(PathBuf),
    /// The folder to write into is `-` (standard output elsewhere).
    FolderIsDash,
    /// A file to write named as a folder (`-o ut/`).
    FileNamedLikeFolder(PathBuf),
    /// `--output DIR` names a folder to be made that is named like a file (`summa.xlsx`).
    FolderNamedLikeFile {
        dir: PathBuf,
        first: Option<PathBuf>,
    },
    /// A file to write is one the command read.
    IsInput(PathBuf),
    /// A file to write whose name ends as another kind of file than what is written into it
    /// (`--format html -o beslut.docx`).
    WrongEnding(crate::app::files::WrongEnding),
    /// `follow-up` or `split` given a form where the plan belongs.
    FormAsPlan { path: PathBuf, command: PlanFor },
    /// An amount the Excel dialect of CSV cannot hold: Excel would round it.
    CsvNotExact(Amount),
    /// An amount received that a form, opened in Excel, would show rounded.
    FormsNotExact(Amount),
    /// `follow-up --forms --force` into a folder where forms of the same names are filled
    /// in: returned forms keep the name they were sent with.
    FormsFilledIn { dir: PathBuf, names: Vec<String> },
    /// `split --plan` given a follow-up report in TOML (its parse error, drawn with a hint
    /// for `split`).
    ReportAsSplitPlan(Box<LoadError>),
    /// `split --key FILE` given a file of `allocate`'s own (a plan, a follow-up form or
    /// report, other TOML) where a population file belongs: what it is, at `line` of `text`.
    KeyFileIsOther {
        path: PathBuf,
        kind: Misplaced,
        line: Option<usize>,
        text: String,
        amount: Amount,
    },
    /// A file could not be written; nothing was left behind.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// As [`Error::Write`], and files that were to be replaced could not be put back: each
    /// (its place, the name its old content is left under).
    WriteStranded {
        path: PathBuf,
        error: std::io::Error,
        stranded: Vec<(PathBuf, PathBuf)>,
    },
    /// Standard output could not be written (other than a closed pipe).
    Output(std::io::Error),
    /// `export` without `--output` and not exactly one `--view` (nor the whole JSON document).
    OneViewToStdout,
    /// `--csv` with a format that is not CSV.
    CsvWithoutCsv,
    /// `--view per-heading` for a plan without summary headings.
    NoHeadings,
    /// XLSX cannot go to standard output.
    XlsxNeedsFolder,
    /// An export format could not be produced.
    Export(String),
    /// The XLSX workbook could not be produced.
    Xlsx(crate::output::xlsx::XlsxFailure),
    /// `split`: the amount cannot be split in the unit, or by the key.
    Split {
        error: SplitError,
        amount: Amount,
        unit: Amount,
    },
    /// `split --key FILE`: the file cannot be read.
    KeyFile(Box<ScbError>),
    /// `split --key FILE`: kommuner given twice or without a value, or a total of the file
    /// that differs from its kommun rows.
    KeyFileRows {
        file: Box<KeyFile>,
        mismatches: Vec<Mismatch>,
    },
    /// `split --plan P --key K`: the key has errors (drawn already).
    KeyUnusable { plan: String, key: String },
    /// `split --precision` on a key of percentages.
    PrecisionOnPercentages { key: String },
    /// `split --precision` with a key the plan derives with a precision of its own.
    PrecisionOnDerivedKey { key: String, own: u32, from: String },
    /// `init` without a plan to start from: neither `--from PLAN` nor `--example`.
    InitWithoutPlan,
    /// `init`: the plan's year is not a four-digit year. (`path` is the plan started from as
    /// the messages of `init` name it: a file's path as shown, or the plan built in.)
    PlanYear { path: String, year: i32 },
    /// `init` from a plan for the last year a plan can have: no year comes after it.
    NoYearAfter { path: String, year: i32 },
    /// `init`: a deadline would move past 9999, the last year of a TOML date.
    DeadlineTooLate {
        path: String,
        key: &'static str,
        date: String,
        year: i32,
    },
    /// `init`: the new plan would not read back as a plan (a fault of `allocate`; nothing is
    /// written).
    NextPlanUnreadable { year: i32, error: Box<ParseError> },
    /// `init`: the new plan read back is not as made (a figure kept last year's amount, the
    /// year or a deadline did not move): a fault of `allocate`; nothing is written.
    NextPlanUnfinished { year: i32, what: &'static str },
    /// `follow-up`: a usage file cannot be read, or is no form.
    Usage(Box<UsageReadError>),
    /// `follow-up`: the usage files have errors (their findings are drawn already).
    UsageHasErrors { errors: usize },
    /// `follow-up`: options that do not go together.
    FollowUp(Misuse),
    /// `init --year` not after the year of the plan it starts from.
    YearNotAfter {
        path: String,
        year: i32,
        from_year: i32,
    },
    /// `report`: options that do not go together.
    Report(ReportMisuse),
    /// `report --format html|docx|md` on a plan with errors: the document was written as a
    /// draft with its errors listed at the top (the findings are drawn already), and the
    /// status says so, and that each also stands at its figure where each does
    /// (`at_figures`).
    DocumentWithErrors {
        path: String,
        errors: usize,
        at_figures: bool,
    },
    /// `diff OLD NEW` with OLD of a later year than NEW: every change would have its sign
    /// turned.
    DiffOrder {
        old: i32,
        new: i32,
        /// The command the other way round, ready to run.
        command: String,
        /// Whether a plan was read from standard input (`-` in `command`).
        stdin: bool,
    },
    /// The plan's figures about last year (`previous_county_total`, `stated_change`) differ
    /// from the earlier plan (`report --previous`, `diff`); the document or the comparison is
    /// written with them marked ≠.
    PreviousDisagrees {
        path: String,
        previous: String,
        in_document: bool,
    },
    /// A document could not be made (a chart could not be drawn, the DOCX not packed).
    Document(String),
    /// `ALLOCATE_MAX_FILE_MB` is set to something that is no limit (`512MB`, `1.5`, `0`): the
    /// value as given.
    MaxFileVar(String),
    /// `ALLOCATE_LANG` is set to something that is no language (`de`, `EN`): the value as
    /// given.
    LangVar(String),
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Error {
        match crate::output::csv::ExcelWouldRound::of(&error) {
            Some(amount) => Error::CsvNotExact(amount),
            None => Error::Output(error),
        }
    }
}

impl From<crate::app::files::WriteError> for Error {
    fn from(error: crate::app::files::WriteError) -> Error {
        use crate::app::files::WriteError;
        match error {
            WriteError::Exists(paths) => Error::FilesExist(paths),
            WriteError::NotAFile(path) => Error::NotAFile {
                path,
                stdout: false,
            },
            WriteError::NotAFolder(path) => Error::NotAFolder(path),
            WriteError::Dash => Error::FolderIsDash,
            WriteError::FileNamedLikeFolder(path) => Error::FileNamedLikeFolder(path),
            WriteError::FolderNamedLikeFile { dir, first } => {
                Error::FolderNamedLikeFile { dir, first }
            }
            WriteError::IsInput(path) => Error::IsInput(path),
            WriteError::Io { path, error } => match crate::output::csv::ExcelWouldRound::of(&error)
            {
                Some(amount) => Error::CsvNotExact(amount),
                None => Error::Write { path, error },
            },
            WriteError::Stranded {
                path,
                error,
                stranded,
            } => Error::WriteStranded {
                path,
                error,
                stranded,
            },
        }
    }
}

impl Error {
    /// This error where the output could have gone to standard output (`-o -`) instead: a
    /// refused file's message then offers it.
    pub fn or_stdout(self) -> Error {
        match self {
            Error::NotAFile { path, .. } => Error::NotAFile { path, stdout: true },
            error => error,
        }
    }

    pub fn status(&self) -> Status {
        match self {
            Error::PlanHasErrors { .. }
            | Error::KeyUnusable { .. }
            | Error::UsageHasErrors { .. }
            | Error::DocumentWithErrors { .. }
            | Error::PreviousDisagrees { .. } => Status::Findings,
            _ => Status::Failure,
        }
    }

    /// The error as the user reads it.
    pub fn render(&self, style: Style) -> String {
        let lang = style.lang;
        let line = |text: String| format!("{}{text}\n", prefix(lang));
        match self {
            Error::Load(error) => {
                let path = match error.as_ref() {
                    LoadError::Read { path, .. } => path,
                    LoadError::Parse { source, .. } => &source.path,
                };
                // A plan piped to `-` is piped to the command that was given it.
                let hint = match error.as_ref() {
                    LoadError::Read { reason, .. } => Some(crate::output::words::load::read_hint_for(
                        reason,
                        crate::app::given_command().as_deref(),
                        lang,
                    )),
                    LoadError::Parse { .. } => None,
                };
                format!(
                    "{}\n{}\n",
                    render_load_error_hinted(error, style, hint.as_deref()),
                    unreadable_line(path, lang)
                )
            }
            Error::PlanHasErrors {
                path,
                errors,
                blocked,
            } => {
                let what = match blocked {
                    Blocked::Report => lang.pick("ingen rapport", "no report"),
                    Blocked::Export => lang.pick("inget exporteras", "nothing is exported"),
                    Blocked::Comparison => lang.pick("ingen jämförelse", "no comparison"),
                    Blocked::FollowUp => lang.pick("ingen uppföljning", "no follow-up"),
                    Blocked::Letters => lang.pick("inga fördelningsbesked", "no letters"),
                };
                let errors = number::errors(*errors, lang);
                format!(
                    "{}: {}\n",
                    shown_path(std::path::Path::new(path)),
                    say!(
                        lang,
                        "{errors}; {what} förrän planen stämmer",
                        "{errors}; {what} until the plan reconciles"
                    )
                )
            }
            Error::Unknown {
                thing,
                name,
                suggestion,
                known,
            } => {
                let unknown = findings::unknown_thing(*thing, lang);
                let suggestion = suggestion
                    .as_ref()
                    .map(|s| say!(lang, " Menade du `{s}`?", " Did you mean `{s}`?"))
                    .unwrap_or_default();
                // A national plan's 290 kommuner are no help in a message: the first few
                // and how many more.
                let known = if known.len() > MOST_NAMED {
                    crate::output::words::first_of(known, FIRST_NAMED, lang)
                } else {
                    known.join(", ")
                };
                // As typed on the command line, with a control character named.
                let name = visible(name);
                if name.trim().is_empty() {
                    return line(say!(
                        lang,
                        "{unknown}: namnet är tomt. Planen har: {known}",
                        "{unknown}: the name is empty. The plan has: {known}",
                    ));
                }
                line(say!(
                    lang,
                    "{unknown} `{name}`.{suggestion} Planen har: {known}",
                    "{unknown} `{name}`.{suggestion} The plan has: {known}",
                ))
            }
            Error::UnknownCode { code, suggestion } => {
                let code = visible(code);
                let suggestion = suggestion
                    .as_ref()
                    .map(|s| say!(lang, " Menade du `{s}`?", " Did you mean `{s}`?"))
                    .unwrap_or_default();
                line(say!(
                    lang,
                    "ingen kontroll har koden `{code}`.{suggestion} `allocate explain` utan kod visar alla.",
                    "no check has the code `{code}`.{suggestion} `allocate explain` without a code shows them all."
                ))
            }
            Error::FilesExist(paths) => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                let list = crate::output::words::listed_first(&names, 10, lang);
                let n = crate::output::number::count(names.len() as u64, lang);
                let there = if names.len() == 1 {
                    say!(lang, "{list} finns redan", "{list} already exists")
                } else {
                    say!(lang, "{n} filer finns redan: {list}", "{n} files already exist: {list}")
                };
                line(say!(
                    lang,
                    "{there}. Inget skrevs. Ange --force för att ersätta, eller välj en annan plats.",
                    "{there}. Nothing was written. Give --force to replace, or choose another place."
                ))
            }
            // A folder is told as one, with the file to name in it (IO tester s42).
            Error::NotAFile { path, stdout: true }
                if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) =>
            {
                let file = shown_path(&path.join(lang.pick("NAMN", "NAME")));
                let path = shown_path(path);
                line(say!(
                    lang,
                    "kan inte skriva {path}: det är en mapp. Inget skrevs. Ange filens namn i den: -o {file}",
                    "cannot write {path}: it is a folder. Nothing was written. Name the file in it: -o {file}"
                ))
            }
            Error::NotAFile { path, stdout } => {
                let path = shown_path(path);
                let choose = match stdout {
                    true => lang.pick(
                        "Välj ett annat namn, eller -o - för skärmen (standard output).",
                        "Choose another name, or -o - for standard output.",
                    ),
                    false => lang.pick(
                        "Välj ett annat namn eller en annan mapp.",
                        "Choose another name or folder.",
                    ),
                };
                line(say!(
                    lang,
                    "kan inte skriva {path}: där finns redan något som inte är en vanlig fil (en mapp, en länk, en enhet eller en namngiven pipe), och det ersätts aldrig. Inget skrevs. {choose}",
                    "cannot write {path}: something that is not a plain file is there (a folder, a link, a device or a named pipe), and it is never replaced. Nothing was written. {choose}"
                ))
            }
            Error::IsInput(path) => {
                let path = shown_path(path);
                line(say!(
                    lang,
                    "kan inte skriva {path}: kommandot läser den filen, och den ersätts aldrig, inte ens med --force. Inget skrevs. Välj ett annat namn eller en annan mapp.",
                    "cannot write {path}: the command reads that file, and it is never replaced, not even with --force. Nothing was written. Choose another name or folder."
                ))
            }
            Error::NotAFolder(path) => {
                let path = shown_path(path);
                line(say!(
                    lang,
                    "kan inte skriva i {path}: det är ingen mapp. Inget skrevs. Ange en mapp (den skapas om den saknas).",
                    "cannot write into {path}: it is not a folder. Nothing was written. Give a folder (it is made when missing)."
                ))
            }
            Error::KommunNameAndCode {
                given,
                by_name,
                by_code,
            } => {
                let two = crate::output::words::kommun_name_and_code(
                    given,
                    (&by_name.0, &by_name.1),
                    (&by_code.0, &by_code.1),
                    lang,
                );
                let one = lang.pick("Ange den ena av dem.", "Give one of them.");
                line(format!("{two}. {one}"))
            }
            Error::FormAsPlan {
                path,
                command: PlanFor::FollowUp,
            } => {
                let path = shown_path(path);
                line(say!(
                    lang,
                    "{path} är en ifylld blankett, inte en plan: ge planen först och redovisningarna efter den: allocate follow-up PLAN REDOVISNING...",
                    "{path} is a filled-in form, not a plan: give the plan first and the reports after it: allocate follow-up PLAN REPORT..."
                ))
            }
            Error::FormAsPlan {
                path,
                command: PlanFor::Split,
            } => {
                let (path, hint) = (shown_path(path), split_plan_hint(lang));
                line(say!(
                    lang,
                    "{path} är en blankett för årets uppföljning, inte en plan: {hint}",
                    "{path} is a year-end follow-up form, not a plan: {hint}"
                ))
            }
            Error::ReportAsSplitPlan(error) => {
                format!(
                    "{}\n{}\n",
                    render_load_error_hinted(error, style, Some(&split_plan_hint(lang))),
                    unreadable_line(error.path(), lang)
                )
            }
            Error::KeyFileIsOther {
                path,
                kind,
                line: at,
                text,
                amount,
            } => render_key_file_is_other(path, kind, *at, text, *amount, style),
            Error::FolderIsDash => line(
                lang.pick(
                    "- står för skärmen (standard output), men här skrivs filer i en mapp. Inget skrevs. Ange en mapp, till exempel ut (eller ./- för en mapp som heter -).",
                    "- stands for standard output, but here files are written into a folder. Nothing was written. Give a folder, for example out (or ./- for a folder named -).",
                )
                .to_string(),
            ),
            Error::WrongEnding(wrong) => {
                use crate::app::files::{Kind, WrongEnding, document_ending, renamed};
                let WrongEnding {
                    path,
                    ending,
                    kind: written,
                } = wrong;
                let renamed = shown_path(&renamed(path, *written));
                let kind = match written {
                    Kind::Html => "HTML",
                    Kind::Docx => lang.pick("ett Word-dokument (DOCX)", "a Word document (DOCX)"),
                    Kind::Md => "Markdown",
                    Kind::Toml => lang.pick("en plan i TOML", "a plan in TOML"),
                };
                // A document asked for by the name's ending, when the command writes one.
                let other = match (written, document_ending(path)) {
                    (Kind::Toml, _) | (_, None) => String::new(),
                    (_, Some(asked)) => {
                        let asked = asked.ending();
                        say!(lang, ", eller ange --format {asked}", ", or give --format {asked}")
                    }
                };
                let path = shown_path(path);
                line(say!(
                    lang,
                    "{path} slutar på .{ending}, men det som skrivs är {kind}. Inget skrevs. Byt namn till {renamed}{other}.",
                    "{path} ends in .{ending}, but what is written is {kind}. Nothing was written. Rename it {renamed}{other}."
                ))
            }
            Error::FileNamedLikeFolder(path) => {
                let path = shown_path(path);
                line(say!(
                    lang,
                    "{path} slutar med / och är alltså en mapp, men här är --output en fil. Inget skrevs. Ange filens namn, utan / på slutet.",
                    "{path} ends with / and so is a folder, but here --output is a file. Nothing was written. Give the file's name, without / at the end."
                ))
            }
            Error::FolderNamedLikeFile { dir, first } => {
                let folder = dir.with_extension("");
                // The first file, when it is known: `(summa.xlsx/betalningar.csv …)`.
                let first = first
                    .as_ref()
                    .map(|f| format!(" ({} …)", f.display()))
                    .unwrap_or_default();
                // A workbook's name: the workbooks are asked for with `--format xlsx` (tester
                // s37: `follow-up -o uppf.xlsx` followed the advice and got CSV files).
                let workbooks = match crate::app::files::spreadsheet_ending(dir) {
                    true => say!(
                        lang,
                        ", med --format xlsx för arbetsböcker",
                        ", with --format xlsx for workbooks"
                    ),
                    false => String::new(),
                };
                let (dir, folder) = (dir.display(), folder.display());
                line(say!(
                    lang,
                    "{dir} ser ut som ett filnamn, men här är --output en mapp som filerna skrivs i{first}. Inget skrevs. Ange en mapp, till exempel -o {folder}{workbooks}.",
                    "{dir} looks like a file name, but here --output is a folder the files are written into{first}. Nothing was written. Give a folder, for example -o {folder}{workbooks}."
                ))
            }
            Error::Write { path, error } => {
                let why = write_why(path, error, lang);
                let path = shown_path(path);
                line(say!(
                    lang,
                    "kunde inte skriva {path}: {why}. Inget lämnades kvar.",
                    "could not write {path}: {why}. Nothing was left behind."
                ))
            }
            Error::WriteStranded {
                path,
                error,
                stranded,
            } => {
                let why = write_why(path, error, lang);
                let path = shown_path(path);
                let left: Vec<String> = (stranded.iter())
                    .map(|(target, old)| {
                        let (target, old) = (shown_path(target), shown_path(old));
                        say!(
                            lang,
                            "den tidigare {target} finns som {old}",
                            "the earlier {target} is {old}"
                        )
                    })
                    .collect();
                let left = crate::output::words::listed(&left, lang);
                let but = match (stranded.len(), lang) {
                    (1, Lang::Sv) => "utom en".to_string(),
                    (n, Lang::Sv) => format!("utom {n}"),
                    (1, Lang::En) => "but one".to_string(),
                    (n, Lang::En) => format!("but {n}"),
                };
                line(say!(
                    lang,
                    "kunde inte skriva {path}: {why}. De tidigare filerna lades tillbaka {but}: {left}; byt tillbaka namnet, mappen har annars en blandning av nya och gamla filer.",
                    "could not write {path}: {why}. The earlier files were put back {but}: {left}; rename back, or the folder holds a mix of new and old files."
                ))
            }
            Error::Output(error) => {
                let why = io_words(error, lang);
                line(say!(
                    lang,
                    "kunde inte skriva till skärmen (standard output): {why}",
                    "could not write to standard output: {why}"
                ))
            }
            Error::OneViewToStdout => line(
                lang.pick(
                    "ange en mapp med --output, eller en enda --view för att skriva till skärmen (standard output; med --format json även hela dokumentet, utan --view)",
                    "give a folder with --output, or a single --view to write to standard output (with --format json also the whole document, without --view)",
                )
                .to_string(),
            ),
            Error::MaxFileVar(value) => {
                let var = crate::input::read::MAX_FILE_VAR;
                let value = visible(value);
                let default = crate::input::read::MAX_FILE_BYTES / (1024 * 1024);
                line(say!(
                    lang,
                    "miljövariabeln {var} är \"{value}\", som inte är en giltig gräns: ange ett helt antal MiB, minst 1, med bara siffror (till exempel {var}=512), eller ta bort variabeln för standardgränsen {default} MiB",
                    "the environment variable {var} is \"{value}\", which is not a valid limit: give a whole number of MiB, at least 1, in digits only (for example {var}=512), or unset it for the default limit of {default} MiB"
                ))
            }
            Error::LangVar(value) => {
                let var = crate::output::lang::LANG_VAR;
                let value = visible(value);
                line(say!(
                    lang,
                    "miljövariabeln {var} är \"{value}\", som inte är ett giltigt värde: ange sv (svenska) eller en (engelska), med små bokstäver, eller ta bort variabeln för svenska",
                    "the environment variable {var} is \"{value}\", which is not a valid value: give sv (Swedish) or en (English), in lower case, or unset it for Swedish"
                ))
            }
            Error::CsvWithoutCsv => line(
                lang.pick(
                    "--csv väljer hur CSV skrivs: ange också --format csv, eller ta bort --csv",
                    "--csv chooses how CSV is written: also give --format csv, or leave out --csv",
                )
                .to_string(),
            ),
            Error::NoHeadings => line(
                lang.pick(
                    "planen har inga sammanfattande rubriker ([[headings]]), så vyn per-heading har inget att visa; beloppen per aktör står i per-actor",
                    "the plan has no summary headings ([[headings]]), so the view per-heading has nothing to show; the amounts per actor are in per-actor",
                )
                .to_string(),
            ),
            Error::XlsxNeedsFolder => line(
                lang.pick(
                    "XLSX skrivs bara till en mapp: ange --output",
                    "XLSX is written to a folder only: give --output",
                )
                .to_string(),
            ),
            Error::Xlsx(failure) => line(xlsx_words(failure, lang)),
            Error::Export(reason) => line(say!(
                lang,
                "exporten misslyckades: {reason}",
                "the export failed: {reason}"
            )),
            Error::Split {
                error,
                amount,
                unit,
            } => {
                // The largest usual unit finer than the one asked that divides the amount, as
                // `--unit` reads it (`1000`, `0,1`).
                let usual = crate::core::split::usual_unit(*amount, *unit)
                    .map(|u| number::decimal(u.0, lang));
                let (amount, unit) = (lang.amount(*amount), lang.amount(*unit));
                line(match error {
                    // No unit down to the öre divides it: finer than any split can be.
                    SplitError::AmountNotMultipleOfUnit if usual.is_none() => {
                        let round = crate::output::words::findings::round_to_ore(lang);
                        say!(
                            lang,
                            "{amount} är inte jämnt delbart med enheten {unit}, och ingen enhet går jämnt upp i beloppet: det har fler decimaler än öre (0,01 kr), den minsta enhet en fördelning har; {round}",
                            "{amount} is not a whole number of the unit {unit}, and no unit divides the amount: it has more decimals than öre (0.01 kr), the smallest unit a split has; {round}"
                        )
                    }
                    SplitError::AmountNotMultipleOfUnit => {
                        let usual = usual.unwrap_or_default();
                        say!(
                        lang,
                        "{amount} är inte jämnt delbart med enheten {unit}; ange en enhet som går jämnt upp i beloppet med --unit, till exempel --unit {usual}",
                        "{amount} is not a whole number of the unit {unit}; give a unit that divides the amount with --unit, for example --unit {usual}"
                    )
                    }
                    SplitError::NoWeight => say!(
                        lang,
                        "nyckeln ger alla kommuner vikten noll",
                        "the key gives every kommun weight zero"
                    ),
                    SplitError::TooLarge => say!(
                        lang,
                        "{amount} kan inte fördelas exakt med den här nyckeln: beloppet gånger nyckelns vikter blir större än 28 siffror; kontrollera att nyckelns värden är folkmängder eller procentsatser",
                        "{amount} cannot be split exactly by this key: the amount times the key's weights exceeds 28 digits; check that the key's values are populations or percentages"
                    ),
                    _ => say!(
                        lang,
                        "beloppet eller nyckeln kan inte fördelas exakt",
                        "the amount or the key cannot be split exactly"
                    ),
                })
            }
            Error::KeyFile(error) => render_key_file_error(error, style),
            Error::KeyFileRows { file, mismatches } => {
                let source = Source::new(file.path.clone(), file.text.clone());
                let code = |m: &Mismatch| match m {
                    Mismatch::Zero { .. } => "population-not-positive",
                    Mismatch::Total { .. } => "key-file-total",
                    _ => "key-coverage",
                };
                // A key file of a million bad rows gives a page, as `check` does.
                let (shown, left_out) =
                    crate::output::checked::bounded(mismatches, |m| (code(m), true));
                let mut text: String = shown
                    .into_iter()
                    .map(|m| {
                        let message = match m.line() {
                            Some(_) => key_file::mismatch_text(m, &file.column, lang),
                            None => key_file::mismatch_message(m, &file.path, &file.column, lang),
                        };
                        let hint = key_file::mismatch_hint(m, lang);
                        // A total's figures under the message, as `check` draws them.
                        let figures = match m {
                            Mismatch::Total {
                                stated, computed, ..
                            } => Some(Figures::counts(*stated, *computed)),
                            _ => None,
                        };
                        render_file_problem_with_figures(
                            &source,
                            m.line(),
                            code(m),
                            &message,
                            figures.as_ref(),
                            hint,
                            style,
                        ) + "\n"
                    })
                    .collect();
                for left_out in &left_out {
                    text.push_str(&format!("{}\n\n", left_out.line(lang)));
                }
                text
            }
            Error::KeyUnusable { plan, key } => format!(
                "{plan}: {}\n",
                say!(
                    lang,
                    "nyckeln `{key}` kan inte användas; `allocate check {plan}` visar varför",
                    "key `{key}` cannot be used; `allocate check {plan}` says why"
                )
            ),
            Error::PrecisionOnPercentages { key } => line(say!(
                lang,
                "--precision räknar om befolkningstal till procent; `{key}` är redan procentsatser",
                "--precision turns population counts into percentages; `{key}` is percentages already"
            )),
            Error::PrecisionOnDerivedKey { key, own, from } => {
                let own = crate::output::words::findings::decimals(*own, lang);
                line(say!(
                    lang,
                    "nyckeln `{key}` räknas fram ur `{from}` med {own} enligt planen; --precision kan inte ändra det. Pröva en annan precision med --key {from} --precision N",
                    "the key `{key}` is derived from `{from}` with {own} by the plan; --precision cannot change that. Try another precision with --key {from} --precision N"
                ))
            }
            Error::PlanYear { path, year } => {
                line(say!(
                    lang,
                    "{path}: planens år {year} är inte ett fyrsiffrigt årtal; rätta `year` under [plan]",
                    "{path}: the plan's year {year} is not a four-digit year; correct `year` under [plan]"
                ))
            }
            Error::Report(misuse) => line(match misuse {
                ReportMisuse::FilterOnDocument(option) => say!(
                    lang,
                    "{option} gäller tabellerna på skärmen; ett dokument visar hela planen. En mottagares del står i dess fördelningsbesked (--per-recipient --output MAPP).",
                    "{option} applies to the tables on screen; a document shows the whole plan. A recipient's share is in its letter (--per-recipient --output DIR)."
                ),
                ReportMisuse::FilterOnLetters(option) => say!(
                    lang,
                    "{option} gäller tabellerna på skärmen; fördelningsbesked skrivs för varje mottagare. En mottagares besked är filen som bär dess namn (fordelningsbesked-ÅR-2326-berg.html för Berg).",
                    "{option} applies to the tables on screen; letters are written for every recipient. A recipient's letter is the file named after it (allocation-letter-YEAR-2326-berg.html for Berg)."
                ),
                ReportMisuse::DocumentOptionOnTable(option) => say!(
                    lang,
                    "{option} gäller dokument: ange --format html, docx eller md",
                    "{option} is for documents: give --format html, docx or md"
                ),
                ReportMisuse::DocxNeedsFile => lang
                    .pick(
                        "DOCX skrivs bara till en fil: ange -o FIL (eller --per-recipient --output MAPP)",
                        "DOCX is written to a file only: give -o FILE (or --per-recipient --output DIR)",
                    )
                    .to_string(),
                ReportMisuse::LettersNeedFolder => lang
                    .pick(
                        "fördelningsbeskeden skrivs som filer i en mapp: ange --output MAPP (de kan inte skrivas till skärmen)",
                        "the letters are written as files in a folder: give --output DIR (they cannot go to standard output)",
                    )
                    .to_string(),
                ReportMisuse::LettersNeedDecisionDate => lang
                    .pick(
                        "fördelningsbeskeden skrivs när beslutet är fattat: varje besked hänvisar till beslutet och dess datum. Ange `decision_date = ÅÅÅÅ-MM-DD` under [plan]",
                        "the letters are written once the decision is made: each cites the decision and its date. Give `decision_date = YYYY-MM-DD` under [plan]",
                    )
                    .to_string(),
                // Two versions of one year's plan are what `diff` compares.
                ReportMisuse::PreviousNotEarlier { previous, year } if previous == year => say!(
                    lang,
                    "--previous ska vara ett tidigare års plan: båda gäller {year}. Två versioner av samma års plan jämförs med `allocate diff GAMMAL.toml NY.toml`",
                    "--previous must be an earlier year's plan: both are for {year}. Two versions of one year's plan are compared by `allocate diff OLD.toml NEW.toml`"
                ),
                ReportMisuse::PreviousNotEarlier { previous, year } => say!(
                    lang,
                    "--previous ska vara ett tidigare års plan: den gäller {previous}, planen {year}",
                    "--previous must be an earlier year's plan: it is for {previous}, the plan for {year}"
                ),
                ReportMisuse::PreviousOtherCounty { previous, county } => {
                    let (previous, county) = (
                        crate::output::text::visible(previous),
                        crate::output::text::visible(county),
                    );
                    say!(
                        lang,
                        "--previous ska vara samma läns plan: den gäller {previous}, planen {county}",
                        "--previous must be the same county's plan: it is for {previous}, the plan for {county}"
                    )
                }
                ReportMisuse::OtherLetters { dir, year, names } => {
                    let dir = crate::output::text::shown_path(dir);
                    let names = files_named(names, lang);
                    say!(
                        lang,
                        "{dir} har redan fördelningsbesked för {year} till mottagare som planen inte betalar: {names}. De är från en annan plan eller version av planen och får inte skickas med de nya. Ta bort dem, eller skriv beskeden till en tom mapp; inget skrevs",
                        "{dir} already holds letters for {year} to recipients the plan does not pay: {names}. They are from another plan or version of the plan and must not go out with the new ones. Remove them, or write the letters to an empty folder; nothing was written"
                    )
                }
            }),
            Error::DocumentWithErrors {
                path,
                errors,
                at_figures,
            } => {
                let errors = number::errors(*errors, lang);
                // As the document's own status says it: at their figures only when each is.
                let draft = match at_figures {
                    true => say!(
                        lang,
                        "{errors}; dokumentet är ett utkast med varje fel markerat vid sin siffra",
                        "{errors}; the document is a draft with each error marked at its figure"
                    ),
                    false => say!(
                        lang,
                        "{errors}; dokumentet är ett utkast med felen i en lista överst",
                        "{errors}; the document is a draft with the errors in a list at the top"
                    ),
                };
                format!("{path}: {draft}\n")
            }
            Error::DiffOrder {
                old,
                new,
                command,
                stdin,
            } => {
                let stdin = match (stdin, lang) {
                    (false, _) => "",
                    (true, Lang::Sv) => " (där - läser planen från standard in, stdin)",
                    (true, Lang::En) => " (where - reads the plan from standard input)",
                };
                line(say!(
                    lang,
                    "den första planen gäller {old} och den andra {new}; förra årets plan ska stå först: {command}{stdin}",
                    "the first plan is for {old} and the second for {new}; last year's plan comes first: {command}{stdin}"
                ))
            }
            Error::PreviousDisagrees {
                path,
                previous,
                in_document,
            } => {
                let marked = match (in_document, lang) {
                    (true, Lang::Sv) => "dokumentet markerar dem med ≠",
                    (false, Lang::Sv) => "jämförelsen markerar dem med ≠",
                    (true, Lang::En) => "the document marks them ≠",
                    (false, Lang::En) => "the comparison marks them ≠",
                };
                format!(
                    "{path}: {}\n",
                    say!(
                        lang,
                        "planens belopp för föregående år stämmer inte med {previous}; {marked}",
                        "the plan's figures for the previous year disagree with {previous}; {marked}"
                    )
                )
            }
            Error::Document(reason) => line(say!(
                lang,
                "dokumentet kunde inte skapas: {reason}",
                "the document could not be made: {reason}"
            )),
            Error::NextPlanUnreadable { year, error } => {
                let reason = crate::output::words::load::parse_message(error, lang);
                let fault = fault(lang);
                line(say!(
                    lang,
                    "{year} års plan skrevs inte: den skulle inte gå att läsa ({reason}). {fault}",
                    "the {year} plan was not written: it would not read back ({reason}). {fault}"
                ))
            }
            Error::NextPlanUnfinished { year, what } => {
                let fault = fault(lang);
                line(say!(
                    lang,
                    "{year} års plan skrevs inte: `{what}` blev inte som i en ny plan (förra årets belopp, år eller tidsgräns stod kvar). {fault}",
                    "the {year} plan was not written: `{what}` did not come out as in a new plan (last year's amount, year or deadline stayed). {fault}"
                ))
            }
            Error::NoYearAfter { path, year } => {
                let last = YEARS.end();
                line(say!(
                    lang,
                    "{path} gäller {year}, och {last} är det sista år en plan kan gälla: det finns inget senare år att göra en plan för. Inget skrevs.",
                    "{path} is for {year}, and {last} is the last year a plan can be for: there is no later year to make a plan for. Nothing was written."
                ))
            }
            Error::DeadlineTooLate {
                path,
                key,
                date,
                year,
            } => {
                                line(say!(
                    lang,
                    "{path}: tidsgränsen `{key}` = {date} skulle flyttas till år {year}, men ett datum kan inte ligga efter år 9999. Inget skrevs. Rätta `{key}` under [deadlines], eller ange ett tidigare --year.",
                    "{path}: the deadline `{key}` = {date} would move to the year {year}, but a date cannot be after the year 9999. Nothing was written. Correct `{key}` under [deadlines], or give an earlier --year."
                ))
            }
            Error::Usage(error) => render_usage_error(error, style),
            Error::UsageHasErrors { errors } => {
                let errors = number::errors(*errors, lang);
                line(say!(
                    lang,
                    "{errors} i redovisningarna; ingen sammanställning förrän de är rättade",
                    "{errors} in the usage files; no summary until they are corrected"
                ))
            }
            Error::FollowUp(misuse) => line(
                match misuse {
                    Misuse::NoUsage => lang.pick(
                        "ange de ifyllda blanketterna efter planen: allocate follow-up PLAN REDOVISNING... (eller --forms --output MAPP för att skriva blanketterna)",
                        "give the filled-in forms after the plan: allocate follow-up PLAN REPORT... (or --forms --output DIR to write the forms)",
                    ),
                    Misuse::FormsNeedFolder => lang.pick(
                        "blanketterna skrivs som filer i en mapp: ange --output MAPP (de kan inte skrivas till skärmen)",
                        "the forms are written as files in a folder: give --output DIR (they cannot go to standard output)",
                    ),
                    Misuse::FormsFormat => lang.pick(
                        "blanketterna skrivs som CSV eller XLSX: ange --format csv eller --format xlsx",
                        "the forms are written as CSV or XLSX: give --format csv or --format xlsx",
                    ),
                    Misuse::TableToFolder => lang.pick(
                        "tabeller visas på skärmen; till en mapp skrivs csv, xlsx eller json",
                        "tables are shown on the terminal; a folder gets csv, xlsx or json",
                    ),
                    Misuse::DocxNeedsFile => lang.pick(
                        "DOCX skrivs bara till en fil: ange -o FIL",
                        "DOCX is written to a file only: give -o FILE",
                    ),
                    Misuse::FormsNeedDecisionDate => lang.pick(
                        "blanketterna skickas till mottagarna när beslutet är fattat: varje blankett hänvisar till beslutet och dess datum, som fördelningsbeskeden. Ange `decision_date = ÅÅÅÅ-MM-DD` under [plan]",
                        "the forms go out to the recipients once the decision is made: each cites the decision and its date, as the letters do. Give `decision_date = YYYY-MM-DD` under [plan]",
                    ),
                }
                .to_string(),
            ),
            Error::CsvNotExact(amount) => {
                let too_long = excel_rounds(*amount, lang);
                line(say!(
                    lang,
                    "CSV för Excel kan inte skrivas: {too_long} när Excel öppnar filen. Skriv CSV för program i stället (--csv rfc4180), eller JSON (--format json); inget skrevs",
                    "CSV for Excel cannot be written: {too_long} when Excel opens the file. Write CSV for programs instead (--csv rfc4180), or JSON (--format json); nothing was written"
                ))
            }
            Error::FormsNotExact(amount) => {
                let too_long = excel_rounds(*amount, lang);
                line(say!(
                    lang,
                    "blanketterna kan inte skrivas: {too_long} när mottagaren öppnar blanketten; inget skrevs",
                    "the forms cannot be written: {too_long} when the recipient opens the form; nothing was written"
                ))
            }
            Error::FormsFilledIn { dir, names } => {
                let dir = shown_path(dir);
                let names = files_named(names, lang);
                line(say!(
                    lang,
                    "{dir} har redan ifyllda blanketter med samma namn: {names}. --force skriver inte över en ifylld blankett med en tom. Flytta de ifyllda blanketterna till en egen mapp, eller skriv de nya till en annan mapp; inget skrevs",
                    "{dir} already holds filled-in forms of the same names: {names}. --force does not replace a filled-in form with a blank one. Move the filled-in forms to a folder of their own, or write the new ones to another folder; nothing was written"
                ))
            }
            Error::InitWithoutPlan => {
                let example = crate::output::words::example_plan(lang);
                line(say!(
                    lang,
                    "ange planen att utgå från: allocate init --from PLAN (förra årets plan), eller allocate init --example ({example}, för ett län som börjar med allocate)",
                    "give the plan to start from: allocate init --from PLAN (last year's plan), or allocate init --example ({example}, for a county new to allocate)"
                ))
            }
            Error::YearNotAfter {
                path,
                year,
                from_year,
            } => {
                let next = from_year + 1;
                line(say!(
                    lang,
                    "--year {year} ligger inte efter {path}, som gäller {from_year}: en ny plan gäller ett senare år. Inget skrevs. Ange t.ex. --year {next}, eller utelämna --year.",
                    "--year {year} is not after {path}, which is for {from_year}: a new plan is for a later year. Nothing was written. Give e.g. --year {next}, or leave --year out."
                ))
            }
        }
    }
}

/// A key file given to `split --key` that cannot be read, drawn with its line when it has
/// one.
fn render_key_file_error(error: &ScbError, style: Style) -> String {
    let lang = style.lang;
    // The line is shown from the file read again within the same size limit as when it was
    // loaded (a too-large file has no line to show).
    let text = match error.line {
        Some(_) => {
            crate::input::plan::read_limited(&error.path, crate::input::read::max_file_bytes())
                .map(|bytes| crate::input::scb::source_text(&bytes))
                .unwrap_or_default()
        }
        None => String::new(),
    };
    let message = match error.line {
        Some(_) if !text.is_empty() => key_file::error_message(error, lang),
        _ => format!(
            "{}: {}",
            key_file::error_place(error),
            key_file::error_message(error, lang)
        ),
    };
    let source = Source::new(error.path.clone(), text);
    crate::output::diagnostic::render_file_problem_at(
        &source,
        error.line,
        error.column(),
        "key-file",
        &message,
        &key_file::given_error_hint(error, lang),
        style,
    ) + "\n"
}

/// How `split` is given a plan, and where reports go instead: the hint when something else
/// is given as the plan.
fn split_plan_hint(lang: Lang) -> String {
    lang.pick(
        "ge en plan med --plan och en av dess nycklar med --key: allocate split BELOPP --plan PLAN --key ID (redovisningar och blanketter läses av allocate follow-up PLAN REDOVISNING...)",
        "give a plan with --plan and one of its keys with --key: allocate split AMOUNT --plan PLAN --key ID (reports and forms are read by allocate follow-up PLAN REPORT...)",
    )
    .to_string()
}

/// `split --key FILE` given a plan, a follow-up form or report, or other TOML: what the file
/// is, at the line that shows it, and the command that splits by a plan's key.
fn render_key_file_is_other(
    path: &Path,
    kind: &Misplaced,
    at: Option<usize>,
    text: &str,
    amount: Amount,
    style: Style,
) -> String {
    let lang = style.lang;
    // The amount as `split` reads it back (a decimal point, no spaces).
    let amount = amount.0.normalize().to_string();
    let message = crate::output::words::key_file::misplaced(kind, lang);
    let shown = shown_path(path);
    let hint = match kind {
        Misplaced::Plan { keys } => {
            let ids = match keys.as_slice() {
                [] | [_] => String::new(),
                _ if keys.len() > MOST_NAMED => {
                    let keys = crate::output::words::first_of(keys, FIRST_NAMED, lang);
                    say!(
                        lang,
                        "; planens nycklar: {keys}",
                        "; the plan's keys: {keys}"
                    )
                }
                _ => {
                    let all = keys.join(", ");
                    say!(lang, "; planens nycklar: {all}", "; the plan's keys: {all}")
                }
            };
            let id = match keys.as_slice() {
                [only] => visible(only).to_string(),
                _ => "ID".to_string(),
            };
            say!(
                lang,
                "för att fördela med en av planens nycklar, ge planen med --plan och nyckeln med --key: allocate split {amount} --plan {shown} --key {id}{ids}",
                "to split by one of the plan's keys, give the plan with --plan and the key with --key: allocate split {amount} --plan {shown} --key {id}{ids}"
            )
        }
        Misplaced::Form | Misplaced::UsageReport => say!(
            lang,
            "ge en befolkningsfil från SCB med --key, eller en plan och en av dess nycklar: allocate split {amount} --plan PLAN --key ID; redovisningar och blanketter läses av allocate follow-up PLAN REDOVISNING...",
            "give a population file from SCB with --key, or a plan and one of its keys: allocate split {amount} --plan PLAN --key ID; reports and forms are read by allocate follow-up PLAN REPORT..."
        ),
        Misplaced::Toml => say!(
            lang,
            "ge en befolkningsfil som den laddas ner från SCB (CSV, XLSX, JSON-stat eller PX), eller en plan och en av dess nycklar: allocate split {amount} --plan PLAN --key ID",
            "give a population file as downloaded from SCB (CSV, XLSX, JSON-stat or PX), or a plan and one of its keys: allocate split {amount} --plan PLAN --key ID"
        ),
    };
    let message = match at {
        Some(_) if !text.is_empty() => message,
        _ => format!("{shown}: {message}"),
    };
    let source = Source::new(path.to_path_buf(), text.to_string());
    render_file_problem(&source, at, "key-file", &message, &hint, style) + "\n"
}

/// A file's folder, `.` for a file named without one.
fn folder_or_here(dir: &Path) -> &Path {
    if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }
}

/// Something that failed beside what the command was asked for: told on standard error as a
/// warning, while the command still gives its output and its own exit status.
#[derive(Debug)]
pub enum Warning {
    /// The job summary (`$GITHUB_STEP_SUMMARY`) of `check --format github` could not be
    /// appended to: the annotations on standard output carry the findings all the same.
    StepSummary {
        path: PathBuf,
        problem: SummaryProblem,
    },
}

/// Why the job summary could not be appended to.
#[derive(Debug)]
pub enum SummaryProblem {
    /// The path is a folder.
    Folder,
    /// The path is a named pipe, a device or a socket: not opened, since opening a pipe
    /// without a reader would wait for ever.
    NotRegular(crate::input::read::Special),
    /// Opening or writing failed; the file is as it was.
    Io(std::io::Error),
    /// Writing failed, and what was appended after byte `from` could not be taken back.
    LeftBehind { error: std::io::Error, from: u64 },
}

impl Warning {
    /// The warning as the user reads it, one line.
    pub fn render(&self, lang: Lang) -> String {
        let prefix = lang.pick("varning: ", "warning: ");
        let text = match self {
            Warning::StepSummary { path, problem } => {
                let path = shown_path(path);
                let why = match problem {
                    SummaryProblem::Folder => {
                        lang.pick("det är en mapp", "it is a folder").to_string()
                    }
                    SummaryProblem::NotRegular(special) => {
                        let kind = crate::output::words::load::special_kind(*special, lang);
                        say!(
                            lang,
                            "det är {kind}, inte en vanlig fil, och öppnades inte",
                            "it is {kind}, not a regular file, and was not opened"
                        )
                    }
                    SummaryProblem::Io(error) => {
                        let why = io_words(error, lang);
                        say!(
                            lang,
                            "{why}. Inget lämnades kvar",
                            "{why}. Nothing was left behind"
                        )
                    }
                    SummaryProblem::LeftBehind { error, from } => {
                        let why = io_words(error, lang);
                        let from = number::count(*from, lang);
                        say!(
                            lang,
                            "{why}. Det som lades till efter byte {from} kunde inte tas bort och är ofullständigt",
                            "{why}. What was appended after byte {from} could not be taken away and is incomplete"
                        )
                    }
                };
                say!(
                    lang,
                    "kunde inte skriva jobbets sammanfattning {path} (GITHUB_STEP_SUMMARY): {why}. Fynden står ändå på skärmen (standard output).",
                    "could not write the job summary {path} (GITHUB_STEP_SUMMARY): {why}. The findings are on standard output all the same."
                )
            }
        };
        format!("{prefix}{text}\n")
    }
}

/// How an error of the command line or of running the command begins, the tool's own as
/// clap's: `fel: ` (`error: `), as a finding's `fel[code]:` does.
pub fn prefix(lang: Lang) -> &'static str {
    lang.pick("fel: ", "error: ")
}

/// The closing sentence of an error that is a fault of `allocate` itself.
fn fault(lang: Lang) -> &'static str {
    lang.pick(
        "Det är ett fel i allocate; skriv gärna till utvecklarna om det.",
        "This is a fault in allocate; please report it.",
    )
}

/// What a year must be, for `init --year`: `ange ett årtal mellan 1000 och 9998`.
fn year_hint(lang: Lang) -> String {
    let (low, high) = (YEARS.start(), YEARS.end());
    say!(
        lang,
        "ange ett årtal mellan {low} och {high}",
        "give a year between {low} and {high}"
    )
}

/// Why `init --year` refused a value that is no year (`abc`, `4294967296`): the value parser's
/// reason, which the usage error gives after the value.
pub fn not_a_year(lang: Lang) -> String {
    let hint = year_hint(lang);
    say!(lang, "{hint}, till exempel 2027", "{hint}, e.g. 2027")
}

/// A usage file that cannot be read, drawn with its line when it has one (a TOML error).
fn render_usage_error(error: &UsageReadError, style: Style) -> String {
    let (message, hint) = followup_words::read_error(error, style.lang);
    match error {
        UsageReadError::Toml {
            source,
            error: ParseError {
                span: Some(span), ..
            },
        } => {
            render_located(
                &Located {
                    source,
                    place: FilePlace::Span(span.clone()),
                    severity: crate::core::finding::Severity::Error,
                    code: "read-error",
                    message: &message,
                    figures: None,
                    hint: &hint,
                    related: None,
                },
                style,
            ) + "\n"
        }
        _ => {
            let source = Source::new(error.path(), String::new());
            render_file_problem(&source, None, "read-error", &message, &hint, style) + "\n"
        }
    }
}

/// Why an XLSX workbook cannot be written, and what to use instead.
/// Files in a folder by name, as a message lists them: a folder of hundreds by its first few.
fn files_named(names: &[String], lang: Lang) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| crate::output::text::named(n).into_owned())
        .collect();
    crate::output::words::listed_first(&names, 10, lang)
}

/// An amount Excel would round, in words: "beloppet 1 000 000 000 000 001 kr har fler siffror
/// än Excel visar exakt (15) och skulle avrundas", the same for every file Excel opens.
fn excel_rounds(amount: Amount, lang: Lang) -> String {
    let amount = lang.amount(amount);
    let digits = crate::output::xlsx::EXCEL_DIGITS;
    say!(
        lang,
        "beloppet {amount} har fler siffror än Excel visar exakt ({digits}) och skulle avrundas",
        "the amount {amount} has more digits than Excel shows exactly ({digits}) and would be rounded"
    )
}

fn xlsx_words(failure: &crate::output::xlsx::XlsxFailure, lang: Lang) -> String {
    use crate::output::xlsx::{EXCEL_MAX_COLUMNS, XlsxFailure};
    use rust_xlsxwriter::XlsxError;
    let count = |n: usize| number::count(u64::try_from(n).unwrap_or(u64::MAX), lang);
    match failure {
        XlsxFailure::TooManyColumns { sheet, columns } => {
            let (columns, max) = (count(*columns), count(EXCEL_MAX_COLUMNS));
            say!(
                lang,
                "XLSX kan inte skrivas: bladet {sheet} skulle få {columns} kolumner och Excel rymmer {max}. Exportera som CSV i stället (--format csv), eller begränsa med --view, --area, --actor eller --kommun.",
                "XLSX cannot be written: the sheet {sheet} would have {columns} columns and Excel holds {max}. Export as CSV instead (--format csv), or narrow it with --view, --area, --actor or --kommun."
            )
        }
        XlsxFailure::NotExact(amount) => {
            let too_long = excel_rounds(*amount, lang);
            say!(
                lang,
                "XLSX kan inte skrivas: {too_long}. Skriv som JSON i stället (--format json), eller som CSV för program (--format csv --csv rfc4180): Excel avrundar beloppet också när det öppnar en CSV-fil.",
                "XLSX cannot be written: {too_long}. Write JSON instead (--format json), or CSV for programs (--format csv --csv rfc4180): Excel rounds the amount when it opens a CSV file as well."
            )
        }
        XlsxFailure::TextTooLong {
            sheet,
            row,
            column,
            chars,
        } => {
            let (chars, most) = (count(*chars), count(crate::output::xlsx::EXCEL_MAX_TEXT));
            say!(
                lang,
                "XLSX kan inte skrivas: texten i bladet {sheet}, rad {row}, kolumnen {column} har {chars} tecken som Excel räknar dem (ett emoji är två) och en cell i Excel rymmer {most}. Korta texten i planen, eller exportera som CSV i stället (--format csv).",
                "XLSX cannot be written: the text in the sheet {sheet}, row {row}, column {column} has {chars} characters as Excel counts them (an emoji is two) and a cell in Excel holds {most}. Shorten the text in the plan, or export as CSV instead (--format csv)."
            )
        }
        XlsxFailure::Library(XlsxError::RowColumnLimitError) => lang
            .pick(
                "XLSX kan inte skrivas: fler rader eller kolumner än Excel rymmer. Exportera som CSV i stället (--format csv).",
                "XLSX cannot be written: more rows or columns than Excel holds. Export as CSV instead (--format csv).",
            )
            .to_string(),
        // The workbook is built in temporary files (in TMPDIR) before it is written.
        XlsxFailure::Library(XlsxError::TempFileError(dir, error)) => {
            let (dir, why) = (shown_path(dir), io_words(error, lang));
            say!(
                lang,
                "XLSX-filen kunde inte byggas: den tillfälliga filen i {dir} kunde inte skrivas: {why}. Ange en mapp med plats och skrivrätt i TMPDIR, eller skriv som CSV i stället (--format csv).",
                "the XLSX file could not be built: the temporary file in {dir} could not be written: {why}. Set TMPDIR to a folder with space and write access, or write CSV instead (--format csv)."
            )
        }
        XlsxFailure::Library(XlsxError::IoError(error)) => {
            let why = io_words(error, lang);
            say!(
                lang,
                "XLSX-filen kunde inte skrivas: {why}. Inget lämnades kvar.",
                "the XLSX file could not be written: {why}. Nothing was left behind."
            )
        }
        XlsxFailure::TemporaryFiles(error) => {
            let dir = shown_path(&std::env::temp_dir());
            let why = error
                .as_ref()
                .map(|e| format!(": {}", io_words(e, lang)))
                .unwrap_or_default();
            say!(
                lang,
                "XLSX-filen kunde inte byggas: de tillfälliga filerna i {dir} kunde inte skrivas{why}. Ange en mapp med plats i TMPDIR, eller skriv som CSV i stället (--format csv). Inget lämnades kvar.",
                "the XLSX file could not be built: the temporary files in {dir} could not be written{why}. Set TMPDIR to a folder with space, or write CSV instead (--format csv). Nothing was left behind."
            )
        }
        XlsxFailure::Library(error) => say!(
            lang,
            "XLSX-filen kunde inte skapas (biblioteket rust_xlsxwriter svarade: {error}). Exportera som CSV i stället (--format csv).",
            "the XLSX file could not be made (the rust_xlsxwriter library said: {error}). Export as CSV instead (--format csv)."
        ),
    }
}

/// What the operating system said, in the user's language (worded in `output::words::load`).
pub fn io_words(error: &std::io::Error, lang: Lang) -> String {
    crate::output::words::load::os_error(error.into(), lang)
}

/// The first symbolic link on the way to `path` (the path itself or a folder above it) whose
/// target does not exist, with that target.
fn dangling_link(path: &Path) -> Option<(PathBuf, PathBuf)> {
    path.ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .find(|p| {
            std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
                && std::fs::metadata(p).is_err()
        })
        .and_then(|link| Some((link.to_path_buf(), std::fs::read_link(link).ok()?)))
}

/// Why a file could not be written, in words: a folder that takes no new files (`/proc`), or
/// the system's reason.
fn write_why(path: &Path, error: &std::io::Error, lang: Lang) -> String {
    // A link to nothing on the way (a share not mounted) makes the system say "exists" or
    // "not found" of a file that is not there (IO tester s42).
    if let Some((link, target)) = dangling_link(path) {
        let (link, target) = (shown_path(&link), shown_path(&target));
        return say!(
            lang,
            "{link} är en länk till {target}, som inte finns (en mapp som har flyttats eller en enhet som inte är monterad); skriv till en mapp som finns",
            "{link} is a link to {target}, which does not exist (a folder that was moved or a drive that is not mounted); write to a folder that exists"
        );
    }
    let fix = match error.kind() {
        std::io::ErrorKind::PermissionDenied => Some(lang.pick(
            "kontrollera behörigheterna, eller skriv till en mapp där du får skriva",
            "check the permissions, or write to a folder you may write in",
        )),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Some(lang.pick(
            "frigör utrymme, eller skriv till en annan disk",
            "free some space, or write to another disk",
        )),
        _ => None,
    };
    if let Some(fix) = fix {
        return format!("{}; {fix}", io_words(error, lang));
    }
    match (error.kind(), path.parent()) {
        // The file is made beside its place first; a folder that exists and says "no such
        // file" to that (`/proc`) takes no new files.
        (std::io::ErrorKind::NotFound, Some(dir)) if folder_or_here(dir).is_dir() => {
            let dir = shown_path(folder_or_here(dir));
            say!(
                lang,
                "mappen {dir} tar inte emot nya filer",
                "the folder {dir} does not take new files"
            )
        }
        _ => io_words(error, lang),
    }
}
