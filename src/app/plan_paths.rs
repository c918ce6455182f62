//! Plan paths from the command line. A shell expands `allocations/*.toml` itself; Windows'
//! shells and some CI runners pass the pattern on as it is written, so a path that does not
//! exist and holds a glob character (`*`, `?`, `[`) is expanded here, sorted, matching what a
//! shell matches: a wildcard does not match a leading dot (`.utkast.toml`). A pattern that
//! matches nothing stays as given, so that `check` reports it as a file it cannot read, in
//! words of its own ([`matches_nothing`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Each argument as a file, or the files its pattern matches, in order; no file twice, however
/// it is reached (`berg.csv` and `./berg.csv`, a symbolic link to it or a hard link of it are
/// one file: counted twice, its recipients would be told as having sent more than one report).
/// One file is one device and inode ([`crate::input::read::FileIdentity`]; its canonical path
/// where there are none), as for the files that nothing written may replace.
pub fn expand(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut seen: HashSet<Same> = HashSet::new();
    for arg in args {
        for path in expand_one(arg) {
            if seen.insert(Same::of(&path)) {
                paths.push(path);
            }
        }
    }
    paths
}

/// Whether two paths name one file, as [`expand`] tells: `plan.toml` and `./plan.toml`, a
/// link to it, `-` and `-`.
pub fn same_file(a: &Path, b: &Path) -> bool {
    Same::of(a) == Same::of(b)
}

/// A file by its identity; a path that names none by itself, as written.
#[derive(PartialEq, Eq, Hash)]
enum Same {
    File(crate::input::read::FileIdentity),
    Written(PathBuf),
}

impl Same {
    /// A file that cannot be found is kept as written, to be reported as such; `-` is
    /// standard input, whatever file of that name the folder has.
    fn of(path: &Path) -> Same {
        if path.as_os_str() == crate::input::plan::STDIN_ARG {
            Same::Written(path.to_path_buf())
        } else {
            crate::input::read::file_identity(path)
                .map_or_else(|| Same::Written(path.to_path_buf()), Same::File)
        }
    }
}

/// The files a pattern matches, sorted; `None` when `arg` is no pattern (a path that exists,
/// or holds no `*`, `?` or `[`, or is not a valid pattern).
fn matches(arg: &Path) -> Option<Vec<PathBuf>> {
    let pattern = arg.to_str()?;
    if arg.exists() || !pattern.contains(['*', '?', '[']) {
        return None;
    }
    let written = glob::Pattern::new(normal(arg).to_str()?).ok()?;
    let mut found: Vec<PathBuf> = glob::glob(pattern)
        .ok()?
        .filter_map(Result::ok)
        .filter(|p| p.is_file() && as_a_shell(&written, p))
        .collect();
    found.sort();
    Some(found)
}

/// Whether the whole pattern matches `path` as a shell's does: a wildcard never matches the
/// dot a hidden file or folder's name starts with (`*.toml` leaves `.utkast.toml` out,
/// `.*.toml` takes it). The other options are `glob`'s own. `glob::glob_with` is not asked
/// for this: with it, `.*.toml` matches nothing, and a file name that is not UTF-8 in a
/// folder it reads is a panic. Both sides are compared without their `.` parts and extra
/// separators (`./plans//x` and `plans/./x` are `plans/x`), which `glob` may leave out of
/// the paths it gives back.
fn as_a_shell(written: &glob::Pattern, path: &Path) -> bool {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    written.matches_path_with(&normal(path), options)
}

fn normal(path: &Path) -> PathBuf {
    path.components()
        .filter(|part| *part != std::path::Component::CurDir)
        .collect()
}

/// Whether a path [`expand`] gave back is a pattern that matched no file, to be reported as
/// one rather than as a file that does not exist.
pub fn matches_nothing(path: &Path) -> bool {
    matches(path).is_some_and(|found| found.is_empty())
}

fn expand_one(arg: &Path) -> Vec<PathBuf> {
    match matches(arg) {
        Some(found) if !found.is_empty() => found,
        _ => vec![arg.to_path_buf()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_pattern_is_expanded_and_sorted() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let pattern = root.join("allocations").join("plan-*.toml");
        let found = expand(&[pattern]);
        let names: Vec<_> = found
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert!(
            names.starts_with(&["plan-2025.toml", "plan-2026.toml"]),
            "{names:?}"
        );
    }

    #[test]
    fn one_file_written_two_ways_is_one_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("allocations");
        let plan = root.join("plan-2026.toml");
        let again = root
            .join(".")
            .join("..")
            .join("allocations")
            .join("plan-2026.toml");
        assert_eq!(expand(&[plan.clone(), again, plan.clone()]), vec![plan]);
    }

    #[test]
    fn a_wildcard_skips_hidden_files_and_folders_as_a_shell_does() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a/x.toml", "a/.x.toml", ".b/x.toml"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        // A name that is not UTF-8 beside them is no match, and no panic.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let latin1 = std::ffi::OsStr::from_bytes(b".r\xe4kning.toml");
            std::fs::write(dir.path().join("a").join(latin1), "").unwrap();
        }
        let found = |pattern: &str| -> Vec<PathBuf> {
            let found = matches(&dir.path().join(pattern)).unwrap();
            found
                .iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().to_path_buf())
                .collect()
        };
        assert_eq!(found("*/*.toml"), [PathBuf::from("a/x.toml")]);
        assert_eq!(found("a/.*.toml"), [PathBuf::from("a/.x.toml")]);
        assert_eq!(found(".b/*.toml"), [PathBuf::from(".b/x.toml")]);
    }

    #[test]
    fn a_pattern_without_matches_stays_as_written() {
        let pattern = PathBuf::from("no-such-folder/*.toml");
        assert_eq!(
            expand(std::slice::from_ref(&pattern)),
            vec![pattern.clone()]
        );
        assert!(matches_nothing(&pattern));
        assert!(!matches_nothing(Path::new("no-such-plan.toml")));
    }
}
