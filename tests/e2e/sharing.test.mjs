// Between partners: a part sent, updated in the partner's own browser, returned and
// merged field by field; who has answered; files that are not a return of this plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, FILE_URL, ROOT, toEnglish } from './support.mjs';

const PRIMARY = 'Services éducatifs — primaire';
const TRAINING = 'Offrir une formation sur l\'enseignement explicite de la lecture';
const COACHING = 'Accompagner les écoles ciblées dans l\'utilisation de la manipulation en mathématique';

/** Clicks `button` and returns the downloaded file's name and text. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const asFile = ({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The coordinator sends the sample plan's part to the primary-school services. */
async function sendPart(page) {
  await open(page, `${FILE_URL}#/partenaires`);
  await page.getByLabel('Destinataire').selectOption(PRIMARY);
  const ticks = page.locator('.send-actions input[type=checkbox]');
  await ticks.first().waitFor();
  return downloaded(page, page.getByRole('button', { name: 'Exporter la partie (.json)' }));
}

/** Saves the open action form after `fill` has filled it. */
async function editAction(page, title, fill) {
  await page.getByRole('button', { name: `Modifier « ${title} »` }).click();
  const form = page.locator('form.action-form');
  await fill(form);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.waitFor({ state: 'detached' });
}

test('a part is sent, updated in the partner\'s browser, returned and merged field by field', async () => {
  const coordinator = await browser();
  const partner = await browser();
  try {
    const c = coordinator.page;
    await open(c, `${FILE_URL}#/partenaires`);
    await c.getByLabel('Destinataire').selectOption(PRIMARY);
    const ticks = c.locator('.send-actions input[type=checkbox]');
    await ticks.first().waitFor();
    assert.deepEqual(await c.locator('.send-actions label').allInnerTexts(), [TRAINING, COACHING]);
    assert.equal(await c.locator('.send-actions legend').innerText(),
      '2 moyens dont ce destinataire est responsable, porteur ou partenaire. Décochez ce qui ne doit pas être envoyé.');
    assert.deepEqual(await audit(c), []);
    await screenshot(c, 'sharing-send-1366');
    const part = await downloaded(c, c.getByRole('button', { name: 'Exporter la partie (.json)' }));
    assert.match(part.name, /^partie-services-educatifs-primaire-\d{4}-\d{2}-\d{2}\.json$/);
    const sent = JSON.parse(part.text);
    assert.equal(sent.version, 3);
    assert.equal(sent.plan.part.to, PRIMARY);
    assert.deepEqual(sent.plan.actions.map((a) => a.title), [TRAINING, COACHING]);
    assert.ok(sent.plan.indicators.length > 0, 'the indicators of the objectives served go with it');
    assert.equal(sent.plan.budget, undefined);
    await c.locator('.sendings td').getByText('En attente de réponse').waitFor();
    assert.match(await c.locator('.sendings').innerText(), /1 sur 1 en attente de réponse/);

    // The partner opens the part beside the sample plan its own browser holds.
    const p = partner.page;
    await open(p, `${FILE_URL}#/plans`);
    await p.locator('#import-file').setInputFiles(asFile(part));
    await p.getByRole('button', { name: 'Ajouter ce plan' }).click();
    const banner = p.locator('.part-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Partie du plan «\u00a0Plan d'engagement vers la réussite 2025-2029\u00a0», envoyée par Centre de services scolaire des Quatre-Vents le \d+ \S+ \d{4} à Services éducatifs — primaire, pour le suivi «\u00a0Bilan de fin d'année\u00a0» du 20 juin 2026\./);
    await p.goto(`${FILE_URL}#/plans`);
    await p.locator('.plan-entry').nth(1).waitFor();
    assert.equal(await p.locator('.plan-entry').count(), 2, 'the part stands beside the whole plan');
    assert.equal(await p.locator('.plan-entry .badge.part').innerText(), `Partie pour ${PRIMARY}`);

    await p.goto(`${FILE_URL}#/actions`);
    await p.getByLabel(/^État d'avancement — Accompagner les écoles ciblées/).selectOption({ label: 'Réalisé' });
    await editAction(p, TRAINING, (form) => form.getByLabel(/^Mise en œuvre/).fill('Quatre demi-journées par année, en ligne'));
    await p.getByRole('button', { name: 'Ajouter : Moyen' }).click();
    const form = p.locator('form.action-form');
    await form.getByLabel('Titre').fill('Club de lecture le midi dans trois écoles');
    await form.locator('input[type=checkbox]').first().check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });
    // The context cannot be changed: the plan's title is read only, and a change
    // asked elsewhere is refused, saying why.
    assert.equal(await p.getByLabel('Titre du plan').isEditable(), false);
    await p.goto(`${FILE_URL}#/parametres`);
    assert.equal(await p.locator('#org-new-name').isDisabled(), true);
    await p.goto(`${FILE_URL}#/structure`);
    assert.equal(await p.locator('.context-only button').first().isDisabled(), true);
    assert.deepEqual(await audit(p), []);
    await p.goto(`${FILE_URL}#/actions`);
    await p.locator('tr', { hasText: COACHING }).waitFor();
    assert.equal(await p.getByRole('button', { name: `Supprimer « ${COACHING} »` }).count(), 0, 'a sent action stays');
    // A measurement of an indicator sent with the part, at the checkpoint.
    await p.goto(`${FILE_URL}#/suivi`);
    const measure = p.locator('section.report li.measurement-entry').first();
    await measure.getByLabel('Valeur à cette date').fill('64,5');
    await measure.getByLabel('Valeur à cette date').press('Tab');
    await p.waitForFunction(() => document.querySelector('section.report li.measurement-entry input')?.value.startsWith('64,5'));
    assert.equal(await measure.getByRole('alert').count(), 0);
    await p.goto(`${FILE_URL}#/actions`);
    assert.deepEqual(await audit(p), []);
    await screenshot(p, 'sharing-part-1366');
    await p.reload();
    await banner.waitFor();
    const returned = await downloaded(p, banner.getByRole('button', { name: 'Exporter le retour (.json)' }));
    assert.match(returned.name, /^retour-services-educatifs-primaire-/);

    // Meanwhile the coordinator rewrote the same field: a conflict.
    await c.goto(`${FILE_URL}#/actions`);
    await editAction(c, TRAINING, (f) => f.getByLabel(/^Mise en œuvre/).fill('Deux journées par année, en présence'));

    await c.goto(`${FILE_URL}#/partenaires`);
    await c.locator('#return-file').setInputFiles(asFile(returned));
    const review = c.locator('.return-review');
    await review.waitFor();
    assert.match(await review.innerText(), /2 changements repris, 1 conflit à résoudre, 1 proposition à décider\./);
    assert.match(await review.locator('tr.taken-row', { hasText: 'Mesure du 20 juin 2026' }).innerText(), /64,5/);
    const conflict = review.locator('tr.conflict-row');
    assert.match(await conflict.innerText(), /Deux journées par année, en présence/);
    assert.equal(await conflict.locator('ins').first().innerText(), 'Quatre demi-journées ');
    const merge = review.getByRole('button', { name: 'Fusionner le retour' });
    assert.equal(await merge.isDisabled(), true, 'nothing is merged while a choice waits');
    assert.deepEqual(await audit(c), []);
    await review.scrollIntoViewIfNeeded();
    await screenshot(c, 'sharing-review-1366');
    await conflict.getByLabel('Écrire une autre valeur').check();
    await conflict.getByLabel('Valeur retenue').fill('Quatre demi-journées par année, en présence');
    await review.locator('li.proposal').getByLabel('Accepter').check();
    await merge.click();
    await c.getByRole('status').getByText(/Retour de Services éducatifs — primaire fusionné/).waitFor();

    await c.goto(`${FILE_URL}#/actions`);
    assert.match(await c.locator('tr', { hasText: 'Club de lecture le midi' }).innerText(), /Club de lecture/);
    const status = c.getByLabel(/^État d'avancement — Accompagner les écoles ciblées/);
    assert.equal(await status.locator('option:checked').innerText(), 'Réalisé');
    // One undo takes the whole merge back.
    await c.getByRole('button', { name: /^Défaire/ }).click();
    await c.locator('tr', { hasText: 'Club de lecture le midi' }).waitFor({ state: 'detached' });
    await c.getByRole('button', { name: /^Refaire/ }).click();
    await c.locator('tr', { hasText: 'Club de lecture le midi' }).waitFor();

    await c.goto(`${FILE_URL}#/partenaires`);
    await c.locator('.sendings').getByText(/Reçu le .*3\u00a0changements, dont 1 conflit\u00a0; 1\u00a0proposition d'ajout, 1 acceptée$/).waitFor();
    // The same return again changes nothing.
    await c.locator('#return-file').setInputFiles(asFile(returned));
    await c.getByRole('alert').getByText(/Ce retour a déjà été fusionné/).waitFor();
    assert.deepEqual(coordinator.errors, []);
    assert.deepEqual(partner.errors, []);
  } finally {
    await coordinator.close();
    await partner.close();
  }
});

const ORIGIN = `Partie du plan «\u00a0Plan d'engagement vers la réussite 2025-2029\u00a0», envoyée par Centre de services scolaire des Quatre-Vents le 28 novembre 2026 à ${PRIMARY}, pour le suivi «\u00a0Bilan de fin d'année\u00a0» du 20 juin 2026.`;

test('a partner\'s part is a part: said before it is added, whose and until when on every screen, only what it permits offered, the return\'s file named', async () => {
  const coordinator = await browser();
  const partner = await browser();
  try {
    const part = await sendPart(coordinator.page);
    // The partner's own browser, which opens on its sample plan.
    const p = partner.page;
    await open(p, `${FILE_URL}#/plans`);
    await p.locator('#import-file').setInputFiles(asFile(part));
    const preview = p.locator('.file-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), new RegExp(ORIGIN.replace(/[.()]/g, '\\$&')));
    assert.deepEqual(await audit(p), []);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(p, 'sharing-part-preview-1366-fr');
    await preview.getByRole('button', { name: 'Ajouter ce plan' }).click();

    // Under the title, on every screen: whose part it is and for which checkpoint.
    const holder = p.locator('header .part-holder');
    await holder.waitFor();
    assert.equal(await holder.innerText(), `Partie de ${PRIMARY}, à remplir pour le suivi «\u00a0Bilan de fin d'année\u00a0» du 20 juin 2026`);
    assert.equal(await p.getByLabel('Titre du plan').isEditable(), false);

    // The checkpoint is the coordinator's: shown, reported at, never deleted or changed.
    await p.goto(`${FILE_URL}#/suivi`);
    const entry = p.locator('.checkpoint-entry', { hasText: "Bilan de fin d'année" });
    await entry.waitFor();
    assert.deepEqual(await entry.getByRole('button').allInnerTexts(), []);
    assert.equal(await p.getByRole('button', { name: 'Fermer ce suivi' }).count(), 0);
    const status = p.getByLabel('État d\'avancement').first();
    assert.equal(await status.isEnabled(), true, 'its progress is the partner\'s to report');
    assert.deepEqual(await audit(p), []);
    await screenshot(p, 'sharing-part-followup-1366-fr');

    // A sent action: its fields changed, its place in the plan shown as sent.
    await p.goto(`${FILE_URL}#/actions`);
    await p.locator('tr', { hasText: TRAINING }).waitFor();
    assert.equal(await p.getByRole('button', { name: /^Supprimer/ }).count(), 0, 'no sent action is offered for deletion');
    await p.getByRole('button', { name: `Modifier « ${TRAINING} »` }).click();
    const form = p.locator('form.action-form');
    assert.equal(await form.getByLabel('Titre').isEditable(), true);
    assert.equal(await form.getByLabel(/^Code/).isEditable(), false);
    assert.equal(await form.getByLabel('Fiduciaire').isEditable(), false);
    assert.equal(await form.locator('fieldset.objective-choices input').first().isDisabled(), true);
    assert.deepEqual(await audit(p), []);
    await form.getByRole('button', { name: 'Annuler' }).click();
    // What the partner proposes stays theirs to delete.
    await p.getByRole('button', { name: 'Ajouter : Moyen' }).click();
    await form.getByLabel('Titre').fill('Club de lecture le midi');
    await form.locator('input[type=checkbox]').first().check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await p.getByRole('button', { name: 'Supprimer « Club de lecture le midi »' }).waitFor();

    // The indicators' definitions are the coordinator's; they are measured at the follow-up.
    await p.goto(`${FILE_URL}#/indicateurs`);
    await p.locator('.indicator-card').first().waitFor();
    assert.equal(await p.getByRole('button', { name: /^Ajouter un indicateur|^Modifier/ }).count(), 0);

    // Sending the return says which file was written, and where it goes.
    const banner = p.locator('.part-banner');
    const returned = await downloaded(p, banner.getByRole('button', { name: 'Exporter le retour (.json)' }));
    assert.equal(returned.name, 'retour-services-educatifs-primaire-2026-11-28.json');
    assert.equal(JSON.parse(returned.text).plan.part.to, PRIMARY);
    await banner.getByRole('status').getByText(`Retour exporté\u00a0: le fichier «\u00a0${returned.name}\u00a0» est dans vos téléchargements. Envoyez-le au coordonnateur (Centre de services scolaire des Quatre-Vents).`).waitFor();
    assert.deepEqual(await audit(p), []);
    await screenshot(p, 'sharing-part-returned-1366-fr');

    // In English, on a phone: the same words, fitting the screen.
    await p.setViewportSize({ width: 390, height: 844 });
    await toEnglish(p);
    await holder.getByText(`Part for ${PRIMARY}, to fill in for the checkpoint “Bilan de fin d'année” of June 20, 2026`).waitFor();
    const inEnglish = await downloaded(p, banner.getByRole('button', { name: 'Export the return (.json)' }));
    assert.equal(inEnglish.name, 'return-services-educatifs-primaire-2026-11-28.json');
    await banner.getByRole('status').getByText(`Return exported: the file “${inEnglish.name}” is in your downloads. Send it to the coordinator (Centre de services scolaire des Quatre-Vents).`).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
    assert.deepEqual(await audit(p), []);
    await screenshot(p, 'sharing-part-390-en');
    await p.goto(`${FILE_URL}#/plans`);
    await p.locator('#import-file').setInputFiles(asFile(part));
    await preview.getByText(/^Part of the plan “Plan d'engagement vers la réussite 2025-2029”, sent by Centre de services scolaire des Quatre-Vents on November 28, 2026 to .*, for the checkpoint “Bilan de fin d'année” of June 20, 2026\.$/).waitFor();
    await preview.scrollIntoViewIfNeeded();
    await screenshot(p, 'sharing-part-preview-390-en');
    assert.deepEqual(coordinator.errors, []);
    assert.deepEqual(partner.errors, []);
  } finally {
    await coordinator.close();
    await partner.close();
  }
});

test('a whole plan, a part of another plan and a part of an unknown sending are refused as returns', async () => {
  const b = await browser();
  try {
    const page = b.page;
    const part = await sendPart(page);
    const whole = readFileSync(join(ROOT, 'tests/fixtures/plan-001-regional.json'), 'utf8');
    const other = JSON.parse(part.text);
    other.plan.part.plan = 'un-autre-plan';
    const unknown = JSON.parse(part.text);
    unknown.plan.part.sending = 'envoi-inconnu';
    const cases = [
      [{ name: 'plan.json', text: whole }, /Ce fichier est un plan entier/],
      [{ name: 'autre.json', text: JSON.stringify(other) }, /une partie d'un autre plan/],
      [{ name: 'inconnu.json', text: JSON.stringify(unknown) }, /d'un envoi que ce plan n'a pas enregistré/],
      [{ name: 'casse.json', text: '{ "format": "jalon-plan", ' }, /se termine|fin|JSON/i],
    ];
    for (const [file, message] of cases) {
      await page.locator('#return-file').setInputFiles(asFile(file));
      const alert = page.getByRole('alert').filter({ hasText: file.name });
      await alert.waitFor();
      assert.match(await alert.innerText(), message);
    }
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('another plan\'s return opened from « Mes plans »: the plan it belongs to opened to review it, never added as a plan', async () => {
  const b = await browser();
  try {
    const page = b.page;
    const part = await sendPart(page);
    await saved(page);
    const sample = JSON.parse(part.text).plan.title;
    // Another plan opens: the sample, which recorded the sending, is no longer open.
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('#import-file').setInputFiles(asFile({ name: 'regional.json', text: readFileSync(join(ROOT, 'tests/fixtures/plan-001-regional.json'), 'utf8') }));
    await page.getByRole('button', { name: 'Ajouter ce plan' }).click();
    await page.getByRole('link', { name: 'Tableau de bord', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    await saved(page);
    await page.goto(`${FILE_URL}#/plans`);
    await page.locator('.plan-entry').nth(1).waitFor();
    const plans = await page.locator('.plan-entry').count();

    await page.locator('#import-file').setInputFiles(asFile(part));
    const preview = page.locator('.file-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), new RegExp(`^Ce fichier est le retour de ${PRIMARY} pour le plan «\u00a0${sample}\u00a0» \\(partie envoyée le \\d+ \\S+ \\d{4}\\), un plan de ce navigateur qui n'est pas ouvert\u00a0: ouvrez ce plan pour examiner ce retour et le fusionner\\. Il n'est pas ajouté comme un nouveau plan\\.`));
    assert.equal(await preview.getByRole('button', { name: 'Ajouter ce plan' }).count(), 0);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'sharing-return-of-plan-not-open');
    await preview.getByRole('button', { name: new RegExp(`^Ouvrir «\\s${sample}\\s» et examiner ce retour$`) }).click();
    const review = page.locator('.return-review');
    await review.waitFor();
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), sample, 'the plan it belongs to is open');
    assert.equal(await page.locator('.plan-entry').count(), plans, 'nothing added to the library');

    // A part of a plan this browser does not keep: said for what it is; it may still be
    // added, as a partner adds the part sent to them.
    const elsewhere = JSON.parse(part.text);
    elsewhere.plan.part.plan = 'plan-d-un-autre-navigateur';
    await page.locator('#import-file').setInputFiles(asFile({ name: 'partie.json', text: JSON.stringify(elsewhere) }));
    await page.locator('.part-elsewhere').waitFor();
    assert.match(await page.locator('.file-preview').innerText(), new RegExp(`Partie du plan «\u00a0${sample}\u00a0», envoyée par .* le \\d+ \\S+ \\d{4} à ${PRIMARY}, pour le suivi «\u00a0Bilan de fin d'année\u00a0» du 20 juin 2026\\.`));
    assert.match(await page.locator('.part-elsewhere').innerText(), new RegExp(`^Le plan «\u00a0${sample}\u00a0» n'est pas dans ce navigateur\u00a0: ajouté ici, ce fichier devient un plan à part, la partie de ${PRIMARY} à remplir\\.`));
    assert.equal(await page.locator('.file-preview').getByRole('button', { name: 'Ajouter ce plan' }).count(), 1);
    assert.deepEqual(await audit(page), []);
  } finally {
    await b.close();
  }
});

test('a return edited by hand: a proposal under a taken id goes in under a free one, a value with no segment is shown unplaced, and the plan opens again', async () => {
  const b = await browser();
  try {
    const page = b.page;
    const part = await sendPart(page);
    const edited = JSON.parse(part.text);
    const plan = edited.plan;
    // An objective of the coordinator's plan that the part does not hold: its id is free
    // in the partner's file, taken in the coordinator's plan.
    const stored = await page.waitForFunction(() => Object.keys(localStorage).find((k) => k.startsWith('jalon.v1.plans.')));
    const mine = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).plan, await stored.jsonValue());
    const inPart = new Set(plan.elements.map((e) => e.id));
    const objective = mine.elements.find((e) => e.level === mine.objective_level && !inPart.has(e.id)).id;
    plan.actions.push({ ...plan.actions[0], id: objective, title: 'Club de lecture le midi', progress: [] });
    // A sent action written again under another id: recognised by its title.
    plan.actions[1].id = 'copie-de-la-partenaire';
    const indicator = plan.indicators[0];
    indicator.segments[0].id = 'segment-edite';
    indicator.segments[0].measurements = [{ date: '2024-06-30', value: { number: 71.5 } }];
    await page.locator('#return-file').setInputFiles(asFile({ name: 'retour-edite.json', text: JSON.stringify(edited) }));
    const review = page.locator('.return-review');
    await review.waitFor();
    const unplaced = (await review.locator('ul.unplaced-values li').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.equal(unplaced.length, 1, unplaced.join('\n'));
    assert.match(unplaced[0], /Mesure du 30 juin 2024 .*: 71,5.* — ce segment n'est pas \(ou plus\) dans votre plan ; la valeur n'est pas reprise\.$/);
    assert.equal(await review.locator('tr.taken-row').count(), 0, 'nothing said taken: not the value, nor a removal of the plan\'s own');
    const paired = (await review.locator('ul.paired-actions li').innerText()).replace(/\u00a0/g, ' ');
    assert.match(paired, /est revenu sous un autre identifiant \(« copie-de-la-partenaire »\) : reconnu à son titre ou à son code/);
    assert.equal(await review.locator('li.proposal').count(), 1, 'the action written again is no proposal');
    const renamed = (await review.locator('ul.renamed-proposals li').innerText()).replace(/\u00a0/g, ' ');
    assert.match(renamed, new RegExp(`^L'identifiant « ${objective} » est déjà pris \\(par .*\\) : la proposition est reprise sous « ${objective}-2 »\\.$`));
    assert.deepEqual(await audit(page), []);
    await review.scrollIntoViewIfNeeded();
    await screenshot(page, 'sharing-review-edited');
    await review.locator('li.proposal').getByLabel('Accepter').check();
    await review.getByRole('button', { name: 'Fusionner le retour' }).click();
    await page.getByRole('status').getByText(/fusionné/).waitFor();

    // Saved, and read back whole at the next start: nothing set aside.
    await page.waitForFunction((id) => Object.keys(localStorage).some((k) => k.startsWith('jalon.v1.plans.') && localStorage.getItem(k).includes(`"${id}-2"`)), objective);
    await page.goto(`${FILE_URL}#/actions`);
    await page.reload();
    await page.locator('tr', { hasText: 'Club de lecture le midi' }).waitFor();
    const setAside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.')));
    assert.deepEqual(setAside, []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('on a phone and in English, the partners screen fits, speaks English and passes axe', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    const page = b.page;
    await sendPart(page);
    await toEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'Partners: parts sent and returns' }).waitFor();
    await page.getByLabel('Recipient').selectOption(PRIMARY);
    await page.locator('.send-actions legend').getByText('2 moyens: found by responsible, carrier or partner').waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Awaiting an answer/);
    assert.match(text, /0 of 1 awaiting an answer|1 of 1 awaiting an answer/);
    assert.doesNotMatch(text, /\u00a0[:;?!]|«/, 'no French punctuation in English');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sharing-390-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
