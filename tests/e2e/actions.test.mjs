// The actions screen: a regional plan filtered by element, responsible, partner and
// status; its columns hidden and shown again across a reload; and on the sample, an
// action edited in place, in the form, linked to a second objective, added and deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, reopenWith, serve, FILE_URL, ROOT, toEnglish } from './support.mjs';

const REGIONAL = readFileSync(join(ROOT, 'tests/fixtures/plan-001-regional.json'), 'utf8');
const regional = JSON.parse(REGIONAL).plan;

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** The count line under the filters, as the user reads it. */
const count = (page) => page.locator('p.filter-count').innerText();
const headers = (page) => page.locator('table.actions-table thead th').allInnerTexts();
const row = (page, title) => page.locator('table.actions-table tbody tr', { hasText: title });

async function openStored(b, text, route) {
  await open(b.page, `${FILE_URL}#/${route}`);
  await reopenWith(b.page, text);
}

test('a regional plan is filtered by element, responsible, partner and status, with visible counts', async () => {
  const b = await browser();
  try {
    await openStored(b, REGIONAL, 'actions');
    const page = b.page;
    await page.getByRole('heading', { level: 1, name: 'Activités' }).waitFor();
    assert.equal(await count(page), `18 sur 18 activités`);
    const shown = await headers(page);
    for (const column of ['Activité', 'Objectifs', 'Responsable', 'Fiduciaire', 'Partenaires', 'Échéancier']) {
      assert.ok(shown.some((h) => h.startsWith(column)), `${column} in ${shown}`);
    }
    assert.deepEqual(await audit(page), []);

    const under = (axe) => regional.elements.filter((e) => e.parent && regional.elements.find((t) => t.id === e.parent)?.parent === axe).map((e) => e.id);
    const axe1 = regional.actions.filter((a) => a.objectives.some((o) => under('axe-1').includes(o)));
    await page.getByLabel('Élément du plan').selectOption('axe-1');
    assert.equal(await count(page), `${axe1.length} sur 18 activités`);
    assert.equal(await page.locator('table.actions-table tbody tr').count(), axe1.length);

    const ccjh = axe1.filter((a) => a.carrier === 'CCJH' || a.partners.includes('CCJH'));
    await page.getByLabel('Partenaire ou fiduciaire').selectOption('CCJH');
    assert.equal(await count(page), `${ccjh.length} sur 18 activités`);
    assert.ok(ccjh.some((a) => a.carrier === 'CCJH'), 'the carrier counts as a partner');

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    assert.equal(await count(page), '18 sur 18 activités');

    const team = regional.actions.filter((a) => a.responsible === 'Équipe DR du conseil');
    await page.getByRole('search').getByLabel('Responsable', { exact: true }).selectOption('Équipe DR du conseil');
    assert.equal(await count(page), `${team.length} sur 18 activités`);
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();

    const done = regional.actions.filter((a) => (a.progress ?? []).some((p) => p.status === 'done'));
    await page.getByRole('search').getByLabel('État d\'avancement', { exact: true }).selectOption({ label: 'Réalisé' });
    assert.equal(await count(page), `${done.length} sur 18 activités`);
    assert.match(await page.locator('table.actions-table tbody').innerText(), /Rappeler le cadre provincial/);
    await page.getByRole('search').getByLabel('État d\'avancement', { exact: true }).selectOption({ label: 'Non rapporté' });
    const silent = regional.actions.filter((a) => !(a.progress ?? []).length);
    assert.equal(await count(page), `${silent.length} sur 18 activités`);
    await page.getByLabel('Mots').fill('nouveau membre');
    assert.equal(await count(page), '1 sur 18 activités');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'actions-regional-filtered-1366');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a column hidden from « Colonnes » stays hidden after a reload, and shows again', async () => {
  const b = await browser();
  try {
    await openStored(b, REGIONAL, 'actions');
    const page = b.page;
    await page.getByText('Colonnes', { exact: true }).click();
    assert.deepEqual(await audit(page), []);
    await page.getByLabel('Partenaires', { exact: true }).uncheck();
    assert.ok(!(await headers(page)).includes('Partenaires'));
    await page.reload();
    await page.waitForSelector('table.actions-table');
    assert.ok(!(await headers(page)).includes('Partenaires'), 'still hidden after a reload');
    assert.ok((await headers(page)).includes('Fiduciaire'), 'only that one is hidden');
    await page.getByText('Colonnes', { exact: true }).click();
    assert.equal(await page.getByLabel('Partenaires', { exact: true }).isChecked(), false);
    await page.getByLabel('Partenaires', { exact: true }).check();
    assert.ok((await headers(page)).includes('Partenaires'));
    await toEnglish(page);
    assert.ok((await headers(page)).includes('Partners'));
    await screenshot(page, 'actions-regional-en-1366');
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('on the sample: status and responsible edited in place, the form links a second objective, add and delete', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/actions`);
    const page = b.page;
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    // One action serving three objectives is one row listing the three.
    assert.equal(await row(page, 'communautés d\'apprentissage').count(), 1);
    assert.match(await row(page, 'communautés d\'apprentissage').innerText(), /1, 2, 3/);

    await page.getByLabel(/^État d'avancement — Accompagner les écoles ciblées/).selectOption({ label: 'Réalisé' });
    await page.getByLabel(/^Responsable — Relancer les élèves/).fill('Direction de l\'éducation des adultes');
    await page.getByLabel(/^Responsable — Relancer les élèves/).press('Enter');
    await page.getByLabel(/^Responsable — Relancer les élèves/).blur();

    await page.getByRole('button', { name: 'Modifier « Offrir une formation sur l\'enseignement explicite de la lecture »' }).click();
    const form = page.locator('form.action-form');
    await form.getByLabel('Budget accordé').fill('12 500,505');
    await form.getByLabel(/^2 D'ici juin 2029, augmenter la proportion d'élèves qui réussissent en mathématique/).check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    assert.match(await form.innerText(), /Budget accordé\u00a0: «\u00a012 500,505\u00a0» a plus de deux décimales/);
    assert.deepEqual(await audit(page), []);
    await form.getByLabel('Budget accordé').fill('12 500,50 $');
    await form.getByLabel('Titre').fill('Offrir deux formations sur la lecture');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal(await page.locator('form.action-form').count(), 0);
    assert.equal(await row(page, 'Offrir deux formations sur la lecture').count(), 1);
    assert.match(await row(page, 'Offrir deux formations sur la lecture').locator('td').first().innerText(), /^1, 2$/);

    await page.getByRole('button', { name: 'Ajouter : Moyen' }).click();
    await form.getByLabel('Titre').fill('Tenir une journée des familles dans chaque école');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    assert.match(await form.innerText(), /Cochez au moins une case parmi les objectifs\./);
    await form.getByLabel(/^5 D'ici juin 2029, augmenter le sentiment de sécurité/).check();
    await form.getByLabel('Partenaires (un par ligne)').fill('Maison de la famille\nVille de Saint-Aubin');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal(await count(page), '7 sur 7 moyens');

    await page.getByRole('button', { name: 'Supprimer « Revoir les codes de vie des écoles à partir de pratiques reconnues »' }).click();
    const confirm = page.getByRole('group', { name: /Supprimer « Revoir les codes de vie/ });
    assert.match(await confirm.innerText(), /Supprimer cette ligne/);
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'actions-sample-delete-1366');
    await confirm.getByRole('button', { name: 'Supprimer définitivement' }).click();
    assert.equal(await count(page), '6 sur 6 moyens');

    await page.reload();
    await page.waitForSelector('table.actions-table');
    assert.equal(await count(page), '6 sur 6 moyens');
    assert.equal(await row(page, 'Revoir les codes de vie').count(), 0);
    assert.equal(await row(page, 'journée des familles').count(), 1);
    assert.match(await row(page, 'journée des familles').innerText(), /Maison de la famille, Ville de Saint-Aubin/);
    assert.equal(await page.getByLabel(/^État d'avancement — Accompagner les écoles ciblées/).inputValue(), '2');
    assert.equal(await page.getByLabel(/^Responsable — Relancer les élèves/).inputValue(), 'Direction de l\'éducation des adultes');
    await page.getByRole('button', { name: 'Modifier « Offrir deux formations sur la lecture »' }).click();
    assert.equal(await page.locator('form.action-form').getByLabel('Budget accordé').inputValue(), '12\u00a0500,50\u00a0$');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'actions-sample-form-1366');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

/** Whether the actions table needs no sideways scroll, and where its first row's buttons stand. */
const tableFit = (page) => page.evaluate(() => {
  const table = document.querySelector('table.actions-table');
  const region = table.closest('.table-scroll');
  const button = table.querySelector('td.row-buttons button').getBoundingClientRect();
  return { fits: table.scrollWidth <= region.clientWidth, buttonsShown: button.right <= innerWidth, card: getComputedStyle(table.querySelector('tbody tr')).display === 'block' };
});

test('at 1 366 px the table of each reference plan fits without sideways scrolling, its row buttons in view', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/actions`);
    const shapes = ['plan-000-pevr.json', 'plan-001-regional.json', 'plan-002-cooperative.json', 'plan-five-levels.json',
      'plan-work-yearly-steps.json', 'plan-five-levels-per-enjeu.json'];
    for (const lang of ['fr', 'en']) {
      if (lang === 'en') await toEnglish(b.page);
      for (const name of shapes) {
        await reopenWith(b.page, readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8'));
        await b.page.waitForSelector('table.actions-table tbody tr');
        assert.deepEqual(await tableFit(b.page), { fits: true, buttonsShown: true, card: false }, `${name} (${lang})`);
        if (name === 'plan-work-yearly-steps.json' && lang === 'fr') await screenshot(b.page, 'actions-work-plan-1366');
      }
    }
    await screenshot(b.page, 'actions-five-levels-per-enjeu-1366-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('served, on a phone: each action is a card, the page never scrolls sideways, in French and English', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    await open(b.page, `${server.url}#/actions`);
    const page = b.page;
    await page.waitForSelector('table.actions-table');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    assert.ok(await fits(), 'no sideways scroll');
    assert.deepEqual(await tableFit(page), { fits: true, buttonsShown: true, card: true });
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'actions-sample-390');
    await page.getByRole('button', { name: 'Ajouter : Moyen' }).click();
    assert.ok(await fits(), 'the form fits');
    await toEnglish(page);
    assert.match(await page.locator('form.action-form').innerText(), /Budget granted/);
    assert.ok(await fits());
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'actions-sample-form-en-390');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('target groups: labels beside their codes, a legend, a filter, and counts per group on the dashboard; words ignore accents and reach the steps', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await openStored(b, readFileSync(join(ROOT, 'tests/fixtures/plan-five-levels.json'), 'utf8'), 'actions');
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    assert.equal(await count(page), '5 sur 5 actions');
    assert.match(await page.locator('p.group-legend').innerText(), /^Groupes visés\s: 1 Jeunes · 2 Familles · 3 Écoles · 4 Entreprises$/);
    assert.match(await row(page, 'Promouvoir la charte').innerText(), /4 Entreprises/);

    await page.locator('#filter-group').selectOption('4');
    await page.locator('p.filter-count').getByText('2 sur 5 actions').waitFor();
    assert.equal(await row(page, 'Distribuer des trousses').count(), 0);
    await screenshot(page, 'actions-groups-1366');
    assert.deepEqual(await audit(page), []);
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.locator('p.filter-count').getByText('5 sur 5 actions').waitFor();

    await page.goto(`${FILE_URL}#/tableau-de-bord`);
    const byGroup = page.locator('.action-stats', { hasText: 'Par groupe visé' });
    await byGroup.waitFor();
    assert.match(await byGroup.getByRole('row', { name: /4 Entreprises/ }).innerText(), /\b2$/);
    assert.deepEqual(await audit(page), []);

    // Words: case and accents ignored, and the yearly steps searched.
    await reopenWith(page, readFileSync(join(ROOT, 'tests/fixtures/plan-002-cooperative.json'), 'utf8'));
    await page.goto(`${FILE_URL}#/actions`);
    await page.getByLabel('Mots').fill('RECENSION DES OUTILS EXISTANTS');
    await page.locator('p.filter-count').getByText(/^1 sur 6 /).waitFor();
    await page.getByLabel('Mots').fill('mise a l\'essai dans deux ecoles');
    await page.locator('p.filter-count').getByText(/^1 sur 6 /).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
