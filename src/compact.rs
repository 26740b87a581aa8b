//! Plans too large for the browser's local storage as plain text, kept compactly:
//! deflated, then packed 15 bits to a character.
//!
//! Local storage counts UTF-16 code units (5 242 880 per origin in Chromium and
//! Firefox). A plan file is mostly ASCII, one unit per byte; deflated and packed, a
//! plan of 10 000 indicators takes about a tenth of that. Each character carries 15
//! bits offset into U+1000..U+8FFF, so no character is a surrogate, a control or a
//! byte-order mark, and the text survives storage unchanged.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// What a compact text starts with; plain plan files start with `{`.
pub const MARK: &str = "jalon-deflate-1:";
const OFFSET: u32 = 0x1000;
/// Deflate's quick level: a large plan is compacted on each save.
const LEVEL: u8 = 1;

/// `text` deflated and packed, behind `MARK` and the deflated length.
pub fn pack(text: &str) -> String {
    let bytes = compress_to_vec(text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(MARK.len() + 12 + bytes.len() * 8 / 15 + 1);
    out.push_str(MARK);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((buffer >> bits) & 0x7FFF));
            buffer &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit((buffer << (15 - bits)) & 0x7FFF));
    }
    out
}

fn unit(value: u32) -> char {
    char::from_u32(OFFSET + value).unwrap_or('\u{1000}')
}

/// The text `pack` was given, or `None` if `packed` is not a whole compact text.
/// `limit` bounds the unpacked size, so that damaged data cannot exhaust memory.
pub fn unpack(packed: &str, limit: usize) -> Option<String> {
    let rest = packed.strip_prefix(MARK)?;
    let (length, body) = rest.split_once(':')?;
    let length: usize = length.parse().ok()?;
    let mut bytes = Vec::with_capacity(length);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in body.chars() {
        let value = u32::from(c).checked_sub(OFFSET).filter(|v| *v <= 0x7FFF)?;
        buffer = (buffer << 15) | value;
        bits += 15;
        while bits >= 8 && bytes.len() < length {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    if bytes.len() != length {
        return None;
    }
    let text = decompress_to_vec_with_limit(&bytes, limit).ok()?;
    String::from_utf8(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::save;
    use crate::generate::{large_plan, Spec};
    use crate::sample::sample_plan;
    use proptest::prelude::*;

    #[test]
    fn a_plan_comes_back_as_it_was_in_a_fraction_of_the_space() {
        let text = save(&sample_plan());
        let packed = pack(&text);
        assert_eq!(unpack(&packed, 1 << 20).as_deref(), Some(text.as_str()));
        assert!(packed.encode_utf16().count() * 4 < text.encode_utf16().count(), "{} units", packed.len());
    }

    #[test]
    fn the_large_plan_fits_in_a_browser_s_local_storage() {
        let text = save(&large_plan(&Spec::benchmark()));
        let units = pack(&text).encode_utf16().count();
        assert!(text.encode_utf16().count() > 5_242_880, "the plain file would not fit");
        assert!(units < 5_242_880 / 2, "{units} UTF-16 units: room left for a library of ordinary plans");
    }

    #[test]
    fn damaged_or_foreign_text_is_refused() {
        let packed = pack("{\"format\": \"jalon-plan\"}");
        assert_eq!(unpack("{\"format\": \"jalon-plan\"}", 1000), None);
        assert_eq!(unpack(&packed[..packed.len() - 3], 1000), None);
        assert_eq!(unpack(&packed.replace(':', ";"), 1000), None);
        assert_eq!(unpack(&format!("{MARK}5:\u{d7ff}\u{d7ff}"), 1000), None);
        assert_eq!(unpack(&packed, 3), None, "over the limit");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_round_trips(text in ".{0,2000}") {
            let packed = pack(&text);
            let safe = |c: char| c == ':' || c == '-' || c.is_ascii_alphanumeric() || ('\u{1000}'..='\u{8fff}').contains(&c);
            prop_assert!(packed.chars().all(safe), "a character outside the safe range");
            prop_assert_eq!(unpack(&packed, 1 << 20), Some(text));
        }
    }
}
