// Writes the single self-contained page: the wasm-bindgen glue, the module gzipped and
// in base64, the start-up code and the CSS, all inline, under a Content-Security-Policy
// that allows no connection. Usage: node scripts/bundle.mjs GLUE.js MODULE.wasm WWW_DIR OUT.html
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [glueFile, wasmFile, wwwDir, outFile] = process.argv.slice(2);

// The glue is an ES module; inline, it must not export. Drop its `export { … }` lines
// and the `export` keyword before its declarations, keep everything else as is.
const glue = readFileSync(glueFile, 'utf8')
  .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
  .replace(/^export default\s+\w+;?\s*$/gm, '')
  .replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, '');
if (/^\s*export\b/m.test(glue)) throw new Error(`${glueFile}: an export is left that the bundler does not know how to inline`);

// The module, gzipped (the browser inflates it with DecompressionStream; gzip rather
// than deflate-raw for its checksum and older browsers), in base64 in a data block that
// is never run: neither parsed as script nor hashed for the policy, read by start.js.
const wasm = readFileSync(wasmFile);
const module = gzipSync(wasm, { level: 9 }).toString('base64');
const start = readFileSync(join(wwwDir, 'start.js'), 'utf8');
const script = `${glue}\n${start}`;
// The stylesheets in a stated order: the shared rules first, then each screen's, which
// only refine them. A stylesheet left out of the list is an error, not a silent skip.
const STYLESHEETS = ['style.css', 'structure.css', 'indicators.css', 'actions.css', 'dashboard.css', 'budget.css', 'settings.css', 'sharing.css', 'region.css', 'rebuild.css'];
const unlisted = readdirSync(wwwDir).filter((f) => f.endsWith('.css') && !STYLESHEETS.includes(f));
if (unlisted.length) throw new Error(`www/: ${unlisted.join(', ')} not in the bundler's STYLESHEETS list`);
const style = STYLESHEETS.map((f) => readFileSync(join(wwwDir, f), 'utf8')).join('\n');

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "connect-src 'none'",
  // The page's own icon is a data: URL; nothing is ever fetched.
  "img-src data:",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const template = readFileSync(join(wwwDir, 'index.html'), 'utf8');
for (const slot of ['{{CSP}}', '{{STYLE}}', '{{MODULE}}', '{{SCRIPT}}']) {
  if (template.split(slot).length !== 2) throw new Error(`www/index.html must hold ${slot} exactly once`);
}
// In one pass, with a function: an inlined text may contain `$&`, or a slot's name.
const parts = { CSP: csp, STYLE: style, MODULE: module, SCRIPT: script };
const page = template.replace(/\{\{(CSP|STYLE|MODULE|SCRIPT)\}\}/g, (_, slot) => parts[slot]);
writeFileSync(outFile, page);
console.log(`jalon : ${outFile} écrit (${(page.length / 1024).toFixed(0)} Ko, dont le module : ${(module.length / 1024).toFixed(0)} Ko)`);
