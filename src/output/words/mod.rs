//! Wording: every message and hint, Swedish and English side by side, one module per concern.

pub mod findings;
pub mod followup;
pub mod key_file;
pub mod load;

/// A recipient as the tables and documents name it: a kommun with its code, `Berg (2326)`;
/// an actor by its name alone. (`Names::kommun` reads it back.)
pub fn recipient(name: &str, kommunkod: Option<&str>) -> String {
    match kommunkod {
        Some(code) => format!("{name} ({code})"),
        None => name.to_string(),
    }
}
