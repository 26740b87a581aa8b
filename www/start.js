// Starts the module inlined in this page, gzipped and in base64: no request, even from
// file://. The browser inflates it (DecompressionStream) while it compiles it.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-compiled, then the application's own marks, and
// jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
try {
  const block = document.getElementById('jalon-module');
  const base64 = block.textContent;
  block.remove();
  const gzipped = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : (() => {
    const text = atob(base64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  })();
  mark('jalon-decoded');
  const wasm = new Response(new Response(gzipped).body.pipeThrough(new DecompressionStream('gzip')),
    { headers: { 'Content-Type': 'application/wasm' } });
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(wasm)
    : await WebAssembly.compile(await wasm.arrayBuffer());
  mark('jalon-compiled');
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
