//! The config loader: any input either loads or is an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = candor::config::Config::parse("candor.yaml", text.into(), ".".into());
    }
});
