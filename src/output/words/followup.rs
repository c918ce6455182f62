//! The words of the follow-up: the message and hint of every usage finding, why a usage file
//! cannot be read, and what happens to a recipient's unused money. Swedish and English side
//! by side.

use crate::core::followup::summary::{LineUse, Settlement, Summary};
use crate::core::followup::{BadAmount, Figures, Overflow, StampKind, UsageProblem};
use crate::core::money::Amount;
use crate::core::population::WorkbookProblem;
use crate::core::text::fold;
use crate::core::unreadable::{BinaryKind, office_lock_of};
use crate::input::plan::{Looks, ParseError, ParseErrorKind};
use crate::input::read::ReadReason;
use crate::input::usage::UsageReadError;
use crate::output::diagnostic::column_letters;
use crate::output::lang::Lang;
use crate::output::sheet::Words;
use crate::output::words::area;
use crate::output::words::findings;
use crate::say;

/// The heading of the comments on the lines, shown with the parts when the lines are not.
pub fn comments_title(lang: Lang) -> &'static str {
    lang.pick("Kommentarer till raderna", "Comments on the lines")
}

/// Whose line a comment is on, and what it used: "Bräcke (2305), 1.3, använt 0 kr" (the
/// amount as `amount` writes it).
pub fn comment_on(line: &LineUse, amount: impl Fn(Amount) -> String, lang: Lang) -> String {
    let who = super::recipient(&line.recipient, line.kommunkod.as_deref());
    let insats = &*line.insats;
    match line.used {
        Some(used) => {
            let used = amount(used);
            say!(
                lang,
                "{who}, {insats}, använt {used}",
                "{who}, {insats}, used {used}"
            )
        }
        None => say!(
            lang,
            "{who}, {insats}, inte redovisad",
            "{who}, {insats}, not reported"
        ),
    }
}

/// "1 rad", "3 rader" ("1 line", "3 lines"): a plan's lines to report.
pub fn rows(count: usize, lang: Lang) -> String {
    super::counted(count as u64, ("rad", "rader"), ("line", "lines"), lang)
}

/// "; ej fakturerat i tid: 5 rader" after how many lines are reported, when a recipient did
/// not invoice by `invoice_by` (its lines are never reported); nothing otherwise.
pub fn not_invoiced_rows(count: usize, lang: Lang) -> String {
    if count == 0 {
        return String::new();
    }
    let rows = rows(count, lang);
    say!(
        lang,
        "; ej fakturerat i tid: {rows}",
        "; not invoiced in time: {rows}"
    )
}

/// "två gånger", "tre gånger", "13 gånger" ("twice", "three times"): up to twelve in words.
fn how_many_times(times: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = |list: &[&str; 13]| list.get(times).map(|w| (*w).to_string());
    match lang {
        Lang::Sv if times == 1 => "en gång".to_string(),
        Lang::Sv => {
            let n = words(&SV).unwrap_or_else(|| crate::output::number::count(times as u64, lang));
            format!("{n} gånger")
        }
        Lang::En if times == 1 => "once".to_string(),
        Lang::En if times == 2 => "twice".to_string(),
        Lang::En => {
            let n = words(&EN).unwrap_or_else(|| crate::output::number::count(times as u64, lang));
            format!("{n} times")
        }
    }
}

/// A column of the summary's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureColumn {
    /// What a recipient or a line received.
    Received,
    /// The same where money was not invoiced in time, and so never paid out: what it was
    /// allocated ("Tilldelat"; `received` for machines, as every year).
    Granted,
    /// What an area or an insats was allocated.
    Allocated,
    /// Moved in from the recipient's other lines less moved out to them.
    Reallocated,
    Used,
    Unused,
    NotReported,
    /// Received by a recipient that did not invoice by the plan's `invoice_by`: never paid.
    NotInvoiced,
}

/// The header of a figure column, in a sheet's words (`Words::from(lang)` on the terminal and
/// in a document).
pub fn figure_header(column: FigureColumn, words: Words) -> &'static str {
    match column {
        FigureColumn::Received => words.pick("Mottaget", "Received", "received"),
        FigureColumn::Granted => words.pick("Tilldelat", "Allocated", "received"),
        FigureColumn::Allocated => words.pick("Tilldelat", "Allocated", "allocated"),
        FigureColumn::Reallocated => words.pick("Omfördelat", "Reallocated", "reallocated"),
        FigureColumn::Used => words.pick("Använt", "Used", "used"),
        FigureColumn::Unused => words.pick("Ej använt", "Unused", "unused"),
        FigureColumn::NotReported => words.pick("Ej redovisat", "Not reported", "not_reported"),
        FigureColumn::NotInvoiced => words.pick(
            "Ej fakturerat i tid",
            "Not invoiced in time",
            "not_invoiced",
        ),
    }
}

/// The columns of a row's figures: `first` (what it received or was allocated), what was
/// moved to it from the recipient's other lines with `reallocated` (on the terminal and in a
/// document while anything was; in a sheet of lines, areas or insatser always), used and
/// unused, and not reported with `not_reported` (on the terminal and in a document while a
/// line is not reported; in a sheet always), and not invoiced in time with `not_invoiced`
/// (wherever a recipient did not invoice by the plan's `invoice_by`).
pub fn figure_columns(
    first: FigureColumn,
    reallocated: bool,
    not_reported: bool,
    not_invoiced: bool,
) -> Vec<FigureColumn> {
    // Money not invoiced in time was never paid out: what the recipients were allocated
    // (tester s38: "Mottaget 3 365 000" beside "betalades aldrig ut").
    let first = match (first, not_invoiced) {
        (FigureColumn::Received, true) => FigureColumn::Granted,
        (first, _) => first,
    };
    let mut columns = vec![first];
    if reallocated {
        columns.push(FigureColumn::Reallocated);
    }
    columns.extend([FigureColumn::Used, FigureColumn::Unused]);
    if not_reported {
        columns.push(FigureColumn::NotReported);
    }
    if not_invoiced {
        columns.push(FigureColumn::NotInvoiced);
    }
    columns
}

/// The headers of [`figure_columns`].
pub fn figure_headers(
    first: FigureColumn,
    reallocated: bool,
    (not_reported, not_invoiced): (bool, bool),
    words: Words,
) -> Vec<&'static str> {
    figure_columns(first, reallocated, not_reported, not_invoiced)
        .into_iter()
        .map(|column| figure_header(column, words))
        .collect()
}

/// "fokusområde 6", "fokusområdena 2 och 6" ("focus area 6", "focus areas 2 and 6").
pub fn focus_areas(focus: &[u32], lang: Lang) -> String {
    let numbers: Vec<String> = focus.iter().map(u32::to_string).collect();
    match numbers.as_slice() {
        [one] => say!(lang, "fokusområde {one}", "focus area {one}"),
        [rest @ .., last] => {
            let rest = rest.join(", ");
            say!(
                lang,
                "fokusområdena {rest} och {last}",
                "focus areas {rest} and {last}"
            )
        }
        [] => lang.pick("inget fokusområde", "no focus area").to_string(),
    }
}

/// A move between a recipient's lines: "omfördelat 50 000 kr från 3.6 till 3.1 inom
/// fokusområde 6"; across the agreement's areas (`areas`: from, to), each insats with its
/// area, "från 3.4 (område 3) till 1.3 (område 1)".
pub fn reallocated(
    amount: Amount,
    (from, to): (&str, &str),
    areas: (u32, u32),
    focus: &[u32],
    lang: Lang,
) -> String {
    let (amount, focus) = (lang.amount(amount), focus_areas(focus, lang));
    if areas.0 != areas.1 {
        let (from_area, to_area) = (area(areas.0, lang), area(areas.1, lang));
        return say!(
            lang,
            "omfördelat {amount} från {from} ({from_area}) till {to} ({to_area}) inom {focus}",
            "reallocated {amount} from {from} ({from_area}) to {to} ({to_area}) within {focus}"
        );
    }
    say!(
        lang,
        "omfördelat {amount} från {from} till {to} inom {focus}",
        "reallocated {amount} from {from} to {to} within {focus}"
    )
}

/// The header of the column of a move's areas.
pub fn moved_areas_header(lang: Lang) -> &'static str {
    lang.pick("Områden", "Areas")
}

/// The areas of a move in a table: "3", or across areas "3 → 1".
pub fn moved_areas(from: u32, to: u32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} → {to}")
    }
}

/// What a table of reallocations says below it.
pub fn reallocations_note(lang: Lang) -> &'static str {
    lang.pick(
        "Medel som inte kunde nyttjas på en rad har mottagaren omfördelat till en annan av sina egna rader inom samma beslutade fokusområden, som beslutet tillåter: de räknas som använda där och betalas inte tillbaka.",
        "Money that could not be used on one line was reallocated by the recipient to another of its own lines within the same decided focus areas, as the decision allows: it counts as used there and is not repaid.",
    )
}

/// When nothing was moved between lines.
pub fn no_reallocations(lang: Lang) -> &'static str {
    lang.pick(
        "Inga medel är omfördelade mellan rader.",
        "No money was reallocated between lines.",
    )
}

/// The note under a table of lines, some of which nobody reported on.
pub fn not_reported_legend(lang: Lang) -> &'static str {
    lang.pick("– ej redovisat", "– not reported")
}

/// Why an amount cannot be read, after "beloppet … går inte att läsa:"; `None` for a number in
/// another base than 10, which is worded whole, as in a plan ([`findings::not_decimal`]).
pub fn bad_amount(why: BadAmount, lang: Lang) -> Option<&'static str> {
    Some(match why {
        BadAmount::NotANumber => lang.pick("det är inget tal", "it is not a number"),
        BadAmount::Ambiguous => lang.pick(
            "punkten eller kommat kan vara både tusentalsavgränsare och decimaltecken",
            "the point or comma may be a thousands separator or a decimal mark",
        ),
        BadAmount::FinerThanOre => lang.pick(
            "det har fler än två decimaler (bråkdelar av öre)",
            "it has more than two decimals (fractions of öre)",
        ),
        BadAmount::TooLarge => lang.pick(
            "det är större än ett belopp kan vara (högst 9 223 372 036 854 775 807 kr)",
            "it is larger than an amount can be (at most 9,223,372,036,854,775,807 kr)",
        ),
        BadAmount::Exponent => lang.pick(
            "det är skrivet med exponent (e); skriv beloppet i kronor med alla dess siffror",
            "it is written with an exponent (e); write the amount in kronor with all its digits",
        ),
        BadAmount::Date => lang.pick(
            "det är ett datum, inte ett belopp",
            "it is a date, not an amount",
        ),
        BadAmount::Percent => lang.pick(
            "cellen är formaterad som procent, inte som kronor",
            "the cell is formatted as a percentage, not as kronor",
        ),
        BadAmount::FormatUnit => lang.pick(
            "cellen är formaterad i en annan enhet än kronor",
            "the cell is formatted in another unit than kronor",
        ),
        BadAmount::Formula => lang.pick(
            "det är en formel vars värde inte är sparat; öppna filen i ett kalkylprogram och spara den, eller skriv beloppet",
            "it is a formula whose value was not saved; open the file in a spreadsheet and save it, or write the amount",
        ),
        BadAmount::Float => lang.pick(
            "det är ett decimaltal (ett TOML-flyttal)",
            "it is a decimal number (a TOML float)",
        ),
        BadAmount::NotDecimal { .. } => return None,
    })
}

/// A finding's message; `files` names the usage files as given, by their index.
pub fn message(problem: &UsageProblem, files: &[String], lang: Lang) -> String {
    let amount = |a: &Amount| lang.amount(*a);
    match problem {
        UsageProblem::ExceedsReceived {
            recipient,
            insats,
            received,
            used,
            ..
        } => {
            let (received, used) = (amount(received), amount(used));
            say!(
                lang,
                "{recipient} har använt {used} av insats `{insats}` men fick {received}",
                "{recipient} used {used} of insats `{insats}` but received {received}"
            )
        }
        UsageProblem::Reallocated(moved) => {
            let (received, used) = (amount(&moved.received), amount(&moved.used));
            let recipient = &moved.recipient;
            let to = &moved.to;
            let what = reallocated(
                moved.amount,
                (&moved.from, to),
                moved.areas,
                &moved.focus,
                lang,
            );
            say!(
                lang,
                "{recipient} har använt {used} av insats `{to}`, som fick {received}: {what}",
                "{recipient} used {used} of insats `{to}`, which received {received}: {what}"
            )
        }
        UsageProblem::UnknownInsats { insats, .. } => {
            // What a form says, quoted as an excerpt (a cell may hold a whole page).
            let insats = super::excerpt(insats);
            say!(
                lang,
                "insats `{insats}` finns inte i planen",
                "there is no insats `{insats}` in the plan"
            )
        }
        UsageProblem::NotRecipientsLine {
            recipient, insats, ..
        } => say!(
            lang,
            "{recipient} får inga medel ur insats `{insats}`",
            "{recipient} receives no money from insats `{insats}`"
        ),
        UsageProblem::RowWithoutInsats => say!(
            lang,
            "ett använt belopp på en rad utan insats",
            "an amount used on a row without an insats"
        ),
        UsageProblem::BelowTotal { line } => say!(
            lang,
            "ett använt belopp under summaraden på rad {line}: summaraden avslutar blankettens rader, så beloppet räknas inte",
            "an amount used below the total row on line {line}: the total row ends the form's rows, so the amount is not counted"
        ),
        UsageProblem::UnknownRecipient { name, .. } => {
            let name = super::excerpt(name);
            say!(
                lang,
                "okänd mottagare `{name}`: ingen mottagare i planen heter så",
                "unknown recipient `{name}`: no recipient in the plan has that name"
            )
        }
        UsageProblem::NotInPlan {
            name, code, county, ..
        } => {
            let (name, code) = (super::excerpt(name), super::excerpt(code));
            say!(
                lang,
                "{name} ({code}) finns inte i planen för {county}",
                "{name} ({code}) is not in the plan for {county}"
            )
        }
        UsageProblem::NotARecipient { name } => say!(
            lang,
            "`{name}` tar inte själv emot några medel i planen",
            "`{name}` does not itself receive any money in the plan"
        ),
        UsageProblem::NoRecipient => say!(lang, "ingen mottagare anges", "no recipient is named"),
        UsageProblem::BadAmount {
            written,
            why: BadAmount::NotDecimal { radix, .. },
        } => findings::not_decimal(written, *radix, lang),
        UsageProblem::BadAmount { written, why } => {
            let why = bad_amount(*why, lang).unwrap_or_default();
            say!(
                lang,
                "beloppet \"{written}\" går inte att läsa: {why}",
                "the amount \"{written}\" cannot be read: {why}"
            )
        }
        UsageProblem::BadReceived {
            insats,
            written,
            why: BadAmount::Ambiguous,
            plan,
        } => {
            let plan = amount(plan);
            say!(
                lang,
                "mottaget belopp för insats `{insats}`, \"{written}\", är inte planens {plan} hur punkten eller kommat än läses",
                "the amount received for insats `{insats}`, \"{written}\", is not the plan's {plan} however its point or comma is read"
            )
        }
        UsageProblem::BadReceived {
            insats,
            written,
            why,
            plan,
        } => {
            let (plan, why) = (amount(plan), bad_amount(*why, lang).unwrap_or_default());
            say!(
                lang,
                "mottaget belopp för insats `{insats}`, \"{written}\", går inte att läsa: {why}; planen ger {plan}",
                "the amount received for insats `{insats}`, \"{written}\", cannot be read: {why}; the plan gives {plan}"
            )
        }
        UsageProblem::NegativeAmount { amount: a } => {
            let a = amount(a);
            say!(
                lang,
                "använt belopp {a} är negativt",
                "the amount used, {a}, is negative"
            )
        }
        UsageProblem::Duplicate {
            recipient,
            insats,
            times,
        } => {
            let times = how_many_times(*times, lang);
            say!(
                lang,
                "{recipient} har redovisat insats `{insats}` {times}",
                "{recipient} reported insats `{insats}` {times}"
            )
        }
        UsageProblem::SeveralFiles {
            recipient,
            insatser,
            files: which,
        } => {
            let named: Vec<String> = (which.iter())
                .map(|&i| format!("`{}`", files.get(i).map_or("?", String::as_str)))
                .collect();
            let named = super::listed(&named, lang);
            let ids = insatser_named(insatser, lang);
            say!(
                lang,
                "{recipient} har redovisat {ids} i mer än en fil: {named}",
                "{recipient} has reported {ids} in more than one file: {named}"
            )
        }
        UsageProblem::Copy { first, copy } => {
            let name = |i: &usize| files.get(*i).map_or("?", String::as_str);
            let (first, copy) = (name(first), name(copy));
            say!(
                lang,
                "`{copy}` är en exakt kopia av `{first}` och läses bara en gång",
                "`{copy}` is an exact copy of `{first}` and is read only once"
            )
        }
        UsageProblem::EditedReceived { insats, plan, form } => {
            let plan = amount(plan);
            match form {
                Some(form) => {
                    let form = amount(form);
                    say!(
                        lang,
                        "mottaget belopp för insats `{insats}` är ändrat till {form}; planen ger {plan}",
                        "the amount received for insats `{insats}` was changed to {form}; the plan gives {plan}"
                    )
                }
                None => say!(
                    lang,
                    "mottaget belopp för insats `{insats}` är borttaget; planen ger {plan}",
                    "the amount received for insats `{insats}` was removed; the plan gives {plan}"
                ),
            }
        }
        // An emptied cell (tester s36: "ändrat till ``").
        UsageProblem::EditedInsats { written, text_of } if written.trim().is_empty() => say!(
            lang,
            "insatsens id saknas, men beskrivningen hör till insats `{text_of}`",
            "the insats id is missing, but the description is that of insats `{text_of}`"
        ),
        UsageProblem::EditedInsats { written, text_of } => {
            let written = super::excerpt(written);
            say!(
                lang,
                "insatsens id är ändrat till `{written}`, men beskrivningen hör till insats `{text_of}`",
                "the insats id was changed to `{written}`, but the description is that of insats `{text_of}`"
            )
        }
        UsageProblem::Invoiced { written } => {
            let written = super::excerpt(written);
            say!(
                lang,
                "om samlingsfakturan är skickad: \"{written}\" är varken ja eller nej",
                "whether the collective invoice was sent: \"{written}\" is neither yes nor no"
            )
        }
        UsageProblem::InvoicedTwice {
            recipient,
            first,
            file,
        } => {
            let (first, now) = match (first, lang) {
                (true, Lang::Sv) => ("ja", "nej"),
                (false, Lang::Sv) => ("nej", "ja"),
                (true, Lang::En) => ("yes", "no"),
                (false, Lang::En) => ("no", "yes"),
            };
            match file.and_then(|i| files.get(i)) {
                Some(other) => say!(
                    lang,
                    "om samlingsfakturan för {recipient} är skickad svaras här {now}, men {first} i `{other}`",
                    "whether the collective invoice for {recipient} was sent is answered {now} here, but {first} in `{other}`"
                ),
                None => say!(
                    lang,
                    "om samlingsfakturan för {recipient} är skickad svaras här {now}, men {first} tidigare i filen",
                    "whether the collective invoice for {recipient} was sent is answered {now} here, but {first} earlier in the file"
                ),
            }
        }
        UsageProblem::NotInvoiced {
            recipient,
            invoice_by,
            answered: Some(_),
            ..
        } => say!(
            lang,
            "{recipient} har inte skickat sin samlingsfaktura, och tiden för fakturering gick ut {invoice_by}",
            "{recipient} has not sent its collective invoice, and the invoicing deadline passed on {invoice_by}"
        ),
        UsageProblem::NotInvoiced {
            recipient,
            invoice_by,
            ..
        } => say!(
            lang,
            "{recipient} har inte svarat om samlingsfakturan är skickad, och tiden för fakturering gick ut {invoice_by}",
            "{recipient} has not said whether its collective invoice was sent, and the invoicing deadline passed on {invoice_by}"
        ),
        UsageProblem::InvoiceUnanswered { recipient, unused } => {
            let unused = amount(unused);
            say!(
                lang,
                "{recipient} har inte svarat om samlingsfakturan är skickad, och har {unused} oanvänt",
                "{recipient} has not said whether its collective invoice was sent, and has {unused} unused"
            )
        }
        UsageProblem::AmountUnit { header, unit } => say!(
            lang,
            "kolumnen \"{header}\" anger beloppen i {unit}, men blanketten tar kronor",
            "the column \"{header}\" gives the amounts in {unit}, but the form takes kronor"
        ),
        UsageProblem::RepeatedColumn {
            header,
            first_header,
            first,
            second,
        } => {
            let (first, second) = (column_letters(*first), column_letters(*second));
            if fold(header) == fold(first_header) {
                say!(
                    lang,
                    "kolumnen \"{header}\" finns två gånger, i kolumn {first} och {second}",
                    "the column \"{header}\" is there twice, in column {first} and {second}"
                )
            } else {
                say!(
                    lang,
                    "kolumnerna \"{first_header}\" (kolumn {first}) och \"{header}\" (kolumn {second}) kan båda vara samma kolumn i blanketten",
                    "the columns \"{first_header}\" (column {first}) and \"{header}\" (column {second}) may both be the same column of the form"
                )
            }
        }
        UsageProblem::RepeatedLabel {
            label,
            first,
            second,
        } => say!(
            lang,
            "{label} står två gånger i blankettens huvud, på rad {first} och {second}",
            "{label} is there twice in the form's header, on line {first} and {second}"
        ),
        UsageProblem::SecondForm { line } => say!(
            lang,
            "en andra blankett börjar på rad {line}; dess rader läses inte",
            "a second form starts on line {line}; its rows are not read"
        ),
        UsageProblem::SecondSheet { sheet, form } => say!(
            lang,
            "bladet \"{sheet}\" innehåller en blankett till, utöver den på bladet \"{form}\"; arbetsboken räknas inte förrän den har en blankett",
            "the sheet \"{sheet}\" holds another form, besides the one on the sheet \"{form}\"; the workbook is not counted until it holds one form"
        ),
        UsageProblem::Merged {
            top,
            left,
            bottom,
            right,
        } => {
            let range = format!(
                "{}{top}:{}{bottom}",
                column_letters(*left),
                column_letters(*right)
            );
            say!(
                lang,
                "cellerna {range} är sammanfogade över flera av tabellens rader; vilken rad värdet hör till går inte att avgöra, och blanketten räknas inte",
                "the cells {range} are merged over several rows of the table; which row the value belongs to cannot be told, and the form is not counted"
            )
        }
        UsageProblem::UnclosedQuote { line } => say!(
            lang,
            "citattecknet som inleder fältet på rad {line} stängs aldrig; resten av filen blir ett enda fält",
            "the quote that opens the field on line {line} is never closed; the rest of the file becomes one field"
        ),
        UsageProblem::QuotedRows { line, through } => say!(
            lang,
            "fältet inom citattecken på rad {line}–{through} innehåller rader som ser ut som blankettens; ett citattecken saknas troligen",
            "the quoted field on lines {line}–{through} holds lines that look like the form's rows; a quote is probably missing"
        ),
        UsageProblem::TotalRow {
            stated, rows, text, ..
        } => {
            let (stated, rows) = (
                crate::output::number::amount(*stated, lang),
                crate::output::number::amount(*rows, lang),
            );
            let differ = say!(
                lang,
                "summaraden säger {stated} använt, men raderna ovanför summerar till {rows}",
                "the total row says {stated} used, but the rows above it add up to {rows}"
            );
            if text.is_empty() {
                return differ;
            }
            // The first few cells by name, then how many more.
            const NAMED: usize = 5;
            let references: Vec<String> = text
                .iter()
                .map(|&(row, column)| crate::output::diagnostic::cell_reference(None, row, column))
                .collect();
            let cells = super::first_of(&references, NAMED, lang);
            match text.len() {
                1 => say!(
                    lang,
                    "{differ}: beloppet i {cells} är text, som kalkylprogrammets summa hoppar över",
                    "{differ}: the amount in {cells} is text, which the spreadsheet's sum leaves out"
                ),
                _ => say!(
                    lang,
                    "{differ}: beloppen i {cells} är text, som kalkylprogrammets summa hoppar över",
                    "{differ}: the amounts in {cells} are text, which the spreadsheet's sum leaves out"
                ),
            }
        }
        UsageProblem::Overflow(Overflow {
            columns,
            beyond: Some(beyond),
            ..
        }) => {
            let last = column_letters(u32::try_from(*columns).unwrap_or(u32::MAX));
            let cell = beyond_cell(beyond);
            let text = &beyond.text;
            say!(
                lang,
                "raden har ett värde till höger om tabellens sista kolumn ({last}): \"{text}\" i {cell}; raden räknas inte",
                "the row has a value to the right of the table's last column ({last}): \"{text}\" in {cell}; the row is not counted"
            )
        }
        UsageProblem::Overflow(Overflow {
            fields,
            columns,
            delimiter: Some(_),
            ..
        }) => say!(
            lang,
            "raden har {fields} fält, men rubrikraden har {columns}; raden räknas inte",
            "the row has {fields} fields, but the header row has {columns}; the row is not counted"
        ),
        UsageProblem::Overflow(Overflow { columns, .. }) => {
            let last = column_letters(u32::try_from(*columns).unwrap_or(u32::MAX));
            say!(
                lang,
                "raden har ett värde till höger om tabellens sista kolumn ({last}); raden räknas inte",
                "the row has a value to the right of the table's last column ({last}); the row is not counted"
            )
        }
        UsageProblem::OtherPlan { stated, plan } => say!(
            lang,
            "redovisningen gäller {stated}, men planen gäller {plan}",
            "the report is for {stated}, but the plan is for {plan}"
        ),
        UsageProblem::YearSpan { stated, plan } => say!(
            lang,
            "redovisningen gäller {stated}, flera år, men planen gäller ett år: {plan}",
            "the report is for {stated}, more than one year, but the plan is for one year: {plan}"
        ),
        UsageProblem::TwoYears {
            stated,
            first,
            second,
            plan,
        } => say!(
            lang,
            "rubriken anger två år: {first} och {second} ({stated}), och planen gäller ett år: {plan}",
            "the title states two years: {first} and {second} ({stated}), and the plan is for one year: {plan}"
        ),
        UsageProblem::OtherPlanRows { rows, year, plan } => {
            let named: Vec<String> = (rows.iter())
                .map(|(kind, label, value)| stamp_row(*kind, label, value))
                .collect();
            let named = super::listed(&named, lang);
            say!(
                lang,
                "blanketten är skriven för {year}, inte för planen ({plan}): {named}",
                "the form was written for {year}, not for the plan ({plan}): {named}"
            )
        }
        UsageProblem::NoYear { foreign, .. } if !foreign.is_empty() => {
            let ids = insatser_named(foreign, lang);
            say!(
                lang,
                "redovisningen anger inte vilket år den gäller, och beskrivningarna på raderna för {ids} finns inte i planen",
                "the report does not say which year it is for, and the descriptions on the rows for {ids} are not in the plan"
            )
        }
        UsageProblem::NoYear { .. } => lang
            .pick(
                "redovisningen anger inte vilket år den gäller",
                "the report does not say which year it is for",
            )
            .to_string(),
        UsageProblem::Thousands {
            recipient,
            insats,
            used,
            received,
            ..
        } => {
            let (used, received) = (amount(&in_ore(*used)), amount(received));
            say!(
                lang,
                "beloppen som {recipient} har redovisat ser ut att vara skrivna i tusental kronor: {used} av {received} för insats `{insats}`, och inget använt belopp på blanketten når en hundradel av vad raden fick",
                "the amounts {recipient} reported look written in thousands of kronor: {used} of {received} for insats `{insats}`, and no amount used on the form reaches a hundredth of what its line received"
            )
        }
        UsageProblem::UncheckedFormats => lang
            .pick(
                "cellernas format i en XLS-fil kan inte kontrolleras: ett belopp som visas i tkr, € eller % läses som kronor",
                "the cell formats of an XLS file cannot be checked: an amount shown in tkr, € or % is read as kronor",
            )
            .to_string(),
        UsageProblem::RecipientsDisagree {
            name,
            code,
            code_is,
        } => say!(
            lang,
            "redovisningen anger mottagaren {name} men kommunkoden {code}, som är {code_is}",
            "the report names the recipient {name} but the kommunkod {code}, which is {code_is}"
        ),
        UsageProblem::Missing {
            recipient,
            insats,
            amount: a,
            ..
        } => {
            let a = amount(a);
            say!(
                lang,
                "{recipient} har inte redovisat insats `{insats}` ({a})",
                "{recipient} has not reported on insats `{insats}` ({a})"
            )
        }
        UsageProblem::NothingFilledIn {
            recipient,
            lines,
            amount: a,
        } => {
            let (a, lines) = (amount(a), rows(*lines, lang));
            say!(
                lang,
                "{recipient} har inte fyllt i något använt belopp ({lines}, {a})",
                "{recipient} has filled in no amount used ({lines}, {a})"
            )
        }
        UsageProblem::MissingRecipient {
            recipient,
            lines,
            amount: a,
            ..
        } => {
            let (a, lines) = (amount(a), rows(*lines, lang));
            say!(
                lang,
                "{recipient} har inte skickat in någon redovisning ({lines}, {a})",
                "{recipient} has sent no report ({lines}, {a})"
            )
        }
    }
}

/// An amount with öre written with both their digits (`47,60`), a whole one as it is.
/// A row of a form's header the plan fills in, as the form writes it: the decision in quotes
/// and shortened (`Beslut "SVOM 2025-03-07: Strategiska …"`), a deadline with its day
/// (`Faktureras senast 2025-08-30`), the question that holds its day as its label.
fn stamp_row(kind: StampKind, label: &str, value: &str) -> String {
    match kind {
        StampKind::Decision => format!("{label} \"{}\"", super::excerpt(value)),
        StampKind::InvoicedBy => format!("\"{}\"", crate::output::text::named(label)),
        StampKind::InvoiceBy | StampKind::Reported => {
            format!("{label} {}", super::excerpt(value))
        }
    }
}

fn in_ore(amount: Amount) -> Amount {
    match amount.0.normalize().scale() {
        0 => amount,
        _ => amount.with_decimals(2),
    }
}

/// A value right of a CSV form's table as a spreadsheet names its cell: `G13`.
fn beyond_cell(beyond: &crate::core::followup::Beyond) -> String {
    let row = u32::try_from(beyond.line).unwrap_or(u32::MAX);
    crate::output::diagnostic::cell_reference(None, row, beyond.column)
}

fn did_you_mean(s: &str, lang: Lang) -> String {
    say!(lang, "menade du `{s}`?", "did you mean `{s}`?")
}

pub fn hint(problem: &UsageProblem, lang: Lang) -> String {
    // An amount used ten to a hundred times what its line received is what the line's money
    // comes to in öre, used in part or whole (4 760 000 for 47 600 kr).
    if let UsageProblem::ExceedsReceived { received, used, .. } = problem
        && let Some(kronor) = ore_reading(*received, *used)
    {
        let (written, shown) = (lang.number(*used), lang.amount(kronor));
        let (kronor, rest) = (lang.number(kronor), exceeding(problem, false, lang));
        return say!(
            lang,
            "{written} öre är {shown}: är beloppet skrivet i öre, skriv det i kronor ({kronor}); annars {rest}",
            "{written} öre is {shown}: if the amount is written in öre, write it in kronor ({kronor}); otherwise {rest}"
        );
    }
    exceeding(problem, true, lang)
}

/// What an amount used is in kronor read as öre, when it is ten to a hundred times what its
/// line received (so that read as öre it is some or all of the line's money).
fn ore_reading(received: Amount, used: Amount) -> Option<Amount> {
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    let tenfold = received.0.checked_mul(rust_decimal::Decimal::TEN)?;
    let hundredfold = received.0.checked_mul(hundred)?;
    (received > Amount::ZERO && tenfold <= used.0 && used.0 <= hundredfold)
        .then(|| Amount((used.0 / hundred).normalize()))
}

/// A finding's hint, but for an amount that may be written in öre; `own_money` whether to
/// say what to write if the recipient paid the rest itself (not beside the öre reading: ten
/// to a hundred times the money received is no co-financing).
fn exceeding(problem: &UsageProblem, own_money: bool, lang: Lang) -> String {
    // What may be reported against the funds, and the rest, which the recipient may have
    // paid itself (tester s39: a kommun's co-financing reported as the whole cost).
    let own_money = |received: &Amount, covered: &Amount, used: &Amount| {
        if !own_money {
            return String::new();
        }
        let reportable = *received + *covered;
        let (written, own) = (lang.amount(reportable), lang.amount(*used - reportable));
        say!(
            lang,
            "; har mottagaren betalat {own} med egna medel, skriv {written} under Använt och de {own} i Kommentar",
            "; if the recipient paid {own} with its own money, write {written} under Used and the {own} in the comment"
        )
    };
    match problem {
        UsageProblem::ExceedsReceived {
            insats,
            focus,
            received,
            covered,
            used,
            ..
        } if focus.is_empty() => {
            let own = own_money(received, covered, used);
            say!(
                lang,
                "rätta beloppet: mot de här medlen kan högst det mottagna redovisas; medel får flyttas bara mellan mottagarens egna rader inom samma fokusområden, och insats `{insats}` har inga fokusområden i planen{own}",
                "correct the amount: no more than was received can be reported against these funds; money may be moved only between the recipient's own lines within the same focus areas, and insats `{insats}` has no focus areas in the plan{own}"
            )
        }
        UsageProblem::ExceedsReceived {
            focus,
            received,
            covered,
            used,
            ..
        } => {
            let own = own_money(received, covered, used);
            let focus = focus_areas(focus, lang);
            say!(
                lang,
                "rätta beloppet: mot de här medlen kan högst det mottagna redovisas, utöver det som omfördelas; medel får flyttas bara från mottagarens egna rader inom samma fokusområden ({focus}), och bara det som är oanvänt där{own}",
                "correct the amount: no more than was received can be reported against these funds, beyond what is reallocated; money may be moved only from the recipient's own lines within the same focus areas ({focus}), and only what is unused there{own}"
            )
        }
        UsageProblem::Reallocated(moved) if !moved.whole => {
            let to = &moved.to;
            say!(
                lang,
                "beslutet tillåter att ansvarig verksamhet omfördelar medel inom samma beslutade fokusområden, men det räcker inte till allt som `{to}` har använt utöver det mottagna: se felet om resten",
                "the decision allows the responsible unit to reallocate money within the same decided focus areas, but it does not cover all that `{to}` used above what it received: see the error about the rest"
            )
        }
        UsageProblem::Reallocated(moved) => {
            let from = &moved.from;
            let allowed = say!(
                lang,
                "inget att rätta: beslutet tillåter att ansvarig verksamhet omfördelar medel inom samma beslutade fokusområden; beloppet räknas som använt och inte som oanvänt på `{from}`, och betalas inte tillbaka",
                "nothing to correct: the decision allows the responsible unit to reallocate money within the same decided focus areas; the amount counts as used, not as unused on `{from}`, and is not repaid"
            );
            if moved.areas.0 == moved.areas.1 {
                return allowed;
            }
            let (from_area, to_area) = (area(moved.areas.0, lang), area(moved.areas.1, lang));
            say!(
                lang,
                "{allowed}; men medlen går från {from_area} till {to_area}, och områdena redovisas var för sig till staten: ta med flytten i återredovisningen per område",
                "{allowed}; but the money goes from {from_area} to {to_area}, and the areas are reported back to the state each on its own: include the move in the report per area"
            )
        }
        UsageProblem::UnknownInsats {
            suggestion: Some(s),
            ..
        } => did_you_mean(s, lang),
        UsageProblem::UnknownInsats { .. } => say!(
            lang,
            "ange en insats ur planen; blanketten från `allocate follow-up --forms` listar mottagarens insatser",
            "give an insats of the plan; the form from `allocate follow-up --forms` lists the recipient's insatser"
        ),
        UsageProblem::NotRecipientsLine { recipient, own, .. } => {
            let own = own.join(", ");
            say!(
                lang,
                "{recipient} får medel ur {own}; redovisa dem",
                "{recipient} receives money from {own}; report on those"
            )
        }
        UsageProblem::RowWithoutInsats => say!(
            lang,
            "skriv vilken insats beloppet gäller i kolumnen Insats",
            "write which insats the amount is for in the Insats column"
        ),
        UsageProblem::BelowTotal { .. } => say!(
            lang,
            "flytta raden ovanför summaraden (och räkna med den i summan), eller töm dess cell under Använt om den inte redovisar något",
            "move the row above the total row (and count it in the total), or empty its cell under Used if it reports nothing"
        ),
        UsageProblem::UnknownRecipient {
            suggestion: Some(s),
            ..
        } => did_you_mean(s, lang),
        UsageProblem::UnknownRecipient { .. } => say!(
            lang,
            "ange mottagaren som planen gör: aktörens namn, förkortning eller id, kommunens namn eller kommunkod",
            "name the recipient as the plan does: the actor's name, short name or id, the kommun's name or kommunkod"
        ),
        UsageProblem::NotInPlan {
            suggestion: Some(s),
            ..
        } => did_you_mean(s, lang),
        UsageProblem::NotInPlan { county, .. } => say!(
            lang,
            "ingen mottagare i planen har det namnet eller den kommunkoden: hör blanketten till ett annat län, ta bort den ur det som ges till follow-up; annars skriv Mottagare och Kommunkod som planen för {county} har dem",
            "no recipient of the plan has that name or that kommunkod: if the form belongs to another county, leave it out of what is given to follow-up; else write Recipient and Kommunkod as the plan for {county} has them"
        ),
        UsageProblem::NotARecipient { .. } => say!(
            lang,
            "redovisa för den som tar emot medlen: varje kommun och var och en av regionens enheter för sig",
            "report for whoever receives the money: each kommun and each of the region's units on its own"
        ),
        UsageProblem::NoRecipient => say!(
            lang,
            "skriv mottagarens namn efter Mottagare, som blanketten från `allocate follow-up --forms` har det; i en redovisning i TOML som `recipient`",
            "write the recipient's name after Recipient, as the form from `allocate follow-up --forms` has it; in a usage file in TOML as `recipient`"
        ),
        UsageProblem::BadAmount {
            why: BadAmount::NotDecimal { value, .. },
            ..
        } => findings::write_decimal(*value, false, lang),
        UsageProblem::BadAmount {
            written,
            why: BadAmount::Float,
        } => float_hint(Some(&written.replace('_', "")), lang),
        UsageProblem::BadAmount { .. } => say!(
            lang,
            "skriv beloppet i kronor, till exempel 21200 eller 21 200, och öre med decimalkomma: 21200,50",
            "write the amount in kronor, for example 21200 or 21 200, and öre after a decimal comma: 21200,50"
        ),
        UsageProblem::NegativeAmount { .. } => say!(
            lang,
            "skriv det som har använts, 0 eller mer; det som ska betalas tillbaka räknas fram ur det som inte har använts",
            "write what was used, 0 or more; what is to be repaid is worked out from what was not used"
        ),
        UsageProblem::Duplicate { .. } => say!(
            lang,
            "ta bort den ena raden, eller lägg ihop beloppen på en rad",
            "remove one of the rows, or add the amounts up on one row"
        ),
        UsageProblem::SeveralFiles { files, .. } => {
            let (sv, en) = match files.len() {
                2 => ("den andra", "the other"),
                _ => ("de andra", "the others"),
            };
            say!(
                lang,
                "behåll den redovisning som gäller (fråga mottagaren om det inte syns vilken, till exempel den rättade) och ta bort {sv} ur det som ges till follow-up, eller insatsens rad ur den om filen också redovisar annat (en TOML-fil för flera enheter); belopp från olika filer läggs aldrig ihop",
                "keep the report that holds (ask the recipient if it does not show which, for example the corrected one) and remove {en} from what is given to follow-up, or the insats's row from it if the file reports more (a TOML file for several units); amounts from different files are never added up"
            )
        }
        UsageProblem::Copy { .. } => say!(
            lang,
            "inget att rätta: filerna är likadana byte för byte (samma bilaga sparad två gånger); ta bort kopian ur det som ges till follow-up, så försvinner varningen",
            "nothing to correct: the files are the same byte for byte (one attachment saved twice); leave the copy out of what is given to follow-up, and the warning goes"
        ),
        UsageProblem::EditedReceived { plan, .. } | UsageProblem::BadReceived { plan, .. } => {
            let plan = lang.amount(*plan);
            say!(
                lang,
                "skriv tillbaka {plan}: mottaget belopp kommer ur beslutet och ändras inte på blanketten; fyll bara i Använt och Kommentar",
                "put back {plan}: the amount received comes from the decision and is not changed on the form; fill in only Used and Comment"
            )
        }
        UsageProblem::EditedInsats { written, text_of } => {
            // The same number written otherwise (`3.1` for `3.10`, `2,5` for `2.5`): a
            // spreadsheet read the id as a number.
            let number = |t: &str| t.trim().replace(',', ".").parse::<f64>().ok();
            let read_as_number = number(written).is_some() && number(written) == number(text_of);
            match read_as_number {
                true => say!(
                    lang,
                    "skriv tillbaka `{text_of}`; raden räknas inte förrän id och beskrivning hör ihop (kalkylprogrammet har läst `{text_of}` som talet {written}: använd XLSX-blanketten, eller öppna CSV-filen med kolumnen som text)",
                    "put back `{text_of}`; the row is not counted until id and description belong together (the spreadsheet read `{text_of}` as the number {written}: use the XLSX form, or open the CSV file with the column as text)"
                ),
                false => say!(
                    lang,
                    "skriv tillbaka `{text_of}`; raden räknas inte förrän id och beskrivning hör ihop",
                    "put back `{text_of}`; the row is not counted until id and description belong together"
                ),
            }
        }
        UsageProblem::Invoiced { .. } => say!(lang, "skriv ja eller nej", "write yes or no"),
        UsageProblem::InvoicedTwice { .. } => say!(
            lang,
            "svara på ett ställe, eller likadant i båda; det avgör om oanvända medel dras av på samlingsfakturan eller betalas tillbaka",
            "answer in one place, or the same in both; it decides whether unused money is deducted from the collective invoice or paid back"
        ),
        UsageProblem::NotInvoiced {
            invoice_by,
            decided,
            answered: Some(_),
            ..
        } => {
            let goes_to = not_invoiced_goes_to(*decided, lang);
            say!(
                lang,
                "medlen betalades aldrig ut: det redovisade räknas inte som användning av dem, de ska inte faktureras nu, och de ingår inte i återbetalningen till Kammarkollegiet: {goes_to} (tidsgränsen var {invoice_by}); skickades fakturan i tid, svara ja",
                "the money was never paid out: what is reported does not count as its use, it is not to be invoiced now, and it is not part of the repayment to Kammarkollegiet: {goes_to} (the deadline was {invoice_by}); if the invoice was sent in time, answer yes"
            )
        }
        UsageProblem::NotInvoiced {
            invoice_by,
            decided,
            ..
        } => {
            let goes_to = not_invoiced_goes_to(*decided, lang);
            say!(
                lang,
                "svara ja eller nej: skickades fakturan senast {invoice_by} betalas det oanvända tillbaka till regionen; annars betalades medlen aldrig ut, och {goes_to}; till dess är återbetalningen preliminär",
                "answer yes or no: if the invoice was sent by {invoice_by}, the unused money is paid back to the region; if not, the money was never paid out, and {goes_to}; until then the repayment is preliminary"
            )
        }
        UsageProblem::InvoiceUnanswered { .. } => say!(
            lang,
            "svara ja eller nej: är fakturan skickad betalas det oanvända tillbaka till regionen, annars dras det av från fakturan; i en redovisning i TOML `invoiced = true` eller `false`",
            "answer yes or no: if the invoice was sent, the unused money is paid back to the region, else it is taken off the invoice; in a report in TOML `invoiced = true` or `false`"
        ),
        UsageProblem::AmountUnit { header, unit } => {
            // The column's word: up to its first character that is no letter or digit
            // (`Använt` of `Använt (kr) i tkr`, `Använt/tkr`).
            let header = header.trim();
            let word = header
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            say!(
                lang,
                "skriv beloppen i kr, inte i {unit}, och rubriken som \"{word} (kr)\"; blanketten räknas inte förrän dess",
                "write the amounts in kr, not in {unit}, and the header as \"{word} (kr)\"; the form is not counted until then"
            )
        }
        UsageProblem::RepeatedColumn { .. } => say!(
            lang,
            "ta bort den ena kolumnen, eller ge den en annan rubrik; blanketten räknas inte förrän det bara finns en",
            "remove one of the columns, or give it another header; the form is not counted until there is only one"
        ),
        UsageProblem::RepeatedLabel { .. } => say!(
            lang,
            "en fil är en mottagares blankett: ta bort den ena raden, eller dela filen i en blankett per mottagare; blanketten räknas inte förrän dess",
            "a file is one recipient's form: remove one of the lines, or split the file into one form per recipient; the form is not counted until then"
        ),
        UsageProblem::SecondForm { .. } => say!(
            lang,
            "lägg varje blankett i en egen fil och ange filerna var för sig",
            "put each form in a file of its own and give the files one by one"
        ),
        UsageProblem::SecondSheet { sheet, .. } => say!(
            lang,
            "en arbetsbok är en blankett: ta bort bladet \"{sheet}\" om det är ett utkast eller en kopia (eller det andra bladet, om det är \"{sheet}\" som gäller), eller spara varje mottagares blankett i en egen fil och ange filerna var för sig",
            "a workbook is one form: delete the sheet \"{sheet}\" if it is a draft or a copy (or the other sheet, if \"{sheet}\" is the one that counts), or save each recipient's form in a file of its own and give the files one by one"
        ),
        UsageProblem::Merged { .. } => say!(
            lang,
            "dela upp de sammanfogade cellerna (Dela upp celler) och skriv varje rads värde på sin egen rad; blanketten räknas inte förrän dess",
            "unmerge the cells (Unmerge Cells) and write each row's value on its own row; the form is not counted until then"
        ),
        UsageProblem::UnclosedQuote { .. } | UsageProblem::QuotedRows { .. } => say!(
            lang,
            "sätt ett citattecken (\") där fältets text slutar, eller ta bort det som inleder fältet; blanketten räknas inte förrän dess",
            "put a quote (\") where the field's text ends, or remove the one that opens it; the form is not counted until then"
        ),
        UsageProblem::TotalRow { text, .. } if !text.is_empty() => say!(
            lang,
            "skriv beloppen som tal (markera cellerna och välj Konvertera till tal), så att summaraden räknar med dem; blanketten räknas inte förrän summaraden stämmer",
            "enter the amounts as numbers (select the cells and choose Convert to Number), so that the total row counts them; the form is not counted until the total row agrees"
        ),
        UsageProblem::TotalRow { subtotal: true, .. } => say!(
            lang,
            "summaradens formel (SUBTOTAL, DELSUMMA) räknar inte med rader som är dolda eller bortfiltrerade: visa alla rader, ta bort filtret och spara blanketten igen i ett kalkylprogram, så att summaraden räknar med alla rader; stämmer den inte då, rätta raderna eller summaraden; blanketten räknas inte förrän dess",
            "the total row's formula (SUBTOTAL) leaves out rows that are hidden or filtered out: show every row, remove the filter and save the form again in a spreadsheet program, so that the total row counts every row; if it still disagrees, correct the rows or the total row; the form is not counted until then"
        ),
        UsageProblem::TotalRow { computed: true, .. } => say!(
            lang,
            "öppna blanketten i ett kalkylprogram och spara den igen, så att formlerna räknas om (den fylldes kanske i av ett program som inte räknar om dem); stämmer summaraden inte då, rätta raderna eller summaraden; blanketten räknas inte förrän dess",
            "open the form in a spreadsheet program and save it again, so that its formulas are recalculated (a program that does not recalculate them may have filled it in); if the total row still disagrees, correct the rows or the total row; the form is not counted until then"
        ),
        UsageProblem::TotalRow { .. } => say!(
            lang,
            "rätta raderna eller summaraden så att de stämmer (eller ta bort summaraden: den räknas inte); blanketten räknas inte förrän dess",
            "correct the rows or the total row so that they agree (or remove the total row: it is not counted); the form is not counted until then"
        ),
        UsageProblem::Overflow(Overflow {
            delimiter: Some(delimiter),
            beyond,
            ..
        }) => {
            let name = match (delimiter, lang) {
                (',', Lang::Sv) => "ett komma".to_string(),
                (',', Lang::En) => "a comma".to_string(),
                (';', Lang::Sv) => "ett semikolon".to_string(),
                (';', Lang::En) => "a semicolon".to_string(),
                ('\t', Lang::Sv) => "en tabb".to_string(),
                ('\t', Lang::En) => "a tab".to_string(),
                (c, _) => format!("`{c}`"),
            };
            match (delimiter, beyond) {
                (',', _) => say!(
                    lang,
                    "{name} i ett belopp eller en text delar det i två fält (100,000 blir 100 och 000): skriv beloppet utan det (100000) eller inom citattecken (\"59999,50\")",
                    "{name} in an amount or a text splits it into two fields (100,000 becomes 100 and 000): write the amount without it (100000) or in quotes (\"59999,50\")"
                ),
                (_, Some(beyond)) => {
                    let cell = beyond_cell(beyond);
                    say!(
                        lang,
                        "skriv en kommentar under Kommentar och töm {cell}; {name} inne i en text delar den i två fält, så skriv en sådan text inom citattecken",
                        "write a comment under Comment and empty {cell}; {name} inside a text splits it into two fields, so write such a text in quotes"
                    )
                }
                (d, None) => {
                    let shown = match d {
                        '\t' => "⇥".to_string(),
                        d => d.to_string(),
                    };
                    say!(
                        lang,
                        "{name} i ett belopp eller en text delar det i två fält (100{shown}000 blir 100 och 000): skriv beloppet utan det (100000) och en sådan text inom citattecken",
                        "{name} in an amount or a text splits it into two fields (100{shown}000 becomes 100 and 000): write the amount without it (100000) and such a text in quotes"
                    )
                }
            }
        }
        UsageProblem::Overflow(_) => say!(
            lang,
            "skriv beloppet under Använt och kommentaren under Kommentar, och töm cellen utanför tabellen",
            "write the amount under Used and the comment under Comment, and empty the cell outside the table"
        ),
        UsageProblem::TwoYears { plan, .. } => say!(
            lang,
            "skriv ett år i rubriken, planens ({plan}), och inget annat år inom parentes; blanketten räknas inte förrän dess",
            "write one year in the title, the plan's ({plan}), and no other year in brackets; the form is not counted until then"
        ),
        UsageProblem::OtherPlanRows { year, plan, .. } => say!(
            lang,
            "det här ser ut att vara mottagarens blankett för {year}: ange i stället dess blankett för {plan} (blanketterna skrivs med `allocate follow-up PLAN --forms --output MAPP`), och för inte över planens belopp till den gamla blanketten, då räknas det som användes {year} som årets; den här räknas inte",
            "this looks like the recipient's form for {year}: give its form for {plan} instead (the forms are written by `allocate follow-up PLAN --forms --output DIR`), and do not copy the plan's amounts onto the old form, which would count what was used in {year} as this year's; this one is not counted"
        ),
        UsageProblem::OtherPlan { plan, .. } | UsageProblem::YearSpan { plan, .. } => say!(
            lang,
            "ange redovisningen för {plan} (blanketterna skrivs med `allocate follow-up PLAN --forms --output MAPP`); den här räknas inte",
            "give the report for {plan} (the forms are written by `allocate follow-up PLAN --forms --output DIR`); this one is not counted"
        ),
        UsageProblem::UncheckedFormats => lang
            .pick(
                "spara blanketten som XLSX (Excel-arbetsbok) och ange den i stället, så kontrolleras varje cells format; annars kontrollera att varje använt belopp är skrivet i kronor (inte tkr, euro eller procent)",
                "save the form as XLSX (Excel workbook) and give that instead, so that each cell's format is checked; otherwise check that every amount used is written in kronor (not thousands, euros or per cent)",
            )
            .to_string(),
        UsageProblem::Thousands { used, unused, .. } => {
            let kronor = lang.number(Amount(
                (used.0.saturating_mul(rust_decimal::Decimal::ONE_THOUSAND)).normalize(),
            ));
            let (written, unused) = (lang.number(in_ore(*used)), lang.amount(*unused));
            say!(
                lang,
                "skriv beloppen i kronor, till exempel {kronor} i stället för {written}: läst som kronor är {unused} oanvänt och ska betalas tillbaka; har mottagaren verkligen använt så lite, redovisa dess rader i en TOML-fil i stället för blanketten (i en slutlig uppföljning är det här ett fel)",
                "write the amounts in kronor, for example {kronor} for {written}: read as kronor, {unused} is unused and to be repaid; if the recipient really used that little, report its lines in a TOML file instead of the form (in a final follow-up this is an error)"
            )
        }
        UsageProblem::NoYear {
            year, form: false, ..
        } => say!(
            lang,
            "skriv `year = {year}` överst i filen, före första [[usage]], så att förra årets redovisning inte kan räknas som årets",
            "write `year = {year}` at the top of the file, before the first [[usage]], so that last year's report cannot be counted as this year's"
        ),
        UsageProblem::NoYear {
            year,
            form: true,
            foreign,
        } if !foreign.is_empty() => say!(
            lang,
            "är det en blankett för ett annat år (beskrivningarna tyder på det), ange i stället mottagarens blankett för {year} (`allocate follow-up PLAN --forms --output MAPP`); annars låt blankettens första rad stå som den skrevs, med länet och året ({year}), och beskrivningarna som planen har dem",
            "if it is a form for another year (the descriptions suggest it), give the recipient's form for {year} instead (`allocate follow-up PLAN --forms --output DIR`); if not, keep the form's first row as it was written, with the county and the year ({year}), and the descriptions as the plan has them"
        ),
        UsageProblem::NoYear {
            year, form: true, ..
        } => say!(
            lang,
            "låt blankettens första rad stå som den skrevs, med länet och året ({year}), så att förra årets blankett inte kan räknas som årets",
            "keep the form's first row as it was written, with the county and the year ({year}), so that last year's form cannot be counted as this year's"
        ),
        UsageProblem::RecipientsDisagree { .. } => say!(
            lang,
            "rätta namnet eller kommunkoden (på en blankett Mottagare eller Kommunkod) så att de anger samma kommun; det räknas inte förrän de gör det",
            "correct the name or the kommunkod (on a form Mottagare or Kommunkod) so that they name the same kommun; it is not counted until they do"
        ),
        UsageProblem::Missing { refused, .. } if !refused.is_empty() => {
            let ids: Vec<String> = (refused.iter())
                .map(|id| match id.trim() {
                    "" => lang
                        .pick("en rad utan id", "a row without an id")
                        .to_string(),
                    id => format!("`{}`", super::excerpt(id)),
                })
                .collect();
            let ids = super::first_of(&ids, 3, lang);
            say!(
                lang,
                "är insatsen redovisad på en rad som inte räknades för sitt id ({ids}), rätta id:t där; annars fyll i använt belopp, 0 om inget har använts",
                "if the insats is reported on a row that was not counted for its id ({ids}), correct the id there; otherwise fill in the amount used, 0 if nothing was used"
            )
        }
        UsageProblem::Missing {
            comment: Some(comment),
            ..
        } => {
            let comment = super::excerpt(comment);
            say!(
                lang,
                "kommentaren på raden är \"{comment}\": om det är det använda beloppet, skriv det under Använt; annars fyll i använt belopp, 0 om inget har använts",
                "the row's comment is \"{comment}\": if that is the amount used, write it under Used; otherwise fill in the amount used, 0 if nothing was used"
            )
        }
        UsageProblem::Missing { .. } | UsageProblem::NothingFilledIn { .. } => say!(
            lang,
            "fyll i använt belopp, 0 om inget har använts",
            "fill in the amount used, 0 if nothing was used"
        ),
        UsageProblem::MissingRecipient { closing, .. } => {
            let mut hint = say!(
                lang,
                "skicka mottagarens blankett (`allocate follow-up PLAN --forms --output MAPP`) och ange den ifyllda filen efter de andra när du kör `allocate follow-up`",
                "send the recipient its form (`allocate follow-up PLAN --forms --output DIR`) and give the filled-in file on the command line, after the others"
            );
            if *closing {
                hint.push_str(lang.pick(
                    "; kommer ingen redovisning, redovisa mottagarens rader som inte använda i en TOML-fil (`used = 0` och en kommentar som säger varför), så räknas pengarna som ej använda och återbetalas",
                    "; if no report comes, report the recipient's lines as not used in a TOML file (`used = 0` and a comment that says why), so that the money counts as unused and is repaid",
                ));
            }
            hint
        }
    }
}

/// "mottaget 21 200 kr, använt 25 000 kr, för mycket 3 800 kr"; with what the recipient's
/// other lines cover, "…, omfördelat hit 50 000 kr, för mycket 10 000 kr".
pub fn figures(figures: Figures, lang: Lang) -> String {
    let (received, used, covered) = match figures {
        Figures::Excess {
            received,
            used,
            covered,
        } => (received, used, covered),
        Figures::NotInvoiced {
            received,
            used,
            unused,
            beyond,
        } => return not_invoiced_figures(received, (used, beyond), unused, lang),
    };
    let difference = lang.amount(figures.uncovered().unwrap_or(Amount::ZERO));
    let (received, used) = (lang.amount(received), lang.amount(used));
    if covered.0.is_zero() {
        return say!(
            lang,
            "mottaget {received}, använt {used}, för mycket {difference}",
            "received {received}, used {used}, too much {difference}"
        );
    }
    let covered = lang.amount(covered);
    say!(
        lang,
        "mottaget {received}, använt {used}, omfördelat hit {covered}, för mycket {difference}",
        "received {received}, used {used}, reallocated to it {covered}, too much {difference}"
    )
}

/// "att få 3 365 000 kr, aldrig utbetalt; redovisat använt 3 315 000 kr, räknas inte": a
/// recipient that did not invoice in time; one that did not say, what is paid back if it did,
/// and what was never paid out if it did not.
fn not_invoiced_figures(
    received: Amount,
    (used, beyond): (Amount, Amount),
    unused: Option<Amount>,
    lang: Lang,
) -> String {
    let (all, used) = (lang.amount(received), lang.amount(used));
    match unused {
        None if beyond > Amount::ZERO => {
            let beyond = lang.amount(beyond);
            say!(
                lang,
                "att få {all}, aldrig utbetalt; redovisat använt {used}, varav {beyond} mer än raderna skulle få, räknas inte",
                "to receive {all}, never paid out; reported used {used}, of which {beyond} more than the lines were to receive, not counted"
            )
        }
        None => say!(
            lang,
            "att få {all}, aldrig utbetalt; redovisat använt {used}, räknas inte",
            "to receive {all}, never paid out; reported used {used}, not counted"
        ),
        Some(unused) => {
            let left = lang.amount(unused);
            say!(
                lang,
                "mottaget {all}, använt {used}, ej använt {left}: {left} betalas tillbaka om fakturan skickades i tid, annars betalades {all} aldrig ut",
                "received {all}, used {used}, unused {left}: {left} is paid back if the invoice was sent in time, else {all} was never paid out"
            )
        }
    }
}

/// What the related place of a finding is: where a duplicate was first reported, where a
/// column or label repeated was first.
pub fn related(problem: &UsageProblem, lang: Lang) -> &'static str {
    match problem {
        UsageProblem::RepeatedColumn { .. } | UsageProblem::RepeatedLabel { .. } => {
            lang.pick("första gången här", "first here")
        }
        UsageProblem::Reallocated(_) => {
            lang.pick("medlen kommer härifrån", "the money comes from here")
        }
        UsageProblem::SeveralFiles { .. } => lang.pick(
            "samma insats redovisad här",
            "the same insats reported here",
        ),
        UsageProblem::Copy { .. } => lang.pick("läst här", "read here"),
        UsageProblem::InvoicedTwice { first: true, .. } => {
            lang.pick("svarat ja här", "answered yes here")
        }
        UsageProblem::InvoicedTwice { first: false, .. } => {
            lang.pick("svarat nej här", "answered no here")
        }
        _ => lang.pick("först redovisad här", "first reported here"),
    }
}

/// The label of the repayment's total row: "Totalt (preliminärt)" while lines are not
/// reported, so that the repayment can still grow.
pub fn repayment_total(preliminary: bool, lang: Lang) -> &'static str {
    match preliminary {
        true => lang.pick("Totalt (preliminärt)", "Total (preliminary)"),
        false => lang.total(true),
    }
}

/// The repayment's deadline (`unused_repaid`, `by`) has passed on the day the summary is made
/// (`--date`, `today`), both as the caller writes dates.
pub fn repayment_overdue(by: &str, today: &str, lang: Lang) -> String {
    say!(
        lang,
        "Tiden för återbetalningen har gått ut: den skulle vara gjord senast {by}, och i dag är det {today}.",
        "The repayment deadline has passed: it was due by {by}, and today is {today}."
    )
}

/// How a recipient's unused money is settled, with what it invoices (`to_invoice`, written by
/// `shown`, the caller's number format) where the money may come off its collective invoice:
/// `dras av: fakturera 415 500 kr`. When all of it comes off, nothing is invoiced, and it is
/// said so, not as an amount to invoice (`fakturera 0 kr`); when nothing is unused of one
/// that has not invoiced, all of it is invoiced (`inget att dra av: fakturera 250 000 kr`).
pub fn settled(
    settlement: Settlement,
    to_invoice: Option<Amount>,
    shown: impl Fn(Amount) -> String,
    lang: Lang,
) -> String {
    let nothing = to_invoice.is_some_and(|a| a.0.is_zero());
    match (settlement, to_invoice.map(shown)) {
        (Settlement::ReduceInvoice, Some(_)) if nothing => lang
            .pick(
                "dras av helt: ingen faktura ska skickas",
                "all taken off: no invoice is to be sent",
            )
            .to_string(),
        (Settlement::ReturnOrReduce, Some(_)) if nothing => lang
            .pick(
                "tillbaka, eller avdrag om ej fakturerat: då skickas ingen faktura",
                "paid back, or off the invoice if not sent: then no invoice is sent",
            )
            .to_string(),
        (Settlement::ReduceInvoice, Some(invoice)) => crate::say!(
            lang,
            "dras av: fakturera {invoice}",
            "taken off the invoice: invoice {invoice}"
        ),
        (Settlement::InvoiceInFull, Some(invoice)) => crate::say!(
            lang,
            "inget att dra av: fakturera {invoice}",
            "nothing to take off: invoice {invoice}"
        ),
        (Settlement::ReturnOrReduce, Some(invoice)) => crate::say!(
            lang,
            "tillbaka, eller avdrag om ej fakturerat: fakturera då {invoice}",
            "paid back, or off the invoice if not sent: then invoice {invoice}"
        ),
        (Settlement::NotInvoiced, Some(all)) => crate::say!(
            lang,
            "ej fakturerat i tid: {all} betalades aldrig ut",
            "not invoiced in time: {all} never paid out"
        ),
        (Settlement::ReturnOrNotInvoiced, Some(all)) => crate::say!(
            lang,
            "tillbaka om fakturerat i tid; annars betalades {all} aldrig ut",
            "paid back if invoiced in time; if not, {all} was never paid out"
        ),
        (other, _) => self::settlement(other, lang).to_string(),
    }
}

pub fn settlement(settlement: Settlement, lang: Lang) -> &'static str {
    match settlement {
        Settlement::Nothing => "",
        Settlement::RegionBooks => {
            lang.pick("kvar i regionens bokföring", "stays in the region's books")
        }
        Settlement::ReturnToRegion => {
            lang.pick("betalas tillbaka till regionen", "paid back to the region")
        }
        Settlement::ReduceInvoice => lang.pick(
            "dras av på samlingsfakturan",
            "taken off the collective invoice",
        ),
        Settlement::InvoiceInFull => lang.pick(
            "inget att dra av på samlingsfakturan",
            "nothing to take off the collective invoice",
        ),
        Settlement::ReturnOrReduce => lang.pick(
            "tillbaka, eller avdrag om ej fakturerat",
            "paid back, or off the invoice if not sent",
        ),
        Settlement::NotInvoiced => lang.pick(
            "ej fakturerat i tid: betalades aldrig ut",
            "not invoiced in time: never paid out",
        ),
        Settlement::ReturnOrNotInvoiced => lang.pick(
            "tillbaka om fakturerat i tid, annars aldrig utbetalt",
            "paid back if invoiced in time, else never paid out",
        ),
    }
}

/// The repayment's parts as its closing line names them: from the recipients that did not
/// say whether they invoiced (before the invoicing deadline, paid back or taken off; after
/// it, paid back if they invoiced in time), and from those that did not invoice in time.
pub fn undecided_part(invoicing_closed: bool, lang: Lang) -> &'static str {
    match invoicing_closed {
        false => lang.pick("tillbaka eller avdrag", "paid back or taken off"),
        true => lang.pick(
            "tillbaka om fakturerat i tid",
            "paid back if invoiced in time",
        ),
    }
}

/// The money not invoiced in time, as the reconciliation and the columns name it.
pub fn not_invoiced_part(lang: Lang) -> &'static str {
    lang.pick("ej fakturerat i tid", "not invoiced in time")
}

/// The first word of the closing line, what the recipients' figures add up from: "Mottaget",
/// or, where money was not invoiced in time and so never paid out, "Tilldelat" (tester s38:
/// "Mottaget 12 697 775 kr" where the region paid 9 332 775 kr).
pub fn reconciled_from(not_invoiced: bool, lang: Lang) -> &'static str {
    match not_invoiced {
        true => lang.pick("Tilldelat", "Allocated"),
        false => lang.pick("Mottaget", "Received"),
    }
}

/// Why the repayment is preliminary, where it is: lines not reported yet, else a recipient
/// that did not say whether it invoiced in time. Decided once for the terminal and the
/// document, which each set it in a sentence of their own (review s38).
pub fn preliminary_reason(summary: &Summary, lang: Lang) -> Option<&'static str> {
    let reason = match summary.totals.unreported.0.is_zero() {
        false => lang.pick(
            "inte alla rader är redovisade",
            "not every line is reported",
        ),
        true => lang.pick(
            "en mottagare har inte sagt om den fakturerade i tid",
            "a recipient did not say whether it invoiced in time",
        ),
    };
    summary.repayment.preliminary.then_some(reason)
}

/// After the closing line where money was not invoiced in time, before what was paid out.
pub fn paid_out(lang: Lang) -> &'static str {
    lang.pick("; utbetalt ", "; paid out ")
}

/// What money not invoiced by the plan's `invoice_by` goes to: what the decision's conditions
/// say (`decided`), or, with no condition on it, that it is still to be decided.
fn not_invoiced_goes_to(decided: bool, lang: Lang) -> &'static str {
    match decided {
        true => lang.pick(
            "beslutets villkor för medlen säger vad det används till",
            "the decision's conditions for the funds say what it goes to",
        ),
        false => lang.pick(
            "beslutet har inget villkor om vad medel som inte fakturerats i tid används till, så det återstår att avgöra",
            "the decision has no condition on what funds not invoiced in time go to, so that is still to be decided",
        ),
    }
}

/// What became of the money of recipients that did not invoice by the plan's `invoice_by`,
/// under the repayment: never paid out, and not repaid to Kammarkollegiet (the decision says
/// what it goes to); `None` when there is none.
pub fn not_invoiced_note(summary: &Summary, lang: Lang) -> Option<String> {
    let amount = summary.repayment.not_invoiced;
    if amount.0.is_zero() {
        return None;
    }
    let amount = lang.amount(amount);
    let by = (summary.invoice_by)
        .map(|d| say!(lang, " senast {d}", " by {d}"))
        .unwrap_or_default();
    let goes_to = not_invoiced_goes_to(summary.not_invoiced_decided, lang);
    Some(say!(
        lang,
        "Ej fakturerat i tid: {amount} betalades aldrig ut, eftersom mottagaren inte fakturerade{by}. Beloppet ingår inte i återbetalningen till Kammarkollegiet: {goes_to}.",
        "Not invoiced in time: {amount} was never paid out, since the recipient did not invoice{by}. It is not part of the repayment to Kammarkollegiet: {goes_to}."
    ))
}

/// What a usage file in TOML holds.
fn toml_shape(lang: Lang) -> &'static str {
    lang.pick(
        "överst `year = 2026`, sedan en [[usage]] per rad i planen med recipient, insats, used och ev. comment; [[recipients]] anger recipient och invoiced; se examples/follow-up-2026/redovisning-2026-regionen.toml",
        "at the top `year = 2026`, then a [[usage]] per line of the plan with recipient, insats, used and optionally comment; [[recipients]] gives recipient and invoiced; see examples/follow-up-2026/redovisning-2026-regionen.toml",
    )
}

/// What to do about a usage file in TOML that does not read: what the error itself calls for
/// where it is the same in a plan (`menade du `used`?`, quotes and brackets), else what a
/// usage file holds, never a plan's advice (`unit` under [plan]).
fn toml_hint(error: &ParseError, lang: Lang) -> String {
    match &error.kind {
        ParseErrorKind::UnknownKey { key, .. } if key == "year" || key == "county" => say!(
            lang,
            "skriv `{key} = …` överst i filen, före första [[usage]] eller [[recipients]]",
            "write `{key} = …` at the top of the file, before the first [[usage]] or [[recipients]]"
        ),
        ParseErrorKind::WrongType { expected, .. } if expected.ends_with("sequence") => lang
            .pick(
                "skriv varje rad som [[usage]] (och [[recipients]]) med dubbla hakparenteser: en lista av tabeller",
                "write each row as [[usage]] (and [[recipients]]) with double brackets: a list of tables",
            )
            .to_string(),
        ParseErrorKind::DecimalComma { written } | ParseErrorKind::NumberWithSpaces { written } => say!(
            lang,
            "skriv beloppet inom citattecken, som på blanketten, \"{written}\", eller hela kronor som ett heltal, med understreck mellan tusentalen: 21_200",
            "write the amount in quotes, as on the form, \"{written}\", or whole kronor as an integer, with underscores between thousands: 21_200"
        ),
        ParseErrorKind::AmountAsFloat { written } => float_hint(written.as_deref(), lang),
        ParseErrorKind::NotANumber { .. } => lang
            .pick(
                "skriv beloppet inom citattecken, som på blanketten, \"21 200,50\", eller hela kronor som ett heltal, 21_200",
                "write the amount in quotes, as on the form, \"21 200,50\", or whole kronor as an integer, 21_200",
            )
            .to_string(),
        ParseErrorKind::LooksLike(Looks::SpreadsheetRow) => lang
            .pick(
                "en redovisning i TOML har en uppgift per rad, `nyckel = värde`; en ifylld blankett sparad som CSV ska ha ett namn som slutar på .csv",
                "a usage file in TOML has one item per line, `key = value`; a filled-in form saved as CSV must have a name ending in .csv",
            )
            .to_string(),
        ParseErrorKind::UnknownKey { .. }
        | ParseErrorKind::UnknownValue { .. }
        | ParseErrorKind::Syntax { .. }
        | ParseErrorKind::MissingField { .. }
        | ParseErrorKind::DuplicateKey { .. }
        | ParseErrorKind::DottedKeyOnValue { .. }
        | ParseErrorKind::TypographicQuote { .. }
        | ParseErrorKind::DateWithTime
        | ParseErrorKind::WrongType { .. }
        | ParseErrorKind::IdWithSpaces
        | ParseErrorKind::NameWithSpaces
        | ParseErrorKind::InvisibleCharacter { .. }
        | ParseErrorKind::AmountAmbiguous
        | ParseErrorKind::PastedNumber { .. }
        | ParseErrorKind::NumberTooLarge { .. }
        | ParseErrorKind::TableAsList { .. }
        | ParseErrorKind::ListAsTable { .. }
        | ParseErrorKind::LooksLike(Looks::UsageReport | Looks::Plan) => {
            super::load::parse_hint(error, lang).unwrap_or_else(|| toml_shape(lang).to_string())
        }
        _ => toml_shape(lang).to_string(),
    }
}

/// What to write for a TOML float in a usage file (`used = 1350000.5`), refused as in a plan:
/// the amount as text as on a form, `"1 350 000,50"`, or whole kronor as an integer
/// (`1_350_000` for `1350000.0`, `15_000` for `1.5e4`); never a plan's `unit`. `written` is
/// the float as written, when it is a number.
fn float_hint(written: Option<&str>, lang: Lang) -> String {
    use std::str::FromStr;
    let never = lang.pick(
        "belopp är aldrig decimaltal",
        "amounts are never decimal numbers",
    );
    let value = written.and_then(|w| {
        (rust_decimal::Decimal::from_str(w).ok())
            .or_else(|| rust_decimal::Decimal::from_scientific(w).ok())
    });
    match value {
        Some(value) if value.fract().is_zero() => {
            let integer = crate::output::number::toml_amount(Amount(value.trunc()));
            say!(
                lang,
                "{never}: skriv hela kronor som ett heltal, {integer}",
                "{never}: write whole kronor as an integer, {integer}"
            )
        }
        Some(value) => {
            // Text as a Swedish form writes it, in either language (what the reader takes),
            // rounded half away from zero as in a plan (`100,125` is `100,13`).
            let quoted = crate::output::number::fixed(value, 2, Lang::Sv);
            let round = findings::round_to_ore(lang);
            if value.normalize().scale() > 2 {
                say!(
                    lang,
                    "{never}, och ett belopp har högst två decimaler (öre): {round} och skriv det inom citattecken, som på blanketten, \"{quoted}\"",
                    "{never}, and an amount has at most two decimals (öre): {round} and write it in quotes, as on the form, \"{quoted}\""
                )
            } else {
                say!(
                    lang,
                    "{never}: skriv beloppet inom citattecken, som på blanketten, \"{quoted}\", eller hela kronor som ett heltal",
                    "{never}: write the amount in quotes, as on the form, \"{quoted}\", or whole kronor as an integer"
                )
            }
        }
        None => say!(
            lang,
            "{never}: skriv beloppet inom citattecken, som på blanketten, \"21 200,50\", eller hela kronor som ett heltal, 21_200",
            "{never}: write the amount in quotes, as on the form, \"21 200,50\", or whole kronor as an integer, 21_200"
        ),
    }
}

/// `allocate`'s own follow-up summary given as returned forms: every such file, named at
/// once, and how to give the forms alone: by the forms' names in the folder of the first
/// (`'M/redovisning-*'`), with the summary written to a folder of its own.
fn own_summary(paths: &[std::path::PathBuf], lang: Lang) -> (String, String) {
    let named: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    let named = super::listed(&named, lang);
    let forms = match paths.first().and_then(|p| p.parent()) {
        Some(dir) if !dir.as_os_str().is_empty() => {
            format!("'{}'", dir.join("redovisning-*").display())
        }
        _ => "'redovisning-*'".to_string(),
    };
    let message = match paths.len() {
        1 => say!(
            lang,
            "{named} är allocates egen sammanställning av uppföljningen, inte en ifylld blankett",
            "{named} is allocate's own follow-up summary, not a filled-in form"
        ),
        _ => say!(
            lang,
            "{named} är allocates egen sammanställning av uppföljningen, inte ifyllda blanketter",
            "{named} are allocate's own follow-up summary, not filled-in forms"
        ),
    };
    let hint = say!(
        lang,
        "ta bort sammanställningen ur listan: ange bara blanketterna (till exempel {forms}) och skriv sammanställningen till en egen mapp (--output), så läses den inte som en blankett nästa gång",
        "leave the summary out: give the forms alone (e.g. {forms}) and write the summary to a folder of its own (--output), so that it is not read as a form next time"
    );
    (message, hint)
}

/// Why a usage file cannot be read, and what to do.
pub fn read_error(error: &UsageReadError, lang: Lang) -> (String, String) {
    let path = error.path().display();
    match error {
        UsageReadError::Read {
            reason: ReadReason::Binary(BinaryKind::Other),
            path: lock,
        } if let Some(workbook) = lock
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(office_lock_of) =>
        {
            (
                say!(
                    lang,
                    "{path}: är Excels låsfil för arbetsboken {workbook}, som är öppen i Excel, inte en redovisning",
                    "{path}: is Excel's lock file for the workbook {workbook}, which is open in Excel, not a usage file"
                ),
                say!(
                    lang,
                    "spara och stäng {workbook} i Excel, så tas låsfilen bort och det sparade läses; eller ange blanketterna utan låsfilen",
                    "save and close {workbook} in Excel, so that the lock file goes and what was saved is read; or give the forms without the lock file"
                ),
            )
        }
        UsageReadError::Read { reason, .. } => {
            let why = super::load::read_reason(reason, super::load::FileKind::Usage, false, lang);
            let hint = match reason {
                ReadReason::PermissionDenied => super::load::permission_hint(lang).to_string(),
                _ => say!(
                    lang,
                    "ange en ifylld blankett (CSV, XLSX, XLS eller ODS) eller en redovisning i TOML",
                    "give a filled-in form (CSV, XLSX, XLS or ODS) or a usage file in TOML"
                ),
            };
            (say!(lang, "{path}: {why}", "{path}: {why}"), hint)
        }
        UsageReadError::Workbook {
            problem: WorkbookProblem::NoSheet,
            ..
        } => (
            say!(
                lang,
                "{path}: arbetsboken har inget blad",
                "{path}: the workbook has no sheet"
            ),
            say!(
                lang,
                "ange blanketten som `allocate follow-up --forms` skrev, ifylld",
                "give the form `allocate follow-up --forms` wrote, filled in"
            ),
        ),
        UsageReadError::Workbook { problem, .. } => (
            {
                let why = super::key_file::workbook_problem(problem, lang);
                say!(
                    lang,
                    "{path}: arbetsboken kan inte läsas ({why})",
                    "{path}: the workbook cannot be read ({why})"
                )
            },
            say!(
                lang,
                "spara den som XLSX eller CSV och försök igen",
                "save it as XLSX or CSV and try again"
            ),
        ),
        UsageReadError::NotAForm { sheets, .. } => (
            match sheets {
                0 | 1 => say!(
                    lang,
                    "{path}: ingen redovisningsblankett: ingen rubrikrad med Insats och Använt",
                    "{path}: not a usage form: no header row with Insats and Used"
                ),
                n => say!(
                    lang,
                    "{path}: ingen redovisningsblankett: inget av arbetsbokens {n} blad har en rubrikrad med Insats och Använt",
                    "{path}: not a usage form: none of the workbook's {n} sheets has a header row with Insats and Used"
                ),
            },
            say!(
                lang,
                "ange blanketten som `allocate follow-up --forms` skrev, ifylld, med rubrikraden kvar; eller en redovisning i TOML (filnamn som slutar på .toml)",
                "give the form `allocate follow-up --forms` wrote, filled in, with its header row kept; or a usage file in TOML (a name ending in .toml)"
            ),
        ),
        UsageReadError::OtherEncoding { line, written, .. } => (
            say!(
                lang,
                "{path}:{line}: rubriken \"{written}\" ska vara \"Använt\": filen är sparad i en teckenkodning som inte kan läsas (Mac eller MS-DOS), så å, ä och ö blir andra tecken",
                "{path}:{line}: the heading \"{written}\" should be \"Använt\": the file is saved in a character encoding that cannot be read (Mac or MS-DOS), so å, ä and ö become other characters"
            ),
            say!(
                lang,
                "spara blanketten som \"CSV UTF-8\" (på Mac: Arkiv > Spara som > CSV UTF-8), eller skicka den som XLSX",
                "save the form as \"CSV UTF-8\" (on a Mac: File > Save As > CSV UTF-8), or send it as XLSX"
            ),
        ),
        UsageReadError::MixedEncoding { line, .. } => (
            {
                let why = super::load::mixed_encoding(lang);
                say!(lang, "{path}:{line}: {why}", "{path}:{line}: {why}")
            },
            super::load::mixed_encoding_hint(lang).to_string(),
        ),
        UsageReadError::OwnSummary { paths } => own_summary(paths, lang),
        UsageReadError::NothingReported { .. } => (
            say!(
                lang,
                "{path}: redovisningen redovisar ingenting: den har ingen [[usage]]",
                "{path}: the usage file reports nothing: it has no [[usage]]"
            ),
            toml_shape(lang).to_string(),
        ),
        UsageReadError::Toml { error, .. } => {
            let detail = super::load::parse_message(error, lang);
            (
                say!(
                    lang,
                    "redovisningen kan inte läsas: {detail}",
                    "the usage file cannot be read: {detail}"
                ),
                toml_hint(error, lang),
            )
        }
    }
}

/// Insats ids with their noun, in backticks, listed, or the first five of them and how many
/// more (`insatserna `1.1` och `2.1``).
fn insatser_named(ids: &[String], lang: Lang) -> String {
    let noun = super::insatser_before(ids.len(), lang);
    let quoted: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
    let listed = match quoted.len() {
        0..=5 => super::listed(&quoted, lang),
        _ => super::first_of(&quoted, 5, lang),
    };
    format!("{noun} {listed}")
}
