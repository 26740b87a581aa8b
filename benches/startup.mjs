// `node benches/startup.mjs`: where the first render of the sample plan spends its time,
// opened from pkg/jalon.html as file:// in headless Chromium, at full speed and with the
// CPU slowed 4× (DevTools' throttling, set before navigation). Each phase ends with one
// of the page's performance marks (www/start.js, src/ui); median of RUNS fresh profiles.
// Other pages may be named to compare, side by side in the same run, their runs taken in
// turn so that a slower minute of the machine falls on each alike:
// node benches/startup.mjs [PAGE.html…] (pkg/jalon.html when none is named).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PAGE_FILE } from '../tests/e2e/support.mjs';

const FILES = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [PAGE_FILE];
const RUNS = 7;
const RATES = [1, 4];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The marks in the order the page sets them, each ending a phase. A mark the page does
// not set (an older page, or src/ui without `jalon-start`) merges its phase into the next.
const PHASES = [
  ['jalon-script', 'page read and parsed, script compiled'],
  ['jalon-decoded', 'module text decoded'],
  ['jalon-unpacked', 'module unpacked'],
  ['jalon-compiled', 'module inflated and compiled'],
  ['jalon-start', 'module instantiated'],
  ['jalon-first-render', 'application started, first render'],
  ['jalon-painted', 'first render painted'],
];

/**
 * The page's marks, in milliseconds from navigation start, for one fresh profile. Not
 * the tests' browser(): the clock it stops replaces the page's `performance`.
 */
async function run(file, rate) {
  const profile = await mkdtemp(join(tmpdir(), 'jalon-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 }, locale: 'fr-CA',
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${pathToFileURL(file).href}#/structure`, { waitUntil: 'commit' });
    // Waited for in the page, through the DevTools protocol: Playwright's own waiting
    // would first put its script into the page, in the middle of the start.
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `new Promise((done, fail) => {
        const until = performance.now() + 30000;
        const look = () => {
          // The first contentful paint is known once the frame is shown, after the mark.
          if (document.querySelector('article.objective') && performance.getEntriesByName('jalon-painted').length
            && performance.getEntriesByName('first-contentful-paint').length) {
            done(Object.fromEntries([
              ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('jalon-')).map((m) => [m.name, m.startTime]),
              ['first-contentful-paint', performance.getEntriesByName('first-contentful-paint')[0].startTime],
            ]));
          } else if (performance.now() > until) fail(new Error('no first render painted within 30 s'));
          else setTimeout(look, 20);
        };
        look();
      })`,
      awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const results = new Map(FILES.map((file) => [file, Object.fromEntries(RATES.map((r) => [r, []]))]));
for (const rate of RATES) {
  for (let i = 0; i < RUNS; i++) for (const file of FILES) results.get(file)[rate].push(await run(file, rate));
}

for (const file of FILES) {
  const html = readFileSync(file, 'latin1');
  const inlined = html.match(/<script type="application\/[\w-]+" id="jalon-module">([^<]*)<\/script>/)?.[1] ?? '';
  console.log(`\n${file}: ${html.length.toLocaleString('fr-CA')} bytes, the module inlined in ${(inlined.length / 1024).toFixed(1)} KB`);
  report(results.get(file));
}

function report(results) {
  const set = (name) => RATES.every((r) => results[r].every((marks) => name in marks));
  const cell = (t) => `${t.toFixed(0).padStart(6)} ms`;
  console.log(`file://, sample plan, median of ${RUNS}${' '.repeat(22)}${RATES.map((r) => `${r}× CPU`.padStart(9)).join('')}`);
  let previous = null;
  let merged = [];
  for (const [name, label] of PHASES) {
    merged.push(label);
    if (!set(name)) continue;
    const row = RATES.map((r) => cell(median(results[r].map((m) => m[name] - (previous ? m[previous] : 0))))).join('');
    console.log(`  ${merged.join(', ').padEnd(56)}${row}`);
    previous = name;
    merged = [];
  }
  // The first paint of anything: the loading message, or the application if it comes first.
  for (const [name, label] of [['first-contentful-paint', 'navigation → first contentful paint'],
    ['jalon-first-render', 'navigation → first render'], ['jalon-painted', 'navigation → first render painted']]) {
    console.log(`${label.padEnd(58)}${RATES.map((r) => cell(median(results[r].map((m) => m[name])))).join('')}`);
  }
  for (const rate of RATES) {
    console.log(`first render at ${rate}×: ${results[rate].map((m) => m['jalon-first-render'].toFixed(0)).join(', ')} ms`);
  }
}
console.log('aim: navigation → first render ≤ 400 ms with the CPU slowed 4×');
