//! Terminal tables as large as the ledger: the payments rows, the invoices' lines and the
//! per-kommun table of a national plan have millions of cells. They are drawn in the same
//! style as the other tables (comfy-table's `UTF8_FULL_CONDENSED`, which a test holds them
//! to), but written row by row as they are made, never held: a view first fits the columns
//! to its cells ([`Grid::fit`]), then writes the rows. The views cut their texts to the
//! terminal's width before they write them; only a row written by [`Grid::wrapped_row`] (a
//! heading's title, a total's label) is wrapped within a column narrower than its text, at
//! the places comfy-table wraps it.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One cell of a row: its text, whether it is bold (shown so only with colour), and the
/// columns the text takes when the caller knows them (a text on many rows, measured once).
#[derive(Clone, Copy, Debug)]
pub struct Cell<'a> {
    pub text: &'a str,
    pub strong: bool,
    width: Option<usize>,
}

impl<'a> Cell<'a> {
    /// A plain cell whose text takes `width` columns.
    pub fn measured(text: &'a str, width: usize) -> Cell<'a> {
        Cell {
            text,
            strong: false,
            width: Some(width),
        }
    }

    fn width(&self) -> usize {
        self.width.unwrap_or_else(|| width(self.text))
    }
}

pub fn cell(text: &str) -> Cell<'_> {
    Cell {
        text,
        strong: false,
        width: None,
    }
}

pub fn strong(text: &str) -> Cell<'_> {
    Cell {
        text,
        strong: true,
        width: None,
    }
}

/// The first columns of a row as written, for many rows to share: see [`Grid::start`].
#[derive(Clone, Debug, Default)]
pub struct Start {
    text: String,
    columns: usize,
}

#[derive(Clone, Debug)]
pub struct Grid {
    headers: Vec<String>,
    align: Vec<Align>,
    widths: Vec<usize>,
    color: bool,
    /// The line being written, kept to save an allocation per row.
    line: String,
}

impl Grid {
    /// A grid with these headers, each column aligned as given (left when not given), as
    /// wide as its header until [`Grid::fit`] widens it.
    pub fn new(headers: &[&str], align: &[Align], color: bool) -> Grid {
        Grid {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            align: (0..headers.len())
                .map(|i| align.get(i).copied().unwrap_or(Align::Left))
                .collect(),
            widths: headers.iter().map(|h| width(h)).collect(),
            color,
            line: String::new(),
        }
    }

    /// Widens `column` to hold `text`.
    pub fn fit(&mut self, column: usize, text: &str) {
        self.fit_width(column, width(text));
    }

    /// Widens `column` to `width` terminal columns.
    pub fn fit_width(&mut self, column: usize, width: usize) {
        if let Some(w) = self.widths.get_mut(column) {
            *w = (*w).max(width);
        }
    }

    /// The header of `column`.
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", String::as_str)
    }

    /// The number of columns.
    pub fn columns(&self) -> usize {
        self.widths.len()
    }

    /// The width of `column`'s widest cell so far.
    pub fn width(&self, column: usize) -> usize {
        self.widths.get(column).copied().unwrap_or(0)
    }

    /// Widens `column` to hold the cell.
    pub fn fit_cell(&mut self, column: usize, cell: Cell) {
        self.fit_width(column, cell.width());
    }

    /// Sets `column` to `width` terminal columns, narrower than its header or its longest
    /// cell if need be: such a cell wraps within it ([`Grid::wrapped_row`]).
    pub fn set_width(&mut self, column: usize, width: usize) {
        if let Some(w) = self.widths.get_mut(column) {
            *w = width;
        }
    }

    /// Widens every column to hold the row's cells.
    pub fn fit_row(&mut self, cells: &[Cell]) {
        for (column, cell) in cells.iter().enumerate() {
            self.fit_cell(column, *cell);
        }
    }

    /// The top border, the header row and the line under it.
    pub fn head(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.border(out, ['┌', '─', '┬', '┐'])?;
        let headers = std::mem::take(&mut self.headers);
        let cells: Vec<Cell> = headers.iter().map(|h| cell(h)).collect();
        let written = self.wrapped_row(out, &cells);
        self.headers = headers;
        written?;
        self.border(out, ['╞', '═', '╪', '╡'])
    }

    /// One row; cells beyond the columns are left out, missing ones are empty.
    pub fn row(&mut self, out: &mut dyn Write, cells: &[Cell]) -> io::Result<()> {
        self.row_after(out, &Start::default(), cells)
    }

    /// One row whose cells may be wider than their columns: each such cell is wrapped within
    /// its column ([`wrapped`]), and the row takes as many lines as its tallest cell, the
    /// others left blank below their text.
    pub fn wrapped_row(&mut self, out: &mut dyn Write, cells: &[Cell]) -> io::Result<()> {
        let lines: Vec<Vec<String>> = (self.widths.iter().enumerate())
            .map(|(column, &width)| match cells.get(column) {
                Some(cell) if cell.width() > width => wrapped(cell.text, width),
                Some(cell) => vec![cell.text.to_string()],
                None => vec![String::new()],
            })
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1);
        for at in 0..height {
            let row: Vec<Cell> = (lines.iter().enumerate())
                .map(|(column, lines)| match lines.get(at) {
                    Some(text) => Cell {
                        text,
                        strong: cells.get(column).is_some_and(|c| c.strong),
                        width: None,
                    },
                    None => cell(""),
                })
                .collect();
            self.row(out, &row)?;
        }
        Ok(())
    }

    /// The text of a row's first `cells.len()` columns as [`Grid::row`] writes them: the
    /// start that many rows share (an insats's area, id and text on every kommun's invoice),
    /// made once and written again by [`Grid::row_after`].
    pub fn start(&self, cells: &[Cell]) -> Start {
        let mut start = Start::default();
        for (column, cell) in cells.iter().enumerate().take(self.widths.len()) {
            self.push_cell(&mut start.text, column, *cell);
            start.columns += 1;
        }
        start
    }

    /// A row that begins with `start` (from [`Grid::start`]), the columns after it given by
    /// `cells`.
    pub fn row_after(
        &mut self,
        out: &mut dyn Write,
        start: &Start,
        cells: &[Cell],
    ) -> io::Result<()> {
        self.row_with(out, |row| {
            row.start(start);
            for cell in cells {
                row.cell(*cell);
            }
        })
    }

    /// One row whose cells are written in place by `write`, in order, through [`Cells`]:
    /// a cell made into the line (a figure) is never made apart and copied. Columns `write`
    /// leaves out are empty.
    pub fn row_with(
        &mut self,
        out: &mut dyn Write,
        write: impl FnOnce(&mut Cells<'_>),
    ) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        let mut cells = Cells {
            grid: self,
            line: &mut line,
            column: 0,
        };
        write(&mut cells);
        while cells.column < self.widths.len() {
            cells.cell(cell(""));
        }
        line.push_str("│\n");
        let written = out.write_all(line.as_bytes());
        self.line = line;
        written
    }

    fn push_cell(&self, line: &mut String, column: usize, cell: Cell) {
        let Some(&width) = self.widths.get(column) else {
            return;
        };
        let pad = width.saturating_sub(cell.width());
        let right = self.align.get(column) == Some(&Align::Right);
        self.push_made(line, column, cell.strong, |line| {
            if right {
                spaces(line, pad);
                line.push_str(cell.text);
            } else {
                line.push_str(cell.text);
                spaces(line, pad);
            }
        });
    }

    /// A cell of `column` whose text (padded to the column's width) `make` writes onto the
    /// line between the column's border and its closing space. Nothing is written for a
    /// column the grid does not have.
    fn push_made(
        &self,
        line: &mut String,
        column: usize,
        strong: bool,
        make: impl FnOnce(&mut String),
    ) {
        if column >= self.widths.len() {
            return;
        }
        let strong = strong && self.color;
        line.push(if column == 0 { '│' } else { '┆' });
        if strong {
            line.push_str("\u{1b}[1m");
        }
        line.push(' ');
        make(line);
        line.push(' ');
        if strong {
            line.push_str("\u{1b}[0m");
        }
    }

    /// The bottom border, with a line break.
    pub fn foot(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.border(out, ['└', '─', '┴', '┘'])
    }

    fn border(
        &mut self,
        out: &mut dyn Write,
        [left, line, joint, right]: [char; 4],
    ) -> io::Result<()> {
        let mut text = String::from(left);
        for (i, width) in self.widths.iter().enumerate() {
            if i > 0 {
                text.push(joint);
            }
            text.extend(std::iter::repeat_n(line, width + 2));
        }
        text.push(right);
        text.push('\n');
        out.write_all(text.as_bytes())
    }
}

/// Columns a text takes in a terminal; plain ASCII (most cells: amounts, codes) is counted
/// by its bytes.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// A text wrapped into lines of at most `width` terminal columns, as comfy-table wraps a cell
/// (its `split_line`), so that a table drawn by a grid looks as one drawn by comfy-table:
/// words are taken as they come between single spaces (two spaces leave an empty word); a
/// line is closed once it has at most two columns left; a word too long for a line of its
/// own is broken to fill the line it starts on when more than two columns are left there.
pub fn wrapped(text: &str, width: usize) -> Vec<String> {
    const LEFT_FREE: usize = 2;
    let close = |lines: &mut Vec<String>, line: &mut String| {
        if self::width(line) > width.saturating_sub(LEFT_FREE) {
            lines.push(std::mem::take(line));
        }
    };
    let mut lines = Vec::new();
    let mut words: Vec<String> = text.split(' ').rev().map(str::to_string).collect();
    let mut line = String::new();
    while let Some(word) = words.pop() {
        let gap = usize::from(!line.is_empty());
        let used = self::width(&line);
        let needed = self::width(&word);
        let left = width.saturating_sub(used).saturating_sub(gap);
        if used + gap + needed <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(&word);
            close(&mut lines, &mut line);
        } else if gap == 1 && left <= LEFT_FREE {
            words.push(word);
            lines.push(std::mem::take(&mut line));
        } else if needed > width {
            if gap == 1 {
                line.push(' ');
            }
            let (mut head, mut rest) = split_at_width(&word, left);
            // A character wider than the whole column still takes a line: nothing else
            // would ever take it.
            if gap == 0 && head.is_empty() {
                let mut chars = rest.chars();
                head = chars.next().map(String::from).unwrap_or_default();
                rest = chars.as_str();
            }
            line.push_str(&head);
            words.push(rest.to_string());
            lines.push(std::mem::take(&mut line));
        } else {
            lines.push(std::mem::replace(&mut line, word));
            close(&mut lines, &mut line);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The start of `word` that takes at most `width` terminal columns, and the rest, broken
/// between the symbols a reader sees (grapheme clusters, as comfy-table breaks them): an
/// accent stays on its letter, a flag's two letters and an emoji's skin tone together.
fn split_at_width(word: &str, width: usize) -> (String, &str) {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    for (at, symbol) in word.grapheme_indices(true) {
        let columns = self::width(symbol);
        if used + columns > width {
            return (
                word.get(..at).unwrap_or("").to_string(),
                word.get(at..).unwrap_or(""),
            );
        }
        used += columns;
    }
    (word.to_string(), "")
}

/// The cells of a row being written by [`Grid::row_with`], one column after another.
pub struct Cells<'a> {
    grid: &'a Grid,
    line: &'a mut String,
    column: usize,
}

impl Cells<'_> {
    /// The first columns as a [`Start`] holds them (at the start of the row).
    pub fn start(&mut self, start: &Start) {
        self.line.push_str(&start.text);
        self.column += start.columns;
    }

    /// The next cell.
    pub fn cell(&mut self, cell: Cell) {
        self.grid.push_cell(self.line, self.column, cell);
        self.column += 1;
    }

    /// The next cell, its text written by `make` straight into the row, then measured there
    /// and padded to the column's width (before it when the column is right-aligned).
    pub fn made(&mut self, strong: bool, make: impl FnOnce(&mut String)) {
        let width = self.grid.width(self.column);
        let right = self.grid.align.get(self.column) == Some(&Align::Right);
        self.grid.push_made(self.line, self.column, strong, |line| {
            let at = line.len();
            make(line);
            let pad = width.saturating_sub(line.get(at..).map_or(0, self::width));
            if right {
                insert_spaces(line, at, pad);
            } else {
                spaces(line, pad);
            }
        });
        self.column += 1;
    }
}

const SPACES: &str = "                                                                ";

fn spaces(out: &mut String, count: usize) {
    let mut left = count;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.push_str(SPACES.get(..n).unwrap_or(""));
        left -= n;
    }
}

/// `count` spaces put into `out` at byte `at` (a char boundary).
fn insert_spaces(out: &mut String, at: usize, count: usize) {
    let mut left = count;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.insert_str(at, SPACES.get(..n).unwrap_or(""));
        left -= n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comfy_table::presets::UTF8_FULL_CONDENSED;
    use comfy_table::{Attribute, CellAlignment, ContentArrangement, Table};

    /// The same table drawn by comfy-table, as the other views draw theirs.
    fn comfy(rows: &[Vec<Cell>], align: &[Align], color: bool) -> String {
        let mut table = Table::new();
        table
            .load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(400);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let cells = |row: &[Cell]| {
            row.iter()
                .map(|c| {
                    let cell = comfy_table::Cell::new(c.text);
                    if c.strong && color {
                        cell.add_attribute(Attribute::Bold)
                    } else {
                        cell
                    }
                })
                .collect::<Vec<_>>()
        };
        table.set_header(cells(&rows[0]));
        for row in &rows[1..] {
            table.add_row(cells(row));
        }
        for (i, a) in align.iter().enumerate() {
            if let (Some(column), Align::Right) = (table.column_mut(i), a) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        format!("{table}\n")
    }

    fn grid(rows: &[Vec<Cell>], align: &[Align], color: bool) -> String {
        let headers: Vec<&str> = rows[0].iter().map(|c| c.text).collect();
        let mut grid = Grid::new(&headers, align, color);
        for row in &rows[1..] {
            grid.fit_row(row);
        }
        let mut out = Vec::new();
        grid.head(&mut out).unwrap();
        for row in &rows[1..] {
            grid.row(&mut out, row).unwrap();
        }
        grid.foot(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn draws_what_comfy_table_draws() {
        let rows = vec![
            vec![cell("Mottagare"), cell("Område"), cell("Belopp")],
            vec![cell("Ragunda (2303)"), cell("1"), cell("15 600 kr")],
            vec![cell("Östersund (2380)"), cell("3"), cell("100 000 kr")],
            vec![strong("Totalt"), cell(""), strong("1 865 000 kr")],
        ];
        let align = [Align::Left, Align::Left, Align::Right];
        for color in [false, true] {
            assert_eq!(grid(&rows, &align, color), comfy(&rows, &align, color));
        }
    }

    #[test]
    fn a_shared_start_writes_the_row_that_row_writes() {
        // A start holding a separator of its own, so that its columns are counted, not read
        // back from its text.
        let rows = vec![
            vec![
                cell("Område"),
                cell("Insats"),
                cell("Beskrivning"),
                cell("Belopp"),
            ],
            vec![cell("1"), cell("1.1"), cell("a ┆ b │ c"), cell("15 600 kr")],
            vec![cell("3"), strong("東京"), cell(""), strong("100 000 kr")],
        ];
        let align = [Align::Left, Align::Left, Align::Left, Align::Right];
        for color in [false, true] {
            for first in 0..=4 {
                let mut grid = Grid::new(
                    &["Område", "Insats", "Beskrivning", "Belopp"],
                    &align,
                    color,
                );
                for row in &rows {
                    grid.fit_row(row);
                }
                for row in &rows {
                    let (mut whole, mut started) = (Vec::new(), Vec::new());
                    grid.row(&mut whole, row).unwrap();
                    let start = grid.start(&row[..first]);
                    grid.row_after(&mut started, &start, &row[first..]).unwrap();
                    assert_eq!(
                        String::from_utf8(started).unwrap(),
                        String::from_utf8(whole).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn a_row_made_in_place_writes_the_row_that_row_writes() {
        let rows = vec![
            vec![cell("Kod"), cell("Kommun"), cell("1.3"), cell("Totalt")],
            vec![
                cell("2303"),
                cell("Ragunda"),
                cell("15 600"),
                strong("1 865 000"),
            ],
            vec![
                cell(""),
                strong("Östersund"),
                cell("東京"),
                strong("-7 877"),
            ],
            vec![cell("2380"), cell("")],
        ];
        for align in [Align::Left, Align::Right] {
            let align = [Align::Left, Align::Left, align, align];
            for color in [false, true] {
                let mut grid = Grid::new(&["Kod", "Kommun", "1.3", "Totalt"], &align, color);
                for row in &rows {
                    grid.fit_row(row);
                }
                for row in &rows {
                    let (mut whole, mut made) = (Vec::new(), Vec::new());
                    grid.row(&mut whole, row).unwrap();
                    grid.row_with(&mut made, |cells| {
                        for (i, c) in row.iter().enumerate() {
                            if i < 2 {
                                cells.cell(*c);
                            } else {
                                cells.made(c.strong, |text| text.push_str(c.text));
                            }
                        }
                    })
                    .unwrap();
                    assert_eq!(
                        String::from_utf8(made).unwrap(),
                        String::from_utf8(whole).unwrap()
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// A cell wrapped by a grid takes the lines comfy-table gives it, however its spaces,
        /// long words, wide characters and accents fall, in a column as narrow as one.
        #[test]
        fn wraps_a_cell_as_comfy_table_wraps_it(
            text in "[ab å東\u{301}\u{a0}🇸🇪👍🏽/-]{0,80}",
            width in 1usize..40,
            strong in proptest::bool::ANY,
        ) {
            let row = [Cell { text: &text, strong, width: None }, cell("1 kr")];
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(400)
                .enforce_styling();
            table.set_header(vec!["h", "Belopp"]);
            let first = comfy_table::Cell::new(&text);
            let first = if strong { first.add_attribute(Attribute::Bold) } else { first };
            table.add_row(vec![first, comfy_table::Cell::new("1 kr")]);
            if let Some(column) = table.column_mut(0) {
                column.set_constraint(comfy_table::ColumnConstraint::Absolute(
                    comfy_table::Width::Fixed(u16::try_from(width + 2).unwrap()),
                ));
            }
            let mut grid = Grid::new(&["h", "Belopp"], &[Align::Left, Align::Left], true);
            grid.fit_row(&row);
            grid.set_width(0, width);
            let mut out = Vec::new();
            grid.head(&mut out).unwrap();
            grid.wrapped_row(&mut out, &row).unwrap();
            grid.foot(&mut out).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), format!("{table}\n"));
        }
    }

    #[test]
    fn measures_wide_characters_as_the_terminal_does() {
        let rows = vec![
            vec![cell("Namn"), cell("Belopp")],
            vec![cell("東京 ✓"), cell("1 kr")],
            vec![cell(""), cell("12 689 898 kr")],
        ];
        let align = [Align::Left, Align::Right];
        assert_eq!(grid(&rows, &align, false), comfy(&rows, &align, false));
    }
}
