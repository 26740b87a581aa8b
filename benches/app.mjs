// `make bench`, the application: with the generated plan of 10 000 indicators and 5 000
// actions, and with the sample plan, in headless Chromium: the time to open the plan,
// to show the actions table, to filter it, and from changing one action's status to
// the repainted page and dashboard. Median of RUNS fresh profiles; figures only.
// Other pages may be named to compare, side by side in the same run, their runs taken in
// turn: `node benches/app.mjs pkg/jalon.html before/jalon.html`. With JALON_PROFILE set
// to a folder, each run writes there the CPU profile of the large plan's dashboard
// repainted (a build that keeps names makes it readable).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve, basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser, open, PAGE_FILE, ROOT } from '../tests/e2e/support.mjs';

const FILES = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [PAGE_FILE];
const PROFILE = process.env.JALON_PROFILE;

const RUNS = Number(process.env.JALON_RUNS ?? 3);
// After the first repaint, this many more changes, each saved, then the dashboard
// repainted: more figures per page opened on a machine whose speed varies.
const AGAIN = Number(process.env.JALON_AGAIN ?? 4);
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

async function journey(file, large, run) {
  const b = await browser({ today: null });
  const figures = {};
  try {
    const { page } = b;
    await open(page, `${pathToFileURL(file).href}#/plans`);
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    if (large) {
      // The reference, in the same page and run: the browser's own JSON.parse of the
      // same file, read from a file input as the page reads it.
      await page.evaluate(() => { const probe = document.createElement('input'); probe.type = 'file'; probe.id = 'bench-probe'; document.body.append(probe); });
      await page.locator('#bench-probe').setInputFiles(LARGE);
      figures['JSON.parse of the same file (reference)'] = await page.evaluate(async () => {
        const text = await document.getElementById('bench-probe').files[0].text();
        const start = performance.now();
        JSON.parse(text);
        return performance.now() - start;
      });
      await page.evaluate(() => document.getElementById('bench-probe').remove());
      // From the file chosen to its preview painted, read in the page.
      await page.evaluate(() => {
        window.benchPreview = new Promise((done) => {
          const input = document.getElementById('import-file');
          input.addEventListener('change', () => {
            const start = performance.now();
            const poll = () => document.querySelector('.file-preview')
              ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0))
              : setTimeout(poll, 1);
            poll();
          }, { capture: true, once: true });
        });
      });
      await page.locator('#import-file').setInputFiles(LARGE);
      figures['read the file and show its summary'] = await page.evaluate(() => window.benchPreview);
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
    await page.evaluate(() => {
      window.benchTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchTasks.push(e.duration); }).observe({ type: 'longtask' });
      window.benchChanged = performance.now();
    });
    figures['change one status → table repainted'] = await timed(page, select('.actions-table tbody tr select', JSON.stringify(next)),
      `document.querySelector('.actions-table tbody tr select').value === ${JSON.stringify(next)}`);
    // Then the save: until the page says it is saved, by a cheap poll of that one element
    // (a search of the whole page would itself block the main thread).
    await page.waitForFunction(() => !/Enregistré/.test(document.querySelector('.save-state')?.textContent ?? ''), null, { polling: 'raf' });
    await page.waitForFunction(() => /Enregistré/.test(document.querySelector('.save-state')?.textContent ?? ''), null, { polling: 20, timeout: 120_000 });
    const save = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() =>
      done({ saved: performance.now() - window.benchChanged, longest: Math.max(0, ...window.benchTasks) }), 0))));
    figures['→ saved (400 ms pause, then the save)'] = save.saved;
    figures['longest main-thread task, change to saved'] = save.longest;
    const cdp = PROFILE && large ? await page.context().newCDPSession(page) : null;
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
    figures['→ dashboard repainted'] = await timed(page, `location.hash = '#/tableau-de-bord'`,
      `document.querySelector('main h1')?.textContent.includes('Tableau de bord') && document.querySelectorAll('main svg').length > 0`);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(PROFILE, `${basename(dirname(file))}-${run}.cpuprofile`), JSON.stringify(profile));
    }
    const again = [];
    for (let i = 0; i < AGAIN; i++) {
      await page.evaluate(() => { location.hash = '#/actions'; });
      const select = page.locator('.actions-table tbody tr select').first();
      await select.waitFor();
      await select.selectOption((await select.inputValue()) === '2' ? '1' : '2');
      await page.waitForFunction(() => !/Enregistré/.test(document.querySelector('.save-state')?.textContent ?? ''), null, { polling: 'raf' });
      await page.waitForFunction(() => /Enregistré/.test(document.querySelector('.save-state')?.textContent ?? ''), null, { polling: 20, timeout: 120_000 });
      again.push(await timed(page, `location.hash = '#/tableau-de-bord'`,
        `document.querySelector('main h1')?.textContent.includes('Tableau de bord') && document.querySelectorAll('main svg').length > 0`));
    }
    if (AGAIN) figures[`→ dashboard repainted, ${AGAIN} changes more`] = median(again);
    if (b.errors.length) throw new Error(b.errors.join('\n'));
  } finally {
    await b.close();
  }
  return figures;
}

// The issue's aims for the large plan, printed beside its figures.
const AIMS = {
  'read the file and show its summary': '≤ 4× JSON.parse',
  'longest main-thread task, change to saved': '≤ 50 ms',
  '→ saved (400 ms pause, then the save)': '≤ 2 000 ms',
  '→ dashboard repainted': '≤ 60 ms',
  [`→ dashboard repainted, ${AGAIN} changes more`]: '≤ 60 ms',
};

for (const [name, large] of [['sample plan', false], ['generated plan, 10 000 indicators, 5 000 actions', true]]) {
  const byFile = FILES.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [f, file] of FILES.entries()) byFile[f].push(await journey(file, large, i));
  for (const [f, runs] of byFile.entries()) {
    console.log(`${name}${FILES.length > 1 ? `, ${FILES[f]}` : ''} (median of ${RUNS}):`);
    for (const key of Object.keys(runs[0])) {
      const values = runs.map((r) => r[key]);
      const aim = large && AIMS[key] ? `  aim ${AIMS[key]}` : '';
      console.log(`  ${key.padEnd(44)}${median(values).toFixed(1).padStart(9)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})${aim}`);
    }
    if (large) {
      // Each run's own ratio, then their median: the reference varies with the machine.
      const ratios = runs.map((r) => r['read the file and show its summary'] / r['JSON.parse of the same file (reference)']);
      console.log(`  ${'read → preview, as a multiple of JSON.parse'.padEnd(44)}${median(ratios).toFixed(1).padStart(9)} ×   (${ratios.map((v) => v.toFixed(1)).join(', ')})  aim ≤ 4×`);
    }
  }
}
