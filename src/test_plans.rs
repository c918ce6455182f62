//! The plans the unit tests run on: the real plans and the `.toml` files of folders of the
//! repository, found once here.

use std::path::PathBuf;

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
