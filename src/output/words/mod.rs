//! Wording: every message and hint, Swedish and English side by side, one module per concern.

pub mod findings;
pub mod followup;
pub mod key_file;
pub mod load;
