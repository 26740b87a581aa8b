// Starts the module from the bytes inlined in this page: no request, even from file://.
const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(WASM_BASE64) : (() => {
  const text = atob(WASM_BASE64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
})();
try {
  await __wbg_init({ module_or_path: bytes });
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
