//! Writing export files so that nothing is lost: every file is written whole to a temporary
//! file in the target folder first, and only when all of them are written are they renamed
//! into place. An existing file is not replaced unless asked (`force`); a failure on the way
//! removes the temporary files and leaves the folder as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One file to write: its name in the folder and its bytes.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum WriteError {
    /// These files exist and `force` was not given; nothing was written.
    Exists(Vec<PathBuf>),
    /// The folder could not be created or written; nothing was left behind.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Writes `files` into `dir` (created if missing), all or nothing.
pub fn write_all(dir: &Path, files: &[File], force: bool) -> Result<Vec<PathBuf>, WriteError> {
    let targets: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    if !force {
        let existing: Vec<PathBuf> = targets.iter().filter(|t| t.exists()).cloned().collect();
        if !existing.is_empty() {
            return Err(WriteError::Exists(existing));
        }
    }
    std::fs::create_dir_all(dir).map_err(|error| WriteError::Io {
        path: dir.to_path_buf(),
        error,
    })?;

    // Everything is written before anything is renamed; dropping a temporary file deletes it.
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let io = |error| WriteError::Io {
            path: dir.join(&file.name),
            error,
        };
        let mut temp = tempfile::Builder::new()
            .prefix(".allocate-")
            .suffix(".part")
            .tempfile_in(dir)
            .map_err(io)?;
        temp.write_all(&file.bytes).map_err(io)?;
        temp.as_file().sync_all().map_err(io)?;
        written.push(temp);
    }
    let mut placed: Vec<&PathBuf> = Vec::new();
    for (temp, target) in written.into_iter().zip(&targets) {
        let persisted = if force {
            temp.persist(target)
        } else {
            temp.persist_noclobber(target)
        };
        if let Err(e) = persisted {
            // Without `force` every file placed so far is new: take them away again. (With
            // `force`, a replaced file cannot be brought back; renames after complete writes
            // practically only fail when the disk goes away.)
            if !force {
                for path in placed {
                    let _ = std::fs::remove_file(path);
                }
            }
            return Err(WriteError::Io {
                path: target.clone(),
                error: e.error,
            });
        }
        placed.push(target);
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> File {
        File {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_every_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &[file("a.csv", "a"), file("b.csv", "b")], false).unwrap();
        assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "b"
        );
    }

    #[test]
    fn refuses_to_replace_an_existing_file_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.csv"), "the user's own").unwrap();
        let err =
            write_all(dir.path(), &[file("a.csv", "a"), file("b.csv", "b")], false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(ref p) if p.len() == 1));
        assert_eq!(names(dir.path()), ["b.csv"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "the user's own"
        );
        write_all(dir.path(), &[file("a.csv", "a"), file("b.csv", "b")], true).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "b"
        );
    }

    #[test]
    fn a_failure_midway_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("old.txt"), "kept").unwrap();
        // The third file's target is in a folder that does not exist: its rename fails after
        // the first two were placed.
        let files = [
            file("a.csv", "a"),
            file("b.csv", "b"),
            file("missing/c.csv", "c"),
        ];
        let err = write_all(dir.path(), &files, false).unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }));
        assert_eq!(
            names(dir.path()),
            ["old.txt"],
            "no new file and no temporary file is left"
        );
    }
}
