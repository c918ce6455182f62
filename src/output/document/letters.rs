//! Letters to the recipients (*fördelningsbesked*): one short document per recipient, from
//! the payments view, so a letter's amounts are the decision basis's. Each says what the
//! recipient receives for which insatser, how the money is paid (a collective invoice to the
//! region, citing the decision and the reference code; an internal transfer; or money the
//! region holds), and the deadlines for reporting and repayment.

use std::collections::HashMap;

use crate::core::ledger::names::official_kommun_name;
use crate::core::ledger::{Ledger, Recipient};
use crate::core::plan::{Deadlines, SplitRule};
use crate::core::report::{self, Payments, Projection, RecipientKind, Statement};
use crate::input::plan::Source;
use crate::output::document::{
    Block, Column, Document, Figure, Mark, Row, RowKind, Span, StatusKind, StatusNote, Table,
    footer, splits, total_label,
};
use crate::output::file_name;
use crate::output::lang::Lang;
use crate::output::number;
use crate::output::words::document::{
    deadline, decision, genitive, invoicing_label, not_invoiced_repaid, replaces_label,
};
use crate::say;

/// How a payment reaches the recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    Invoice,
    Internal,
    Held,
}

/// One letter: the file name without its extension, and the document.
pub struct Letter {
    pub stem: String,
    pub recipient: String,
    pub document: Document,
}

/// How a letter's file name starts, in Swedish and in English; the year and the recipient
/// follow (`fordelningsbesked-2026-2326-berg`).
pub const PREFIXES: [&str; 2] = ["fordelningsbesked", "allocation-letter"];

/// The recipient's part of a letter's file name for `year`, in either language
/// (`2326-berg.html` of `fordelningsbesked-2026-2326-berg.html`); `None` for any other file.
pub fn recipient_part(file_name: &str, year: i32) -> Option<&str> {
    PREFIXES
        .iter()
        .find_map(|p| file_name.strip_prefix(&format!("{p}-{year}-")))
}

/// A letter for every recipient, in the order of the payments view: those who invoice, the
/// region's units, the money the region holds.
pub fn letters(projection: &Projection, source: &Source, lang: Lang) -> Vec<Letter> {
    let plan = projection.ledger.plan;
    let payments = report::payments(projection);
    let groups = [
        (&payments.invoices, Route::Invoice),
        (&payments.internal, Route::Internal),
        (&payments.held, Route::Held),
    ];
    let year = *plan.plan.year.get_ref();
    let prefix = lang.pick(PREFIXES[0], PREFIXES[1]);
    let recipients: Vec<(&Statement, Route)> = groups
        .into_iter()
        .flat_map(|(statements, route)| statements.iter().map(move |s| (s, route)))
        .collect();
    let paid = paid_by(&payments);
    let stems = file_name::unique_names(
        recipients
            .iter()
            .map(|(statement, _)| {
                (
                    format!("{prefix}-{year}-{}", slug(statement)),
                    statement.kind == RecipientKind::Kommun,
                )
            })
            .collect(),
    );
    recipients
        .into_iter()
        .zip(stems)
        .map(|((statement, route), stem)| Letter {
            stem,
            recipient: display_name(statement, lang),
            document: letter(
                projection.ledger,
                (&payments, &paid),
                statement,
                route,
                // A recipient the reports go to does not report to itself.
                &projection.ledger.report_to_but(&statement.recipient),
                source,
                lang,
            ),
        })
        .collect()
}

/// Per insats (by its place in the plan), the recipients paid a line of it.
type PaidBy = HashMap<u32, Vec<Recipient>>;

/// [`PaidBy`] of every statement, made once for all the letters.
fn paid_by(payments: &Payments) -> PaidBy {
    let mut paid: PaidBy = HashMap::new();
    let statements = (payments.invoices.iter())
        .chain(&payments.internal)
        .chain(&payments.held);
    for s in statements {
        if let Some(recipient) = s.of {
            for line in &s.lines {
                paid.entry(line.index).or_default().push(recipient);
            }
        }
    }
    paid
}

/// What the letter's recipient shares with others, by the insatser that list them all as
/// responsible: to an actor named beside the one that holds the money (the decision's
/// *i samverkan*, such as Kommunförbundet beside the region), the money held with what it
/// comes to; to the one that holds it, whom it is shared with. Nothing when nothing is.
fn shared_with(
    ledger: &Ledger,
    (payments, paid): (&Payments, &PaidBy),
    statement: &Statement,
    name: &str,
    lang: Lang,
) -> Vec<Block> {
    let Some(Recipient::Actor(me)) = statement.of else {
        return Vec::new();
    };
    let me = me as usize;
    let actors_of = |line: &report::StatementLine| {
        ledger
            .insatser
            .get(line.index as usize)
            .map_or(&[][..], |e| e.actors.as_slice())
    };
    // An actor of a joint row that is paid its own share of it (`rule = "amounts"`, the
    // region's and the kommuner's parts) does not share the holder's part, which the holder
    // holds as its own (tester s26).
    let shares = |holder: Option<Recipient>, line: &report::StatementLine, actor: usize| {
        !paid.get(&line.index).is_some_and(|recipients| {
            (recipients.iter()).any(|&r| Some(r) != holder && ledger.actors.is_under(r, actor))
        })
    };
    let mut blocks = Vec::new();
    // Held by another, shared with this recipient.
    for holder in payments.held.iter().filter(|h| h.of != statement.of) {
        let lines: Vec<&report::StatementLine> = holder
            .lines
            .iter()
            .filter(|l| actors_of(l).contains(&me) && shares(holder.of, l, me))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let sum: crate::core::money::Amount = lines.iter().map(|l| l.amount).sum();
        let (holder_name, sum) = (&holder.recipient, money(sum, lang));
        blocks.push(Block::Paragraph(vec![Span::text(say!(
            lang,
            "{holder_name} förvaltar dessutom {sum} för fortsatt fördelning och nyttjande i samverkan med {name}. De ingår inte i beloppet ovan och betalas ut när de har fördelats vidare:",
            "{holder_name} also manages {sum} for further distribution and use in cooperation with {name}. They are not part of the amount above and are paid out once distributed further:"
        ))]));
        let caption = say!(
            lang,
            "I samverkan, förvaltas av {holder_name}",
            "In cooperation, managed by {holder_name}"
        );
        blocks.push(lines_table(
            payments,
            &lines,
            &sum,
            caption,
            Vec::new(),
            lang,
        ));
    }
    // Held by this recipient, shared with others.
    if payments.held.iter().any(|h| h.of == statement.of) {
        let with = |l: &&report::StatementLine, a: usize| a != me && shares(statement.of, l, a);
        let shared: Vec<&report::StatementLine> = statement
            .lines
            .iter()
            .filter(|l| actors_of(l).iter().any(|&a| with(l, a)))
            .collect();
        let mut others: Vec<usize> = shared
            .iter()
            .flat_map(|l| actors_of(l).iter().filter(|&&a| with(l, a)).copied())
            .collect();
        others.sort_unstable();
        others.dedup();
        let names: Vec<&str> = others
            .iter()
            .map(|&a| ledger.recipient_name(Recipient::Actor(crate::core::ledger::index(a))))
            .collect();
        if !names.is_empty() {
            let with = crate::output::words::listed(&names, lang);
            let sum = money(shared.iter().map(|l| l.amount).sum(), lang);
            let ids: Vec<&str> = shared.iter().map(|l| payments.id(l)).collect();
            let ids = crate::output::words::listed(&ids, lang);
            blocks.push(Block::Paragraph(vec![Span::text(say!(
                lang,
                "Av medlen fördelas {sum} vidare i samverkan med {with} ({ids}).",
                "Of the funds, {sum} are distributed further in cooperation with {with} ({ids})."
            ))]));
        }
    }
    blocks
}

/// A letter's table of insatser: area, insats, description and amount per line, and the total.
fn lines_table(
    payments: &Payments,
    lines: &[&report::StatementLine],
    total: &str,
    caption: String,
    notes: Vec<Vec<Span>>,
    lang: Lang,
) -> Block {
    let figure = |text: String| {
        vec![Span::Figure(Figure {
            text,
            mark: Mark::None,
        })]
    };
    let mut rows: Vec<Row> = lines
        .iter()
        .map(|l| Row {
            cells: vec![
                vec![Span::text(l.area.to_string())],
                vec![Span::text(payments.id(l))],
                vec![Span::swedish(payments.text(l))],
                figure(money(l.amount, lang)),
            ],
            kind: RowKind::Body,
        })
        .collect();
    rows.push(Row {
        cells: vec![
            Vec::new(),
            Vec::new(),
            total_label(lang),
            figure(total.to_string()),
        ],
        kind: RowKind::Total,
    });
    Block::Table(Table {
        caption: Some(caption),
        columns: vec![
            Column::text(lang.pick("Område", "Area")),
            Column::text("Insats"),
            Column::wide(lang.pick("Beskrivning", "Description")),
            Column::amount(lang.pick("Belopp", "Amount")),
        ],
        rows,
        notes,
    })
}

/// How each line's insats is split, under the recipient's table: the rule, and for a kommun
/// split by a key its own share in it (`1.3: Fördelning: nyckel befolkning-procent-2026,
/// avrundat till 100 kr; Bergs andel 5,3 %.`), so a kommun can see how its amount came about.
fn split_notes(
    ledger: &Ledger,
    (payments, statement): (&Payments, &Statement),
    lang: Lang,
) -> Vec<Vec<Span>> {
    let plan = ledger.plan;
    let kommun = (statement.kommunkod.as_deref()).and_then(|code| ledger.names.kommun(code));
    statement
        .lines
        .iter()
        .filter_map(|l| {
            let insats = plan.insatser.get(l.index as usize)?;
            let split = insats.split.as_ref()?.get_ref();
            let (id, rule) = (payments.id(l), splits::rule(ledger, split, lang));
            let mut note = say!(lang, "{id}: Fördelning: {rule}", "{id}: Split: {rule}");
            // The kommun's own weight in a key that splits the insats among the kommuner
            // (under `amounts` the key splits only the kommuner's part, which the rule says):
            // a percentage as its share, a count of the key's total.
            let by_key = matches!(
                split.rule.get_ref(),
                SplitRule::Key | SplitRule::FixedPlusKey
            );
            let share = splits::key(ledger, split)
                .filter(|_| by_key)
                .and_then(|(k, weights)| {
                    let weight = *weights.get(kommun?)?;
                    let key = plan.keys.get(k)?;
                    let figure = splits::key_figure(key, weights, lang);
                    Some(match splits::is_percent(key) {
                        true => figure(weight),
                        false => {
                            let (own, all) = (figure(weight), figure(weights.iter().sum()));
                            say!(lang, "{own} av {all}", "{own} of {all}")
                        }
                    })
                });
            if let Some(share) = share {
                let whose = genitive(&statement.recipient, lang);
                note.push_str(&say!(
                    lang,
                    "; {whose} andel {share}",
                    "; {whose} share {share}"
                ));
            }
            note.push('.');
            Some(vec![Span::text(note)])
        })
        .collect()
}

/// How a letter names its recipient: "Bergs kommun", "Berg Municipality", an actor's name.
pub fn display_name(statement: &Statement, lang: Lang) -> String {
    match statement.kind {
        RecipientKind::Kommun => kommun_name(&statement.recipient, lang),
        _ => statement.recipient.to_string(),
    }
}

/// A kommun's official name: `Bergs kommun`, `Berg Municipality`.
pub fn kommun_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} Municipality"),
        Lang::Sv => official_kommun_name(name),
    }
}

/// A file name part for a recipient: kommunkod and name, lower case, ASCII.
fn slug(statement: &Statement) -> String {
    let name = match &statement.kommunkod {
        Some(code) => format!("{code}-{}", statement.recipient),
        None => statement.recipient.to_string(),
    };
    file_name::slug(&name, "mottagare")
}

fn money(amount: crate::core::money::Amount, lang: Lang) -> String {
    number::document_amount(amount, lang)
}

fn letter(
    ledger: &Ledger,
    (payments, paid): (&Payments, &PaidBy),
    statement: &Statement,
    route: Route,
    report_to: &[&str],
    source: &Source,
    lang: Lang,
) -> Document {
    let plan = ledger.plan;
    let year = *plan.plan.year.get_ref();
    let county = plan.plan.county.get_ref();
    let name = display_name(statement, lang);
    let total = money(statement.total, lang);
    let region = &payments.region;
    let decision = decision(plan, lang);
    // The decision a revision replaces, as the letter writes its date.
    let replaced = (plan.plan.replaces.as_ref()).map(|d| number::date(*d.get_ref(), lang));
    let mut meta = vec![(
        lang.pick("Mottagare", "Recipient").to_string(),
        // "Bergs kommun" is the plan's Swedish; "Berg Municipality" English with a name in it.
        vec![match lang {
            Lang::Sv => Span::swedish(crate::output::words::recipient(
                &name,
                statement.kommunkod.as_deref(),
            )),
            _ => Span::text(crate::output::words::recipient(
                &name,
                statement.kommunkod.as_deref(),
            )),
        }],
    )];
    if let Some(d) = &decision {
        meta.push((
            lang.pick("Beslut", "Decision").to_string(),
            vec![Span::text(d.clone())],
        ));
    }
    if let Some(date) = &replaced {
        meta.push((replaces_label(lang).to_string(), vec![Span::text(date)]));
    }
    if route == Route::Invoice
        && let Some(reference) = &payments.reference
    {
        meta.push((
            lang.pick("Referenskod", "Reference code").to_string(),
            vec![Span::Strong(reference.clone())],
        ));
    }
    if route == Route::Invoice
        && let Some(invoicing) = &plan.plan.invoicing
    {
        meta.push((
            invoicing_label(lang).to_string(),
            vec![Span::swedish(invoicing)],
        ));
    }
    meta.push((
        lang.pick("Belopp", "Amount").to_string(),
        vec![Span::Figure(Figure {
            text: total.clone(),
            mark: Mark::None,
        })],
    ));

    let mut blocks = Vec::new();
    let title = &plan.plan.title;
    // The region is not allotted the money it holds: it manages it until it is distributed
    // further (tester s44 #4: "tilldelas 4 205 026 kr", all of it distributed jointly). An
    // actor whose own money the region holds (`payment = "held"`) is allotted it all the same.
    let manages = route == Route::Held && statement.kind == RecipientKind::Region;
    let funds = say!(
        lang,
        "av länsgemensamma medel för psykisk hälsa och suicidprevention {year} i {county}",
        "of the joint county funds for mental health and suicide prevention {year} in {county}"
    );
    let what = match manages {
        true => say!(
            lang,
            "{name} förvaltar {total} {funds} för fortsatt fördelning och nyttjande",
            "{name} manages {total} {funds} for further distribution and use"
        ),
        false => say!(
            lang,
            "{name} tilldelas {total} {funds}",
            "{name} is allocated {total} {funds}"
        ),
    };
    // The plan's title, in its own words, ends the sentence.
    let (intro, end) = match &decision {
        Some(d) => (
            say!(
                lang,
                "{what}, enligt beslut i {d} om ",
                "{what}, by the decision of {d} on "
            ),
            ".",
        ),
        None => (format!("{what} ("), ")."),
    };
    blocks.push(Block::Paragraph(vec![
        Span::text(intro),
        Span::swedish(title),
        Span::text(end),
    ]));
    if let Some(date) = &replaced {
        blocks.push(Block::Paragraph(vec![Span::text(say!(
            lang,
            "Beslutet är en revidering: detta besked ersätter fördelningsbeskedet efter beslutet den {date}, och beloppet är hela beloppet enligt det nya beslutet.",
            "The decision is a revision: this letter replaces the allocation letter after the decision of {date}, and the amount is the whole amount under the new decision."
        ))]));
    }
    let lines: Vec<&report::StatementLine> = statement.lines.iter().collect();
    let caption = lang.pick("Insatser", "Insatser").to_string();
    let notes = split_notes(ledger, (payments, statement), lang);
    blocks.push(lines_table(payments, &lines, &total, caption, notes, lang));
    blocks.extend(shared_with(
        ledger,
        (payments, paid),
        statement,
        &name,
        lang,
    ));

    blocks.push(Block::Heading {
        level: 2,
        text: vec![Span::text(
            lang.pick("Så betalas medlen ut", "How the funds are paid"),
        )],
        id: "payment".to_string(),
        new_page: false,
    });
    let decision_words = decision.clone().unwrap_or_else(|| title.clone());
    let mut payment = match route {
        Route::Invoice => {
            let mut spans = vec![Span::text(say!(
                lang,
                "Fakturera {region} med en samlingsfaktura på {total}, med hänvisning till beslutet ({decision_words}) och till detta besked.",
                "Invoice {region} with one collective invoice of {total}, citing the decision ({decision_words}) and this letter."
            ))];
            if let Some(reference) = &payments.reference {
                spans.push(Span::text(
                    lang.pick(" Ange referenskod ", " Give the reference code "),
                ));
                spans.push(Span::Strong(reference.clone()));
                spans.push(Span::text(lang.pick(" på fakturan.", " on the invoice.")));
            }
            let mut items = vec![spans];
            if let Some(date) = &replaced {
                items.push(vec![Span::text(say!(
                    lang,
                    "Har ni redan fakturerat enligt beslutet den {date}, fakturera bara mellanskillnaden mellan {total} och det ni fakturerade; är den negativ, skicka en kreditfaktura på den.",
                    "If you have already invoiced under the decision of {date}, invoice only the difference between {total} and what you invoiced; if it is negative, send a credit note for it."
                ))]);
            }
            if let Some(date) = deadline(plan, Deadlines::invoice_by, lang) {
                items.push(vec![
                    Span::text(lang.pick("Fakturera senast ", "Invoice by ")),
                    Span::Strong(date),
                    Span::text(match plan.plan.conditions_speak_of_invoicing() {
                        true => format!("; {}.", not_invoiced_repaid(lang)),
                        false => ".".to_string(),
                    }),
                ]);
            }
            items
        }
        Route::Internal => {
            let recipient = &statement.recipient;
            vec![vec![Span::text(say!(
                lang,
                "Medlen förs över till {recipient} genom intern överföring inom {region}. Ingen faktura behövs.",
                "The funds are transferred to {recipient} internally within {region}. No invoice is needed."
            ))]]
        }
        Route::Held => vec![vec![Span::text(say!(
            lang,
            "{region} förvaltar medlen för fortsatt fördelning och nyttjande enligt beslutsunderlaget; de betalas ut när de fördelats vidare.",
            "{region} manages the funds for further distribution and use under the decision basis; they are paid out once distributed further."
        ))]],
    };
    if let Some(date) = deadline(plan, Deadlines::requisition, lang) {
        let region_s = genitive(region, lang);
        payment.push(vec![Span::text(say!(
            lang,
            "{region_s} ekonomienhet rekvirerar medlen från Kammarkollegiet senast {date}.",
            "{region_s} accounting unit requisitions the funds from Kammarkollegiet by {date}."
        ))]);
    }
    blocks.push(Block::List(payment));

    blocks.push(Block::Heading {
        level: 2,
        text: vec![Span::text(
            lang.pick("Redovisning och återbetalning", "Reporting and repayment"),
        )],
        id: "deadlines".to_string(),
        new_page: false,
    });
    let mut duties = Vec::new();
    if let Some(date) = deadline(plan, Deadlines::use_reported, lang) {
        let to = crate::output::words::reported_to(report_to, lang);
        duties.push(vec![
            Span::text(say!(
                lang,
                "Redovisa användning och förbrukning av medlen{to} senast ",
                "Report how the funds were used{to} by "
            )),
            Span::Strong(date),
            Span::text(lang.pick(
                ", enligt kommande anvisning för återredovisning.",
                ", following the coming instructions for the report.",
            )),
        ]);
    }
    if let Some(date) = deadline(plan, Deadlines::unused_repaid, lang) {
        // The region repays Kammarkollegiet; who invoices it settles with it first (as
        // `follow-up` has it: paid back, or less invoiced, unless the invoice is due before
        // the use is reported).
        let invoiced_first =
            (plan.deadlines.as_ref()).is_some_and(Deadlines::invoiced_before_reported);
        let how = match route {
            Route::Invoice if invoiced_first => say!(
                lang,
                "Medel som inte använts för avsett ändamål betalas tillbaka till {region}, så att regionen kan återbetala dem till Kammarkollegiet senast ",
                "Funds not used for their purpose are paid back to {region}, so that the region can repay them to Kammarkollegiet by "
            ),
            Route::Invoice => say!(
                lang,
                "Medel som inte använts för avsett ändamål betalas tillbaka till {region}, eller dras av på samlingsfakturan, så att regionen kan återbetala dem till Kammarkollegiet senast ",
                "Funds not used for their purpose are paid back to {region}, or taken off the collective invoice, so that the region can repay them to Kammarkollegiet by "
            ),
            Route::Internal | Route::Held => say!(
                lang,
                "{region} återbetalar medel som inte använts för avsett ändamål till Kammarkollegiet senast ",
                "{region} repays funds not used for their purpose to Kammarkollegiet by "
            ),
        };
        duties.push(vec![Span::text(how), Span::Strong(date), Span::text(".")]);
    }
    if duties.is_empty() {
        duties.push(vec![Span::text(lang.pick(
            "Redovisa hur medlen använts; medel som inte använts för avsett ändamål återbetalas.",
            "Report how the funds were used; funds not used for their purpose are repaid.",
        ))]);
    }
    blocks.push(Block::List(duties));

    // Whom to ask (`[[contacts]]`), as the decision basis names them.
    let contacts = crate::output::document::contact_lines(plan);
    if !contacts.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: vec![Span::text(
                lang.pick("Frågor om beskedet", "Questions about this letter"),
            )],
            id: "questions".to_string(),
            new_page: false,
        });
        blocks.push(Block::List(contacts));
    }

    Document {
        lang,
        kicker: match replaced {
            None => say!(
                lang,
                "Fördelningsbesked · {county} {year}",
                "Allocation letter · {county} {year}"
            ),
            Some(_) => say!(
                lang,
                "Reviderat fördelningsbesked · {county} {year}",
                "Revised allocation letter · {county} {year}"
            ),
        },
        title: format!("{name}: {total}"),
        subtitle: Some(vec![Span::swedish(&plan.plan.title)]),
        meta,
        status: Some(StatusNote {
            kind: StatusKind::Verified,
            text: vec![Span::text(lang.pick(
                "Beloppen är desamma som i beslutsunderlaget och stämmer med dess tryckta summor.",
                "The amounts are those of the decision basis and match its printed totals.",
            ))],
        }),
        footer: footer(source, &blocks, lang),
        blocks,
        date: plan.plan.decision_date.as_ref().map(|d| *d.get_ref()),
    }
}
