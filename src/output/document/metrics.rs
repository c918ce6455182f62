//! How wide text is in a Word document, for sizing table columns so that no amount breaks:
//! the advance widths of DejaVu Sans and DejaVu Sans Bold, in thousandths of an em. The
//! documents ask for Calibri; where it is missing (LibreOffice on Linux, macOS without
//! Office) DejaVu Sans is what is drawn, and it is the wider of the two for every character
//! here, so a column wide enough in DejaVu is wide enough in Calibri. A character not listed
//! counts as a full em.

/// The width of `text` in twentieths of a point, at `half_points` (Word's font size: 20 is
/// 10 pt), in bold or not.
pub fn width(text: &str, half_points: usize, bold: bool) -> usize {
    let milli_em: usize = text.chars().map(|c| usize::from(advance(c, bold))).sum();
    // half_points / 2 points per em, 20 twips per point, thousandths of an em.
    (milli_em * half_points * 10).div_ceil(1000)
}

/// The width of `text` in an SVG chart, in pixels at `font_px` (the charts are drawn in
/// DejaVu Sans).
pub fn pixels(text: &str, font_px: f64, bold: bool) -> f64 {
    let milli_em: u32 = text.chars().map(|c| u32::from(advance(c, bold))).sum();
    f64::from(milli_em) * font_px / 1000.0
}

/// The advance width of `c` in thousandths of an em.
fn advance(c: char, bold: bool) -> u16 {
    let pick = |(regular, heavy): (u16, u16)| if bold { heavy } else { regular };
    let code = u32::from(c);
    if (0x20..0x7f).contains(&code) {
        return ASCII
            .get(usize::try_from(code - 0x20).unwrap_or(0))
            .map_or(1000, |&w| pick(w));
    }
    OTHER
        .iter()
        .find(|(o, ..)| *o == c)
        .map_or(1000, |&(_, regular, heavy)| pick((regular, heavy)))
}

/// U+0020 to U+007E: regular and bold.
const ASCII: [(u16, u16); 95] = [
    (318, 349),   // space
    (401, 457),   // '!'
    (460, 521),   // '"'
    (838, 838),   // '#'
    (637, 696),   // '$'
    (951, 1002),  // '%'
    (780, 873),   // '&'
    (275, 307),   // "'"
    (391, 458),   // '('
    (391, 458),   // ')'
    (500, 523),   // '*'
    (838, 838),   // '+'
    (318, 380),   // ','
    (361, 416),   // '-'
    (318, 380),   // '.'
    (337, 366),   // '/'
    (637, 696),   // '0'
    (637, 696),   // '1'
    (637, 696),   // '2'
    (637, 696),   // '3'
    (637, 696),   // '4'
    (637, 696),   // '5'
    (637, 696),   // '6'
    (637, 696),   // '7'
    (637, 696),   // '8'
    (637, 696),   // '9'
    (337, 400),   // ':'
    (337, 400),   // ';'
    (838, 838),   // '<'
    (838, 838),   // '='
    (838, 838),   // '>'
    (531, 581),   // '?'
    (1000, 1000), // '@'
    (685, 774),   // 'A'
    (687, 763),   // 'B'
    (699, 734),   // 'C'
    (771, 831),   // 'D'
    (632, 684),   // 'E'
    (576, 684),   // 'F'
    (775, 821),   // 'G'
    (752, 837),   // 'H'
    (295, 373),   // 'I'
    (295, 373),   // 'J'
    (656, 775),   // 'K'
    (558, 638),   // 'L'
    (863, 996),   // 'M'
    (749, 837),   // 'N'
    (788, 851),   // 'O'
    (604, 733),   // 'P'
    (788, 851),   // 'Q'
    (695, 771),   // 'R'
    (635, 721),   // 'S'
    (611, 683),   // 'T'
    (732, 813),   // 'U'
    (685, 774),   // 'V'
    (989, 1104),  // 'W'
    (686, 771),   // 'X'
    (611, 725),   // 'Y'
    (686, 726),   // 'Z'
    (391, 458),   // '['
    (337, 366),   // '\\'
    (391, 458),   // ']'
    (838, 838),   // '^'
    (500, 500),   // '_'
    (500, 500),   // '`'
    (613, 675),   // 'a'
    (635, 716),   // 'b'
    (550, 593),   // 'c'
    (635, 716),   // 'd'
    (616, 679),   // 'e'
    (353, 436),   // 'f'
    (635, 716),   // 'g'
    (634, 712),   // 'h'
    (278, 343),   // 'i'
    (278, 343),   // 'j'
    (580, 666),   // 'k'
    (278, 343),   // 'l'
    (975, 1042),  // 'm'
    (634, 712),   // 'n'
    (612, 688),   // 'o'
    (635, 716),   // 'p'
    (635, 716),   // 'q'
    (412, 494),   // 'r'
    (521, 596),   // 's'
    (393, 479),   // 't'
    (634, 712),   // 'u'
    (592, 652),   // 'v'
    (818, 924),   // 'w'
    (592, 646),   // 'x'
    (592, 652),   // 'y'
    (525, 583),   // 'z'
    (637, 712),   // '{'
    (337, 366),   // '|'
    (637, 712),   // '}'
    (838, 838),   // '~'
];
/// Others a document writes: spaces, marks, signs and Nordic letters.
const OTHER: [(char, u16, u16); 24] = [
    ('\u{00a0}', 318, 349), // no-break space
    // The narrow no-break space: 200 in DejaVu, room for a wider fallback font in Word.
    ('\u{202f}', 250, 250),
    ('\u{2713}', 838, 838),   // ✓
    ('\u{2260}', 838, 838),   // ≠
    ('\u{2212}', 838, 838),   // −
    ('\u{2013}', 500, 500),   // –
    ('\u{2014}', 1000, 1000), // —
    ('\u{2026}', 1000, 1000), // …
    ('\u{00e5}', 613, 675),   // å
    ('\u{00e4}', 613, 675),   // ä
    ('\u{00f6}', 612, 688),   // ö
    ('\u{00c5}', 685, 774),   // Å
    ('\u{00c4}', 685, 774),   // Ä
    ('\u{00d6}', 788, 851),   // Ö
    ('\u{00e9}', 616, 679),   // é
    ('\u{00c9}', 632, 684),   // É
    ('\u{00fc}', 634, 712),   // ü
    ('\u{00dc}', 732, 813),   // Ü
    ('\u{00d7}', 838, 838),   // ×
    ('\u{00b7}', 318, 380),   // ·
    ('\u{203a}', 400, 413),   // ›
    ('\u{2192}', 838, 838),   // →
    ('\u{2248}', 838, 838),   // ≈
    ('\u{00a7}', 500, 500),   // §
];
