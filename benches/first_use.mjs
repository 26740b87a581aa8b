// `make bench`, a screen used for the first time: from the click on its link (or, for the
// spreadsheets, on « Importer d'Excel ») until it is painted, the CPU slowed 4× as
// DevTools slows it, the sample plan, `file://`. Each screen first used in a fresh
// profile, opened on the dashboard. Median of RUNS; figures only. Other pages may be
// named to compare, side by side in the same run, their runs taken in turn.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser, open, PAGE_FILE } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.JALON_RUNS ?? 5);
const FILES = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [PAGE_FILE];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// What is clicked, on which screen, and what shows that the new screen is there.
const SCREENS = [
  ['partners', '#/tableau-de-bord', `a[href="#/partenaires"]`, `location.hash === '#/partenaires' && document.querySelector('main h1') && !document.querySelector('.dashboard')`],
  ['regions', '#/tableau-de-bord', `a[href="#/regions"]`, `location.hash === '#/regions' && document.querySelector('main h1') && !document.querySelector('.dashboard')`],
  ['bilan', '#/tableau-de-bord', `a[href="#/bilan"]`, `location.hash === '#/bilan' && document.querySelector('main h1') && !document.querySelector('.dashboard')`],
  ['spreadsheets (import opened)', '#/indicateurs', null, `document.querySelector('.sheet-import')`],
];

async function firstUse(file, [, from, link, done]) {
  const b = await browser({ today: null });
  try {
    const { page } = b;
    await open(page, `${pathToFileURL(file).href}${from}`);
    await page.locator('main h1').waitFor();
    await page.locator('.save-state').getByText('Enregistré').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const act = link ?? `[...document.querySelectorAll('main button')].find((b) => b.textContent.includes("Importer d'Excel"))`;
    return await page.evaluate(async ([act, done]) => {
      const target = new Function(`return ${act}`)();
      const settle = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const until = async (test) => { while (!test()) await new Promise((ok) => setTimeout(ok, 1)); };
      const start = performance.now();
      (typeof target === 'string' ? document.querySelector(target) : target).click();
      await until(new Function(`return (${done})`));
      await settle();
      return performance.now() - start;
    }, [link ? JSON.stringify(link) : act, done]);
  } finally {
    await b.close();
  }
}

const figures = FILES.map(() => SCREENS.map(() => []));
for (let i = 0; i < RUNS; i++) {
  for (const [f, file] of FILES.entries()) {
    for (const [s, screen] of SCREENS.entries()) figures[f][s].push(await firstUse(file, screen));
  }
}
for (const [f, file] of FILES.entries()) {
  console.log(`a screen used for the first time, click → painted, CPU slowed 4×${FILES.length > 1 ? `, ${file}` : ''} (median of ${RUNS}):`);
  for (const [s, [name]] of SCREENS.entries()) {
    const values = figures[f][s];
    console.log(`  ${name.padEnd(44)}${median(values).toFixed(1).padStart(9)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})  aim ≤ 300 ms`);
  }
}
