// Dates as a newcomer meets them (issue 27): the sample plan opens alive, dated from
// the school year of the day it is created; a measurement set aside is said too old,
// with its value and the plan's rule, which Paramètres changes; a year alone is the
// plan's school year, and a target dated before its baseline is refused as it is typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, reopenWith, FILE_URL, ROOT, toEnglish } from './support.mjs';

const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');
const NBSP = '\u00a0';
const READING = 'Élèves de 4e année ayant 70';

const card = (page, label) => page.locator('article.indicator-card', { hasText: label });

async function assertClean(b) {
  assert.deepEqual(await audit(b.page), []);
  assert.deepEqual(b.errors, []);
}

async function exported(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

test('a newcomer\'s first screen is the sample, alive in the school year it is created in', async () => {
  // The page's clock stands at 28 November 2026 (support.mjs): the school year 2026-2027.
  for (const width of [1366, 390]) {
    const b = await browser({ width, height: width > 400 ? 768 : 844 });
    try {
      await open(b.page, FILE_URL);
      const main = b.page.locator('main');
      await b.page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
      const status = await main.locator('section.plan-status').innerText();
      assert.match(status, /Le plan au 28 novembre 2026/);
      assert.match(status, new RegExp(`En bonne voie${NBSP}: 3 · À surveiller${NBSP}: 1 · En retard${NBSP}: 1 · Non mesuré${NBSP}: 1`));
      // Its actions reported at the bilan that closed its first year, last June.
      assert.match(await main.innerText(), /Moyens — Bilan de fin d'année \(20 juin 2026\)/);
      assert.doesNotMatch(await main.innerText(), /trop ancienne/i, 'no warning about its own age');
      await assertClean(b);
      await screenshot(b.page, `dates-sample-dashboard-${width}-fr`);

      await toEnglish(b.page);
      assert.match(await main.locator('section.plan-status').innerText(), /On track: 3 · To watch: 1 · Late: 1 · Not measured: 1/);
      assert.match(await main.innerText(), /Moyens — Bilan de fin d'année \(June 20, 2026\)/);
      await assertClean(b);
      await screenshot(b.page, `dates-sample-dashboard-${width}-en`);
    } finally {
      await b.close();
    }
  }
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/indicateurs`);
    const reading = card(b.page, READING);
    assert.match(await reading.innerText(), new RegExp(`Dernière mesure\\s+71,5${NBSP}% \\(juin 2026\\)`));
    assert.equal(await reading.locator('.indicator-head .badge').innerText(), 'En bonne voie');
    await b.page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    assert.equal(await b.page.locator('#settings-title').inputValue(), "Plan d'engagement vers la réussite 2025-2029");
  } finally {
    await b.close();
  }
});

test('a measurement too old is said so with its value and the plan\'s rule, which Paramètres changes', async () => {
  // The sample created in November 2026, opened again in September 2027: its
  // measurements of June 2026 are more than twelve months old.
  const first = await browser();
  await open(first.page, FILE_URL);
  await saved(first.page);
  await first.close({ keepProfile: true });
  const b = await browser({ profile: first.profile, today: '2027-09-15' });
  try {
    await open(b.page, `${FILE_URL}#/indicateurs`);
    const reading = card(b.page, READING);
    await reading.waitFor();
    const text = await reading.innerText();
    assert.match(text, new RegExp(`Dernière mesure\\s+71,5${NBSP}% \\(juin 2026\\)`), 'the value is still shown');
    assert.equal(await reading.locator('.indicator-head .badge').innerText(), `Mesure trop ancienne${NBSP}: juin 2026`);
    assert.doesNotMatch(text, /Non mesuré/);
    const rule = b.page.locator('.measurement-rule');
    assert.equal(await rule.innerText(),
      `Règle du plan${NBSP}: une mesure compte pendant 12${NBSP}mois après sa date tant que le plan a moins de deux bilans. Changer cette règle dans les paramètres`);
    await assertClean(b);
    await screenshot(b.page, 'dates-too-old-1366-fr');

    // The dashboard shows the value beside the status that says why it does not count.
    await b.page.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
    const progress = b.page.locator('section.objectives-progress');
    assert.match(await progress.innerText(), new RegExp(`71,5${NBSP}% \\(juin 2026\\) · cible${NBSP}: 78${NBSP}% Mesure trop ancienne${NBSP}: juin 2026`));
    assert.equal(await b.page.locator('.measurement-rule').count(), 1);
    await assertClean(b);

    // Suivi: a segment never measured shows its baseline as the value before.
    await b.page.getByRole('link', { name: 'Suivi', exact: true }).click();
    const boys = b.page.locator('li.measurement-entry', { hasText: 'Garçons' });
    assert.equal(await boys.locator('.previous p').innerText(), `Situation de départ${NBSP}: 74${NBSP}% (juin 2025)`);
    await screenshot(b.page, 'dates-followup-baseline-1366-fr');

    await b.page.getByRole('link', { name: 'Indicateurs', exact: true }).click();
    await rule.getByRole('link', { name: 'Changer cette règle dans les paramètres' }).click();
    await b.page.getByRole('heading', { name: 'Paramètres du plan', level: 1 }).waitFor();
    const counts = b.page.getByLabel('Une mesure compte');
    assert.equal(await counts.inputValue(), '');
    await counts.selectOption({ label: `Pendant 18${NBSP}mois` });
    await saved(b.page);
    await assertClean(b);
    await counts.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'dates-setting-1366-fr');

    await b.page.getByRole('link', { name: 'Indicateurs', exact: true }).click();
    assert.equal(await reading.locator('.indicator-head .badge').innerText(), 'En bonne voie');
    assert.equal(await b.page.locator('.measurement-rule').count(), 0, 'nothing set aside, no rule to say');
    const file = JSON.parse(await exported(b.page));
    assert.equal(file.version, 4);
    assert.equal(file.plan.settings.measurement_months, 18);

    // Back to the rule of checkpoints: the plan is written as it was. This second copy
    // names the first as the one it comes from, which only version 5 holds.
    await b.page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await counts.selectOption({ label: 'Depuis le bilan précédent (par défaut)' });
    await saved(b.page);
    const again = JSON.parse(await exported(b.page));
    assert.equal(again.version, 5);
    assert.match(again.base, /^[0-9a-f]{16}$/);
    assert.equal('measurement_months' in again.plan.settings, false);

    await toEnglish(b.page);
    await b.page.getByRole('link', { name: 'Indicators', exact: true }).click();
    assert.equal(await reading.locator('.indicator-head .badge').innerText(), 'Measurement too old: June 2026');
    assert.equal(await b.page.locator('.measurement-rule').innerText(),
      'The plan\'s rule: a measurement counts for 12 months after its date while the plan has fewer than two checkpoints. Change this rule in the settings');
    await assertClean(b);
    await screenshot(b.page, 'dates-too-old-1366-en');
    await b.page.getByRole('link', { name: 'Settings', exact: true }).click();
    await b.page.getByLabel('A measurement counts').scrollIntoViewIfNeeded();
    await assertClean(b);
    await screenshot(b.page, 'dates-setting-1366-en');
  } finally {
    await b.close();
  }
});

test('a too old measurement and its rule on a phone', async () => {
  const first = await browser();
  await open(first.page, FILE_URL);
  await saved(first.page);
  await first.close({ keepProfile: true });
  const b = await browser({ profile: first.profile, today: '2027-09-15', width: 390, height: 844 });
  try {
    await open(b.page, `${FILE_URL}#/indicateurs`);
    const reading = card(b.page, READING);
    await reading.locator('.indicator-head .badge').scrollIntoViewIfNeeded();
    assert.equal(await reading.locator('.indicator-head .badge').innerText(), `Mesure trop ancienne${NBSP}: juin 2026`);
    const [scroll, inner] = await b.page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(scroll <= inner, `the page scrolls sideways: ${scroll} > ${inner}`);
    await assertClean(b);
    await screenshot(b.page, 'dates-too-old-390-fr');
    await b.page.locator('.measurement-rule').scrollIntoViewIfNeeded();
    await screenshot(b.page, 'dates-rule-390-fr');
    await toEnglish(b.page);
    await reading.locator('.indicator-head .badge').scrollIntoViewIfNeeded();
    await screenshot(b.page, 'dates-too-old-390-en');
    await b.page.goto(`${FILE_URL}#/parametres`);
    await b.page.getByLabel('A measurement counts').scrollIntoViewIfNeeded();
    await assertClean(b);
    await screenshot(b.page, 'dates-setting-390-en');
  } finally {
    await b.close();
  }
});

test('a target dated by a year alone is the plan\'s school year, and one before its baseline is refused under its field', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/indicateurs`);
    await reopenWith(b.page, PEVR);
    // Plan 000 runs from July 2023 to June 2027: its target of « 2027 » is due on 30 June
    // 2027, so that its measurement of June 2024 comes two years into five, 40 % of the
    // way in time (not 36,4 %, as if it were due on 31 December).
    const first = card(b.page, 'Part des élèves de 4e année du primaire');
    assert.match(await first.innerText(), new RegExp(`Progression attendue\\s+40${NBSP}%`));
    assert.match(await first.getByRole('img').locator('desc').textContent(), new RegExp(`Cibles${NBSP}: 80${NBSP}% \\(30 juin 2027\\)`));

    // The bilan reads it alike.
    await b.page.getByRole('link', { name: 'Bilan', exact: true }).click();
    const bilan = b.page.locator('article.bilan');
    await bilan.waitFor();
    const described = await bilan.locator('figure svg desc').allTextContents();
    assert.ok(described.some((d) => d.includes(`Cibles${NBSP}: 80${NBSP}% (30 juin 2027)`)), described.join('\n'));

    // A target typed before the baseline (June 2022) is refused under its date.
    await b.page.getByRole('link', { name: 'Indicateurs', exact: true }).click();
    await first.getByRole('button', { name: /^Modifier/ }).click();
    const target = b.page.getByRole('form', { name: 'Ajouter une cible — Ensemble' });
    await target.getByLabel(/^Date/).fill('2021');
    await target.getByLabel(/^Valeur/).fill('78');
    await target.getByRole('button', { name: 'Ajouter la cible' }).click();
    const refusal = target.locator('.field-error');
    assert.equal(await refusal.innerText(),
      `Une cible datée de 2021 viendrait avant la situation de départ (juin 2022)${NBSP}: datez les cibles après elle.`);
    assert.equal(await target.getByLabel(/^Date/).inputValue(), '2021', 'what was typed stays');
    assert.equal(await target.getByLabel(/^Date/).getAttribute('aria-invalid'), 'true');
    assert.equal(await b.page.locator('table.values', { hasText: 'Cibles' }).first().locator('tbody tr').count(), 1, 'nothing was added');
    await assertClean(b);
    await target.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'dates-target-refused-1366-fr');

    await toEnglish(b.page);
    const english = b.page.getByRole('form', { name: 'Add a target — All' });
    await english.getByRole('button', { name: 'Add the target' }).click();
    assert.equal(await english.locator('.field-error').innerText(),
      'A target dated 2021 would come before the baseline (June 2022): date targets after it.');
    await assertClean(b);
    await english.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'dates-target-refused-1366-en');
  } finally {
    await b.close();
  }
});
