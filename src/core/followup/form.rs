//! The follow-up form for each recipient, as data: who it is for, what it received line by
//! line, by when and to whom it reports. The lines are the invoice summaries' (`report::payments`),
//! so a form lists exactly what the recipient was paid.

use crate::core::ledger::Ledger;
use crate::core::ledger::selection::Selection;
use crate::core::money::Amount;
use crate::core::report::{self, Projection, RecipientKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub recipient: String,
    pub kommunkod: Option<String>,
    /// The actor's id in the plan (`None` for a kommun).
    pub actor_id: Option<String>,
    pub kind: RecipientKind,
    /// Whether the recipient invoices the region (and so is asked whether it has).
    pub invoices: bool,
    pub year: i32,
    pub county: String,
    pub decision: String,
    pub reference: Option<String>,
    /// The reporting deadline.
    pub deadline: Option<crate::core::plan::Date>,
    /// For a recipient that invoices, the day by which it does (`invoice_by`).
    pub invoice_by: Option<crate::core::plan::Date>,
    /// Whom the use is reported to, by name (not the recipient itself).
    pub report_to: Vec<String>,
    pub lines: Vec<FormLine>,
    pub total: Amount,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FormLine {
    pub area: u32,
    pub insats: String,
    pub text: String,
    pub received: Amount,
}

/// One form per recipient, in the order of the invoice summaries.
pub fn forms(ledger: &Ledger) -> Vec<Form> {
    let plan = ledger.plan;
    let selection = Selection::all();
    let projection = Projection::new(ledger, &selection);
    let payments = report::payments(&projection);
    let deadlines = plan.deadlines.as_ref();
    let deadline = deadlines
        .and_then(|d| d.use_reported.as_ref())
        .map(|d| *d.get_ref());
    let invoice_by = deadlines
        .and_then(|d| d.invoice_by.as_ref())
        .map(|d| *d.get_ref());
    let groups = [
        (&payments.invoices, true),
        (&payments.internal, false),
        (&payments.held, false),
    ];
    let mut forms = Vec::new();
    for (statements, invoices) in groups {
        for statement in statements {
            let actor_id = match statement.kommunkod {
                Some(_) => None,
                None => plan
                    .actors
                    .iter()
                    .find(|a| *a.name == *statement.recipient)
                    .map(|a| a.id.get_ref().clone()),
            };
            forms.push(Form {
                recipient: statement.recipient.to_string(),
                kommunkod: statement.kommunkod.clone(),
                actor_id,
                kind: statement.kind,
                invoices,
                year: *plan.plan.year.get_ref(),
                county: plan.plan.county.get_ref().clone(),
                decision: payments.decision.clone(),
                reference: payments.reference.clone(),
                deadline,
                invoice_by: invoice_by.filter(|_| invoices),
                report_to: (ledger.report_to_but(&statement.recipient).into_iter())
                    .map(str::to_string)
                    .collect(),
                lines: statement
                    .lines
                    .iter()
                    .map(|l| FormLine {
                        area: l.area,
                        insats: payments.id(l).to_string(),
                        text: payments.text(l).to_string(),
                        received: l.amount,
                    })
                    .collect(),
                total: statement.total,
            });
        }
    }
    forms
}
