//! The fuzz targets' work (fuzz/exercise.rs) over their seed corpus, the real plans and this
//! test corpus, on stable Rust: whatever the fuzzer once found stays fixed without nightly.

#[path = "../../fuzz/exercise.rs"]
pub mod exercise;

use crate::support::repo_root;

fn files_in(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo_root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn plan_target_over_seeds_real_plans_and_corpus() {
    let mut files = files_in("fuzz/corpus/plan");
    files.extend(files_in("allocations"));
    files.extend(files_in("examples"));
    files.extend(files_in("tests/corpus/plans"));
    assert!(files.len() > 60, "{}", files.len());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        exercise::plan_bytes(&bytes);
    }
}

#[test]
fn key_file_target_over_seeds_and_corpus() {
    let mut files = files_in("fuzz/corpus/key_file");
    files.extend(files_in("tests/fixtures/scb"));
    files.extend(files_in("tests/corpus/keys"));
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        exercise::key_bytes(&bytes);
    }
}
