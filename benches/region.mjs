// `make bench`, region: 20 organisations' plans of 500 actions and 200 indicators each,
// in headless Chromium. Timed: from « Prendre ces fichiers » (20 files read beforehand)
// to the view's dashboard painted with its 20 plans (the plans kept, read back and
// consolidated); from « Ouvrir » on the list of views to that dashboard painted (the
// view built from the library); and from « Exporter le plan régional » to the file
// handed to the browser. Median of RUNS fresh profiles; figures beside the aims.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, FILE_URL, ROOT } from '../tests/e2e/support.mjs';

const RUNS = 3;
const PLANS = 20;
const DIR = join(ROOT, 'target/region-plans');
if (!existsSync(join(DIR, `plan-${PLANS}.json`))) {
  execFileSync('cargo', ['run', '--release', '-q', '--example', 'region_plans', '--', DIR], { stdio: 'inherit', cwd: ROOT });
}
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(DIR, f));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Runs `act` in the page and resolves with the time until `done()` holds, painted. */
const timed = (page, act, done) => page.evaluate(([act, done]) => new Promise((resolve) => {
  const start = performance.now();
  new Function(act)();
  const check = new Function(`return (${done})`);
  const poll = () => check()
    ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
    : setTimeout(poll, 1);
  poll();
}), [act, done]);

const painted = `document.querySelectorAll('.region-members tbody tr').length === ${PLANS}`;

async function run() {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/regions`);
    await page.getByLabel('Nom de la vue').fill('Banc régional');
    await page.getByRole('button', { name: 'Créer la vue' }).click();
    await page.locator('#region-files').waitFor();
    await page.locator('#region-files').setInputFiles(FILES);
    await page.waitForFunction((n) => {
      const rows = [...document.querySelectorAll('.file-rows li')];
      return rows.length === n && rows.every((r) => /nouveau plan/.test(r.textContent));
    }, FILES.length, { timeout: 120_000 });
    const take = await timed(page, "document.querySelector('.region-files button.primary').click()", painted);
    const kept = await page.locator('.region-files [role=status]').innerText();
    if (!kept.startsWith(`${PLANS} fichiers pris en compte.`)) throw new Error(`files not all kept: ${kept}`);
    await page.evaluate(() => { location.hash = '#/regions'; });
    await page.locator('.regions .plan-entry button').first().waitFor();
    const reopen = await timed(page, "document.querySelector('.regions .plan-entry button').click()", painted);
    const matches = await page.locator('article.match').count();
    let exported = null;
    const button = page.getByRole('button', { name: 'Exporter le plan régional (.json)' });
    if (await button.count()) {
      const download = page.waitForEvent('download', { timeout: 120_000 });
      const start = await page.evaluate(() => performance.now());
      await button.click();
      await download;
      exported = await page.evaluate((s) => performance.now() - s, start);
    }
    if (b.errors.length) throw new Error(b.errors.join('\n'));
    return { take, reopen, exported, matches };
  } finally {
    await b.close();
  }
}

const runs = [];
for (let i = 0; i < RUNS; i += 1) runs.push(await run());
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`Region: ${PLANS} plans of 500 actions and 200 indicators each, median of ${RUNS} runs`);
console.log(`  files taken → view painted      ${ms(median(runs.map((r) => r.take)))}   aim ≤ 1 000 ms`);
console.log(`  view opened → dashboard painted ${ms(median(runs.map((r) => r.reopen)))}   aim ≤ 1 000 ms`);
if (runs.every((r) => r.exported !== null)) {
  console.log(`  export of the regional plan     ${ms(median(runs.map((r) => r.exported)))}   aim ≤ 1 000 ms`);
}
