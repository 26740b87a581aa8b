// Every form opened on a reference plan and saved without an edit changes nothing: the
// plan exported after is byte-identical to the plan exported before. Fields are
// pre-filled with the exact inverse of the one reader that reads them (79,65 % stays
// 79,65, « 3 sur 4 » is read back, a partner with commas stays one partner). A value
// that cannot be read stays as typed, marked, its message under its field; a value a
// reviewer would question is kept with the checks' warning beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, storePlan, audit, screenshot, FILE_URL, ROOT, TODAY } from './support.mjs';

const fixture = (name) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures', `${name}.json`), 'utf8'));
const ALPHA = 'Groupes en alphabétisation, Centre Alpha-Nord, Maison des familles, etc.';

async function exported(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/** Opens `file` (changed by `change`) at `hash` in a fresh browser and runs `body`. */
async function withPlan(file, change, hash, body) {
  const b = await browser();
  try {
    await open(b.page, FILE_URL);
    await storePlan(b.page, JSON.stringify(change(file)));
    await b.page.goto(`${FILE_URL}${hash}`);
    await b.page.reload();
    await b.page.waitForSelector('main#contenu');
    await body(b.page);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

/** Runs `save` (open a form, save it as it is) and asserts the plan did not change. */
async function unchanged(page, save) {
  const before = await exported(page);
  await save();
  assert.equal(await exported(page), before);
}

/** Types a field's own value again and leaves it: the change event reads what was shown. */
async function retype(field) {
  const shown = await field.inputValue();
  await field.fill('');
  await field.fill(shown);
  await field.press('Tab');
  return shown;
}

function pevr() {
  const file = fixture('plan-000-pevr');
  // A percentage with two decimals and a money budget, as users write them.
  file.plan.indicators[0].segments[0].baseline.value = { number: 79.65 };
  file.plan.actions[0].budget_planned = 1846415;
  file.plan.actions[0].partners = [ALPHA, 'CSS'];
  return file;
}

test('an objective saved without an edit keeps its deadline; « juin 2027 » is read as a deadline', async () => {
  const file = pevr();
  const objective = file.plan.elements.find((e) => e.deadline);
  await withPlan(file, (f) => f, `#/objectif/${encodeURIComponent(objective.id)}`, async (page) => {
    await unchanged(page, async () => {
      await page.getByRole('button', { name: 'Modifier l\'échéance, l\'énoncé SMART…' }).click();
      const deadline = page.getByLabel('Échéance');
      assert.doesNotMatch(await deadline.inputValue(), /^\d{4}-/, 'shown as the page writes dates');
      await screenshot(page, 'forms-element');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    });
    await page.getByRole('button', { name: 'Modifier l\'échéance, l\'énoncé SMART…' }).click();
    const deadline = page.getByLabel('Échéance');
    await deadline.fill('juin 2027');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    assert.equal(JSON.parse(await exported(page)).plan.elements.find((e) => e.id === objective.id).deadline, '2027-06');
  });
});

test('an indicator, its baseline, targets and measurements saved without an edit change nothing', async () => {
  const file = pevr();
  const ratio = file.plan.indicators.find((i) => i.kind === 'ratio');
  const percent = file.plan.indicators[0];
  await withPlan(file, (f) => f, '#/indicateurs', async (page) => {
    for (const indicator of [percent, ratio]) {
      await page.getByRole('button', { name: `Modifier « ${indicator.label} »` }).click();
      const form = page.locator('section.indicator-form');
      await unchanged(page, async () => {
        await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        await form.getByText('Indicateur enregistré.').waitFor();
      });
      const segment = form.locator('section.segment-form').first();
      await unchanged(page, () => segment.getByRole('button', { name: 'Enregistrer le départ' }).click());
      const targets = await segment.getByRole('button', { name: /^Modifier la cible/ }).count();
      for (let i = 0; i < targets; i += 1) {
        await unchanged(page, async () => {
          await segment.getByRole('button', { name: /^Modifier la cible/ }).nth(i).click();
          await segment.getByRole('button', { name: 'Enregistrer la cible' }).click();
        });
      }
      const measures = await segment.getByRole('button', { name: /^Modifier la mesure/ }).count();
      for (let i = 0; i < measures; i += 1) {
        await unchanged(page, async () => {
          await segment.getByRole('button', { name: /^Modifier la mesure/ }).nth(i).click();
          await segment.getByRole('button', { name: 'Enregistrer la mesure' }).click();
        });
      }
      if (indicator === percent) {
        assert.equal(await segment.getByLabel(/^Valeur/).first().inputValue(), '79,65\u00a0%');
        // 150 % is kept, with the checks' warning under its field.
        await segment.getByRole('button', { name: /^Modifier la cible/ }).first().click();
        await segment.getByLabel(/^Valeur/).nth(1).fill('150 %');
        await segment.getByRole('button', { name: 'Enregistrer la cible' }).click();
        await segment.locator('.field-warning').getByText(/sort de l'intervalle 0 à 100/).waitFor();
        await screenshot(page, 'forms-segment-warning');
        assert.deepEqual(await audit(page), []);
      } else {
        assert.match(await segment.getByLabel(/^Valeur/).first().inputValue(), / sur /);
        await screenshot(page, 'forms-ratio');
      }
      await form.getByRole('button', { name: 'Fermer' }).click();
    }
  });
});

test('a measurement and a progress entry on Suivi read back what they show; bad text stays, explained under its field', async () => {
  const file = pevr();
  // At the mid-year checkpoint, reopened: 79,65 % on one segment, 150 % (questioned) on
  // another.
  file.plan.checkpoints[0].closed = false;
  file.plan.indicators[0].segments[0].measurements.splice(1, 0, { date: '2023-12-12', value: { number: 79.65 } });
  file.plan.indicators[1].segments[0].measurements.splice(1, 0, { date: '2023-12-12', value: { number: 150 } });
  await withPlan(file, (f) => f, '#/suivi', async (page) => {
    await page.getByRole('button', { name: /^Rapporter.*mi-année/ }).click();
    const report = page.locator('section.report');
    await report.getByRole('heading', { level: 2, name: 'Bilan de mi-année' }).waitFor();
    const fields = report.locator('li.measurement-entry input:not([disabled])');
    // Each field typed again as shown, then the plan compared once (a browser lets a
    // page start only so many downloads).
    let retyped = 0;
    await unchanged(page, async () => {
      for (let i = 0; i < await fields.count(); i += 1) {
        const field = fields.nth(i);
        if (await field.inputValue() === '') continue;
        await retype(field);
        retyped += 1;
      }
    });
    assert.ok(retyped >= 3, `measurements read back: ${retyped}`);
    assert.equal(await fields.first().inputValue(), '79,65\u00a0%');
    const questioned = report.locator('li.measurement-entry').nth(1);
    assert.match(await questioned.locator('.field-warning').innerText(), /150 .*sort de l'intervalle 0 à 100/);
    const percents = report.locator('li.progress-entry').getByLabel('Pourcentage');
    retyped = 0;
    await unchanged(page, async () => {
      for (let i = 0; i < await percents.count(); i += 1) {
        const field = percents.nth(i);
        if (await field.isDisabled() || await field.inputValue() === '') continue;
        await retype(field);
        retyped += 1;
      }
    });
    assert.ok(retyped >= 1, `progress read back: ${retyped}`);

    const entry = report.locator('li.measurement-entry').first();
    const field = entry.locator('input');
    for (const typed of ['79,7,5', 'quatre-vingts']) {
      await field.fill(typed);
      await field.press('Tab');
      assert.equal(await field.inputValue(), typed, 'what was typed stays');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      const message = entry.locator('.field-error');
      assert.match(await message.innerText(), new RegExp(`^Valeur à cette date\u00a0: «\u00a0${typed}\u00a0» ne se lit pas comme`));
      assert.match(await field.getAttribute('aria-describedby'), new RegExp(await message.getAttribute('id')));
    }
    await screenshot(page, 'forms-suivi-error');
    const progress = report.locator('li.progress-entry').filter({ has: page.getByLabel('Pourcentage') }).first();
    const percent = progress.getByLabel('Pourcentage');
    if (!await percent.isDisabled()) {
      await percent.fill('40,5');
      await percent.press('Tab');
      assert.equal(await percent.inputValue(), '40,5');
      const under = percent.locator('xpath=following-sibling::p[contains(@class, "field-error")]');
      assert.match(await under.innerText(), /^Pourcentage\u00a0: «\u00a040,5\u00a0» n'est pas un nombre entier/);
    }
    assert.deepEqual(await audit(page), []);
  });
});

test('an action saved without an edit keeps its partners, groups and budget', async () => {
  const file = pevr();
  const action = file.plan.actions[0];
  await withPlan(file, (f) => f, '#/actions', async (page) => {
    const edit = page.getByRole('button', { name: /^Modifier/ }).first();
    await unchanged(page, async () => {
      await edit.click();
      assert.equal(await page.getByLabel('Partenaires (un par ligne)').inputValue(), `${ALPHA}\nCSS`);
      assert.equal(await page.getByLabel('Budget accordé').inputValue(), '18\u00a0464,15\u00a0$');
      await screenshot(page, 'forms-action');
      await page.locator('form.action-form').getByRole('button', { name: 'Enregistrer' }).click();
    });
    const saved = JSON.parse(await exported(page)).plan.actions.find((a) => a.id === action.id);
    assert.deepEqual(saved.partners, [ALPHA, 'CSS']);
    await edit.click();
    const planned = page.getByLabel('Budget accordé');
    await planned.fill('0,125');
    await page.locator('form.action-form').getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal(await planned.inputValue(), '0,125');
    assert.equal(await planned.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#action-planned-error').innerText(), /^Budget accordé\u00a0: «\u00a00,125\u00a0» a plus de deux décimales/);
    assert.deepEqual(await audit(page), []);
  });
});

test('a checkpoint created with the date as pre-filled is dated today', async () => {
  await withPlan(pevr(), (f) => f, '#/suivi', async (page) => {
    await page.getByLabel('Nom du suivi').fill('Bilan de vérification');
    await page.getByRole('button', { name: 'Créer le suivi' }).click();
    await page.locator('section.report').getByRole('heading', { level: 2, name: 'Bilan de vérification' }).waitFor();
    const today = TODAY;
    const created = JSON.parse(await exported(page)).plan.checkpoints.find((c) => c.label === 'Bilan de vérification');
    assert.equal(created.date, today);
  });
});

test('every budget form saved without an edit changes nothing', async () => {
  await withPlan(fixture('plan-002-cooperative'), (f) => f, '#/budget', async (page) => {
    const main = page.locator('main#contenu');
    const edits = main.getByRole('button', { name: /^Modifier/ });
    const count = await edits.count();
    assert.ok(count >= 5, `revenues, rates, lines, staff, allocations and shares: ${count}`);
    // Revenues, rates, expense lines, staff contributions, allocations and shares: each
    // saved as it opens, then the plan compared once.
    await unchanged(page, async () => {
      for (let i = 0; i < count; i += 1) {
        await edits.nth(i).click();
        const form = main.locator('form.budget-form').filter({ has: page.getByRole('button', { name: 'Annuler' }) });
        if (i === 0) await screenshot(page, 'forms-budget');
        await form.getByRole('button', { name: 'Enregistrer' }).click();
        await form.waitFor({ state: 'detached' });
      }
    });
    assert.deepEqual(await audit(page), []);
  });
});

test('an action\u2019s steps are edited as years each with its steps, shown under their year, and kept as they were when not edited', async () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/plan-002-cooperative.json'), 'utf8'));
  const action = file.plan.actions[0];
  // A step with spaces around it, and its year's steps apart in the list: saved without
  // an edit, both stay exactly as they are.
  action.steps.push({ year: action.steps[0].year, text: '  Bilan de l\u2019année  ' });
  await withPlan(file, (f) => f, '#/actions', async (page) => {
    const row = page.locator('table.actions-table tbody tr').first();
    assert.match(await row.innerText(), new RegExp(action.steps[0].year.replace(/[-]/g, '.')));
    const edit = row.getByRole('button', { name: /^Modifier/ });
    await unchanged(page, async () => {
      await edit.click();
      const form = page.locator('form.action-form');
      assert.equal(await form.getByLabel('Année', { exact: true }).first().inputValue(), action.steps[0].year);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
    });
    await edit.click();
    const form = page.locator('form.action-form');
    await form.getByRole('button', { name: 'Ajouter une année' }).click();
    await form.getByLabel('Année', { exact: true }).last().fill('2026-2027');
    await form.getByLabel('Étapes (une par ligne)').last().fill('Diffuser le guide\nMesurer son usage');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'forms-action-steps');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const year = row.locator('.steps > li', { hasText: '2026-2027' });
    await year.waitFor();
    assert.deepEqual(await year.locator('ul li').allInnerTexts(), ['Diffuser le guide', 'Mesurer son usage']);
    const saved = JSON.parse(await exported(page)).plan.actions.find((a) => a.id === action.id);
    assert.deepEqual(saved.steps.slice(-2), [{ year: '2026-2027', text: 'Diffuser le guide' }, { year: '2026-2027', text: 'Mesurer son usage' }]);
  });
});
