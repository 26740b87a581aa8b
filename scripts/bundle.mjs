// Writes the single self-contained page: the module packed with Zstandard, the CSS and
// the main script (the wasm-bindgen glue, www/files.js and www/run.js) gzipped, all three
// in base 221, the unpacker that reads them (unpack/) in base64, and the start-up code
// (www/start.js) as text, all inline, under a Content-Security-Policy that allows no
// connection. Usage: node scripts/bundle.mjs GLUE.js MODULE.wasm UNPACK.wasm WWW_DIR OUT.html
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const [glueFile, wasmFile, unpackFile, wwwDir, outFile] = process.argv.slice(2);

// The glue is an ES module; inline, it must not export. Drop its `export { … }` lines
// and the `export` keyword before its declarations, keep everything else as is.
// Comments and indentation are left out of the page's code: whole-line `//` comments
// and block comments that start a line (the glue and start.js keep no multi-line
// string), and leading spaces. What runs is the same code, byte for byte per statement.
const compactScript = (code) => code
  .replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*$/gm, '')
  .replace(/^[ \t]*\/\/.*$/gm, '')
  .replace(/^[ \t]+/gm, '')
  .replace(/\n{2,}/g, '\n');
// CSS without its comments and with each run of spaces made one.
const compactStyle = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1').trim();

const glue = readFileSync(glueFile, 'utf8')
  .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
  .replace(/^export default\s+\w+;?\s*$/gm, '')
  .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '');
if (/^\s*export\b/m.test(glue)) throw new Error(`${glueFile}: an export is left that the bundler does not know how to inline`);

// The data blocks are written in base 221, on a page in windows-1252: the digits are
// the ASCII characters but NUL (the parser would read U+FFFD), CR (read as a line feed)
// and `<` (it could close the block), then the Latin-1 characters U+00A0 to U+00FF,
// each one byte in the file. The characters 0x80 to 0x9F are left out: windows-1252
// reads them beyond Latin-1, which Chromium would keep two bytes a character. Four
// digits, a number below 221^4 (> 2^31), carry 31 bits of the bytes, the most
// significant first; the first four carry the number of bytes. 32 characters for 31
// bytes where base 125 took seven for six: some 110 KB less for this module. The page's
// unpacker (unpack/, WebAssembly) reads them back.
const DIGITS = [...Array(256)].map((_, i) => String.fromCharCode(i))
  .filter((c, i) => i !== 0 && i !== 13 && i !== 60 && (i < 0x80 || i >= 0xa0));
if (DIGITS.length !== 221) throw new Error(`base 221 has ${DIGITS.length} digits`);
function base221(bytes) {
  const out = [];
  const put = (n) => {
    for (let j = 3; j >= 0; j--) out.push(DIGITS[Math.floor(n / 221 ** j) % 221]);
  };
  put(bytes.length);
  // Bits not yet written, fewer than 31, as a number and their count.
  let held = 0;
  let count = 0;
  for (const byte of bytes) {
    held = held * 256 + byte;
    count += 8;
    if (count >= 31) {
      count -= 31;
      const n = Math.floor(held / 2 ** count);
      held -= n * 2 ** count;
      put(n);
    }
  }
  if (count > 0) put(held * 2 ** (31 - count));
  return out.join('');
}

// The module is packed with Zstandard (zstd), whose window spans the whole module
// where gzip's spans 32 KB: some 140 KB less than zopfli's gzip, and what a feature adds
// costs less the more it repeats what is already there. Its header carries the
// unpacked size; no checksum (the module's own structure is checked when compiled).
const zstd = (file) => execFileSync('zstd', ['-q', '-c', '--no-check', '--ultra', '-22', '--long=24', file], { maxBuffer: 64 * 1024 * 1024 });
const module = base221(zstd(wasmFile));
// The stylesheet and the main script, small, stay gzipped (zopfli): the browser inflates
// them itself (DecompressionStream).
const gzippedBase221 = (text) => {
  const file = `${outFile}.part`;
  writeFileSync(file, text);
  const block = base221(execFileSync('zopfli', ['-c', '--i15', file]));
  unlinkSync(file);
  return block;
};
// The unpacker itself, some 11 KB, in base64: the browser's own atob() reads it.
const unpacker = readFileSync(unpackFile).toString('base64');
// The page in windows-1252, one byte a character: its text outside the data blocks
// (« Chargement de Jalon… », start.js) keeps to what windows-1252 can write.
// What windows-1252 reads for the bytes 0x80 to 0x9F (the Encoding Standard's index;
// Node's own decoder reads them as Latin-1).
const HIGH = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
  + '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';
function windows1252(text) {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = HIGH.indexOf(text[i]);
    const byte = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : high < 0 ? -1 : 0x80 + high;
    if (byte < 0) throw new Error(`the page cannot hold « ${text[i]} » (U+${c.toString(16).toUpperCase()}) in windows-1252, at ${JSON.stringify(text.slice(Math.max(0, i - 30), i + 1))}`);
    bytes[i] = byte;
  }
  return bytes;
}
// start.js, the one script as text, inflates the main script and runs it; the policy
// allows both by their hashes.
const start = compactScript(readFileSync(join(wwwDir, 'start.js'), 'utf8'));
const main = compactScript([glue, ...['files.js', 'run.js'].map((f) => readFileSync(join(wwwDir, f), 'utf8'))].join('\n'));
// The stylesheets in a stated order: the shared rules first, then each screen's, which
// only refine them. A stylesheet left out of the list is an error, not a silent skip.
const STYLESHEETS = ['style.css', 'structure.css', 'indicators.css', 'actions.css', 'dashboard.css', 'budget.css', 'settings.css', 'sharing.css', 'region.css', 'rebuild.css'];
const unlisted = readdirSync(wwwDir).filter((f) => f.endsWith('.css') && !STYLESHEETS.includes(f));
if (unlisted.length) throw new Error(`www/: ${unlisted.join(', ')} not in the bundler's STYLESHEETS list`);
const style = compactStyle(STYLESHEETS.map((f) => readFileSync(join(wwwDir, f), 'utf8')).join('\n'));
// The stylesheet travels gzipped: some 28 KB less than as text. start.js inflates it
// and adopts it before the first render, as a constructed stylesheet, which the policy's
// style-src does not govern.

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(start)} ${hash(main)} 'wasm-unsafe-eval'`,
  // No style element nor attribute: the stylesheets are constructed (start.js, and the
  // bilan's in the module).
  "style-src 'none'",
  "connect-src 'none'",
  // The page's own icon is a data: URL; nothing is ever fetched.
  "img-src data:",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const template = readFileSync(join(wwwDir, 'index.html'), 'utf8');
for (const slot of ['{{CSP}}', '{{STYLE}}', '{{UNPACK}}', '{{MODULE}}', '{{MAIN}}', '{{START}}']) {
  if (template.split(slot).length !== 2) throw new Error(`www/index.html must hold ${slot} exactly once`);
}
// In one pass, with a function: an inlined text may contain `$&`, or a slot's name.
const parts = { CSP: csp, STYLE: gzippedBase221(style), UNPACK: unpacker, MODULE: module, MAIN: gzippedBase221(main), START: start };
const page = template.replace(/\{\{(CSP|STYLE|UNPACK|MODULE|MAIN|START)\}\}/g, (_, slot) => parts[slot]);
writeFileSync(outFile, windows1252(page));
console.log(`jalon : ${outFile} écrit (${(page.length / 1024).toFixed(0)} Ko, dont le module : ${(module.length / 1024).toFixed(0)} Ko)`);
