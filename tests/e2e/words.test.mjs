// The page speaks the plan's own words and the reader's language: a plan that calls
// its actions « Actions » never reads « moyen », counts agree with what they count,
// « no row matches the filters » only when a filter is set, the templates are described
// in the language of the page and shaped in it, and the buttons that choose a file say
// so in the page's language, whatever the browser's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browser, open, audit, screenshot, FILE_URL, ROOT, toEnglish } from './support.mjs';

const fixture = (name) => join(ROOT, 'tests/fixtures', name);

/** Clicks `button` as a person would, and gives the file chooser it opened `file`. */
async function choose(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

test('a cooperative plan says « actions » where it has none yet, and « no row matches » only under a filter', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await page.getByLabel('Titre', { exact: true }).fill('Plan de la Coopérative des Hautes-Terres');
    await page.getByLabel(/Cadre de référence et budget d'une coopérative/).check();
    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.getByRole('heading', { level: 1, name: /Structure/ }).waitFor();

    // The plan's tab for its actions, opened before it has any: nothing is filtered.
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    const main = page.locator('main');
    await main.getByText('Le plan n\'a pas encore d\'actions.').waitFor();
    assert.doesNotMatch(await main.innerText(), /Aucune ligne ne correspond/);

    // One strategic project, one SMART objective under it: its page has neither
    // indicators nor actions yet, and says so in the plan's words.
    await page.getByRole('link', { name: 'Structure', exact: true }).click();
    await page.getByRole('button', { name: 'Ajouter : Projet stratégique' }).click();
    await page.getByLabel('Projet stratégique — titre').fill('Lire partout, tous les jours');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('button', { name: 'Ajouter : Objectif SMART' }).click();
    await page.getByLabel('Objectif SMART — titre').fill('Ouvrir une bibliothèque de classe dans chaque école d\'ici juin 2027');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('link', { name: /Ouvrir une bibliothèque de classe/ }).click();
    await page.getByRole('heading', { level: 1, name: /Ouvrir une bibliothèque de classe/ }).waitFor();
    const objective = await main.innerText();
    assert.match(objective, /Pas encore d'indicateurs\./);
    assert.match(objective, /Pas encore d'actions\./);
    assert.doesNotMatch(objective, /moyen/i);

    // An action, then a filter that none matches.
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByRole('button', { name: 'Ajouter : Action' }).click();
    await page.getByRole('group', { name: /^Objectifs SMART/ }).getByRole('checkbox').check();
    await page.getByLabel('Titre', { exact: true }).fill('Choisir les livres avec les élèves');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.locator('table.actions-table').getByText('Choisir les livres avec les élèves').waitFor();
    assert.doesNotMatch(await main.innerText(), /Aucune ligne ne correspond|pas encore d'actions/);
    await page.getByLabel('Mots').fill('théâtre');
    await main.getByText('Aucune ligne ne correspond aux filtres.').waitFor();
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a regional plan opened from its file: the recipient\'s activities are counted without an adjective to agree', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await choose(page, page.getByRole('button', { name: 'Choisir un fichier…' }), fixture('plan-001-regional.json'));
    await page.getByRole('button', { name: 'Ajouter ce plan' }).click();
    await page.getByRole('link', { name: 'Partenaires', exact: true }).click();
    await page.getByLabel('Destinataire').selectOption('Équipe DR du conseil');
    const legend = page.locator('.send-actions legend');
    await legend.waitFor();
    assert.equal(await legend.innerText(),
      '7 activités dont ce destinataire est responsable, porteur ou partenaire. Décochez ce qui ne doit pas être envoyé.');
    assert.equal(await page.getByLabel(/^Inclure les indicateurs/).isChecked(), true);
    assert.doesNotMatch(await page.locator('main').innerText(), /trouvés|objectifs visés/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('in English, the templates are described and shaped in English, and the file buttons speak English', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await toEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'My plans in this browser' }).waitFor();
    const templates = await page.locator('fieldset.templates label').allInnerTexts();
    assert.deepEqual(templates, [
      'Blank plan (orientations, objectives, actions)',
      'Commitment-to-success plan (challenges, orientations, objectives, means)',
      'Regional partners\' action plan (areas, themes, objectives, activities)',
      'Cooperative\'s framework and budget (strategic projects, SMART objectives, actions)',
    ]);
    await page.getByLabel('Title', { exact: true }).fill('Northshore partners\' plan 2026-2027');
    await page.getByLabel(/^Regional partners' action plan/).check();
    assert.deepEqual(await page.locator('.nouns input').evaluateAll((inputs) => inputs.map((i) => i.value)),
      ['Area', 'Areas', 'Theme', 'Themes', 'Objective', 'Objectives', 'Activity', 'Activities']);
    await page.getByRole('button', { name: 'Create the plan' }).click();
    await page.getByRole('link', { name: 'Activities', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Activities' }).waitFor();
    await page.locator('main').getByText('The plan has no activities yet.').waitFor();

    // The Excel import chooses its file with a button in English, from the keyboard too.
    await page.getByRole('button', { name: 'Import from Excel' }).click();
    // Listening before the button has the focus: the page is told to hand the chooser
    // over before the key is pressed.
    const chosen = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).focus();
    await page.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from('Activity;Objectives\r\nMentoring fair;\r\n') });
    await page.locator('p.sheet-summary').waitFor();
    const panel = await page.locator('.sheet-import').innerText();
    assert.doesNotMatch(panel, /Choose File|No file chosen|Choisir un fichier|Aucun fichier/);
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'words-sheet-import-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
