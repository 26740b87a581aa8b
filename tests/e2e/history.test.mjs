// Undo and redo across the page, with the buttons and with Ctrl+Z / Ctrl+Y; saves that
// happen on their own, show when, and survive an immediate reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, FILE_URL } from './support.mjs';

const SAMPLE = 'Plan d\'engagement vers la réussite 2023-2027';

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
