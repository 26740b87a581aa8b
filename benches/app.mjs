// `make bench`, the application: with the generated plan of 10 000 indicators and 5 000
// actions, and with the sample plan, in headless Chromium: the time to open the plan,
// to show the actions table, to filter it, and from changing one action's status to
// the repainted page and dashboard. Median of RUNS fresh profiles; figures only.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, FILE_URL, ROOT } from '../tests/e2e/support.mjs';

const RUNS = 3;
const LARGE = join(ROOT, 'target/large-plan.json');
if (!existsSync(LARGE)) {
  execFileSync('cargo', ['run', '--release', '-q', '--example', 'large_plan', '--', LARGE], { stdio: 'inherit', cwd: ROOT });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/**
 * Milliseconds from `act` (run in the page) until `done()` holds and the next frame is
 * painted: what the user waits for.
 */
async function timed(page, act, done) {
  return page.evaluate(async ([act, done]) => {
    const settle = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const until = async (test) => { while (!test()) await new Promise((ok) => setTimeout(ok, 1)); };
    const start = performance.now();
    new Function(act)();
    await until(new Function(`return (${done})`));
    await settle();
    return performance.now() - start;
  }, [act, done]);
}

const select = (selector, value) =>
  `const s = document.querySelector(${JSON.stringify(selector)}); s.value = ${value}; s.dispatchEvent(new Event('change', { bubbles: true }));`;

async function journey(large) {
  const b = await browser();
  const figures = {};
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    if (large) {
      const start = Date.now();
      await page.locator('#import-file').setInputFiles(LARGE);
      await page.locator('.file-preview').waitFor({ timeout: 120_000 });
      figures['read the file and show its summary'] = Date.now() - start;
      figures['open it (confirm → dashboard painted)'] = await timed(page,
        `[...document.querySelectorAll('.file-preview button')].find((b) => b.classList.contains('primary')).click()`,
        `document.querySelector('main h1')?.textContent.includes('Tableau de bord') && document.querySelectorAll('main svg').length > 0`);
      await page.locator('.save-state').getByText('Enregistré').waitFor({ timeout: 120_000 });
    } else {
      figures['open it (dashboard painted)'] = await timed(page, `location.hash = '#/tableau-de-bord'`,
        `document.querySelector('main h1')?.textContent.includes('Tableau de bord') && document.querySelectorAll('main svg').length > 0`);
    }
    figures['show the actions table'] = await timed(page, `location.hash = '#/actions'`,
      `document.querySelectorAll('.actions-table tbody tr').length > 0`);
    const responsible = await page.locator('#filter-responsible option').nth(1).getAttribute('value');
    const before = await page.locator('.filter-count').innerText();
    figures['filter it by responsible'] = await timed(page, select('#filter-responsible', JSON.stringify(responsible)),
      `document.querySelector('.filter-count').innerText !== ${JSON.stringify(before)}`);
    const status = page.locator('.actions-table tbody tr select').first();
    // Options are the statuses' positions: 1 is « En cours », 2 « Réalisé ».
    const next = (await status.inputValue()) === '2' ? '1' : '2';
    figures['change one status → table repainted'] = await timed(page, select('.actions-table tbody tr select', JSON.stringify(next)),
      `document.querySelector('.actions-table tbody tr select').value === ${JSON.stringify(next)}`);
    figures['→ dashboard repainted'] = await timed(page, `location.hash = '#/tableau-de-bord'`,
      `document.querySelector('main h1')?.textContent.includes('Tableau de bord') && document.querySelectorAll('main svg').length > 0`);
    if (b.errors.length) throw new Error(b.errors.join('\n'));
  } finally {
    await b.close();
  }
  return figures;
}

for (const [name, large] of [['sample plan', false], ['generated plan, 10 000 indicators, 5 000 actions', true]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await journey(large));
  console.log(`${name} (median of ${RUNS}):`);
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]);
    console.log(`  ${key.padEnd(42)}${median(values).toFixed(1).padStart(9)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})`);
  }
}
