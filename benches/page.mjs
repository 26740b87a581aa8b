// `make bench`: the page's size and its time to the first render of the sample plan,
// in headless Chromium, served and opened as file:// (median of RUNS fresh profiles).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { serve, browser, FILE_URL, PAGE_FILE, PKG } from '../tests/e2e/support.mjs';

const RUNS = 7;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const wasm = readFileSync(`${PKG}/jalon_bg.wasm`);
console.log(`wasm module          ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped  aim ≤ 300 KB gzipped`);
const html = readFileSync(PAGE_FILE);
console.log(`pkg/jalon.html       ${kb(html.length)}, ${html.length.toLocaleString('fr-CA')} bytes (${kb(gzipSync(html, { level: 9 }).length)} gzipped)  aim ≤ 1 MB (1 000 000 bytes)`);

/**
 * Milliseconds from navigation start to the application's first render, the CPU
 * slowed `slowdown` times as DevTools slows it (a school laptop: 4).
 */
async function firstRender(url, slowdown = 1) {
  const b = await browser({ today: null });
  try {
    if (slowdown > 1) {
      const cdp = await b.page.context().newCDPSession(b.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    await b.page.goto(`${url}#/structure`);
    await b.page.waitForSelector('article.objective');
    return await b.page.evaluate(() => performance.getEntriesByName('jalon-first-render')[0].startTime);
  } finally {
    await b.close();
  }
}

const server = await serve();
for (const [name, url, slowdown, aim] of [
  ['served', server.url, 1, ''],
  ['file://', FILE_URL, 1, ''],
]) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstRender(url, slowdown));
  console.log(`first render ${name.padEnd(24)}${median(times).toFixed(0).padStart(5)} ms median of ${RUNS} (${times.map((t) => t.toFixed(0)).join(', ')})  ${aim}`);
}
await server.close();
