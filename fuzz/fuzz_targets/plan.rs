//! Arbitrary bytes as a plan: parse, check, and every renderer of what check, report, export
//! and diff produce. See `exercise.rs`.
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    exercise::plan_bytes(data);
});
