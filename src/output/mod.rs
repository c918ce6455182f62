//! Output: everything a person or another program reads, rendered from the core's data.

pub mod audit;
pub mod check_json;
pub mod checked;
pub mod csv;
pub mod diagnostic;
pub mod diff;
pub mod document;
pub mod file_name;
pub mod followup;
pub mod form;
pub mod generated;
pub mod github;
pub mod gitlab;
pub mod grid;
pub mod json;
pub mod lang;
pub mod next_plan;
pub mod number;
pub mod sheet;
pub mod table;
pub mod text;
pub mod words;
pub mod xlsx;

use std::io::{self, BufWriter, Write};

/// `write` into `out` through a buffer, so that `out` gets large pieces however small the
/// pieces written (standard output passes each line on as it ends: a national plan's payments
/// would be millions of calls). What is left in the buffer when a write fails is dropped, not
/// tried again.
pub fn in_large_pieces<W: Write>(
    out: W,
    write: impl FnOnce(&mut BufWriter<W>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let written = write(&mut out).and_then(|()| out.flush());
    if written.is_err() {
        let _ = out.into_parts();
    }
    written
}

/// How many levels of a tree [`depth_marker`] draws one by one.
const DRAWN_LEVELS: usize = 8;

/// How deep a row of a tree sits (a sub-heading, a unit under an actor): `step` once per
/// level (`› › `), or beyond [`DRAWN_LEVELS`] levels `step` with the level's number
/// (`›×12 `), so that a plan nested thousands of levels deep prints one short line per row
/// rather than a line as long as the tree is deep.
pub fn depth_marker(depth: usize, step: &str) -> String {
    if depth <= DRAWN_LEVELS {
        step.repeat(depth)
    } else {
        format!("{}×{depth} ", step.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use crate::core::ledger::selection::Selection;
    use crate::core::report::{Projection, View};

    /// A writer that counts the writes it is given, as the system counts calls.
    #[derive(Default)]
    struct Counted {
        bytes: usize,
        writes: usize,
    }

    impl std::io::Write for Counted {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.bytes += bytes.len();
            self.writes += 1;
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Standard output passes each line on as it ends: a view written a row or a few bytes
    /// at a time would be millions of calls for a national plan's payments.
    #[test]
    fn a_view_alone_reaches_its_writer_in_large_pieces() {
        let text = super::generated::plan(&super::generated::Spec {
            insatser: 200,
            kommuner: 40,
            seed: 5,
            short_texts: false,
        });
        let plan = crate::input::plan::parse(&text).unwrap();
        let checked = crate::core::check::check(&plan, &[]);
        let all = Selection::all();
        let projection = Projection::new(&checked.ledger, &all);
        let large = |out: &Counted, what: String| {
            assert!(out.bytes > 0, "{what}");
            assert!(
                out.writes <= out.bytes / 8192 + 1,
                "{what}: {} bytes in {} writes",
                out.bytes,
                out.writes
            );
        };
        for view in View::ALL {
            let mut out = Counted::default();
            super::json::write_view(&projection, view, &mut out).unwrap();
            large(&out, format!("JSON {view:?}"));
            let sheet = super::sheet::build(view, &projection, super::lang::Lang::Sv);
            let mut out = Counted::default();
            super::csv::write_to(&sheet, super::csv::Dialect::Excel, &mut out).unwrap();
            large(&out, format!("CSV {view:?}"));
        }
    }
}
