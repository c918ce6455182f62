//! `cargo bench`: load, check, every report view and every export of generated national
//! plans (`allocate generate`: 290 kommuner, every split rule, a stated total per area, actor
//! and kommun) at 1 000, 10 000 and 100 000 insatser. Criterion prints the figures; nothing
//! here asserts a time. `BENCHMARKS.md` records a run and the whole-process comparison with
//! hledger, ledger and beancount (`bench/compare.py`).
//!
//! `ALLOCATE_BENCH_SIZES=1000,10000` picks the sizes (all three by default); criterion's own
//! filter picks benchmarks: `cargo bench -- check`. At 100 000 insatser the views and exports
//! write gigabytes (17 million payment rows), so they run there only with `ALLOCATE_BENCH_ALL=1`.

// A benchmark may unwrap: a failure is a broken benchmark, not a user's crash.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use allocate::core::check::check;
use allocate::core::ledger::selection::Selection;
use allocate::core::report::{Projection, View};
use allocate::input::plan::load;
use allocate::output::csv::{self, Dialect};
use allocate::output::generated::{Spec, plan};
use allocate::output::lang::Lang;
use allocate::output::table::{self, Layout};
use allocate::output::{json, sheet, xlsx};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn sizes() -> Vec<usize> {
    std::env::var("ALLOCATE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// Writes the generated plan of `insatser` into `dir`.
fn generated(dir: &Path, insatser: usize) -> std::path::PathBuf {
    let text = plan(&Spec {
        insatser,
        kommuner: 290,
        seed: 1,
        short_texts: false,
    });
    let path = dir.join(format!("plan-{insatser}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

fn scale(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout {
        lang: Lang::Sv,
        color: false,
        width: 120,
    };
    for n in sizes() {
        let path = generated(dir.path(), n);
        let mut group = c.benchmark_group(format!("{n} insatser"));
        if n >= 10_000 {
            group.sample_size(10);
            group.warm_up_time(Duration::from_millis(500));
        }
        group.bench_function("load", |b| b.iter(|| black_box(load(&path).unwrap())));
        let loaded = load(&path).unwrap();
        group.bench_function("check", |b| {
            b.iter(|| black_box(check(&loaded.plan, &loaded.key_files).findings.len()))
        });
        let checked = check(&loaded.plan, &loaded.key_files);
        assert_eq!(checked.errors(), 0, "a generated plan passes check");
        if n >= 100_000 && std::env::var_os("ALLOCATE_BENCH_ALL").is_none() {
            group.finish();
            continue;
        }
        let all = Selection::all();
        let projection = Projection::new(&checked.ledger, &all);
        for view in View::ALL {
            group.bench_with_input(BenchmarkId::new("report", view.name()), &view, |b, &v| {
                b.iter(|| {
                    let mut out = Vec::new();
                    table::view(v, &projection, layout, &mut out).unwrap();
                    black_box(out.len())
                })
            });
            group.bench_with_input(
                BenchmarkId::new("export csv", view.name()),
                &view,
                |b, &v| {
                    b.iter(|| {
                        let sheet = sheet::build(v, &projection, Lang::Sv);
                        black_box(csv::write(&sheet, Dialect::Excel).unwrap().len())
                    })
                },
            );
        }
        group.bench_function("export xlsx", |b| {
            b.iter(|| {
                let sheets: Vec<_> = View::ALL
                    .iter()
                    .map(|&v| sheet::build(v, &projection, Lang::Sv))
                    .collect();
                black_box(xlsx::write(&sheets).unwrap().len())
            })
        });
        group.bench_function("export json", |b| {
            b.iter(|| {
                let text = serde_json::to_string_pretty(&json::document(&projection)).unwrap();
                black_box(text.len())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
