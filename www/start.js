// Starts the module inlined in this page and adopts its stylesheet, both gzipped and in
// base 85 (scripts/bundle.mjs says how): no request, even from file://. The browser
// inflates the module (DecompressionStream) while it compiles it.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-compiled, then the application's own marks, and
// jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
/** The bytes of a data block of this page: gzipped, in base 85 (scripts/bundle.mjs). */
function inflated(id) {
  const block = document.getElementById(id);
  const text = block.textContent;
  block.remove();
  const alphabet = [...Array(94)].map((_, i) => String.fromCharCode(33 + i)).filter((c) => !'"$%&\'<>\\`'.includes(c));
  const digit = new Uint8Array(128);
  alphabet.forEach((c, i) => { digit[c.charCodeAt(0)] = i; });
  // Whole groups of five characters are four bytes (their number is below 2^32); a
  // last group of k + 1 characters is read with the highest digit after it, k bytes.
  const whole = Math.floor(text.length / 5);
  const rest = text.length % 5;
  const gzipped = new Uint8Array(whole * 4 + (rest ? rest - 1 : 0));
  const at = (c) => (c < text.length ? digit[text.charCodeAt(c)] : 84);
  for (let g = 0, c = 0, o = 0; g < whole; g++, c += 5, o += 4) {
    const n = ((((digit[text.charCodeAt(c)] * 85 + digit[text.charCodeAt(c + 1)]) * 85
      + digit[text.charCodeAt(c + 2)]) * 85 + digit[text.charCodeAt(c + 3)]) * 85
      + digit[text.charCodeAt(c + 4)]) >>> 0;
    gzipped[o] = n >>> 24;
    gzipped[o + 1] = (n >>> 16) & 255;
    gzipped[o + 2] = (n >>> 8) & 255;
    gzipped[o + 3] = n & 255;
  }
  if (rest) {
    const c = whole * 5;
    let n = 0;
    for (let j = 0; j < 5; j++) n = n * 85 + at(c + j);
    for (let j = 3; j >= 0; j--, n = Math.floor(n / 256)) {
      if (j < rest - 1) gzipped[whole * 4 + j] = n % 256;
    }
  }
  return new Response(gzipped).body.pipeThrough(new DecompressionStream('gzip'));
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
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(wasm)
    : await WebAssembly.compile(await wasm.arrayBuffer());
  mark('jalon-compiled');
  await style;
  await __wbg_init({ module_or_path: module });
  // The first render (src/ui marks it) may end a few tasks later; the first frame that
  // starts after it shows it. Looked for during five seconds at most.
  let frames = 0;
  const painted = () => {
    if (performance.getEntriesByName('jalon-first-render').length) setTimeout(() => mark('jalon-painted'), 0);
    else if (++frames < 300) requestAnimationFrame(painted);
  };
  requestAnimationFrame(painted);
} catch (error) {
  const app = document.getElementById('app');
  app.textContent = '';
  const p = document.createElement('p');
  p.className = 'notice';
  p.setAttribute('role', 'alert');
  p.textContent = 'Jalon n\u2019a pas pu démarrer dans ce navigateur (' + error + '). '
    + 'Utilisez une version récente de Chrome, Edge ou Firefox. / Jalon could not start in this browser.';
  app.append(p);
}
