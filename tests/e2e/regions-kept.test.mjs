// The list of regional views as local storage keeps it, shared by every page opened
// from a file: a view a later page wrote and an entry no page can read hide none of the
// other views; what could not be read is set aside whole, said with its key, and still
// there byte for byte once a view is created; the later page's view is written back as
// it came.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, saved, screenshot, FILE_URL, toEnglish } from './support.mjs';

const KEY = 'jalon.v1.regions';
const ASIDE = 'jalon.v1.unreadable-regions.';

const GOOD = '{"id":"region-ouest","name":"Partenariat de l\'Ouest","plans":[]}';
// A field this page does not know, spaced as this page never writes.
const LATER = '{ "id": "region-est", "name": "Table régionale de l\'Est", "plans": [], "couleur": "bleu" }';

/** Opens the page, puts `text` under the views' key, and opens « Régions ». */
async function regionsWith(page, text) {
  await open(page, FILE_URL);
  await saved(page);
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
  await open(page, `${FILE_URL}#/regions`);
  await page.locator('h1', { hasText: 'Vues régionales' }).waitFor();
}

/** What storage holds under the keys of lists set aside, by key. */
async function setAside(page) {
  return page.evaluate((prefix) => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)])), ASIDE);
}

/** Creates a view following the open plan; back on « Régions » once it shows. */
async function createView(page, name) {
  await page.getByLabel('Nom de la vue').fill(name);
  await page.locator('.new-view input[type=checkbox]').first().check();
  await page.getByRole('button', { name: 'Créer la vue' }).click();
  await page.locator('h1', { hasText: name }).waitFor();
  await open(page, `${FILE_URL}#/regions`);
  await page.locator('.plan-name', { hasText: name }).waitFor();
}

test('an entry no page reads and a later page\'s view: the other views show, the list is set aside, the later view kept', async () => {
  const { page, close } = await browser();
  try {
    const planted = `[${GOOD},${LATER},42]`;
    await regionsWith(page, planted);
    const notice = page.locator('.views-aside');
    await notice.waitFor();
    const said = await notice.innerText();
    assert.match(said, /1 vue sur 3 de la liste des vues régionales n'a pas pu être lue \(rang 3\)\u00a0: la liste \(\d+ caractères\) est mise de côté telle quelle sous la clé «\u00a0jalon\.v1\.unreadable-regions\.[0-9a-f]{16}\u00a0» du stockage local/);
    const names = await page.locator('.regions .plan-name').allInnerTexts();
    assert.deepEqual(names, ['Partenariat de l\'Ouest', 'Table régionale de l\'Est']);
    const later = page.locator('.plan-entry', { hasText: 'Table régionale de l\'Est' });
    assert.match(await later.innerText(), /Créée par une version plus récente de Jalon\u00a0: gardée telle quelle/);
    assert.equal(await later.getByRole('button', { name: /Ouvrir/ }).count(), 0, 'a later page\'s view is not opened here');
    assert.equal(await page.getByRole('button', { name: /^Ouvrir «\sPartenariat de l'Ouest\s»$/ }).count(), 1);
    await screenshot(page, 'regions-entry-set-aside');

    const aside = await setAside(page);
    assert.deepEqual(Object.values(aside), [planted], 'set aside as soon as it was read');
    const key = Object.keys(aside)[0];
    assert.ok(said.includes(key), 'the notice names the key');

    await createView(page, 'Vue du Nord');
    assert.deepEqual(await setAside(page), aside, 'the copy set aside is still there, byte for byte');
    const list = await page.evaluate((k) => localStorage.getItem(k), KEY);
    assert.ok(list.startsWith(`[${GOOD},${LATER},{"id":"region-`), list);
    assert.ok(!list.includes(',42'), 'the entry set aside is not written again');
    assert.deepEqual(await page.locator('.regions .plan-name').allInnerTexts(),
      ['Partenariat de l\'Ouest', 'Table régionale de l\'Est', 'Vue du Nord']);
    assert.equal(await page.locator('.views-aside').count(), 1, 'still said after the list was written');

    await toEnglish(page);
    assert.match(await page.locator('.views-aside').innerText(),
      /^1 view of the 3 in the list of regional views could not be read \(position 3\): the list \(\d+ characters\) is set aside as it was under the local storage key “jalon\.v1\.unreadable-regions\.[0-9a-f]{16}”/);
    assert.match(await later.innerText(), /Made by a later version of Jalon: kept as it is/);
  } finally {
    await close();
  }
});

test('a list no page reads: said, set aside, and a new view never writes over it', async () => {
  const { page, close } = await browser();
  try {
    const planted = `[${GOOD},{"id":"region-sud","na`;
    await regionsWith(page, planted);
    const notice = page.locator('.views-aside');
    await notice.waitFor();
    assert.match(await notice.innerText(),
      /^La liste des vues régionales de ce navigateur n'a pas pu être lue\u00a0: son texte \(\d+ caractères\) est mis de côté tel quel sous la clé «\u00a0jalon\.v1\.unreadable-regions\.[0-9a-f]{16}\u00a0»/);
    await page.getByText('Aucune vue régionale pour l\'instant.').waitFor();
    await screenshot(page, 'regions-list-set-aside');

    await createView(page, 'Vue du Nord');
    assert.deepEqual(Object.values(await setAside(page)), [planted], 'byte for byte');
    assert.deepEqual(await page.locator('.regions .plan-name').allInnerTexts(), ['Vue du Nord']);

    // Deleted only when the user asks, after a question.
    await notice.getByRole('button', { name: 'Supprimer' }).click();
    await notice.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.locator('.views-aside').waitFor({ state: 'detached' });
    assert.deepEqual(await setAside(page), {});
  } finally {
    await close();
  }
});
