//! A file given where a plan belongs: loaded as a plan, or, when it is none, told as the other
//! file of the user's work it is (a population file from SCB, a year-end form, a web page),
//! so that the message says what was given rather than where its TOML broke.

use std::path::Path;

use crate::core::unreadable::{BinaryKind, OtherFile};
use crate::input::plan::{LoadError, Loaded};
use crate::input::read::ReadReason;

/// [`crate::input::plan::load`], a file that is no plan told as what it is.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    crate::input::plan::load(path).map_err(|error| match error {
        // A workbook may be a form or a population file saved from Excel.
        LoadError::Read {
            path,
            reason:
                reason @ (ReadReason::NotUtf8 { .. }
                | ReadReason::Binary(BinaryKind::Zip | BinaryKind::OldOffice)),
            stdin,
        } => LoadError::Read {
            reason: match stdin {
                false => other_file(&path).map_or(reason, ReadReason::NotAPlan),
                true => reason,
            },
            path,
            stdin,
        },
        LoadError::Parse { source, error } => {
            let other = (error.code() == "syntax")
                .then(|| other_file(&source.path))
                .flatten()
                .or_else(|| is_html(&source.text).then_some(OtherFile::Html));
            match other {
                Some(other) => LoadError::Read {
                    path: source.path.clone(),
                    reason: ReadReason::NotAPlan(other),
                    stdin: false,
                },
                None => LoadError::Parse { source, error },
            }
        }
        error => error,
    })
}

/// What a file that is no plan is instead, when it is a population file from SCB or a
/// follow-up form: told by reading it as one (only when it is not a plan, so the cost is on
/// the error's path).
fn other_file(path: &Path) -> Option<OtherFile> {
    use crate::core::population::ScbErrorKind;
    match crate::input::scb::load(path, None) {
        // A file with several years is a population file too, whose year is not chosen.
        Ok(_) => return Some(OtherFile::KeyFile),
        Err(e) if matches!(e.kind, ScbErrorKind::ChooseColumn { .. }) => {
            return Some(OtherFile::KeyFile);
        }
        Err(_) => {}
    }
    crate::input::usage::load(path, 0)
        .is_ok()
        .then_some(OtherFile::Form)
}

/// Whether a text is a web page: it starts (after white space) with `<!DOCTYPE html` or `<html`.
fn is_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}
