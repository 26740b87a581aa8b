// One complete journey with the keyboard alone: Tab, Shift+Tab, arrows, Enter and
// Space, no mouse. Each step moves focus the way a keyboard user would and checks
// where it landed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, FILE_URL } from './support.mjs';

/** Presses Tab until the focused element matches `describe`d text, or fails. */
async function tabTo(page, matches, { limit = 80, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(() => {
      const e = document.activeElement;
      const label = e.labels?.[0]?.innerText ?? '';
      return `${e.tagName} ${e.getAttribute('aria-label') ?? ''} ${label} ${e.innerText ?? ''} ${e.value ?? ''}`.replace(/\s+/g, ' ');
    });
    if (matches.test(here)) return here;
  }
  throw new Error(`no focusable element matching ${matches} within ${limit} presses`);
}

test('keyboard only: create a plan from a template and write its first elements', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, FILE_URL);
    // The first Tab reaches the skip link, which leads to the content.
    await page.keyboard.press('Tab');
    assert.match(await page.evaluate(() => document.activeElement.innerText), /Aller au contenu/);

    await tabTo(page, /^A Mes plans/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mes plans dans ce navigateur' }).waitFor();

    await tabTo(page, /^INPUT Titre/);
    await page.keyboard.type('Plan des partenaires du Haut-Lac');
    await tabTo(page, /^INPUT .*Plan d'engagement vers la réussite/);
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByLabel(/Plan d'action régional de partenaires/).isChecked(), 'the arrow chose the next template');
    await tabTo(page, /^BUTTON .*Créer le plan/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Structure/ }).first().waitFor();
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Plan des partenaires du Haut-Lac');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
