//! Reading a file's bytes within a limit, and telling a file that is not text by its first
//! bytes, for plans and key files alike; a spreadsheet's text file (a key file, a form) decoded
//! from whichever encoding it was saved in. Why a file cannot be read is data (`ReadReason`).

use std::path::Path;

pub use crate::core::unreadable::{BinaryKind, OsError, OtherFile, Special};

use crate::core::population::TextEncoding;

#[derive(Debug, PartialEq)]
pub enum ReadReason {
    NotFound,
    /// A pattern (`plans/*.toml`) that matches no file, passed on as it was written (a
    /// shell that does not expand patterns, a quoted one); `app::plan_paths` tells it.
    NoMatch,
    Directory,
    PermissionDenied,
    /// Not UTF-8: the first bad byte is at `line`:`column` (one-based; the column counts the
    /// characters before it, as a finding's does), and `shown` is that line with each bad byte
    /// as U+FFFD, so a message can show where it is.
    NotUtf8 {
        line: usize,
        column: usize,
        shown: String,
    },
    /// Larger than `limit` bytes (`size` is at least `limit + 1`), refused before reading it.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Text saved as UTF-16 (Windows Notepad's "Unicode"): a UTF-16 byte-order mark.
    Utf16,
    /// Not a text file at all.
    Binary(BinaryKind),
    /// Not a regular file: a named pipe (FIFO), a device or a socket, which could block
    /// reading for ever or never end; refused before it is opened.
    NotRegular(Special),
    /// `-` (standard input) was given, but standard input is a terminal, not a pipe or a file.
    StdinIsTerminal,
    /// `-` given for a file that is read only from a path (a form, a key file): standard
    /// input is read only for a plan.
    StdinNotRead,
    /// Text that is no plan but another file the user works with (a key file, a form).
    NotAPlan(OtherFile),
    /// TOML of more parts (values, keys, separators, spaces: `toml_parser`'s tokens) than
    /// `limit` ([`max_toml_parts`]): parsing holds every part in memory at once.
    TooManyParts {
        parts: u64,
        limit: u64,
    },
    Other(OsError),
}

impl ReadReason {
    /// Why `bytes` are not UTF-8, when the first `valid` bytes are.
    pub fn not_utf8(bytes: &[u8], valid: usize) -> ReadReason {
        let before = bytes.get(..valid).unwrap_or(bytes);
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes
            .iter()
            .skip(valid)
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| valid + i);
        // The file's byte-order mark is not a column of its first line.
        let start = match bytes.get(start..) {
            Some(rest) if start == 0 && rest.starts_with(b"\xef\xbb\xbf") => 3,
            _ => start,
        };
        let column = std::str::from_utf8(before.get(start..).unwrap_or_default())
            .map_or(0, |line| line.chars().count())
            + 1;
        let shown = String::from_utf8_lossy(bytes.get(start..end).unwrap_or_default());
        ReadReason::NotUtf8 {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column,
            shown: shown.trim_end_matches('\r').to_string(),
        }
    }

    /// What kind of path this is when it is not a regular file.
    pub fn special(file_type: std::fs::FileType) -> Special {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Special::Fifo;
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Special::Device;
            }
            if file_type.is_socket() {
                return Special::Socket;
            }
        }
        let _ = file_type;
        Special::Other
    }
}

/// The largest plan or key file read by default: 128 MiB. A national plan with 100 000
/// insatser of real length is about 50 MB; a file far larger is not a plan, and refusing it
/// up front keeps memory and time bounded. `ALLOCATE_MAX_FILE_MB` raises (or lowers) it.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// The environment variable that sets the limit, in MiB.
pub const MAX_FILE_VAR: &str = "ALLOCATE_MAX_FILE_MB";

/// The largest file read: `ALLOCATE_MAX_FILE_MB` MiB when that is set, else
/// `MAX_FILE_BYTES`. A value that is no limit is refused before a command runs
/// ([`max_file_setting`]), so it is never silently taken for the default here.
pub fn max_file_bytes() -> u64 {
    max_file_setting()
        .ok()
        .flatten()
        .map_or(MAX_FILE_BYTES, |mb| mb.saturating_mul(1024 * 1024))
}

/// The most parts (tokens) a TOML file may have: one for every 4 bytes of the file-size
/// limit, 33 554 432 by default. The `toml` parser holds each part of a file, and each value
/// it makes of them, at once: some 75 bytes a part, so that a file of one-byte values
/// (`xs = [1,1,1,…]`) needs 75 times its size, and one just under 128 MiB needed 10 GB. Within
/// this limit parsing needs at most about 2,5 GB. A plan of real texts has one part for every
/// 4 to 8 bytes (a national plan of 100 000 insatser, 50 MB, some 11 million), and is within
/// this limit wherever it is within the size limit; printed tables and key values have one
/// for every 2 bytes or so, so a plan made mostly of those reaches it at about half the size
/// limit (`init` warns of a new plan beyond either). `ALLOCATE_MAX_FILE_MB` raises both
/// limits together.
pub fn max_toml_parts() -> u64 {
    max_file_bytes() / BYTES_PER_PART
}

/// The bytes of the size limit for each part [`max_toml_parts`] allows.
pub const BYTES_PER_PART: u64 = 4;

/// `Ok` when `text`, as TOML, has at most [`max_toml_parts`] parts. A text with fewer bytes
/// than that cannot have more parts (each is at least a byte) and is not counted, so a plan
/// of ordinary size costs nothing; a larger one is counted by `toml_parser`'s lexer, which
/// holds nothing.
pub fn toml_parts_within_limit(text: &str) -> Result<(), ReadReason> {
    let limit = max_toml_parts();
    if (text.len() as u64) <= limit {
        return Ok(());
    }
    let parts = toml_parser::Source::new(text).lex().count() as u64;
    if parts > limit {
        return Err(ReadReason::TooManyParts { parts, limit });
    }
    Ok(())
}

/// The limit `ALLOCATE_MAX_FILE_MB` sets, in MiB: `None` when it is not set (or set to
/// nothing), and the value as given when it is not a whole number of MiB above 0.
pub fn max_file_setting() -> Result<Option<u64>, String> {
    std::env::var_os(MAX_FILE_VAR).map_or(Ok(None), |value| max_file_mb(&value))
}

/// A value of `ALLOCATE_MAX_FILE_MB`: a whole number of MiB, at least 1, spaces around it
/// allowed (`512`); anything else (`512MB`, `1.5`, `-1`, `0`, `abc`) is refused as given.
pub fn max_file_mb(value: &std::ffi::OsStr) -> Result<Option<u64>, String> {
    let shown = || value.to_string_lossy().into_owned();
    let Some(text) = value.to_str() else {
        return Err(shown());
    };
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(shown());
    }
    // A whole number beyond 64 bits is as good as no limit (tester s37: refused as "not a
    // whole number").
    match text.parse::<u64>() {
        Ok(0) => Err(shown()),
        Ok(mb) => Ok(Some(mb)),
        Err(_) => Ok(Some(u64::MAX)),
    }
}

/// What names standard input on the command line, where a plan is read.
pub const STDIN_ARG: &str = "-";

/// Reads at most `limit` bytes of a regular file; a larger one (by its size on disk, or by
/// what could be read should it grow) is refused without reading it whole. A named pipe, a
/// device or a socket is refused before it is opened, so that reading never hangs.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadReason> {
    let (bytes, meta) = read_unremembered(path, limit)?;
    remember(path, &meta);
    Ok(bytes)
}

/// Reads a file as [`read_limited`] does, to look at what a command is about to replace:
/// the file is not remembered as read, so it may still be written (with `--force`).
pub fn peek_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadReason> {
    read_unremembered(path, limit).map(|(bytes, _)| bytes)
}

fn read_unremembered(path: &Path, limit: u64) -> Result<(Vec<u8>, std::fs::Metadata), ReadReason> {
    use std::io::Read;
    let io_reason = |e: std::io::Error| match e.kind() {
        _ if path.is_dir() => ReadReason::Directory,
        std::io::ErrorKind::NotFound if path.as_os_str() == STDIN_ARG => ReadReason::StdinNotRead,
        std::io::ErrorKind::NotFound => ReadReason::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadReason::PermissionDenied,
        _ => ReadReason::Other(OsError::from(&e)),
    };
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.is_dir() {
        return Err(ReadReason::Directory);
    }
    if !meta.is_file() {
        return Err(ReadReason::NotRegular(ReadReason::special(
            meta.file_type(),
        )));
    }
    if meta.len() > limit {
        return Err(ReadReason::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(io_reason)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_reason)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadReason::TooLarge { size: read, limit });
    }
    Ok((bytes, meta))
}

/// Which file a path names: its device and inode (a symbolic link, a hard link or another
/// spelling of the path names the same file), or where there are none its canonical path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FileIdentity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(std::path::PathBuf),
}

fn identity(path: &Path, meta: &std::fs::Metadata) -> Option<FileIdentity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Some(FileIdentity::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        std::fs::canonicalize(path).ok().map(FileIdentity::Path)
    }
}

/// Which file `path` names (see [`FileIdentity`]); `None` for a path that names none.
pub fn file_identity(path: &Path) -> Option<FileIdentity> {
    let meta = std::fs::metadata(path).ok()?;
    identity(path, &meta)
}

/// The files this process has read (the plan, its key files, last year's plan, the returned
/// forms), so that nothing it writes replaces one of them, not even with `--force`.
static READ: std::sync::Mutex<Vec<FileIdentity>> = std::sync::Mutex::new(Vec::new());

fn remember(path: &Path, meta: &std::fs::Metadata) {
    if let (Some(id), Ok(mut read)) = (identity(path, meta), READ.lock()) {
        read.push(id);
    }
}

/// Whether `path` is a file this process has read.
pub fn was_read(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    identity(path, &meta).is_some_and(|id| READ.lock().is_ok_and(|read| read.contains(&id)))
}

/// Reads standard input (a plan piped in with `-`) up to `limit` bytes. A terminal is refused,
/// since a plan is never typed in.
pub fn read_stdin_limited(limit: u64) -> Result<Vec<u8>, ReadReason> {
    use std::io::{IsTerminal, Read};
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(ReadReason::StdinIsTerminal);
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadReason::Other(OsError::from(&e)))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadReason::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Recognises files that are not text: a UTF-16 byte-order mark, an Office or PDF file, or
/// a NUL byte (which no text file has) in the first 8 KB.
pub fn not_text(bytes: &[u8]) -> Option<ReadReason> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some(ReadReason::Utf16);
    }
    let kind = if bytes.starts_with(b"PK\x03\x04") {
        BinaryKind::Zip
    } else if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        BinaryKind::OldOffice
    } else if bytes.starts_with(b"%PDF") {
        BinaryKind::Pdf
    } else if utf16_without_bom(bytes).is_some() {
        return Some(ReadReason::Utf16);
    } else if binary(bytes) {
        BinaryKind::Other
    } else {
        return None;
    };
    Some(ReadReason::Binary(kind))
}

/// Whether the bytes are binary: a NUL byte (which no text file has) in the first 8 KB, in
/// what is not UTF-8 text with at most a few control characters. A stray NUL in a text (from
/// a paste, or an editor's slip) is left to the reader, which tells it where it stands
/// (`100<U+0000>_000` at line and column) rather than refusing the whole file.
fn binary(bytes: &[u8]) -> bool {
    /// The most control characters (but tab and line ends) a text with a stray NUL has.
    const STRAY: usize = 4;
    let head = bytes.get(..8192).unwrap_or(bytes);
    if !head.contains(&0) {
        return false;
    }
    let controls = (head.iter())
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .count();
    // UTF-8 but for a character the 8 KB cut in two.
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    !text || controls > STRAY
}

/// The UTF-16 the bytes are in when they have no byte-order mark, as a text editor may
/// save "Unicode" text: in the first 512 pairs of bytes, at least half have a NUL on one side
/// (the ASCII of UTF-16LE, or of BE) and none has one on the other.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = bytes.chunks_exact(2).take(512);
    let count = pairs.len();
    let (mut first, mut second) = (0, 0);
    for pair in pairs {
        if let [a, b] = pair {
            first += usize::from(*a == 0);
            second += usize::from(*b == 0);
        }
    }
    match (first, second) {
        _ if count < 2 => None,
        (0, nuls) if nuls * 2 >= count => Some(encoding_rs::UTF_16LE),
        (nuls, 0) if nuls * 2 >= count => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// `a/./b/../c` as `a/c`: a path without `.` and with each `..` taking away the folder before
/// it, worked out from the text alone (the file system is not asked).
pub fn lexical(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Turns the file's bytes into text: a byte-order mark decides, else UTF-16 when the bytes
/// are plainly that ([`utf16_without_bom`]), else UTF-8 if the bytes are valid UTF-8, else
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        let which = if encoding == encoding_rs::UTF_8 {
            TextEncoding::Utf8Bom
        } else if encoding == encoding_rs::UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return (text.into_owned(), which);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let which = match encoding == encoding_rs::UTF_16LE {
            true => TextEncoding::Utf16Le,
            false => TextEncoding::Utf16Be,
        };
        return (text.into_owned(), which);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// The first line that is not UTF-8 in a file whose other lines are UTF-8 with letters beyond
/// ASCII (å, ä, ö): a line pasted in from a Windows-1252 file. Read as Windows-1252 the
/// whole file would turn the UTF-8 names into `StrÃ¶msund`, and the finding would blame the
/// plan's name. A file in Windows-1252 alone has no such UTF-8 line and is read as before.
/// A file that starts with UTF-8's byte-order mark (as Excel's "CSV UTF-8" writes) says it
/// is UTF-8: its first line that is not is that line, whatever the others hold.
pub fn mixed_encoding_line(bytes: &[u8]) -> Option<usize> {
    let bom = encoding_rs::Encoding::for_bom(bytes).map(|(encoding, _)| encoding);
    if bom.is_some_and(|encoding| encoding != encoding_rs::UTF_8)
        || utf16_without_bom(bytes).is_some()
        || std::str::from_utf8(bytes).is_ok()
    {
        return None;
    }
    let mut first_bad = None;
    let mut utf8_letters = false;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(text) => utf8_letters |= !text.is_ascii(),
            Err(_) => {
                first_bad.get_or_insert(n + 1);
            }
        }
    }
    first_bad.filter(|_| utf8_letters || bom.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(bytes: &[u8]) -> (usize, usize, String) {
        let valid = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
        match ReadReason::not_utf8(bytes, valid) {
            ReadReason::NotUtf8 {
                line,
                column,
                shown,
            } => (line, column, shown),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_byte_is_placed_by_the_characters_before_it_on_its_line() {
        // After the file's byte-order mark, a CRLF line end, a tab and a two-byte å.
        assert_eq!(place(b"\xef\xbb\xbfab\xe4"), (1, 3, "ab\u{fffd}".into()));
        assert_eq!(
            place(b"a = 1\r\nb = \"\t\xc3\xa5\xe4\"\r\nc = 2\r\n"),
            (2, 8, "b = \"\t\u{e5}\u{fffd}\"".into())
        );
        // A byte-order mark is the file's, not every line's.
        assert_eq!(
            place(b"a\n\xef\xbb\xbf\xe4"),
            (2, 2, "\u{feff}\u{fffd}".into())
        );
        // A sequence cut off at the end of the file.
        assert_eq!(place(b"x = \"\xc3"), (1, 6, "x = \"\u{fffd}".into()));
    }
}
