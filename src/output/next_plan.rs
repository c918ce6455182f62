//! Next year's plan, written from this year's file: the TOML that `allocate init` saves.
//!
//! The source file is edited in place with `toml_edit`, so its layout, order and comments stay
//! where they still apply. What moves: the year (also in the title and the agreement's name),
//! each deadline (one year on), and `previous_county_total` and `previous_national_total`
//! become last year's totals (when the new plan is for the year after; for a later year they
//! are left as commented-out lines to fill in). Every amount of the new year is set to 0 with
//! last year's figure in the comment after it (`amount = 0  # fyll i (2025: 250 000 kr)`);
//! `check` reports each of them as `amount-to-fill` until it is filled in, so the first
//! `check` of a new plan is the list of what is left to do. The printed tables (`[[tables]]`)
//! and cost-sharing tables (`[[cost_sharing]]`) are money of the new year as well: their
//! cells, row, column and grand totals, printed parts and parties' totals are 0 (a list as a
//! list of 0), with last year's figures in the comment; their labels, columns, parties, rules,
//! printed percentages and `feeds` stay, and `check` reports a table whose figures are all 0
//! as amounts to fill in. What cites last year's document goes: the file's opening comment,
//! the comments after the amounts, the decision and document dates, and the printed
//! per-recipient figures (`printed`). A key `file` is rewritten relative to the new plan's
//! folder, so it still finds the SCB file.
//!
//! Every section is edited whatever TOML shape holds it: a table (`[plan]`), an inline table
//! (`plan = { … }`) or dotted keys (`plan.year = …`); an array of tables (`[[insatser]]`) or an
//! array of inline tables (`insatser = [{ … }]`); a map of figures as an inline table, a
//! sub-table (`[insatser.split.amounts]`) or dotted keys (`except."Östersund" = …`). A value
//! inside an inline table cannot have a comment of its own: it is set to 0 all the same, and
//! last year's figure goes in the comment of the line that holds it (the line of the inline
//! table, or a comment line above it in an array written one table a line). [`unfinished`]
//! then holds the new plan, as `check` reads it, to all of this.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use crate::core::money::Amount;
use crate::core::plan::{Date, Plan, Spanned, SplitRule};
use crate::input::read::lexical;
use crate::output::lang::Lang;
use crate::output::number;
use crate::say;

/// Where the plans sit, for a key `file` (relative to its plan) to keep pointing at the same
/// file from the new plan's folder.
pub struct Folders<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
}

/// Why the new plan cannot be made.
#[derive(Debug)]
pub enum NextPlanError {
    /// The source is no TOML to edit (it was read as a plan, so this is a fault).
    Toml(toml_edit::TomlError),
    /// A deadline would move past 9999, the last year a TOML date can have.
    DeadlineTooLate {
        key: &'static str,
        date: Date,
        year: i32,
    },
}

/// The new plan's text, edited from `text` (the source plan, parsed as `plan`), its comments
/// in `lang`. `from` names the old plan in the opening comment.
pub fn next_plan(
    text: &str,
    plan: &Plan,
    year: i32,
    from: &str,
    folders: &Folders,
    lang: Lang,
) -> Result<String, NextPlanError> {
    let mut doc: DocumentMut = text
        .trim_start_matches('\u{feff}')
        .parse()
        .map_err(NextPlanError::Toml)?;
    let old_year = *plan.plan.year.get_ref();
    let edit = Edit {
        old_year,
        year,
        lang,
    };
    // The opening comment first: lines said before `plan = { … }` come after it.
    place_header(&mut doc, &edit.header(plan, from));
    let mut root = Node::new(doc.as_table_mut(), false);
    edit.child(&mut root, "plan", |edit, meta| edit.meta(meta, plan));
    let dates = say!(
        edit.lang,
        "# document_date = {year}-MM-DD  # fyll i: underlagets datum\n# decision_date = {year}-MM-DD  # fyll i: beslutsmötet\n",
        "# document_date = {year}-MM-DD  # fill in: the document's date\n# decision_date = {year}-MM-DD  # fill in: the meeting\n"
    );
    let previous = edit.previous_to_fill("previous_county_total", "county");
    lines_before(
        root.table,
        "plan",
        "county_total",
        &format!("{dates}{previous}"),
    );
    edit.child(&mut root, "deadlines", |edit, deadlines| {
        ["requisition", "use_reported", "unused_repaid", "invoice_by"]
            .into_iter()
            .try_for_each(|key| edit.move_date(deadlines, key))
    })
    .transpose()?;
    if let Some(a) = &plan.agreement {
        edit.child(&mut root, "agreement", |edit, agreement| {
            edit.replace_year(agreement, "name");
            edit.fill(agreement, "national_total", false);
            let old_year = edit.old_year;
            let note = say!(
                edit.lang,
                "{old_year} års nationella belopp",
                "{old_year}'s national total"
            );
            let total = *a.national_total.get_ref();
            edit.previous(agreement, "previous_national_total", total, &note);
            edit.each(agreement, "split", |edit, part| {
                edit.fill(part, "amount", false);
            });
        });
        let previous = edit.previous_to_fill("previous_national_total", "national");
        lines_before(root.table, "agreement", "national_total", &previous);
    }
    edit.each(&mut root, "areas", |edit, area| {
        edit.fill(area, "amount", false);
        edit.each(area, "earmarks", |edit, earmark| {
            edit.fill(earmark, "amount", false);
        });
    });
    edit.each(&mut root, "keys", |edit, key| {
        let note = edit.lang.pick(
            "förra årets siffror: stäm av mot SCB:s senaste folkmängd",
            "last year's figures: check against SCB's latest population",
        );
        edit.note(key, "date", note);
        if let Some(item) = key.table.get_mut("file")
            && let Some(file) = item.as_str()
        {
            let path = rebase(file, folders);
            replace(item, Value::from(path));
        }
    });
    edit.each(&mut root, "insatser", |edit, insats| {
        edit.fill(insats, "amount", false);
        edit.child(insats, "split", |edit, split| {
            split.table.remove("printed");
            edit.fill(split, "each", false);
            // Under `fixed-plus-key` a 0 in `except` is a kommun without a fixed part, whose
            // money the key then gives out, and no check could tell it from a part not yet
            // filled in: last year's parts stay, marked to be checked. (Under the other
            // rules `split-sum` finds a part left at 0.)
            let keyed_rest = split.table.get("rule").and_then(|rule| rule.as_str())
                == Some(SplitRule::FixedPlusKey.name());
            if keyed_rest {
                let note = edit.lang.pick(
                    "förra årets fasta belopp: stäm av mot årets beslut",
                    "last year's fixed parts: check against this year's decision",
                );
                edit.note(split, "except", note);
            } else {
                edit.fill(split, "except", true);
            }
            edit.fill(split, "amounts", true);
        });
    });
    // A note is about last year's printed figure (a correction of its document).
    edit.each(&mut root, "headings", |edit, heading| {
        edit.fill(heading, "stated", false);
        heading.table.remove("note");
    });
    edit.each(&mut root, "stated", |edit, stated| {
        edit.fill(stated, "amount", false);
        stated.table.remove("note");
    });
    // The printed tables and the cost-sharing tables: every figure is money of the new year.
    // What is not money stays: labels, columns and parties, the insats a row prints, a cost
    // row's rule (`to`, `shares`, `weights`, `percent_of_above`, `subtotal`), the printed
    // percentages and `feeds`.
    for (sections, figures, row_figures) in [
        ("tables", ["column_totals", "total"], ["cells", "total"]),
        (
            "cost_sharing",
            ["total", "party_totals"],
            ["total", "printed"],
        ),
    ] {
        edit.each(&mut root, sections, |edit, section| {
            edit.replace_year(section, "title");
            for key in figures {
                edit.fill(section, key, false);
            }
            edit.each(section, "rows", |edit, row| {
                for key in row_figures {
                    edit.fill(row, key, false);
                }
            });
        });
    }
    Ok(as_source(doc.to_string(), text))
}

/// What of the new plan, as `check` reads it, is not as `init` makes it (a figure that kept
/// last year's amount, a deadline not moved, the year or a previous total not set), named as
/// in the plan; `None` when all is. A shape of TOML that the editing missed shows here, and
/// the plan is then not written.
pub fn unfinished(old: &Plan, new: &Plan, year: i32) -> Option<&'static str> {
    fn zero(amount: &Spanned<Amount>) -> bool {
        *amount.get_ref() == Amount::kr(0)
    }
    fn all_zero(map: &BTreeMap<Spanned<String>, Spanned<Amount>>) -> bool {
        map.values().all(zero)
    }
    let old_year = *old.plan.year.get_ref();
    let next = year == old_year.saturating_add(1);
    // Last year's total when the new plan is for the year after, else left to fill in.
    let previous = |old_total: &Spanned<Amount>, new: &Option<Spanned<Amount>>| match new {
        Some(previous) => next && previous.get_ref() == old_total.get_ref(),
        None => !next,
    };
    let moved = |old: &Option<Spanned<Date>>, new: &Option<Spanned<Date>>| match (old, new) {
        (Some(old), Some(new)) => {
            old.get_ref().years_later(year.saturating_sub(old_year)) == *new.get_ref()
        }
        (old, new) => old.is_none() && new.is_none(),
    };
    let meta = &new.plan;
    let checks = [
        ("plan.year", *meta.year.get_ref() == year),
        ("plan.county_total", zero(&meta.county_total)),
        (
            "plan.previous_county_total",
            previous(&old.plan.county_total, &meta.previous_county_total),
        ),
        (
            "plan.stated_change",
            meta.stated_change.as_ref().is_some_and(zero),
        ),
        (
            "plan.decision_date",
            meta.decision_date.is_none() && meta.document_date.is_none() && meta.replaces.is_none(),
        ),
        (
            "deadlines",
            match (&old.deadlines, &new.deadlines) {
                (Some(o), Some(n)) => {
                    moved(&o.requisition, &n.requisition)
                        && moved(&o.use_reported, &n.use_reported)
                        && moved(&o.unused_repaid, &n.unused_repaid)
                        && moved(&o.invoice_by, &n.invoice_by)
                }
                (o, n) => o.is_none() && n.is_none(),
            },
        ),
        (
            "agreement",
            match (&old.agreement, &new.agreement) {
                (Some(o), Some(n)) => {
                    zero(&n.national_total)
                        && previous(&o.national_total, &n.previous_national_total)
                        && n.split.iter().all(|part| zero(&part.amount))
                }
                (o, n) => o.is_none() && n.is_none(),
            },
        ),
        (
            "areas.amount",
            new.areas
                .iter()
                .all(|a| zero(&a.amount) && a.earmarks.iter().all(|e| zero(&e.amount))),
        ),
        (
            "insatser.amount",
            new.insatser.iter().all(|i| zero(&i.amount)),
        ),
        (
            "insatser.split",
            new.insatser
                .iter()
                .filter_map(|i| i.split.as_ref())
                .all(|s| {
                    let s = s.get_ref();
                    s.each.as_ref().is_none_or(zero)
                        && (*s.rule.get_ref() == SplitRule::FixedPlusKey || all_zero(&s.except))
                        && s.amounts.as_ref().is_none_or(|m| all_zero(m.get_ref()))
                        && s.printed.is_empty()
                }),
        ),
        (
            "headings.stated",
            new.headings
                .iter()
                .all(|h| h.stated.as_ref().is_none_or(zero)),
        ),
        ("stated.amount", new.stated.iter().all(|s| zero(&s.amount))),
        (
            "tables",
            new.tables.iter().all(|t| {
                t.column_totals
                    .as_ref()
                    .is_none_or(|c| c.get_ref().iter().all(zero))
                    && t.total.as_ref().is_none_or(zero)
                    && t.rows.iter().all(|r| {
                        r.cells.get_ref().iter().all(zero) && r.total.as_ref().is_none_or(zero)
                    })
            }),
        ),
        (
            "cost_sharing",
            new.cost_sharing.iter().all(|c| {
                c.total.as_ref().is_none_or(zero)
                    && c.party_totals
                        .as_ref()
                        .is_none_or(|m| all_zero(m.get_ref()))
                    && c.rows.iter().all(|r| {
                        zero(&r.total) && r.printed.as_ref().is_none_or(|m| all_zero(m.get_ref()))
                    })
            }),
        ),
    ];
    checks
        .into_iter()
        .find(|(_, done)| !done)
        .map(|(what, _)| what)
}

/// `written` with the line ends and byte-order mark of `source`: a plan saved by an editor
/// that writes CRLF (and a BOM) gets a new plan in the same shape, not lines of both kinds
/// (a text over several lines keeps its line ends from the source; the lines made here end
/// in LF).
fn as_source(written: String, source: &str) -> String {
    let bom = if source.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let lines = source.find('\n');
    let crlf = lines.is_some_and(|at| source.get(..at).is_some_and(|l| l.ends_with('\r')));
    if !crlf {
        return format!("{bom}{written}");
    }
    let mut text = String::with_capacity(written.len() + written.len() / 16 + bom.len());
    text.push_str(bom);
    for line in written.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(line) => {
                text.push_str(line.strip_suffix('\r').unwrap_or(line));
                text.push_str("\r\n");
            }
            None => text.push_str(line),
        }
    }
    text
}

/// How many comments of `text` (a TOML document) cite a line of a document ("rad 338",
/// "(rad 1390–1396)"): in a plan made by [`next_plan`], last year's, to be checked.
pub fn comments_citing_lines(text: &str) -> usize {
    let tokens = toml_parser::Source::new(text).lex().into_vec();
    tokens
        .iter()
        .filter(|t| t.kind() == toml_parser::lexer::TokenKind::Comment)
        .filter_map(|t| text.get(t.span().start()..t.span().end()))
        .filter(|comment| cites_a_line(comment))
        .count()
}

/// Whether a comment cites a line: "rad" or "rader" then a number.
fn cites_a_line(comment: &str) -> bool {
    let lower = comment.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        matches!(pair, [word, number] if matches!(*word, "rad" | "rader" | "raderna")
            && number.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// A text of the plan in a comment the new plan writes: on one line, with control, bidi and
/// zero-width characters shown as `<U+0001>` ([`visible`](crate::output::text::visible)), so
/// that it cannot end the comment and write TOML of its own (a county named
/// `"X\n[injected]"`), nor hold a character TOML does not allow in a comment.
fn comment(text: &str) -> std::borrow::Cow<'_, str> {
    crate::output::text::visible(text)
}

/// A table of the plan, whatever its shape: `[plan]`, `plan = { … }` or `plan.year = …`. A
/// value in an inline table can have no comment of its own: what is to be said of it (last
/// year's figure) is gathered in `notes`, for the comment of the line that holds the table.
struct Node<'t> {
    table: &'t mut dyn TableLike,
    inline: bool,
    notes: Vec<String>,
}

impl<'t> Node<'t> {
    fn new(table: &'t mut dyn TableLike, inline: bool) -> Node<'t> {
        Node {
            table,
            inline,
            notes: Vec::new(),
        }
    }
}

struct Edit {
    old_year: i32,
    year: i32,
    lang: Lang,
}

impl Edit {
    /// The new plan's opening comment, which replaces the old one (it cites last year's
    /// document).
    fn header(&self, plan: &Plan, from: &str) -> String {
        let (year, old_year) = (self.year, self.old_year);
        let (county, from) = (comment(plan.plan.county.get_ref()), comment(from));
        // "förra årets" only of the year before; a plan made from an older one names its year.
        let (last_sv, last_en) = match self.next() {
            true => ("förra årets".to_string(), "last year's".to_string()),
            false => (format!("{old_year} års"), format!("{old_year}'s")),
        };
        say!(
            self.lang,
            "# Fördelning av länsgemensamma medel för psykisk hälsa och suicidprevention {year}\n\
             #\n\
             # Skapad med `allocate init` ur {from} ({old_year} års plan för {county}).\n\
             # Aktörer, kommuner, fördelningsnycklar, fokusområden, områden, insatser, rubriker och\n\
             # angivna summor är {last_sv}, med kommentarerna; tidsgränserna är flyttade till {year}.\n\
             #\n\
             # Varje belopp står som 0, med {last_sv} belopp i kommentaren efter. Fyll i årets\n\
             # belopp ur beslutsunderlaget. `allocate check` listar varje belopp som återstår\n\
             # (amount-to-fill) tills planen är ifylld. Ta bort insatser, rubriker och summor som inte\n\
             # finns i år och lägg till nya; ange i kommentarer var i underlaget varje siffra står.\n\n",
            "# Allocation of the county's joint funds for mental health and suicide prevention {year}\n\
             #\n\
             # Made with `allocate init` from {from} ({old_year}'s plan for {county}).\n\
             # Actors, kommuner, keys, focus areas, areas, insatser, headings and stated totals are\n\
             # {last_en}, with their comments; the deadlines are moved to {year}.\n\
             #\n\
             # Every amount is 0, with {last_en} in the comment after it. Fill in this year's from\n\
             # the decision document. `allocate check` lists every amount left (amount-to-fill) until\n\
             # the plan is filled in. Remove what this year does not have and add what is new; say\n\
             # in comments where in the document each figure stands.\n\n"
        )
    }

    /// Whether the new plan is for the year after the old one: only then are the old plan's
    /// totals the previous year's.
    fn next(&self) -> bool {
        self.year == self.old_year.saturating_add(1)
    }

    /// `[plan]` (or `plan = { … }`, or `plan.year = …`).
    fn meta(&self, meta: &mut Node, plan: &Plan) {
        self.set_integer(meta, "year", i64::from(self.year), None);
        self.replace_year(meta, "title");
        self.replace_year(meta, "proposal");
        self.replace_year(meta, "conditions");
        // Dates of this year's decisions; a revision's `replaces` is of this year's too.
        for key in ["document_date", "decision_date", "replaces"] {
            meta.table.remove(key);
        }
        self.fill(meta, "county_total", false);
        // Named with its county, so that a plan for another county made from this one shows
        // whose total it still holds (tester s41: Jämtland's in a plan for Västerbotten).
        let (old_year, county) = (self.old_year, comment(plan.plan.county.get_ref()));
        let note = match county.trim().is_empty() {
            true => say!(
                self.lang,
                "{old_year} års länsmedel",
                "{old_year}'s county total"
            ),
            false => say!(
                self.lang,
                "{old_year} års länsmedel, {county}",
                "{old_year}'s county total, {county}"
            ),
        };
        self.previous(
            meta,
            "previous_county_total",
            *plan.plan.county_total.get_ref(),
            &note,
        );
        // The change for the document to state, whether or not last year's plan had it.
        if !meta.table.contains_key("stated_change") {
            meta.table.insert("stated_change", toml_edit::value(0));
        }
        let note = self.lang.pick(
            "fyll i: förändringen som underlaget anger den",
            "fill in: the change as the document states it",
        );
        self.set_integer(meta, "stated_change", 0, Some(note));
    }

    /// Last year's total as the new plan's previous one (`previous_county_total =
    /// 12_689_898  # 2026 års länsmedel`), added if the source lacked it. A plan for a later
    /// year than the next has no previous year's total in the source: the key goes, and
    /// [`previous_to_fill`](Self::previous_to_fill) says to fill it in.
    fn previous(&self, node: &mut Node, key: &str, total: Amount, note: &str) {
        if !self.next() {
            node.table.remove(key);
            return;
        }
        if !node.table.contains_key(key) {
            node.table.insert(key, toml_edit::value(0));
        }
        let (Some(item), Ok(value)) = (
            node.table.get_mut(key),
            number::toml_amount(total).parse::<Value>(),
        ) else {
            // Never so; `unfinished` would refuse the plan.
            return;
        };
        replace(item, value);
        if !node.inline {
            set_suffix(item, &format!("  # {note}"));
        }
    }

    /// For a plan of a later year than the next, the commented-out line of the previous
    /// year's total to fill in (`which` is `county` or `national`); nothing otherwise.
    fn previous_to_fill(&self, key: &str, which: &str) -> String {
        if self.next() {
            return String::new();
        }
        let (old_year, previous) = (self.old_year, self.year - 1);
        let total = match (which, self.lang) {
            ("county", Lang::Sv) => format!("{previous} års länsmedel"),
            ("county", Lang::En) => format!("{previous}'s county total"),
            (_, Lang::Sv) => format!("{previous} års nationella belopp"),
            (_, Lang::En) => format!("{previous}'s national total"),
        };
        say!(
            self.lang,
            "# {key} = …  # fyll i: {total} (står inte i {old_year} års plan)\n",
            "# {key} = …  # fill in: {total} (not in the {old_year} plan)\n"
        )
    }

    /// The table `key` of `parent`, whatever its shape, edited by `f`. Last year's figures of
    /// an inline table go in the comment after it, or up to `parent` if that is inline too.
    fn child<R>(
        &self,
        parent: &mut Node,
        key: &str,
        f: impl FnOnce(&Self, &mut Node) -> R,
    ) -> Option<R> {
        let item = parent.table.get_mut(key)?;
        let inline = parent.inline || item.is_inline_table();
        let mut node = Node::new(item.as_table_like_mut()?, inline);
        let result = f(self, &mut node);
        let notes = node.notes;
        self.say_notes(parent.inline, item, key, notes, &mut parent.notes);
        Some(result)
    }

    /// Each table of the array `key` of `parent`: an array of tables (`[[insatser]]`) or of
    /// inline tables (`insatser = [{ … }]`), edited by `f`. In an array written one table a
    /// line, last year's figures of each go on a comment line above it; otherwise in the
    /// comment after the array, each with its table's `id` (or number, label, recipient or
    /// text, or place).
    fn each(&self, parent: &mut Node, key: &str, mut f: impl FnMut(&Self, &mut Node)) {
        let Some(item) = parent.table.get_mut(key) else {
            return;
        };
        let mut up = Vec::new();
        match item {
            Item::ArrayOfTables(array) => {
                for table in array.iter_mut() {
                    f(self, &mut Node::new(table, false));
                }
            }
            Item::Value(Value::Array(array)) => {
                for (at, value) in array.iter_mut().enumerate() {
                    let Some(table) = value.as_inline_table_mut() else {
                        continue;
                    };
                    let label = label(table).unwrap_or_else(|| (at + 1).to_string());
                    let mut node = Node::new(table, true);
                    f(self, &mut node);
                    let notes = node.notes;
                    if notes.is_empty() {
                        continue;
                    }
                    let prefix = decor_text(value.decor().prefix());
                    if !parent.inline && prefix.contains('\n') {
                        let indent = prefix.rsplit('\n').next().unwrap_or("").to_string();
                        let line = self.to_fill(None, &notes.join(", "));
                        value
                            .decor_mut()
                            .set_prefix(format!("{prefix}# {line}\n{indent}"));
                    } else {
                        let named = self.named(key, &label);
                        let named = named.unwrap_or_else(|| format!("`{label}`"));
                        up.push(format!("{named}: {}", notes.join(", ")));
                    }
                }
            }
            _ => {}
        }
        // Each table's figures are named by what it is ("område 1", "varav e"), not by the
        // array's key, in the comment of a table they are inline in too.
        match (parent.inline, self.named(key, "").is_some()) {
            (true, true) => parent.notes.extend(up),
            // One table's figures from the next: "område 1: …, varav e: …; område 2: …".
            (false, true) if up.len() > 1 => {
                let up = vec![up.join("; ")];
                self.say_notes(parent.inline, item, key, up, &mut parent.notes);
            }
            _ => self.say_notes(parent.inline, item, key, up, &mut parent.notes),
        }
    }

    /// A table of the array `key` with its `label` as the comments name it before its
    /// figures: "område 1", "varav e", "insats 1.2", "rad 1."; `None` for an array whose
    /// tables have no name of their own (the comment gives their label in backticks).
    fn named(&self, key: &str, label: &str) -> Option<String> {
        let lang = self.lang;
        Some(match key {
            "areas" => crate::output::words::area(label, lang),
            "earmarks" => say!(lang, "varav {label}", "of which {label}"),
            "insatser" => format!("insats {label}"),
            "rows" => say!(lang, "rad {label}", "row {label}"),
            _ => return None,
        })
    }

    /// Last year's figures of the inline table or array `item` (the value of `key`): in the
    /// comment after it, or, when its table is inline too, up to that table's.
    fn say_notes(
        &self,
        inline: bool,
        item: &mut Item,
        key: &str,
        notes: Vec<String>,
        up: &mut Vec<String>,
    ) {
        if notes.is_empty() {
            return;
        }
        if inline {
            up.extend(notes.into_iter().map(|n| format!("{key}.{n}")));
        } else {
            let note = self.to_fill(None, &notes.join(", "));
            set_suffix(item, &format!("  # {note}"));
        }
    }

    /// The figure, list or map of figures `key` set to 0, with last year's in the comment
    /// after it (`amount = 0  # fyll i (2025: 12 697 775 kr)`, `cells = [0, 0]  # fyll i
    /// (2026: 21 200 kr, 18 000 kr)`; `named`: ``except = { "Östersund" = 0 }  # fyll i
    /// `except` (2026: "Östersund" = 140 000 kr)``) in place of the comment it had (it cites last
    /// year's document). A map written as a sub-table or dotted keys has each figure on a
    /// line of its own, with its own comment; in an inline table the figure goes to `notes`.
    fn fill(&self, node: &mut Node, key: &str, named: bool) {
        let Some(item) = node.table.get_mut(key) else {
            return;
        };
        match item {
            Item::Value(value) => {
                let last = self.zero(value).join(", ");
                if last.is_empty() {
                    return;
                }
                if node.inline {
                    node.notes.push(format!("{key} {last}"));
                } else {
                    let note = self.to_fill(named.then_some(key), &last);
                    set_suffix(item, &format!("  # {note}"));
                }
            }
            Item::Table(table) => {
                let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
                let mut map = Node::new(table, false);
                for key in &keys {
                    self.fill(&mut map, key, false);
                }
            }
            Item::ArrayOfTables(_) | Item::None => {}
        }
    }

    /// Every figure in `value` set to 0 (its spacing kept), and what each was: `21 200 kr`,
    /// or `"Östersund" = 140 000 kr` in a map.
    fn zero(&self, value: &mut Value) -> Vec<String> {
        match value {
            Value::Array(array) => array.iter_mut().flat_map(|v| self.zero(v)).collect(),
            Value::InlineTable(map) => {
                let mut last = Vec::new();
                for (key, value) in map.iter_mut() {
                    // The key as the plan writes it, and `=`: `"2380" = 140 000 kr` is not
                    // read as 2 380 140 000 kr (tester s31 round 2).
                    let key = key.display_repr().to_string();
                    last.extend(self.zero(value).into_iter().map(|f| format!("{key} = {f}")));
                }
                last
            }
            Value::Boolean(_) | Value::Datetime(_) => Vec::new(),
            Value::String(_) | Value::Integer(_) | Value::Float(_) => {
                let last = self.figure(value);
                let decor = value.decor().clone();
                *value = Value::from(0);
                *value.decor_mut() = decor;
                vec![last]
            }
        }
    }

    /// `fyll i (2025: 12 697 775 kr)`, or with the figures' name: ``fyll i `except` (…)``.
    fn to_fill(&self, name: Option<&str>, last: &str) -> String {
        let (old_year, last) = (self.old_year, comment(last));
        match name {
            Some(name) => say!(
                self.lang,
                "fyll i `{name}` ({old_year}: {last})",
                "fill in `{name}` ({old_year}: {last})"
            ),
            None => say!(
                self.lang,
                "fyll i ({old_year}: {last})",
                "fill in ({old_year}: {last})"
            ),
        }
    }

    /// A figure as last year's plan wrote it: `21 200 kr` (`"518 183,8"` is `518 183,8 kr`);
    /// a text that is no amount as it stands.
    fn figure(&self, value: &Value) -> String {
        let amount = match value {
            Value::Integer(n) => Some(Amount::kr(*n.value())),
            Value::String(text) => Amount::from_text(text.value()).ok(),
            _ => None,
        };
        match (amount, value.as_str()) {
            (Some(amount), _) => number::amount(amount, self.lang),
            (None, Some(text)) => text.trim().to_string(),
            (None, None) => value.to_string().trim().to_string(),
        }
    }

    fn set_integer(&self, node: &mut Node, key: &str, value: i64, note: Option<&str>) {
        let Some(item) = node.table.get_mut(key) else {
            return;
        };
        replace(item, Value::from(value));
        if let Some(note) = note
            && !node.inline
        {
            set_suffix(item, &format!("  # {note}"));
        }
    }

    /// The text, or each text of a list, with the old year (as a number of its own) replaced
    /// by the new.
    fn replace_year(&self, node: &mut Node, key: &str) {
        let Some(item) = node.table.get_mut(key) else {
            return;
        };
        // A list of texts (`proposal`): each of them, in place.
        if let Some(texts) = item.as_array_mut() {
            for text in texts.iter_mut() {
                if let Some(old) = text.as_str() {
                    let replaced = crate::core::text::replace_year(old, self.old_year, self.year);
                    if replaced != old {
                        let decor = text.decor().clone();
                        *text = Value::from(replaced);
                        *text.decor_mut() = decor;
                    }
                }
            }
            return;
        }
        let Some(text) = item.as_str() else { return };
        let replaced = crate::core::text::replace_year(text, self.old_year, self.year);
        if replaced != text {
            replace(item, Value::from(replaced));
        }
    }

    /// A deadline the same day of the new year (29 February becomes 28 February); one that
    /// would pass 9999, the last year of a TOML date, is refused.
    fn move_date(&self, node: &mut Node, key: &'static str) -> Result<(), NextPlanError> {
        let Some(item) = node.table.get_mut(key) else {
            return Ok(());
        };
        let Some(date) = item.as_datetime().and_then(|d| d.date) else {
            return Ok(());
        };
        let date = Date {
            year: i32::from(date.year),
            month: date.month,
            day: date.day,
        };
        let moved = date.years_later(self.year.saturating_sub(self.old_year));
        let too_late = NextPlanError::DeadlineTooLate {
            key,
            date,
            year: moved.year,
        };
        if moved.year > 9999 {
            return Err(too_late);
        }
        let value = moved.to_string().parse::<Value>().map_err(|_| too_late)?;
        replace(item, value);
        Ok(())
    }

    /// A comment after a value, in place of the one it had (none in an inline table).
    fn note(&self, node: &mut Node, key: &str, note: &str) {
        if node.inline {
            return;
        }
        match node.table.get_mut(key) {
            // A sub-table or dotted keys (`except."Östersund" = …`): each value on its line.
            Some(Item::Table(table)) => {
                for (_, item) in table.iter_mut() {
                    set_suffix(item, &format!("  # {note}"));
                }
            }
            Some(item) => set_suffix(item, &format!("  # {note}")),
            None => {}
        }
    }
}

/// What names a table of an array in a comment: its `id`, `number`, `label`, `recipient` or
/// `text`.
fn label(table: &toml_edit::InlineTable) -> Option<String> {
    ["id", "number", "label", "recipient", "text"]
        .into_iter()
        .find_map(|key| match table.get(key)? {
            Value::String(text) => Some(text.value().clone()),
            Value::Integer(n) => Some(n.value().to_string()),
            _ => None,
        })
}

/// The new plan's opening comment in place of the old one, at the top of the file: before
/// its first line (`plan = { … }`, `plan.year = …`) or its first `[section]`, whichever comes
/// first. The comment before the first `[section]` goes too, wherever that section stands:
/// it opens the file below such lines, and stands above `[deadlines]` when that comes first.
fn place_header(doc: &mut DocumentMut, header: &str) {
    let root = doc.as_table_mut();
    let mut positions = Vec::new();
    sections(root, &mut positions);
    let on_first_line = set_first_line_prefix(root, header);
    if let Some(first) = positions.into_iter().min()
        && let Some(section) = section_at(root, first)
    {
        section
            .decor_mut()
            .set_prefix(if on_first_line { "\n" } else { header });
    }
}

/// Where each `[section]` and `[[section]]` header stands in the file.
fn sections(table: &Table, positions: &mut Vec<isize>) {
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => {
                if !t.is_dotted()
                    && !t.is_implicit()
                    && let Some(at) = t.position()
                {
                    positions.push(at);
                }
                sections(t, positions);
            }
            Item::ArrayOfTables(array) => {
                for t in array.iter() {
                    positions.extend(t.position());
                    sections(t, positions);
                }
            }
            _ => {}
        }
    }
}

/// The section whose header stands at `position`.
fn section_at(table: &mut Table, position: isize) -> Option<&mut Table> {
    for (_, item) in table.iter_mut() {
        let found = match item {
            Item::Table(t) => {
                if t.position() == Some(position) && !t.is_dotted() && !t.is_implicit() {
                    return Some(t);
                }
                section_at(t, position)
            }
            Item::ArrayOfTables(array) => array.iter_mut().find_map(|t| {
                if t.position() == Some(position) {
                    Some(t)
                } else {
                    section_at(t, position)
                }
            }),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// `prefix` before the first line of `table` above its sections (a value, or the first of
/// dotted keys); false when it has none.
fn set_first_line_prefix(table: &mut Table, prefix: &str) -> bool {
    let Some(first) = table
        .iter()
        .find(|(_, item)| item.is_value() || item.as_table().is_some_and(Table::is_dotted))
        .map(|(key, _)| key.to_string())
    else {
        return false;
    };
    let Some((mut key, item)) = table.get_key_value_mut(&first) else {
        return false;
    };
    match item.as_table_mut() {
        Some(dotted) => set_first_line_prefix(dotted, prefix),
        None => {
            key.leaf_decor_mut().set_prefix(prefix);
            true
        }
    }
}

/// Comment `lines` (each `# key = …`) just above the line of `key` in the table `name` of
/// `parent`, each as the table writes its keys, so that it is right once uncommented:
/// `# name.key = …` in a table of dotted keys; above `name = { … }` itself when that is an
/// inline table, as `# name = { …, key = … }`.
fn lines_before(parent: &mut dyn TableLike, name: &str, key: &str, lines: &str) {
    if lines.is_empty() {
        return;
    }
    let Some((mut name_key, item)) = parent.get_key_value_mut(name) else {
        return;
    };
    // Each commented `key = value  # note` as `name.key = …`, or `name = { …, key = … }`.
    let written = |shape: &dyn Fn(&str, &str) -> String| -> String {
        lines
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest) => {
                    let (assignment, note) = match rest.split_once("  # ") {
                        Some((a, n)) => (a, format!("  # {n}")),
                        None => (rest, String::new()),
                    };
                    format!("# {}{note}\n", shape(name, assignment))
                }
                None => format!("{line}\n"),
            })
            .collect()
    };
    if item.is_inline_table() {
        let lines = written(&|name, assignment| format!("{name} = {{ …, {assignment} }}"));
        let prefix = decor_text(name_key.leaf_decor().prefix());
        name_key
            .leaf_decor_mut()
            .set_prefix(format!("{prefix}{lines}"));
        return;
    }
    let dotted = item.as_table_like().is_some_and(TableLike::is_dotted);
    let lines = match dotted {
        true => written(&|name, assignment| format!("{name}.{assignment}")),
        false => lines.to_string(),
    };
    let lines = lines.as_str();
    if let Some((mut key, _)) = item
        .as_table_like_mut()
        .and_then(|table| table.get_key_value_mut(key))
    {
        let prefix = decor_text(key.leaf_decor().prefix());
        key.leaf_decor_mut().set_prefix(format!("{lines}{prefix}"));
    }
}

fn decor_text(text: Option<&toml_edit::RawString>) -> String {
    text.and_then(|t| t.as_str()).unwrap_or("").to_string()
}

/// `value` in place of the value of `item`, with its spacing and comment.
fn replace(item: &mut Item, mut value: Value) {
    if let Some(old) = item.as_value() {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}

fn set_suffix(item: &mut Item, suffix: &str) {
    if let Some(value) = item.as_value_mut() {
        value.decor_mut().set_suffix(suffix);
    }
}

/// A key file path (relative to the old plan's folder) relative to the new plan's folder.
fn rebase(file: &str, folders: &Folders) -> String {
    let path = Path::new(file);
    if path.is_absolute() {
        return file.to_string();
    }
    let (Some(old), Some(new)) = (absolute(folders.old), absolute(folders.new)) else {
        return file.to_string();
    };
    if old == new {
        return file.to_string();
    }
    let target = lexical(&old.join(path));
    let target_parts: Vec<Component> = target.components().collect();
    let new_parts: Vec<Component> = new.components().collect();
    let common = target_parts
        .iter()
        .zip(&new_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        // Another drive: only an absolute path reaches it.
        return target.display().to_string();
    }
    let ups = new_parts.len().saturating_sub(common);
    let mut parts: Vec<String> = vec!["..".to_string(); ups];
    parts.extend(
        target_parts
            .iter()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    // Forward slashes work on every system and keep the plan the same on each.
    parts.join("/")
}

/// The path as an absolute one, with symbolic links resolved where the folder exists (so a
/// plan written through a linked folder points at the same file as `check` will find).
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| std::path::absolute(path).ok().map(|p| lexical(&p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only comments count, and only those that cite a line by its number.
    #[test]
    fn comments_that_cite_a_line_are_counted() {
        let text = "# Område 1, rad 1 i tabellen; beloppet står på rad 338\n\
                    reference = \"400105\" # (rad 1336)\n\
                    title = \"rad 12 i en text\"\n\
                    # Förslag till beslut (Rader 1390–1396)\n\
                    # Tabellraden och radbrytningen, utan nummer\n\
                    # Tidsgränserna (raderna 12 och 13)\n";
        assert_eq!(comments_citing_lines(text), 4);
        assert_eq!(comments_citing_lines("a = 1 # rad\n"), 0);
    }

    #[test]
    fn the_new_plan_keeps_the_sources_line_ends_and_byte_order_mark() {
        let made = "a = 1\nb = \"\"\"x\r\ny\"\"\"\n".to_string();
        assert_eq!(
            super::as_source(made.clone(), "\u{feff}a = 0\r\nb = 0\r\n"),
            "\u{feff}a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n"
        );
        assert_eq!(super::as_source(made.clone(), "a = 0\nb = 0\r\n"), made);
        assert_eq!(super::as_source(made.clone(), "a = 0"), made);
    }

    #[test]
    fn deadlines_move_a_year_and_leap_days_stay_in_february() {
        let d = Date {
            year: 2025,
            month: 12,
            day: 1,
        };
        assert_eq!(d.years_later(1).to_string(), "2026-12-01");
        let leap = Date {
            year: 2028,
            month: 2,
            day: 29,
        };
        assert_eq!(leap.years_later(1).to_string(), "2029-02-28");
    }

    /// The corpus's small plan made into 2027's, and both read as plans.
    fn base_and_next() -> (Plan, String) {
        let text = include_str!("../../tests/corpus/base.toml");
        let old = crate::input::plan::parse(text).unwrap();
        let here = Folders {
            old: Path::new(""),
            new: Path::new(""),
        };
        let next = next_plan(text, &old, 2027, "base.toml", &here, Lang::Sv).unwrap();
        (old, next)
    }

    #[test]
    fn a_new_plan_that_kept_last_years_figures_is_not_finished() {
        let (old, next) = base_and_next();
        let parse = |text: &str| crate::input::plan::parse(text).unwrap();
        assert_eq!(unfinished(&old, &parse(&next), 2027), None);
        // Last year's plan itself: its year did not move.
        assert_eq!(unfinished(&old, &old, 2027), Some("plan.year"));
        // One insats's amount left as it was.
        let kept = next.replacen(
            "amount = 0  # fyll i (2026: 500 000 kr)",
            "amount = 500_000",
            1,
        );
        assert_ne!(kept, next);
        assert_eq!(
            unfinished(&old, &parse(&kept), 2027),
            Some("insatser.amount")
        );
        // A deadline not moved, a split's part kept.
        let kept = next.replacen("requisition = 2027-12-01", "requisition = 2026-12-01", 1);
        assert_eq!(unfinished(&old, &parse(&kept), 2027), Some("deadlines"));
        let kept = next.replacen("rjh = 0, kfjh = 0", "rjh = 20_000, kfjh = 0", 1);
        assert_eq!(
            unfinished(&old, &parse(&kept), 2027),
            Some("insatser.split")
        );
        // A later year: the previous total may not be last year's.
        let later = next_plan(
            include_str!("../../tests/corpus/base.toml"),
            &old,
            2030,
            "base.toml",
            &Folders {
                old: Path::new(""),
                new: Path::new(""),
            },
            Lang::Sv,
        )
        .unwrap();
        assert_eq!(unfinished(&old, &parse(&later), 2030), None);
        assert_eq!(
            unfinished(&old, &parse(&next.replace("2027", "2030")), 2030),
            Some("plan.previous_county_total")
        );
    }

    #[test]
    fn a_key_file_keeps_pointing_at_the_same_file() {
        let folders = Folders {
            old: Path::new("/repo/allocations"),
            new: Path::new("/repo/drafts/2026"),
        };
        assert_eq!(
            rebase("keys/folkmangd.csv", &folders),
            "../../allocations/keys/folkmangd.csv"
        );
        let same = Folders {
            old: Path::new("/repo/allocations"),
            new: Path::new("/repo/allocations/"),
        };
        assert_eq!(rebase("keys/folkmangd.csv", &same), "keys/folkmangd.csv");
    }
}
