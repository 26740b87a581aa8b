// `make bench`, spreadsheets: the generated plan's 5 000 actions exported for Excel
// (from « Exporter pour Excel » to the file handed to the browser) and the same file
// imported again (from the file chosen to the preview painted, every row read as
// unchanged), in headless Chromium. Median of RUNS fresh profiles; aim under 1 s each.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, FILE_URL, ROOT } from '../tests/e2e/support.mjs';

const RUNS = 3;
const LARGE = join(ROOT, 'target/large-plan.json');
if (!existsSync(LARGE)) {
  execFileSync('cargo', ['run', '--release', '-q', '--example', 'large_plan', '--', LARGE], { stdio: 'inherit', cwd: ROOT });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function run() {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    await page.locator('#import-file').setInputFiles(LARGE);
    await page.locator('.file-preview button.primary').click();
    await page.locator('.save-state').getByText('Enregistré').waitFor({ timeout: 120_000 });
    await page.evaluate(() => { location.hash = '#/actions'; });
    await page.locator('.actions-table tbody tr').first().waitFor();

    const download = page.waitForEvent('download', { timeout: 120_000 });
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Exporter pour Excel (.csv)' }).click();
    const file = await download;
    const exported = await page.evaluate((s) => performance.now() - s, start);
    const path = await file.path();
    const rows = readFileSync(path, 'utf8').split('\r\n').length - 2;

    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    await page.evaluate(() => {
      window.benchImport = new Promise((done) => {
        document.getElementById('sheet-file').addEventListener('change', () => {
          const start = performance.now();
          const poll = () => document.querySelector('p.sheet-summary')
            ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
            : setTimeout(poll, 1);
          poll();
        }, { capture: true, once: true });
      });
    });
    await page.locator('#sheet-file').setInputFiles(path);
    const imported = await page.evaluate(() => window.benchImport);
    const summary = await page.locator('p.sheet-summary').innerText();
    if (!summary.startsWith('0 à ajouter, 0 à modifier')) throw new Error(`the unchanged file reads as changes: ${summary}`);
    return { exported, imported, rows };
  } finally {
    await b.close();
  }
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`\nSpreadsheets: the generated plan's ${runs[0].rows} actions, median of ${RUNS}`);
console.log(`  export for Excel (click → file handed over)   ${ms(median(runs.map((r) => r.exported)))}   aim < 1 000 ms`);
console.log(`  import it again (file chosen → preview shown) ${ms(median(runs.map((r) => r.imported)))}   aim < 1 000 ms`);
