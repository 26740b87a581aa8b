// Undo undoes one act, and says which; every control shows what the plan holds after an
// undo, a redo or another tab's save (issue 11, point 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, saved, screenshot, FILE_URL, SAMPLE_TITLE as SAMPLE } from './support.mjs';


/** Polls `read` until it returns `expected` (deep-equal), or fails after ten seconds. */
async function until(read, expected, message) {
  let last;
  for (const deadline = Date.now() + 10000; Date.now() < deadline;) {
    last = await read();
    try { assert.deepEqual(last, expected); return; } catch { /* not yet */ }
    await new Promise((ok) => setImmediate(ok));
  }
  assert.deepEqual(last, expected, message);
}

const statusSelects = (page) => page.locator('.actions-table .progress-cell select');
const statusValues = (page) => statusSelects(page).evaluateAll((all) => all.map((s) => s.value));
const responsibles = (page) => page.locator('.actions-table input.responsible');
const responsibleValues = (page) => responsibles(page).evaluateAll((all) => all.map((i) => i.value));
/** A status other than `value`: the list's options are the statuses' indices. */
const other = (value) => (value === '3' ? '1' : '3');

/** Ctrl+Z (or Ctrl+Y) away from any text field. */
async function key(page, keys) {
  await page.locator('main').focus();
  await page.keyboard.press(keys);
}

/** The actions screen, once the sample is saved (it is new to this browser's first tab). */
async function actionsScreen(page, { first = true } = {}) {
  await open(page, `${FILE_URL}#/actions`);
  await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
  if (first) await saved(page);
}

test('three status changes to three actions are three steps; the button says what it will undo', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await actionsScreen(page);
    const before = await statusValues(page);
    assert.ok(before.length >= 3, 'the sample has at least three actions in the table');
    const after = [...before];
    for (const i of [0, 1, 2]) {
      after[i] = other(before[i]);
      await statusSelects(page).nth(i).selectOption(after[i]);
      await until(() => statusValues(page), after);
    }
    const third = (await page.locator('.actions-table tbody tr').nth(2).locator('th').innerText()).trim();
    const undo = page.locator('.history button.undo');
    const name = (await undo.textContent()).trim();
    assert.match(name, /^Défaire\s: état d'avancement — Moyen « /);
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, 'the button\'s name says what it will undo');
    assert.ok(third.startsWith(name.replace(/^.*« /, '').replace(/…? »$/, '')), `${name} names « ${third} »`);
    assert.equal(await undo.getAttribute('title'), `${name} (Ctrl+Z)`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await undo.hover();
    await screenshot(page, 'undo-names-the-act');

    await key(page, 'Control+z');
    await until(() => statusValues(page), [after[0], after[1], before[2], ...after.slice(3)], 'only the last change is undone');
    const walked = page.locator('.walked');
    assert.equal(await walked.getAttribute('role'), 'status');
    assert.equal(await walked.innerText(), name.replace(/^Défaire/, 'Annulé'));
    assert.equal((await page.locator('.history button.redo').textContent()).trim(), name.replace(/^Défaire/, 'Refaire'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'undo-said');
    await key(page, 'Control+z');
    await until(() => statusValues(page), [after[0], before[1], before[2], ...after.slice(3)]);
    await key(page, 'Control+y');
    await until(() => statusValues(page), [after[0], after[1], before[2], ...after.slice(3)]);
    assert.match(await walked.innerText(), /^Rétabli\s: état d'avancement — /);
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a word typed in the title is one step; typing in two fields, or again after leaving the field, is two', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await actionsScreen(page);
    const title = page.getByLabel('Titre du plan');
    const undo = page.locator('.history button.undo');
    await title.focus();
    await page.keyboard.press('End');
    await title.pressSequentially(' révisé');
    await key(page, 'Control+z');
    await until(() => title.inputValue(), SAMPLE, 'the whole word is undone');
    assert.ok(await undo.isDisabled(), 'in one step');
    await page.getByRole('button', { name: 'Refaire\u00a0: titre du plan', exact: true }).waitFor();

    // The title, then a responsible: two steps, undone one at a time.
    await title.focus();
    await page.keyboard.press('End');
    await title.pressSequentially(' bis');
    const responsible = responsibles(page).first();
    const was = await responsible.inputValue();
    await responsible.fill('Équipe des services éducatifs');
    await responsible.press('Tab');
    await key(page, 'Control+z');
    await until(async () => [await title.inputValue(), await responsible.inputValue()], [`${SAMPLE} bis`, was]);
    await key(page, 'Control+z');
    await until(() => title.inputValue(), SAMPLE);
    assert.ok(await undo.isDisabled());

    // Typing in the title again after leaving it is a step of its own.
    await title.focus();
    await page.keyboard.press('End');
    await title.pressSequentially(' un');
    await title.blur();
    await title.focus();
    await page.keyboard.press('End');
    await title.pressSequentially(' deux');
    await key(page, 'Control+z');
    await until(() => title.inputValue(), `${SAMPLE} un`);
    await key(page, 'Control+z');
    await until(() => title.inputValue(), SAMPLE);
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('after undo and redo, every status list, checkbox and text field shows what the plan holds, ten times in a row', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await actionsScreen(page);
    const expected = await statusValues(page);
    const rows = Math.min(expected.length, 5);
    for (let round = 0; round < 10; round += 1) {
      const i = round % rows;
      const was = expected[i];
      expected[i] = other(was);
      await statusSelects(page).nth(i).selectOption(expected[i]);
      await until(() => statusValues(page), expected);
      await key(page, 'Control+z');
      expected[i] = was;
      await until(() => statusValues(page), expected, `round ${round}: undone`);
      await key(page, 'Control+y');
      expected[i] = other(was);
      await until(() => statusValues(page), expected, `round ${round}: redone`);
    }

    // A column's checkbox.
    await page.locator('.column-picker summary').click();
    const box = page.locator('.column-picker input[type=checkbox]').first();
    const shown = await box.isChecked();
    await box.setChecked(!shown);
    await key(page, 'Control+z');
    await until(() => box.isChecked(), shown);
    await key(page, 'Control+y');
    await until(() => box.isChecked(), !shown);
    await key(page, 'Control+z');
    await until(() => box.isChecked(), shown);

    // A responsible's field.
    const names = await responsibleValues(page);
    await responsibles(page).nth(1).fill('Direction adjointe');
    await responsibles(page).nth(1).press('Tab');
    await key(page, 'Control+z');
    await until(() => responsibleValues(page), names);
    await key(page, 'Control+y');
    await until(() => responsibleValues(page), [names[0], 'Direction adjointe', ...names.slice(2)]);

    // What the page shows is what was kept.
    await saved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    assert.deepEqual(await statusValues(page), expected);
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('after another tab saves, the lists and fields this page had changed show the other tab\'s values', async () => {
  const b = await browser();
  try {
    const first = b.page;
    await actionsScreen(first);
    const second = await b.context.newPage();
    second.on('pageerror', (e) => b.errors.push(String(e)));
    await actionsScreen(second, { first: false });

    // This page changes a status and a column, which the other tab then changes again.
    const start = await statusValues(first);
    const boxes = (page) => page.locator('.column-picker input[type=checkbox]');
    await first.locator('.column-picker summary').click();
    await second.locator('.column-picker summary').click();
    const shown = await boxes(first).first().isChecked();
    await statusSelects(first).nth(0).selectOption(other(start[0]));
    await boxes(first).first().setChecked(!shown);
    await saved(first);
    await until(() => statusValues(second), [other(start[0]), ...start.slice(1)]);
    await until(() => boxes(second).first().isChecked(), !shown);
    await statusSelects(second).nth(0).selectOption(start[0]);
    await boxes(second).first().setChecked(shown);
    await responsibles(second).nth(0).fill('Équipe de l\'autre onglet');
    await responsibles(second).nth(0).press('Tab');
    await saved(second);

    await first.getByRole('alert').getByText('modifié dans un autre onglet').waitFor();
    await until(() => statusValues(first), start);
    await until(() => boxes(first).first().isChecked(), shown);
    await until(async () => (await responsibleValues(first))[0], 'Équipe de l\'autre onglet');
    assert.deepEqual(await audit(first), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('an open indicator form shows what the plan holds after an undo and a redo: its label, its baseline, the row being changed', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/indicateurs`);
    await saved(page);
    await page.getByRole('button', { name: /^Modifier « / }).first().click();
    const form = page.locator('section.indicator-form');
    const label = form.getByLabel('Libellé', { exact: false }).first();
    const before = await label.inputValue();
    await label.fill('Libellé changé puis défait');
    await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await form.getByText('Indicateur enregistré.').waitFor();
    await key(page, 'Control+z');
    await until(() => label.inputValue(), before, 'the label field after the undo');
    await key(page, 'Control+y');
    await until(() => label.inputValue(), 'Libellé changé puis défait', 'the label field after the redo');

    const segment = form.locator('section.segment-form').first();
    const baseline = segment.getByLabel(/^Valeur/).first();
    const held = await baseline.inputValue();
    await baseline.fill('12,5 %');
    await segment.getByRole('button', { name: 'Enregistrer le départ' }).click();
    await until(() => baseline.inputValue(), '12,5\u00a0%', 'the baseline as saved');
    await key(page, 'Control+z');
    await until(() => baseline.inputValue(), held, 'the baseline field after the undo');

    // A target being changed whose row an undo removes is no longer being changed.
    await segment.getByLabel(/^Date/).nth(1).fill('2027');
    await segment.getByLabel(/^Valeur/).nth(1).fill('91 %');
    await segment.getByRole('button', { name: 'Ajouter la cible' }).click();
    const changeTarget = segment.getByRole('button', { name: /^Modifier la cible/ });
    await changeTarget.last().click();
    await segment.getByRole('button', { name: 'Enregistrer la cible' }).waitFor();
    await key(page, 'Control+z');
    await segment.getByRole('button', { name: 'Ajouter la cible' }).waitFor();
    assert.equal(await segment.getByLabel(/^Valeur/).nth(1).inputValue(), '');
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
