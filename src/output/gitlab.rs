//! `allocate check --format gitlab`: a GitLab code quality report (a JSON array of issues:
//! description, check_name, fingerprint, severity, location.path, location.lines.begin), for
//! `artifacts:reports:codequality`, so findings show in the merge request.
//!
//! Errors are `major`, warnings `minor`, and a file that cannot be read or parsed `blocker`.
//! The fingerprint identifies an issue across pipelines: a hash of the file, the code and what
//! the finding is about, in no language (its ids, names and figures: [`crate::output::checked::Located::subject`]), so
//! that `--lang` does not change it, nor the line, which moves when lines are added above; and
//! a running number for the rare identical pair.

use std::collections::HashMap;

use serde::Serialize;

use crate::output::checked::{CheckedFile, Located, SeverityName, Verdict, bounded};
use crate::output::lang::Lang;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

pub fn render(files: &[CheckedFile], lang: Lang) -> String {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut issues = Vec::new();
    for file in files {
        // Repeats bounded as on screen: the first 100 of a code, then one issue that counts
        // the rest, at the first of them (a plan of a million errors gave a report of
        // hundreds of megabytes, more than GitLab takes).
        let (shown, left_out) = bounded(&file.findings, |f: &Located| {
            (f.code.as_str(), f.severity == SeverityName::Error)
        });
        for finding in shown {
            let identity = format!("{}\0{}\0{}", finding.file, finding.code, finding.subject);
            let occurrence = seen.entry(identity.clone()).or_insert(0);
            *occurrence += 1;
            let place = finding.annotated(lang);
            let mut description = place.message;
            if let Some(figures) = &finding.figures {
                description.push_str(&format!(" ({})", figures.text(lang)));
            }
            issues.push(Issue {
                description,
                check_name: finding.code.clone(),
                fingerprint: format!("{:016x}", fnv1a(&format!("{identity}\0{occurrence}"))),
                severity: match (file.verdict, finding.severity) {
                    (Verdict::Unreadable, _) => "blocker",
                    (_, SeverityName::Error) => "major",
                    (_, SeverityName::Warning) => "minor",
                },
                location: Location {
                    path: place.file.to_string(),
                    lines: Lines {
                        begin: place.line.unwrap_or(1),
                    },
                },
            });
        }
        for left in left_out {
            let first = left.first(&file.findings);
            // At the first left out, as its issue would be; the fingerprint by the plan's
            // path as every issue's (relative to the repository), so that it does not change
            // with how the file was named.
            let place = first.map(|f| f.annotated(lang));
            let path = place
                .as_ref()
                .map_or(&file.file[..], |p| p.file)
                .to_string();
            let plan = first.map_or(&file.file, |f| &f.file);
            let identity = format!("{plan}\0{}\0left out", left.code);
            issues.push(Issue {
                description: left.line(lang),
                check_name: left.code.clone(),
                fingerprint: format!("{:016x}", fnv1a(&identity)),
                severity: match left.error {
                    true => "major",
                    false => "minor",
                },
                location: Location {
                    path,
                    lines: Lines {
                        begin: place.and_then(|p| p.line).unwrap_or(1),
                    },
                },
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// 64-bit FNV-1a: small, stable across Rust versions and platforms (unlike `DefaultHasher`).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
