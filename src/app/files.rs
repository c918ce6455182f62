//! Writing files so that nothing is lost: every file is written whole to a temporary file in
//! the target folder first, and only when all of them are written are they renamed into
//! place. An existing file is not replaced unless asked (`force`), and then every file to be
//! replaced is first kept under a second name (a hard link), and put back if a new file
//! cannot be placed: a failure on the way removes the temporary files and leaves the folder as
//! it was. Each new file replaces its old one in one rename.
//!
//! New files get the permissions any program's new files get (read and write for all, less
//! the user's umask), so that colleagues on a shared drive can open them; a file replaced with
//! `force` keeps its own permissions and group.
//!
//! Ctrl-C or SIGTERM while files are written removes the temporary files and the folders made
//! for them (`clean_up_when_interrupted`), then exits with 130: the folder is left as it was.
//!
//! A run killed outright (SIGKILL, the OOM killer, a power cut) cannot remove its temporary
//! files; the next write into the same folder removes those that are provably stale
//! (`remove_stale_temporaries`), never one of a run still in progress.
//!
//! A file-size limit (`ulimit -f`) would by default kill the process with SIGXFSZ in the
//! middle of a write, silently, leaving a temporary file behind. The signal is ignored while
//! files are written, so the write fails with EFBIG instead: the temporary files are removed
//! and the error is reported like any other.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a write in progress would leave behind if interrupted: its temporary files, and the
/// folders made for them (the folder written into, and the topmost made).
struct Pending {
    files: Vec<PathBuf>,
    folders: Vec<(PathBuf, PathBuf)>,
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    files: Vec::new(),
    folders: Vec::new(),
});

/// On Ctrl-C, SIGTERM or SIGHUP: removes what the writes in progress would leave behind and
/// exits with 130. Called once, by `app::main`.
pub fn clean_up_when_interrupted() {
    let _ = ctrlc::set_handler(|| {
        let pending = pending();
        for file in &pending.files {
            let _ = std::fs::remove_file(file);
        }
        for (dir, top) in &pending.folders {
            remove_made_folders(dir, top);
        }
        std::process::exit(130);
    });
}

/// What the writes in progress would leave behind, held: an interrupt waits until it is let
/// go. A poisoned lock (a panic elsewhere) is used as it is.
fn pending() -> std::sync::MutexGuard<'static, Pending> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `f` with `pending` held.
fn with_pending<R>(f: impl FnOnce(&mut Pending) -> R) -> R {
    f(&mut pending())
}

/// Removes the empty folders from `dir` up to `top`, which were made for files.
fn remove_made_folders(dir: &Path, top: &Path) {
    for folder in dir.ancestors() {
        // Only an empty folder is removed; one that something else filled meanwhile stays.
        if std::fs::remove_dir(folder).is_err() || folder == top {
            break;
        }
    }
}

/// `--output` as given, `-` meaning standard output, as when it is not given: `None` then.
pub fn named(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| path.as_os_str() != "-")
}

/// One file to write: its name in the folder and its bytes.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum WriteError {
    /// These files exist and `force` was not given; nothing was written.
    Exists(Vec<PathBuf>),
    /// Something that is not a plain file is where a file would go (a folder, a link, a
    /// device, a named pipe): never replaced, not even with `force`; nothing was written.
    NotAFile(PathBuf),
    /// The folder to write into is something else (a file); nothing was written.
    NotAFolder(PathBuf),
    /// The folder to write into is `-`, which stands for standard output elsewhere; nothing
    /// was written (a folder of that name is `./-`).
    Dash,
    /// The folder to write into does not exist and is named like a file (`summa.xlsx`): the
    /// user meant a file; nothing was written. The first file's name, when known, shows where
    /// it would go (the command line alone does not tell it: [`folder_to_write_into`]).
    FolderNamedLikeFile {
        dir: PathBuf,
        first: Option<PathBuf>,
    },
    /// A file is to be written where the path names a folder (`-o ut/`): nothing was written.
    FileNamedLikeFolder(PathBuf),
    /// A file to write is one the command has read (the plan itself, a key file): never
    /// replaced, not even with `force`; nothing was written.
    IsInput(PathBuf),
    /// The folder could not be created or written; nothing was left behind.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A file could not be placed, and of the files kept to be replaced, these could not be
    /// put back either (a second failure, as a disk going away): each (its place, the name
    /// its old content is left under). The others were put back, the new files taken away.
    Stranded {
        path: PathBuf,
        error: std::io::Error,
        stranded: Vec<(PathBuf, PathBuf)>,
    },
}

/// Writes `files` into `dir` (created if missing), all or nothing.
pub fn write_all(dir: &Path, files: &[File], force: bool) -> Result<Vec<PathBuf>, WriteError> {
    write_files(dir, files, force, Folder::Given)
}

/// Where the folder written into comes from: given as `--output` (a name ending as a file's,
/// `-o summa.xlsx`, is then refused: the user meant a file), or the folder of a file the user
/// named (`-o rapporter.docx/beslut.md`: named as the user wants it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Folder {
    Given,
    OfFile,
}

fn write_files(
    dir: &Path,
    files: &[File],
    force: bool,
    folder: Folder,
) -> Result<Vec<PathBuf>, WriteError> {
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    write_made_into(dir, &names, force, folder, |i, out| {
        out.write_all(files.get(i).map_or(&[][..], |f| f.bytes.as_slice()))
    })
}

/// Writes the files `names` into `dir` (created if missing), all or nothing, each made by
/// `make` (given its place in `names`) straight into its temporary file: a file too large to
/// be held in memory first (a national plan's JSON) is written as it is made. Several files
/// are made side by side.
pub fn write_made(
    dir: &Path,
    names: &[&str],
    force: bool,
    make: impl Fn(usize, &mut (dyn Write + Send)) -> std::io::Result<()> + Sync,
) -> Result<Vec<PathBuf>, WriteError> {
    write_made_into(dir, names, force, Folder::Given, make)
}

fn write_made_into(
    dir: &Path,
    names: &[&str],
    force: bool,
    folder: Folder,
    make: impl Fn(usize, &mut (dyn Write + Send)) -> std::io::Result<()> + Sync,
) -> Result<Vec<PathBuf>, WriteError> {
    ignore_file_size_signal();
    if dir.as_os_str() == "-" {
        return Err(WriteError::Dash);
    }
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(WriteError::NotAFolder(dir.to_path_buf()));
    }
    let targets: Vec<PathBuf> = names.iter().map(|name| dir.join(name)).collect();
    if folder == Folder::Given
        && named_like_file(dir)
        && !dir.exists()
        && let Some(first) = targets.first()
    {
        return Err(WriteError::FolderNamedLikeFile {
            dir: dir.to_path_buf(),
            first: Some(first.clone()),
        });
    }
    // A device, a named pipe or a link (`-o /dev/null`, `-o /dev/stdout`) would be replaced by
    // a plain file by the rename, a folder would fail it.
    if let Some(odd) = targets
        .iter()
        .find(|t| std::fs::symlink_metadata(t).is_ok_and(|m| !m.is_file()))
    {
        return Err(WriteError::NotAFile(odd.clone()));
    }
    if let Some(input) = targets.iter().find(|t| crate::input::read::was_read(t)) {
        return Err(WriteError::IsInput(input.clone()));
    }
    if !force {
        let existing: Vec<PathBuf> = targets.iter().filter(|t| t.exists()).cloned().collect();
        if !existing.is_empty() {
            return Err(WriteError::Exists(existing));
        }
    }
    // The folders made for the files are taken away again when the files cannot be written.
    let made_from = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .last();
    let made = made_from.map(|top| (dir.to_path_buf(), top.to_path_buf()));
    if let Some(made) = &made {
        with_pending(|p| p.folders.push(made.clone()));
    }
    let placed = std::fs::create_dir_all(dir)
        .map_err(|error| WriteError::Io {
            path: dir.to_path_buf(),
            error,
        })
        .and_then(|()| {
            remove_stale_temporaries(dir);
            place(dir, &targets, force, make)
        });
    if let Some(made) = &made {
        with_pending(|p| p.folders.retain(|f| f != made));
        if placed.is_err() {
            remove_made_folders(&made.0, &made.1);
        }
    }
    placed.map(|()| targets)
}

/// `--output DIR` where files are to be written into a folder, looked at from the command
/// line alone, before any file is read: a folder to be made that is named like a file
/// (`-o summa.xlsx`) is refused at once, so that the user does not first get the plan's or the
/// forms' findings and only on the next run hear that `-o` was wrong. (Writing looks again,
/// and names the first file.)
pub fn folder_to_write_into(dir: &Path) -> Result<(), WriteError> {
    if named_like_file(dir) && !dir.exists() {
        return Err(WriteError::FolderNamedLikeFile {
            dir: dir.to_path_buf(),
            first: None,
        });
    }
    Ok(())
}

/// Whether a folder's name ends as the files this program writes or reads do (`summa.xlsx`,
/// `ut.json`): `export -o summa.xlsx` is meant as a file, and a folder of that name, with
/// CSV files in it, is not what the user asked for.
fn named_like_file(dir: &Path) -> bool {
    ending(dir).is_some()
}

/// The endings of the files this program writes or reads, or that a user may take one for
/// (Word's other files, `.docm` and `.dotx`, and XHTML among them: Word and a browser read
/// them as what the ending says, not as what was written).
const FILE_ENDINGS: [&str; 21] = [
    "csv", "xlsx", "xls", "ods", "json", "html", "htm", "xhtml", "docx", "doc", "docm", "dotx",
    "dotm", "rtf", "odt", "md", "markdown", "txt", "toml", "pdf", "xlsm",
];

/// A file's name as Windows keeps it: without the dots and spaces it drops at the end
/// (tester s37: `x.docx.` became `x.docx` with HTML in it).
fn kept_name(path: &Path) -> Option<&str> {
    Some(path.file_name()?.to_str()?.trim_end_matches(['.', ' ']))
}

/// A file name's ending, in lower case, when it is one of [`FILE_ENDINGS`]; a name that is only
/// an ending (`.docx`) has it.
fn ending(path: &Path) -> Option<String> {
    let (_, ending) = kept_name(path)?.rsplit_once('.')?;
    let ending = ending.to_ascii_lowercase();
    FILE_ENDINGS.contains(&ending.as_str()).then_some(ending)
}

/// Whether a name ends as a spreadsheet's (`.xlsx`, `.xls`, `.xlsm`, `.ods`).
pub fn spreadsheet_ending(path: &Path) -> bool {
    ending(path).is_some_and(|e| ["xlsx", "xls", "xlsm", "ods"].contains(&e.as_str()))
}

/// The name `path` should have for a file of `kind`: its ending replaced, or dropped where the
/// name already ends as `kind` before it (`p.toml.docx` → `p.toml`, not `p.toml.toml`).
pub fn renamed(path: &Path, kind: Kind) -> PathBuf {
    let Some(name) = kept_name(path) else {
        return path.with_extension(kind.ending());
    };
    let stem = match ending(path) {
        Some(_) => name.rsplit_once('.').map_or(name, |(stem, _)| stem),
        None => name,
    };
    let fits = Path::new(stem)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| kind.endings().contains(&e.to_ascii_lowercase().as_str()));
    let name = match fits {
        true => stem.to_string(),
        false => format!("{stem}.{}", kind.ending()),
    };
    path.with_file_name(name)
}

/// A kind of file written to a name the user gives (`-o FILE`), known by its ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Html,
    Docx,
    Md,
    /// A plan (`init`).
    Toml,
}

impl Kind {
    /// The ending a file of the kind is named with (`html`).
    pub fn ending(self) -> &'static str {
        match self {
            Kind::Html => "html",
            Kind::Docx => "docx",
            Kind::Md => "md",
            Kind::Toml => "toml",
        }
    }

    /// The endings a file of the kind may have: `.htm` for HTML, `.markdown` and `.txt` for
    /// Markdown.
    fn endings(self) -> &'static [&'static str] {
        match self {
            Kind::Html => &["html", "htm"],
            Kind::Docx => &["docx"],
            Kind::Md => &["md", "markdown", "txt"],
            Kind::Toml => &["toml"],
        }
    }
}

/// The document a file's name asks for by its ending: HTML (`.htm` too), DOCX or Markdown
/// (`.markdown` too; not `.txt`, which may be anything).
pub fn document_ending(path: &Path) -> Option<Kind> {
    match ending(path)?.as_str() {
        "html" | "htm" => Some(Kind::Html),
        "docx" => Some(Kind::Docx),
        "md" | "markdown" => Some(Kind::Md),
        _ => None,
    }
}

/// A file to be written as `kind` whose name ends as another kind of file (`-o beslut.docx`
/// with `--format html`: Word then calls the file damaged), refused before anything is read
/// or written. A name with no ending, or one this program does not know, is taken as given.
pub fn ending_fits(path: &Path, kind: Kind) -> Result<(), WrongEnding> {
    let Some(written) = ending(path) else {
        return Ok(());
    };
    match kind.endings().contains(&written.as_str()) {
        true => Ok(()),
        false => Err(WrongEnding {
            path: path.to_path_buf(),
            ending: written,
            kind,
        }),
    }
}

/// A file whose name's ending is not the kind written into it ([`ending_fits`]).
#[derive(Debug)]
pub struct WrongEnding {
    pub path: PathBuf,
    /// The ending as the name has it, in lower case (`docx`).
    pub ending: String,
    /// What would be written.
    pub kind: Kind,
}

/// Writes the files into their temporary files in `dir` and renames them to `targets`.
fn place(
    dir: &Path,
    targets: &[PathBuf],
    force: bool,
    make: impl Fn(usize, &mut (dyn Write + Send)) -> std::io::Result<()> + Sync,
) -> Result<(), WriteError> {
    // Everything is written before anything is renamed; dropping a temporary file deletes it.
    let mut written = Vec::with_capacity(targets.len());
    let mut temporary: Vec<PathBuf> = Vec::with_capacity(targets.len());
    let placed = (|| {
        for target in targets {
            // Made and noted at once: an interrupt between the two left the file behind.
            let temp = with_pending(|p| {
                let temp = temporary_in(dir, target)?;
                p.files.push(temp.path().to_path_buf());
                hold_while_written(temp.as_file());
                Ok(temp)
            })
            .map_err(|error| WriteError::Io {
                path: target.clone(),
                error,
            })?;
            temporary.push(temp.path().to_path_buf());
            written.push(temp);
        }
        write_and_rename(written, targets, force, make)
    })();
    with_pending(|p| p.files.retain(|f| !temporary.contains(f)));
    placed
}

/// Writes the temporary files `written` and renames them to `targets`.
fn write_and_rename(
    written: Vec<tempfile::NamedTempFile>,
    targets: &[PathBuf],
    force: bool,
    make: impl Fn(usize, &mut (dyn Write + Send)) -> std::io::Result<()> + Sync,
) -> Result<(), WriteError> {
    let places: Vec<usize> = (0..written.len()).collect();
    let made = crate::core::parallel::map(&places, |&i| {
        let Some(temp) = written.get(i) else {
            return Ok(());
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, Writeback::new(temp.as_file()));
        make(i, &mut out)?;
        out.flush()?;
        drop(out);
        temp.as_file().sync_all()
    });
    for (result, target) in made.into_iter().zip(targets) {
        result.map_err(|error| WriteError::Io {
            path: target.clone(),
            error,
        })?;
    }
    // The renames are made whole: an interrupt waits for them.
    let _renaming = pending();
    // Every file to be replaced is kept under a second name first (`.allocate-<pid>-<its
    // name>-….old`), so that one that cannot be replaced (another user's file in a shared
    // folder with the sticky bit, a file held open on a network share) stops the write before
    // any file is replaced, and so that the files placed before one that fails can be put
    // back. The second name is a hard link, and each new file then replaces its old one in one
    // rename, so that a reader of the folder sees the old file or the new one, never none;
    // where hard links are refused the file is moved aside instead, and is missing until its
    // new one is placed.
    let mut kept: Vec<Option<Kept>> = Vec::with_capacity(targets.len());
    for target in targets {
        let exists = force && std::fs::symlink_metadata(target).is_ok();
        match exists.then(|| keep(target, &written)).transpose() {
            Ok(k) => kept.push(k),
            Err(error) => return Err(put_back(&kept, targets, 0, target, error)),
        }
    }
    for (i, (temp, target)) in written.into_iter().zip(targets).enumerate() {
        let placed = match kept.get(i) {
            Some(Some(Kept::Linked(_))) => temp.persist(target).map(drop),
            _ => temp.persist_noclobber(target).map(drop),
        };
        if let Err(e) = placed {
            return Err(put_back(&kept, targets, i, target, e.error));
        }
    }
    for old in kept.iter().flatten() {
        let _ = std::fs::remove_file(old.path());
    }
    Ok(())
}

/// A file to be replaced, kept under a second name in its folder while the new files are
/// placed.
#[derive(Debug)]
enum Kept {
    /// A second link to it: the file stays in its place until its new one replaces it.
    Linked(PathBuf),
    /// Moved to the name (where hard links are refused).
    Aside(PathBuf),
}

impl Kept {
    fn path(&self) -> &Path {
        match self {
            Kept::Linked(path) | Kept::Aside(path) => path,
        }
    }
}

/// Keeps `target` under a second name of its own in its folder (`.allocate-<pid>-<its
/// name>-….old`): a hard link, else the file moved there. Refused, touching nothing, when the
/// file cannot be replaced: in a folder with the sticky bit (`/tmp`, a shared drop folder),
/// only the file's or the folder's owner may replace it; `written` are the temporary files
/// made there, whose owner is the one writing.
fn keep(target: &Path, written: &[tempfile::NamedTempFile]) -> std::io::Result<Kept> {
    let dir = target.parent().unwrap_or(Path::new("."));
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (folder, file) = (std::fs::metadata(dir)?, std::fs::symlink_metadata(target)?);
        let me = match written.first() {
            Some(temp) => temp.as_file().metadata()?.uid(),
            None => file.uid(),
        };
        if folder.mode() & 0o1000 != 0 && me != 0 && file.uid() != me && folder.uid() != me {
            return Err(std::io::ErrorKind::PermissionDenied.into());
        }
    }
    #[cfg(not(unix))]
    let _ = written;
    // The file's name in its second one, cut so that the whole stays within a name's 255
    // bytes (the prefix, the random part and the suffix take about 40).
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let mut end = name.len().min(200);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let name = name.get(..end).unwrap_or_default();
    let prefix = format!("{TEMP_PREFIX}{}-{name}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(ASIDE_SUFFIX);
    // Kept, to be removed or put back by the caller, and named as the folder is
    // (`ut/.allocate-…`, not from `/`).
    let named = |old: tempfile::NamedTempFile<()>| {
        let kept = old.into_temp_path().keep().map_err(|e| e.error)?;
        Ok::<_, std::io::Error>(kept.file_name().map_or(kept.clone(), |n| dir.join(n)))
    };
    // A name in use is never taken: a link to it fails, a rename would replace it.
    if let Ok(old) = builder.make_in(dir, |path| std::fs::hard_link(target, path)) {
        return named(old).map(Kept::Linked);
    }
    let old = builder.make_in(dir, |path| match std::fs::symlink_metadata(path) {
        Ok(_) => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(target, path),
    })?;
    named(old).map(Kept::Aside)
}

/// After `error` writing `target`, the `failed`-th of `targets` (each kept as `kept` says):
/// the files placed before it are taken away, those they replaced put back, and the second
/// names of the others removed. The error to tell, with the files that could not be put back.
fn put_back(
    kept: &[Option<Kept>],
    targets: &[PathBuf],
    failed: usize,
    target: &Path,
    error: std::io::Error,
) -> WriteError {
    let mut stranded = Vec::new();
    for (i, (kept, place)) in kept.iter().zip(targets).enumerate() {
        let back = match kept {
            // A new file placed where there was none.
            None if i < failed => std::fs::remove_file(place),
            None => Ok(()),
            // The old file over its new one, or back in its place.
            Some(Kept::Linked(old)) if i < failed => std::fs::rename(old, place),
            Some(Kept::Aside(old)) => std::fs::rename(old, place),
            // Still in its place: its second name goes (one left behind loses nothing).
            Some(Kept::Linked(old)) => {
                let _ = std::fs::remove_file(old);
                Ok(())
            }
        };
        if let (Err(_), Some(old)) = (back, kept) {
            stranded.push((place.clone(), old.path().to_path_buf()));
        }
    }
    let path = target.to_path_buf();
    match stranded.is_empty() {
        true => WriteError::Io { path, error },
        false => WriteError::Stranded {
            path,
            error,
            stranded,
        },
    }
}

/// How much of a file is written before the disk is asked to take it.
const WRITEBACK_BYTES: u64 = 8 << 20;

/// A temporary file being written, its pages handed to the disk every [`WRITEBACK_BYTES`]
/// (Linux's `sync_file_range`, as RocksDB's `bytes_per_sync` does), so that the `fsync`
/// before the rename waits for the last of them, not for the whole file: for a national
/// plan's 470 MB JSON it waited a quarter of a second.
struct Writeback<'f> {
    file: &'f std::fs::File,
    written: u64,
    handed: u64,
}

impl<'f> Writeback<'f> {
    fn new(file: &'f std::fs::File) -> Writeback<'f> {
        Writeback {
            file,
            written: 0,
            handed: 0,
        }
    }
}

impl Write for Writeback<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = (&mut &*self.file).write(bytes)?;
        self.written += n as u64;
        if self.written - self.handed >= WRITEBACK_BYTES {
            start_writeback(self.file, self.handed, self.written - self.handed);
            self.handed = self.written;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Asks the disk to start writing these bytes of `file`, without waiting for it; the
/// `fsync` that follows the writing still makes sure of every byte.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn start_writeback(file: &std::fs::File, from: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(from), Ok(len)) = (i64::try_from(from), i64::try_from(len)) else {
        return;
    };
    // SAFETY: sync_file_range reads its four integer arguments and touches no memory of this
    // process; on an invalid descriptor it fails with EBADF. Its result is not needed.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_: &std::fs::File, _: u64, _: u64) {}

/// Lets a write beyond the file-size limit fail with EFBIG rather than kill the process:
/// called when files are written, and by `main` before anything is made (a workbook is
/// built in temporary files first).
#[cfg(unix)]
#[allow(unsafe_code)]
pub fn ignore_file_size_signal() {
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler and touches no
    // memory of this process; it is always sound to call.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
pub fn ignore_file_size_signal() {}

/// Says on standard error that a file was written (`Skrev ut/betalningar.csv`): every command
/// that writes files names each one so, after all of them are in place.
pub fn tell_written(
    err: &mut dyn Write,
    path: &Path,
    lang: crate::output::lang::Lang,
) -> std::io::Result<()> {
    writeln!(err, "{} {}", lang.pick("Skrev", "Wrote"), path.display())
}

/// Writes one file whole or not at all: `path`'s folder must exist.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    // `ut/` names a folder, whose last part `Path` would take as the file's name.
    if path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
    {
        return Err(WriteError::FileNamedLikeFolder(path.to_path_buf()));
    }
    let dir = match path.parent() {
        // `-o -/besked.docx` names a folder `-`, as `./-` does.
        Some(dir) if dir.as_os_str() == "-" => Path::new("./-"),
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Errors name the file as it was given, not as joined to its folder.
    write_files(
        dir,
        &[File {
            name,
            bytes: bytes.to_vec(),
        }],
        force,
        Folder::OfFile,
    )
    .map(drop)
    .map_err(|e| match e {
        WriteError::Exists(_) => WriteError::Exists(vec![path.to_path_buf()]),
        WriteError::NotAFile(_) => WriteError::NotAFile(path.to_path_buf()),
        WriteError::IsInput(_) => WriteError::IsInput(path.to_path_buf()),
        other @ (WriteError::NotAFolder(_)
        | WriteError::Dash
        | WriteError::FolderNamedLikeFile { .. }
        | WriteError::FileNamedLikeFolder(_)) => other,
        WriteError::Io { error, .. } => WriteError::Io {
            path: path.to_path_buf(),
            error,
        },
        WriteError::Stranded {
            error, stranded, ..
        } => WriteError::Stranded {
            path: path.to_path_buf(),
            error,
            stranded,
        },
    })
}

/// How the temporary files' names begin and end: `.allocate-<pid>-<random>.part`, with the id
/// of the process writing them, so that a later run can tell one left behind by a run that
/// was killed ([`remove_stale_temporaries`]).
const TEMP_PREFIX: &str = ".allocate-";
const TEMP_SUFFIX: &str = ".part";
/// How the second name of a file kept while its replacement is placed ends: never taken for
/// a stale temporary file, so that a run killed in the middle of placing its files leaves the
/// old file beside the new ones instead of losing it.
const ASIDE_SUFFIX: &str = ".old";

/// The writing process's id in a temporary file's name, when the name is exactly one of ours
/// (`.allocate-4711-Ab3xYz.part`: digits, `-`, letters and digits).
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    let ours = !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && !random.is_empty()
        && random.bytes().all(|b| b.is_ascii_alphanumeric());
    ours.then(|| pid.parse().ok()).flatten()
}

/// How long a temporary file must have been left alone before it may be taken for stale.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the temporary files that earlier runs, killed while writing (SIGKILL, the OOM
/// killer, a power cut), left in `dir`; a run that is interrupted in any other way removes its
/// own. A file is removed only when every one of these holds, so that a temporary file of a
/// run still in progress is never touched:
///
/// - its name is exactly one of ours, `.allocate-<pid>-<random>.part`, and it is a regular
///   file (not a link, a folder or anything else);
/// - the process `<pid>` does not exist: it is not this one, and `/proc/<pid>` is absent (on
///   Linux only; where there is no `/proc`, nothing is removed, since a process cannot be
///   looked up without it);
/// - no process holds its lock: a run keeps an exclusive `flock` on each of its temporary files
///   while it writes them ([`hold_while_written`]). A PID names a process only on its machine
///   and in its PID namespace, and the folder may be shared (a network drive, a volume mounted
///   into two containers), where the writer's PID is not in this `/proc`; its lock is seen all
///   the same (the kernel's for one machine, the file server's over NFS). A file that cannot be
///   opened or locked (another user's, a file system without locks) is left;
/// - it has not been modified for [`STALE_AFTER`]: a file made a moment ago may not be locked
///   yet by the run that made it.
#[cfg(target_os = "linux")]
fn remove_stale_temporaries(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(temporary_pid) else {
            continue;
        };
        if pid == own || Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let recent = (meta.modified().ok())
            .and_then(|at| at.elapsed().ok())
            .is_none_or(|age| age < STALE_AFTER);
        if !meta.is_file() || recent {
            continue;
        }
        // Removed while its lock is held, so that no one takes it up meanwhile.
        if let Some(_locked) = unlocked(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn remove_stale_temporaries(_: &Path) {}

/// `path` opened and locked, when it is a regular file that no process holds locked; opened
/// without blocking and without following a link, so that what took its place meanwhile (a
/// named pipe) cannot make the run wait.
#[cfg(target_os = "linux")]
fn unlocked(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    try_lock(&file).then_some(file)
}

/// Takes an exclusive lock on `file` without waiting: whether it was free.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn try_lock(file: &std::fs::File) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: flock takes a descriptor and two flags and touches no memory of this process;
    // the descriptor is open for the call (on an invalid one it fails with EBADF). The lock
    // goes with the file when it is closed, or when the process ends, however it ends.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
}

/// Locks a temporary file of this run for as long as it is open, so that another run never
/// takes it for stale ([`remove_stale_temporaries`]); where locks are not to be had, the
/// other rules alone keep it.
#[cfg(target_os = "linux")]
fn hold_while_written(file: &std::fs::File) {
    let _ = try_lock(file);
}

#[cfg(not(target_os = "linux"))]
fn hold_while_written(_: &std::fs::File) {}

/// A temporary file beside `target`, with the permissions `target` will have: its own when it
/// exists, else those of a new file under the user's umask.
fn temporary_in(dir: &Path, target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o666);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = target;
    let temp = builder.tempfile_in(dir)?;
    // The umask applies at creation; a replaced file's own mode is set exactly, and its group
    // kept where the user may give it (a folder shared with a group), before the mode, which
    // a change of group may clear bits of.
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(target) {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(meta.gid()));
        temp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(temp)
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

    /// After a failure, a file replaced is put back over its new one and its second name goes;
    /// one that cannot be put back (its old content gone from where it was kept, as a disk
    /// going away) is told with where it was kept.
    #[test]
    fn files_kept_are_put_back_and_one_that_cannot_be_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        std::fs::write(&a, "old a").unwrap();
        let kept = keep(&a, &[]).unwrap();
        assert!(matches!(kept, Kept::Linked(_)), "{kept:?}");
        // Its new file placed, the next one failed.
        let new = dir.path().join("new");
        std::fs::write(&new, "new a").unwrap();
        std::fs::rename(&new, &a).unwrap();
        let error = || std::io::Error::other("the disk went away");
        let targets = [a.clone(), b.clone()];
        let put = put_back(&[Some(kept), None], &targets, 1, &b, error());
        assert!(matches!(put, WriteError::Io { .. }), "{put:?}");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(names(dir.path()), ["a.csv"]);
        // Kept aside under a name that is gone: told, with that name.
        let gone = dir.path().join(".allocate-1-b.csv-gone.old");
        match put_back(
            &[None, Some(Kept::Aside(gone.clone()))],
            &targets,
            0,
            &a,
            error(),
        ) {
            WriteError::Stranded { path, stranded, .. } => {
                assert_eq!(path, a);
                assert_eq!(stranded, [(b.clone(), gone)]);
            }
            other => panic!("{other:?}"),
        }
    }

    /// A file whose name is near the longest a name may be is kept under a second name that
    /// fits (tester s29 round 3: 113 å's could not be replaced), in its folder as given.
    #[test]
    fn a_file_with_a_long_name_is_kept_under_a_name_that_fits() {
        let dir = tempfile::tempdir().unwrap();
        let long = dir.path().join(format!("{}.md", "å".repeat(126)));
        std::fs::write(&long, "old").unwrap();
        let kept = keep(&long, &[]).unwrap();
        let name = kept
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.len() <= 255 && name.starts_with(".allocate-"),
            "{name}"
        );
        assert_eq!(kept.path().parent(), Some(dir.path()));
        write_all(
            dir.path(),
            &[file(&format!("{}.md", "å".repeat(126)), "new")],
            true,
        )
        .unwrap();
        assert_eq!(std::fs::read_to_string(&long).unwrap(), "new");
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

    /// A folder, a link, a named pipe (and so a device) where a file would go is never
    /// replaced, not even with `force`: the rename would put a plain file in its place
    /// (`-o /dev/null --force` as root replaced the device).
    #[cfg(unix)]
    #[test]
    fn never_replaces_what_is_not_a_plain_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("own.csv"), "the user's own").unwrap();
        std::fs::create_dir(dir.path().join("folder.csv")).unwrap();
        std::os::unix::fs::symlink("own.csv", dir.path().join("link.csv")).unwrap();
        let fifo = std::ffi::CString::new(
            dir.path()
                .join("pipe.csv")
                .into_os_string()
                .into_encoded_bytes(),
        )
        .unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        for name in ["folder.csv", "link.csv", "pipe.csv"] {
            for force in [false, true] {
                let err = write_all(dir.path(), &[file("a.csv", "a"), file(name, "b")], force)
                    .unwrap_err();
                assert!(
                    matches!(err, WriteError::NotAFile(ref p) if p.ends_with(name)),
                    "{name}: {err:?}"
                );
            }
        }
        assert_eq!(
            names(dir.path()),
            ["folder.csv", "link.csv", "own.csv", "pipe.csv"]
        );
        // A file given as the folder is not a folder, `force` or not.
        for force in [false, true] {
            let err =
                write_all(&dir.path().join("own.csv"), &[file("a.csv", "a")], force).unwrap_err();
            assert!(matches!(err, WriteError::NotAFolder(_)), "{err:?}");
        }
        let link = std::fs::symlink_metadata(dir.path().join("link.csv")).unwrap();
        assert!(link.file_type().is_symlink());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("own.csv")).unwrap(),
            "the user's own"
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

    #[test]
    fn only_our_own_temporary_names_give_a_pid() {
        assert_eq!(temporary_pid(".allocate-4711-Ab3xYz.part"), Some(4711));
        for name in [
            ".allocate-Ab3xYz.part",
            ".allocate--Ab3xYz.part",
            ".allocate-4711-.part",
            ".allocate-47a1-Ab3xYz.part",
            ".allocate-4711-Ab3-xYz.part",
            ".allocate-4711-Ab3xYz.part~",
            "allocate-4711-Ab3xYz.part",
            ".allocate-99999999999-Ab3xYz.part",
        ] {
            assert_eq!(temporary_pid(name), None, "{name}");
        }
        let dir = tempfile::tempdir().unwrap();
        let temp = temporary_in(dir.path(), &dir.path().join("a.csv")).unwrap();
        let name = temp.path().file_name().unwrap().to_str().unwrap();
        assert_eq!(temporary_pid(name), Some(std::process::id()), "{name}");
    }

    /// A temporary file of a process that is gone is removed only when it is a regular file
    /// of our name, left alone for a while, and no one holds its lock.
    #[cfg(target_os = "linux")]
    #[test]
    fn only_provably_stale_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let gone = ".allocate-99999999-Gone01.part";
        let make = |name: &str, old: bool| {
            let path = dir.path().join(name);
            let file = std::fs::File::create(&path).unwrap();
            if old {
                let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
                file.set_modified(then).unwrap();
            }
            path
        };
        let stale = make(gone, true);
        let fresh = make(".allocate-99999999-Fresh1.part", false);
        let live = make(
            &format!(".allocate-{}-Live01.part", std::process::id()),
            true,
        );
        let other = make(".allocate-Other1.part", true);
        std::fs::create_dir(dir.path().join(".allocate-99999999-Folder.part")).unwrap();
        std::os::unix::fs::symlink(&other, dir.path().join(".allocate-99999999-Link01.part"))
            .unwrap();
        // Held by a run (on another machine, say): kept.
        let held = std::fs::File::open(&stale).unwrap();
        assert!(try_lock(&held));
        remove_stale_temporaries(dir.path());
        assert!(stale.exists(), "a locked file is in use");
        drop(held);
        remove_stale_temporaries(dir.path());
        assert!(!stale.exists());
        for kept in [&fresh, &live, &other] {
            assert!(kept.exists(), "{}", kept.display());
        }
        assert_eq!(names(dir.path()).len(), 5, "{:?}", names(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, b"new", true).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
