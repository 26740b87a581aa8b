// `make bench`, partners: the large plan (5 000 actions) with a sending recorded, and a
// return of its 5 000 actions, 500 of them changed, 50 of those also changed by the
// coordinator (50 conflicts), in headless Chromium: from choosing the return to its
// review painted, and from « Fusionner » to the merge shown. Median of RUNS fresh
// profiles; figures beside the aims.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, FILE_URL, ROOT } from '../tests/e2e/support.mjs';

const RUNS = 3;
const PLAN = join(ROOT, 'target/partners-plan.json');
const RETURN = join(ROOT, 'target/partners-return.json');
if (!existsSync(PLAN) || !existsSync(RETURN)) {
  execFileSync('cargo', ['run', '--release', '-q', '--example', 'partner_return', '--', PLAN, RETURN], { stdio: 'inherit', cwd: ROOT });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function run() {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    await page.locator('#import-file').setInputFiles(PLAN);
    await page.locator('.file-preview button.primary').click({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('Tableau de bord'), null, { timeout: 120_000 });
    await page.waitForFunction(() => /Enregistré/.test(document.querySelector('.save-state')?.textContent ?? ''), null, { polling: 100, timeout: 120_000 });
    await page.evaluate(() => { location.hash = '#/partenaires'; });
    await page.locator('#return-file').waitFor();
    await page.evaluate(() => {
      window.benchReview = new Promise((done) => {
        document.getElementById('return-file').addEventListener('change', () => {
          const start = performance.now();
          const poll = () => document.querySelector('.return-review .merge-table')
            ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
            : setTimeout(poll, 1);
          poll();
        }, { capture: true, once: true });
      });
    });
    await page.locator('#return-file').setInputFiles(RETURN);
    const review = await page.evaluate(() => window.benchReview);
    const conflicts = await page.locator('.return-review tr.conflict-row').count();
    const rows = await page.locator('.return-review tbody tr:not(.subject)').count();
    // Each conflict resolved as the partner wrote it.
    await page.evaluate(() => { for (const radio of document.querySelectorAll('.return-review input[type=radio][value=theirs]')) radio.click(); });
    await page.waitForFunction(() => !document.querySelector('.return-review button.primary').disabled, null, { timeout: 60_000 });
    const apply = await page.evaluate(() => new Promise((done) => {
      const start = performance.now();
      document.querySelector('.return-review button.primary').click();
      const poll = () => /fusionné/.test(document.querySelector('.plan-import [role=status]')?.textContent ?? '')
        ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
        : setTimeout(poll, 1);
      poll();
    }));
    if (b.errors.length) throw new Error(b.errors.join('\n'));
    return { review, apply, conflicts, rows };
  } finally {
    await b.close();
  }
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
const { conflicts, rows } = runs[0];
console.log(`partners: a return of 5 000 actions, ${rows} fields changed, ${conflicts} conflicts (median of ${RUNS}):`);
for (const [key, name] of [['review', 'choose the return → review painted'], ['apply', '« Fusionner » → merge shown']]) {
  const values = runs.map((r) => r[key]);
  console.log(`  ${name.padEnd(44)}${median(values).toFixed(1).padStart(9)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})  aim ≤ 1 000 ms`);
}
