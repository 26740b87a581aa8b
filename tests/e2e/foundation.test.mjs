// The page as a user first meets it: served by `make run`, or opened from a file.
// Each journey: the sample plan is rendered, a change survives a reload, and the page
// asks nothing of the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, screenshot, FILE_URL, toEnglish } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const pages = [
  { name: 'served', url: () => server.url, allowed: (u) => u === server.url },
  { name: 'file', url: () => FILE_URL, allowed: (u) => u === FILE_URL },
];

for (const kind of pages) {
  test(`${kind.name}: the sample plan is rendered in French with Quebec formats`, async () => {
    const b = await browser();
    try {
      await open(b.page, `${kind.url()}#/structure`);
      const main = b.page.locator('main');
      await assert.doesNotReject(main.getByRole('heading', { name: /Enjeu 1 — La réussite de chaque élève/ }).waitFor());
      assert.equal(await b.page.locator('article.objective').count(), 5);
      const text = await main.innerText();
      assert.match(text, /79,7\u00a0%/, 'a segment target in Quebec format');
      assert.match(text, /juin 2029/, 'an objective deadline');
      assert.match(text, /Bilan de fin d'année \(20 juin 2026\)/, 'the checkpoint of the état d\u2019avancement');
      await main.getByRole('link', { name: /^Objectif 1 — / }).click();
      assert.match(await main.locator('table.actions').innerText(), /Services éducatifs/, 'a responsible unit, on the objective\u2019s page');
      assert.equal(await b.page.getAttribute('html', 'lang'), 'fr');
      assert.deepEqual(b.errors, []);
      await screenshot(b.page, `sample-${kind.name}-1366`);
    } finally {
      await b.close();
    }
  });

  test(`${kind.name}: the plan's title and the language are kept across a reload`, async () => {
    const b = await browser();
    try {
      await open(b.page, `${kind.url()}#/structure`);
      const title = b.page.getByLabel('Titre du plan');
      await title.fill('PEVR 2023-2027 — version du conseil');
      await toEnglish(b.page);
      await b.page.getByRole('button', { name: 'Passer au français' }).waitFor();
      await b.page.reload();
      await b.page.waitForSelector('main#contenu');
      assert.equal(await b.page.getByLabel('Plan title').inputValue(), 'PEVR 2023-2027 — version du conseil');
      assert.equal(await b.page.getAttribute('html', 'lang'), 'en');
      assert.match(await b.page.locator('main').innerText(), /June 2029/);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${kind.name}: the page makes no request beyond its own file`, async () => {
    const b = await browser();
    try {
      await open(b.page, kind.url());
      await b.page.getByLabel('Titre du plan').fill('Sans réseau');
      await b.page.reload();
      await b.page.waitForSelector('main#contenu');
      // Whatever the page would fetch, it fetches while loading: wait until the network
      // is idle rather than for a while.
      await b.page.waitForLoadState('networkidle');
      const foreign = b.requests.filter((u) => !kind.allowed(u));
      assert.deepEqual(foreign, [], 'requests beyond the page itself');
      assert.ok(b.requests.length >= 2, 'the recorder saw the page load twice');
    } finally {
      await b.close();
    }
  });
}

test('the sample plan on a phone (390×844)', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    await open(b.page, FILE_URL);
    const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await screenshot(b.page, 'sample-file-390');
  } finally {
    await b.close();
  }
});
