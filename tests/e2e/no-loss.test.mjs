// Nothing the user had is lost, whatever goes wrong: a full storage, a plan that a newer
// version wrote, a switch of plans just after typing, a failed save, two tabs racing,
// damaged data set aside twice. What is asserted is what the user sees and what storage
// holds; nothing here waits for a fixed time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { browser, open, audit, saved, screenshot, storePlan, FILE_URL, ROOT } from './support.mjs';

const fixture = (name) => readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8');
const REGIONAL_ID = 'plan-region-est-2024-2025';
const title = (page) => page.getByLabel('Titre du plan');
/** The stored file of the plan open last, as text. */
const storedPlan = (page) => page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
const storedTitle = async (page) => JSON.parse(await storedPlan(page)).plan.title;

/** Another page, opened from a file like Jalon's, so sharing its storage. */
const blankPage = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'jalon-other-')), 'autre.html');
  writeFileSync(path, '<!doctype html><title>Autre page</title>');
  return path;
};

/** Fills local storage with other data until it takes no more; returns the keys used. */
const fill = (page) => page.evaluate(() => {
  const keys = [];
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      const key = `autre-page.${keys.length}`;
      try { localStorage.setItem(key, chunk); keys.push(key); } catch { break; }
    }
  }
  return keys;
});

test('a full storage is read: the user\'s plan opens, changes wait for room, then are saved', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    // The user builds on the sample: same id.
    await title(page).fill('Le plan de notre école');
    await saved(page);
    await page.waitForFunction(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`).includes('Le plan de notre école'));
    const filler = await fill(page);

    await page.reload();
    await page.waitForSelector('main#contenu');
    const alert = page.getByRole('alert');
    await alert.getByText('Le stockage de ce navigateur est plein').waitFor();
    assert.doesNotMatch(await alert.innerText(), /refuse/);
    assert.equal(await title(page).inputValue(), 'Le plan de notre école', 'the user\'s plan, not the sample');
    assert.deepEqual(await audit(page), []);

    await title(page).fill('Le plan de notre école, revu en décembre');
    await page.locator('.save-state').getByText('Non enregistré — stockage plein').waitFor();
    await screenshot(page, 'no-loss-full');
    assert.equal(await storedTitle(page), 'Le plan de notre école', 'nothing written while full');

    // Another page opened from a file (every such page shares this storage) makes room:
    // this one saves at once.
    const other = await b.context.newPage();
    await other.goto(pathToFileURL(blankPage()).href);
    await other.evaluate((keys) => keys.slice(0, 4).forEach((k) => localStorage.removeItem(k)), filler);
    await saved(page);
    assert.equal(await storedTitle(page), 'Le plan de notre école, revu en décembre');
    assert.deepEqual(b.errors.filter((e) => !/QuotaExceeded/.test(e)), []);
  } finally {
    await b.close();
  }
});

test('a failed save is retried when a plan is deleted, and is in storage when the tab closes', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await saved(page);
    // An older plan kept beside it.
    await page.evaluate(([text, id]) => localStorage.setItem(`jalon.v1.plans.${id}`, text), [fixture('plan-001-regional.json'), REGIONAL_ID]);
    await page.reload();
    await page.waitForSelector('main#contenu');
    await page.getByRole('button', { name: /^Supprimer « Plan/ }).first().waitFor();
    await fill(page);
    await title(page).fill('Changement fait pendant que le stockage est plein');
    await page.locator('.save-state').getByText('Non enregistré — stockage plein').waitFor();
    await page.getByRole('alert').getByText('seront enregistrées dès qu\'il y aura de la place').waitFor();

    const regional = JSON.parse(fixture('plan-001-regional.json')).plan.title;
    await page.getByRole('button', { name: `Supprimer « ${regional} »` }).click();
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await saved(page);
    await page.close({ runBeforeUnload: true });

    const again = await b.context.newPage();
    await open(again, `${FILE_URL}#/structure`);
    assert.equal(await title(again).inputValue(), 'Changement fait pendant que le stockage est plein');
    assert.equal(await storedTitle(again), 'Changement fait pendant que le stockage est plein');
  } finally {
    await b.close();
  }
});

test('a plan that a newer version saved, without a library entry, is never replaced by an older file', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await saved(page);
    const newer = fixture('plan-001-regional.json').replace('"version": 1,', '"version": 99,');
    assert.notEqual(newer, fixture('plan-001-regional.json'));
    await page.evaluate(([text, id]) => localStorage.setItem(`jalon.v1.plans.${id}`, text), [newer, REGIONAL_ID]);
    await page.reload();
    await page.waitForSelector('main#contenu');

    await page.locator('#import-file').setInputFiles(join(ROOT, 'tests/fixtures/plan-001-regional.json'));
    const preview = page.locator('.file-preview');
    await preview.getByText('par une version plus récente de Jalon').waitFor();
    assert.doesNotMatch(await preview.innerText(), /sera ajouté/);
    assert.deepEqual(await audit(page), []);
    await preview.getByRole('button', { name: 'Ajouter comme copie' }).click();
    await page.waitForURL(/#\/tableau-de-bord|#\/dashboard|#\//);
    await saved(page);
    const kept = await page.evaluate((id) => localStorage.getItem(`jalon.v1.plans.${id}`), REGIONAL_ID);
    assert.equal(kept, newer, 'the newer plan is byte for byte as it was');
    assert.match(await title(page).inputValue(), /\(copie\)$/);
  } finally {
    await b.close();
  }
});

test('an edit made just before « Ouvrir » on another plan is saved first', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await saved(page);
    const sampleId = await page.evaluate(() => localStorage.getItem('jalon.v1.current'));
    await page.evaluate(([text, id]) => localStorage.setItem(`jalon.v1.plans.${id}`, text), [fixture('plan-001-regional.json'), REGIONAL_ID]);
    await page.reload();
    await page.waitForSelector('main#contenu');
    const regional = JSON.parse(fixture('plan-001-regional.json')).plan.title;
    await page.getByRole('button', { name: `Ouvrir « ${regional} »` }).waitFor();

    // Typed, then « Ouvrir » in the same instant: no pause for the save to happen in.
    const before = await page.evaluate((name) => {
      const input = document.getElementById('plan-title');
      input.value = 'Tapé juste avant d\u2019ouvrir un autre plan';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const stored = localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`);
      [...document.querySelectorAll('button')].find((x) => x.getAttribute('aria-label') === `Ouvrir «\u00a0${name}\u00a0»`).click();
      return stored;
    }, regional);
    assert.doesNotMatch(before, /Tapé juste avant/, 'the edit was not saved before the click');
    await page.waitForFunction((t) => document.getElementById('plan-title')?.value === t, regional);
    const sample = await page.evaluate((id) => localStorage.getItem(`jalon.v1.plans.${id}`), sampleId);
    assert.equal(JSON.parse(sample).plan.title, 'Tapé juste avant d\u2019ouvrir un autre plan');
  } finally {
    await b.close();
  }
});

test('two tabs changing the same plan in the same instant: each race ends with the change kept or a choice shown', async () => {
  const b = await browser();
  try {
    const one = b.page;
    await open(one, `${FILE_URL}#/structure`);
    await saved(one);
    const two = await b.context.newPage();
    await open(two, `${FILE_URL}#/structure`);

    const state = async (page) => page.evaluate(() => ({
      title: document.getElementById('plan-title').value,
      conflict: !!document.querySelector('.conflict'),
      saved: /Enregistré|Conservé/.test(document.querySelector('.save-state').textContent),
      stored: JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)).plan.title,
    }));
    /** Polls until both tabs agree on what storage holds and each shows it or a choice. */
    const settled = async (expected) => {
      for (let tries = 0; tries < 600; tries++) {
        const [a, c] = [await state(one), await state(two)];
        const fine = (s) => (s.title === s.stored && s.saved && !s.conflict) || s.conflict;
        if (a.stored === c.stored && expected.includes(a.stored) && fine(a) && fine(c)) return [a, c];
        await one.waitForTimeout(25);
      }
      throw new Error(`the tabs never settled: ${JSON.stringify([await state(one), await state(two)])}`);
    };

    for (let race = 1; race <= 20; race++) {
      const mine = [`Onglet un, course ${race}`, `Onglet deux, course ${race}`];
      await Promise.all([title(one).fill(mine[0]), title(two).fill(mine[1])]);
      const [a, c] = await settled(mine);
      // The change not in storage is on screen beside a choice.
      for (const [tab, s, own] of [[one, a, mine[0]], [two, c, mine[1]]]) {
        if (s.stored !== own) {
          assert.ok(s.conflict, `race ${race}: the tab whose change is not stored shows the choice`);
          assert.equal(await title(tab).inputValue(), own, `race ${race}: its change is still on screen`);
        }
      }
      if (race === 1 && (a.conflict || c.conflict)) {
        const tab = a.conflict ? one : two;
        await screenshot(tab, 'no-loss-conflict');
        assert.deepEqual(await audit(tab), []);
      }
      // Resolved, alternately one way and the other, before the next race.
      for (const [tab, s] of [[one, a], [two, c]]) {
        if (!s.conflict) continue;
        const choice = race % 2 ? 'Garder la version de cette page' : 'Prendre l\'autre version';
        await tab.getByRole('button', { name: choice }).click();
      }
      for (let tries = 0; ; tries++) {
        const [x, y] = [await state(one), await state(two)];
        if (!x.conflict && !y.conflict && x.title === y.title && x.title === x.stored && x.saved && y.saved) break;
        if (tries > 600) throw new Error(`race ${race} never resolved: ${JSON.stringify([x, y])}`);
        await one.waitForTimeout(25);
      }
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('damaged data set aside twice keeps both copies, listed in « Mes plans » after a reload', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, FILE_URL);
    const first = '{"format": "jalon-plan", "version": 1, "plan": {"id": "plan-abime", "title": "Première copie abîmée"';
    const second = '{"format": "jalon-plan", "version": 1, "plan": {"id": "plan-abime", "title": "Seconde copie abîmée"';
    await storePlan(page, first, 'plan-abime');
    await page.reload();
    await page.getByRole('alert').getByText('mis de côté sans être modifié').waitFor();
    await storePlan(page, second, 'plan-abime');
    await page.reload();
    await page.getByRole('alert').getByText('mis de côté sans être modifié').waitFor();

    const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.')).map((k) => localStorage.getItem(k)).sort());
    assert.deepEqual(copies, [first, second].sort(), 'both copies, byte for byte');

    await page.reload();
    await page.waitForSelector('main#contenu');
    await page.goto(`${FILE_URL}#/plans`);
    const list = page.locator('.set-aside');
    await list.getByText('Données mises de côté').waitFor();
    assert.equal(await list.getByRole('button', { name: /^Télécharger/ }).count(), 2);
    assert.deepEqual(await audit(page), []);
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: /^Télécharger/ }).first().click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok([first, second].includes(text), 'a copy downloads as it was kept');

    await list.getByRole('button', { name: /^Supprimer/ }).first().click();
    await list.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.set-aside button').length === 2);
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.')).length);
    assert.equal(left, 1);
  } finally {
    await b.close();
  }
});

// Issue 26, item 5: a compact plan whose length field said 2³¹ or more stopped the
// module at start-up (a blank page on every reload), or on « Ouvrir » when it was not the
// plan open last.
const COMPACT_BODY = '\u1000'.repeat(12);
const hugeLength = (length) => `jalon-deflate-1:${length}:${COMPACT_BODY}`;

test('a stored compact plan whose length is 2³¹ or more is set aside at start-up, and the page starts', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, FILE_URL);
    for (const length of ['2147483648', '4294967296', '18446744073709551615']) {
      await storePlan(page, hugeLength(length), 'plan-compact-abime');
      await page.reload();
      const alert = page.getByRole('alert');
      await alert.getByText('mis de côté sans être modifié').waitFor();
      assert.match(await alert.innerText(), /Les données compactées de ce plan sont abîmées/);
      await page.locator('main#contenu h1').waitFor();
      const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.plan-compact-abime.')).map((k) => localStorage.getItem(k)));
      assert.ok(copies.includes(hugeLength(length)), `length ${length}: kept as it was`);
      assert.equal(await page.evaluate(() => localStorage.getItem('jalon.v1.plans.plan-compact-abime')), null);
    }
    await page.goto(`${FILE_URL}#/plans`);
    await page.locator('.set-aside').getByText('Données mises de côté').waitFor();
    assert.equal(await page.locator('.set-aside').getByRole('button', { name: /^Télécharger/ }).count(), 3);
  } finally {
    await b.close();
  }
});

test('a stored compact plan whose length is 2³¹, opened from « Mes plans », is set aside and offered', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, FILE_URL);
    await saved(page);
    await page.evaluate((text) => localStorage.setItem('jalon.v1.plans.plan-compact-abime', text), hugeLength('2147483648'));
    await page.goto(`${FILE_URL}#/plans`);
    await page.reload();
    const entry = page.locator('.library > .plan-list > .plan-entry').filter({ hasText: 'plan-compact-abime' });
    await entry.getByRole('button', { name: /^Ouvrir/ }).click();
    await page.getByRole('alert').getByText('mis de côté sans être modifié').waitFor();
    await page.getByRole('alert').getByRole('button', { name: /^Télécharger/ }).waitFor();
    await page.locator('.set-aside').getByText('Données mises de côté').waitFor();
    await entry.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.library h1').innerText(), 'Mes plans dans ce navigateur', 'the page is still there');
    const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(copies, [hugeLength('2147483648')]);
  } finally {
    await b.close();
  }
});

test('a plan file saved as Windows-1252 is refused with how to save it as UTF-8; a byte-order mark is accepted', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await saved(page);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    // What an editor saving as « ANSI » writes: one byte per accented letter.
    const text = fixture('plan-001-regional.json').replace(/[^\u0000-\u00ff]/g, '?');
    await page.locator('#import-file').setInputFiles({ name: 'plan-ansi.json', mimeType: 'application/json', buffer: Buffer.from(text, 'latin1') });
    const refused = page.locator('.file-refused');
    await refused.getByText('n\'est pas enregistré en UTF-8').waitFor();
    assert.match(await refused.innerText(), /ligne \d+, colonne \d+/);
    assert.match(await refused.innerText(), /Windows-1252/);
    assert.match(await refused.innerText(), /Enregistrer sous, Encodage\u00a0: UTF-8/);
    assert.doesNotMatch(await refused.innerText(), /\ufffd/);
    assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before, 'storage unchanged');
    assert.deepEqual(await audit(page), []);

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture('plan-001-regional.json'), 'utf8')]);
    await page.locator('#import-file').setInputFiles({ name: 'plan-bom.json', mimeType: 'application/json', buffer: bom });
    await page.locator('.file-preview').getByText('Ce plan sera ajouté').waitFor();
  } finally {
    await b.close();
  }
});
