// The plans kept in this browser: create from a template, rename, duplicate, delete
// (confirmed); open a plan file after seeing what it holds; export the plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, serve, FILE_URL, ROOT, SAMPLE_TITLE } from './support.mjs';

const fixture = (name) => join(ROOT, 'tests/fixtures', name);
const REGIONAL = readFileSync(fixture('plan-001-regional.json'), 'utf8');

async function withLibrary(run, url = `${FILE_URL}#/plans`) {
  const b = await browser();
  try {
    await open(b.page, url);
    // The sample, new to this browser, is saved on its own a moment after it shows.
    await saved(b.page);
    await run(b);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
}

const entries = (page) => page.locator('.plan-entry .plan-name').allInnerTexts();

test('a plan made from the regional template keeps its edited level names, and survives a reload', async () => {
  await withLibrary(async ({ page }) => {
    await page.getByLabel('Titre', { exact: true }).fill('Plan régional des Trois-Rivières 2026-2027');
    await page.getByLabel(/Plan d'action régional de partenaires/).check();
    assert.equal(await page.locator('#level-0-s').inputValue(), 'Axe');
    await page.locator('#level-1-s').fill('Chantier');
    await page.locator('#level-1-p').fill('Chantiers');
    // Its organisation and period are set here; a period ending before it starts is refused first.
    await page.getByLabel('Nom de l\'organisation').fill('Table régionale des Trois-Rivières');
    await page.getByLabel('Sigle').fill('TRTR');
    await page.getByLabel('Début de la période').fill('1er juillet 2026');
    await page.getByLabel('Fin de la période').fill('30 juin 2025');
    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.locator('#new-plan-end-error').waitFor();
    assert.equal(await page.locator('.plan-entry').count(), 1, 'nothing created');
    await page.getByLabel('Fin de la période').fill('30 juin 2027');
    assert.deepEqual(await audit(page), []);
    await page.getByRole('button', { name: 'Créer le plan' }).click();
    await page.getByRole('heading', { name: /Structure/ }).first().waitFor();
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Plan régional des Trois-Rivières 2026-2027');
    assert.equal(await page.getByRole('link', { name: 'Activités' }).count(), 1, 'the plan\u2019s word for its actions names the tab');
    await page.reload();
    await page.waitForSelector('main#contenu');
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Plan régional des Trois-Rivières 2026-2027');
    const stored = await page.evaluate(() => {
      const id = localStorage.getItem('jalon.v1.current');
      const { plan } = JSON.parse(localStorage.getItem(`jalon.v1.plans.${id}`));
      return { levels: plan.levels.map((l) => l.name.plural), organisations: plan.organisations.map((o) => [o.name, o.code]), period: plan.period };
    });
    assert.deepEqual(stored.levels, ['Axes', 'Chantiers', 'Objectifs']);
    assert.deepEqual(stored.organisations, [['Table régionale des Trois-Rivières', 'TRTR']]);
    assert.deepEqual(stored.period, { start: '2026-07-01', end: '2027-06-30' });
    await page.getByRole('link', { name: 'Mes plans' }).click();
    // The library lists what storage holds once its screen is shown: wait for the screen.
    await page.locator('.plan-entry .plan-name').first().waitFor();
    assert.equal((await entries(page)).length, 2, 'the sample and the new plan');
  });
});

test('rename, duplicate and a confirmed delete change the library, and a cancelled delete keeps it', async () => {
  await withLibrary(async ({ page }) => {
    const sample = SAMPLE_TITLE;
    await page.getByRole('button', { name: `Renommer « ${sample} »` }).click();
    await page.getByLabel('Nouveau titre').fill('PEVR des Quatre-Vents');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    assert.deepEqual(await entries(page), ['PEVR des Quatre-Vents']);
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'PEVR des Quatre-Vents');

    await page.getByRole('button', { name: 'Dupliquer « PEVR des Quatre-Vents »' }).click();
    assert.deepEqual(await entries(page), ['PEVR des Quatre-Vents', 'PEVR des Quatre-Vents (copie)']);

    await page.getByRole('button', { name: 'Supprimer « PEVR des Quatre-Vents (copie) »' }).click();
    assert.match(await page.locator('.confirm').innerText(), /Supprimer ce plan de ce navigateur/);
    assert.deepEqual(await audit(page), []);
    await page.getByRole('button', { name: 'Garder le plan' }).click();
    assert.equal((await entries(page)).length, 2);
    await page.getByRole('button', { name: 'Supprimer « PEVR des Quatre-Vents (copie) »' }).click();
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    assert.deepEqual(await entries(page), ['PEVR des Quatre-Vents']);
    await page.reload();
    await page.waitForSelector('.plan-entry');
    assert.deepEqual(await entries(page), ['PEVR des Quatre-Vents']);
    await screenshot(page, 'library-1366-fr');
  });
});

test('a plan file is opened only after its summary is shown and confirmed', async () => {
  await withLibrary(async ({ page }) => {
    await page.locator('#import-file').setInputFiles(fixture('plan-001-regional.json'));
    const preview = page.locator('.file-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    assert.match(text, /Plan d'action régional 2024-2025/);
    assert.match(text, /Organisations\u00a0: Conseil scolaire catholique de la Rivière-des-Outardes \(CSCRO\)/);
    assert.match(text, /Format\u00a0: jalon-plan, version 1/);
    assert.match(text, /sera ajouté aux plans de ce navigateur/);
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'library-preview-1366-fr');
    // Nothing has changed yet.
    assert.equal((await entries(page)).length, 1);
    await page.getByRole('button', { name: 'Ajouter ce plan' }).click();
    await page.getByRole('link', { name: 'Tableau de bord', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    assert.match(await page.getByLabel('Titre du plan').inputValue(), /Plan d'action régional 2024-2025/);

    // The same file again: it would replace the plan, and says what differs.
    await page.getByRole('link', { name: 'Mes plans' }).click();
    await page.getByRole('button', { name: /Dupliquer « Plan d'action régional/ }).waitFor();
    await page.locator('#import-file').setInputFiles(fixture('plan-001-regional.json'));
    await preview.waitFor();
    assert.match(await preview.innerText(), /remplacera le plan de ce navigateur «\s?Plan d'action régional 2024-2025[^»]*» \(mêmes nombres/);
    await page.getByRole('button', { name: 'Annuler' }).click();
    assert.equal(await preview.count(), 0);
  });
});

test('bad files say where and what, in French, and change nothing', async () => {
  const cases = [
    ['vide.json', '', /Le fichier est vide/],
    ['notes.json', 'Bonjour, voici le plan', /n'est pas un fichier JSON lisible\u00a0: la lecture s'arrête à la ligne 1, colonne 1/],
    ['autre.json', '{"nom": "budget"}', /n'est pas un plan Jalon|pas un plan/],
    ['futur.json', REGIONAL.replace('"version": 1', '"version": 9'), /version plus récente de Jalon \(format 9\)/],
    ['type.json', REGIONAL.replace(/"title": "Plan d'action régional[^"]*"/, '"title": 42'), /plan\.title/],
  ];
  await withLibrary(async ({ page }) => {
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    for (const [name, content, message] of cases) {
      await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      const refused = page.locator('.file-refused');
      await refused.getByText(name, { exact: false }).waitFor();
      const text = await refused.innerText();
      assert.match(text, message, name);
      assert.match(text, /Rien n'a changé/);
    }
    assert.deepEqual(await audit(page), []);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, 'storage untouched');
    await screenshot(page, 'library-refused-1366-fr');
  });
});

test('served: the exported file is the plan in the core\u2019s format, named after it and the date', async () => {
  const server = await serve();
  try {
    await withLibrary(async ({ page }) => {
      await page.locator('#import-file').setInputFiles(fixture('plan-001-regional.json'));
      await page.getByRole('button', { name: 'Ajouter ce plan' }).click();
      await page.getByLabel('Titre du plan').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter le plan (.json)' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^plan-d-action-regional-2024-2025-[a-z0-9-]*\d{4}-\d{2}-\d{2}\.json$/);
      const saved = readFileSync(await download.path(), 'utf8');
      // A version 1 file comes back as version 2: the same bytes but for its version and
      // the numbering that version 2 added, hierarchical as every version 1 plan was.
      const asVersion2 = REGIONAL.replace('"version": 1,', '"version": 2,')
        .replace('"actions_in_status": false\n    },', '"actions_in_status": false,\n      "numbering": "hierarchical"\n    },');
      assert.notEqual(asVersion2, REGIONAL);
      assert.equal(saved, asVersion2, 'export after import is byte for byte the file, as version 2');
    }, `${server.url}#/plans`);
  } finally {
    await server.close();
  }
});

test('a plan file dropped on the zone is previewed like a chosen one', async () => {
  await withLibrary(async ({ page }) => {
    const text = readFileSync(fixture('plan-002-cooperative.json'), 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'cooperative.json', { type: 'application/json' }));
      return data;
    }, text);
    await page.locator('.plan-import').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('.plan-import').dispatchEvent('drop', { dataTransfer: transfer });
    const preview = page.locator('.file-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), /Cadre de référence et budget 2024-2025/);
    assert.match(await preview.innerText(), /Vérifications \(\d+\)/, 'the file\u2019s checks are shown before opening');
  });
});
