// The indicators screen as a coordinator uses it: add an indicator with its baseline,
// targets and measurements, see its progress, expected progress, status and chart; a
// value the page cannot read is explained and changes nothing; filters and pages on a
// plan with many indicators; English; phones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, saved, screenshot, storePlan, serve, FILE_URL, toEnglish } from './support.mjs';

// The day of the first journey, within a year of the measurement of December 2023 it
// adds (older ones no longer count: see src/status.rs).
const SAMPLE_TODAY = '2024-03-01';

const SCREEN = '#/indicateurs';
const LABEL = 'Élèves inscrits à une activité parascolaire';

const card = (page, label) => page.locator('article.indicator-card', { hasText: label });
const form = (page, name) => page.getByRole('form', { name });

async function assertClean(b) {
  assert.deepEqual(await audit(b.page), []);
  assert.deepEqual(b.errors, []);
}

async function noSidewaysScroll(page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `the page scrolls sideways: ${scroll} > ${inner}`);
}

/** Adds the indicator of the first journey under objective 5, with one measurement. */
async function addIndicator(page) {
  await page.getByRole('button', { name: /^Ajouter un indicateur — Objectif 5/ }).click();
  await page.getByLabel('Libellé de l\'indicateur').fill(LABEL);
  await page.getByLabel('Source').fill('Sondage aux parents');
  await page.getByRole('button', { name: 'Ajouter l\'indicateur' }).click();
  await page.getByRole('status').filter({ hasText: 'Indicateur enregistré.' }).waitFor();

  const baseline = form(page, 'Situation de départ — Ensemble');
  await baseline.getByLabel(/^Date/).fill('2022-06');
  await baseline.getByLabel(/^Valeur/).fill('40');
  await baseline.getByRole('button', { name: 'Enregistrer le départ' }).click();

  const target = form(page, 'Ajouter une cible — Ensemble');
  await target.getByLabel(/^Date/).fill('2027');
  await target.getByLabel(/^Valeur/).fill('60 %');
  await target.getByRole('button', { name: 'Ajouter la cible' }).click();

  const measure = form(page, 'Ajouter une mesure — Ensemble');
  await measure.getByLabel(/^Date/).fill('2023-12-12');
  await measure.getByLabel(/^Valeur/).fill('45,5');
  await measure.getByLabel('Note').fill('Sondage de décembre');
  await measure.getByRole('button', { name: 'Ajouter la mesure' }).click();
  await page.getByRole('cell', { name: 'Sondage de décembre' }).waitFor();
}

test('an indicator added with a baseline, a target and a measurement shows its progress, status and chart, and is kept', async () => {
  const b = await browser({ today: SAMPLE_TODAY });
  try {
    await open(b.page, FILE_URL + SCREEN);
    await b.page.getByRole('heading', { name: 'Indicateurs', level: 1 }).waitFor();
    await assertClean(b);
    await addIndicator(b.page);
    await assertClean(b);
    await screenshot(b.page, 'indicators-form-1366');
    await b.page.getByRole('button', { name: 'Fermer', exact: true }).click();

    const added = card(b.page, LABEL);
    let text = await added.innerText();
    assert.match(text, /Situation de départ\s+40\s%\s\(juin 2022\)/);
    assert.match(text, /Cibles\s+60\s%\s\(2027\)/);
    assert.match(text, /Dernière mesure\s+45,5\s%\s\(12 décembre 2023\)/);
    assert.match(text, /Progression\s+27,5\s%/);
    // « 2027 » ends with the plan's school year, in June 2027.
    assert.match(text, /Progression attendue\s+29\s%/);
    assert.equal(await added.locator('.indicator-head .badge').innerText(), 'À surveiller');

    const chart = added.getByRole('img');
    assert.equal(await chart.count(), 1);
    assert.match(await chart.locator('title').textContent(), /Évolution\s: Élèves inscrits/);
    const description = await chart.locator('desc').textContent();
    assert.match(description, /Situation de départ\s: 40\s% \(30 juin 2022\)\. Cibles\s: 60\s% \(30 juin 2027\)\. Mesures\s: 45,5\s% \(12 décembre 2023\)\./);
    const named = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.tagName));
    assert.deepEqual(named, ['title', 'desc']);

    // An intermediate target for 2024 asks for more by December 2023: the status follows.
    await added.getByRole('button', { name: /^Modifier/ }).click();
    const target = form(b.page, 'Ajouter une cible — Ensemble');
    await target.getByLabel(/^Date/).fill('2024');
    await target.getByLabel(/^Valeur/).fill('52');
    await target.getByRole('button', { name: 'Ajouter la cible' }).click();
    await b.page.getByRole('button', { name: 'Fermer', exact: true }).click();
    text = await added.innerText();
    assert.match(text, /52\s%\s\(2024\) \(intermédiaire\)/);
    assert.match(text, /Progression attendue\s+43,5\s%/);
    assert.equal(await added.locator('.indicator-head .badge').innerText(), 'En retard');
    await assertClean(b);
    await screenshot(b.page, 'indicators-added-1366');

    await b.page.reload();
    await b.page.waitForSelector('article.indicator-card');
    text = await card(b.page, LABEL).innerText();
    assert.match(text, /Dernière mesure\s+45,5\s%/, 'kept across a reload');
    assert.equal(await card(b.page, LABEL).locator('.indicator-head .badge').innerText(), 'En retard');

    await toEnglish(b.page);
    text = await card(b.page, LABEL).innerText();
    assert.match(text, /Baseline\s+40%\s\(June 2022\)/);
    assert.match(text, /Expected progress\s+43.5%/);
    assert.match(text, /52%\s\(2024\) \(intermediate\)/);
    assert.equal(await card(b.page, LABEL).locator('.indicator-head .badge').innerText(), 'Late');
    assert.match(await card(b.page, LABEL).getByRole('img').locator('desc').textContent(), /^Baseline: 40% \(June 30, 2022\)\. Targets: 52% \(June 30, 2024\), 60%/);
    await assertClean(b);
    await card(b.page, LABEL).getByRole('button', { name: /^Edit/ }).click();
    assert.ok(await b.page.getByLabel('Indicator label').isVisible());
    await assertClean(b);
  } finally {
    await b.close();
  }
});

test('a relative target of +5 points is shown with the value it comes to', async () => {
  const b = await browser();
  try {
    await open(b.page, FILE_URL + SCREEN);
    const safety = card(b.page, 'Élèves qui se disent en sécurité');
    await safety.getByRole('button', { name: /^Modifier/ }).click();
    const target = form(b.page, 'Ajouter une cible — Ensemble');
    await target.getByLabel(/^Date/).fill('2027');
    await target.getByLabel('Type de cible').selectOption({ label: 'Variation en points de %' });
    await target.getByLabel(/^Variation/).fill('+5');
    await target.getByRole('button', { name: 'Ajouter la cible' }).click();
    assert.match(await b.page.getByRole('region', { name: /^Cibles/ }).innerText(), /\+5\spoints → 87\s%/);
    await assertClean(b);

    // The final target, changed in place.
    await b.page.getByRole('button', { name: 'Modifier la cible (2029)' }).click();
    const change = form(b.page, 'Modifier la cible — Ensemble');
    assert.equal(await change.getByLabel(/^Valeur/).inputValue(), '90\u00a0%');
    await change.getByLabel(/^Valeur/).fill('92');
    await change.getByRole('button', { name: 'Enregistrer la cible' }).click();
    await form(b.page, 'Ajouter une cible — Ensemble').waitFor();
    await b.page.getByRole('button', { name: 'Fermer', exact: true }).click();
    const text = await safety.innerText();
    assert.match(text, /\+5\spoints → 87\s%\s\(2027\) \(intermédiaire\)/);
    assert.match(text, /92\s%\s\(2029\)/);
    assert.doesNotMatch(text, /90\s%/);
    await assertClean(b);
  } finally {
    await b.close();
  }
});

test('a value the page cannot read is explained in French next to its field and changes nothing', async () => {
  const b = await browser();
  try {
    await open(b.page, FILE_URL + SCREEN);
    const reading = card(b.page, 'Élèves de 4e année');
    const before = await reading.innerText();
    await reading.getByRole('button', { name: /^Modifier/ }).click();
    const measure = form(b.page, 'Ajouter une mesure — Ensemble');
    const value = measure.getByLabel(/^Valeur/);
    await value.fill('abc');
    await measure.getByRole('button', { name: 'Ajouter la mesure' }).click();
    const message = 'ne se lit pas comme un pourcentage. Écrivez un pourcentage, par exemple 79,7\u00a0%.';
    const error = measure.locator('.field-error');
    assert.equal(await error.innerText(), `Valeur\u00a0: «\u00a0abc\u00a0» ${message}`);
    assert.equal(await value.getAttribute('aria-invalid'), 'true');
    assert.equal(await value.getAttribute('aria-describedby'), await error.getAttribute('id'));
    assert.equal(await b.page.getByRole('region', { name: /^Mesures/ }).locator('tbody tr').count(), 1, 'no measurement added');
    await assertClean(b);
    await screenshot(b.page, 'indicators-error-1366');

    await b.page.getByRole('button', { name: 'Fermer', exact: true }).click();
    assert.equal(await reading.innerText(), before);
    await b.page.reload();
    await b.page.waitForSelector('article.indicator-card');
    assert.equal(await card(b.page, 'Élèves de 4e année').innerText(), before);
  } finally {
    await b.close();
  }
});

/** The sample plan, as the page stores it, with `copies` more indicators under objective 1. */
async function manyIndicators(page, copies) {
  // The sample, new to this browser, is saved a moment after it shows.
  await saved(page);
  const stored = await page.evaluate(() => localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`));
  const file = JSON.parse(stored);
  const model = file.plan.indicators[0];
  for (let i = 1; i <= copies; i += 1) {
    file.plan.indicators.push({
      ...model, id: `ind-copie-${i}`, label: `Indicateur de lecture n° ${i}`,
      segments: model.segments.map((s) => ({ ...s, id: `seg-copie-${i}` })),
    });
  }
  return JSON.stringify(file);
}

test('served: a plan with many indicators is paged, filtered by element and searched', async () => {
  const server = await serve();
  const b = await browser();
  try {
    await open(b.page, server.url + SCREEN);
    await storePlan(b.page, await manyIndicators(b.page, 120));
    await b.page.reload();
    await b.page.waitForSelector('article.indicator-card');
    const count = b.page.locator('.indicator-count');
    assert.equal(await count.innerText(), 'Indicateurs 1–50 sur 126');
    assert.equal(await b.page.locator('article.indicator-card').count(), 50);
    await b.page.getByRole('navigation', { name: 'Pages des indicateurs (bas)' }).getByRole('button', { name: 'Suivant' }).click();
    assert.equal(await count.innerText(), 'Indicateurs 51–100 sur 126');
    await assertClean(b);

    await b.page.getByLabel('Afficher').selectOption({ label: 'Objectif 3 — D\'ici juin 2029, hausser le taux de diplomation et de qualification après sept ans au secondaire' });
    assert.equal(await count.innerText(), 'Indicateurs 1–1 sur 1');
    assert.match(await b.page.locator('main').innerText(), /Taux de diplomation et de qualification/);

    await b.page.getByLabel('Afficher').selectOption({ label: 'Tout le plan' });
    await b.page.getByLabel('Rechercher un indicateur').fill('lecture n° 11');
    assert.equal(await count.innerText(), 'Indicateurs 1–11 sur 11');
    assert.equal(await b.page.locator('article.indicator-card').count(), 11);
    await b.page.getByLabel('Rechercher un indicateur').fill('aucun indicateur ne porte ce nom');
    assert.match(await b.page.locator('main').innerText(), /Aucun indicateur ne correspond à la recherche\./);
    await assertClean(b);
  } finally {
    await b.close();
    await server.close();
  }
});

for (const lang of ['fr', 'en']) {
  test(`the screen and its form fit a phone and a laptop in ${lang === 'fr' ? 'French' : 'English'}`, async () => {
    const b = await browser({ width: 390, height: 844 });
    try {
      await open(b.page, FILE_URL + SCREEN);
      if (lang === 'en') await toEnglish(b.page);
      await b.page.waitForSelector('article.indicator-card');
      await noSidewaysScroll(b.page);
      await screenshot(b.page, `indicators-${lang}-390`);
      await b.page.locator('article.indicator-card').first().getByRole('button', { name: lang === 'fr' ? /^Modifier/ : /^Edit/ }).click();
      await noSidewaysScroll(b.page);
      await b.page.locator('.segment-form').first().scrollIntoViewIfNeeded();
      await screenshot(b.page, `indicators-${lang}-form-390`);
      await assertClean(b);
      await b.page.setViewportSize({ width: 1366, height: 768 });
      await b.page.getByRole('button', { name: lang === 'fr' ? 'Fermer' : 'Close', exact: true }).click();
      await b.page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(b.page, `indicators-${lang}-1366`);
      await assertClean(b);
    } finally {
      await b.close();
    }
  });
}
