//! The inventory loader (YAML budget, retention grammar, validation): any
//! input either loads or is an error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = candor::inventory::Inventory::from_str("inventory.yaml", text.into());
        let _ = candor::inventory::retention::parse(text);
    }
});
