// The structure screen and an objective's page, as a coordinator uses them: add, edit,
// reorder, move and delete elements of the tree, rename its levels, and read and edit
// an objective on its own page. Every change is checked on screen, after a reload, and
// with the accessibility audit in each state reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, open, audit, screenshot, FILE_URL, toEnglish } from './support.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ORIENTATION_SAFE = /^Orientation 2 — Faire de chaque école un lieu sûr et accueillant/;
const OBJECTIVE_1 = /^Objectif 1 — D'ici juin 2029, augmenter la proportion d'élèves qui lisent/;

/** The buttons of the element whose heading matches `name`. */
const tools = (page, name) => page.getByRole('group', { name });

async function reload(page) {
  await page.reload();
  await page.waitForSelector('main#contenu');
}

async function objectiveTitles(page, within) {
  return page.locator(`${within} article.objective h4`).allInnerTexts();
}

async function withStructure(run, options) {
  const b = await browser(options);
  try {
    await open(b.page, `${FILE_URL}#/structure`);
    await b.page.locator('article.objective').first().waitFor();
    await run(b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

test('an objective is added, its code typed then automatic again, its deadline and SMART statement kept', async () => {
  await withStructure(async ({ page }) => {
    await tools(page, ORIENTATION_SAFE).getByRole('button', { name: 'Ajouter : Objectif' }).click();
    await page.getByLabel('Objectif — titre').fill('Réduire les retards à l\u2019arrivée en classe');
    assert.deepEqual(await audit(page), [], 'the add form');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    const added = page.getByRole('heading', { name: 'Objectif 2.2 — Réduire les retards à l\u2019arrivée en classe' });
    await added.waitFor();

    await tools(page, /^Objectif 2\.2 — /).getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Code').fill('6');
    await page.getByLabel('Échéance').fill('fin juin 2026');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    assert.match(await page.locator('.help.error').innerText(), /^Échéance\u00a0: «\u00a0fin juin 2026\u00a0» ne se lit pas comme une date/);
    assert.equal(await page.getByLabel('Échéance').getAttribute('aria-invalid'), 'true');
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-deadline'));
    await page.getByLabel('Échéance').fill('2026-06');
    assert.match(await page.locator('.element-form').innerText(), /Sera affichée\s: juin 2026/);
    await page.getByLabel('Énoncé SMART').fill('Passer de 12 % à 6 % d\u2019arrivées tardives d\u2019ici juin 2026.');
    assert.deepEqual(await audit(page), [], 'the edit form');
    await screenshot(page, 'structure-edit-form-1366');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const typed = page.locator('article.objective', { has: page.getByRole('heading', { name: /^Objectif 6 — Réduire/ }) });
    await typed.waitFor();
    assert.match(await typed.innerText(), /Échéance\s+juin 2026/);
    assert.match(await typed.innerText(), /Passer de 12 % à 6 %/);

    await reload(page);
    await typed.waitFor();
    await tools(page, /^Objectif 6 — /).getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Code').fill('');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await added.waitFor();
    await reload(page);
    await added.waitFor();
    assert.equal(await page.locator('article.objective').count(), 6);
    assert.deepEqual(await audit(page), []);
  });
});

test('objectives are reordered and moved under another orientation, and stay there', async () => {
  await withStructure(async ({ page }) => {
    await tools(page, OBJECTIVE_1).getByRole('button', { name: 'Descendre' }).click();
    await page.waitForFunction(() => document.querySelector('#el-orientation-1-1 article.objective h4')?.innerText.startsWith('Objectif 2'));
    await page.waitForFunction(() => document.activeElement?.id === 'down-objectif-1'); // focus stays on the button

    await tools(page, /^Objectif 3 — /).getByRole('button', { name: 'Déplacer…' }).click();
    const parent = page.getByLabel('Déplacer sous');
    await parent.selectOption({ label: 'Orientation 2 — Faire de chaque école un lieu sûr et accueillant' });
    assert.deepEqual(await audit(page), [], 'the move form');
    await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
    await page.locator('#el-orientation-2-2 #el-objectif-3').waitFor();

    for (const when of ['before', 'after']) {
      if (when === 'after') await reload(page);
      assert.deepEqual((await objectiveTitles(page, '#el-orientation-1-1')).map((t) => t.slice(0, 10)), ['Objectif 2', 'Objectif 1'], when);
      assert.deepEqual((await objectiveTitles(page, '#el-orientation-2-2')).map((t) => t.slice(0, 10)), ['Objectif 5', 'Objectif 3'], when);
    }
    assert.deepEqual(await audit(page), []);
  });
});

test('deleting an orientation says what goes with it, in the plan\u2019s words, before it goes', async () => {
  await withStructure(async ({ page }) => {
    const orientation = tools(page, /^Orientation 1 — Soutenir chaque élève/);
    await orientation.getByRole('button', { name: 'Supprimer' }).click();
    const confirm = page.locator('.delete-confirm');
    const said = await confirm.innerText();
    assert.match(said, /Supprimer Orientation 1 — Soutenir chaque élève.*\s\?/);
    assert.match(said, /Cette suppression emporte aussi\s: 3 objectifs, 4 indicateurs\s; 4 moyens perdront un lien \(4 resteront sans aucun lien\)\./);
    assert.deepEqual(await audit(page), [], 'the confirmation');
    await screenshot(page, 'structure-delete-1366');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    assert.equal(await page.locator('article.objective').count(), 5, 'cancelling keeps everything');

    await orientation.getByRole('button', { name: 'Supprimer' }).click();
    await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.locator('#el-orientation-1-1').waitFor({ state: 'detached' });
    assert.equal(await page.locator('article.objective').count(), 2);
    await reload(page);
    assert.equal(await page.locator('article.objective').count(), 2);
    assert.match(await page.locator('main').innerText(), /Enjeu 1 — La réussite de chaque élève/);

    await tools(page, /^Objectif 5 — /).getByRole('button', { name: 'Supprimer' }).click();
    assert.match(await confirm.innerText(), /1 indicateur\s; 1 moyen perdra un lien \(1 restera sans aucun lien\)\./);
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    assert.match(await page.locator('section.checks').innerText(), /Vérifications \(4\)/, 'the actions left without objective are reported');
  });
});

test('the plan\u2019s own names for its levels and actions are shown everywhere once saved', async () => {
  await withStructure(async ({ page }) => {
    await page.locator('#level-name-0-s').fill('Axe');
    await page.locator('#level-name-0-p').fill('Axes');
    await page.locator('#level-name-3-s').fill('Activité');
    await page.locator('#level-name-3-p').fill('Activités');
    await page.getByRole('button', { name: 'Enregistrer les noms' }).click();
    await page.getByRole('status').filter({ hasText: 'Noms enregistrés.' }).waitFor();
    assert.deepEqual(await audit(page), []);
    await reload(page);
    await page.getByRole('heading', { name: /^Axe 2 — Des milieux de vie/ }).waitFor();
    await page.getByRole('link', { name: 'Activités' }).waitFor();
    assert.match(await page.locator('.structure > .help').innerText(), /Axes → Orientations → Objectifs → Activités\./);
    assert.match(await page.locator('#el-objectif-1').innerText(), /Activités\s+2 — En cours\s: 1 · Réalisé\s: 1 — Bilan de fin d'année \(20 juin 2026\)/);
    assert.equal(await page.locator('#level-name-0-s').inputValue(), 'Axe');
  });
});

test('served: an objective\u2019s page shows where it sits, its facts, indicators and actions, and edits its SMART statement', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${server.url}#/structure`);
    await page.getByRole('link', { name: /^Objectif 3 — / }).click();
    await page.getByRole('heading', { level: 1, name: /^Objectif 3 — D'ici juin 2029, hausser le taux de diplomation/ }).waitFor();
    const crumbs = await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('listitem').allInnerTexts();
    assert.deepEqual(crumbs.map((c) => c.replace(/^› /, '').slice(0, 24)), ['Structure', 'Enjeu 1 — La réussite de', 'Orientation 1 — Soutenir']);
    const main = page.locator('main');
    const text = await main.innerText();
    assert.match(text, /Échéance\s+juin 2029/);
    assert.match(text, /Atteindre un taux de diplomation et de qualification de 86 %/);
    const indicators = await page.locator('table.indicators').innerText();
    assert.match(indicators, /Tous les élèves\s+80,5\s% \(juin 2025\)\s+86\s% \(2029\)\s+82,1\s% \(juin 2026\)\s+En bonne voie/);
    assert.match(indicators, /Garçons\s+74\s% \(juin 2025\)\s+81\s% \(2029\)\s+—\s+Non mesuré/);
    const actions = await page.locator('table.actions').innerText();
    assert.match(actions, /État d'avancement — Bilan de fin d'année \(20 juin 2026\)/);
    assert.match(actions, /Relancer les élèves qui ont quitté sans diplôme[\s\S]*En cours · 25\s%/);
    assert.match(actions, /Mettre en place des communautés d'apprentissage/, 'an action shared with other objectives');
    assert.equal(await page.getByRole('link', { name: 'Indicateurs du plan' }).getAttribute('href'), '#/indicateurs');
    assert.equal(await page.getByRole('link', { name: 'Moyens du plan' }).getAttribute('href'), '#/actions');
    assert.deepEqual(await audit(page), [], 'the page');
    await screenshot(page, 'objective-1366');

    await page.getByRole('button', { name: /^Modifier l'échéance/ }).click();
    const smart = page.getByLabel('Énoncé SMART');
    // Focus goes to the statement once the form is drawn.
    await page.waitForFunction(() => document.activeElement.id === 'objective-form-objectif-3-smart');
    await smart.fill('Atteindre 86 % en sept ans, et 81 % chez les garçons, d\u2019ici juin 2027.');
    assert.deepEqual(await audit(page), [], 'the form on the page');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await reload(page);
    assert.match(await main.locator('dd.smart').innerText(), /^Atteindre 86 % en sept ans, et 81 % chez les garçons/);

    await toEnglish(page);
    await page.getByRole('heading', { name: 'Indicators' }).waitFor();
    assert.match(await main.innerText(), /Deadline\s+June 2029/);
    await screenshot(page, 'objective-en-1366');

    await page.evaluate(() => { location.hash = '#/objectif/nulle-part'; });
    await page.getByRole('heading', { name: 'Element not found' }).waitFor();
    assert.match(await main.innerText(), /“?nulle-part/);
    assert.deepEqual(await audit(page), [], 'the unknown objective');
    await page.getByRole('link', { name: "Back to the plan's structure" }).click();
    await page.locator('article.objective').first().waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

/** Presses Tab until the element with `id` has focus. */
async function tabTo(page, id) {
  for (let i = 0; i < 120; i += 1) {
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

const focused = (page) => page.evaluate(() => document.activeElement?.id);

test('with the keyboard only, an objective is added, edited and moved up', async () => {
  await withStructure(async ({ page }) => {
    await tabTo(page, 'add-orientation-2-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'form-orientation-2-1-new');
    await page.keyboard.type('Accueillir chaque nouvelle personne dès sa première semaine');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Objectif 1\.2 — Accueillir chaque nouvelle personne/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('edit-element-'));
    const id = (await focused(page)).replace('edit-', '');

    await page.keyboard.press('Enter');
    await page.waitForFunction((i) => document.activeElement?.id === `form-${i}-title`, id);
    await page.keyboard.press('Tab');
    await page.keyboard.type('4.1');
    await page.keyboard.press('Tab'); // « Sans numéro », left unticked
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tous les nouveaux employés rencontrent leur mentor dès leur première semaine.');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Enregistrer');
    await page.keyboard.press('Space');
    const heading = page.getByRole('heading', { name: /^Objectif 4\.1 — Accueillir/ });
    await heading.waitFor();
    await page.waitForFunction((i) => document.activeElement?.id === `edit-${i}`, id);
    assert.match(await page.locator(`#el-${id}`).innerText(), /Échéance\s+2026/);

    await tabTo(page, `up-${id}`);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#el-orientation-2-1 article.objective h4')?.innerText.startsWith('Objectif 4.1'));
    // At the top, focus moves to the enabled button once the tree is drawn again.
    await page.waitForFunction((i) => document.activeElement?.id === `down-${i}`, id);
    await reload(page);
    assert.deepEqual((await objectiveTitles(page, '#el-orientation-2-1')).map((t) => t.slice(0, 12)), ['Objectif 4.1', 'Objectif 4 —']);
    assert.deepEqual(await audit(page), []);
  });
});

test('on a phone, the tree and an objective\u2019s page do not scroll sideways', async () => {
  await withStructure(async ({ page }) => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await tools(page, OBJECTIVE_1).getByRole('button', { name: 'Modifier' }).click();
    assert.ok(await overflow() <= 0, 'the tree with a form open');
    await screenshot(page, 'structure-390');
    await page.getByRole('link', { name: OBJECTIVE_1 }).click();
    await page.locator('table.indicators').waitFor();
    assert.ok(await overflow() <= 0, 'the objective\u2019s page');
    const actions = await page.locator('table.actions-table').evaluate((table) => ({
      fits: table.scrollWidth <= table.closest('.table-scroll').clientWidth,
      card: getComputedStyle(table.querySelector('tbody tr')).display === 'block',
    }));
    assert.deepEqual(actions, { fits: true, card: true }, 'each of its actions is a card');
    await screenshot(page, 'objective-390');
    await toEnglish(page);
    await page.getByRole('heading', { name: 'Indicators' }).waitFor();
    await screenshot(page, 'objective-en-390');
  }, { width: 390, height: 844 });
});

test('an element marked without a number loses its code, its siblings are numbered without it, and it stays so', async () => {
  await withStructure(async ({ page }) => {
    await tools(page, /^Enjeu 1 — /).getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Sans numéro (une section que la numérotation saute)').check();
    assert.equal(await page.getByLabel('Code').isDisabled(), true);
    assert.deepEqual(await audit(page), []);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const section = page.getByRole('heading', { name: /^Enjeu — La réussite/ });
    await section.waitFor();
    await page.getByRole('heading', { name: /^Enjeu 1 — / }).waitFor();
    await reload(page);
    await section.waitFor();
  });
});
