// The follow-up: a checkpoint created on the sample, each action's progress recorded
// beside the previous checkpoint's, a measurement at its date (a bad one explained),
// then the checkpoint closed, locked across a reload, and reopened on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, saved, screenshot, FILE_URL, toEnglish } from './support.mjs';

const CAP = 'Mettre en place des communautés d\'apprentissage professionnelles';

test('a checkpoint is created, reported beside the previous one, closed, locked across a reload and reopened', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/suivi`);
    const page = b.page;
    const list = page.locator('ul.checkpoint-list');
    assert.match(await list.innerText(), /Bilan de fin d'année\s+20 juin 2026\s+Ouvert/);
    assert.deepEqual(await audit(page), []);

    await page.getByLabel('Nom du suivi').fill('Bilan de mi-année');
    await page.getByLabel('Date', { exact: true }).fill('2026-12-10');
    await page.getByRole('button', { name: 'Créer le suivi' }).click();
    assert.match(await list.innerText(), /Bilan de mi-année\s+10 décembre 2026\s+Ouvert/);
    const report = page.locator('section.report');
    await report.getByRole('heading', { level: 2, name: 'Bilan de mi-année' }).waitFor();

    const cap = report.locator('li.progress-entry', { hasText: CAP });
    const previous = await cap.locator('.previous').innerText();
    assert.match(previous, /Bilan de fin d'année \(20 juin 2026\)/);
    assert.match(previous, /En cours · 40\u00a0%/);
    assert.match(previous, /Deux rencontres tenues/);

    await cap.getByLabel('Pourcentage').fill('80');
    await cap.getByLabel('Pourcentage').press('Tab');
    assert.match(await cap.getByRole('alert').innerText(), /Choisissez d'abord l'état d'avancement/);
    await cap.getByLabel('État d\'avancement').selectOption({ label: 'Réalisé' });
    await cap.getByLabel('Pourcentage').fill('100');
    await cap.getByLabel('Pourcentage').press('Tab');
    await cap.getByLabel('Commentaire').fill('Chaque école tient ses rencontres.');
    await cap.getByLabel('Commentaire').press('Tab');
    assert.equal(await cap.getByRole('alert').count(), 0);

    const measure = report.locator('li.measurement-entry').first();
    assert.match(await measure.locator('.previous').innerText(), /71,5\u00a0% \(juin 2026\)/);
    const value = measure.getByLabel('Valeur à cette date');
    await value.fill('beaucoup');
    await value.press('Tab');
    assert.match(await measure.getByRole('alert').innerText(), /^Valeur à cette date\u00a0: «\u00a0beaucoup\u00a0» ne se lit pas comme un pourcentage/);
    assert.deepEqual(await audit(page), []);
    await value.fill('79,7');
    await value.press('Tab');
    assert.equal(await measure.getByRole('alert').count(), 0);
    assert.equal(await value.inputValue(), '79,7\u00a0%');
    await screenshot(page, 'followup-reporting-1366');

    await report.getByRole('button', { name: 'Fermer ce suivi' }).click();
    assert.match(await report.locator('.confirm-box').innerText(), /verrouillés/);
    assert.deepEqual(await audit(page), []);
    await report.getByRole('button', { name: 'Fermer et verrouiller' }).click();
    assert.match(await report.locator('.report-head').innerText(), /Fermé/);
    assert.match(await report.getByRole('status').first().innerText(), /Ce suivi est fermé/);
    assert.equal(await cap.getByLabel('État d\'avancement').isDisabled(), true);
    assert.equal(await cap.getByLabel('Commentaire').isDisabled(), true);
    assert.equal(await value.isDisabled(), true);
    assert.equal(await report.locator('li.progress-entry :is(input, select, textarea):not([disabled])').count(), 0);
    assert.deepEqual(await audit(page), []);

    await page.reload();
    await page.waitForSelector('ul.checkpoint-list');
    assert.match(await list.innerText(), /Bilan de mi-année\s+10 décembre 2026\s+Fermé/);
    await page.getByRole('button', { name: 'Rapporter « Bilan de mi-année »' }).click();
    assert.equal(await cap.getByLabel('État d\'avancement').isDisabled(), true);
    assert.equal(await cap.getByLabel('Pourcentage').inputValue(), '100');
    assert.equal(await cap.getByLabel('Commentaire').inputValue(), 'Chaque école tient ses rencontres.');
    assert.equal(await value.inputValue(), '79,7\u00a0%');
    await screenshot(page, 'followup-closed-1366');

    await report.getByRole('button', { name: 'Rouvrir' }).click();
    assert.match(await report.locator('.confirm-box').innerText(), /déverrouillées.*volontairement/s);
    assert.deepEqual(await audit(page), []);
    await report.getByRole('button', { name: 'Rouvrir et déverrouiller' }).click();
    assert.equal(await cap.getByLabel('État d\'avancement').isDisabled(), false);
    assert.equal(await value.isDisabled(), false);

    await page.getByRole('link', { name: 'Moyens' }).click();
    await page.waitForSelector('table.actions-table');
    assert.match(await page.locator('table.actions-table thead').innerText(), /Bilan de mi-année \(10 décembre 2026\)/);
    assert.equal(await page.getByLabel(`État d'avancement — ${CAP} dans les équipes-écoles`).inputValue(), '2');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a checkpoint is renamed and moved to another date; saved without an edit it stays as it was', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${FILE_URL}#/suivi`);
    await saved(page);
    const stored = () => page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
    const before = await stored();
    const entry = page.locator('li.checkpoint-entry', { hasText: 'Bilan de fin d\'année' });
    const edit = page.getByRole('button', { name: 'Modifier «\u00a0Bilan de fin d\'année\u00a0»' });

    await edit.click();
    const form = entry.locator('form');
    assert.equal(await form.getByLabel('Nom du suivi').inputValue(), 'Bilan de fin d\'année');
    assert.equal(await form.getByLabel('Date', { exact: true }).inputValue(), '20 juin 2026');
    assert.deepEqual(await audit(page), []);
    await form.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal(await stored(), before, 'saved without an edit, the plan is unchanged');

    await edit.click();
    await form.getByLabel('Date', { exact: true }).fill('31 février 2027');
    await form.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    assert.match(await form.getByRole('alert').innerText(), /Date/);
    await form.getByLabel('Nom du suivi').fill('Bilan d\'hiver');
    await form.getByLabel('Date', { exact: true }).fill('2027-01-15');
    await screenshot(page, 'followup-checkpoint-edit-1366');
    await form.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    const list = page.locator('ul.checkpoint-list');
    await list.getByText('Bilan d\'hiver').waitFor();
    assert.match(await list.innerText(), /Bilan d'hiver\s+15 janvier 2027\s+Ouvert/);
    // One undo step puts back both the label and the date.
    await page.getByRole('button', { name: 'Défaire' }).click();
    await list.getByText('Bilan de fin d\'année').waitFor();
    assert.match(await list.innerText(), /Bilan de fin d'année\s+20 juin 2026/);
    await page.getByRole('button', { name: 'Refaire' }).click();
    await list.getByText('Bilan d\'hiver').waitFor();
    await page.waitForFunction(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`).includes('Bilan d\'hiver'));

    await page.reload();
    await list.getByText('Bilan d\'hiver').waitFor();
    assert.match(await list.innerText(), /Bilan d'hiver\s+15 janvier 2027/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`the follow-up reads in French and English at ${width}×${height}`, async () => {
    const b = await browser({ width, height });
    try {
      await open(b.page, `${FILE_URL}#/suivi`);
      const page = b.page;
      await page.waitForSelector('section.report');
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
      assert.ok(await fits(), 'no sideways scroll');
      await screenshot(page, `followup-fr-${width}`);
      await toEnglish(page);
      assert.match(await page.locator('section.report').innerText(), /Previous checkpoint|No previous checkpoint/);
      await page.locator('li.progress-entry').first().scrollIntoViewIfNeeded();
      assert.ok(await fits());
      assert.deepEqual(await audit(page), []);
      await screenshot(page, `followup-en-${width}`);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
}
