// Nothing the user had is lost: the export reminder, two tabs on one plan, an older
// copy of the page, a browser that refuses local storage or is full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, saved, FILE_URL, SAMPLE_TITLE } from './support.mjs';

// A page that opened the sample says it is saved only once it has stored it. After a
// change the same words may still show from before (the clock stands still, so even the
// time reads the same): a change is waited for in storage.
const stored = (page, title) => page.waitForFunction((t) => {
  const text = localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`);
  try { return JSON.parse(text).plan.title === t; } catch { return false; }
}, title);
// A tab opened on a stored plan holds the version stored, with nothing of its own to save.
const kept = (page) => page.locator('.save-state').getByText('Conservé dans ce navigateur').waitFor();

/** The sample plan saved in a first tab, then open in a second that holds it as stored. */
async function twoTabs(b) {
  const first = b.page;
  await open(first, `${FILE_URL}#/structure`);
  await saved(first);
  const second = await b.context.newPage();
  await open(second, `${FILE_URL}#/structure`);
  await kept(second);
  return { first, second };
}

test('the banner says when the plan was last exported and reminds once a day\'s changes are in no file', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    const keeping = page.locator('.keeping');
    assert.equal(await keeping.innerText(), "Ce plan n'existe que dans ce navigateur — dernière copie dans un fichier\u00a0: jamais");
    await page.getByLabel('Titre du plan').fill('PEVR — version de travail');
    await keeping.getByText('aucun fichier exporté').waitFor();
    assert.deepEqual(await audit(page), []);
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le plan (.json)' }).click()]);
    await keeping.getByText(/— dernière copie dans un fichier\s: \d+ \S+ \d{4} à \d+ h \d{2}$/).waitFor();
    await page.reload();
    await page.waitForSelector('main#contenu');
    assert.match(await keeping.innerText(), /dernière copie dans un fichier\s: \d/, 'kept beside the plan');
    assert.doesNotMatch(await keeping.innerText(), /aucun fichier/);
    // Changes of the same day as the copy: said by the date, not reminded yet.
    await page.getByLabel('Titre du plan').fill('PEVR — changé le jour de la copie');
    await saved(page);
    assert.doesNotMatch(await keeping.innerText(), /aucun fichier/);
    // The copy made two days ago: a day's changes are in no file, reminded.
    await page.evaluate(() => {
      const key = `jalon.v1.exported.${localStorage.getItem('jalon.v1.current')}`;
      const record = JSON.parse(localStorage.getItem(key));
      record.at = new Date(Date.parse(record.at) - 2 * 24 * 3600 * 1000).toISOString();
      localStorage.setItem(key, JSON.stringify(record));
    });
    await page.reload();
    await keeping.getByText('aucun fichier exporté').waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('two tabs: a save in one shows in the other, and unsaved changes are never silently overwritten', async () => {
  const b = await browser();
  try {
    const { first, second } = await twoTabs(b);

    await first.getByLabel('Titre du plan').fill('Titre écrit dans le premier onglet');
    await stored(first, 'Titre écrit dans le premier onglet');
    await second.getByRole('alert').getByText('modifié dans un autre onglet').waitFor();
    assert.equal(await second.getByLabel('Titre du plan').inputValue(), 'Titre écrit dans le premier onglet');

    // The second tab holds a change it could not save yet (its storage refuses for a
    // moment) when the first tab saves again.
    const conflictWith = async (mine, theirs) => {
      await second.evaluate(() => {
        window.realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.startsWith('jalon.v1.plans.')) throw new DOMException('occupé', 'QuotaExceededError');
          return window.realSetItem.call(this, key, value);
        };
      });
      await second.getByLabel('Titre du plan').fill(mine);
      await second.getByRole('alert').getByText('Non enregistré : le stockage de ce navigateur est plein').waitFor();
      await second.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
      await first.getByLabel('Titre du plan').fill(theirs);
      await second.locator('.conflict').waitFor();
      assert.match(await second.locator('.conflict').innerText(), /Rien n'est enregistré tant que vous n'avez pas choisi/);
      assert.equal(await second.getByLabel('Titre du plan').inputValue(), mine, 'its own change still shows');
    };

    await conflictWith('Titre du second onglet', 'Titre du premier onglet, encore');
    assert.deepEqual(await audit(second), []);
    await second.getByRole('button', { name: 'Garder la version de cette page' }).click();
    await first.getByRole('alert').getByText('modifié dans un autre onglet').waitFor();
    assert.equal(await first.getByLabel('Titre du plan').inputValue(), 'Titre du second onglet');

    await conflictWith('Brouillon du second onglet', 'Version retenue du premier onglet');
    await second.getByRole('button', { name: 'Prendre l\'autre version' }).click();
    assert.equal(await second.getByLabel('Titre du plan').inputValue(), 'Version retenue du premier onglet');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('two tabs: a tab that learns late of two saves in a row shows the last, with nothing to choose', async () => {
  const b = await browser();
  try {
    // The second tab's storage events wait until the test lets them through, one task
    // each, as in a tab busy elsewhere; its storage is up to date all the while.
    await b.context.addInitScript(() => {
      window.held = { on: false, events: [] };
      addEventListener('storage', (event) => {
        if (!window.held.on) return;
        event.stopImmediatePropagation();
        window.held.events.push({ key: event.key, oldValue: event.oldValue, newValue: event.newValue, url: event.url });
      }, true);
    });
    const { first, second } = await twoTabs(b);
    await second.evaluate(() => { window.held.on = true; });

    for (const title of ['Premier titre enregistré', 'Second titre enregistré']) {
      await first.getByLabel('Titre du plan').fill(title);
      await stored(first, title);
    }
    await second.waitForFunction(() => window.held.events.some((e) => e.key.startsWith('jalon.v1.plans.')
      && JSON.parse(e.newValue).plan.title === 'Second titre enregistré'));
    assert.equal(await second.getByLabel('Titre du plan').inputValue(), SAMPLE_TITLE);
    const count = await second.evaluate(() => { window.held.on = false; return window.held.events.length; });
    for (let i = 0; i < count; i++) {
      await second.evaluate((n) => {
        const e = window.held.events[n];
        dispatchEvent(new StorageEvent('storage', { ...e, storageArea: localStorage }));
      }, i);
    }
    await second.getByRole('alert').getByText('modifié dans un autre onglet').waitFor();
    assert.equal(await second.getByLabel('Titre du plan').inputValue(), 'Second titre enregistré');
    assert.equal(await second.locator('.conflict').count(), 0);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('an older copy of the page never overwrites what a newer one saved', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    // A newer page saved this plan last: the library says so.
    await page.evaluate(() => {
      const library = JSON.parse(localStorage.getItem('jalon.v1.library'));
      library[0].version = 99;
      localStorage.setItem('jalon.v1.library', JSON.stringify(library));
    });
    const before = await page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
    await page.getByLabel('Titre du plan').fill('Changement d\u2019une vieille copie');
    await page.getByRole('alert').getByText('Une version plus récente de Jalon a enregistré ce plan en dernier').waitFor();
    const after = await page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
    assert.equal(after, before);
  } finally {
    await b.close();
  }
});

test('a browser that refuses local storage still opens the page, says so, and exports', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await b.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('refusé', 'SecurityError'); } });
    });
    await open(page, `${FILE_URL}#/structure`);
    assert.match(await page.getByRole('alert').innerText(), /refuse le stockage local/);
    await page.getByLabel('Titre du plan').fill('Travail sans stockage');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le plan (.json)' }).click()]);
    assert.match(download.suggestedFilename(), /^travail-sans-stockage-/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a full local storage is said at once; the work stays on screen', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    await page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('jalon.v1.plans.')) throw new DOMException('plein', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.getByLabel('Titre du plan').fill('Travail après un stockage plein');
    await page.getByRole('alert').getByText('Non enregistré').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /stockage de ce navigateur est plein.*exportez le plan/s);
    await page.locator('.save-state').getByText('Non enregistré — stockage plein').waitFor();
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Travail après un stockage plein');
  } finally {
    await b.close();
  }
});
