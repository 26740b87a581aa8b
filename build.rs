//! Works out the SHA-256 of the bilan's stylesheet, which the saved copy's
//! Content-Security-Policy names as the one style it allows (`report::STYLE_HASH`).

use sha2::{Digest, Sha256};

const STYLESHEET: &str = "src/report/report.css";

fn main() {
    println!("cargo::rerun-if-changed={STYLESHEET}");
    let css = std::fs::read(STYLESHEET).expect("the bilan's stylesheet is read");
    let digest = Sha256::digest(&css);
    let hash = format!("sha256-{}", base64(&digest));
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("report-style-hash"), hash).expect("the hash is written");
}

/// Standard base64 with padding, as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
