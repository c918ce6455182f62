//! The words the documents share: the decision basis and the letters name the region in the
//! genitive, cite the decision and write the plan's deadlines alike.

use crate::core::plan::{Date, Deadlines, Plan};
use crate::output::lang::Lang;
use crate::output::number;

/// A name in the genitive, Swedish style: "Region Jämtland Härjedalens", "KFJH:s".
pub fn genitive(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name}'s"),
        Lang::Sv => {
            let last = name.chars().last().unwrap_or(' ');
            if last.is_uppercase() || last.is_ascii_digit() {
                format!("{name}:s")
            } else if matches!(last, 's' | 'x' | 'z') {
                name.to_string()
            } else {
                format!("{name}s")
            }
        }
    }
}

/// The words around a page's number and the number of pages in a document's margin:
/// `Sida 3 av 24` (`Page 3 of 24`).
pub fn page_of(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Sv => ("Sida ", " av "),
        Lang::En => ("Page ", " of "),
    }
}

/// What the plan's `invoicing` is called where a document gives it.
pub fn invoicing_label(lang: Lang) -> &'static str {
    lang.pick("Faktureringsuppgifter", "Invoicing details")
}

/// What the plan's `forum` is called where the decision basis and the comparison give it.
pub fn forum_label(lang: Lang) -> &'static str {
    lang.pick("Beslutande forum", "Deciding forum")
}

/// What the plan's `decision_date` is called where the decision basis and the comparison
/// give it.
pub fn decision_date_label(lang: Lang) -> &'static str {
    lang.pick("Beslutsdatum", "Decision date")
}

/// What the plan's `replaces` is called where the decision basis, the letters, the invoices
/// and the comparison give it: "Ersätter beslut: 27 februari 2026".
pub fn replaces_label(lang: Lang) -> &'static str {
    lang.pick("Ersätter beslut", "Replaces decision")
}

/// What the plan's `document_date` is called where the decision basis and the comparison
/// give it.
pub fn document_date_label(lang: Lang) -> &'static str {
    lang.pick("Underlagets datum", "Document date")
}

/// What the plan's `reference` is called where the decision basis and the comparison give it.
pub fn reference_label(lang: Lang) -> &'static str {
    lang.pick("Referenskod", "Reference code")
}

/// The lead-in of what the decision basis proposes the forum assign (`**Förslag:**`, as the
/// published decision marks them), over the points under *Rekvirering* and *Uppföljning och
/// återbetalning*, so that the proposal's "förslag angående rekvirering, … redovisning" points
/// at them (tester s44 #3).
pub fn proposal_lead(lang: Lang) -> &'static str {
    lang.pick("Förslag:", "Proposal:")
}

/// A title of the plan quoted in running text: `”Andel av länets befolkning”` in Swedish,
/// `“Andel av länets befolkning”` in English.
pub fn quoted(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("”{title}”"),
        Lang::En => format!("“{title}”"),
    }
}

/// The decision as a document cites it: "SVOM 27 februari 2026".
pub fn decision(plan: &Plan, lang: Lang) -> Option<String> {
    let forum = plan.plan.forum.as_ref()?.get_ref();
    Some(match &plan.plan.decision_date {
        Some(date) => format!("{forum} {}", number::date(*date.get_ref(), lang)),
        None => forum.clone(),
    })
}

/// A deadline of the plan, as a document writes it: `deadline(plan, Deadlines::requisition,
/// lang)` is "1 december 2026".
pub fn deadline(plan: &Plan, which: fn(&Deadlines) -> Option<Date>, lang: Lang) -> Option<String> {
    plan.deadlines
        .as_ref()
        .and_then(which)
        .map(|d| number::date(d, lang))
}

/// What follows the invoicing deadline (`invoice_by`), in the decision basis and the letters.
pub fn not_invoiced_repaid(lang: Lang) -> &'static str {
    lang.pick(
        "medel som inte fakturerats då återbetalas",
        "funds not invoiced by then are repaid",
    )
}

/// A printed figure that errors keep `check` from comparing, as its mark says it: "kan inte
/// kontrolleras" (its errors follow, "(fel 1)").
pub fn unchecked(lang: Lang) -> &'static str {
    lang.pick("kan inte kontrolleras", "cannot be checked")
}

/// How many printed figures errors keep from being compared, and which errors (`see`: "fel
/// 1", "felen ovan"), after the count of those that hold: "(9 kan inte kontrolleras, se fel
/// 1)"; nothing when there are none.
pub fn unchecked_count(n: usize, see: &str, lang: Lang) -> String {
    if n == 0 {
        return String::new();
    }
    let (n, unchecked) = (number::count(n as u64, lang), unchecked(lang));
    match lang {
        Lang::Sv => format!(" ({n} {unchecked}, se {see})"),
        Lang::En => format!(" ({n} {unchecked}, see {see})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swedish_genitive_takes_a_colon_after_a_capital_and_nothing_after_s() {
        let sv = |name| genitive(name, Lang::Sv);
        assert_eq!(
            sv("Region Jämtland Härjedalen"),
            "Region Jämtland Härjedalens"
        );
        assert_eq!(sv("KFJH"), "KFJH:s");
        assert_eq!(sv("Region 2"), "Region 2:s");
        assert_eq!(sv("Östersunds kommun"), "Östersunds kommuns");
        assert_eq!(sv("Bräcke hus"), "Bräcke hus");
        assert_eq!(genitive("KFJH", Lang::En), "KFJH's");
    }
}
