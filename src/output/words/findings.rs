//! The words of findings: one message and one hint per problem, Swedish and English side by
//! side, and the figures of a problem that compares two sums. Each figure in them (an amount,
//! a percentage, a count) is written in the `number::Style` asked for: plain for the terminal
//! and the machine formats (a language alone), typeset for a document.

use crate::core::finding::{
    CostFigure, CostReason, CostTotal, Deadline, FirstIds, FixedPart, Gap, KeyReason, Meaning,
    Misspelt, Problem, Related, SplitReason, TableFigure, TableShapeReason, TableTotalOf, Thing,
    ToFill, TreeReason,
};
use crate::core::money::Amount;
use crate::core::text::compose;
use crate::output::lang::Lang;
use crate::output::number::{self, Style};
use crate::output::text::visible;
use crate::output::words::{counted, key_file};
use crate::say;
use rust_decimal::Decimal;

/// Ids in backticks as alternatives, the first named and the rest counted: `` `a`, `b`,
/// `c` eller 2 andra ``.
fn ticked_either(ids: &FirstIds, lang: Lang) -> String {
    let ticked: Vec<String> = ids.first.iter().map(|i| format!("`{i}`")).collect();
    crate::output::words::either_first(&ticked, ids.count, lang)
}

/// The thing's name in running text ("fördelningsnyckel", "allocation key").
pub fn thing(thing: Thing, lang: Lang) -> &'static str {
    match thing {
        Thing::Area => lang.pick("område", "area"),
        Thing::Actor => lang.pick("aktör", "actor"),
        Thing::Kommun => lang.pick("kommun", "kommun"),
        Thing::Key => lang.pick("fördelningsnyckel", "allocation key"),
        Thing::Insats => lang.pick("insats", "insats"),
        Thing::Heading => lang.pick("rubrik", "heading"),
        Thing::FocusArea => lang.pick("fokusområde", "focus area"),
        Thing::Earmark => lang.pick("varav-post", "earmark"),
    }
}

/// "okänt område", "okänd aktör": Swedish ett-words take -t.
pub fn unknown_thing(t: Thing, lang: Lang) -> String {
    let neuter = matches!(t, Thing::Area | Thing::FocusArea);
    match lang {
        Lang::Sv => format!(
            "{} {}",
            if neuter { "okänt" } else { "okänd" },
            thing(t, lang)
        ),
        Lang::En => format!("unknown {}", thing(t, lang)),
    }
}

/// "den" or "det", for a Swedish sentence about the thing.
fn pronoun(t: Thing) -> &'static str {
    if matches!(t, Thing::Area | Thing::FocusArea) {
        "det"
    } else {
        "den"
    }
}

/// "först definierad": what a related place is, without where it is.
fn related_what(related: Related, lang: Lang) -> &'static str {
    match related {
        Related::FirstDefinedHere => lang.pick("först definierad", "first defined"),
        Related::FirstListedHere => lang.pick("först angiven", "first listed"),
        Related::KommunNamedHere => lang.pick(
            "kommunens namn under [[kommuner]]",
            "the kommun's name under [[kommuner]]",
        ),
    }
}

/// What to do about a kommun's name that names none when the name under `[[kommuner]]`
/// nearest to it is likelier the misspelt one: that one is named first (tester s40: "menade du
/// `Sundsval`?" spread the typo).
fn misspelt_there(written: &str, defined: &str, why: &Misspelt, lang: Lang) -> String {
    match why {
        Misspelt::Scb(code) => say!(
            lang,
            "är namnet under [[kommuner]] felstavat? Där heter kommun {code} `{defined}`, men hos SCB heter den `{written}`: rätta i så fall `name` där. Menade du annars `{defined}`?",
            "is the name under [[kommuner]] misspelt? There kommun {code} is `{defined}`, but SCB calls it `{written}`: if so, correct its `name` there. Otherwise, did you mean `{defined}`?"
        ),
        Misspelt::Written(times) => say!(
            lang,
            "är namnet under [[kommuner]] felstavat? Där heter kommunen `{defined}`, som planen inte skriver någon annanstans, medan den skriver `{written}` på {times} ställen: rätta i så fall `name` där. Menade du annars `{defined}`?",
            "is the name under [[kommuner]] misspelt? There the kommun is `{defined}`, which the plan writes nowhere else, while it writes `{written}` in {times} places: if so, correct its `name` there. Otherwise, did you mean `{defined}`?"
        ),
    }
}

/// "först definierad här": the label at a related place drawn under its line.
pub fn related(related: Related, lang: Lang) -> String {
    let what = related_what(related, lang);
    say!(lang, "{what} här", "{what} here")
}

/// "först definierad på rad 158": a related place in a line of text, where no line is drawn
/// (the CI formats).
pub fn related_at(related: Related, line: usize, lang: Lang) -> String {
    let what = related_what(related, lang);
    say!(lang, "{what} på rad {line}", "{what} at line {line}")
}

/// "nyckelfilen anges i allocations/plan-2025.toml:199:8": the plan's place of a finding
/// annotated on its key file's line (the CI formats).
pub fn key_file_named_at(plan: &str, line: usize, column: usize, lang: Lang) -> String {
    say!(
        lang,
        "nyckelfilen anges i {plan}:{line}:{column}",
        "the key file is named in {plan}:{line}:{column}"
    )
}

/// "angivet 481 000 kr, beräknat 481 600 kr, skillnad 600 kr".
pub fn figures(stated: Amount, computed: Amount, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let difference = style.amount(computed - stated);
    compared(
        &style.amount(stated),
        &style.amount(computed),
        &difference,
        lang,
    )
}

/// "angivet 132 709, beräknat 132 708, skillnad -1": a key's printed total against the sum of
/// its values, counts or percentages rather than kronor ([`key_sums`]).
pub fn key_figures(
    stated: Decimal,
    computed: Decimal,
    percent: bool,
    style: impl Into<Style>,
) -> String {
    let style = style.into();
    let lang = style.lang;
    let (stated, computed) = key_sums(stated, computed);
    let difference = computed
        .checked_sub(stated)
        .map_or_else(String::new, |d| style.key_sum(d, percent));
    let (stated, computed) = (
        style.key_sum(stated, percent),
        style.key_sum(computed, percent),
    );
    compared(&stated, &computed, &difference, lang)
}

fn compared(stated: &str, computed: &str, difference: &str, lang: Lang) -> String {
    say!(
        lang,
        "angivet {stated}, beräknat {computed}, skillnad {difference}",
        "stated {stated}, computed {computed}, difference {difference}"
    )
}

/// A key's printed total and the sum of its values with as many decimals as either has, as
/// the document's key table prints them side by side: `132 709` and `132 708`, `100,1` and
/// `100,0`.
pub fn key_sums(stated: Decimal, computed: Decimal) -> (Decimal, Decimal) {
    let decimals = stated.scale().max(computed.normalize().scale());
    let at = |mut d: Decimal| {
        d.rescale(decimals);
        d
    };
    (at(stated), at(computed))
}

/// What an amount still to be filled in is ("område 2", "insats `1.3`").
pub fn to_fill(place: &ToFill, lang: Lang) -> String {
    match place {
        ToFill::CountyTotal => say!(
            lang,
            "länets totalbelopp (`county_total`)",
            "the county total (`county_total`)"
        ),
        ToFill::StatedChange => say!(
            lang,
            "förändringen mot föregående år (`stated_change`)",
            "the change from the previous year (`stated_change`)"
        ),
        ToFill::NationalTotal => say!(
            lang,
            "överenskommelsens totalbelopp (`national_total`)",
            "the agreement's total (`national_total`)"
        ),
        ToFill::AgreementPart(r) => say!(
            lang,
            "överenskommelsens del till {r}",
            "the agreement's part for {r}"
        ),
        ToFill::Area(n) => super::area(n, lang),
        ToFill::Earmark(id) => say!(lang, "varav-posten `{id}`", "earmark `{id}`"),
        ToFill::Insats(id) => say!(lang, "insats `{id}`", "insats `{id}`"),
        ToFill::SplitEach(id) => say!(
            lang,
            "`each` i fördelningen av insats `{id}`",
            "`each` in the split of insats `{id}`"
        ),
        ToFill::Heading(t) => say!(lang, "rubriken \"{t}\"", "heading \"{t}\""),
        ToFill::Stated(l) => say!(lang, "angiven summa \"{l}\"", "stated total \"{l}\""),
        ToFill::Table { table, figure } => match figure {
            TableFigure::Cells(row) => say!(
                lang,
                "cellerna på raden \"{row}\" i tabellen `{table}`",
                "the cells of row \"{row}\" in table `{table}`"
            ),
            TableFigure::RowTotal(row) => say!(
                lang,
                "radsumman för \"{row}\" i tabellen `{table}`",
                "the row total of \"{row}\" in table `{table}`"
            ),
            TableFigure::ColumnTotals => say!(
                lang,
                "kolumnsummorna i tabellen `{table}` (`column_totals`)",
                "the column totals of table `{table}` (`column_totals`)"
            ),
            TableFigure::Total => say!(
                lang,
                "totalsumman i tabellen `{table}`",
                "the grand total of table `{table}`"
            ),
        },
        ToFill::CostSharing { table, figure } => match figure {
            CostFigure::RowTotal(row) => say!(
                lang,
                "summan (`total`) på raden \"{row}\" i kostnadsfördelningen `{table}`",
                "the total (`total`) of row \"{row}\" of cost-sharing table `{table}`"
            ),
            CostFigure::Printed(row) => say!(
                lang,
                "parternas delar (`printed`) på raden \"{row}\" i kostnadsfördelningen `{table}`",
                "the parties' parts (`printed`) of row \"{row}\" of cost-sharing table `{table}`"
            ),
            CostFigure::PartyTotals => say!(
                lang,
                "parternas summor (`party_totals`) i kostnadsfördelningen `{table}`",
                "the parties' totals (`party_totals`) of cost-sharing table `{table}`"
            ),
            CostFigure::Total => say!(
                lang,
                "totalsumman i kostnadsfördelningen `{table}`",
                "the grand total of cost-sharing table `{table}`"
            ),
        },
    }
}

/// What an ambiguous name could mean.
fn meaning(meaning: &Meaning, lang: Lang) -> String {
    match meaning {
        Meaning::KommunCode { code, name } => say!(
            lang,
            "kommunkoden för {code} {name}",
            "the kommunkod of {code} {name}"
        ),
        Meaning::KommunName { code } => {
            say!(lang, "namnet på kommun {code}", "the name of kommun {code}")
        }
        Meaning::Kommun { code, name } => {
            say!(lang, "kommunen {code} {name}", "kommun {code} {name}")
        }
        Meaning::Actor { id } => say!(lang, "aktören `{id}`", "actor `{id}`"),
        Meaning::Insats { id } => say!(lang, "insatsen `{id}`", "insats `{id}`"),
        Meaning::KommunTableColumn { column } => say!(
            lang,
            "kolumnen {column} i tabellerna per kommun",
            "the column {column} of the tables per kommun"
        ),
    }
}

/// "1 decimal", "2 decimaler".
pub fn decimals(count: u32, style: impl Into<Style>) -> String {
    let count = u64::from(count);
    counted(
        count,
        ("decimal", "decimaler"),
        ("decimal", "decimals"),
        style,
    )
}

/// "1 kolumn", "3 kolumner".
fn columns_counted(count: usize, style: Style) -> String {
    counted(
        count as u64,
        ("kolumn", "kolumner"),
        ("column", "columns"),
        style,
    )
}

/// A whole number written in base `radix` (`0x10`), in a plan or a usage file.
pub fn not_decimal(written: &str, radix: u32, lang: Lang) -> String {
    say!(
        lang,
        "{written} är skrivet i talbas {radix}; skriv belopp och tal med vanliga siffror",
        "{written} is written in base {radix}; write amounts and numbers in ordinary digits"
    )
}

/// The hint for [`not_decimal`]: the number as the plan writes it (`skriv 16`).
pub fn write_decimal(value: i64, year: bool, lang: Lang) -> String {
    let decimal = number::toml_integer(value, year);
    say!(lang, "skriv {decimal}", "write {decimal}")
}

/// "insatserna märkta `medverkan` summerar till …": the earmark as `named` names it.
fn earmark_total(named: &str, stated: Amount, computed: Amount, style: Style) -> String {
    let (stated, computed) = (style.amount(stated), style.amount(computed));
    say!(
        style.lang,
        "insatserna märkta {named} summerar till {computed}, varav-posten är {stated}",
        "the insatser tagged {named} sum to {computed}, the earmark is {stated}"
    )
}

/// The line that says what is wrong, as the reader of a final document reads it: where
/// [`message`] names a part of the plan by its id for the plan's author (`` `medverkan` ``),
/// by the title the plan gives it (tester s44 #6: the forum reads titles, not ids). `None`
/// where the message is the same for both.
pub fn reader_message(
    problem: &Problem,
    plan: &crate::core::plan::Plan,
    style: impl Into<Style>,
) -> Option<String> {
    let style = style.into();
    match problem {
        Problem::EarmarkTotal {
            earmark,
            stated,
            computed,
        } => {
            let title = (plan.areas.iter())
                .flat_map(|area| &area.earmarks)
                .find(|e| e.id.get_ref() == earmark)
                .map(|e| super::document::quoted(&e.title, style.lang))?;
            Some(earmark_total(&title, *stated, *computed, style))
        }
        _ => None,
    }
}

/// One line that says what is wrong.
pub fn message(problem: &Problem, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let a = |x: &Amount| style.amount(*x);
    match problem {
        Problem::NotDecimal { written, radix, .. } => not_decimal(written, *radix, lang),
        Problem::DuplicateId { thing: t, id } => {
            let what = thing(*t, lang);
            match lang {
                Lang::Sv => format!("{what} `{id}` finns redan"),
                Lang::En => format!("duplicate {what} `{id}`"),
            }
        }
        Problem::UnknownReference { thing: t, name, .. } => {
            let name = super::excerpt(name);
            format!("{} `{name}`", unknown_thing(*t, lang))
        }
        Problem::KommunNameAndCode {
            written,
            by_name,
            by_code,
        } => super::kommun_name_and_code(
            written,
            (&by_name.0, &by_name.1),
            (&by_code.0, &by_code.1),
            lang,
        ),
        Problem::EarmarkOfAnotherArea {
            earmark,
            area,
            insats_area,
        } => say!(
            lang,
            "varav-posten `{earmark}` hör till område {area}, inte till insatsens område {insats_area}",
            "earmark `{earmark}` belongs to area {area}, not to the insats's area {insats_area}"
        ),
        Problem::AmbiguousName {
            name,
            first,
            second,
        } => {
            let (first, second) = (meaning(first, lang), meaning(second, lang));
            say!(
                lang,
                "`{name}` betyder två saker: {first} och {second}",
                "`{name}` means two things: {first} and {second}"
            )
        }
        Problem::ActorTree { actor, reason } => match reason {
            TreeReason::OwnParent => say!(
                lang,
                "aktören `{actor}` har sig själv som `parent`",
                "actor `{actor}` is its own `parent`"
            ),
            TreeReason::Cycle => say!(
                lang,
                "aktören `{actor}` ligger (via `parent`) under sig själv",
                "actor `{actor}` is (through `parent`) under itself"
            ),
            TreeReason::UnderKommuner(group) => say!(
                lang,
                "aktören `{actor}` ligger under `{group}`, länets kommuner",
                "actor `{actor}` is under `{group}`, the county's kommuner"
            ),
            TreeReason::SecondKommunerGroup(first) => say!(
                lang,
                "aktören `{actor}` är en andra grupp av länets kommuner; `{first}` är redan det",
                "actor `{actor}` is a second group of the county's kommuner; `{first}` already is"
            ),
            TreeReason::KindUnder {
                kind,
                parent,
                parent_kind,
            } => {
                let (kind, parent_kind) = (kind.as_str(), parent_kind.as_str());
                say!(
                    lang,
                    "aktören `{actor}` (`{kind}`) kan inte ligga under `{parent}` (`{parent_kind}`)",
                    "actor `{actor}` (`{kind}`) cannot be under `{parent}` (`{parent_kind}`)"
                )
            }
        },
        Problem::ActorPayment {
            actor,
            kind,
            payment,
        } => {
            let (kind, payment) = (kind.as_str(), payment.as_str());
            say!(
                lang,
                "aktören `{actor}` (`{kind}`) kan inte få sina medel som `{payment}`",
                "actor `{actor}` (`{kind}`) cannot get its money as `{payment}`"
            )
        }
        Problem::InsatsActor {
            insats,
            repeated: None,
        } => say!(
            lang,
            "insats `{insats}` har ingen ansvarig aktör",
            "insats `{insats}` has no responsible actor"
        ),
        Problem::InsatsActor {
            insats,
            repeated: Some(actor),
        } => say!(
            lang,
            "insats `{insats}` anger aktören `{actor}` två gånger",
            "insats `{insats}` names actor `{actor}` twice"
        ),
        Problem::UnitInvalid {
            unit,
            plan_unit: None,
        } if *unit > Amount::ZERO => {
            let unit = a(unit);
            say!(
                lang,
                "enheten {unit} är finare än ett öre, det minsta belopp som betalas ut",
                "the unit {unit} is finer than one öre, the smallest amount paid out"
            )
        }
        Problem::UnitInvalid {
            unit,
            plan_unit: None,
        } => {
            let unit = a(unit);
            say!(
                lang,
                "enheten {unit} är inte ett positivt belopp",
                "the unit {unit} is not a positive amount"
            )
        }
        Problem::UnitInvalid {
            unit,
            plan_unit: Some(plan_unit),
        } => {
            let (unit, plan_unit) = (a(unit), a(plan_unit));
            say!(
                lang,
                "fördelningens enhet {unit} är inte en jämn multipel av planens enhet {plan_unit}",
                "the split's unit {unit} is not a whole multiple of the plan's unit {plan_unit}"
            )
        }
        Problem::NegativeAmount { amount } => {
            let amount = a(amount);
            say!(lang, "negativt belopp {amount}", "negative amount {amount}")
        }
        Problem::FinerThanUnit { amount, unit } => {
            let (amount, unit) = (a(amount), a(unit));
            say!(
                lang,
                "beloppet {amount} är inte jämnt delbart med planens enhet {unit}",
                "amount {amount} is not a whole multiple of the plan's unit {unit}"
            )
        }
        Problem::CountyTotal { stated, computed } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "områdena summerar till {computed}, men länets totalbelopp är {stated}",
                "the areas sum to {computed}, but the county total is {stated}"
            )
        }
        Problem::AreaTotal {
            area,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "insatserna i område {area} summerar till {computed}, men områdets belopp är {stated}",
                "the insatser of area {area} sum to {computed}, but the area amount is {stated}"
            )
        }
        Problem::InsatserTotal { stated, computed } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "alla insatser summerar efter sina fördelningar till {computed}, men länets totalbelopp är {stated}",
                "all insatser sum, after their splits, to {computed}, but the county total is {stated}"
            )
        }
        Problem::NationalSplit { stated, computed } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "överenskommelsens delar summerar till {computed}, men totalen är {stated}",
                "the agreement's parts sum to {computed}, but its total is {stated}"
            )
        }
        Problem::StatedChange {
            stated, computed, ..
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "angiven förändring mot föregående år är {stated}, men beloppen ger {computed}",
                "the stated change from the previous year is {stated}, but the totals give {computed}"
            )
        }
        Problem::StatedChangeUnchecked { stated, .. } => {
            let stated = a(stated);
            say!(
                lang,
                "förändringen mot föregående år ({stated}) kan inte kontrolleras: planen anger inte förra årets totalbelopp (`previous_county_total`)",
                "the change from the previous year ({stated}) cannot be checked: the plan does not give last year's total (`previous_county_total`)"
            )
        }
        Problem::EarmarkTotal {
            earmark,
            stated,
            computed,
        } => earmark_total(&format!("`{earmark}`"), *stated, *computed, style),
        Problem::EarmarksOverArea {
            area,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "område {area} är {stated}, men dess varav-poster summerar till {computed}",
                "area {area} is {stated}, but its earmarks sum to {computed}"
            )
        }
        Problem::SplitSum {
            insats,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "fördelningen av insats `{insats}` summerar till {computed}, men insatsens belopp är {stated}",
                "the split of insats `{insats}` sums to {computed}, but its amount is {stated}"
            )
        }
        Problem::SplitInvalid { insats, reason } => split_message(reason, insats, style),
        Problem::KeyCoverage {
            key,
            kommun,
            gap: Gap::Missing,
        } => say!(
            lang,
            "nyckeln `{key}` saknar kommunen {kommun}",
            "key `{key}` has no value for {kommun}"
        ),
        Problem::KeyCoverage {
            key,
            kommun,
            gap: Gap::Repeated,
        } => say!(
            lang,
            "nyckeln `{key}` anger kommunen {kommun} två gånger",
            "key `{key}` gives {kommun} twice"
        ),
        Problem::KeyPrecisionMissing { key, .. } => say!(
            lang,
            "procentnyckeln `{key}` anger inte sin precision",
            "percentage key `{key}` does not state its precision"
        ),
        Problem::PercentSum {
            key,
            computed: None,
        } => {
            let all = style.percent(Decimal::ONE_HUNDRED, 0);
            say!(
                lang,
                "procentsatserna i `{key}` summerar till ett tal med fler än 28 siffror, inte {all}",
                "the percentages of `{key}` sum to a number of more than 28 digits, not {all}"
            )
        }
        Problem::PercentSum {
            key,
            computed: Some(sum),
        } => {
            let (sum, all) = (
                style.decimal_percent(*sum),
                style.percent(Decimal::ONE_HUNDRED, 0),
            );
            say!(
                lang,
                "procentsatserna i `{key}` summerar till {sum}, inte {all}",
                "the percentages of `{key}` sum to {sum}, not {all}"
            )
        }
        Problem::PercentPrecision {
            key,
            value,
            precision,
        } => {
            let value = style.decimal_percent(*value);
            say!(
                lang,
                "{value} i `{key}` har fler decimaler än nyckelns precision {precision}",
                "{value} in `{key}` has more decimals than the key's precision {precision}"
            )
        }
        Problem::PercentNegative { key, kommun, value } => {
            let value = style.decimal_percent(*value);
            say!(
                lang,
                "procentsatsen för {kommun} i `{key}` är {value}; den kan inte vara negativ",
                "the percentage of {kommun} in `{key}` is {value}; it cannot be negative"
            )
        }
        Problem::PopulationNotPositive {
            key,
            kommun,
            value,
            thousands: true,
            ..
        } => {
            let read = style.decimal(*value);
            say!(
                lang,
                "folkmängden för {kommun} i `{key}` har ett komma eller en punkt före tre siffror och läses som {read}; tecknet är troligen en tusentalsavgränsare, men en folkmängd är ett heltal",
                "the population of {kommun} in `{key}` has a comma or point before three digits and reads as {read}; the sign is likely a thousands separator, but a population is a whole number"
            )
        }
        Problem::PopulationNotPositive {
            key,
            kommun,
            value,
            file,
            ..
        } => {
            let value = style.decimal(*value);
            let place = file
                .as_ref()
                .map(|(path, line)| format!(" ({}:{line})", path.display()))
                .unwrap_or_default();
            say!(
                lang,
                "folkmängden för {kommun} i `{key}`{place} är {value}; den måste vara ett positivt heltal",
                "the population of {kommun} in `{key}`{place} is {value}; it must be a positive whole number"
            )
        }
        Problem::KeyFile { key, error } => {
            let place = key_file::error_place(error);
            let what = key_file::error_message(error, style);
            say!(
                lang,
                "nyckeln `{key}`: {place}: {what}",
                "key `{key}`: {place}: {what}"
            )
        }
        Problem::KeyFileCoverage {
            key,
            path,
            column,
            mismatch,
        } => {
            let what = key_file::mismatch_message(mismatch, path, column, style);
            say!(lang, "nyckeln `{key}`: {what}", "key `{key}`: {what}")
        }
        Problem::KeyFileTotal {
            key,
            path,
            line,
            label,
            stated,
            computed,
        } => {
            let place = format!("{}:{line}", path.display());
            let what = key_file::total_text(label, *stated, *computed, style);
            say!(
                lang,
                "nyckeln `{key}`: {place}: {what}",
                "key `{key}`: {place}: {what}"
            )
        }
        Problem::KeyDefinition { key, reason } => key_message(reason, key, style),
        Problem::KeyDate {
            key,
            year,
            plan_year,
        } => say!(
            lang,
            "nyckeln `{key}` avser år {year}, mer än två år före planåret {plan_year}",
            "key `{key}` describes {year}, more than two years before the plan year {plan_year}"
        ),
        Problem::KeyDateNotFile {
            key,
            date_year,
            file_year,
        } => say!(
            lang,
            "nyckeln `{key}` har `date` år {date_year}, men filens kolumn gäller år {file_year}",
            "key `{key}` has a `date` in {date_year}, but its file's column is for {file_year}"
        ),
        Problem::KeySource {
            key,
            source,
            year,
            plan_year,
        } => say!(
            lang,
            "nyckeln `{key}` har värden ur \"{source}\" ({year}), ett tidigare år än planåret {plan_year}",
            "key `{key}` has its values from \"{source}\" ({year}), an earlier year than the plan year {plan_year}"
        ),
        Problem::DecisionDateMissing { forum } => say!(
            lang,
            "planen anger beslutande organ ({forum}) men inget beslutsdatum (`decision_date`); fakturorna hänvisar till beslutet",
            "the plan gives the deciding body ({forum}) but no decision date (`decision_date`); the invoices cite the decision"
        ),
        Problem::ContactEmail { name, email } => say!(
            lang,
            "`{email}`, e-postadressen till kontaktpersonen {name}, ser inte ut som en e-postadress: en adress har ett namn, ett @ och en domän med punkt, som namn@region.se, utan mellanslag eller osynliga tecken",
            "`{email}`, the e-mail address of the contact {name}, does not read as an address: an address has a name, one @ and a domain with a point, as name@region.se, without spaces or invisible characters"
        ),
        Problem::InvoiceByWithoutCondition { invoice_by } => {
            let by = number::date(*invoice_by, lang);
            say!(
                lang,
                "planen anger att mottagarna fakturerar senast {by} (`invoice_by`), men inget villkor under `conditions` säger vad medel som inte fakturerats då används till; uppföljningen räknar dem inte till återbetalningen till Kammarkollegiet, och beslutet säger inte vad som gäller för dem",
                "the plan has the recipients invoice by {by} (`invoice_by`), but no condition under `conditions` says what funds not invoiced by then go to; the follow-up does not count them in the repayment to Kammarkollegiet, and the decision does not say what becomes of them"
            )
        }
        Problem::ReplacesNotBefore { replaces, decided } => {
            let replaces = number::date(*replaces, lang);
            match decided {
                Some(decided) => {
                    let decided = number::date(*decided, lang);
                    say!(
                        lang,
                        "planen ersätter beslutet {replaces} (`replaces`), men beslutas själv den {decided} (`decision_date`): ett reviderat beslut ersätter ett tidigare",
                        "the plan replaces the decision of {replaces} (`replaces`) but is itself decided on {decided} (`decision_date`): a revised decision replaces an earlier one"
                    )
                }
                None => say!(
                    lang,
                    "planen ersätter beslutet {replaces} (`replaces`) men har inget eget beslutsdatum (`decision_date`), som de reviderade fördelningsbeskeden och fakturorna hänvisar till",
                    "the plan replaces the decision of {replaces} (`replaces`) but has no decision date of its own (`decision_date`), which the revised letters and invoices cite"
                ),
            }
        }
        Problem::KeyRounding {
            insats,
            key,
            precision,
            kommun,
            by_percent,
            by_counts,
            unit,
        } => {
            let moved = a(&(*by_percent - *by_counts).abs());
            let (unit, by_percent, by_counts) = (a(unit), a(by_percent), a(by_counts));
            let precision = decimals(*precision, style);
            say!(
                lang,
                "insats `{insats}`: avrundningen av `{key}` till {precision} flyttar upp till {moved} per kommun, mer än en enhet på {unit}: {kommun} får {by_percent} efter procentsatserna men {by_counts} efter befolkningstalen",
                "insats `{insats}`: rounding `{key}` to {precision} moves up to {moved} per kommun, more than one unit of {unit}: {kommun} gets {by_percent} by the percentages but {by_counts} by the population counts"
            )
        }
        Problem::SplitPrinted {
            insats,
            recipient,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "insats `{insats}`: angivet belopp för {recipient} är {stated}, fördelningsregeln ger {computed}",
                "insats `{insats}`: the amount printed for {recipient} is {stated}, the split rule gives {computed}"
            )
        }
        Problem::StatedTotal {
            label,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "angiven summa \"{label}\" är {stated}, men posterna under den summerar till {computed}",
                "stated total \"{label}\" is {stated}, but the amounts under it sum to {computed}"
            )
        }
        Problem::KeyTotal {
            key,
            stated,
            computed,
            percent,
        } => {
            let (stated, computed) = key_sums(*stated, *computed);
            let (stated, computed) = (
                style.key_sum(stated, *percent),
                style.key_sum(computed, *percent),
            );
            say!(
                lang,
                "nyckeln `{key}` har den tryckta summan {stated}, men dess värden summerar till {computed}",
                "key `{key}` has the printed total {stated}, but its values sum to {computed}"
            )
        }
        Problem::NotUnderHeading { insats } => say!(
            lang,
            "insats `{insats}` står inte under någon rubrik i sammanfattningen",
            "insats `{insats}` is under no heading of the summary"
        ),
        Problem::UnderSeveralHeadings {
            insats,
            twice_under: None,
        } => say!(
            lang,
            "insats `{insats}` står under mer än en rubrik",
            "insats `{insats}` is under more than one heading"
        ),
        Problem::UnderSeveralHeadings {
            insats,
            twice_under: Some(heading),
        } => say!(
            lang,
            "insats `{insats}` står två gånger under rubriken `{heading}`",
            "insats `{insats}` is listed twice under heading `{heading}`"
        ),
        Problem::HeadingCycle { heading } => say!(
            lang,
            "rubriken `{heading}` ligger (via `parent`) under sig själv",
            "heading `{heading}` is (through `parent`) under itself"
        ),
        Problem::DeadlineOrder { earlier, later } => {
            let (earlier_words, later_words) =
                (deadline_words(*earlier, lang), deadline_words(*later, lang));
            let earlier = earlier.key();
            say!(
                lang,
                "{later_words} infaller före {earlier_words}",
                "{later_words} comes before `{earlier}`"
            )
        }
        Problem::KommunOutsideCounty {
            kommun,
            its,
            county,
        } => {
            let (its_name, its_code, name, code) = (its.name, its.code, county.name, county.code);
            say!(
                lang,
                "kommunen {kommun} ligger i {its_name} ({its_code}), inte i planens län, {name} ({code})",
                "the kommun {kommun} lies in {its_name} ({its_code}), not in the plan's län, {name} ({code})"
            )
        }
        Problem::CountyNamesNone { written, .. } => {
            let written = visible(written);
            say!(
                lang,
                "`county` \"{written}\" är inget av Sveriges 21 län, så planen tas för en nationell: dess kommuner prövas inte mot något län",
                "`county` \"{written}\" is none of Sweden's 21 län, so the plan is taken for a national one: its kommuner are tried against no län"
            )
        }
        Problem::KommunCodeNotScbs {
            name,
            code,
            scb_code,
            code_is,
        } => match code_is {
            Some(other) => say!(
                lang,
                "{name} har kommunkod {scb_code} hos SCB, inte {code}, som är {other}",
                "{name} has kommunkod {scb_code} at SCB, not {code}, which is {other}"
            ),
            None => say!(
                lang,
                "{name} har kommunkod {scb_code} hos SCB, inte {code}, som ingen kommun har",
                "{name} has kommunkod {scb_code} at SCB, not {code}, which is no kommun's"
            ),
        },
        Problem::KommunNameNotScbs {
            name,
            code,
            scb_name,
        } => say!(
            lang,
            "kommunkod {code} är {scb_name} hos SCB, men planen skriver `{name}`",
            "kommunkod {code} is {scb_name} at SCB, but the plan writes `{name}`"
        ),
        Problem::KommunerMissing {
            county,
            count,
            missing,
        } => {
            let name = county.name;
            let missing: Vec<String> = (missing.iter())
                .map(|(code, name)| format!("{name} ({code})"))
                .collect();
            let none = missing.len() == *count;
            let missing = crate::output::words::listed(&missing, lang);
            if none {
                say!(
                    lang,
                    "{name} har {count} kommuner hos SCB och planen listar ingen av dem: {missing}",
                    "{name} has {count} kommuner at SCB and the plan lists none of them: {missing}"
                )
            } else {
                say!(
                    lang,
                    "{name} har {count} kommuner hos SCB; planen saknar {missing}",
                    "{name} has {count} kommuner at SCB; the plan lacks {missing}"
                )
            }
        }
        Problem::KommunInNoCounty { kommun, prefix } => say!(
            lang,
            "kommunkoden i {kommun} hör inte till något län: inget län har koden {prefix}",
            "the kommunkod of {kommun} belongs to no län: no län has the code {prefix}"
        ),
        Problem::KommunCodeOfCounty { kommun, county } => {
            let (name, code) = (county.name, county.code);
            say!(
                lang,
                "kommunkoden i {kommun} är länets kod, {name} ({code}), med fyra siffror: ingen kommunkod börjar eller slutar på 00",
                "the kommunkod of {kommun} is the län's code, {name} ({code}), in four digits: no kommunkod begins or ends with 00"
            )
        }
        Problem::PlanYear { year } => plan_year(&year.to_string(), lang),
        Problem::DeadlineYear {
            deadline,
            expected_year,
            ..
        } => {
            let deadline = deadline_words(*deadline, lang);
            say!(
                lang,
                "{deadline} infaller inte under {expected_year}",
                "{deadline} is not in {expected_year}"
            )
        }
        Problem::UnusedActor { actor, .. } => say!(
            lang,
            "aktören `{actor}` används inte av någon insats",
            "actor `{actor}` is not used by any insats"
        ),
        Problem::NoFocusArea { insats } => say!(
            lang,
            "insats `{insats}` anger inget fokusområde",
            "insats `{insats}` names no focus area"
        ),
        Problem::DecomposedName { name } => say!(
            lang,
            "namnet `{name}` är skrivet i uppdelad Unicode (en bokstav och ett kombinerande tecken); det jämförs i sammansatt form (NFC)",
            "the name `{name}` is written in decomposed Unicode (a letter and a combining mark); it is compared in composed form (NFC)"
        ),
        Problem::AmountToFill { place, .. } => {
            let place = to_fill(place, lang);
            say!(
                lang,
                "belopp att fylla i: {place}",
                "amount to fill in: {place}"
            )
        }
        Problem::TableShape { table, reason } => match reason {
            TableShapeReason::RepeatedId => say!(
                lang,
                "tabellen `{table}` finns redan",
                "duplicate table `{table}`"
            ),
            TableShapeReason::NoColumns => say!(
                lang,
                "tabellen `{table}` har inga kolumner",
                "table `{table}` has no columns"
            ),
            TableShapeReason::NoRows => say!(
                lang,
                "tabellen `{table}` har inga rader",
                "table `{table}` has no rows"
            ),
            TableShapeReason::RepeatedColumn(column) => say!(
                lang,
                "tabellen `{table}`: kolumnen \"{column}\" står två gånger",
                "table `{table}`: column \"{column}\" is given twice"
            ),
            TableShapeReason::NestedColumn { column, within } => say!(
                lang,
                "tabellen `{table}`: kolumnen \"{column}\" ingår i kolumnen \"{within}\", och dess pengar räknas två gånger i raderna och totalen",
                "table `{table}`: column \"{column}\" is part of column \"{within}\", and its money is counted twice in the rows and the total"
            ),
            TableShapeReason::CellCount {
                row,
                cells,
                columns,
            } => {
                let cells = counted(*cells as u64, ("cell", "celler"), ("cell", "cells"), style);
                let columns = columns_counted(*columns, style);
                say!(
                    lang,
                    "tabellen `{table}`, raden \"{row}\": {cells} men {columns}",
                    "table `{table}`, row \"{row}\": {cells} but {columns}"
                )
            }
            TableShapeReason::ColumnTotalCount { totals, columns } => {
                let totals = counted(
                    *totals as u64,
                    ("kolumnsumma", "kolumnsummor"),
                    ("column total", "column totals"),
                    style,
                );
                let columns = columns_counted(*columns, style);
                say!(
                    lang,
                    "tabellen `{table}`: {totals} men {columns}",
                    "table `{table}`: {totals} but {columns}"
                )
            }
            TableShapeReason::NotARecipient(column) => say!(
                lang,
                "tabellen `{table}`: kolumnen \"{column}\" är varken en kommun eller en aktör, så rader med `insats` kan inte jämföras med planen",
                "table `{table}`: column \"{column}\" is neither a kommun nor an actor, so rows with `insats` cannot be compared with the plan"
            ),
        },
        Problem::TableRowTotal {
            table,
            row,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "tabellen `{table}`: radsumman för \"{row}\" är {stated}, men cellerna summerar till {computed}",
                "table `{table}`: the row total of \"{row}\" is {stated}, but its cells sum to {computed}"
            )
        }
        Problem::TableColumnTotal {
            table,
            column,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "tabellen `{table}`: kolumnsumman för \"{column}\" är {stated}, men kolumnens celler summerar till {computed}",
                "table `{table}`: the column total of \"{column}\" is {stated}, but the column's cells sum to {computed}"
            )
        }
        Problem::TableTotal {
            table,
            of,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            let of = match of {
                TableTotalOf::RowTotals => lang.pick("radsummorna", "the row totals"),
                TableTotalOf::ColumnTotals => lang.pick("kolumnsummorna", "the column totals"),
                TableTotalOf::Cells => lang.pick("cellerna", "the cells"),
            };
            say!(
                lang,
                "tabellen `{table}`: totalsumman är {stated}, men {of} summerar till {computed}",
                "table `{table}`: the grand total is {stated}, but {of} sum to {computed}"
            )
        }
        Problem::TableCell {
            table,
            row,
            column,
            insats,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            say!(
                lang,
                "tabellen `{table}`, raden \"{row}\": cellen för {column} är {stated}, men insats `{insats}` ger {column} {computed}",
                "table `{table}`, row \"{row}\": the cell for {column} is {stated}, but insats `{insats}` gives {column} {computed}"
            )
        }
        Problem::CostSharingInvalid { table, reason } => {
            let what = cost_reason(reason, style);
            say!(
                lang,
                "kostnadsfördelningen `{table}`: {what}",
                "cost sharing `{table}`: {what}"
            )
        }
        Problem::CostSharingRow {
            table,
            row,
            stated,
            computed,
            by_rule,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            match by_rule {
                false => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: raden \"{row}\" har totalen {stated}, men delarna summerar till {computed}",
                    "cost sharing `{table}`: row \"{row}\" has the total {stated}, but its parts sum to {computed}"
                ),
                true => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: raden \"{row}\" har totalen {stated}, men parternas andelar, var och en avrundad, summerar till {computed}",
                    "cost sharing `{table}`: row \"{row}\" has the total {stated}, but the parties' parts, each rounded, sum to {computed}"
                ),
            }
        }
        Problem::CostSharingRule {
            table,
            row,
            printed,
            computed,
        } => {
            let list = |parts: &[(String, Amount)]| {
                parts
                    .iter()
                    .map(|(party, amount)| format!("{party} {}", a(amount)))
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            let (printed, computed) = (list(printed), list(computed));
            say!(
                lang,
                "kostnadsfördelningen `{table}`: raden \"{row}\" delas {printed}, men dess regel ger {computed}",
                "cost sharing `{table}`: row \"{row}\" is shared as {printed}, but its rule gives {computed}"
            )
        }
        Problem::CostSharingOverhead {
            table,
            row,
            party,
            percent: p,
            base,
            stated,
            computed,
        } => {
            let (p, base, stated, computed) = (percent(*p, style), a(base), a(stated), a(computed));
            match party {
                None => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: \"{row}\" är {stated}, men {p} av raderna ovanför ({base}) är {computed}",
                    "cost sharing `{table}`: \"{row}\" is {stated}, but {p} of the rows above ({base}) is {computed}"
                ),
                Some(party) => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: \"{row}\" för {party} är {stated}, men {p} av raderna ovanför ({base}) är {computed}",
                    "cost sharing `{table}`: \"{row}\" for {party} is {stated}, but {p} of the rows above ({base}) is {computed}"
                ),
            }
        }
        Problem::CostSharingTotal {
            table,
            what,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            match what {
                CostTotal::Subtotal { row, party: None } => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: \"{row}\" är {stated}, men raderna ovanför summerar till {computed}",
                    "cost sharing `{table}`: \"{row}\" is {stated}, but the rows above sum to {computed}"
                ),
                CostTotal::Subtotal {
                    row,
                    party: Some(party),
                } => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: \"{row}\" för {party} är {stated}, men raderna ovanför summerar till {computed}",
                    "cost sharing `{table}`: \"{row}\" for {party} is {stated}, but the rows above sum to {computed}"
                ),
                CostTotal::Party(party) => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: totalen för {party} är {stated}, men raderna summerar till {computed}",
                    "cost sharing `{table}`: the total for {party} is {stated}, but the rows sum to {computed}"
                ),
                CostTotal::Rows => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: totalkostnaden är {stated}, men raderna summerar till {computed}",
                    "cost sharing `{table}`: the grand total is {stated}, but the rows sum to {computed}"
                ),
                CostTotal::Parties => say!(
                    lang,
                    "kostnadsfördelningen `{table}`: totalkostnaden är {stated}, men parternas totaler summerar till {computed}",
                    "cost sharing `{table}`: the grand total is {stated}, but the parties' totals sum to {computed}"
                ),
            }
        }
        Problem::CostSharingPercent {
            table,
            party,
            stated,
            computed,
        } => {
            let (stated, computed) = (percent(*stated, style), percent(*computed, style));
            say!(
                lang,
                "kostnadsfördelningen `{table}`: andelen för {party} trycks som {stated}, men dess total av totalkostnaden är {computed}",
                "cost sharing `{table}`: the share of {party} is printed as {stated}, but its total over the grand total is {computed}"
            )
        }
        Problem::CostSharingFeeds {
            table,
            party,
            target,
            stated,
            computed,
        } => {
            let (stated, computed) = (a(stated), a(computed));
            if party == crate::core::check::cost_sharing::TOTAL {
                say!(
                    lang,
                    "kostnadsfördelningen `{table}`: totalkostnaden {stated} förs till `{target}`, som är {computed}",
                    "cost sharing `{table}`: the grand total {stated} feeds `{target}`, which is {computed}"
                )
            } else {
                say!(
                    lang,
                    "kostnadsfördelningen `{table}`: totalen för {party}, {stated}, förs till `{target}`, som är {computed}",
                    "cost sharing `{table}`: the total for {party}, {stated}, feeds `{target}`, which is {computed}"
                )
            }
        }
    }
}

/// A percentage at the decimals it is written with: `9 %`, `51,02 %`.
fn percent(value: Decimal, style: Style) -> String {
    style.percent(value, value.scale())
}

/// What is wrong with a `[[cost_sharing]]` section as written.
fn cost_reason(reason: &CostReason, style: Style) -> String {
    let lang = style.lang;
    match reason {
        CostReason::RepeatedId => lang
            .pick("`id` finns redan", "the `id` is taken by another section")
            .to_string(),
        CostReason::NoParties => lang.pick("inga parter", "no parties").to_string(),
        CostReason::RepeatedParty(party) => say!(
            lang,
            "parten `{party}` står två gånger",
            "party `{party}` is given twice"
        ),
        CostReason::PartyNamedTotal => lang
            .pick(
                "en part kan inte heta `total`, som i `feeds` står för totalkostnaden",
                "a party cannot be named `total`, which in `feeds` stands for the total cost",
            )
            .to_string(),
        CostReason::NoRows => lang.pick("inga rader", "no rows").to_string(),
        CostReason::UnknownParty { name, .. } => say!(
            lang,
            "`{name}` är inte en av parterna",
            "`{name}` is not one of the parties"
        ),
        CostReason::NoRule(row) => say!(
            lang,
            "raden \"{row}\" anger ingen regel",
            "row \"{row}\" gives no rule"
        ),
        CostReason::SeveralRules(row) => say!(
            lang,
            "raden \"{row}\" anger mer än en regel",
            "row \"{row}\" gives more than one rule"
        ),
        CostReason::RuleLength {
            row,
            given,
            parties,
        } => {
            let given = counted(*given as u64, ("tal", "tal"), ("figure", "figures"), style);
            let parties = counted(
                *parties as u64,
                ("part", "parter"),
                ("party", "parties"),
                style,
            );
            say!(
                lang,
                "raden \"{row}\" anger {given} men det finns {parties}",
                "row \"{row}\" gives {given} but there are {parties}"
            )
        }
        CostReason::SharesSum { row, sum } => {
            let sum = style.fixed(*sum, sum.normalize().scale());
            say!(
                lang,
                "andelarna på raden \"{row}\" summerar till {sum}, inte 100",
                "the shares of row \"{row}\" sum to {sum}, not 100"
            )
        }
        CostReason::WeightsZero(row) => say!(
            lang,
            "vikterna på raden \"{row}\" summerar till 0",
            "the weights of row \"{row}\" sum to 0"
        ),
        CostReason::Negative { row, value } => {
            let value = style.fixed(*value, value.normalize().scale());
            say!(
                lang,
                "raden \"{row}\" anger det negativa talet {value}",
                "row \"{row}\" gives the negative figure {value}"
            )
        }
        CostReason::UnknownTarget(target) => say!(
            lang,
            "`feeds` anger `{target}`, som varken är `county_total` eller en insats",
            "`feeds` names `{target}`, which is neither `county_total` nor an insats"
        ),
        CostReason::TooLarge(what) => say!(
            lang,
            "talen för \"{what}\" är för stora för att räknas exakt",
            "the figures for \"{what}\" are too large to work out exactly"
        ),
    }
}

/// How to fix it.
pub fn hint(problem: &Problem, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let fixed = |sv: &str, en: &str| lang.pick(sv, en).to_string();
    match problem {
        Problem::NotDecimal { value, year, .. } => write_decimal(*value, *year, lang),
        // A kommun is told by its name and its code, an area and a focus area by number.
        Problem::DuplicateId {
            thing: Thing::Kommun,
            ..
        } => fixed(
            "ge varje kommun ett eget namn och en egen kommunkod, eller ta bort den ena",
            "give each kommun a name and a kommunkod of its own, or remove one of them",
        ),
        Problem::DuplicateId {
            thing: t @ (Thing::Area | Thing::FocusArea),
            ..
        } => {
            let what = thing(*t, lang);
            say!(
                lang,
                "ge varje {what} ett eget nummer",
                "give each {what} a number of its own"
            )
        }
        Problem::DuplicateId { thing: t, .. } => {
            let what = thing(*t, lang);
            say!(
                lang,
                "ge varje {what} ett eget id",
                "give each {what} an id of its own"
            )
        }
        // The same letters in two Unicode forms (`ä` as one character, and as `a` and a
        // combining diaeresis, as macOS may write it): the suggestion looks like what is
        // written, so the hint says what differs (tester s41).
        Problem::UnknownReference {
            thing: t,
            name,
            suggestion: Some(s),
            ..
        } if name != s && compose(name) == compose(s) => {
            let (it, table) = (pronoun(*t), t.table());
            say!(
                lang,
                "`{name}` ser ut som `{s}` under {table} men har ett tecken skrivet på ett annat sätt (en bokstav och ett tecken ovanför som två tecken, som macOS kan skriva det): skriv om {it} för hand på ett av ställena",
                "`{name}` looks like `{s}` under {table} but has a character written another way (a letter and a mark above it as two characters, as macOS may write it): type it again by hand in one of the places"
            )
        }
        Problem::UnknownReference {
            suggestion,
            renamed,
            ..
        } if !renamed.is_empty() => {
            let renamed = ticked_either(renamed, lang);
            let table = Thing::Actor.table();
            match suggestion {
                Some(s) => say!(
                    lang,
                    "menade du `{s}`? Eller {renamed}, som inget i planen nämner (har en aktör bytt id)? Lägg annars till den under {table}",
                    "did you mean `{s}`? Or {renamed}, which nothing in the plan names (has an actor's id changed)? Otherwise add it under {table}"
                ),
                None => say!(
                    lang,
                    "menade du {renamed}, som inget i planen nämner (har en aktör bytt id)? Lägg annars till den under {table}",
                    "did you mean {renamed}, which nothing in the plan names (has an actor's id changed)? Otherwise add it under {table}"
                ),
            }
        }
        Problem::UnusedActor { actor, unknown } if !unknown.is_empty() => {
            let unknown = ticked_either(unknown, lang);
            say!(
                lang,
                "har aktören bytt id från {unknown}, som planen nämner men inte har? Ge den då sitt gamla id igen, eller skriv `{actor}` där planen skriver det gamla; ta annars bort aktören eller ge den en insats",
                "has the actor's id changed from {unknown}, which the plan names but lacks? Then give it its old id again, or write `{actor}` where the plan writes the old one; otherwise remove the actor or give it an insats"
            )
        }
        // An insats deleted from the plan but still named where it was listed (tester s39:
        // the near miss `2.1` is another row, and adding it back undoes the deletion).
        Problem::UnknownReference {
            thing: Thing::Insats,
            name,
            suggestion,
            ..
        } => {
            let removed = say!(
                lang,
                "är insatsen borttagen ur planen? Ta då bort `{name}` här; lägg annars till den under [[insatser]]",
                "was the insats removed from the plan? Then remove `{name}` here; otherwise add it under [[insatser]]"
            );
            match suggestion {
                Some(s) => {
                    let removed = crate::output::words::capitalized(&removed);
                    say!(
                        lang,
                        "menade du `{s}`? {removed}",
                        "did you mean `{s}`? {removed}"
                    )
                }
                None => removed,
            }
        }
        Problem::UnknownReference {
            name,
            suggestion: Some(s),
            misspelt_there: Some(why),
            ..
        } => misspelt_there(name, s, why, lang),
        Problem::UnknownReference {
            thing: t,
            suggestion: Some(s),
            ..
        } => {
            let (it, table) = (pronoun(*t), t.table());
            say!(
                lang,
                "menade du `{s}`? Lägg annars till {it} under {table}",
                "did you mean `{s}`? Otherwise add it under {table}"
            )
        }
        Problem::UnknownReference { thing: t, .. } if t.is_numbered() => {
            let (it, table) = (pronoun(*t), t.table());
            say!(
                lang,
                "rätta numret eller lägg till {it} under {table}",
                "fix the number or add it under {table}"
            )
        }
        Problem::UnknownReference { thing: t, .. } => {
            let (it, table) = (pronoun(*t), t.table());
            say!(
                lang,
                "rätta stavningen eller lägg till {it} under {table}",
                "fix the spelling or add it under {table}"
            )
        }
        Problem::KommunNameAndCode {
            by_name, by_code, ..
        } => {
            let (name, code) = (visible(&by_name.0), &by_code.1);
            say!(
                lang,
                "skriv kommunens namn eller kod, inte båda: `{name}` eller `{code}`",
                "write the kommun's name or its code, not both: `{name}` or `{code}`"
            )
        }
        Problem::EarmarkOfAnotherArea { area, .. } => say!(
            lang,
            "en varav-post räknas inom sitt område: ändra insatsens `area` till {area} eller ta bort `earmark`",
            "an earmark counts within its area: change the insats's `area` to {area} or remove `earmark`"
        ),
        Problem::AmbiguousName {
            second: Meaning::KommunTableColumn { .. },
            ..
        } => fixed(
            "ge insatsen ett annat id: i tabellerna per kommun står varje insats i en kolumn med sitt id som rubrik, bredvid kolumnerna för kommunens kod och namn och radens summa",
            "give the insats another id: in the tables per kommun each insats has a column headed by its id, beside the columns of the kommun's code and name and the row's total",
        ),
        Problem::AmbiguousName {
            name: written,
            first: Meaning::Kommun { name, .. },
            second: Meaning::Actor { id },
        } if written != id => say!(
            lang,
            "ge aktören ett namn som inte är kommunens; ska pengarna till kommunen, ge den beloppet i en fördelning över länets kommuner (`rule = \"fixed\"`, `each = 0`, `except = {{ \"{name}\" = … }}`), så får kommunen en samlingsfaktura och sin summa i tabellen per kommun",
            "give the actor a name that is not the kommun's; if the money is for the kommun, give it the amount in a split over the county's kommuner (`rule = \"fixed\"`, `each = 0`, `except = {{ \"{name}\" = … }}`), so that the kommun gets one collective invoice and its total in the table per kommun"
        ),
        Problem::AmbiguousName { .. } => fixed(
            "ändra namnet eller koden så att varje namn pekar ut en enda kommun eller aktör",
            "change the name or the code so that every name means one kommun or actor",
        ),
        Problem::ActorTree { reason, .. } => match reason {
            TreeReason::OwnParent | TreeReason::Cycle => fixed(
                "ändra `parent` så att aktörerna bildar ett träd: regionens enheter under regionen",
                "change `parent` so the actors form a tree: the region's units under the region",
            ),
            TreeReason::UnderKommuner(_) => fixed(
                "under länets kommuner står bara kommunerna i [[kommuner]]; ge aktören en annan `parent`",
                "only the kommuner of [[kommuner]] are under the county's kommuner; give the actor another `parent`",
            ),
            TreeReason::SecondKommunerGroup(_) => fixed(
                "en plan har en aktör av typen `kommuner`; ge den här en annan `kind` eller ta bort den",
                "a plan has one actor of kind `kommuner`; give this one another `kind` or remove it",
            ),
            TreeReason::KindUnder { .. } => fixed(
                "regionen och länets kommuner står överst, utan `parent`; regionens enheter står under regionen; ändra `parent` eller `kind`",
                "the region and the county's kommuner stand at the top, without `parent`; the region's units stand under the region; change `parent` or `kind`",
            ),
        },
        Problem::ActorPayment { .. } => fixed(
            "ta bort `payment`, så följer den av `kind`: regionen `held`, regionens enheter `internal`, övriga `invoice`; bara regionens egna enheter får en intern överföring",
            "remove `payment`, and it follows from `kind`: the region `held`, its units `internal`, the others `invoice`; only the region's own units get an internal transfer",
        ),
        Problem::InsatsActor { repeated: None, .. } => fixed(
            "ange den ansvariga aktörens id ur [[actors]]: `actor = \"id\"`, eller flera: `actor = [\"id1\", \"id2\"]`",
            "name the responsible actor's id from [[actors]]: `actor = \"id\"`, or several: `actor = [\"id1\", \"id2\"]`",
        ),
        Problem::InsatsActor {
            repeated: Some(_), ..
        } => fixed("ta bort den ena av de två", "remove one of the two"),
        Problem::UnitInvalid {
            plan_unit: None, ..
        } => fixed(
            "skriv en positiv enhet: `unit = 1` för hela kronor, `unit = 100` för hundratal, `unit = \"0,1\"` för tiondels kronor, `unit = \"0,01\"` för öre",
            "write a positive unit: `unit = 1` for whole kronor, `unit = 100` for hundreds, `unit = \"0,1\"` for tenths of a krona, `unit = \"0,01\"` for öre",
        ),
        Problem::UnitInvalid {
            plan_unit: Some(_), ..
        } => fixed(
            "välj en enhet som är en jämn multipel av planens `unit`, eller ändra planens",
            "choose a unit that is a whole multiple of the plan's `unit`, or change the plan's",
        ),
        Problem::NegativeAmount { .. } => fixed(
            "belopp är aldrig negativa; skriv beloppet utan minustecken",
            "amounts are never negative; write the amount without a minus sign",
        ),
        // Finer than öre: no unit a plan may have is that fine (`unit-invalid`).
        Problem::FinerThanUnit { unit, amount } if amount.0.normalize().scale() > 2 => {
            let round = round_to_ore(lang);
            if unit.0.normalize().scale() >= 2 {
                say!(
                    lang,
                    "beloppet har fler decimaler än öre (0,01 kr), det minsta belopp som betalas ut; {round}",
                    "the amount has more decimals than öre (0.01 kr), the smallest amount paid out; {round}"
                )
            } else {
                let to = whole_units(*unit, style);
                say!(
                    lang,
                    "beloppet har fler decimaler än öre (0,01 kr), det minsta belopp som betalas ut: avrunda till {to}, eller, om planen räknar med decimaler, {round} och ange `unit = \"0,01\"` under [plan]",
                    "the amount has more decimals than öre (0.01 kr), the smallest amount paid out: round to {to}, or, if the plan counts in decimals, {round} and set `unit = \"0,01\"` under [plan]"
                )
            }
        }
        Problem::FinerThanUnit { amount, unit }
            if amount.0.normalize().scale() > unit.0.normalize().scale() =>
        {
            // Decimals finer than the unit: the plan may be meant to count in a finer unit.
            let finer = number::decimal(
                rust_decimal::Decimal::new(1, amount.0.normalize().scale()),
                Lang::Sv,
            );
            let to = whole_units(*unit, style);
            say!(
                lang,
                "ange `unit = \"{finer}\"` under [plan] om planen räknar med decimaler, eller avrunda till {to}",
                "set `unit = \"{finer}\"` under [plan] if the plan counts in decimals, or round to {to}"
            )
        }
        Problem::FinerThanUnit { unit, .. } => {
            let to = whole_units(*unit, style);
            say!(
                lang,
                "avrunda till {to}, eller ändra `unit` under [plan]",
                "round to {to}, or change `unit` under [plan]"
            )
        }
        Problem::CountyTotal { .. } => fixed(
            "rätta områdenas `amount` eller `county_total` så att de stämmer med överenskommelsen",
            "correct the areas' `amount` or `county_total` to match the agreement",
        ),
        Problem::AreaTotal { .. } => fixed(
            "rätta insatsernas belopp eller områdets `amount`",
            "correct the insatser's amounts or the area's `amount`",
        ),
        Problem::InsatserTotal { .. } => fixed(
            "varje krona av länets medel hör till en insats: rätta insatsernas belopp eller `county_total`",
            "every krona of the county's money belongs to an insats: correct the insatser's amounts or `county_total`",
        ),
        Problem::NationalSplit { .. } => fixed(
            "rätta delarna under [[agreement.split]] eller `national_total`",
            "correct the parts under [[agreement.split]] or `national_total`",
        ),
        // Last year's total named, so that one left from another plan is seen (tester s41:
        // Jämtland's 12 689 898 kr in a plan for Västerbotten made from the example).
        Problem::StatedChange { previous, .. } => {
            let previous = style.amount(*previous);
            say!(
                lang,
                "förändringen är county_total minus previous_county_total (förra årets länsmedel, här {previous}): är det länets belopp i förra årets beslut, rätta `stated_change` eller `county_total`, annars `previous_county_total`",
                "the change is county_total minus previous_county_total (last year's county total, here {previous}): if that is the county's amount in last year's decision, correct `stated_change` or `county_total`, otherwise `previous_county_total`"
            )
        }
        Problem::StatedChangeUnchecked { previous, .. } => {
            let holds = previous.is_negative() || previous.0.is_zero();
            let previous = style.amount(*previous);
            let holds = if holds {
                say!(
                    lang,
                    "förändringen kan inte stämma: förra årets totalbelopp skulle då vara {previous}",
                    "the change cannot hold: last year's total would then be {previous}"
                )
            } else {
                say!(
                    lang,
                    "förändringen stämmer om det var {previous}",
                    "the change holds if it was {previous}"
                )
            };
            say!(
                lang,
                "ange förra årets `county_total` ur förra årets beslut som `previous_county_total` ({holds}), eller jämför med förra årets plan, `allocate report --previous`; annars trycks förändringen okontrollerad",
                "give last year's `county_total` from last year's decision as `previous_county_total` ({holds}), or compare with last year's plan, `allocate report --previous`; otherwise the change is printed unchecked"
            )
        }
        Problem::EarmarkTotal { .. } => fixed(
            "varav-posterna är statens vägledande fördelning; en avvikelse är tillåten men bör vara avsiktlig",
            "earmarks are the state's indicative split; a difference is allowed but should be deliberate",
        ),
        Problem::EarmarksOverArea { .. } => fixed(
            "varav-posterna är delar av området; rätta varav-posternas eller områdets belopp som beslutet anger dem",
            "the earmarks are parts of the area; correct the earmarks' or the area's amount as the decision states them",
        ),
        Problem::SplitSum { .. } => fixed(
            "ändra beloppen i fördelningen så att de summerar till insatsens `amount`",
            "change the split's amounts so they sum to the insats `amount`",
        ),
        Problem::SplitInvalid { reason, .. } => split_hint(reason, style),
        Problem::KeyCoverage {
            gap: Gap::Missing, ..
        } => fixed(
            "en nyckel ska ange ett värde för varje kommun under [[kommuner]]",
            "a key gives a value for every kommun under [[kommuner]]",
        ),
        Problem::KeyCoverage {
            gap: Gap::Repeated, ..
        } => fixed(
            "ta bort den ena: samma kommun står två gånger, med både kod och namn eller med namnet skrivet på två sätt",
            "remove one of them: the same kommun is there twice, by both code and name or with its name written two ways",
        ),
        Problem::KeyPrecisionMissing {
            decimals: Some(d), ..
        } => {
            let d = (*d).max(1);
            let written = decimals(d, style);
            say!(
                lang,
                "lägg till `precision = {d}`: procentsatserna är skrivna med {written}",
                "add `precision = {d}`: the percentages are written with {written}"
            )
        }
        Problem::KeyPrecisionMissing { decimals: None, .. } => fixed(
            "lägg till `precision = 1` eller `precision = 2`: så många decimaler som avtalet anger procentsatserna med",
            "add `precision = 1` or `precision = 2`: as many decimals as the agreement prints the percentages with",
        ),
        Problem::PercentSum { .. } => fixed(
            "procentsatserna ska summera till exakt 100 vid nyckelns precision",
            "the percentages must sum to exactly 100 at the key's precision",
        ),
        Problem::PercentPrecision { .. } => fixed(
            "avrunda värdet eller höj `precision`",
            "round the value or raise `precision`",
        ),
        Problem::PercentNegative { .. } => fixed(
            "en kommun som inte ska få något har 0; rätta värdet",
            "a kommun that gets nothing has 0; correct the value",
        ),
        Problem::PopulationNotPositive {
            thousands: true,
            value,
            ..
        } => {
            let Some(count) = value
                .checked_mul(Decimal::ONE_THOUSAND)
                .and_then(|v| i64::try_from(v).ok())
            else {
                // Too large to write as a count: the hint without a figure the file never had.
                return fixed(
                    "skriv folkmängden som ett heltal, utan komma eller punkt, eller grupperad med mellanslag inom citattecken",
                    "write the population as a whole number, without a comma or point, or grouped with spaces within quotes",
                );
            };
            let (toml, spaced) = (
                number::toml_integer(count, false),
                number::grouped(Decimal::from(count), Lang::Sv),
            );
            say!(
                lang,
                "skriv folkmängden som ett heltal, {toml}, eller grupperad med mellanslag inom citattecken, \"{spaced}\"",
                "write the population as a whole number, {toml}, or grouped with spaces within quotes, \"{spaced}\""
            )
        }
        // No example figure: one would be another kommun's count, easily pasted in.
        Problem::PopulationNotPositive {
            file: None, kommun, ..
        } => {
            let kommun = visible(kommun);
            say!(
                lang,
                "skriv folkmängden för {kommun} som SCB anger den: ett heltal större än 0",
                "write the population of {kommun} as SCB gives it: a whole number greater than 0"
            )
        }
        Problem::PopulationNotPositive { file: Some(_), .. } => {
            key_file::zero_population_hint(lang).to_string()
        }
        Problem::KeyFile { error, .. } => key_file::error_hint(error, lang),
        Problem::KeyFileCoverage { mismatch, .. } => {
            key_file::mismatch_hint(mismatch, lang).to_string()
        }
        Problem::KeyFileTotal { .. } => key_file::total_hint(lang).to_string(),
        Problem::KeyDefinition { reason, .. } => key_hint(reason, lang).to_string(),
        Problem::KeyDate { .. } => fixed(
            "hämta nyare siffror från SCB; gäller de äldre med avsikt, skriv varför i en kommentar vid nyckeln (varningen står kvar som en påminnelse)",
            "get newer figures from SCB; if the older ones apply on purpose, say why in a comment at the key (the warning stays, as a reminder)",
        ),
        Problem::KeyDateNotFile { .. } => fixed(
            "ange den kolumn som gäller dagen (`column`), eller rätta `date` efter filen",
            "name the column for that day (`column`), or correct `date` to match the file",
        ),
        Problem::KeySource { key, .. } => say!(
            lang,
            "skriv in årets procentsatser ur årets beslutsunderlag och ändra `source`, eller räkna fram dem ur SCB:s folkmängd: en nyckel med `file` och en med `from`, som insatserna fördelar efter i stället för `{key}`; ta sedan bort `{key}`",
            "write this year's percentages from this year's decision document and change `source`, or derive them from SCB's population: a key with `file` and one with `from`, which the insatser split by instead of `{key}`; then remove `{key}`"
        ),
        Problem::DecisionDateMissing { .. } => fixed(
            "skriv `decision_date = ÅÅÅÅ-MM-DD` under [plan] när beslutet är fattat; till dess anger fakturorna att beslutsdatum saknas, och fördelningsbeskeden skrivs inte",
            "write `decision_date = YYYY-MM-DD` under [plan] once the decision is made; until then the invoices say that the decision date is missing, and the letters are not written",
        ),
        Problem::ReplacesNotBefore { .. } => fixed(
            "skriv under `replaces` datumet då den plan som revideras beslutades, och under `decision_date` dagen för det nya beslutet; är planen inte en revidering, ta bort `replaces`",
            "write under `replaces` the date the plan being revised was decided, and under `decision_date` the day of the new decision; if the plan is not a revision, remove `replaces`",
        ),
        Problem::ContactEmail { .. } => fixed(
            "skriv adressen som den står i underlaget, till exempel email = \"anna.frisk@regionjh.se\"; beslutsunderlaget och varje fördelningsbesked ger den till sina läsare",
            "write the address as the document gives it, for example email = \"anna.frisk@regionjh.se\"; the decision basis and every letter give it to their readers",
        ),
        Problem::InvoiceByWithoutCondition { .. } => fixed(
            "skriv beslutets villkor under [plan] `conditions`, som 2025 års plan: \"Medel som inte fakturerats enligt beslut 2025-08-30 … ska återbetalas och nyttjas för …\"; eller ta bort `invoice_by` om beslutet inte har någon sådan tidsgräns",
            "write the decision's condition under [plan] `conditions`, as the 2025 plan does: \"Medel som inte fakturerats enligt beslut 2025-08-30 … ska återbetalas och nyttjas för …\"; or remove `invoice_by` if the decision has no such deadline",
        ),
        Problem::KeyRounding { .. } => fixed(
            "om avtalet anger procentsatser är detta dess regel; annars fördela efter befolkningstalen eller höj `precision`",
            "if the agreement states percentages this is its rule; otherwise split by the population counts or raise `precision`",
        ),
        Problem::SplitPrinted { .. } => fixed(
            "rätta det angivna beloppet under `printed`, eller fördelningsregeln",
            "correct the amount under `printed`, or the split rule",
        ),
        Problem::KeyTotal { .. } => fixed(
            "rätta `printed_total` eller nyckelns värden; notera i en kommentar om dokumentet räknat fel",
            "correct `printed_total` or the key's values; note in a comment if the document got it wrong",
        ),
        Problem::StatedTotal { .. } => fixed(
            "rätta den angivna summan, eller beloppen under den; om beslutsunderlaget räknat fel, säg det med `note` vid summan",
            "correct the stated figure or the amounts under it; if the decision document got it wrong, say so with `note` on the figure",
        ),
        Problem::NotUnderHeading { .. } => fixed(
            "lägg insatsens id i `insatser` under en av [[headings]]",
            "add the insats id to `insatser` under one of the [[headings]]",
        ),
        Problem::UnderSeveralHeadings {
            twice_under: None, ..
        } => fixed(
            "varje krona ska stå under exakt en rubrik; ta bort id:t från den ena",
            "every krona sits under exactly one heading; remove the id from one of them",
        ),
        Problem::UnderSeveralHeadings {
            twice_under: Some(_),
            ..
        } => fixed(
            "varje krona ska stå under exakt en rubrik, en gång; ta bort det ena id:t",
            "every krona sits under exactly one heading, once; remove one of the two ids",
        ),
        Problem::HeadingCycle { .. } => fixed(
            "ändra `parent` så att rubrikerna bildar ett träd",
            "change `parent` so the headings form a tree",
        ),
        Problem::DeadlineOrder { .. } => fixed(
            "ordningen är requisition, use_reported, unused_repaid; invoice_by infaller senast unused_repaid",
            "the order is requisition, use_reported, unused_repaid; invoice_by is no later than unused_repaid",
        ),
        Problem::KommunOutsideCounty { county, .. } => {
            let (name, code) = (county.name, county.code);
            say!(
                lang,
                "rätta kommunens `code` efter SCB (kommunerna i {name} har koder som börjar på {code}), eller ta bort kommunen om den inte hör till länet",
                "correct the kommun's `code` as SCB writes it (the kommuner of {name} have codes starting with {code}), or remove the kommun if it is not of the län"
            )
        }
        Problem::CountyNamesNone {
            near: Some(county), ..
        } => {
            let (name, region) = (county.name, county.region);
            say!(
                lang,
                "menade du \"{name}\"? Skriv länets namn som SCB skriver det (\"{name}\" eller \"{region}\")",
                "did you mean \"{name}\"? Write the län's name as SCB writes it (\"{name}\" or \"{region}\")"
            )
        }
        Problem::CountyNamesNone { near: None, .. } => fixed(
            "skriv länets namn som SCB skriver det (\"Jämtlands län\" eller \"Region Jämtland Härjedalen\"); en nationell plan skriver inget läns namn",
            "write the län's name as SCB writes it (\"Jämtlands län\" or \"Region Jämtland Härjedalen\"); a national plan writes no län's name",
        ),
        Problem::KommunCodeNotScbs { scb_code, .. } => say!(
            lang,
            "skriv `code = \"{scb_code}\"`, kommunens kod hos SCB",
            "write `code = \"{scb_code}\"`, the kommun's code at SCB"
        ),
        Problem::KommunNameNotScbs { scb_name, .. } => say!(
            lang,
            "skriv `name = \"{scb_name}\"` som SCB; är det en annan kommun, rätta i stället `code`",
            "write `name = \"{scb_name}\"` as SCB does; if it is another kommun, correct `code` instead"
        ),
        Problem::KommunerMissing { missing, count, .. } => match missing.as_slice() {
            [(code, name)] => say!(
                lang,
                "lägg till den under [[kommuner]] (`code = \"{code}\"`, `name = \"{name}\"`), om den ska ha del i länets medel",
                "add it under [[kommuner]] (`code = \"{code}\"`, `name = \"{name}\"`) if it is to share in the county's money"
            ),
            // The shape of one, the first, which every other follows.
            [(code, name), ..] if missing.len() == *count => say!(
                lang,
                "skriv var och en under en egen [[kommuner]], med `code` och `name` som SCB skriver dem (den första: `code = \"{code}\"`, `name = \"{name}\"`)",
                "write each under a [[kommuner]] of its own, with `code` and `name` as SCB writes them (the first: `code = \"{code}\"`, `name = \"{name}\"`)"
            ),
            [(code, name), ..] => say!(
                lang,
                "lägg till var och en under en egen [[kommuner]], med `code` och `name` som SCB skriver dem (den första: `code = \"{code}\"`, `name = \"{name}\"`), om de ska ha del i länets medel",
                "add each under a [[kommuner]] of its own, with `code` and `name` as SCB writes them (the first: `code = \"{code}\"`, `name = \"{name}\"`), if they are to share in the county's money"
            ),
            [] => fixed(
                "lägg till dem under [[kommuner]], med `code` och `name` som SCB skriver dem",
                "add them under [[kommuner]], with `code` and `name` as SCB writes them",
            ),
        },
        Problem::KommunInNoCounty { .. } | Problem::KommunCodeOfCounty { .. } => fixed(
            "rätta `code` efter SCB: en kommunkod är länets två siffror (01–25) och kommunens två (01–99)",
            "correct `code` as SCB writes it: a kommunkod is the län's two digits (01–25) and the kommun's two (01–99)",
        ),
        Problem::PlanYear { .. } => plan_year_hint(lang).to_string(),
        Problem::DeadlineYear {
            deadline, instead, ..
        } => {
            let key = deadline.key();
            say!(
                lang,
                "skriv `{key} = {instead}`: rekvisition, fakturering och redovisning sker under planåret, återbetalning året efter",
                "write `{key} = {instead}`: requisition, invoicing and reporting fall in the plan year, repayment in the next"
            )
        }
        Problem::UnusedActor { .. } => fixed(
            "ta bort aktören eller ge den en insats",
            "remove the actor or give it an insats",
        ),
        Problem::NoFocusArea { .. } => fixed(
            "lägg till `focus_areas = [...]` med handlingsplanens fokusområden",
            "add `focus_areas = [...]` with the action plan's focus areas",
        ),
        Problem::DecomposedName { .. } => fixed(
            "skriv om namnet i planen, eller spara filen i sammansatt form (NFC); tills dess används den sammansatta formen",
            "retype the name in the plan, or save the file in composed form (NFC); until then the composed form is used",
        ),
        Problem::AmountToFill {
            computed: Some(computed),
            ..
        } => {
            let literal = number::toml_amount(*computed);
            say!(
                lang,
                "skriv in summan ur årets beslutsunderlag; planen ger `{literal}`, den summa som `allocate report` skriver i underlaget; eller ta bort summan, som då inte kontrolleras",
                "write in the total from this year's decision document; the plan gives `{literal}`, the total `allocate report` writes in the document; or remove the total, which is then not checked"
            )
        }
        Problem::AmountToFill { cells, .. } if !cells.is_empty() => {
            let cells: Vec<String> = cells.iter().map(|c| number::toml_amount(*c)).collect();
            let cells = cells.join(", ");
            say!(
                lang,
                "skriv in cellerna ur årets beslutsunderlag; planen ger `cells = [{cells}]`, de belopp som `allocate report` skriver i underlaget; eller ta bort tabellen, som då inte kontrolleras",
                "write in the cells from this year's decision document; the plan gives `cells = [{cells}]`, the amounts `allocate report` writes in the document; or remove the table, which is then not checked"
            )
        }
        Problem::AmountToFill { .. } => fixed(
            "skriv in beloppet ur årets beslutsunderlag; `allocate init` lämnar belopp som 0 tills de fylls i",
            "write in the amount from this year's decision document; `allocate init` leaves amounts at 0 until they are filled in",
        ),
        Problem::TableShape { reason, .. } => match reason {
            TableShapeReason::RepeatedId => fixed(
                "ge varje tabell ett eget `id`",
                "give each table an `id` of its own",
            ),
            TableShapeReason::NoColumns => fixed(
                "ange kolumnernas rubriker: `columns = [\"Berg\", \"Bräcke\", …]`",
                "give the column headings: `columns = [\"Berg\", \"Bräcke\", …]`",
            ),
            TableShapeReason::NoRows => fixed(
                "lägg till tabellens rader under [[tables.rows]], var och en med `label` och `cells`",
                "add the table's rows under [[tables.rows]], each with `label` and `cells`",
            ),
            TableShapeReason::RepeatedColumn(_) => {
                fixed("ta bort den ena kolumnen", "remove one of the columns")
            }
            TableShapeReason::NestedColumn { .. } => fixed(
                "ta bort den ena kolumnen; en tabell vars kolumn är en del av en annan (varav) kan inte kontrolleras som en tabell vars kolumner summeras",
                "remove one of the columns; a table with a column that is part of another (of which) cannot be checked as one whose columns add up",
            ),
            TableShapeReason::CellCount { .. } => fixed(
                "skriv en cell per kolumn, i kolumnernas ordning; en tom cell skrivs 0",
                "write one cell per column, in the columns' order; an empty cell is written 0",
            ),
            TableShapeReason::ColumnTotalCount { .. } => fixed(
                "skriv en kolumnsumma per kolumn, i kolumnernas ordning",
                "write one column total per column, in the columns' order",
            ),
            TableShapeReason::NotARecipient(_) => fixed(
                "skriv kolumnen som kommunkod, kommunnamn eller aktörs-id",
                "write the column as a kommunkod, kommun name or actor id",
            ),
        },
        // The grand total against the printed row or column totals: one of those may be the
        // figure at fault, with a finding of its own.
        Problem::TableTotal {
            of: TableTotalOf::RowTotals,
            ..
        } => fixed(
            "rätta totalsumman, eller den radsumma som är fel (`table-row-total`, om någon); notera i en kommentar om dokumentet räknat fel",
            "correct the grand total, or the row total that is wrong (`table-row-total`, if any); note in a comment if the document got it wrong",
        ),
        Problem::TableTotal {
            of: TableTotalOf::ColumnTotals,
            ..
        } => fixed(
            "rätta totalsumman, eller den kolumnsumma som är fel (`table-column-total`, om någon); notera i en kommentar om dokumentet räknat fel",
            "correct the grand total, or the column total that is wrong (`table-column-total`, if any); note in a comment if the document got it wrong",
        ),
        Problem::TableRowTotal { .. }
        | Problem::TableColumnTotal { .. }
        | Problem::TableTotal { .. } => fixed(
            "rätta den tryckta summan eller cellerna; notera i en kommentar om dokumentet räknat fel",
            "correct the printed total or the cells; note in a comment if the document got it wrong",
        ),
        Problem::TableCell { .. } => fixed(
            "rätta cellen, eller insatsens belopp och fördelning",
            "correct the cell, or the insats's amount and split",
        ),
        Problem::CostSharingInvalid { reason, .. } => cost_hint(reason, lang),
        Problem::CostSharingRow { by_rule: true, .. } => fixed(
            "skriv de delar dokumentet anger för raden under `printed`; de är de avtalade beloppen",
            "write the parts the document prints for the row under `printed`; they are the agreed amounts",
        ),
        Problem::CostSharingRow { .. } => fixed(
            "rätta radens `total` eller delarna under `printed`; en part som inte står där är en tom cell (0)",
            "correct the row's `total` or the parts under `printed`; a party left out is an empty cell (0)",
        ),
        Problem::CostSharingRule { .. } => fixed(
            "de tryckta beloppen är de avtalade och räknas vidare; skriv i en kommentar varför de avviker från regeln, eller rätta regeln",
            "the printed amounts are the agreed ones and are carried on; say in a comment why they differ from the rule, or correct the rule",
        ),
        Problem::CostSharingOverhead { .. } => fixed(
            "rätta beloppet eller `percent_of_above`; procentsatsen tas av kostnadsraderna ovanför och avrundas till hela enheter, exakt hälften bort från noll",
            "correct the amount or `percent_of_above`; the percentage is taken of the cost rows above and rounded to whole units, an exact half away from zero",
        ),
        Problem::CostSharingTotal { .. } => fixed(
            "rätta summan eller raderna; notera i en kommentar om dokumentet räknat fel",
            "correct the total or the rows; note in a comment if the document got it wrong",
        ),
        Problem::CostSharingPercent { .. } => fixed(
            "andelen är partens total delad med totalkostnaden, avrundad till de decimaler den trycks med; rätta den eller totalerna",
            "the share is the party's total over the grand total, rounded to the decimals it is printed with; correct it or the totals",
        ),
        Problem::CostSharingFeeds { .. } => fixed(
            "summan förs till planens belopp och ska vara densamma; rätta den som är fel",
            "the total feeds the plan's amount and must equal it; correct the wrong one",
        ),
    }
}

fn cost_hint(reason: &CostReason, lang: Lang) -> String {
    let fixed = |sv: &str, en: &str| lang.pick(sv, en).to_string();
    match reason {
        CostReason::RepeatedId => fixed(
            "ge varje kostnadsfördelning ett eget `id`",
            "give each cost sharing an `id` of its own",
        ),
        CostReason::NoParties => fixed(
            "ange parterna i tabellens ordning: `parties = [\"kommunerna\", \"region\"]`",
            "give the parties in the table's order: `parties = [\"kommunerna\", \"region\"]`",
        ),
        CostReason::RepeatedParty(_) => fixed("ange varje part en gång", "give each party once"),
        CostReason::PartyNamedTotal => fixed(
            "ge parten ett annat namn, överallt i kostnadsfördelningen",
            "give the party another name, everywhere in the cost sharing",
        ),
        CostReason::NoRows => fixed(
            "lägg till tabellens rader under [[cost_sharing.rows]]",
            "add the table's rows under [[cost_sharing.rows]]",
        ),
        CostReason::UnknownParty {
            suggestion: Some(s),
            ..
        } => say!(lang, "menade du `{s}`?", "did you mean `{s}`?"),
        CostReason::UnknownParty {
            suggestion: None, ..
        } => fixed(
            "ange en av parterna under `parties` (och under `feeds` även `total`)",
            "name one of the parties under `parties` (and under `feeds` also `total`)",
        ),
        CostReason::NoRule(_) | CostReason::SeveralRules(_) => fixed(
            "ange exakt en av `to`, `shares`, `weights`, `percent_of_above` och `subtotal = true`",
            "give exactly one of `to`, `shares`, `weights`, `percent_of_above` and `subtotal = true`",
        ),
        CostReason::RuleLength { .. } => fixed(
            "ange ett tal per part, i ordningen under `parties`",
            "give one figure per party, in the order of `parties`",
        ),
        CostReason::SharesSum { .. } => fixed(
            "andelar i procent summerar till 100; skriv delar som \"25/20\" som `weights = [25, 20]`",
            "percentage shares sum to 100; write parts like \"25/20\" as `weights = [25, 20]`",
        ),
        CostReason::WeightsZero(_) => fixed(
            "ge minst en part en positiv vikt",
            "give at least one party a positive weight",
        ),
        CostReason::Negative { .. } => fixed(
            "andelar, vikter och procentsatser är aldrig negativa",
            "shares, weights and percentages are never negative",
        ),
        CostReason::UnknownTarget(_) => fixed(
            "ange `county_total` eller id:t för en insats",
            "name `county_total` or an insats id",
        ),
        CostReason::TooLarge(_) => fixed(
            "kontrollera beloppen och procentsatserna",
            "check the amounts and percentages",
        ),
    }
}

fn split_message(reason: &SplitReason, insats: &str, style: Style) -> String {
    let lang = style.lang;
    match reason {
        SplitReason::UnusedField(field) => say!(
            lang,
            "fördelningen av insats `{insats}` anger `{field}`, som regeln inte använder",
            "the split of insats `{insats}` gives `{field}`, which its rule does not use"
        ),
        SplitReason::MissingField(field) => say!(
            lang,
            "fördelningen av insats `{insats}` saknar `{field}`",
            "the split of insats `{insats}` has no `{field}`"
        ),
        SplitReason::GroupNeedsSplit => say!(
            lang,
            "insats `{insats}` går till länets kommuner men anger inte hur den fördelas",
            "insats `{insats}` goes to the county's kommuner but does not say how it is split"
        ),
        SplitReason::KeyNeedsKommuner => say!(
            lang,
            "insats `{insats}`: en fördelning efter nyckel går bara över kommunerna",
            "insats `{insats}`: a split by key works over the kommuner only"
        ),
        SplitReason::GroupAmongOthers(_) => say!(
            lang,
            "insats `{insats}`: länets kommuner delar rad med andra aktörer bara med `rule = \"amounts\"`",
            "insats `{insats}`: the county's kommuner share a row with other actors only with `rule = \"amounts\"`"
        ),
        SplitReason::KommunInMixedAmounts(name) => say!(
            lang,
            "insats `{insats}`: `{name}` är en kommun; kommunerna får sin del tillsammans och den fördelas efter `key`",
            "insats `{insats}`: `{name}` is a kommun; the kommuner get their part together, split by `key`"
        ),
        SplitReason::NotARecipient { name, .. } => say!(
            lang,
            "insats `{insats}`: `{name}` är inte mottagare av insatsen",
            "insats `{insats}`: `{name}` is not a recipient of this insats"
        ),
        SplitReason::RecipientMissing(name) => say!(
            lang,
            "insats `{insats}`: `amounts` saknar belopp för {name}",
            "insats `{insats}`: `amounts` has no amount for {name}"
        ),
        SplitReason::RecipientRepeated(name) => say!(
            lang,
            "insats `{insats}`: {name} står två gånger i fördelningen",
            "insats `{insats}`: {name} is given twice in the split"
        ),
        SplitReason::NotMultipleOfUnit(unit) => {
            let unit = style.amount(*unit);
            say!(
                lang,
                "insats `{insats}`: beloppet är inte jämnt delbart med fördelningens enhet {unit}",
                "insats `{insats}`: the amount is not a whole number of the split's unit {unit}"
            )
        }
        SplitReason::LedgerFull => {
            let per_byte = crate::core::ledger::LINES_PER_BYTE;
            say!(
                lang,
                "insats `{insats}`: planens insatser får fler mottagare än en plan av den här storleken kan ha (högst {per_byte} per byte planfil)",
                "insats `{insats}`: the plan's insatser have more recipients than a plan of this size can have (at most {per_byte} per byte of plan file)"
            )
        }
        SplitReason::NoRecipients => say!(
            lang,
            "insats `{insats}`: fördelningen har ingen mottagare: planen listar inga kommuner, eller `except` tar bort alla",
            "insats `{insats}`: the split has no recipient: the plan lists no kommuner, or `except` takes out every one"
        ),
        SplitReason::NoWeight => say!(
            lang,
            "insats `{insats}`: nyckeln ger alla mottagare vikten noll",
            "insats `{insats}`: the key gives every recipient weight zero"
        ),
        SplitReason::TooLarge => say!(
            lang,
            "insats `{insats}`: beloppen är för stora för att fördelas exakt",
            "insats `{insats}`: the figures are too large to split exactly"
        ),
        SplitReason::FixedExceedsAmount(fixed) => {
            let fixed = style.amount(*fixed);
            say!(
                lang,
                "insats `{insats}`: de fasta delarna summerar till {fixed}, mer än insatsens belopp",
                "insats `{insats}`: the fixed parts sum to {fixed}, more than the insats amount"
            )
        }
        SplitReason::RestNotMultipleOfUnit(r) => {
            let (fixed, rest, unit) = (
                style.amount(r.fixed),
                style.amount(r.rest),
                style.amount(r.unit),
            );
            match &r.part {
                FixedPart::Each { each, .. } => {
                    let each = style.amount(*each);
                    say!(
                        lang,
                        "insats `{insats}`: `each` {each} är inte jämnt delbart med fördelningens enhet {unit}; de fasta delarna summerar till {fixed} och lämnar {rest} till nyckeln, inte jämnt delbart med {unit}",
                        "insats `{insats}`: `each` {each} is not a whole number of the split's unit {unit}; the fixed parts sum to {fixed} and leave {rest} for the key, not a whole number of {unit}"
                    )
                }
                FixedPart::Except(name) => {
                    say!(
                        lang,
                        "insats `{insats}`: delen för `{name}` under `except` är inte jämnt delbar med fördelningens enhet {unit}; de fasta delarna summerar till {fixed} och lämnar {rest} till nyckeln, inte jämnt delbart med {unit}",
                        "insats `{insats}`: the part for `{name}` under `except` is not a whole number of the split's unit {unit}; the fixed parts sum to {fixed} and leave {rest} for the key, not a whole number of {unit}"
                    )
                }
            }
        }
        SplitReason::Invalid => say!(
            lang,
            "insats `{insats}`: beloppet kan inte fördelas med den här nyckeln och enheten",
            "insats `{insats}`: the amount cannot be split with this key and unit"
        ),
    }
}

fn split_hint(reason: &SplitReason, style: Style) -> String {
    let lang = style.lang;
    let fixed = |sv: &str, en: &str| lang.pick(sv, en).to_string();
    match reason {
        SplitReason::UnusedField(field) => say!(
            lang,
            "ta bort `{field}`, eller välj en regel som använder den: `except` och `each` hör till `fixed` och `fixed-plus-key`, `key` till `key`, `fixed-plus-key` och `amounts`, `amounts` till `amounts`",
            "remove `{field}`, or choose a rule that uses it: `except` and `each` belong to `fixed` and `fixed-plus-key`, `key` to `key`, `fixed-plus-key` and `amounts`, `amounts` to `amounts`"
        ),
        SplitReason::MissingField(field) => say!(
            lang,
            "lägg till `{field}` under fördelningen (split)",
            "add `{field}` to the split"
        ),
        SplitReason::GroupNeedsSplit => fixed(
            "lägg till till exempel `split = { rule = \"equal\" }`",
            "add for example `split = { rule = \"equal\" }`",
        ),
        SplitReason::KeyNeedsKommuner => fixed(
            "använd `rule = \"equal\"` eller `rule = \"amounts\"` för flera aktörer",
            "use `rule = \"equal\"` or `rule = \"amounts\"` for several actors",
        ),
        SplitReason::GroupAmongOthers(actors) => {
            let amounts = actors
                .iter()
                .map(|a| format!("{} = …", toml_edit::Key::new(a.as_str()).display_repr()))
                .collect::<Vec<_>>()
                .join(", ");
            say!(
                lang,
                "ange `split = {{ rule = \"amounts\", amounts = {{ {amounts} }}, key = \"…\" }}`, eller dela upp insatsen i en rad för kommunerna och en för de andra aktörerna",
                "write `split = {{ rule = \"amounts\", amounts = {{ {amounts} }}, key = \"…\" }}`, or split the insats into one row for the kommuner and one for the other actors"
            )
        }
        SplitReason::KommunInMixedAmounts(_) => fixed(
            "ange kommunernas summa med gruppens id (`kommunerna = …`); enskilda kommuners belopp kan kontrolleras under `printed`",
            "give the kommuner's sum under the group's id (`kommunerna = …`); single kommuner's amounts can be checked under `printed`",
        ),
        SplitReason::NotARecipient {
            name,
            suggestion: Some(nearest),
            misspelt_there: Some(why),
        } => misspelt_there(name, nearest, why, lang),
        SplitReason::NotARecipient {
            suggestion: Some(nearest),
            ..
        } => say!(
            lang,
            "menade du `{nearest}`? Ange annars bara insatsens mottagare (kommunkod, kommunnamn eller aktörs-id)",
            "did you mean `{nearest}`? Otherwise name only the insats's recipients (kommunkod, kommun name or actor id)"
        ),
        SplitReason::NotARecipient { .. } => fixed(
            "ange bara insatsens mottagare (kommunkod, kommunnamn eller aktörs-id)",
            "name only the insats's recipients (kommunkod, kommun name or actor id)",
        ),
        SplitReason::RecipientMissing(_) => fixed(
            "ange ett belopp för varje mottagare",
            "give an amount for every recipient",
        ),
        SplitReason::RecipientRepeated(_) => fixed(
            "ange varje mottagare en gång: samma kommun står två gånger, med både kod och namn eller med namnet skrivet på två sätt",
            "give each recipient once: the same kommun is there twice, by both code and name or with its name written two ways",
        ),
        SplitReason::NotMultipleOfUnit(_) => fixed(
            "ändra beloppet eller fördelningens `unit`",
            "change the amount or the split's `unit`",
        ),
        SplitReason::NoWeight => fixed("kontrollera nyckelns värden", "check the key's values"),
        SplitReason::NoRecipients => fixed(
            "skriv länets kommuner, var och en under en egen [[kommuner]] med `code` och `name` som SCB skriver dem, eller ta bort dem ur `except` som ska få del",
            "write the county's kommuner, each under a [[kommuner]] of its own with `code` and `name` as SCB writes them, or take those who are to get a share out of `except`",
        ),
        SplitReason::LedgerFull => fixed(
            "dela upp planen, eller fördela över färre mottagare per insats",
            "split the plan up, or split over fewer recipients per insats",
        ),
        SplitReason::TooLarge => fixed(
            "kontrollera beloppet och nyckeln",
            "check the amount and the key",
        ),
        SplitReason::FixedExceedsAmount(_) => fixed(
            "sänk `each` eller höj insatsens `amount`",
            "lower `each` or raise the insats `amount`",
        ),
        SplitReason::RestNotMultipleOfUnit(r) => {
            let unit = style.amount(r.unit);
            let (amount, rest) = (
                number::toml_amount(r.amount_instead.0),
                style.amount(r.amount_instead.1),
            );
            let part = match &r.part {
                FixedPart::Each { instead, .. } => {
                    let instead = number::toml_amount(*instead);
                    say!(
                        lang,
                        "sätt `each` till ett belopp jämnt delbart med {unit} (till exempel `each = {instead}`)",
                        "set `each` to a whole number of {unit} (for example `each = {instead}`)"
                    )
                }
                FixedPart::Except(_) => say!(
                    lang,
                    "sätt delen under `except` till ett belopp jämnt delbart med {unit}",
                    "set the part under `except` to a whole number of {unit}"
                ),
            };
            say!(
                lang,
                "{part}, eller ändra insatsens `amount` så att resten går jämnt upp (`amount = {amount}` lämnar {rest} till nyckeln)",
                "{part}, or change the insats's `amount` so that the rest comes out even (`amount = {amount}` leaves {rest} for the key)"
            )
        }
        SplitReason::Invalid => fixed(
            "kontrollera beloppet, enheten och nyckelns värden",
            "check the amount, the unit and the key's values",
        ),
    }
}

fn key_message(reason: &KeyReason, key: &str, style: Style) -> String {
    let lang = style.lang;
    match reason {
        KeyReason::NoValues => say!(
            lang,
            "nyckeln `{key}` har inga värden",
            "key `{key}` has no values"
        ),
        KeyReason::SeveralSources(given) => {
            let given = given.join(", ");
            say!(
                lang,
                "nyckeln `{key}` får sina värden från flera håll ({given})",
                "key `{key}` takes its values from more than one place ({given})"
            )
        }
        KeyReason::ColumnWithoutFile => say!(
            lang,
            "nyckeln `{key}` anger `column` men ingen `file`",
            "key `{key}` gives `column` but no `file`"
        ),
        KeyReason::FileNeedsPopulation => say!(
            lang,
            "nyckeln `{key}` läser en SCB-fil men är inte `kind = \"population\"`",
            "key `{key}` reads an SCB file but is not `kind = \"population\"`"
        ),
        KeyReason::FromNeedsPercent => say!(
            lang,
            "nyckeln `{key}` har `from` men är inte `kind = \"percent\"`",
            "key `{key}` has `from` but is not `kind = \"percent\"`"
        ),
        KeyReason::FromNotPopulation(from) => say!(
            lang,
            "nyckeln `{key}` räknas fram ur `{from}`, som inte är en befolkningsnyckel",
            "key `{key}` is derived from `{from}`, which is not a population key"
        ),
        KeyReason::PrecisionTooHigh(p) => {
            let (p, max) = (decimals(*p, style), crate::core::split::MAX_PRECISION);
            say!(
                lang,
                "nyckeln `{key}` ska räknas fram med {p}; högst {max} går",
                "key `{key}` asks for {p}; at most {max} are possible"
            )
        }
    }
}

fn key_hint(reason: &KeyReason, lang: Lang) -> &'static str {
    match reason {
        KeyReason::NoValues | KeyReason::SeveralSources(_) => lang.pick(
            "ange exakt en av `values` (i planen), `file` (en SCB-fil) och `from` (procent ur en befolkningsnyckel)",
            "give exactly one of `values` (in the plan), `file` (an SCB file) and `from` (percentages from a population key)",
        ),
        KeyReason::ColumnWithoutFile => lang.pick(
            "`column` väljer årskolumnen i `file`; ta bort den eller lägg till `file`",
            "`column` picks the year column of `file`; remove it or add `file`",
        ),
        KeyReason::FileNeedsPopulation => lang.pick(
            "skriv `kind = \"population\"`, och härled procentsatser med en egen nyckel med `from`",
            "write `kind = \"population\"`, and derive percentages with a key of its own with `from`",
        ),
        KeyReason::FromNeedsPercent => lang.pick(
            "skriv `kind = \"percent\"` och `precision = 2`",
            "write `kind = \"percent\"` and `precision = 2`",
        ),
        KeyReason::FromNotPopulation(_) => lang.pick(
            "`from` ska ange en nyckel med `kind = \"population\"`",
            "`from` must name a key with `kind = \"population\"`",
        ),
        KeyReason::PrecisionTooHigh(_) => precision_hint(lang),
    }
}

/// A plan's year that is none: "planens år 20266 är inget årtal mellan 1000 och 9998", from
/// `check` or, for one beyond a whole number's range, when the plan is read.
pub fn plan_year(year: &str, lang: Lang) -> String {
    let (low, high) = (
        crate::core::plan::YEARS.start(),
        crate::core::plan::YEARS.end(),
    );
    say!(
        lang,
        "planens år {year} är inget årtal mellan {low} och {high}",
        "the plan's year {year} is not a year between {low} and {high}"
    )
}

pub fn plan_year_hint(lang: Lang) -> &'static str {
    lang.pick(
        "skriv året som beslutet gäller, med fyra siffror, till exempel `year = 2026`",
        "write the year the decision is for, in four digits, for example `year = 2026`",
    )
}

/// How many decimals a key may be computed with: at most `split::MAX_PRECISION`.
pub fn precision_hint(lang: Lang) -> &'static str {
    lang.pick(
        "avtal anger procent med en eller två decimaler: `precision = 2`",
        "agreements state percentages with one or two decimals: `precision = 2`",
    )
}

/// A deadline as a Swedish sentence names it, with its key: "rekvisitionen (`requisition`)".
fn deadline_words(deadline: Deadline, lang: Lang) -> String {
    let key = deadline.key();
    match lang {
        Lang::Sv => {
            let word = match deadline {
                Deadline::Requisition => "rekvisitionen",
                Deadline::UseReported => "redovisningen",
                Deadline::UnusedRepaid => "återbetalningen",
                Deadline::InvoiceBy => "faktureringen",
            };
            format!("{word} (`{key}`)")
        }
        Lang::En => format!("deadline `{key}`"),
    }
}

/// What to do with an amount finer than öre, the smallest amount paid out (a plan's, or the
/// amount `split` is given): "avrunda beloppet till hela öre".
pub fn round_to_ore(lang: Lang) -> &'static str {
    lang.pick(
        "avrunda beloppet till hela öre",
        "round the amount to whole öre",
    )
}

/// "hela kronor", "jämna hundratal kronor": what an amount is rounded to in a unit.
pub fn whole_units(unit: Amount, style: impl Into<Style>) -> String {
    let style = style.into();
    let lang = style.lang;
    let named = match (unit.0.normalize().to_string().as_str(), lang) {
        ("0.01", Lang::Sv) => Some("hela ören"),
        ("0.01", Lang::En) => Some("whole öre"),
        ("0.1", Lang::Sv) => Some("tiondels kronor"),
        ("0.1", Lang::En) => Some("tenths of a krona"),
        ("1", Lang::Sv) => Some("hela kronor"),
        ("1", Lang::En) => Some("whole kronor"),
        ("10", Lang::Sv) => Some("jämna tiotal kronor"),
        ("100", Lang::Sv) => Some("jämna hundratal kronor"),
        ("1000", Lang::Sv) => Some("jämna tusental kronor"),
        _ => None,
    };
    match (named, lang) {
        (Some(words), _) => words.to_string(),
        (None, Lang::Sv) => format!("en jämn multipel av {}", style.amount(unit)),
        (None, Lang::En) => format!("a whole multiple of {}", style.amount(unit)),
    }
}

/// The line that stands for the repeats of one finding left out of the output:
/// `… och 4 812 fler fel av samma slag [key-coverage]`.
pub fn repeats_left_out(count: usize, code: &str, error: bool, lang: Lang) -> String {
    let n = crate::output::number::grouped(rust_decimal::Decimal::from(count), lang);
    match (lang, error, count == 1) {
        (Lang::Sv, true, true) => format!("… och {n} fel till av samma slag [{code}]"),
        (Lang::Sv, true, false) => format!("… och {n} fler fel av samma slag [{code}]"),
        (Lang::Sv, false, true) => format!("… och {n} varning till av samma slag [{code}]"),
        (Lang::Sv, false, false) => format!("… och {n} fler varningar av samma slag [{code}]"),
        (Lang::En, true, true) => format!("… and {n} more error of the same kind [{code}]"),
        (Lang::En, true, false) => format!("… and {n} more errors of the same kind [{code}]"),
        (Lang::En, false, true) => format!("… and {n} more warning of the same kind [{code}]"),
        (Lang::En, false, false) => {
            format!("… and {n} more warnings of the same kind [{code}]")
        }
    }
}

/// The line that ends a job summary cut short to stay within what GitHub takes:
/// `… och 1 200 fynd till fick inte plats i sammanfattningen …`.
pub fn summary_left_out(count: usize, lang: Lang) -> String {
    let n = crate::output::number::grouped(rust_decimal::Decimal::from(count), lang);
    match (lang, count == 1) {
        (Lang::Sv, _) => format!(
            "… och {n} fynd till fick inte plats i sammanfattningen (GitHub tar inte emot en sammanfattning större än 1 MiB); kör `allocate check` för att se dem"
        ),
        (Lang::En, true) => format!(
            "… and {n} more finding did not fit in the summary (GitHub refuses a summary over 1 MiB); run `allocate check` to see them"
        ),
        (Lang::En, false) => format!(
            "… and {n} more findings did not fit in the summary (GitHub refuses a summary over 1 MiB); run `allocate check` to see them"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A population written with a thousands separator is shown as the count it meant; one
    /// too large to be a count gets the hint without a figure (never a figure of its own).
    #[test]
    fn a_thousands_separator_hint_writes_only_the_files_figure() {
        let problem = |value: &str| Problem::PopulationNotPositive {
            key: "folkmangd".to_string(),
            kommun: "Ragunda".to_string(),
            value: value.parse().unwrap(),
            thousands: true,
            file: None,
        };
        assert_eq!(
            hint(&problem("5.150"), Lang::Sv),
            "skriv folkmängden som ett heltal, 5_150, eller grupperad med mellanslag inom citattecken, \"5 150\""
        );
        assert_eq!(
            hint(&problem("10000000000000000.000"), Lang::En),
            "write the population as a whole number, without a comma or point, or grouped with spaces within quotes"
        );
    }

    #[test]
    fn one_repeat_left_out_is_one_more() {
        let left_out = |count, error, lang| repeats_left_out(count, "key-coverage", error, lang);
        assert_eq!(
            left_out(1, true, Lang::Sv),
            "… och 1 fel till av samma slag [key-coverage]"
        );
        assert_eq!(
            left_out(4_812, true, Lang::Sv),
            "… och 4 812 fler fel av samma slag [key-coverage]"
        );
        assert_eq!(
            left_out(1, false, Lang::Sv),
            "… och 1 varning till av samma slag [key-coverage]"
        );
        assert_eq!(
            left_out(1, true, Lang::En),
            "… and 1 more error of the same kind [key-coverage]"
        );
    }
}
