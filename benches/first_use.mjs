// `node benches/first_use.mjs`: a screen or tool used for the first time since the page
// opened, with the CPU slowed 4× (DevTools' throttling): from the click to the frame
// painted with what it shows. Each figure is taken in a fresh profile, the sample plan
// open on the dashboard and the page idle, so that nothing of that screen has run yet:
// its code is compiled on its first call and its first layout is done then.
// Median of RUNS, opened as file://. Other pages may be named to compare, side by side
// in the same run, their runs taken in turn:
// node benches/first_use.mjs [PAGE.html…] (pkg/jalon.html when none is named).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser, open, PAGE_FILE, ROOT } from '../tests/e2e/support.mjs';

const FILES = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [PAGE_FILE];
const RUNS = Number(process.env.JALON_BENCH_RUNS ?? 5);
const RATE = 4;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const PASTED = readFileSync(join(ROOT, 'tests/fixtures/pasted/pevr.txt'), 'utf8');

/** Each use: where the page stands before (`route`, then `ready`, not timed), the click
 * (a CSS selector, or a button's exact name), and what shows it is done. */
const USES = [
  { name: 'Partenaires (the partners\' screen)', route: '#/tableau-de-bord', link: '#/partenaires', done: 'main h1' , text: 'Partenaires' },
  { name: 'Régions (the regional views)', route: '#/tableau-de-bord', link: '#/regions', done: 'main h1', text: 'Vues régionales' },
  { name: 'Bilan (the yearly report)', route: '#/tableau-de-bord', link: '#/bilan', done: 'main h1', text: 'Bilan' },
  { name: 'Importer d\'Excel (the sheets\' import)', route: '#/indicateurs', button: 'Importer d\'Excel', done: '.sheet-import' },
  { name: 'Proposer le plan (a pasted plan rebuilt)', route: '#/plans', paste: true, button: 'Proposer le plan', done: '.rebuilt-counts' },
];

/** Milliseconds from the click (run in the page) to the first frame painted once `done`
 * holds, looked for on every frame. */
function timed(page, click, done, text) {
  return page.evaluate(async ([click, done, text]) => {
    const target = click.startsWith('#/')
      ? document.querySelector(`nav a[href="${click}"]`)
      : [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === click);
    if (!target) throw new Error(`nothing to click: ${click}`);
    const shown = () => { const found = document.querySelector(done); return found && (!text || found.textContent.includes(text)); };
    const start = performance.now();
    target.click();
    const until = start + 30_000;
    await new Promise((ok, fail) => {
      const look = () => {
        if (shown()) ok();
        else if (performance.now() > until) fail(new Error(`${done} never showed: ${document.querySelector('main h1')?.textContent}`));
        else requestAnimationFrame(look);
      };
      look();
    });
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return performance.now() - start;
  }, [click, done, text ?? null]);
}

async function once(file, use) {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${pathToFileURL(file).href}${use.route}`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    if (use.paste) await page.getByRole('textbox', { name: 'Tableaux collés' }).fill(PASTED);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const ms = await timed(page, use.link ?? use.button, use.done, use.text);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (b.errors.length) throw new Error(b.errors.join('\n'));
    return ms;
  } finally {
    await b.close();
  }
}

const runs = FILES.map(() => USES.map(() => []));
for (let i = 0; i < RUNS; i++) {
  for (const [f, file] of FILES.entries()) {
    for (const [u, use] of USES.entries()) runs[f][u].push(await once(file, use));
  }
}
for (const [f, file] of FILES.entries()) {
  console.log(`a screen used for the first time, CPU slowed ${RATE}×, median of ${RUNS} fresh profiles (aim ≤ 300 ms)${FILES.length > 1 ? `: ${file}` : ''}`);
  for (const [u, use] of USES.entries()) {
    const values = runs[f][u];
    console.log(`  ${use.name.padEnd(48)}${median(values).toFixed(0).padStart(6)} ms   (${values.map((r) => r.toFixed(0)).join(', ')})`);
  }
}
