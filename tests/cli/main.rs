//! Integration tests: the real binary on the real plans and on broken copies of them.

mod checks;
mod format;
mod plans;
mod support;
