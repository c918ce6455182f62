//! Reading a file's bytes within a limit, and telling a file that is not text by its first
//! bytes, for plans and key files alike. Why a file cannot be read is data (`ReadReason`).

use std::path::Path;

use crate::core::unreadable::BinaryKind;

#[derive(Debug, PartialEq)]
pub enum ReadReason {
    NotFound,
    Directory,
    PermissionDenied,
    /// Not UTF-8: the first bad byte is on this line.
    NotUtf8 {
        line: usize,
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
    Other(String),
}

/// The largest plan or key file read by default: 128 MiB. A national plan with 100 000
/// insatser of real length is about 50 MB; a file far larger is not a plan, and refusing it
/// up front keeps memory and time bounded. `ALLOCATE_MAX_FILE_MB` raises (or lowers) it.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// The environment variable that sets the limit, in MiB.
pub const MAX_FILE_VAR: &str = "ALLOCATE_MAX_FILE_MB";

/// The largest file read: `ALLOCATE_MAX_FILE_MB` MiB when that is set to a whole number,
/// else `MAX_FILE_BYTES`.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(MAX_FILE_BYTES, |mb| mb.saturating_mul(1024 * 1024))
}

/// Reads at most `limit` bytes of a file; a larger one (by its size on disk, or by what could
/// be read, for pipes and devices) is refused without reading it whole.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadReason> {
    use std::io::Read;
    let io_reason = |e: std::io::Error| match e.kind() {
        _ if path.is_dir() => ReadReason::Directory,
        std::io::ErrorKind::NotFound => ReadReason::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadReason::PermissionDenied,
        _ => ReadReason::Other(e.to_string()),
    };
    let meta = std::fs::metadata(path).map_err(io_reason)?;
    if meta.is_dir() {
        return Err(ReadReason::Directory);
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
    } else if bytes.iter().take(8192).any(|&b| b == 0) {
        BinaryKind::Other
    } else {
        return None;
    };
    Some(ReadReason::Binary(kind))
}
