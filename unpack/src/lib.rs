//! The page's unpacker, driven by `www/start.js`. The page holds its data blocks in base
//! 221 and its module packed with Zstandard (`scripts/bundle.mjs`), whose window spans
//! the whole module where gzip's spans 32 KB; browsers unpack no Zstandard themselves.
//! Both are undone here, in WebAssembly: a few milliseconds where the script's own loop
//! over the digits took some twenty.
#![no_std]

use core::arch::wasm32;

mod zstd;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    wasm32::unreachable()
}

extern "C" {
    static __heap_base: u8;
}

/// The next free byte of the memory: blocks are taken one after the other, never freed.
static mut NEXT: usize = 0;

/// Reserves `len` bytes of the memory, growing it as needed; their address.
#[no_mangle]
pub extern "C" fn reserve(len: usize) -> usize {
    unsafe {
        if NEXT == 0 {
            NEXT = &raw const __heap_base as usize;
        }
        let start = (NEXT + 7) & !7;
        let end = start + len;
        let have = wasm32::memory_size(0) * 65536;
        if end > have && wasm32::memory_grow(0, (end - have).div_ceil(65536)) == usize::MAX {
            return 0;
        }
        NEXT = end;
        start
    }
}

/// The value of a digit of base 221: the ASCII characters but NUL, CR and `<`, then
/// U+00A0 to U+00FF, in order.
fn digit(c: u32) -> u32 {
    match c {
        0..13 => c.wrapping_sub(1),
        13..60 => c - 2,
        60..128 => c - 3,
        _ => c - 0xa0 + 125,
    }
}

/// The number four digits make, read as UTF-8 from byte `i` on, which moves past them.
fn group(text: &[u8], i: &mut usize) -> u32 {
    let mut n = 0u32;
    for _ in 0..4 {
        let b = *text.get(*i).unwrap_or(&0) as u32;
        let c = if b < 0x80 {
            *i += 1;
            b
        } else {
            *i += 2;
            ((b & 0x1f) << 6) | (*text.get(*i - 1).unwrap_or(&0) as u32 & 0x3f)
        };
        n = n.wrapping_mul(221).wrapping_add(digit(c));
    }
    n
}

/// A block of digits being turned into bytes, in place: the text's address and length,
/// how far it is read and written, the count of bytes it carries, and the bits read but
/// not yet written (fewer than eight) with how many.
struct Digits {
    at: usize,
    len: usize,
    i: usize,
    o: usize,
    count: usize,
    held: u64,
    bits: u32,
}

static mut DIGITS: Digits = Digits { at: 0, len: 0, i: 0, o: 0, count: 0, held: 0, bits: 0 };

/// Starts turning the base-221 text at `at`, `len` bytes of UTF-8, into its bytes, in
/// place: each four digits carry 31 bits, the most significant first, the first four
/// the count of bytes. Returns the count; `digits_next` does the work.
#[no_mangle]
pub extern "C" fn digits(at: usize, len: usize) -> usize {
    let text = unsafe { core::slice::from_raw_parts(at as *const u8, len) };
    let mut i = 0;
    // A damaged block may claim more bytes than its text holds.
    let count = (group(text, &mut i) as usize).min(len);
    unsafe { DIGITS = Digits { at, len, i, o: 0, count, held: 0, bits: 0 } };
    count
}

/// Turns the next 64 KB of digits into bytes; whether any are left. In slices, so that
/// the page may do other work between two.
#[no_mangle]
pub extern "C" fn digits_next() -> bool {
    let d = unsafe { &mut *(&raw mut DIGITS) };
    let text = unsafe { core::slice::from_raw_parts_mut(d.at as *mut u8, d.len) };
    let end = (d.i + 65536).min(d.len);
    while d.o < d.count && d.i < end {
        d.held = (d.held << 31) | group(text, &mut d.i) as u64;
        d.bits += 31;
        while d.bits >= 8 && d.o < d.count {
            d.bits -= 8;
            text[d.o] = (d.held >> d.bits) as u8;
            d.o += 1;
        }
        d.held &= (1 << d.bits) - 1;
    }
    d.o < d.count && d.i < d.len
}

/// The Zstandard frame being unpacked: where its next block starts, and how far its
/// content is written.
struct Unpacking {
    input: usize,
    len: usize,
    at: usize,
    out: usize,
    size: usize,
    pos: usize,
}

static mut UNPACKING: Unpacking = Unpacking { input: 0, len: 0, at: 0, out: 0, size: 0, pos: 0 };

/// Starts unpacking the Zstandard frame at `at`, `len` bytes: the address of its content,
/// whose size `zstd_size` gives, or 0 if it is not a frame this unpacker reads;
/// `zstd_next` does the work.
#[no_mangle]
pub extern "C" fn zstd_start(at: usize, len: usize) -> usize {
    let input = unsafe { core::slice::from_raw_parts(at as *const u8, len) };
    let Some((size, first)) = zstd::header(input) else { return 0 };
    let out = reserve(size);
    if out != 0 {
        unsafe {
            UNPACKING = Unpacking { input: at, len, at: first, out, size, pos: 0 };
            zstd::FRAME.reps = [1, 4, 8];
        }
    }
    out
}

/// The size of the content of the frame started.
#[no_mangle]
pub extern "C" fn zstd_size() -> usize {
    unsafe { UNPACKING.size }
}

/// Unpacks the frame's next block (at most 128 KB), in slices as `digits_next`: 1 if
/// blocks are left, 0 once the content is whole, −1 if the frame is damaged.
#[no_mangle]
pub extern "C" fn zstd_next() -> i32 {
    let u = unsafe { &mut *(&raw mut UNPACKING) };
    let input = unsafe { core::slice::from_raw_parts(u.input as *const u8, u.len) };
    let out = unsafe { core::slice::from_raw_parts_mut(u.out as *mut u8, u.size) };
    let frame = unsafe { &mut *(&raw mut zstd::FRAME) };
    match zstd::next_block(frame, input, &mut u.at, out, &mut u.pos) {
        Some(false) => 1,
        Some(true) if u.pos == u.size => 0,
        _ => -1,
    }
}
