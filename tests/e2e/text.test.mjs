// What users write never breaks the page: a long unbroken address wraps instead of
// widening the page, a right-to-left override in one name does not reorder the names
// after it, and a title holding a line break keeps it when edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, reopenWith, FILE_URL, ROOT } from './support.mjs';

const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');
// No break opportunity after the scheme: letters and digits only.
const URL_160 = `https://donnees.example.qc.ca/${'TableauDeBordRegional2024'.repeat(6)}`.slice(0, 160);

/** The PEVR fixture after `change(plan)`, as file text. */
function changed(change) {
  const file = JSON.parse(PEVR);
  change(file.plan);
  return JSON.stringify(file);
}

async function withStored(text, run, options) {
  const b = await browser(options);
  try {
    await open(b.page, `${FILE_URL}#/structure`);
    await reopenWith(b.page, text);
    await run(b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

const LONG = changed((plan) => {
  plan.indicators[0].source = URL_160;
  const action = plan.actions.find((a) => a.id === 'moyen-collaboration');
  for (const record of action.progress) record.narrative = URL_160;
  action.partners = [URL_160];
  plan.organisations[0].name = `Centre de services ${URL_160}`;
});

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`at ${width} px, a 160-character address in a source or a narrative does not widen the page`, async () => {
    await withStored(LONG, async ({ page }) => {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const screens = [
        ['objectif/objectif-1', () => page.locator('table.indicators').waitFor()],
        ['indicateurs', () => page.getByText(URL_160).first().waitFor()],
        ['actions', () => page.locator('table.actions-table').waitFor()],
        ['suivi', () => page.locator('.progress-entries').waitFor()],
      ];
      for (const [route, ready] of screens) {
        await page.evaluate((r) => { location.hash = `#/${r}`; }, route);
        await ready();
        assert.ok(await page.getByText(URL_160).count() > 0, `${route}: the address is shown`);
        assert.ok(await overflow() <= 0, `${route} is ${await overflow()} px too wide`);
        if (route.startsWith('objectif')) await screenshot(page, `text-long-objective-${width}`);
      }
    }, { width, height });
  });
}

/** Whether an element's first character is drawn left of its last: logical order kept. */
const readsLeftToRight = (locator) => locator.evaluate((e) => {
  const text = e.firstChild;
  const x = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().x; };
  return x(0) < x(text.length - 1);
});

test('a right-to-left override in one organisation\u2019s name leaves the names after it in their order', async () => {
  const text = changed((plan) => {
    plan.organisations = [
      { id: 'org-a', name: 'Centre Alpha', code: 'A' },
      { id: 'org-b', name: '\u202eOrganisme inversé', code: 'B' },
      { id: 'org-c', name: 'Ville de Québec', code: 'C' },
    ];
    const action = plan.actions.find((a) => a.id === 'moyen-collaboration');
    action.groups = ['\u202eGroupe inversé', 'Parents'];
  });
  await withStored(text, async ({ page }) => {
    const facts = page.locator('.plan-facts');
    await facts.getByText('Ville de Québec').waitFor();
    const names = await facts.locator('bdi').evaluateAll((all) => all.map((e) => [e.textContent, getComputedStyle(e).unicodeBidi]));
    assert.deepEqual(names, [['Centre Alpha', 'isolate'], ['\u202eOrganisme inversé', 'isolate'], ['Ville de Québec', 'isolate']]);
    assert.ok(await readsLeftToRight(facts.locator('bdi').nth(2)), 'the name after the override reads left to right');
    await screenshot(page, 'text-bidi-banner');

    await page.evaluate(() => { location.hash = '#/objectif/objectif-1'; });
    const cell = page.locator('table.actions tr', { hasText: 'Consolider le travail collaboratif' }).locator('td').first();
    await cell.waitFor();
    assert.deepEqual(await cell.locator('bdi').allTextContents(), ['\u202eGroupe inversé', 'Parents']);
    assert.ok(await readsLeftToRight(cell.locator('bdi').nth(1)), 'the group after the override reads left to right');
    assert.deepEqual(await audit(page), []);
  });
});

test('a title holding a line break is edited in a field that keeps it', async () => {
  const text = changed((plan) => {
    plan.title = 'Ligne un\nLigne deux';
    plan.elements.find((e) => e.id === 'objectif-1').title = 'Objectif sur\ndeux lignes';
  });
  await withStored(text, async ({ page }) => {
    const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('jalon.v1.plans.plan-cssrh-pevr-2023-2027')).plan);
    const title = page.getByLabel('Titre du plan');
    assert.equal(await title.evaluate((e) => e.tagName), 'TEXTAREA');
    assert.equal(await title.inputValue(), 'Ligne un\nLigne deux');
    await title.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('!');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('jalon.v1.plans.plan-cssrh-pevr-2023-2027')).plan.title.endsWith('!'));
    assert.equal((await stored()).title, 'Ligne un\nLigne deux!');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'text-multiline-title');

    await page.getByRole('group', { name: /^Objectif 1\.1\.1 — Objectif sur/ }).getByRole('button', { name: 'Modifier' }).click();
    const field = page.locator('.element-form').getByLabel('Titre');
    assert.equal(await field.evaluate((e) => e.tagName), 'TEXTAREA');
    await field.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('jalon.v1.plans.plan-cssrh-pevr-2023-2027')).plan.elements
      .some((e) => e.title === 'Objectif sur\ndeux lignes.'));

    // A title on one line keeps its one-line field.
    await page.getByRole('group', { name: /^Objectif 1\.1\.2 — / }).getByRole('button', { name: 'Modifier' }).click();
    assert.equal(await page.locator('.element-form').getByLabel('Titre').evaluate((e) => e.tagName), 'INPUT');
  });
});

// Issue 26, item 6: one long word in a narrative widened the objective page's table of
// actions past its region, and past a phone's screen.
const WORD_300 = 'Anticonstitutionnellement'.repeat(12);

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`at ${width} px, a 300-letter word in a narrative wraps within the objective page's table`, async () => {
    const text = changed((plan) => {
      const action = plan.actions.find((a) => a.id === 'moyen-collaboration');
      for (const record of action.progress) record.narrative = `Début ${WORD_300} fin`;
    });
    await withStored(text, async ({ page }) => {
      await page.evaluate(() => { location.hash = '#/objectif/objectif-1'; });
      const narrative = page.locator('table.actions .narrative', { hasText: WORD_300 });
      await narrative.waitFor();
      const fits = await page.evaluate(() => {
        const region = document.querySelector('.objective-page .table-scroll');
        const narrative = document.querySelector('table.actions .narrative');
        return { table: region.scrollWidth <= region.clientWidth, narrative: narrative.scrollWidth <= narrative.clientWidth };
      });
      assert.deepEqual(fits, { table: true, narrative: true });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    }, { width, height });
  });
}

// Issue 26, item 6: a title of a megabyte without a space froze « Mes plans » for half a
// minute, its wrapping done again from each line to the end of the word.
test('a title of a million letters without a space is listed by its beginning, wrapped, and kept whole', async () => {
  const title = 'T'.repeat(1_000_000);
  await withStored(changed((plan) => { plan.title = title; }), async ({ page }) => {
    await page.evaluate(() => { location.hash = '#/plans'; });
    // The library may list the sample too, before or after this plan.
    const name = page.locator('.library > .plan-list .plan-name', { hasText: 'TTTTTTTTTT' });
    await name.waitFor();
    const shown = await name.evaluate((e) => ({ text: e.textContent, fits: e.scrollWidth <= e.clientWidth, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)) }));
    assert.equal(shown.text, `${'T'.repeat(300)}…`);
    assert.ok(shown.fits && shown.lines >= 2, `wrapped within the list: ${JSON.stringify({ ...shown, text: undefined })}`);
    assert.equal(await page.locator('.library > .plan-list').getByRole('button', { name: /^Ouvrir «\sTTTT/ }).getAttribute('aria-label'), `Ouvrir «\u00a0${'T'.repeat(300)}…\u00a0»`);
    assert.equal((await page.getByLabel('Titre du plan').inputValue()).length, 1_000_000, 'the plan keeps its whole title');
    await screenshot(page, 'text-long-title-library');
  });
});
