//! What a file that is not text turns out to be, so that a message can name it.

/// What a binary file given as a plan or key seems to be, for a message the user recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryKind {
    /// A zip archive: an Excel (xlsx) or Word (docx) file, most likely.
    Zip,
    /// An old Excel or Word file (xls, doc: OLE compound file).
    OldOffice,
    Pdf,
    /// Anything else with a NUL byte in it.
    Other,
}
