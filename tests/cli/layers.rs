//! The layers the folders show hold: `core` uses nothing above it, `input` only `core`,
//! `output` only `core` and `input`; and no two modules use each other (a module and the ones
//! inside it aside).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repo_root;

/// Every source file's module path (`core::ledger::names`) and text, tests left out.
fn modules() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let src = repo_root().join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // The tests at the end of a file are left out; anything else marked
                // `#[cfg(test)]` above them is read, so that it cannot hide a use.
                let text = match text.find("#[cfg(test)]\nmod tests") {
                    Some(at) => text[..at].to_string(),
                    None => text,
                };
                found.insert(module_of(&src, &path), text);
            }
        }
    }
    found
}

fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The modules of the crate that `text` uses (`crate::a::b::C` uses `a::b` if that is a module).
fn uses(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let path: String = text[at + 7..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        for n in (1..=parts.len()).rev() {
            let candidate = parts[..n].join("::");
            if modules.contains(&candidate) {
                used.insert(candidate);
                break;
            }
        }
    }
    used
}

#[test]
fn each_layer_uses_only_those_below_it_and_no_two_modules_use_each_other() {
    let modules = modules();
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let allowed: [(&str, &[&str]); 3] = [
        ("core", &["core"]),
        ("input", &["core", "input"]),
        ("output", &["core", "input", "output"]),
    ];
    let mut problems = Vec::new();
    let mut graph: BTreeMap<&String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &modules {
        let used = uses(text, &names);
        let layer = module.split("::").next().unwrap_or("");
        if let Some((_, may)) = allowed.iter().find(|(l, _)| *l == layer) {
            for u in &used {
                let other = u.split("::").next().unwrap_or("");
                if !may.contains(&other) {
                    problems.push(format!("{module} uses {u}"));
                }
            }
        }
        graph.insert(module, used);
    }
    for (a, used) in &graph {
        for b in used {
            let nested = b.starts_with(&format!("{a}::")) || a.starts_with(&format!("{b}::"));
            if !nested && graph.get(b).is_some_and(|u| u.contains(a.as_str())) && *a < b {
                problems.push(format!("{a} and {b} use each other"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(names.contains("core::ledger"), "{names:?}");
}

/// No use of a module of another layer or branch hides from the test above: it reads paths
/// spelt `crate::a::b`, and `crate::{a::b, …}` or `super::super::…` would escape it (review
/// s38). A `super::x` (a module's sibling under one parent) is not read: siblings are in one
/// layer, and their cycles are not caught.
#[test]
fn every_use_of_another_module_is_spelt_from_the_crate() {
    let hidden: Vec<String> = modules()
        .iter()
        .filter(|(_, text)| text.contains("crate::{") || text.contains("super::super"))
        .map(|(module, _)| module.clone())
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}
