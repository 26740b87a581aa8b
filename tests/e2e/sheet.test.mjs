// Excel in and out: the actions exported as a CSV file French Excel opens, read back
// unchanged (nothing to import), then changed and imported as one undo step that
// survives a reload; a bad file named row by row with nothing changed; the indicators
// exported and read back, and cells pasted as from Excel; « Copier » puts the same
// columns on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, reopenWith, serve, ROOT } from './support.mjs';

const PEVR = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');
const pevr = JSON.parse(PEVR).plan;

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const stored = (page) => page.evaluate((id) => localStorage.getItem(`jalon.v1.plans.${id}`), pevr.id);

/** Clicks the export button and returns the downloaded file's bytes. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter pour Excel (.csv)' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Chooses a file in the import panel, as a user would: its button opens the file chooser. */
async function choose(page, name, bytes) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir un fichier CSV' }).click()]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

/** Whether an action's responsible, edited in place in the table, reads `value`. */
const responsibleShown = (page, value, shown = true) => page.waitForFunction(([v, yes]) =>
  [...document.querySelectorAll('table.actions-table input')].some((i) => i.value === v) === yes, [value, shown]);

const summary = (page) => page.locator('p.sheet-summary').innerText();

test('actions go to Excel and come back: unchanged is nothing, a change is one undo step, kept after reload', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();

    const { name, bytes } = await exported(page);
    assert.match(name, /Moyens.*\.csv$/);
    const text = bytes.toString('utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
    const lines = text.slice(1).split('\r\n');
    assert.ok(lines[0].startsWith('Identifiant;Code;Objectifs;Moyen;Groupes visés;Responsable;'), lines[0]);
    assert.ok(lines[0].includes('État — Bilan de fin d\'année'), lines[0]);
    assert.ok(text.includes(`;${pevr.actions[0].responsible};`));

    // Read back as it is: every row unchanged, nothing to import.
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    await choose(page, name, bytes);
    await page.locator('p.sheet-summary').waitFor();
    assert.equal((await summary(page)), `0 à ajouter, 0 à modifier, ${pevr.actions.length} inchangés, 0 refusé.`);
    assert.ok(await page.getByRole('button', { name: /^Importer \(0 changement/ }).isDisabled());
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sheet-unchanged');

    // One responsible changed and one row added, in the file.
    const before = await stored(page);
    const header = lines[0].split(';');
    const objective = lines[1].split(';')[header.indexOf('Objectifs')];
    const added = header.map((h) => ({ Moyen: 'Ateliers de lecture en famille', Objectifs: objective, Responsable: 'Bibliothèque scolaire' }[h] ?? ''));
    const changed = text.replace(`;${pevr.actions[0].responsible};`, ';Direction de l\'école Des Pins;').replace(/\r\n$/, `\r\n${added.join(';')}\r\n`);
    await choose(page, 'moyens-modifies.csv', Buffer.from(changed, 'utf8'));
    await page.waitForFunction(() => document.querySelector('p.sheet-summary')?.textContent.startsWith('1 à ajouter'));
    assert.equal(await summary(page), `1 à ajouter, 1 à modifier, ${pevr.actions.length - 1} inchangés, 0 refusé.`);
    assert.equal(await stored(page), before, 'nothing is written before the user confirms');
    await page.getByRole('button', { name: 'Importer (2 changements)' }).click();
    const table = page.locator('table.actions-table');
    await table.getByText('Ateliers de lecture en famille').waitFor();
    await responsibleShown(page, 'Direction de l\'école Des Pins');

    // One step of undo takes the whole import back, and redo brings it again.
    await page.getByRole('button', { name: /^Défaire/ }).click();
    await table.getByText('Ateliers de lecture en famille').waitFor({ state: 'detached' });
    await responsibleShown(page, 'Direction de l\'école Des Pins', false);
    await page.getByRole('button', { name: /^Refaire/ }).click();
    await table.getByText('Ateliers de lecture en famille').waitFor();

    await page.waitForFunction((id) => (localStorage.getItem(`jalon.v1.plans.${id}`) ?? '').includes('Ateliers de lecture en famille'), pevr.id);
    await page.reload();
    await page.locator('table.actions-table').getByText('Ateliers de lecture en famille').waitFor();
  } finally {
    await b.close();
  }
});

test('a bad file is named row by row and column in French, and nothing changes', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    const before = await stored(page);
    const bad = '\ufeffIdentifiant;Moyen;Objectifs;Budget prévu ($)\r\n'
      + `${pevr.actions[0].id};${pevr.actions[0].title};;douze\r\n`
      + ';Nouveau moyen;9.9.9;\r\n';
    await choose(page, 'mauvais.csv', Buffer.from(bad, 'utf8'));
    const problems = page.locator('.sheet-problems li');
    await problems.first().waitFor();
    const said = (await problems.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.equal(said.length, 2, said.join('\n'));
    assert.ok(said[0].startsWith('Ligne 2, colonne « Budget prévu ($) » : « douze » ne se lit pas'), said[0]);
    assert.equal(said[1], 'Ligne 3, colonne « Objectifs » : aucun élément du plan n\'a le code « 9.9.9 ».');
    assert.ok(await page.getByRole('button', { name: /^Importer \(/ }).isDisabled());

    // Another separator: the table has none of the columns it needs.
    await choose(page, 'barres.csv', Buffer.from('Moyen|Responsable\r\nAteliers|SRÉ\r\n', 'utf8'));
    await page.locator('.sheet-problems li', { hasText: 'Ligne 1' }).waitFor();
    assert.equal((await page.locator('.sheet-problems li').innerText()).replace(/\u00a0/g, ' '), 'Ligne 1 : le tableau n\'a pas de colonne « Moyen ».');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sheet-refused');
    assert.equal(await stored(page), before);
  } finally {
    await b.close();
  }
});

test('an Excel row under an id the plan already gives is refused where it is, and the plan still opens after the import', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    const { bytes } = await exported(page);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0].split(';');
    const objective = lines[1].split(';')[header.indexOf('Objectifs')];
    const taken = pevr.elements.find((e) => e.level === pevr.objective_level).id;
    const row = (id, title) => `${id};${title};${objective}\r\n`;
    const file = (...rows) => Buffer.from(`\ufeffIdentifiant;Moyen;Objectifs\r\n${rows.join('')}`, 'utf8');
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    const before = await stored(page);
    await choose(page, 'identifiants.csv', file(row(taken, 'Tutorat'), row('neuf-1', 'Club de lecture'), row('neuf-1', 'Atelier')));
    const problems = page.locator('.sheet-problems li');
    await problems.first().waitFor();
    const said = (await problems.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    assert.equal(said.length, 2, said.join('\n'));
    assert.ok(said[0].startsWith(`Ligne 2, colonne « Identifiant » : l'identifiant « ${taken} » est déjà pris (par `), said[0]);
    assert.ok(said[0].endsWith('laissez la cellule vide pour qu\'un nouvel identifiant soit donné.'), said[0]);
    assert.equal(said[1], 'Ligne 4, colonne « Identifiant » : l\'identifiant « neuf-1 » est déjà donné à la ligne 3 : deux lignes nouvelles ne peuvent pas porter le même.');
    assert.ok(await page.getByRole('button', { name: /^Importer \(/ }).isDisabled());
    assert.equal(await stored(page), before, 'nothing is written');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sheet-id-taken');

    // The good row alone is imported; the plan saved then opens again as it was left.
    await choose(page, 'identifiants-corriges.csv', file(row('neuf-1', 'Club de lecture')));
    await page.getByRole('button', { name: 'Importer (1 changement)' }).click();
    await page.locator('table.actions-table').getByText('Club de lecture').waitFor();
    await page.waitForFunction((id) => localStorage.getItem(`jalon.v1.plans.${id}`)?.includes('"neuf-1"'), pevr.id);
    await page.reload();
    await page.locator('table.actions-table').getByText('Club de lecture').waitFor();
    const setAside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.')));
    assert.deepEqual(setAside, []);
  } finally {
    await b.close();
  }
});

test('indicators come back unchanged, pasted cells add a measurement, and « Copier » gives the same columns', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await open(page, `${server.url}#/indicateurs`);
    await reopenWith(page, PEVR);
    await page.getByRole('heading', { level: 1, name: 'Indicateurs' }).waitFor();
    const { bytes } = await exported(page);
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\ufeffIdentifiant;Objectif;Indicateur;Type;Sens;Sur;Source;Segment;Donnée;Date;Valeur;'), text.slice(0, 120));

    await page.getByRole('button', { name: 'Copier le tableau' }).click();
    await page.getByText('Tableau copié').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const firstLines = (t) => t.split('\r\n').slice(0, 3).map((l) => l.split(/[;\t]/).length);
    assert.ok(copied.startsWith('Identifiant\tObjectif\tIndicateur\t'), copied.slice(0, 80));
    assert.deepEqual(firstLines(copied), firstLines(text.slice(1)));

    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    await choose(page, 'indicateurs.csv', bytes);
    await page.locator('p.sheet-summary').waitFor();
    assert.match(await summary(page), /^0 à ajouter, 0 à modifier, \d+ inchangés, 0 refusé\.$/);

    const indicator = pevr.indicators[0];
    const pasted = `Identifiant\tIndicateur\tDonnée\tDate\tValeur\tNote\n${indicator.id}\t${indicator.label}\tMesure\t2026-06-30\t77,5\t"Deux lignes\nde note"\n`;
    await page.getByLabel('Ou collez ici les cellules copiées d\'Excel').fill(pasted);
    await page.getByRole('button', { name: 'Lire les cellules collées' }).click();
    await page.waitForFunction(() => document.querySelector('p.sheet-summary')?.textContent.startsWith('0 à ajouter, 1 à modifier'));
    await page.getByRole('button', { name: 'Importer (1 changement)' }).click();
    await page.waitForFunction(([id, ind]) => {
      const plan = JSON.parse(localStorage.getItem(`jalon.v1.plans.${id}`) ?? '{}').plan;
      const m = plan?.indicators.find((i) => i.id === ind)?.segments[0].measurements ?? [];
      return m.some((x) => x.date === '2026-06-30' && x.value.number === 77.5 && x.note === 'Deux lignes\nde note');
    }, [pevr.id, indicator.id]);
  } finally {
    await b.close();
  }
});

test('« Copier » on a dashboard table gives its columns and rows as shown, without its buttons', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await open(page, `${server.url}#/tableau-de-bord`);
    await reopenWith(page, PEVR);
    const section = page.locator('section.rollup').first();
    await section.getByRole('button', { name: /^Copier le tableau — / }).click();
    await section.getByText('Tableau copié').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.trimEnd().split('\r\n');
    const heads = (await section.locator('thead th').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(lines[0].split('\t'), heads);
    assert.equal(lines.length, 1 + await section.locator('tbody tr').count());
    const first = (await section.locator('tbody tr').first().locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(lines[1].split('\t'), first);
    assert.deepEqual(await audit(page), []);
  } finally {
    await b.close();
  }
});
