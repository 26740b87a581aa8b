// Starts the page: inflates the module inlined in it and compiles it, adopts its
// stylesheet, and runs the page's main script (the module's glue and www/run.js), all
// three gzipped and in base 221 (scripts/bundle.mjs says how): no request, even from
// file://. The browser inflates the module (DecompressionStream) while it compiles it.
// This script is the only one the page holds as text: the main script, some 40 KB as
// text, weighs a quarter of that gzipped; the page's policy allows it by its hash.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-compiled, then the application's own marks, and
// jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
/** The bytes of a data block of this page: gzipped, in base 221 (scripts/bundle.mjs). */
function inflated(id) {
  const block = document.getElementById(id);
  const text = block.textContent;
  block.remove();
  // The digits: the ASCII characters but NUL, CR and `<`, then U+00A0 to U+00FF, in order.
  const digit = new Uint8Array(256);
  for (let c = 1, d = 0; c < 256; c++) if (c !== 13 && c !== 60 && (c < 0x80 || c >= 0xa0)) digit[c] = d++;
  // Four digits are 31 bits, the most significant first; the first four, the length.
  const group = (c) => ((digit[text.charCodeAt(c)] * 221 + digit[text.charCodeAt(c + 1)]) * 221
    + digit[text.charCodeAt(c + 2)]) * 221 + digit[text.charCodeAt(c + 3)];
  const gzipped = new Uint8Array(group(0));
  // The bits of the last group not yet written, fewer than eight, and their count: each
  // group completes their byte, then gives whole bytes, in 32-bit integer operations.
  let held = 0;
  let count = 0;
  for (let c = 4, o = 0; o < gzipped.length; c += 4) {
    const n = group(c);
    let left = 31;
    if (count) {
      left -= 8 - count;
      gzipped[o++] = (held << (8 - count)) | (n >>> left);
    }
    for (; left >= 8 && o < gzipped.length; left -= 8) gzipped[o++] = n >>> (left - 8);
    held = n & ((1 << left) - 1);
    count = left;
  }
  return new Response(gzipped).body.pipeThrough(new DecompressionStream('gzip'));
}

/** Says, in place of the page, that Jalon cannot start, and why. */
function failed(error) {
  const app = document.getElementById('app');
  app.textContent = '';
  const p = document.createElement('p');
  p.className = 'notice';
  p.setAttribute('role', 'alert');
  p.textContent = 'Jalon n\u2019a pas pu démarrer dans ce navigateur (' + error + '). '
    + 'Utilisez une version récente de Chrome, Edge ou Firefox. / Jalon could not start in this browser.';
  app.append(p);
}

try {
  // The page's stylesheet, adopted before the first render.
  const style = new Response(inflated('jalon-style')).text().then((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const gzipped = inflated('jalon-module');
  mark('jalon-decoded');
  const wasm = new Response(gzipped, { headers: { 'Content-Type': 'application/wasm' } });
  const module = (WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(wasm)
    : wasm.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)))
    .then((compiled) => { mark('jalon-compiled'); return compiled; });
  // Awaited by the main script, which says a failure; not a rejection left unheard meanwhile.
  module.catch(() => {});
  style.catch(() => {});
  window.jalonStart = { module, style, failed, mark };
  const main = document.createElement('script');
  main.type = 'module';
  main.textContent = await new Response(inflated('jalon-script')).text();
  document.body.append(main);
} catch (error) {
  failed(error);
}
