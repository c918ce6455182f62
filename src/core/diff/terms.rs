//! What the two plans say may be done with the money, compared as texts: the conditions
//! (`[plan] conditions`, *Villkor för medlen*) paragraph by paragraph, and each area's
//! requirements (`[areas.requirements]`) by their lead-in and their points, the areas paired
//! as the comparison of their money pairs them (by title, then by number: `area_pairs`).
//!
//! Two paragraphs are the same when their texts are, white space, case and Unicode form aside;
//! they are paired in plan order through a hash of the texts. The paragraphs left are paired
//! by similarity as insatser are (`TEXT_SIMILARITY`, through the words they share, each
//! keeping a few best candidates): a paragraph reworded is *changed*, the rest added or
//! removed. Time and memory are linear in the texts' size, never in the number of pairs.
//!
//! The decision's other terms that are not amounts (`PlanTerm`: the title, forum, dates,
//! reference code, invoicing details, every `[deadlines]` key and `report_to`) are compared
//! value by value, and the points of `proposal` (*Förslag till beslut*) as the conditions
//! are (tester s42 #2: a new `invoice_by` showed nowhere).
//!
//! The notes on `[[headings]]` and `[[stated]]` are not compared: the comparison does not pair
//! headings or printed figures at all.

use crate::core::text::replace_year;
use std::collections::HashMap;

use super::{Status, Text, area_pairs, pair_equal, pair_similar};
use crate::core::finding::Deadline;
use crate::core::ledger::Ledger;
use crate::core::plan::{Area, Date, Deadlines, Plan};
use crate::core::text::spaced;

/// The conditions, the areas' requirements, the decision's other terms and its proposal of
/// the two plans, compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Terms {
    pub conditions: Paragraphs,
    pub requirements: Requirements,
    /// The terms of `[plan]` and `[deadlines]` that are not amounts, each that either plan
    /// has and that differs, in the order of [`PlanTerm::ALL`].
    pub plan: Vec<TermChange>,
    /// The terms that both plans have alike.
    pub plan_unchanged: usize,
    /// `proposal`: the points the forum decides.
    pub proposal: Paragraphs,
}

impl Terms {
    /// Whether any condition, requirement, term of the decision or point of its proposal was
    /// added, removed or changed.
    pub fn changed(&self) -> bool {
        self.conditions.changed()
            || !self.requirements.areas.is_empty()
            || !self.plan.is_empty()
            || self.proposal.changed()
    }
}

/// A term of the decision that is not an amount: what a recipient or the accounting unit acts
/// on (a date to meet, a code to cite, whom to report to) or what the decision is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanTerm {
    Title,
    Forum,
    DocumentDate,
    DecisionDate,
    Replaces,
    Reference,
    Invoicing,
    Deadline(Deadline),
    ReportTo,
}

impl PlanTerm {
    /// Every term compared, in the order the comparison tells them.
    pub const ALL: [PlanTerm; 12] = [
        PlanTerm::Title,
        PlanTerm::Forum,
        PlanTerm::DocumentDate,
        PlanTerm::DecisionDate,
        PlanTerm::Replaces,
        PlanTerm::Reference,
        PlanTerm::Invoicing,
        PlanTerm::Deadline(Deadline::Requisition),
        PlanTerm::Deadline(Deadline::InvoiceBy),
        PlanTerm::Deadline(Deadline::UseReported),
        PlanTerm::Deadline(Deadline::UnusedRepaid),
        PlanTerm::ReportTo,
    ];

    /// The key as the plan writes it, with its table: `decision_date`, `deadlines.invoice_by`.
    pub fn key(self) -> &'static str {
        match self {
            PlanTerm::Title => "title",
            PlanTerm::Forum => "forum",
            PlanTerm::DocumentDate => "document_date",
            PlanTerm::DecisionDate => "decision_date",
            PlanTerm::Replaces => "replaces",
            PlanTerm::Reference => "reference",
            PlanTerm::Invoicing => "invoicing",
            PlanTerm::Deadline(Deadline::Requisition) => "deadlines.requisition",
            PlanTerm::Deadline(Deadline::UseReported) => "deadlines.use_reported",
            PlanTerm::Deadline(Deadline::UnusedRepaid) => "deadlines.unused_repaid",
            PlanTerm::Deadline(Deadline::InvoiceBy) => "deadlines.invoice_by",
            PlanTerm::ReportTo => "deadlines.report_to",
        }
    }

    /// The term's value in `plan`, `None` when the plan does not state it.
    fn value(self, plan: &Plan) -> Option<TermValue> {
        let meta = &plan.plan;
        let text = |t: &str| Some(TermValue::Text(spaced(t)));
        let date = |d: Option<Date>| d.map(TermValue::Date);
        let deadline =
            |of: fn(&Deadlines) -> Option<Date>| date(plan.deadlines.as_ref().and_then(of));
        match self {
            PlanTerm::Title => text(&meta.title),
            PlanTerm::Forum => meta.forum.as_ref().and_then(|f| text(f.get_ref())),
            PlanTerm::DocumentDate => date(meta.document_date.as_ref().map(|d| *d.get_ref())),
            PlanTerm::DecisionDate => date(meta.decision_date.as_ref().map(|d| *d.get_ref())),
            PlanTerm::Replaces => date(meta.replaces.as_ref().map(|d| *d.get_ref())),
            PlanTerm::Reference => meta.reference.as_deref().and_then(text),
            PlanTerm::Invoicing => meta.invoicing.as_deref().and_then(text),
            PlanTerm::Deadline(Deadline::Requisition) => deadline(Deadlines::requisition),
            PlanTerm::Deadline(Deadline::UseReported) => deadline(Deadlines::use_reported),
            PlanTerm::Deadline(Deadline::UnusedRepaid) => deadline(Deadlines::unused_repaid),
            PlanTerm::Deadline(Deadline::InvoiceBy) => deadline(Deadlines::invoice_by),
            PlanTerm::ReportTo => {
                let ids = plan.deadlines.iter().flat_map(|d| &d.report_to);
                let actors: Vec<(String, String)> = ids
                    .map(|id| {
                        let id = id.get_ref();
                        let actor = plan.actors.iter().find(|a| a.id.get_ref() == id);
                        (
                            id.clone(),
                            actor.map_or_else(|| id.clone(), |a| a.name.clone()),
                        )
                    })
                    .collect();
                (!actors.is_empty()).then_some(TermValue::Actors(actors))
            }
        }
    }
}

/// What a term says: a text (runs of white space as one space), a date, or actors (id and
/// name, in the plan's order).
#[derive(Clone, Debug, PartialEq)]
pub enum TermValue {
    Text(String),
    Date(Date),
    Actors(Vec<(String, String)>),
}

/// A term of the decision added, removed or changed: its value in each plan (`None` where the
/// plan does not state it).
#[derive(Clone, Debug, PartialEq)]
pub struct TermChange {
    pub term: PlanTerm,
    pub old: Option<TermValue>,
    pub new: Option<TermValue>,
}

impl TermChange {
    pub fn status(&self) -> Status {
        match (&self.old, &self.new) {
            (None, _) => Status::Added,
            (_, None) => Status::Removed,
            _ => Status::Changed,
        }
    }
}

/// The two plans' years, old and new: between two years a deadline on the same day of its
/// year, and a title with only its year moved, are the same term (reviewer s42: 2025→2026
/// listed every deadline one year on as a change).
#[derive(Clone, Copy)]
struct Years {
    old: i32,
    new: i32,
}

/// Whether two values of a term say the same: a title or forum white space, case and Unicode
/// form aside, a reference or an invoicing address as written (a web address may tell case);
/// a deadline on the same day of its plan's year; the actors reported to by id, in any order
/// (an actor given a new id under its name, `renamed`, is the same).
fn same_value(
    term: PlanTerm,
    old: &TermValue,
    new: &TermValue,
    years: Years,
    renamed: &HashMap<String, String>,
) -> bool {
    match (old, new) {
        (TermValue::Text(a), TermValue::Text(b)) => match term {
            PlanTerm::Reference | PlanTerm::Invoicing => a == b,
            PlanTerm::Title => same_text(&replace_year(a, years.old, years.new), b),
            _ => same_text(a, b),
        },
        (TermValue::Date(a), TermValue::Date(b)) => match term {
            PlanTerm::Deadline(_) => a.years_later(years.new.saturating_sub(years.old)) == *b,
            _ => a == b,
        },
        (TermValue::Actors(a), TermValue::Actors(b)) => {
            let as_new = |id: &String| renamed.get(id).unwrap_or(id).clone();
            let mut a: Vec<String> = a.iter().map(|(id, _)| as_new(id)).collect();
            let mut b: Vec<&String> = b.iter().map(|(id, _)| id).collect();
            a.sort_unstable();
            b.sort_unstable();
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a == b)
        }
        _ => false,
    }
}

/// The terms of the two plans that differ, and how many are the same in both.
fn plan_terms(
    old: &Plan,
    new: &Plan,
    renamed: &HashMap<String, String>,
) -> (Vec<TermChange>, usize) {
    let mut changed = Vec::new();
    let mut unchanged = 0;
    let years = Years {
        old: *old.plan.year.get_ref(),
        new: *new.plan.year.get_ref(),
    };
    for term in PlanTerm::ALL {
        match (term.value(old), term.value(new)) {
            (None, None) => {}
            (Some(a), Some(b)) if same_value(term, &a, &b, years, renamed) => unchanged += 1,
            (old, new) => changed.push(TermChange { term, old, new }),
        }
    }
    (changed, unchanged)
}

/// A paragraph as the comparison shows it: its place in its plan's list (from 1) and its text,
/// runs of white space as one space.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub number: usize,
    pub text: String,
}

/// A paragraph reworded: the old and the new text, and how alike they are (whole per cent).
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphChange {
    pub old: Paragraph,
    pub new: Paragraph,
    pub similarity: u32,
}

/// Two lists of paragraphs compared; `added` in the new plan's order, `removed` in the old
/// plan's, `changed` in the new plan's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraphs {
    pub added: Vec<Paragraph>,
    pub removed: Vec<Paragraph>,
    pub changed: Vec<ParagraphChange>,
    /// Paragraphs with the same text in both plans (wherever in the list).
    pub unchanged: usize,
}

impl Paragraphs {
    /// Whether a paragraph was added, removed or changed.
    pub fn changed(&self) -> bool {
        !(self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty())
    }

    /// Whether either plan has any paragraph at all.
    pub fn any(&self) -> bool {
        self.changed() || self.unchanged > 0
    }
}

/// The areas' requirements compared: each area whose requirements were added, removed or
/// changed, by area number; and how many areas have the same requirements in both plans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Requirements {
    pub areas: Vec<AreaRequirements>,
    pub unchanged: usize,
}

impl Requirements {
    /// Whether either plan states requirements for any area.
    pub fn any(&self) -> bool {
        !self.areas.is_empty() || self.unchanged > 0
    }

    /// How many areas' requirements were changed, added and removed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let of = |status: Status| self.areas.iter().filter(|a| a.status() == status).count();
        (of(Status::Changed), of(Status::Added), of(Status::Removed))
    }
}

/// One area's requirements in the two plans. The lead-in is `None` on the side whose plan
/// states no requirements for the area (or has no such area); the points of requirements
/// added are all added, of requirements removed all removed.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRequirements {
    pub area: u32,
    /// `2 Utvecklade insatser …`: the area's number and title, in the new plan when it has the
    /// area.
    pub label: String,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    pub points: Paragraphs,
}

impl AreaRequirements {
    pub fn status(&self) -> Status {
        match (&self.old_text, &self.new_text) {
            (None, _) => Status::Added,
            (_, None) => Status::Removed,
            _ => Status::Changed,
        }
    }

    /// Whether the lead-in differs between two plans that both state requirements.
    pub fn text_changed(&self) -> bool {
        match (&self.old_text, &self.new_text) {
            (Some(old), Some(new)) => !same_text(old, new),
            _ => false,
        }
    }
}

/// Compares the conditions, the areas' requirements, the other terms and the proposal of two
/// plans; `renamed`: the actors given a new id under their name, old id to new.
pub fn terms(old: &Ledger, new: &Ledger, renamed: &HashMap<String, String>) -> Terms {
    let (old, new) = (old.plan, new.plan);
    let (plan, plan_unchanged) = plan_terms(old, new, renamed);
    Terms {
        conditions: paragraphs(&old.plan.conditions, &new.plan.conditions),
        requirements: requirements(&old.areas, &new.areas),
        plan,
        plan_unchanged,
        proposal: paragraphs(&old.plan.proposal, &new.plan.proposal),
    }
}

/// Whether two texts say the same: white space, case and Unicode form aside.
fn same_text(a: &str, b: &str) -> bool {
    Text::new(a).folded == Text::new(b).folded
}

fn requirements(old: &[Area], new: &[Area]) -> Requirements {
    let mut result = Requirements::default();
    // The areas paired as the comparison of their money pairs them.
    for (old_area, new_area) in area_pairs(old, new) {
        let old_req = old_area.and_then(|a| a.requirements.as_ref());
        let new_req = new_area.and_then(|a| a.requirements.as_ref());
        if old_req.is_none() && new_req.is_none() {
            continue;
        }
        let no_points: &[String] = &[];
        let points = paragraphs(
            old_req.map_or(no_points, |r| r.points.as_slice()),
            new_req.map_or(no_points, |r| r.points.as_slice()),
        );
        let Some(area) = new_area.or(old_area) else {
            continue;
        };
        let number = *area.number.get_ref();
        let compared = AreaRequirements {
            area: number,
            label: format!("{number} {}", area.title),
            old_text: old_req.map(|r| spaced(&r.text)),
            new_text: new_req.map(|r| spaced(&r.text)),
            points,
        };
        if compared.status() == Status::Changed
            && !compared.text_changed()
            && !compared.points.changed()
        {
            result.unchanged += 1;
        } else {
            result.areas.push(compared);
        }
    }
    result.areas.sort_by_key(|a| a.area);
    result
}

/// Text `i` of `texts` folded: what two paragraphs are paired on when they say the same.
fn folded(texts: &[Text], i: usize) -> &str {
    texts.get(i).map_or("", |t| t.folded.as_str())
}

/// Compares two lists of paragraphs: the same texts paired first (in plan order), then
/// reworded ones by similarity.
pub fn paragraphs(old: &[String], new: &[String]) -> Paragraphs {
    let old_texts: Vec<Text> = old.iter().map(|t| Text::new(t)).collect();
    let new_texts: Vec<Text> = new.iter().map(|t| Text::new(t)).collect();
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let same = pair_equal(
        &mut old_taken,
        &mut new_taken,
        |o| folded(&old_texts, o),
        |n| folded(&new_texts, n),
    );
    // Among equally similar paragraphs, those nearer in place.
    let mut similar = pair_similar(
        &old_texts,
        &new_texts,
        &mut old_taken,
        &mut new_taken,
        |o, n| u8::MAX - u8::try_from(o.abs_diff(n)).unwrap_or(u8::MAX),
    );
    similar.sort_by_key(|&(_, n, _)| n);
    let paragraph = |list: &[String], i: usize| Paragraph {
        number: i + 1,
        text: list.get(i).map(|t| spaced(t)).unwrap_or_default(),
    };
    let left = |list: &[String], taken: &[bool]| -> Vec<Paragraph> {
        (0..list.len())
            .filter(|&i| !taken.get(i).copied().unwrap_or(true))
            .map(|i| paragraph(list, i))
            .collect()
    };
    Paragraphs {
        added: left(new, &new_taken),
        removed: left(old, &old_taken),
        changed: similar
            .into_iter()
            .map(|(o, n, similarity)| ParagraphChange {
                old: paragraph(old, o),
                new: paragraph(new, n),
                similarity,
            })
            .collect(),
        unchanged: same.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn the_same_paragraphs_anywhere_are_unchanged() {
        let old = texts(&[
            "Första villkoret om medlen.",
            "Andra  villkoret\nom medlen.",
        ]);
        let new = texts(&["andra villkoret om medlen.", "Första villkoret om medlen."]);
        let compared = paragraphs(&old, &new);
        assert_eq!(compared.unchanged, 2);
        assert!(!compared.changed());
    }

    #[test]
    fn a_reworded_paragraph_is_changed_the_others_added_and_removed() {
        let old = texts(&[
            "Medel som inte fakturerats senast 2026-08-30 ska återbetalas.",
            "Redovisning sker till Folkhälsoenheten.",
        ]);
        let new = texts(&[
            "Omfördelning sker efter överenskommelse.",
            "Medel som inte fakturerats senast 2027-08-30 ska återbetalas till Kammarkollegiet.",
        ]);
        let compared = paragraphs(&old, &new);
        assert_eq!(compared.unchanged, 0);
        // medel, faktur, senast, återbe shared of 4 and 5 content words: 2 × 4 / 9.
        assert_eq!(compared.changed.len(), 1);
        let change = &compared.changed[0];
        assert_eq!((change.old.number, change.new.number), (1, 2));
        assert_eq!(change.similarity, 88);
        assert_eq!(compared.added.len(), 1);
        assert_eq!(compared.added[0].number, 1);
        assert_eq!(compared.removed.len(), 1);
        assert_eq!(
            compared.removed[0].text,
            "Redovisning sker till Folkhälsoenheten."
        );
    }

    #[test]
    fn many_paragraphs_with_one_text_all_pair() {
        let old = vec!["Samma villkor för medlen.".to_string(); 5_000];
        let new = vec!["Samma villkor för medlen.".to_string(); 5_000];
        let compared = paragraphs(&old, &new);
        assert_eq!(compared.unchanged, 5_000);
        assert!(!compared.changed());
    }
}
