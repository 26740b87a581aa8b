// `make bench`, the printed bilan in headless Chromium: from opening the bilan's screen
// to the full bilan laid out and painted, for the sample plan, the three reference
// plans and the generated large plan; then the large plan's bilan printed to PDF by
// Chromium. Median of RUNS fresh profiles for the ordinary plans; the large plan once
// (its PDF alone runs to thousands of pages). Aims: an ordinary plan's bilan on screen
// within 1 s; the large plan's within 10 s.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browser, open, reopenWith, FILE_URL, ROOT } from '../tests/e2e/support.mjs';

const RUNS = 3;
const PDF_LIMIT = 600_000;
const LARGE = join(ROOT, 'target/large-plan.json');
if (!existsSync(LARGE)) {
  execFileSync('cargo', ['run', '--release', '-q', '--example', 'large_plan', '--', LARGE], { stdio: 'inherit', cwd: ROOT });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`.padStart(11);

/** From the hash set to the bilan's screen to its article painted. */
async function layOut(page) {
  await page.evaluate(() => { location.hash = '#/tableau-de-bord'; });
  await page.locator('.dashboard').waitFor({ timeout: 120_000 });
  return page.evaluate(() => new Promise((done) => {
    const start = performance.now();
    location.hash = '#/bilan';
    const poll = () => document.querySelector('article.bilan .bilan-cover')
      ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
      : setTimeout(poll, 1);
    poll();
  }));
}

async function ordinary(name, text) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await browser({ today: null });
    try {
      await open(b.page, `${FILE_URL}#/tableau-de-bord`);
      if (text) await reopenWith(b.page, text);
      times.push(await layOut(b.page));
    } finally {
      await b.close();
    }
  }
  console.log(`  ${name.padEnd(44)} ${ms(median(times))}   aim < 1 000 ms`);
}

async function large() {
  const b = await browser({ today: null });
  const dir = mkdtempSync(join(tmpdir(), 'jalon-bilan-'));
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    await page.locator('#import-file').setInputFiles(LARGE);
    await page.locator('.file-preview button.primary').click();
    await page.locator('.save-state').getByText('Enregistré').waitFor({ timeout: 120_000 });
    const laidOut = await layOut(page);
    console.log(`  the generated large plan, once               ${ms(laidOut)}   aim < 10 000 ms`);
    const pdf = join(dir, 'bilan.pdf');
    const start = Date.now();
    // Thousands of pages: given PDF_LIMIT, and said when it is not enough.
    const done = await Promise.race([
      page.pdf({ path: pdf, preferCSSPageSize: true, timeout: 0 }).then(() => true),
      new Promise((stop) => setTimeout(() => stop(false), PDF_LIMIT)),
    ]);
    if (!done) {
      console.log(`  its PDF by Chromium                          not done in ${PDF_LIMIT / 1000} s`);
      return;
    }
    const printed = Date.now() - start;
    const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
    console.log(`  its PDF by Chromium (${pages} pages)${' '.repeat(Math.max(0, 22 - String(pages).length))}${ms(printed)}`);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\nThe printed bilan, full, as of the current checkpoint: screen opened → bilan painted, median of ${RUNS}`);
await ordinary('the sample plan', null);
for (const name of ['plan-000-pevr', 'plan-001-regional', 'plan-002-cooperative']) {
  await ordinary(name, readFileSync(join(ROOT, `tests/fixtures/${name}.json`), 'utf8'));
}
await large();
