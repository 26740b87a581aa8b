//! Plans too large for the browser's local storage as plain text, kept compactly:
//! deflated, then packed 15 bits to a character.
//!
//! Local storage counts UTF-16 code units (5 242 880 per origin in Chromium and
//! Firefox). A plan file is mostly ASCII, one unit per byte; deflated and packed, a
//! plan of 10 000 indicators takes about a tenth of that. Each character carries 15
//! bits offset into U+1000..U+8FFF, so no character is a surrogate, a control or a
//! byte-order mark, and the text survives storage unchanged.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// What a compact text starts with; plain plan files start with `{`.
pub const MARK: &str = "jalon-deflate-1:";
const OFFSET: u32 = 0x1000;
/// Deflate's quick level: a large plan is compacted on each save.
const LEVEL: i32 = 1;
/// Plans whose file is longer than this many characters are kept compactly; shorter
/// ones as their plain text, readable in the browser's tools. Low enough that a region's
/// twenty plans of 500 actions (about 1 000 000 characters each) fit together in the
/// 5 242 880 characters a browser gives an origin.
pub const PLAIN_LIMIT: usize = 100_000;

/// `text` deflated and packed, behind `MARK` and the deflated length.
pub fn pack(text: &str) -> String {
    let mut packer = Packer::new();
    packer.push(text.as_bytes());
    packer.finish()
}

/// `pack`, fed a piece at a time: a large plan is compacted between the page's frames.
pub struct Packer {
    compressor: Box<CompressorOxide>,
    /// The packed characters so far.
    body: String,
    /// Deflated bytes so far.
    length: usize,
    /// Bits not yet packed into a character, and how many.
    buffer: u32,
    bits: u32,
}

impl Default for Packer {
    fn default() -> Self {
        Packer::new()
    }
}

impl Packer {
    pub fn new() -> Packer {
        // Raw deflate, as `unpack` inflates it: no zlib header (window bits 0).
        let flags = create_comp_flags_from_zip_params(LEVEL, 0, 0);
        Packer { compressor: Box::new(CompressorOxide::new(flags)), body: String::new(), length: 0, buffer: 0, bits: 0 }
    }

    /// Deflates and packs the next piece of the text.
    pub fn push(&mut self, mut input: &[u8]) {
        while !input.is_empty() {
            let read = self.deflate(input, TDEFLFlush::None);
            input = &input[read..];
        }
    }

    /// The compact text of everything pushed.
    pub fn finish(mut self) -> String {
        while self.deflate(&[], TDEFLFlush::Finish) == usize::MAX {}
        if self.bits > 0 {
            self.body.push(unit((self.buffer << (15 - self.bits)) & 0x7FFF));
        }
        let length = self.length.to_string();
        let mut out = String::with_capacity(MARK.len() + length.len() + 1 + self.body.len());
        out.push_str(MARK);
        out.push_str(&length);
        out.push(':');
        out.push_str(&self.body);
        out
    }

    /// One call of the compressor; returns how much input it took, or `usize::MAX`
    /// while a finishing stream has more to write.
    fn deflate(&mut self, input: &[u8], flush: TDEFLFlush) -> usize {
        let mut out = [0u8; 16 * 1024];
        let (status, read, written) = compress(&mut self.compressor, input, &mut out, flush);
        for &byte in &out[..written] {
            self.pack_byte(byte);
        }
        match status {
            TDEFLStatus::Okay if flush == TDEFLFlush::Finish => usize::MAX,
            TDEFLStatus::Okay | TDEFLStatus::Done => read,
            // Parameters this module sets itself, and a stream finished once.
            TDEFLStatus::BadParam | TDEFLStatus::PutBufFailed => unreachable!("deflate refused its own parameters"),
        }
    }

    fn pack_byte(&mut self, byte: u8) {
        self.length += 1;
        self.buffer = (self.buffer << 8) | u32::from(byte);
        self.bits += 8;
        if self.bits >= 15 {
            self.bits -= 15;
            self.body.push(unit((self.buffer >> self.bits) & 0x7FFF));
            self.buffer &= (1 << self.bits) - 1;
        }
    }
}

fn unit(value: u32) -> char {
    char::from_u32(OFFSET + value).unwrap_or('\u{1000}')
}

/// The most deflated bytes that a text of `limit` bytes can take: deflate stores what it
/// cannot shrink, in blocks of at most 65 535 bytes behind 5 bytes of header; this
/// bound leaves room for blocks as small as 1 KiB and a last block of its own.
fn deflated_at_most(limit: usize) -> usize {
    limit.saturating_add(limit / 128).saturating_add(64)
}

/// The text `pack` was given, or `None` if `packed` is not a whole compact text.
/// `limit` bounds the unpacked size, so that damaged data cannot exhaust memory.
pub fn unpack(packed: &str, limit: usize) -> Option<String> {
    let rest = packed.strip_prefix(MARK)?;
    let (length, body) = rest.split_once(':')?;
    let length: usize = length.parse().ok()?;
    // The length is stored text, as damaged as the rest may be: it is checked against
    // the limit and against what the body carries before anything is allocated, or a
    // length of 2³¹ would make the page's 32-bit module stop at start-up. `pack` writes
    // exactly one character per 15 bits of deflated data, the last one padded.
    let units = length.checked_mul(8)?.div_ceil(15);
    if length > deflated_at_most(limit) || units != body.chars().count() {
        return None;
    }
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
    use crate::start::generate::{large_plan, Spec};
    use crate::start::sample::sample_plan;
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

    /// Issue 26, item 5: a stored length of 2³¹ or more stopped the page at start-up.
    #[test]
    fn a_damaged_length_is_refused_before_anything_is_allocated() {
        let packed = pack("{\"format\": \"jalon-plan\"}");
        let body = packed.rsplit_once(':').map(|(_, body)| body).unwrap();
        let with_length = |length: &str| format!("{MARK}{length}:{body}");
        for length in [
            "2147483648",
            "4294967295",
            "4294967296",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "340282366920938463463374607431768211456",
            "-1",
            "",
        ] {
            assert_eq!(unpack(&with_length(length), 1 << 20), None, "length {length}");
        }
        assert_eq!(unpack(&with_length(&usize::MAX.to_string()), usize::MAX), None, "usize::MAX, no limit");
        assert_eq!(unpack(&with_length(&(usize::MAX / 8 + 1).to_string()), usize::MAX), None, "8 × length overflows");
        let length: usize = packed[MARK.len()..].split_once(':').unwrap().0.parse().unwrap();
        assert_eq!(unpack(&with_length(&(length + 2).to_string()), 1 << 20), None, "longer than the body holds");
        assert!(unpack(&with_length(&length.to_string()), 1 << 20).is_some(), "the right length still unpacks");
    }

    /// The body holds enough for a length far over the limit: refused unread.
    #[test]
    fn a_length_over_what_the_limit_allows_is_refused() {
        let text = "x".repeat(10_000);
        let packed = pack(&text);
        assert!(unpack(&packed, 10_000).is_some());
        let body = "\u{1000}".repeat(20_000);
        assert_eq!(unpack(&format!("{MARK}37500:{body}"), 10_000), None);
    }

    #[test]
    fn a_large_plan_packed_a_piece_at_a_time_comes_back_as_it_was() {
        let text = save(&large_plan(&Spec::benchmark()));
        let mut packer = Packer::new();
        for piece in text.as_bytes().chunks(50_000) {
            packer.push(piece);
        }
        let packed = packer.finish();
        assert!(unpack(&packed, text.len()).as_deref() == Some(text.as_str()), "the text came back changed");
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

        #[test]
        fn any_text_packed_in_any_pieces_round_trips(text in ".{0,2000}", cuts in proptest::collection::vec(0usize..3000, 0..8)) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut packer = Packer::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                packer.push(&bytes[from..cut]);
                from = cut;
            }
            prop_assert_eq!(unpack(&packer.finish(), 1 << 20), Some(text));
        }

        /// Whatever the length field says, `unpack` answers without panicking.
        #[test]
        fn any_length_field_is_answered(text in ".{0,200}", length in any::<u64>(), shift in 0u32..64) {
            let packed = pack(&text);
            let body = packed.rsplit_once(':').map(|(_, body)| body).unwrap_or_default();
            let length = length >> shift;
            let answer = unpack(&format!("{MARK}{length}:{body}"), 1 << 20);
            prop_assert!(answer.is_none() || answer == Some(text));
        }
    }
}
