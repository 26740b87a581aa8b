// Starts the page: unpacks the module inlined in it and compiles it, adopts its
// stylesheet, and runs the page's main script (the module's glue and www/run.js). All
// three are in base 221, the module packed with Zstandard, the other two gzipped
// (scripts/bundle.mjs says how): no request, even from file://. The page's unpacker, a
// small WebAssembly module of its own (unpack/), reads the digits and unpacks the
// module; the browser inflates the gzipped two (DecompressionStream).
// This script is the only one the page holds as text: the main script, some 40 KB as
// text, weighs a quarter of that gzipped; the page's policy allows it by its hash.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-unpacked, jalon-compiled, then the application's
// own marks, and jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
/** The text of a data block of this page, the block gone from the document. */
function taken(id) {
  const block = document.getElementById(id);
  const text = block.textContent;
  block.remove();
  return text;
}
/** The unpacker's functions and memory, while the page starts. */
let unpacker;
/** The bytes of a data block in base 221, in the unpacker's memory: their address and count. */
function digits(id) {
  const text = taken(id);
  // As UTF-8, for the unpacker: the digits above U+007F take two bytes.
  const at = unpacker.reserve(2 * text.length);
  if (!at) throw new Error('mémoire insuffisante');
  const { written } = new TextEncoder().encodeInto(text, new Uint8Array(unpacker.memory.buffer, at, 2 * text.length));
  const count = unpacker.digits(at, written);
  while (unpacker.digits_next());
  return [at, count];
}
/** The bytes of a gzipped data block, inflated as they are read. */
function inflated(id) {
  const [at, count] = digits(id);
  const gzipped = unpacker.memory.buffer.slice(at, at + count);
  return new Response(gzipped).body.pipeThrough(new DecompressionStream('gzip'));
}
/** The bytes of the Zstandard data block `id`, unpacked. */
function unpacked(id) {
  const [at, count] = digits(id);
  mark('jalon-decoded');
  const out = unpacker.zstd_start(at, count);
  let left = out ? 1 : -1;
  try {
    while (left > 0) left = unpacker.zstd_next();
  } catch {
    // The unpacker stopped (a trap) on bytes it could not read.
    left = -1;
  }
  if (left < 0) throw new Damaged('module illisible');
  mark('jalon-unpacked');
  return new Uint8Array(unpacker.memory.buffer, out, unpacker.zstd_size());
}

/** A page whose inlined bytes do not unpack or compile: a damaged copy, not the browser. */
class Damaged extends Error {}

/** Says, in place of the page, that Jalon cannot start, and why. */
function failed(error) {
  const app = document.getElementById('app');
  app.textContent = '';
  const p = document.createElement('p');
  p.className = 'notice';
  p.setAttribute('role', 'alert');
  p.textContent = error instanceof Damaged || (typeof WebAssembly === 'object' && error instanceof WebAssembly.CompileError)
    ? 'Jalon n\u2019a pas pu démarrer\u00a0: cette copie de la page est abîmée (' + error.message + '). '
      + 'Reprenez-en une copie intacte. / This copy of Jalon is damaged.'
    : 'Jalon n\u2019a pas pu démarrer dans ce navigateur (' + error + '). '
      + 'Utilisez une version récente de Chrome, Edge ou Firefox. / Jalon could not start in this browser.';
  app.append(p);
}

try {
  unpacker = new WebAssembly.Instance(new WebAssembly.Module(
    Uint8Array.from(atob(taken('jalon-unpack')), (c) => c.charCodeAt(0)))).exports;
  // The page's stylesheet, adopted before the first render.
  const style = new Response(inflated('jalon-style')).text().then((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const module = WebAssembly.compile(unpacked('jalon-module'))
    .then((compiled) => { mark('jalon-compiled'); return compiled; });
  // Awaited by the main script, which says a failure; not a rejection left unheard meanwhile.
  module.catch(() => {});
  style.catch(() => {});
  window.jalonStart = { module, style, failed, mark };
  const main = document.createElement('script');
  main.type = 'module';
  const text = new Response(inflated('jalon-script')).text();
  // Its memory, some 4 MB, is let go: the compiler and the inflaters hold their own copies.
  unpacker = null;
  main.textContent = await text;
  document.body.append(main);
} catch (error) {
  failed(error);
}
