// Nothing typed is lost (issue 27, point 1): what is typed is kept at each keystroke, so
// that a tab or a browser closed before the field loses the focus, or the form is saved,
// loses nothing; a form left unsaved is offered back, resumed as typed or discarded at
// the user's word; a draft belongs to its plan, across a switch of plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, FILE_URL, ROOT, SAMPLE_TITLE } from './support.mjs';

const CAP = 'Mettre en place des communautés d\'apprentissage professionnelles dans les équipes-écoles';
const LECTURE = 'Offrir une formation sur l\'enseignement explicite de la lecture';
const REGIONAL = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/plan-001-regional.json'), 'utf8')).plan;

/**
 * The stored file of the plan open last, polled until storage holds it as a file: a look
 * that finds nothing there waits, the way a user's next look would.
 */
const storedPlan = async (page) => JSON.parse(await (await page.waitForFunction(() => {
  const text = localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`);
  return text?.startsWith('{') && text;
})).jsonValue()).plan;
/** Waits until the field `id` holds `value`: a form given back gets its fields one by one. */
const holds = (page, id, value) => page.waitForFunction(
  ([id, value]) => document.getElementById(id)?.value === value, [id, value]);
/** Waits until no draft is kept: what was typed is in the saved plan, or discarded. */
const noDraftKept = (page) => page.waitForFunction(
  () => !Object.keys(localStorage).some((key) => key.startsWith('jalon.v1.drafts.')));

test('a comment typed in Suivi, the browser quit before leaving the field, is there on reopening; a value that does not read is shown back', async () => {
  const first = await browser();
  const typed = 'Trois rencontres tenues\u00a0; la quatrième est prévue en février.';
  let again;
  try {
    await open(first.page, `${FILE_URL}#/suivi`);
    await saved(first.page);
    // A value that does not read, typed and left: it cannot go in the plan.
    const measure = first.page.locator('li.measurement-entry').first();
    await measure.getByLabel('Valeur à cette date').fill('beaucoup');
    await measure.getByLabel('Valeur à cette date').press('Tab');
    await measure.getByRole('alert').waitFor();
    const entry = first.page.locator('li.progress-entry', { hasText: CAP });
    await entry.getByLabel('Commentaire').fill(typed);
    assert.equal(await first.page.evaluate(() => document.activeElement.id.startsWith('narrative-')), true,
      'the focus is still in the field');
  } finally {
    await first.close({ keepProfile: true });
  }
  try {
    again = await browser({ profile: first.profile });
    const { page } = again;
    await open(page, `${FILE_URL}#/suivi`);
    const entry = page.locator('li.progress-entry', { hasText: CAP });
    assert.equal(await entry.getByLabel('Commentaire').inputValue(), typed);
    // Shown back as typed, with why it is not in the plan.
    const measure = page.locator('li.measurement-entry').first();
    assert.equal(await measure.getByLabel('Valeur à cette date').inputValue(), 'beaucoup');
    assert.match(await measure.getByRole('alert').innerText(), /«\u00a0beaucoup\u00a0» ne se lit pas comme un pourcentage/);
    // In the plan, with the status and percent it had, and saved.
    await saved(page);
    const record = (await storedPlan(page)).actions.find((a) => a.id === 'moyen-cap').progress[0];
    assert.equal(record.narrative, typed);
    assert.equal(record.percent, 40);
    // The comment's draft went with the save; the value that does not read stays one.
    await page.waitForFunction(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('jalon.v1.drafts.'));
      const kept = key ? localStorage.getItem(key) : '';
      return !kept.includes('narrative') && kept.includes('beaucoup');
    });
    await entry.getByLabel('Commentaire').scrollIntoViewIfNeeded();
    await screenshot(page, 'drafts-comment-back-1366');
    assert.deepEqual(await audit(page), []);
  } finally {
    await again?.close();
  }
});

test('an action\'s form changed and closed with the tab is offered back: resumed as typed, or discarded', async () => {
  const b = await browser();
  try {
    let page = b.page;
    await open(page, `${FILE_URL}#/actions`);
    await saved(page);
    await page.getByRole('button', { name: `Modifier « ${LECTURE} »` }).click();
    let form = page.locator('form.action-form');
    await form.getByLabel('Titre').fill('Offrir deux formations sur la lecture');
    await form.getByLabel('Budget accordé').fill('12 500 $');
    await page.close();

    page = await b.context.newPage();
    await open(page, `${FILE_URL}#/actions`);
    const offer = page.locator('.unsaved-input');
    await offer.getByRole('heading', { name: 'Saisie non enregistrée' }).waitFor();
    assert.match(await offer.innerText(), /Moyens «\u00a0Offrir deux formations sur la lecture\u00a0»/);
    assert.equal(await page.locator('form.action-form').count(), 0, 'offered, not opened unasked');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'drafts-offer-1366');

    await offer.getByRole('button', { name: 'Reprendre la saisie non enregistrée' }).click();
    form = page.locator('form.action-form');
    await form.getByRole('heading', { name: /^Modifier/ }).waitFor();
    await holds(page, 'action-title', 'Offrir deux formations sur la lecture');
    await holds(page, 'action-planned', '12 500 $');
    await offer.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Modifier « Offrir deux formations sur la lecture »' }).waitFor();
    await saved(page);
    await noDraftKept(page);
    const lecture = (await storedPlan(page)).actions.find((a) => a.id === 'moyen-lecture');
    assert.equal(lecture.title, 'Offrir deux formations sur la lecture');
    assert.equal(lecture.budget_planned, 1250000);

    // Another form left the same way, and discarded from another screen.
    await page.getByRole('button', { name: `Modifier « ${CAP} »` }).click();
    await page.locator('form.action-form').getByLabel('Titre').fill('Un titre qui ne sera pas gardé');
    await page.close();
    page = await b.context.newPage();
    await open(page, FILE_URL);
    const left = page.locator('.unsaved-input');
    await left.getByText('Un titre qui ne sera pas gardé').waitFor();
    await left.getByRole('button', { name: 'Abandonner la saisie' }).click();
    await left.waitFor({ state: 'detached' });
    await noDraftKept(page);
    await page.reload();
    await page.waitForSelector('main#contenu h1');
    assert.equal(await page.locator('.unsaved-input').count(), 0);
    assert.equal((await storedPlan(page)).actions.find((a) => a.id === 'moyen-cap').title, CAP);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a form left unsaved belongs to its plan: not offered in another plan, offered again back in its own', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/actions`);
    await saved(page);
    // Another plan kept in this browser.
    await page.evaluate(([text, id]) => localStorage.setItem(`jalon.v1.plans.${id}`, text),
      [readFileSync(join(ROOT, 'tests/fixtures/plan-001-regional.json'), 'utf8'), REGIONAL.id]);
    await page.reload();
    await page.getByRole('button', { name: 'Ajouter\u00a0: Moyen' }).click();
    const typing = page.locator('form.action-form');
    await typing.getByLabel('Titre').fill('Soutenir les devoirs à la bibliothèque');
    // A year of the échéancier added, with its steps: the form grows as it is typed in.
    await typing.getByRole('button', { name: 'Ajouter une année' }).click();
    await typing.getByLabel('Année', { exact: true }).fill('2025-2026');
    await typing.getByLabel('Étapes (une par ligne)').fill('Entente avec la bibliothèque\nPremier atelier');

    // Another screen: the form is gone from view, its input offered back.
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Mes plans' }).click();
    const offer = page.locator('.unsaved-input');
    await offer.getByText('Soutenir les devoirs à la bibliothèque').waitFor();
    await page.getByRole('button', { name: `Ouvrir « ${REGIONAL.title} »` }).click();
    await page.waitForFunction((title) => document.getElementById('plan-title')?.value === title, REGIONAL.title);
    assert.equal(await offer.count(), 0, 'the other plan has nothing of it');

    const sample = SAMPLE_TITLE;
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('link', { name: 'Mes plans' }).click();
    await page.getByRole('button', { name: `Ouvrir « ${sample} »` }).click();
    await page.waitForFunction((title) => document.getElementById('plan-title')?.value.startsWith(title), sample);
    await offer.getByText('Soutenir les devoirs à la bibliothèque').waitFor();
    await offer.getByRole('button', { name: 'Reprendre la saisie non enregistrée' }).click();
    const form = page.locator('form.action-form');
    await form.getByRole('heading', { name: 'Moyen — ajout' }).waitFor();
    await holds(page, 'action-title', 'Soutenir les devoirs à la bibliothèque');
    await holds(page, 'action-year-0', '2025-2026');
    await holds(page, 'action-steps-0', 'Entente avec la bibliothèque\nPremier atelier');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('the offer of unsaved input, in French and in English, on a phone and a computer', async () => {
  for (const width of [1366, 390]) {
    const b = await browser({ width, height: width > 400 ? 768 : 844 });
    try {
      let page = b.page;
      await open(page, `${FILE_URL}#/budget`);
      await saved(page);
      const form = page.getByRole('form', { name: 'Nouvelle ligne de revenus' });
      await form.getByLabel('Libellé').fill('Subvention de la fondation régionale pour les devoirs');
      await page.close();
      page = await b.context.newPage();
      await open(page, FILE_URL);
      const offer = page.locator('.unsaved-input');
      await offer.getByText('Budget «\u00a0Subvention de la fondation régionale pour les devoirs\u00a0»').waitFor();
      assert.deepEqual(await audit(page), []);
      await screenshot(page, `drafts-offer-fr-${width}`);
      await page.evaluate(() => localStorage.setItem('jalon.v1.lang', 'en'));
      await page.reload();
      await offer.getByRole('heading', { name: 'Unsaved input' }).waitFor();
      assert.match(await offer.innerText(), /Budget “Subvention de la fondation régionale pour les devoirs”/);
      assert.deepEqual(await audit(page), []);
      await screenshot(page, `drafts-offer-en-${width}`);
      await offer.getByRole('button', { name: 'Resume unsaved input' }).click();
      await holds(page, 'rev-new-0', 'Subvention de la fondation régionale pour les devoirs');
      await offer.waitFor({ state: 'detached' });
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  }
});
