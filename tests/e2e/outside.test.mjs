// Elements the tree cannot reach (a parent missing, a parent cycle) stay within the
// user's reach: the structure screen lists them with the check's sentence and puts each
// back into the tree, with all it holds, for good.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, storePlan, FILE_URL, ROOT } from './support.mjs';

const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');

/** The PEVR fixture with some elements' parents changed: `{ id: parent }`. */
function damaged(parents) {
  const file = JSON.parse(PEVR);
  for (const element of file.plan.elements) {
    if (element.id in parents) element.parent = parents[element.id];
  }
  return JSON.stringify(file);
}

async function withStored(text, run) {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/structure`);
    await storePlan(b.page, text);
    await reload(b.page);
    // The stored plan is the one shown: were it not, the failure says so here.
    const title = JSON.parse(text).plan.title;
    await b.page.waitForFunction((t) => document.getElementById('plan-title')?.value === t, title, { timeout: 10_000 })
      .catch(async () => assert.fail(`the page shows « ${await b.page.locator('#plan-title').inputValue()} », not the stored plan; current is ${await b.page.evaluate(() => localStorage.getItem('jalon.v1.current'))}`));
    await run(b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('main#contenu h1');
}

const section = (page) => page.getByRole('region', { name: "Éléments hors de l'arbre" });
const listed = (page) => section(page).getByRole('heading', { level: 3 }).allInnerTexts();

test('two elements in a parent cycle are listed once with the finding, and either member put back brings both', async () => {
  await withStored(damaged({ 'enjeu-2': 'orientation-2-1' }), async ({ page }) => {
    await section(page).waitFor();
    assert.deepEqual(await listed(page), ['Enjeu — Des milieux où chacun se sent bien'], 'the cycle, by its first member');
    const items = await section(page).getByRole('listitem').allInnerTexts();
    assert.equal(items.length, 1);
    assert.match(items[0], /parents les uns des autres en boucle \(enjeu-2 → orientation-2-1 → enjeu-2\)\u00a0: ni eux/);
    assert.match(items[0], /2 éléments en dessous reviennent avec lui\./);
    assert.equal(await page.locator('.tree #el-enjeu-2').count(), 0, 'not in the tree');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'outside-cycle-1366');

    const item = section(page).getByRole('listitem').first();
    const which = item.getByLabel('Élément à remettre');
    assert.deepEqual(await which.locator('option').allInnerTexts(),
      ['Enjeu — Des milieux où chacun se sent bien', 'Orientation — Offrir un milieu de travail stimulant où chaque membre du personnel se sent reconnu']);
    assert.deepEqual(await item.getByLabel('Remettre sous').locator('option').allInnerTexts(), ['Au premier niveau']);
    // The orientation would go under an enjeu of the tree: the places follow the member chosen.
    await which.selectOption({ index: 1 });
    await page.waitForFunction(() => document.querySelector('.outside-tree select[id^="put-back-enjeu"] option')?.textContent.startsWith('Enjeu 1'));
    await which.selectOption({ index: 0 });
    await page.waitForFunction(() => document.querySelector('.outside-tree select[id^="put-back-enjeu"] option')?.textContent === 'Au premier niveau');
    await item.getByRole('button', { name: "Remettre dans l'arbre" }).click();
    await page.locator('.tree #el-enjeu-2 #el-orientation-2-1 #el-objectif-6').waitFor();
    await section(page).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'edit-enjeu-2');

    await reload(page);
    await page.locator('.tree #el-enjeu-2 #el-orientation-2-1 #el-objectif-6').waitFor();
    assert.equal(await section(page).count(), 0);
    assert.match(await page.getByRole('heading', { name: /^Enjeu 2 — Des milieux/ }).innerText(), /Enjeu 2/);
  });
});

/** The PEVR fixture with `n` orientations in one ring: ring-0 under ring-1, …, ring-(n-1) under ring-0. */
function ring(n) {
  const file = JSON.parse(PEVR);
  for (let i = 0; i < n; i++) {
    file.plan.elements.push({ id: `ring-${i}`, level: 1, parent: `ring-${(i + 1) % n}`, title: `Maillon ${i}` });
  }
  return JSON.stringify(file);
}

// Issue 26, item 6: each element of a ring of 1 021 listed its own « Remettre sous »
// list, each worked out from the whole plan again: Structure froze for minutes.
test('a ring of 1 021 elements is one entry whose lists grow with the ring, and it goes back into the tree', async () => {
  await withStored(ring(1021), async ({ page }) => {
    await section(page).waitFor();
    assert.deepEqual(await listed(page), ['Orientation — Maillon 0']);
    const item = section(page).getByRole('listitem');
    assert.match(await item.locator('.finding').innerText(), /^Ces éléments sont parents les uns des autres en boucle \(ring-0 → ring-1 → ring-2 → .* → ring-1020 → ring-0\)/);
    assert.match(await item.innerText(), /1\u00a0020 éléments en dessous reviennent avec lui\./);
    assert.equal(await item.getByLabel('Élément à remettre').locator('option').count(), 1021);
    assert.deepEqual(await item.getByLabel('Remettre sous').locator('option').allInnerTexts(),
      ['Enjeu 1 — Un cheminement réussi pour chaque élève', 'Enjeu 2 — Des milieux où chacun se sent bien']);
    assert.equal(await section(page).locator('option').count(), 1021 + 2, 'one list of each, not one per element');
    await screenshot(page, 'outside-ring-1366');

    await item.getByLabel('Élément à remettre').selectOption({ label: 'Orientation — Maillon 1020' });
    await item.getByLabel('Remettre sous').selectOption({ label: 'Enjeu 2 — Des milieux où chacun se sent bien' });
    await item.getByRole('button', { name: "Remettre dans l'arbre" }).click();
    await section(page).waitFor({ state: 'detached' });
    // A plan this large starts folded.
    await page.locator('#el-enjeu-2').getByRole('button', { name: 'Déplier' }).first().click();
    await page.locator('.tree #el-enjeu-2 #el-ring-1020').waitFor();
    // Kept so (compactly: the plan is over 100 000 characters).
    await saved(page);
    await reload(page);
    await page.locator('#el-enjeu-2').getByRole('button', { name: 'Déplier' }).first().click();
    await page.locator('.tree #el-enjeu-2 #el-ring-1020').waitFor();
    assert.equal(await section(page).count(), 0);
  });
});

test('elements under missing parents are listed, the screen never says the plan is empty, and each goes back where chosen', async () => {
  const text = damaged({ 'enjeu-1': 'enjeu-disparu', 'enjeu-2': 'enjeu-disparu', 'orientation-1-2': 'orientation-absente' });
  await withStored(text, async ({ page }) => {
    await section(page).waitFor();
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /aucun élément\./, 'the plan has elements');
    assert.match(main, /Aucun élément n'est rattaché au premier niveau\./);
    const items = await section(page).getByRole('listitem').allInnerTexts();
    assert.equal(items.length, 3);
    assert.match(items[0], /^Enjeu — Un cheminement réussi[\s\S]*Son parent « enjeu-disparu » n'existe pas dans le plan\.[\s\S]*5 éléments en dessous/);
    assert.match(items[1], /^Orientation — Développer les compétences[\s\S]*« orientation-absente » n'existe pas/);
    assert.match(items[2], /^Enjeu — Des milieux[\s\S]*« enjeu-disparu »/);
    assert.deepEqual(await audit(page), []);

    // The orientation has nowhere to go yet: no enjeu is in the tree.
    const orientation = section(page).getByRole('listitem').filter({ hasText: 'Développer les compétences' });
    assert.match(await orientation.innerText(), /Aucun élément de l'arbre n'est au niveau juste au-dessus du sien/);
    await section(page).getByRole('listitem').first().getByRole('button', { name: "Remettre dans l'arbre" }).click();
    await page.locator('.tree #el-enjeu-1 #el-objectif-4').waitFor();

    await orientation.getByLabel('Remettre sous').selectOption({ label: 'Enjeu 1 — Un cheminement réussi pour chaque élève' });
    await screenshot(page, 'outside-missing-1366');
    await orientation.getByRole('button', { name: "Remettre dans l'arbre" }).click();
    await page.locator('.tree #el-enjeu-1 #el-orientation-1-2 #el-objectif-5').waitFor();

    await reload(page);
    await page.locator('.tree #el-enjeu-1 #el-orientation-1-2 #el-objectif-5').waitFor();
    assert.deepEqual(await listed(page), ['Enjeu — Des milieux où chacun se sent bien']);
    assert.deepEqual(await audit(page), []);
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    assert.match(await page.locator('section.checks').innerText(), /« enjeu-disparu » n'existe pas dans le plan/);
  });
});
