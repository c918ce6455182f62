//! The plans the unit tests run on: the real plans and the `.toml` files of folders of the
//! repository, found once here.

use std::path::PathBuf;

use crate::core::population::ScbError;

/// A plan's key file as the loader reads it.
type KeyFile = Result<crate::core::population::KeyFile, ScbError>;

/// `allocations/plan-2025.toml` and `plan-2026.toml`, then each folder's plans in name order.
pub fn shipped(folders: &[&str]) -> Vec<PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![
        root.join("allocations/plan-2025.toml"),
        root.join("allocations/plan-2026.toml"),
    ];
    for folder in folders {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
}

/// The real plans loaded with their key files, then each of `texts` parsed (without key
/// files): the plans of tests that also need a generated or a changed one.
pub fn loaded_and(
    texts: impl IntoIterator<Item = String>,
) -> Vec<(crate::core::plan::Plan, Vec<Option<KeyFile>>)> {
    let mut plans: Vec<_> = shipped(&[])
        .iter()
        .map(|path| {
            let loaded = crate::input::plan::load(path).unwrap();
            (loaded.plan, loaded.key_files)
        })
        .collect();
    plans.extend(
        texts
            .into_iter()
            .map(|text| (crate::input::plan::parse(&text).unwrap(), Vec::new())),
    );
    plans
}
