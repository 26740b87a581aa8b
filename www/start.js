// Starts the page: inflates the module inlined in it and compiles it, adopts its
// stylesheet, and runs the page's main script (the module's glue and www/run.js), all
// three gzipped and in base 125 (scripts/bundle.mjs says how): no request, even from
// file://. The browser inflates the module (DecompressionStream) while it compiles it.
// This script is the only one the page holds as text: the main script, some 40 KB as
// text, weighs a quarter of that gzipped; the page's policy allows it by its hash.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-compiled, then the application's own marks, and
// jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
/** The bytes of a data block of this page: gzipped, in base 125 (scripts/bundle.mjs). */
function inflated(id) {
  const block = document.getElementById(id);
  const text = block.textContent;
  block.remove();
  // The digits: the ASCII characters but NUL, CR and `<`, in order.
  const digit = new Uint8Array(128);
  for (let c = 0, d = 0; c < 128; c++) if (c !== 0 && c !== 13 && c !== 60) digit[c] = d++;
  // Seven digits are six bytes, a number below 2^48 read as two halves of 24 bits (each
  // exact as an integer); a last group of k + 1 digits is read with the highest digit
  // after it, k bytes.
  const whole = Math.floor(text.length / 7);
  const rest = text.length % 7;
  const gzipped = new Uint8Array(whole * 6 + (rest ? rest - 1 : 0));
  for (let g = 0, c = 0, o = 0; g < whole; g++, c += 7, o += 6) {
    const n = ((((((digit[text.charCodeAt(c)] * 125 + digit[text.charCodeAt(c + 1)]) * 125
      + digit[text.charCodeAt(c + 2)]) * 125 + digit[text.charCodeAt(c + 3)]) * 125
      + digit[text.charCodeAt(c + 4)]) * 125 + digit[text.charCodeAt(c + 5)]) * 125
      + digit[text.charCodeAt(c + 6)]);
    const high = Math.floor(n / 0x1000000);
    const low = n - high * 0x1000000;
    gzipped[o] = high >> 16;
    gzipped[o + 1] = (high >> 8) & 255;
    gzipped[o + 2] = high & 255;
    gzipped[o + 3] = low >> 16;
    gzipped[o + 4] = (low >> 8) & 255;
    gzipped[o + 5] = low & 255;
  }
  if (rest) {
    let n = 0;
    for (let j = 0; j < 7; j++) n = n * 125 + (j < rest ? digit[text.charCodeAt(whole * 7 + j)] : 124);
    const high = Math.floor(n / 0x1000000);
    const low = n - high * 0x1000000;
    const six = [high >> 16, (high >> 8) & 255, high & 255, low >> 16, (low >> 8) & 255, low & 255];
    gzipped.set(six.slice(0, rest - 1), whole * 6);
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
