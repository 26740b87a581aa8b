// Undo and redo across the page, with the buttons and with Ctrl+Z / Ctrl+Y; saves that
// happen on their own, show when, and survive an immediate reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, storePlan, FILE_URL, ROOT, SAMPLE_TITLE as SAMPLE } from './support.mjs';


test('a burst of typing is undone and redone as one step, by button and by keyboard', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    const title = page.getByLabel('Titre du plan');
    const undo = page.getByRole('button', { name: 'Défaire' });
    const redo = page.getByRole('button', { name: 'Refaire' });
    assert.ok(await undo.isDisabled(), 'nothing to undo yet');
    await title.focus();
    await page.keyboard.press('End');
    await title.pressSequentially(' — révisé');
    assert.equal(await title.inputValue(), `${SAMPLE} — révisé`);
    await page.getByRole('status').filter({ hasText: 'Enregistré dans ce navigateur à' }).waitFor();
    assert.match(await page.locator('.save-state').innerText(), /à \d{1,2} h \d{2}$/);

    await undo.click();
    assert.equal(await title.inputValue(), SAMPLE, 'the whole burst is undone');
    await redo.click();
    assert.equal(await title.inputValue(), `${SAMPLE} — révisé`);

    // From the keyboard, away from any text field.
    await page.locator('main').focus();
    await page.keyboard.press('Control+z');
    assert.equal(await title.inputValue(), SAMPLE);
    await page.keyboard.press('Control+y');
    assert.equal(await title.inputValue(), `${SAMPLE} — révisé`);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await audit(page), []);

    await page.reload();
    await page.waitForSelector('main#contenu');
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), SAMPLE, 'the undone state is what was kept');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a change followed at once by a reload is kept', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await page.getByLabel('Titre du plan').fill('Plan gardé malgré un rechargement immédiat');
    await page.reload();
    await page.waitForSelector('main#contenu');
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Plan gardé malgré un rechargement immédiat');
  } finally {
    await b.close();
  }
});

test('when undo has gone back as far as its memory keeps, « Défaire » is disabled and says why', async () => {
  // 25 000 actions: each snapshot weighs more than half of undo's budget, so only the
  // latest step is kept.
  const file = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8'));
  for (let i = 0; i < 25000; i += 1) file.plan.actions.push({ id: `lourd-${i}`, title: `Moyen ${i}`, objectives: [] });
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await storePlan(page, JSON.stringify(file));
    await page.reload();
    await page.locator('article.objective').first().waitFor();
    const undo = page.getByRole('button', { name: 'Défaire' });
    const ends = page.getByText('Les modifications plus anciennes ne sont plus gardées.');

    const title = page.getByLabel('Titre du plan');
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (lourd)');
    await page.waitForFunction(() => !document.querySelector('.history button').disabled);
    assert.equal(await ends.count(), 0, 'everything is still kept');
    // A change from another place is a second step; the first is forgotten.
    await page.getByRole('group', { name: /^Enjeu 1 — / }).getByRole('button', { name: 'Descendre' }).click();
    await page.getByRole('heading', { name: /^Enjeu 2 — Un cheminement/ }).waitFor();
    assert.equal(await ends.count(), 0, 'undo still has a step');

    await undo.click();
    await page.getByRole('heading', { name: /^Enjeu 1 — Un cheminement/ }).waitFor();
    await ends.waitFor();
    assert.ok(await undo.isDisabled());
    assert.equal(await title.inputValue(), 'Plan d\'engagement vers la réussite 2023-2027 (lourd)', 'the title typed stays: its step was forgotten');
    assert.equal(await undo.getAttribute('aria-describedby'), await ends.getAttribute('id'));
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'history-ends');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
