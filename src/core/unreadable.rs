//! What a file that is not text turns out to be, so that a message can name it.

/// A text file given as a plan that is another file the user works with, told by its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherFile {
    /// A population file from SCB (a key's `file`, or `split --key`).
    KeyFile,
    /// A year-end follow-up form (from `follow-up --forms`).
    Form,
    /// A web page (a decision basis written as HTML, say).
    Html,
}

/// The workbook an Office owner file (a lock file) stands for, by its name: Excel keeps
/// `~$redovisning.xlsx` beside `redovisning.xlsx` while the workbook is open (hidden on
/// Windows, so a pattern such as `svar/*` finds what the user does not see).
pub fn office_lock_of(file_name: &str) -> Option<&str> {
    let workbook = file_name.strip_prefix("~$")?;
    let ending = workbook.rsplit_once('.')?.1.to_ascii_lowercase();
    ["xlsx", "xlsm", "xls", "ods", "csv"]
        .contains(&ending.as_str())
        .then_some(workbook)
}

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

/// What a path that is neither a regular file nor a directory is: reading one could block for
/// ever (a named pipe) or never end (a device), so it is refused before it is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// A named pipe (FIFO).
    Fifo,
    /// A character or block device.
    Device,
    Socket,
    Other,
}

/// An error the operating system gave while reading, as data: its kind and, when there is
/// one, its number; worded in the user's language by `output`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OsError {
    pub kind: std::io::ErrorKind,
    pub code: Option<i32>,
}

impl From<&std::io::Error> for OsError {
    fn from(error: &std::io::Error) -> OsError {
        OsError {
            kind: error.kind(),
            code: error.raw_os_error(),
        }
    }
}
