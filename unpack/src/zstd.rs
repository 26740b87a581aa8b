//! A Zstandard frame (RFC 8878) unpacked whole, as `zstd --no-check` writes one with its
//! content size: raw, repeated and compressed blocks, Huffman-coded literals, sequences
//! coded with FSE. No dictionary, no checksum. `None` for anything else or damaged.

/// A bitstream read backwards, from its last byte's highest set bit down: `p` bits are
/// left, and reading past its start gives zeros (`p` below 0).
struct Back<'a> {
    bytes: &'a [u8],
    p: isize,
}

impl<'a> Back<'a> {
    fn new(bytes: &'a [u8]) -> Option<Self> {
        let last = *bytes.last()?;
        if last == 0 {
            return None;
        }
        Some(Back { bytes, p: (bytes.len() as isize - 1) * 8 + 7 - last.leading_zeros() as isize })
    }

    /// The `k` bits (at most 32) below the `p` left, without taking them.
    #[inline(always)]
    fn peek(&self, k: u32) -> u32 {
        let from = self.p - k as isize;
        if from < 0 {
            let held = self.p.max(0) as u32;
            return if held == 0 { 0 } else { ((self.window(0) & ((1 << held) - 1)) << (k - held)) as u32 };
        }
        ((self.window(from as usize) >> (from & 7)) & ((1u64 << k) - 1)) as u32
    }

    /// The eight bytes from the one holding bit `bit`, as a number (zeros past the end).
    #[inline(always)]
    fn window(&self, bit: usize) -> u64 {
        let at = bit / 8;
        match self.bytes.get(at..at + 8) {
            Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
            None => {
                let mut n = 0u64;
                for (i, b) in self.bytes[at.min(self.bytes.len())..].iter().enumerate() {
                    n |= (*b as u64) << (8 * i);
                }
                n
            }
        }
    }

    #[inline(always)]
    fn read(&mut self, k: u32) -> u32 {
        let v = self.peek(k);
        self.p -= k as isize;
        v
    }
}

/// An FSE decoding table: for each state its symbol, bits to read and base of the next.
#[derive(Clone, Copy)]
struct Fse {
    log: u32,
    symbol: [u8; 512],
    bits: [u8; 512],
    base: [u16; 512],
}

const EMPTY_FSE: Fse = Fse { log: 0, symbol: [0; 512], bits: [0; 512], base: [0; 512] };

impl Fse {
    /// The table of normalized counts `norm` (−1: a count below one) at accuracy `log`.
    fn build(&mut self, norm: &[i16], log: u32) -> Option<()> {
        let size = 1usize << log;
        self.log = log;
        let mut next = [0u16; 256];
        let mut high = size - 1;
        for (s, &n) in norm.iter().enumerate() {
            if n == -1 {
                self.symbol[high] = s as u8;
                high = high.checked_sub(1)?;
                next[s] = 1;
            } else {
                next[s] = n as u16;
            }
        }
        let step = (size >> 1) + (size >> 3) + 3;
        let mut position = 0;
        for (s, &n) in norm.iter().enumerate() {
            for _ in 0..n.max(0) {
                self.symbol[position] = s as u8;
                loop {
                    position = (position + step) & (size - 1);
                    if position <= high {
                        break;
                    }
                }
            }
        }
        if position != 0 {
            return None;
        }
        for u in 0..size {
            let s = self.symbol[u] as usize;
            let state = next[s] as u32;
            next[s] += 1;
            let bits = log - (31 - state.leading_zeros());
            self.bits[u] = bits as u8;
            self.base[u] = ((state << bits) - size as u32) as u16;
        }
        Some(())
    }

    /// A table of one symbol, whatever the state.
    fn single(&mut self, symbol: u8) {
        self.log = 0;
        self.symbol[0] = symbol;
        self.bits[0] = 0;
        self.base[0] = 0;
    }

    /// Reads a table's description from the front of `input` (symbols up to `max`, accuracy
    /// up to `max_log`); the bytes it took.
    fn read(&mut self, input: &[u8], max: usize, max_log: u32) -> Option<usize> {
        let mut bit = 0usize;
        let take = |bit: usize, k: u32| -> u32 {
            let at = bit / 8;
            let mut n = 0u32;
            for i in 0..4 {
                n |= (*input.get(at + i).unwrap_or(&0) as u32) << (8 * i);
            }
            (n >> (bit & 7)) & ((1 << k) - 1)
        };
        let log = take(0, 4) + 5;
        bit += 4;
        if log > max_log {
            return None;
        }
        let mut norm = [0i16; 256];
        let mut remaining = (1i32 << log) + 1;
        let mut threshold = 1i32 << log;
        let mut bits = log + 1;
        let mut s = 0usize;
        while remaining > 1 {
            if s > max {
                return None;
            }
            let max_small = 2 * threshold - 1 - remaining;
            let low = take(bit, bits - 1) as i32;
            let count = if low < max_small {
                bit += bits as usize - 1;
                low
            } else {
                let mut count = take(bit, bits) as i32;
                bit += bits as usize;
                if count >= threshold {
                    count -= max_small;
                }
                count
            } - 1;
            remaining -= count.abs();
            // More probability than the table holds: damaged (and the loop below would not end).
            if remaining < 1 {
                return None;
            }
            norm[s] = count as i16;
            s += 1;
            if count == 0 {
                loop {
                    let repeat = take(bit, 2) as usize;
                    bit += 2;
                    s += repeat;
                    if repeat != 3 {
                        break;
                    }
                }
            }
            while remaining < threshold {
                bits -= 1;
                threshold >>= 1;
            }
        }
        if remaining != 1 || s > max + 1 {
            return None;
        }
        self.build(&norm[..s], log)?;
        Some(bit.div_ceil(8))
    }
}

/// A Huffman decoding table: for each `max`-bit prefix its symbol and code length.
struct Huffman {
    max: u32,
    symbol: [u8; 2048],
    bits: [u8; 2048],
}

impl Huffman {
    /// Reads a tree's description from the front of `input`; the bytes it took.
    fn read(&mut self, input: &[u8], fse: &mut Fse) -> Option<usize> {
        let header = *input.first()? as usize;
        let mut weights = [0u8; 258];
        let (count, taken) = if header >= 128 {
            let count = header - 127;
            let bytes = input.get(1..1 + count.div_ceil(2))?;
            for i in 0..count {
                weights[i] = (bytes[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 15;
            }
            (count, 1 + count.div_ceil(2))
        } else {
            let body = input.get(1..1 + header)?;
            let head = fse.read(body, 255, 6)?;
            let mut back = Back::new(body.get(head..)?)?;
            let (mut one, mut two) = (back.read(fse.log) as usize, back.read(fse.log) as usize);
            let mut count = 0;
            loop {
                if count > 255 {
                    return None;
                }
                weights[count] = fse.symbol[one];
                count += 1;
                one = fse.base[one] as usize + back.read(fse.bits[one] as u32) as usize;
                if back.p < 0 {
                    weights[count] = fse.symbol[two];
                    count += 1;
                    break;
                }
                weights[count] = fse.symbol[two];
                count += 1;
                two = fse.base[two] as usize + back.read(fse.bits[two] as u32) as usize;
                if back.p < 0 {
                    weights[count] = fse.symbol[one];
                    count += 1;
                    break;
                }
            }
            (count, 1 + header)
        };
        if count > 255 {
            return None;
        }
        let mut total = 0u32;
        for &w in &weights[..count] {
            if w > 11 {
                return None;
            }
            if w > 0 {
                total += 1 << (w - 1);
            }
        }
        if total == 0 {
            return None;
        }
        let max = 32 - total.leading_zeros();
        let left = (1u32 << max) - total;
        if max > 11 || !left.is_power_of_two() {
            return None;
        }
        weights[count] = (left.trailing_zeros() + 1) as u8;
        let symbols = count + 1;
        // Prefixes in order of weight, then of symbol: each weight's run after the last.
        let mut start = [0u32; 13];
        for &w in &weights[..symbols] {
            if w > 0 {
                start[w as usize + 1] += 1 << (w - 1);
            }
        }
        for w in 1..13 {
            start[w] += start[w - 1];
        }
        for (s, &w) in weights[..symbols].iter().enumerate() {
            if w > 0 {
                let from = start[w as usize] as usize;
                let len = 1usize << (w - 1);
                self.symbol[from..from + len].fill(s as u8);
                self.bits[from..from + len].fill((max + 1 - w as u32) as u8);
                start[w as usize] += len as u32;
            }
        }
        self.max = max;
        Some(taken)
    }

    /// Decodes `out.len()` symbols from one stream.
    fn decode(&self, stream: &[u8], out: &mut [u8]) -> Option<()> {
        let mut back = Back::new(stream)?;
        for o in out.iter_mut() {
            let i = back.peek(self.max) as usize;
            *o = self.symbol[i];
            back.p -= self.bits[i] as isize;
        }
        (back.p == 0).then_some(())
    }
}

const LL_BASE: [u32; 36] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024,
    2048, 4096, 8192, 16384, 32768, 65536,
];
const LL_BITS: [u8; 36] =
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const ML_BASE: [u32; 53] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
    33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539,
];
const ML_BITS: [u8; 53] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2,
    3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
];
const LL_DEFAULT: [i16; 36] =
    [4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1];
const ML_DEFAULT: [i16; 53] = [
    1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1,
];
const OF_DEFAULT: [i16; 29] =
    [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1];

/// What carries over from one block to the next.
pub struct Frame {
    huffman: Huffman,
    weights: Fse,
    tables: [Fse; 3],
    pub reps: [usize; 3],
    literals: [u8; 1 << 17],
}

pub static mut FRAME: Frame = Frame {
    huffman: Huffman { max: 0, symbol: [0; 2048], bits: [0; 2048] },
    weights: EMPTY_FSE,
    tables: [EMPTY_FSE; 3],
    reps: [0; 3],
    literals: [0; 1 << 17],
};

/// The content size a frame's header states, and where its first block starts.
pub fn header(input: &[u8]) -> Option<(usize, usize)> {
    if input.get(..4)? != [0x28, 0xb5, 0x2f, 0xfd] {
        return None;
    }
    let descriptor = *input.get(4)?;
    let single = descriptor & 0x20 != 0;
    if descriptor & 0x03 != 0 || descriptor & 0x08 != 0 {
        return None;
    }
    let mut at = 5 + !single as usize;
    let size_bytes = match descriptor >> 6 {
        0 if single => 1,
        0 => return None,
        1 => 2,
        2 => 4,
        _ => 8,
    };
    let mut size = 0u64;
    for i in 0..size_bytes {
        size |= (*input.get(at + i)? as u64) << (8 * i);
    }
    if size_bytes == 2 {
        size += 256;
    }
    at += size_bytes;
    Some((size as usize, at))
}

/// Unpacks the frame's block at `at` into `out` from `pos`, moving both past it; whether
/// it was the last.
pub fn next_block(frame: &mut Frame, input: &[u8], at: &mut usize, out: &mut [u8], pos: &mut usize) -> Option<bool> {
    let h = input.get(*at..*at + 3)?;
    let h = h[0] as usize | (h[1] as usize) << 8 | (h[2] as usize) << 16;
    *at += 3;
    let (last, kind, size) = (h & 1 != 0, (h >> 1) & 3, h >> 3);
    match kind {
        0 => {
            out.get_mut(*pos..*pos + size)?.copy_from_slice(input.get(*at..*at + size)?);
            *pos += size;
            *at += size;
        }
        1 => {
            out.get_mut(*pos..*pos + size)?.fill(*input.get(*at)?);
            *pos += size;
            *at += 1;
        }
        2 => {
            *pos = block(frame, input.get(*at..*at + size)?, out, *pos)?;
            *at += size;
        }
        _ => return None,
    }
    Some(last)
}

/// One compressed block, written from `pos`; where it ended.
fn block(frame: &mut Frame, input: &[u8], out: &mut [u8], mut pos: usize) -> Option<usize> {
    let (count, mut at) = literals(frame, input)?;
    let literals = &frame.literals[..count];
    // The sequences.
    let b0 = *input.get(at)? as usize;
    let sequences = if b0 < 128 {
        at += 1;
        b0
    } else if b0 < 255 {
        at += 2;
        ((b0 - 128) << 8) + *input.get(at - 1)? as usize
    } else {
        at += 3;
        *input.get(at - 2)? as usize + ((*input.get(at - 1)? as usize) << 8) + 0x7f00
    };
    if sequences == 0 {
        out.get_mut(pos..pos + count)?.copy_from_slice(literals);
        return Some(pos + count);
    }
    let modes = *input.get(at)?;
    at += 1;
    let defaults: [(&[i16], u32, usize, u32); 3] =
        [(&LL_DEFAULT, 6, 35, 9), (&OF_DEFAULT, 5, 31, 8), (&ML_DEFAULT, 6, 52, 9)];
    for (t, (norm, log, max, max_log)) in defaults.into_iter().enumerate() {
        let table = &mut frame.tables[t];
        match (modes >> (6 - 2 * t)) & 3 {
            0 => table.build(norm, log)?,
            1 => {
                table.single(*input.get(at)?);
                at += 1;
            }
            2 => at += table.read(input.get(at..)?, max, max_log)?,
            _ => {}
        }
    }
    let [ll, of, ml] = &frame.tables;
    let mut back = Back::new(input.get(at..)?)?;
    let (mut lls, mut ofs, mut mls) =
        (back.read(ll.log) as usize, back.read(of.log) as usize, back.read(ml.log) as usize);
    let mut reps = frame.reps;
    let mut lit = 0;
    for n in 0..sequences {
        let (lc, oc, mc) = (ll.symbol[lls] as usize, of.symbol[ofs] as u32, ml.symbol[mls] as usize);
        if lc > 35 || mc > 52 || oc > 31 {
            return None;
        }
        let offset_value = (1usize << oc) + back.read(oc) as usize;
        let len = ML_BASE[mc] as usize + back.read(ML_BITS[mc] as u32) as usize;
        let literal_len = LL_BASE[lc] as usize + back.read(LL_BITS[lc] as u32) as usize;
        let offset = if offset_value > 3 {
            reps = [offset_value - 3, reps[0], reps[1]];
            reps[0]
        } else {
            let index = offset_value - 1 + (literal_len == 0) as usize;
            let offset = match index {
                0 => reps[0],
                1 => reps[1],
                2 => reps[2],
                _ => reps[0].checked_sub(1)?,
            };
            match index {
                0 => {}
                1 => reps = [offset, reps[0], reps[2]],
                _ => reps = [offset, reps[0], reps[1]],
            }
            offset
        };
        if n + 1 < sequences {
            lls = ll.base[lls] as usize + back.read(ll.bits[lls] as u32) as usize;
            mls = ml.base[mls] as usize + back.read(ml.bits[mls] as u32) as usize;
            ofs = of.base[ofs] as usize + back.read(of.bits[ofs] as u32) as usize;
        }
        out.get_mut(pos..pos + literal_len)?.copy_from_slice(literals.get(lit..lit + literal_len)?);
        pos += literal_len;
        lit += literal_len;
        if offset == 0 || offset > pos || pos + len > out.len() {
            return None;
        }
        for i in pos..pos + len {
            out[i] = out[i - offset];
        }
        pos += len;
    }
    if back.p != 0 {
        return None;
    }
    frame.reps = reps;
    let rest = count - lit;
    out.get_mut(pos..pos + rest)?.copy_from_slice(&literals[lit..]);
    Some(pos + rest)
}

/// The block's literals, into `frame.literals`: their count and where the sequences start.
fn literals(frame: &mut Frame, input: &[u8]) -> Option<(usize, usize)> {
    let b0 = *input.first()? as usize;
    let kind = b0 & 3;
    let format = (b0 >> 2) & 3;
    if kind < 2 {
        let (size, head) = match format {
            0 | 2 => (b0 >> 3, 1),
            1 => ((b0 >> 4) + ((*input.get(1)? as usize) << 4), 2),
            _ => ((b0 >> 4) + ((*input.get(1)? as usize) << 4) + ((*input.get(2)? as usize) << 12), 3),
        };
        let literals = frame.literals.get_mut(..size)?;
        if kind == 0 {
            literals.copy_from_slice(input.get(head..head + size)?);
            return Some((size, head + size));
        }
        literals.fill(*input.get(head)?);
        return Some((size, head + 1));
    }
    let mut h = 0u64;
    let head = match format {
        0 | 1 => 3,
        2 => 4,
        _ => 5,
    };
    for i in 0..head {
        h |= (*input.get(i)? as u64) << (8 * i);
    }
    let bits = match format {
        0 | 1 => 10,
        2 => 14,
        _ => 18,
    };
    let size = ((h >> 4) & ((1 << bits) - 1)) as usize;
    let compressed = ((h >> (4 + bits)) & ((1 << bits) - 1)) as usize;
    let mut body = input.get(head..head + compressed)?;
    if kind == 2 {
        let taken = frame.huffman.read(body, &mut frame.weights)?;
        body = &body[taken..];
    } else if frame.huffman.max == 0 {
        return None;
    }
    let literals = frame.literals.get_mut(..size)?;
    if format == 0 {
        frame.huffman.decode(body, literals)?;
    } else {
        let jump = body.get(..6)?;
        let sizes = [
            u16::from_le_bytes([jump[0], jump[1]]) as usize,
            u16::from_le_bytes([jump[2], jump[3]]) as usize,
            u16::from_le_bytes([jump[4], jump[5]]) as usize,
        ];
        let quarter = size.div_ceil(4);
        let mut from = 6;
        for (i, part) in literals.chunks_mut(quarter).enumerate() {
            let to = if i < 3 { from + sizes[i] } else { body.len() };
            frame.huffman.decode(body.get(from..to)?, part)?;
            from = to;
        }
    }
    Some((size, head + compressed))
}
