// The dashboard as a coordinator reads it: statuses counted and rolled up per level,
// every objective's progress, action statistics per unit and per partner, what moved
// since the previous checkpoint, and checks that link to what they concern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, reopenWith, serve, FILE_URL, ROOT, toEnglish } from './support.mjs';

const COOPERATIVE = readFileSync(join(ROOT, 'tests/fixtures/plan-002-cooperative.json'), 'utf8');
const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');

async function withPlan(text, run, options = {}) {
  const b = await browser(options);
  try {
    await open(b.page, `${FILE_URL}#/tableau-de-bord`);
    await reopenWith(b.page, text);
    await run(b);
  } finally {
    await b.close();
  }
}

test('the cooperative plan: counts, roll-ups, progress, action statistics, changes and checks', async () => {
  await withPlan(COOPERATIVE, async (b) => {
    const main = b.page.locator('main');
    const status = await main.locator('section.plan-status').innerText();
    assert.match(status, /Atteint\u00a0: 3 · En bonne voie\u00a0: 4 · En retard\u00a0: 2 · Non mesuré\u00a0: 2/);
    assert.equal(await main.locator('section.plan-status svg[role="img"] title').textContent(), 'Indicateurs par état');

    const rollup = main.locator('section.rollup', { hasText: 'Projets stratégiques' });
    const numeratie = rollup.getByRole('row', { name: /Numératie/ });
    assert.match(await numeratie.innerText(), /Atteint\s+Atteint\u00a0: 3/);

    const progress = main.locator('section.objectives-progress');
    assert.match(await progress.getByRole('heading').innerText(), /Objectifs SMART — progression/);
    assert.equal(await progress.locator('tbody tr').count(), 10);
    const deployed = await progress.getByRole('row', { name: /Un outil de déploiement du référentiel/ }).innerText();
    assert.match(deployed, /Atteint\s+100\u00a0%/);
    // Each indicator's latest value and its date, beside its target, with its status.
    assert.match(deployed, /Outil de déploiement du référentiel diffusé\u00a0: Réalisé \(\d+ \S+ \d{4}\) · cible\u00a0: Réalisé Atteint/);

    const actions = await main.locator('section', { hasText: 'Par unité responsable' }).first().innerText();
    assert.match(actions, /Actions — Bilan de fin d'année \(13 juin 2025\)/);
    assert.match(actions, /Non amorcé\u00a0: 1 · En cours\u00a0: 2 · Réalisé\u00a0: 1 · Reporté\u00a0: 1 · Non rapporté\u00a0: 1/);
    const partner = main.locator('.action-stats', { hasText: 'Par partenaire' }).getByRole('row', { name: /CSSER/ });
    assert.deepEqual((await partner.locator('td.num').allInnerTexts()), ['0', '0', '1', '0', '1', '0', '0', '2']);

    const changes = await main.locator('section', { hasText: 'Depuis le bilan précédent' }).innerText();
    assert.match(changes, /Produire les outils du référentiel en mathématique\u00a0: En cours \(50\u00a0%\) → Réalisé \(100\u00a0%\)/);
    // A value's move is written in its own unit, never as a share of the way to the target.
    assert.match(changes, /Outil de déploiement du référentiel diffusé\u00a0: — → Réalisé · Non mesuré → Atteint/);

    const checks = main.locator('section.checks');
    assert.match(await checks.innerText(), /Vérifications \(4\)/);
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'dashboard-cooperative-1366-fr');

    // The checks link to the screen of what they concern.
    await checks.getByRole('link', { name: 'Allocation aux centres membres 2024-2025' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Budget' }).waitFor();
    assert.match(b.page.url(), /#\/budget$/);
    assert.deepEqual(b.errors, []);
  });
});

test('as of the mid-year checkpoint, there is no previous one to compare with', async () => {
  await withPlan(COOPERATIVE, async (b) => {
    await b.page.getByLabel('Situation au').selectOption({ label: 'Bilan de mi-année (30 janvier 2025)' });
    const main = b.page.locator('main');
    await main.getByRole('heading', { name: /Le plan au 30 janvier 2025/ }).waitFor();
    assert.match(await main.innerText(), /Actions — Bilan de mi-année \(30 janvier 2025\)/);
    assert.match(await main.innerText(), /Il faut deux bilans à cette date/);
    assert.deepEqual(await audit(b.page), []);
    assert.deepEqual(b.errors, []);
  });
});

test('an objective\u2019s link opens its page, and a change between checkpoints shows on the dashboard', async () => {
  // Move one moyen between the two checkpoints of the PEVR: the dashboard reports it.
  const plan = JSON.parse(PEVR);
  const moyen = plan.plan.actions.find((a) => a.id === 'moyen-pratiques');
  moyen.progress.push({ checkpoint: 'bilan-2024-06', status: 'done', percent: 100, meta: {} });
  await withPlan(JSON.stringify(plan, null, 2), async (b) => {
    const main = b.page.locator('main');
    const changes = main.locator('section', { has: b.page.locator('#changes-title') });
    assert.match(await changes.innerText(), new RegExp(`${moyen.title.slice(0, 30).replace(/[()]/g, '.')}.*En cours.*→ Réalisé \\(100\u00a0%\\)`));
    // The 592 target and the moyen without responsible.
    // Plan 000's rates of « 2023 » (the school year 2022-2023) are too old for its bilan.
    assert.match(await main.locator('section.checks').innerText(), /Vérifications \(5\)/);
    const first = main.locator('section.objectives-progress tbody a').first();
    const name = await first.innerText();
    await first.click();
    await b.page.waitForURL(/#\/objectif\//);
    assert.match(await b.page.locator('main').innerText(), new RegExp(name.split(' ').slice(1, 4).join(' ')));
    await b.page.goBack();
    await b.page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await toEnglish(b.page);
    await main.getByRole('heading', { name: 'Since the previous checkpoint' }).waitFor();
    assert.match(await main.locator('section.checks').innerText(), /Checks \(5\)/);
    assert.match(await changes.innerText(), /In progress.*→ Done \(100%\)/);
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'dashboard-pevr-1366-en');
    assert.deepEqual(b.errors, []);
  });
});

test('a value measured too long ago is shown with its value, its status saying it is too old, and the plan\'s rule', async () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/plan-five-levels-per-enjeu.json'), 'utf8'));
  const indicator = file.plan.indicators.find((i) => i.id === 'ind-rejoints-employeurs');
  // Before the mid-year checkpoint of January 2025: too old as of today.
  indicator.segments[0].measurements[0].date = '2024-12-10';
  await withPlan(JSON.stringify(file, null, 2), async (b) => {
    const line = b.page.locator('section.objectives-progress li', { hasText: indicator.label }).filter({ hasText: 'mesure' });
    await line.waitFor();
    const text = await line.innerText();
    // Issue 27: never shown as absent when it is only old.
    assert.match(text, /21 \(10 décembre 2024\)/);
    assert.match(text, /Mesure trop ancienne\u00a0: décembre 2024/);
    assert.doesNotMatch(text, /Aucune mesure|Non mesuré/);
    assert.match(await b.page.locator('.measurement-rule').innerText(), /^Règle du plan\u00a0: une mesure compte si elle date du bilan précédent ou d'après\. Changer cette règle dans les paramètres$/);
    const checks = b.page.locator('section.checks');
    await checks.locator('summary', { hasText: '1 mesure trop ancienne' }).waitFor();
    assert.deepEqual(b.errors, []);
  });
});

/** The dashboard's text, once it is shown. */
async function dashboardText(page) {
  await page.locator('section.plan-status').waitFor();
  return page.locator('div.dashboard').innerText();
}

/** Goes to the screen `hash` as a link of the page would. */
const go = (page, hash) => page.evaluate((h) => { location.hash = h; }, hash);

/** Changes the status of the actions table's row `row`: « Abandonné », or « En cours »
 * when it already is. */
async function toggleStatus(page, row) {
  const select = page.locator('table.actions-table tbody tr select').nth(row);
  const label = (await select.locator('option:checked').innerText()) === 'Abandonné' ? 'En cours' : 'Abandonné';
  await select.selectOption({ label });
}

test('after a status changed, undone and redone, the dashboard shows what a fresh page shows', async () => {
  await withPlan(COOPERATIVE, async (b) => {
    const page = b.page;
    const dashboard = () => dashboardText(page);
    const first = await dashboard();
    await go(page, '#/actions');
    await toggleStatus(page, 0);
    await go(page, '#/tableau-de-bord');
    const changed = await dashboard();
    assert.notEqual(changed, first, 'the dashboard follows the change');
    await page.getByRole('button', { name: 'Défaire' }).click();
    await page.waitForFunction((text) => document.querySelector('div.dashboard').innerText === text, first);
    await page.getByRole('button', { name: 'Refaire' }).click();
    await page.waitForFunction((text) => document.querySelector('div.dashboard').innerText === text, changed);
    await saved(page);
    await page.reload();
    assert.equal(await dashboard(), changed, 'as a fresh page computes it');
    assert.deepEqual(b.errors, []);
  });
});

test('changes made elsewhere, worked out ahead while the edits pause: the dashboard shows what a fresh page shows', async () => {
  await withPlan(COOPERATIVE, async (b) => {
    const page = b.page;
    const dashboard = () => dashboardText(page);
    const first = await dashboard();
    await go(page, '#/actions');
    // Two statuses, each followed by the pause in which the dashboard is worked out
    // ahead (the save waits for a longer one): the second must not show the first's.
    // Each waited for in storage: the page's « Enregistré » may come back before a
    // look at it could see it leave.
    const stored = () => page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
    for (const row of [0, 1]) {
      const before = await stored();
      await toggleStatus(page, row);
      await page.waitForFunction((text) => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`) !== text, before);
      await saved(page);
    }
    await go(page, '#/tableau-de-bord');
    const changed = await dashboard();
    assert.notEqual(changed, first, 'the dashboard follows the changes');
    await page.reload();
    assert.equal(await dashboard(), changed, 'as a fresh page computes it');
    assert.deepEqual(b.errors, []);
  });
});

test('served, on a phone, in French and English: the dashboard does not scroll sideways', async () => {
  const server = await serve();
  const b = await browser({ width: 390, height: 844 });
  try {
    await open(b.page, `${server.url}#/tableau-de-bord`);
    await reopenWith(b.page, COOPERATIVE);
    const wide = () => b.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    assert.ok(await wide());
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'dashboard-390-fr');
    await toEnglish(b.page);
    await b.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    assert.ok(await wide());
    await screenshot(b.page, 'dashboard-390-en');
    await b.page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(b.page, 'dashboard-1366-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});
