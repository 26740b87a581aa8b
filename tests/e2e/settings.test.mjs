// The settings screen: every setting of the plan set from the page survives a reload
// and an export; a period that ends before it starts is refused under its field and
// changes nothing; numbering per level shows « Objectif 5 » on the structure screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, FILE_URL, browser, open, saved, storePlan, audit, screenshot, toEnglish } from './support.mjs';

const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');

/** Waits until `read` answers what `expected` accepts, and says what it last read if not. */
async function until(read, expected, what) {
  let last;
  for (let i = 0; i < 100; i += 1) {
    last = await read();
    if (expected(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: last read ${JSON.stringify(last)}`);
}

/** Opens the PEVR fixture on the settings screen. */
async function openSettings(page) {
  await open(page, FILE_URL);
  await storePlan(page, PEVR);
  await page.goto(`${FILE_URL}#/parametres`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Paramètres du plan' }).waitFor();
}


/** Types `value` in the field `selector` and leaves it, which saves it. */
async function change(page, selector, value) {
  await page.locator(selector).fill(value);
  await page.locator(selector).press('Tab');
}

test('every setting is set from the page and survives a reload and an export', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await openSettings(page);
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'settings-1366-fr');

    // Title, organisations.
    await page.locator('#settings-title').fill('PEVR 2023-2028 — révisé');
    await change(page, '#org-org-cssrh-name', 'CSS de la Rivière-aux-Hérons');
    await change(page, '#org-org-cssrh-code', 'CSSRAH');
    await page.locator('#org-new-name').fill('Cégep de la Rivière');
    await page.locator('#org-new-code').fill('CR');
    await page.getByRole('button', { name: "Ajouter l'organisation" }).click();
    await until(() => page.getByLabel("Nom de l'organisation").count(), (n) => n === 3, 'a second organisation');
    await until(() => page.locator('.plan-facts').innerText(), (t) => t.includes('Cégep de la Rivière'), 'the banner names it');

    // A period that ends before it starts: said under the end, nothing changes.
    const facts = await page.locator('.plan-facts').innerText();
    await page.locator('#period-start').fill('1er juillet 2024');
    await page.locator('#period-end').fill('30 juin 2024');
    await page.getByRole('button', { name: 'Enregistrer la période' }).click();
    const refusal = page.locator('#period-end-error');
    await refusal.waitFor();
    assert.equal(await refusal.innerText(), 'La fin de la période précède son début.');
    assert.equal(await page.locator('#period-end').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.plan-facts').innerText(), facts);
    assert.deepEqual(await audit(page), []);
    await page.locator('#period-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-refused-1366-fr');
    await page.locator('#period-end').fill('30 juin 2028');
    await page.getByRole('button', { name: 'Enregistrer la période' }).click();
    await until(() => page.locator('.plan-facts').innerText(), (t) => /30 juin 2028/.test(t), 'the new period');
    assert.equal(await refusal.count(), 0);

    // Level names and what actions are called.
    await page.locator('#level-name-0-s').fill('Axe');
    await page.locator('#level-name-0-p').fill('Axes');
    await page.locator('#level-name-3-s').fill('Activité');
    await page.locator('#level-name-3-p').fill('Activités');
    await page.getByRole('button', { name: 'Enregistrer les noms' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Activités' }).waitFor();

    // Target groups, and a code already taken.
    for (const [code, label] of [['1', 'Jeunes'], ['2', 'Familles']]) {
      await page.locator('#group-new-code').fill(code);
      await page.locator('#group-new-label').fill(label);
      await page.getByRole('button', { name: 'Ajouter le groupe visé' }).click();
      await until(() => page.locator('#group-new-code').inputValue(), (v) => v === '', `group ${code} added`);
    }
    await page.locator('#group-new-code').fill('1');
    await page.locator('#group-new-label').fill('Écoles');
    await page.getByRole('button', { name: 'Ajouter le groupe visé' }).click();
    assert.equal(await page.locator('#group-new-code-error').innerText(), 'Un autre groupe visé porte déjà le code «\u00a01\u00a0».');
    await change(page, '#group-1-label', 'Familles et proches');

    // Thresholds, roll-up rule, numbering.
    await page.locator('#threshold-on-track').fill('90 %');
    await page.locator('#threshold-to-watch').fill('70,5 %');
    await page.getByRole('button', { name: 'Enregistrer les seuils' }).click();
    await page.locator('.thresholds-form').getByText('Enregistré.').waitFor();
    await page.locator('#roll-up').selectOption('weighted');
    await page.locator('#numbering').selectOption('per_level');
    await saved(page);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Paramètres du plan' }).waitFor();
    const value = (selector) => page.locator(selector).inputValue();
    assert.equal(await value('#settings-title'), 'PEVR 2023-2028 — révisé');
    assert.equal(await value('#org-org-cssrh-name'), 'CSS de la Rivière-aux-Hérons');
    assert.equal(await value('#org-org-cssrh-code'), 'CSSRAH');
    const names = await page.getByLabel("Nom de l'organisation").evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.deepEqual(names, ['CSS de la Rivière-aux-Hérons', 'Cégep de la Rivière', '']);
    assert.equal(await value('#period-start'), '1er juillet 2024');
    assert.equal(await value('#period-end'), '30 juin 2028');
    assert.equal(await value('#level-name-0-s'), 'Axe');
    assert.equal(await value('#level-name-3-p'), 'Activités');
    assert.deepEqual([await value('#group-0-code'), await value('#group-0-label')], ['1', 'Jeunes']);
    assert.deepEqual([await value('#group-1-code'), await value('#group-1-label')], ['2', 'Familles et proches']);
    assert.equal(await value('#threshold-on-track'), '90\u00a0%');
    assert.equal(await value('#threshold-to-watch'), '70,5\u00a0%');
    assert.equal(await value('#roll-up'), 'weighted');
    assert.equal(await value('#numbering'), 'per_level');
    assert.deepEqual(await audit(page), []);

    // The exported file holds every setting.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(file.version, 2);
    const plan = file.plan;
    assert.equal(plan.title, 'PEVR 2023-2028 — révisé');
    assert.deepEqual(plan.organisations.map((o) => [o.name, o.code]), [['CSS de la Rivière-aux-Hérons', 'CSSRAH'], ['Cégep de la Rivière', 'CR']]);
    assert.deepEqual(plan.period, { start: '2024-07-01', end: '2028-06-30' });
    assert.deepEqual(plan.levels[0].name, { singular: 'Axe', plural: 'Axes' });
    assert.deepEqual(plan.action_name, { singular: 'Activité', plural: 'Activités' });
    assert.deepEqual(plan.target_groups, [{ code: '1', label: 'Jeunes' }, { code: '2', label: 'Familles et proches' }]);
    assert.equal(plan.settings.on_track, 0.9);
    assert.equal(plan.settings.to_watch, 0.705);
    assert.equal(plan.settings.roll_up, 'weighted');
    assert.equal(plan.settings.numbering, 'per_level');

    // Checkpoints are edited on the follow-up screen.
    await page.getByRole('link', { name: 'Aller au suivi' }).click();
    await page.waitForURL(/#\/suivi$/);

    // Per-level numbering on the structure screen.
    await page.getByRole('navigation').getByRole('link', { name: 'Structure' }).click();
    const codes = page.locator('.tree .code');
    await until(() => codes.allInnerTexts(), (t) => t.includes('Objectif 5'), 'objectives numbered across the plan');
    const shown = await codes.allInnerTexts();
    assert.ok(shown.includes('Orientation 3'), shown.join(' | '));
    assert.ok(!shown.some((c) => /\d\.\d/.test(c)), `no hierarchical code: ${shown.join(' | ')}`);
  } finally {
    await b.close();
  }
});

test('the settings screen fits a phone and stays accessible', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    const { page } = b;
    await openSettings(page);
    assert.deepEqual(await audit(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await screenshot(page, 'settings-390-fr');
    await page.locator('#thresholds-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-thresholds-390-fr');
  } finally {
    await b.close();
  }
});

test('in English the settings screen speaks English, with English punctuation, and a refused period says why', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/parametres`);
    await toEnglish(b.page);
    await b.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const text = await b.page.locator('main').innerText();
    assert.doesNotMatch(text, /\u00a0[:;?!]|«/, 'no French punctuation in English');
    await b.page.getByLabel('End of the period', { exact: true }).fill('2020-01-01');
    await b.page.locator('form.period-form button[type="submit"]').click();
    await b.page.locator('#period-end-error').waitFor();
    assert.match(await b.page.locator('#period-end-error').innerText(), /end|start/i);
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'settings-en-1366');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
