//! Arbitrary bytes as an SCB population key file: read, compare with the kommuner, split by
//! it. See `exercise.rs`.
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    exercise::key_bytes(data);
});
