//! How an insats's amount is split over its recipients, as the decision basis and the letters
//! say it, and a key's figures as they write them.

use rust_decimal::Decimal;

use crate::core::ledger::{Ledger, Recipient, index};
use crate::core::plan::{Key, KeyKind, Split};
use crate::output::lang::Lang;
use crate::output::number::{self, Style};

/// A split's rule in the words of `diff` (`nyckel ”Andel av länets befolkning”, avrundat
/// till 100 kr`, `75 000 kr var (Östersund 140 000 kr)`), its amounts set as a document sets
/// them, an actor named by its name, as the documents name it everywhere, not its id, and a
/// key by its title where the plan gives one (tester s44 #6: `nyckel befolkning-procent-2026`
/// in the letters).
pub fn rule(ledger: &Ledger, split: &Split, lang: Lang) -> String {
    let mut side = crate::core::diff::split_side(split, ledger);
    if let Some(key) = side.key.as_mut() {
        *key = key_name(ledger, key, lang);
    }
    for (who, _) in side.except.iter_mut().chain(side.amounts.iter_mut()) {
        if let Some(a) = ledger.names.actor(who) {
            *who = ledger
                .recipient_name(Recipient::Actor(index(a)))
                .to_string();
        }
    }
    crate::output::words::diff::split(&side, Style::document(lang), &|a| {
        number::document_amount(a, lang)
    })
}

/// A key as a document names it: its title quoted (`”Andel av länets befolkning”`), or its
/// id where the plan gives it no title or names no key of the plan.
pub fn key_name(ledger: &Ledger, id: &str, lang: Lang) -> String {
    let key = (ledger.names.keys.get(id)).and_then(|&k| ledger.plan.keys.get(k));
    match key.and_then(|k| k.title.as_deref()) {
        Some(title) => crate::output::words::document::quoted(title, lang),
        None => id.to_string(),
    }
}

/// A key's column header in a document: its title where the plan gives one, else its id.
pub fn key_header(key: &Key) -> &str {
    key.title.as_deref().unwrap_or(key.id.get_ref())
}

/// Whether a key's weights are percentages (written so, or derived from counts).
pub fn is_percent(key: &Key) -> bool {
    *key.kind.get_ref() == KeyKind::Percent || key.from.is_some()
}

/// The key a split divides by, if any, with its weights (when they could be worked out).
pub fn key<'l>(ledger: &'l Ledger, split: &Split) -> Option<(usize, &'l [Decimal])> {
    let k = *ledger.names.keys.get(split.key.as_ref()?.get_ref())?;
    let weights = ledger.keys.get(k)?.weights.as_ref().ok()?;
    Some((k, weights.as_slice()))
}

/// A key's figures as a document writes them: a percentage with the key's `precision` (part
/// of the rule: seed 003's two decimals), else with the decimals of its most precise value;
/// a count grouped.
pub fn key_figure(
    key: &Key,
    weights: &[Decimal],
    lang: Lang,
) -> impl Fn(Decimal) -> String + use<> {
    let style = Style::document(lang);
    let percent = is_percent(key);
    let decimals = key.precision.as_ref().map_or_else(
        || {
            (weights.iter())
                .map(|w| w.normalize().scale())
                .max()
                .unwrap_or(0)
        },
        |p| *p.get_ref(),
    );
    move |w: Decimal| match percent {
        true => style.percent(w, decimals),
        false => style.grouped(w),
    }
}
