// Starts the module from the bytes inlined in this page: no request, even from file://.
// Each phase of the start ends with a performance mark, read by benches/startup.mjs:
// jalon-script, jalon-decoded, jalon-compiled, then the application's own marks, and
// jalon-painted once the frame that shows the first render is painted.
const mark = (name) => performance.mark(name);
mark('jalon-script');
try {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(WASM_BASE64) : (() => {
    const text = atob(WASM_BASE64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  })();
  mark('jalon-decoded');
  const module = await WebAssembly.compile(bytes);
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
