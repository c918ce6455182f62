//! The words of `allocate diff` that its formats and the decision basis share: counts that
//! agree in Swedish with the noun counted, the status and match of a row of the flat table,
//! the lines that name areas renumbered or renamed and actors moved to another parent, and a
//! split's rule in words and how it changed (which the decision basis also gives: under its
//! per-kommun table, and beside last year's plan).

use crate::core::diff::terms::PlanTerm;
use crate::core::diff::{InsatsChange, PlanDiff, Row, SplitSide, Status};
use crate::core::finding::Deadline;
use crate::core::money::Amount;
use crate::core::plan::SplitRule;
use crate::output::lang::Lang;
use crate::output::number::Style;
use crate::output::sheet::Words;
use crate::output::text::visible;
use crate::say;

/// The gender of the Swedish noun a count is of: the words after it agree with it in the
/// singular (*1 borttagen insats*, *1 borttaget villkor*).
#[derive(Clone, Copy)]
pub enum Gender {
    /// *en insats*
    Common,
    /// *ett villkor*, *ett område*
    Neuter,
}

/// "2 ändrade, 19 oförändrade, 1 tillkommen, 0 borttagna": things compared, in words, each
/// number as `count` writes it.
pub fn counts(
    gender: Gender,
    changed: usize,
    unchanged: usize,
    added: usize,
    removed: usize,
    lang: Lang,
    count: impl Fn(usize) -> String,
) -> String {
    // Swedish: the plural, or the singular of the noun's gender.
    let word = |n: usize, plural: &'static str, common: &'static str, neuter: &'static str| {
        let word = match (n, gender) {
            (1, Gender::Common) => common,
            (1, Gender::Neuter) => neuter,
            _ => plural,
        };
        format!("{} {word}", count(n))
    };
    match lang {
        Lang::Sv => [
            word(changed, "ändrade", "ändrad", "ändrat"),
            word(unchanged, "oförändrade", "oförändrad", "oförändrat"),
            word(added, "tillkomna", "tillkommen", "tillkommet"),
            word(removed, "borttagna", "borttagen", "borttaget"),
        ]
        .join(", "),
        Lang::En => {
            let (changed, unchanged, added, removed) = (
                count(changed),
                count(unchanged),
                count(added),
                count(removed),
            );
            format!("{changed} changed, {unchanged} unchanged, {added} added, {removed} removed")
        }
    }
}

/// A row's `status` in the flat table: `tillkommen`, `borttagen`, `ändrad` in Swedish.
pub fn status_word(status: Status, gender: Gender, words: Words) -> &'static str {
    match (status, words, gender) {
        (Status::Added, Words::Sv, Gender::Common) => "tillkommen",
        (Status::Removed, Words::Sv, Gender::Common) => "borttagen",
        (Status::Changed, Words::Sv, Gender::Common) => "ändrad",
        (Status::Added, Words::Sv, Gender::Neuter) => "tillkommet",
        (Status::Removed, Words::Sv, Gender::Neuter) => "borttaget",
        (Status::Changed, Words::Sv, Gender::Neuter) => "ändrat",
        (Status::Added, _, _) => "added",
        (Status::Removed, _, _) => "removed",
        (Status::Changed, _, _) => "changed",
    }
}

/// The `matched` cell of a row paired by its text: `text 88 %` (`text 88` for machines).
pub fn matched_by_text(similarity: u32, words: Words) -> String {
    match words {
        Words::Machine => format!("text {similarity}"),
        _ => format!("text {similarity} %"),
    }
}

/// What an area renumbered or renamed was in the old plan, saying only what changed: `område
/// 3` (the same title under another number), its old title (the same number), or both.
pub fn area_was(row: &Row, lang: Lang) -> Option<String> {
    was(row, |code| super::area(code, lang))
}

/// What a kommun whose code was corrected or that was renamed was in the old plan, saying
/// only what changed: `kod 2309` (the same name under another code), its old name (the same
/// code), or both.
pub fn kommun_was(row: &Row, lang: Lang) -> Option<String> {
    was(row, |code| say!(lang, "kod {code}", "code {code}"))
}

/// What `row` was in the old plan, saying only what changed: its old key as `key` words it,
/// its old name, or both as its row showed them.
fn was(row: &Row, key: impl Fn(&str) -> String) -> Option<String> {
    let was = row.was.as_ref()?;
    Some(match (was.rekeyed, was.renamed) {
        (true, false) => key(&was.key),
        (false, true) => was.name.clone(),
        _ => was.label(),
    })
}

/// The areas paired under another number or name than last year's, in words: the first
/// line a heading, the others one area each, `2 Suicidprevention (2026: 3 Suicidprevention)`.
pub fn renamed_lines(d: &PlanDiff, old_column: &str, lang: Lang) -> Vec<String> {
    let heading = say!(
        lang,
        "Områden med annat nummer eller annan rubrik än {old_column} (jämförda med samma rubrik, annars samma nummer):",
        "Areas with another number or title than in {old_column} (compared by title, else by number):"
    );
    was_lines(&d.areas, heading, old_column, |r| area_was(r, lang))
}

/// The kommuner of the table of direct money paired under another code or name than last
/// year's, in words: the first line a heading, the others one kommun each, `2310 Krokom
/// (2026: kod 2309)`.
pub fn recoded_lines(d: &PlanDiff, old_column: &str, lang: Lang) -> Vec<String> {
    let heading = say!(
        lang,
        "Kommuner med annan kod eller annat namn än {old_column} (jämförda med samma namn, annars samma kod):",
        "Kommuner with another code or name than in {old_column} (compared by name, else by code):"
    );
    let shown = d.direct_kommuner();
    was_lines(&shown, heading, old_column, |r| kommun_was(r, lang))
}

/// The actors under another name or id than last year's, in words: the first line a
/// heading, the others one actor each, `Enheten för folkhälsa (2026: Folkhälsoenheten)`,
/// `Folkhälsoenheten (2026: id fhe)`.
pub fn renamed_actor_lines(d: &PlanDiff, old_column: &str, lang: Lang) -> Vec<String> {
    let heading = say!(
        lang,
        "Aktörer med annat namn eller id än {old_column} (jämförda med samma id, annars samma namn):",
        "Actors with another name or id than in {old_column} (compared by id, else by name):"
    );
    was_lines(&d.actors, heading, old_column, |r| {
        was(r, |id| format!("id {id}"))
    })
}

/// `heading`, then a line for each row that says what it was in `old_column`; none when no
/// row was anything else.
fn was_lines(
    rows: &[Row],
    heading: String,
    old_column: &str,
    was: impl Fn(&Row) -> Option<String>,
) -> Vec<String> {
    let lines: Vec<String> = (rows.iter())
        .filter_map(|r| Some(format!("{} ({old_column}: {})", r.label, was(r)?)))
        .collect();
    if lines.is_empty() {
        return lines;
    }
    std::iter::once(heading).chain(lines).collect()
}

/// What the comparison says of the actors under another parent than last year: a line that
/// says how they are counted, then one per actor (none when no actor moved).
pub fn moved_lines(d: &PlanDiff, old_column: &str, new_column: &str, lang: Lang) -> Vec<String> {
    if d.moved.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        lang.pick(
            "Flyttade aktörer räknas båda åren där de står i den nya planen:",
            "Actors that moved are counted in both years where the new plan places them:",
        )
        .to_string(),
    ];
    let place = |parent: &Option<String>| match parent {
        Some(name) => format!("{} {name}", lang.pick("under", "under")),
        None => lang.pick("överst", "at the top").to_string(),
    };
    for m in &d.moved {
        lines.push(format!(
            "{}: {old_column} {}, {new_column} {}",
            m.actor,
            place(&m.old_parent),
            place(&m.new_parent)
        ));
    }
    lines
}

/// A row's name in a table where it stands under its actor: the actor's own money as
/// "utan enhet", or "förvaltas för fortsatt fördelning" where it is held (the actor's name is
/// the row above), as `report` shows it.
pub fn shown_label(row: &Row, lang: Lang) -> String {
    if row.own {
        crate::output::sheet::own_funds_word(own_held(row), lang).to_string()
    } else {
        row.label.clone()
    }
}

/// Whether an actor's own money is held for further distribution: its `payment` in the new
/// plan, or in the old where the new lacks the actor.
pub fn own_held(row: &Row) -> bool {
    let payment = row.payment.and_then(|p| p.new.or(p.old));
    payment == Some(crate::core::plan::Payment::Held)
}

/// The note under a table of actors with units: `Rader med – ingår i raden ovanför.`
pub fn part_of_row_above(lang: Lang) -> &'static str {
    lang.pick(
        "Rader med – ingår i raden ovanför.",
        "Rows marked – are part of the row above.",
    )
}

/// The heading of the kommuner given money directly.
pub fn direct_kommuner(lang: Lang) -> &'static str {
    lang.pick(
        "Kommuner (direkt fördelat)",
        "Kommuner (allocated directly)",
    )
}

/// What the `*` after a changed insats's id means.
pub fn text_changed(lang: Lang) -> &'static str {
    lang.pick("texten har ändrats.", "the text has changed.")
}

/// The heading of the insatser whose split has changed.
pub fn split_changed(lang: Lang) -> &'static str {
    lang.pick("Ändrad fördelning", "Split changed")
}

/// A split in words: `lika delar`, `nyckel procent, avrundat till 100 kr`, `75 000 kr var
/// (Östersund 140 000 kr)`; each amount as `amount` writes it (the decimals and typography
/// of the text around it), a count in `style`.
pub fn split(s: &SplitSide, style: Style, amount: &dyn Fn(Amount) -> String) -> String {
    let lang = style.lang;
    let key = s.key.as_deref().map(visible).unwrap_or_default();
    let each = s.each.map(amount).unwrap_or_default();
    // A long list is counted: exceptions to an amount each as exceptions, not recipients of it.
    let listed = |list: &[(String, Amount)], exceptions: bool| -> String {
        const NAMED: usize = 3;
        if list.len() > NAMED {
            let count = style.count(u64::try_from(list.len()).unwrap_or(u64::MAX));
            match exceptions {
                true => say!(lang, " ({count} undantag)", " ({count} exceptions)"),
                false => say!(lang, " ({count} mottagare)", " ({count} recipients)"),
            }
        } else if list.is_empty() {
            String::new()
        } else {
            let named: Vec<String> = list
                .iter()
                .map(|(who, a)| format!("{} {}", visible(who), amount(*a)))
                .collect();
            format!(" ({})", named.join(", "))
        }
    };
    let except = listed(&s.except, true);
    let mut text = match s.rule {
        SplitRule::Equal => lang.pick("lika delar", "equal parts").to_string(),
        SplitRule::Key => say!(lang, "nyckel {key}", "key {key}"),
        SplitRule::Fixed => say!(lang, "{each} var{except}", "{each} each{except}"),
        // With the kommuner among the recipients, their part is split by the key.
        SplitRule::Amounts => {
            let amounts = listed(&s.amounts, false);
            match s.key {
                Some(_) => say!(
                    lang,
                    "angivna belopp{amounts}, kommunernas del efter nyckel {key}",
                    "amounts given{amounts}, the kommuner's part by key {key}"
                ),
                None => say!(lang, "angivna belopp{amounts}", "amounts given{amounts}"),
            }
        }
        SplitRule::FixedPlusKey => say!(
            lang,
            "{each} var{except}, resten efter nyckel {key}",
            "{each} each{except}, the rest by key {key}"
        ),
    };
    if let Some(unit) = s.unit {
        let unit = amount(unit);
        text.push_str(&say!(lang, ", avrundat till {unit}", ", rounded to {unit}"));
    }
    text
}

/// A split in words, or that there is none.
fn split_or_none(s: Option<&SplitSide>, style: Style, amount: &dyn Fn(Amount) -> String) -> String {
    match s {
        Some(s) => split(s, style, amount),
        None => style.lang.pick("ingen fördelning", "no split").to_string(),
    }
}

/// How an insats's split has changed: the two splits in words (`lika delar → nyckel
/// procent`), with the recipients' shares that moved when its amount is the same (`nyckel a →
/// nyckel b; nya belopp: Berg 21 200 kr → 21 600 kr`); where they read alike, the amounts that differ, those in its lists
/// (`75 000 kr var (4 undantag): Östersund 140 000 kr → 150 000 kr`), else that the key's
/// values changed and the recipients' shares that moved (`nyckel procent; nyckelns värden har
/// ändrats, nya belopp: Berg 21 200 kr → 18 000 kr`), the first five named.
pub fn split_change(c: &InsatsChange, style: Style, amount: &dyn Fn(Amount) -> String) -> String {
    let lang = style.lang;
    let (old, new) = (
        split_or_none(c.old.split.as_ref(), style, amount),
        split_or_none(c.new.split.as_ref(), style, amount),
    );
    let shown = |a: Option<Amount>| a.map_or_else(|| "–".to_string(), amount);
    const NAMED: usize = 5;
    // Only the first shares are written (a national plan's new key moves millions).
    let shares = (c.shares.iter()).map(|s| {
        let (old, new) = (shown(s.old), shown(s.new));
        format!("{} {old} → {new}", visible(&s.recipient))
    });
    let shares = super::first_of(shares, NAMED, style);
    // Amounts written out on both sides are the shares already.
    let written = |s: &Option<_>| {
        s.as_ref()
            .is_some_and(|s: &SplitSide| !s.amounts.is_empty())
    };
    if old != new {
        return match shares.is_empty() || (written(&c.old.split) && written(&c.new.split)) {
            true => format!("{old} → {new}"),
            false => say!(
                lang,
                "{old} → {new}; nya belopp: {shares}",
                "{old} → {new}; new amounts: {shares}"
            ),
        };
    }
    let mut differences: Vec<String> = Vec::new();
    if let (Some(a), Some(b)) = (&c.old.split, &c.new.split) {
        for (before, after) in [(&a.except, &b.except), (&a.amounts, &b.amounts)] {
            let find = |list: &[(String, Amount)], who: &str| {
                list.iter().find(|(w, _)| w == who).map(|(_, x)| *x)
            };
            let mut names: Vec<&str> = (before.iter().chain(after))
                .map(|(w, _)| w.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            for who in names {
                let (x, y) = (find(before, who), find(after, who));
                if x != y {
                    differences.push(format!("{} {} → {}", visible(who), shown(x), shown(y)));
                }
            }
        }
    }
    if !differences.is_empty() {
        return format!("{new}: {}", super::first_of(&differences, NAMED, style));
    }
    // The split reads the same: the key has new values, or the kommuner changed.
    match (c.key_changed, shares.is_empty()) {
        (true, true) => say!(
            lang,
            "{new}; nyckelns värden har ändrats",
            "{new}; the key's values have changed"
        ),
        (true, false) => say!(
            lang,
            "{new}; nyckelns värden har ändrats, nya belopp: {shares}",
            "{new}; the key's values have changed, new amounts: {shares}"
        ),
        (false, false) => say!(
            lang,
            "{new}; nya belopp: {shares}",
            "{new}; new amounts: {shares}"
        ),
        (false, true) => format!("{old} → {new}"),
    }
}

/// The actors paid another way than last year, in words: the first line a heading, the
/// others one actor each, `Kommunförbundet Jämtland Härjedalen: faktura → förvaltas av regionen`,
/// in the payment routes' words of `export` (none when no actor's route changed).
pub fn payment_lines(d: &PlanDiff, old_column: &str, lang: Lang) -> Vec<String> {
    let word = |p| crate::output::sheet::payment_word(p, lang);
    let lines: Vec<String> = (d.actors.iter())
        .filter(|r| !r.own)
        .filter_map(|r| {
            let routes = r.payment.filter(|p| p.changed())?;
            let (old, new) = (routes.old?, routes.new?);
            Some(format!("{}: {} → {}", r.label, word(old), word(new)))
        })
        .collect();
    if lines.is_empty() {
        return lines;
    }
    let heading = say!(
        lang,
        "Aktörer som betalas på annat sätt än {old_column}:",
        "Actors paid another way than in {old_column}:"
    );
    std::iter::once(heading).chain(lines).collect()
}

/// What the `†` after a changed insats's id means.
pub fn described_changed(lang: Lang) -> &'static str {
    lang.pick(
        "fokusområden, ansvarig verksamhet eller berörda verksamheter har ändrats.",
        "the focus areas, the responsible unit or the affected units have changed.",
    )
}

/// The headings of the insatser whose focus areas, printed responsible unit (*Ansvarig
/// verksamhet*) and affected units (*berörda verksamheter*) have changed.
pub fn focus_areas_changed(lang: Lang) -> &'static str {
    lang.pick("Ändrade fokusområden", "Focus areas changed")
}

pub fn responsible_changed(lang: Lang) -> &'static str {
    lang.pick("Ändrad ansvarig verksamhet", "Responsible unit changed")
}

pub fn affected_changed(lang: Lang) -> &'static str {
    lang.pick("Ändrade berörda verksamheter", "Affected units changed")
}

/// An insats's focus areas in words: `5, 6`, or `inga`.
pub fn focus_areas(areas: &[u32], lang: Lang) -> String {
    if areas.is_empty() {
        return lang.pick("inga", "none").to_string();
    }
    let numbers: Vec<String> = areas.iter().map(u32::to_string).collect();
    numbers.join(", ")
}

/// An insats's focus areas then and now: `5, 6 → 1, 2`.
pub fn focus_areas_change(c: &InsatsChange, lang: Lang) -> String {
    format!(
        "{} → {}",
        focus_areas(&c.old.focus_areas, lang),
        focus_areas(&c.new.focus_areas, lang)
    )
}

/// A text beside an insats's (`responsible`, `affected`) then and now, `ingen` where a plan
/// gives none.
pub fn text_change(old: Option<&str>, new: Option<&str>, lang: Lang) -> String {
    let none = lang.pick("ingen", "none");
    let side = |t: Option<&str>| t.map_or_else(|| none.to_string(), |t| visible(t).into_owned());
    format!("{} → {}", side(old), side(new))
}

/// The heading of the decision's terms that are not amounts, compared.
pub fn plan_terms_title(lang: Lang) -> &'static str {
    lang.pick("Beslut och tidsgränser", "Decision and deadlines")
}

/// What a term of the decision is called where the comparison gives it: the decision
/// basis's words where it names the term.
pub fn term_label(term: PlanTerm, lang: Lang) -> &'static str {
    use crate::output::words::document as doc;
    match term {
        PlanTerm::Title => lang.pick("Titel", "Title"),
        PlanTerm::Forum => doc::forum_label(lang),
        PlanTerm::DocumentDate => doc::document_date_label(lang),
        PlanTerm::DecisionDate => doc::decision_date_label(lang),
        PlanTerm::Replaces => doc::replaces_label(lang),
        PlanTerm::Reference => doc::reference_label(lang),
        PlanTerm::Invoicing => doc::invoicing_label(lang),
        PlanTerm::Deadline(Deadline::Requisition) => {
            lang.pick("Rekvirering senast", "Requisition by")
        }
        PlanTerm::Deadline(Deadline::InvoiceBy) => lang.pick("Fakturering senast", "Invoicing by"),
        PlanTerm::Deadline(Deadline::UseReported) => {
            lang.pick("Redovisning senast", "Use reported by")
        }
        PlanTerm::Deadline(Deadline::UnusedRepaid) => {
            lang.pick("Återbetalning senast", "Unused funds repaid by")
        }
        PlanTerm::ReportTo => lang.pick("Redovisning till", "Use reported to"),
    }
}

/// An insats's earmark (*varav*) then and now: `medverkan → ingen`.
pub fn earmark_change(c: &InsatsChange, lang: Lang) -> String {
    let none = lang.pick("ingen", "none");
    let side = |e: &Option<String>| {
        e.as_deref()
            .map_or_else(|| none.to_string(), |e| visible(e).into_owned())
    };
    format!("{} → {}", side(&c.old.earmark), side(&c.new.earmark))
}

/// The heading of the insatser whose earmark has changed.
pub fn earmark_changed(lang: Lang) -> &'static str {
    lang.pick("Ändrad varav-post", "Earmark changed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(rule: SplitRule, key: Option<&str>, except: usize, amounts: usize) -> SplitSide {
        let listed = |n: usize| -> Vec<(String, Amount)> {
            (0..n)
                .map(|i| (format!("k{i}"), Amount::kr(10_000)))
                .collect()
        };
        SplitSide {
            rule,
            key: key.map(str::to_string),
            unit: None,
            each: Some(Amount::kr(20_000)),
            except: listed(except),
            amounts: listed(amounts),
        }
    }

    /// Exceptions to an amount each are counted as exceptions, never as recipients of it
    /// ("20 000 kr var (4 mottagare)" read as 20 000 kr to each of 4), and the key that
    /// splits the kommuner's part of amounts given is named (tester s27 round 3).
    #[test]
    fn a_split_says_what_its_lists_and_key_are() {
        let style = Style::plain(Lang::Sv);
        let amount = |a: Amount| style.amount(a);
        let fixed = side(SplitRule::Fixed, None, 4, 0);
        assert_eq!(split(&fixed, style, &amount), "20 000 kr var (4 undantag)");
        let amounts = side(SplitRule::Amounts, Some("procent"), 0, 2);
        assert_eq!(
            split(&amounts, style, &amount),
            "angivna belopp (k0 10 000 kr, k1 10 000 kr), kommunernas del efter nyckel procent"
        );
        let english = Style::plain(Lang::En);
        let amount = |a: Amount| english.amount(a);
        assert_eq!(
            split(&fixed, english, &amount),
            "20,000 kr each (4 exceptions)"
        );
    }
}
