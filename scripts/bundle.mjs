// Writes the single self-contained page: the module, the CSS and the main script (the
// wasm-bindgen glue and www/run.js) gzipped and in base 125, the start-up code
// (www/start.js) as text, all inline, under a Content-Security-Policy
// that allows no connection. Usage: node scripts/bundle.mjs GLUE.js MODULE.wasm WWW_DIR OUT.html
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const [glueFile, wasmFile, wwwDir, outFile] = process.argv.slice(2);

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

// The module, gzipped by zopfli (the browser inflates it with DecompressionStream; gzip
// rather than deflate-raw for its checksum and older browsers; zopfli's deflate is some
// 36 KB smaller than zlib's level 9 for this module, and any inflater reads it), in a
// data block that is never run: neither parsed as script nor hashed for the policy,
// read by start.js.
//
// The gzipped bytes are written in base 125: the digits are the ASCII characters but
// NUL (the parser would read U+FFFD), CR (read as a line feed) and `<` (it could close
// the block). Six bytes, a number below 2^48 (exact in a JavaScript number), are seven
// digits (125^7 > 2^48), the most significant first; a last group of k bytes (1 to 5)
// is its first k + 1 digits. Seven characters for six bytes where base 85 took five
// for four: some 65 KB less for this module. The page stays ASCII, which the browser
// reads and holds as one byte a character, whatever charset it is told.
const DIGITS = [...Array(128)].map((_, i) => String.fromCharCode(i)).filter((c) => !'\0\r<'.includes(c));
if (DIGITS.length !== 125) throw new Error(`base 125 has ${DIGITS.length} digits`);
function base125(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i += 6) {
    const k = Math.min(6, bytes.length - i);
    let n = 0;
    for (let j = 0; j < 6; j++) n = n * 256 + (j < k ? bytes[i + j] : 0);
    const digits = [];
    for (let j = 0; j < 7; j++) {
      digits.unshift(DIGITS[n % 125]);
      n = Math.floor(n / 125);
    }
    out.push(digits.slice(0, k + 1).join(''));
  }
  return out.join('');
}
const wasm = readFileSync(wasmFile);
const module = base125(execFileSync('zopfli', ['-c', '--i15', wasmFile], { maxBuffer: 64 * 1024 * 1024 }));
const gzippedBase125 = (text) => {
  const file = `${outFile}.part`;
  writeFileSync(file, text);
  const block = base125(execFileSync('zopfli', ['-c', '--i15', file]));
  unlinkSync(file);
  return block;
};
// start.js, the one script as text, inflates the main script and runs it; the policy
// allows both by their hashes.
const start = compactScript(readFileSync(join(wwwDir, 'start.js'), 'utf8'));
const main = compactScript(`${glue}\n${readFileSync(join(wwwDir, 'run.js'), 'utf8')}`);
// The stylesheets in a stated order: the shared rules first, then each screen's, which
// only refine them. A stylesheet left out of the list is an error, not a silent skip.
const STYLESHEETS = ['style.css', 'structure.css', 'indicators.css', 'actions.css', 'dashboard.css', 'budget.css', 'settings.css', 'sharing.css', 'region.css', 'rebuild.css'];
const unlisted = readdirSync(wwwDir).filter((f) => f.endsWith('.css') && !STYLESHEETS.includes(f));
if (unlisted.length) throw new Error(`www/: ${unlisted.join(', ')} not in the bundler's STYLESHEETS list`);
const style = compactStyle(STYLESHEETS.map((f) => readFileSync(join(wwwDir, f), 'utf8')).join('\n'));
// The stylesheet travels as the module does, gzipped by zopfli in base 125: some 28 KB
// less than as text. start.js inflates it and adopts it before the first render, as a
// constructed stylesheet, which the policy's style-src does not govern.

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
for (const slot of ['{{CSP}}', '{{STYLE}}', '{{MODULE}}', '{{MAIN}}', '{{START}}']) {
  if (template.split(slot).length !== 2) throw new Error(`www/index.html must hold ${slot} exactly once`);
}
// In one pass, with a function: an inlined text may contain `$&`, or a slot's name.
const parts = { CSP: csp, STYLE: gzippedBase125(style), MODULE: module, MAIN: gzippedBase125(main), START: start };
const page = template.replace(/\{\{(CSP|STYLE|MODULE|MAIN|START)\}\}/g, (_, slot) => parts[slot]);
writeFileSync(outFile, page);
console.log(`jalon : ${outFile} écrit (${(Buffer.byteLength(page) / 1024).toFixed(0)} Ko, dont le module : ${(Buffer.byteLength(module) / 1024).toFixed(0)} Ko)`);
