// Excel in and out: the actions exported as a CSV file French Excel opens, read back
// unchanged (nothing to import), then changed and imported as one undo step that
// survives a reload; a bad file named row by row with nothing changed; the indicators
// exported and read back, and cells pasted as from Excel; « Copier » puts the same
// columns on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { browser, open, audit, screenshot, reopenWith, serve, ROOT, toEnglish } from './support.mjs';

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

/** A CSV file's text as rows of cells, as Excel reads it (`;` in French, quoted cells). */
function cellsOf(text, separator = ';') {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) { rows.at(-1).push(cell); cell = ''; }
    else if (!quoted && c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  if (rows.at(-1).length === 0 && cell === '') rows.pop();
  return rows;
}

/** Rows of cells as Excel saves them in « CSV UTF-8 » (`;` in French). */
const csvOf = (rows, separator = ';') => Buffer.from(`\ufeff${rows.map((r) => r.map((c) => (/[;,"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(separator)).join('\r\n')}\r\n`, 'utf8');

/** A ZIP archive of files stored whole, laid out as an Office document is. */
function zip(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const [path, data] = [Buffer.from(name), Buffer.from(text)];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(path.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, path, data);
    directory.push(central, path);
    offset += 30 + path.length + data.length;
  }
  const list = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length / 2, 8);
  end.writeUInt16LE(directory.length / 2, 10);
  end.writeUInt32LE(list.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, list, end]);
}

const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
/** A Word document of one paragraph, and an Excel workbook of one sheet. */
const WORD = () => zip({ '[Content_Types].xml': TYPES, 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Moyen;Responsable</w:t></w:r></w:p></w:body></w:document>' });
const EXCEL = () => zip({ '[Content_Types].xml': TYPES, 'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Moyens" sheetId="1"/></sheets></workbook>' });

const words = (texts) => texts.map((t) => t.replace(/\u00a0/g, ' '));

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
    assert.ok(text.startsWith('\ufeffIdentifiant;Objectif;Indicateur;Type;Sens;Sur (ratio);Source;Segment;Point de départ, cible ou mesure;Date;Valeur;'), text.slice(0, 140));

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

test('each column says what it holds, the preview gives each changed cell from old to new, and a file of the previous version imports as before', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    const label = 'Bilan de fin d\'année';
    const { bytes } = await exported(page);
    const table = cellsOf(bytes.toString('utf8').slice(1));
    const header = table[0];
    for (const column of [`État — ${label}`, `% réalisé — ${label}`, `Commentaire — ${label}`, 'Budget accordé ($)', 'Budget dépensé ($)']) {
      assert.ok(header.includes(column), `${column} in ${header.join(' | ')}`);
    }
    assert.ok(!header.some((h) => h.startsWith('État d\'avancement')), header.join(' | '));

    // In Excel: the first moyen's percentage and comment at the checkpoint are changed.
    const action = pevr.actions[0];
    const before = action.progress.find((p) => p.checkpoint === 'bilan-2024-06');
    table[1][header.indexOf(`% réalisé — ${label}`)] = '75';
    table[1][header.indexOf(`Commentaire — ${label}`)] = 'Six rencontres tenues, la dernière en juin.';
    const expected = [
      `% réalisé — ${label} : ${before.percent} → 75`,
      `Commentaire — ${label} : ${before.narrative.slice(0, 80)}… → Six rencontres tenues, la dernière en juin.`,
    ];
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    await choose(page, 'moyens-bilan.csv', csvOf(table));
    const row = page.locator('table.sheet-preview tbody tr', { hasText: action.title });
    await row.locator('li').first().waitFor();
    assert.match(await row.innerText(), /Modifié\u00a0:/);
    assert.deepEqual(words(await row.locator('li').allInnerTexts()), expected);
    assert.equal(await summary(page), `0 à ajouter, 1 à modifier, ${pevr.actions.length - 1} inchangés, 0 refusé.`);
    assert.deepEqual(await audit(page), []);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'sheet-changes-1366-fr');

    // The same file as the previous version wrote it: the comment under « État
    // d'avancement », the granted budget under « Budget prévu ($) ».
    const previous = table.map((r) => [...r]);
    previous[0] = header.map((h) => h.replace('Commentaire — ', 'État d\'avancement — ').replace('Budget accordé ($)', 'Budget prévu ($)'));
    await choose(page, 'moyens-version-precedente.csv', csvOf(previous));
    await page.getByText('moyens-version-precedente.csv').waitFor();
    const reads = async (column) => page.getByLabel(`Colonne « ${column} »`.replaceAll(' »', '\u00a0»').replaceAll('« ', '«\u00a0')).evaluate((s) => s.selectedOptions[0].text);
    assert.equal(await reads(`État d'avancement — ${label}`), 'Commentaire');
    assert.equal(await reads(`État — ${label}`), 'État');
    assert.equal(await reads('Budget prévu ($)'), 'Budget accordé ($)');
    await row.locator('li').first().waitFor();
    assert.deepEqual(words(await row.locator('li').allInnerTexts()), expected.map((e) => e.replace('Commentaire — ', 'État d\'avancement — ')));
    assert.equal(await summary(page), `0 à ajouter, 1 à modifier, ${pevr.actions.length - 1} inchangés, 0 refusé.`);
    await page.getByRole('button', { name: 'Importer (1 changement)' }).click();
    await page.waitForFunction((id) => {
      const plan = JSON.parse(localStorage.getItem(`jalon.v1.plans.${id}`) ?? '{}').plan;
      const record = plan?.actions[0].progress.find((p) => p.checkpoint === 'bilan-2024-06');
      return record?.percent === 75 && record.narrative === 'Six rencontres tenues, la dernière en juin.';
    }, pevr.id);
  } finally {
    await b.close();
  }
});

test('on a phone, in English, the preview\u2019s changes fit the screen', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    await toEnglish(page);
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for Excel (.csv)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const table = cellsOf(text.slice(1), ',');
    const header = table[0];
    assert.ok(header.includes('Narrative — Bilan de fin d\'année') && header.includes('Budget granted ($)'), header.join(' | '));
    // In English Excel, the first action's comment changed.
    table[1][header.indexOf('Narrative — Bilan de fin d\'année')] = 'Six meetings held.';
    await page.getByRole('button', { name: 'Import from Excel' }).click();
    await page.locator('#sheet-file').setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: csvOf(table.slice(0, 2), ',') });
    const change = page.locator('table.sheet-preview tbody tr li');
    await change.first().waitFor();
    assert.match((await change.innerText()).replace(/\u00a0/g, ' '), /^Narrative — Bilan de fin d'année: Quatre rencontres .*… → Six meetings held\.$/);
    await change.scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sheet-changes-390-en');
  } finally {
    await b.close();
  }
});

test('an image, a Word document or an Excel workbook is refused for what it is, as a table and as a plan', async () => {
  const b = await browser();
  try {
    const page = b.page;
    await open(page, `${server.url}#/actions`);
    await reopenWith(page, PEVR);
    const png = await page.screenshot();
    const before = await stored(page);
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    const refused = page.locator('.sheet-import [role="alert"]');
    const said = async (name, buffer, start) => {
      await choose(page, name, buffer);
      await refused.filter({ hasText: name }).waitFor();
      const text = (await refused.innerText()).replace(/\u00a0/g, ' ');
      assert.ok(text.startsWith(start), text);
      assert.equal(await page.locator('p.sheet-summary').count(), 0, 'no row is read');
      return text;
    };
    const image = await said('logo.png', png, 'logo.png n\'est pas un tableau : c\'est une image PNG.');
    assert.match(image, /Choisissez un fichier CSV, ou collez les cellules copiées d'Excel\.$/);
    await said('rapport.docx', WORD(), 'rapport.docx n\'est pas un tableau : c\'est un document Word.');
    const workbook = await said('moyens.xlsx', EXCEL(), 'moyens.xlsx n\'est pas un fichier CSV : c\'est un classeur Excel.');
    assert.match(workbook, /enregistrez-le en « CSV UTF-8 » \(Fichier › Enregistrer sous\)/);
    assert.deepEqual(await audit(page), []);
    await refused.scrollIntoViewIfNeeded();
    await screenshot(page, 'sheet-not-a-table-1366-fr');
    assert.equal(await stored(page), before);

    // The same image chosen as a plan file.
    await page.evaluate(() => { location.hash = '#/plans'; });
    await page.locator('#import-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    const notPlan = page.locator('.file-refused');
    await notPlan.getByText('logo.png').waitFor();
    const plan = (await notPlan.innerText()).replace(/\u00a0/g, ' ');
    assert.match(plan, /Ce fichier n'est pas un plan Jalon : c'est une image PNG, pas du texte\./);
    assert.doesNotMatch(plan, /UTF-8|Bloc-notes/);
    assert.deepEqual(await audit(page), []);

    await toEnglish(page);
    await page.locator('#import-file').setInputFiles({ name: 'rapport.docx', mimeType: 'application/octet-stream', buffer: WORD() });
    await notPlan.getByText('rapport.docx').waitFor();
    assert.match(await notPlan.innerText(), /This file is not a Jalon plan: it is a Word document, not text\./);
    await screenshot(page, 'plan-not-text-1366-en');
  } finally {
    await b.close();
  }
});

test('on a phone, in English, a workbook chosen as a table says how to save it as CSV', async () => {
  const b = await browser({ width: 390, height: 844 });
  try {
    const page = b.page;
    await open(page, `${server.url}#/indicateurs`);
    await reopenWith(page, PEVR);
    await toEnglish(page);
    await page.getByRole('button', { name: 'Import from Excel' }).click();
    await page.locator('#sheet-file').setInputFiles({ name: 'indicators.xlsx', mimeType: 'application/octet-stream', buffer: EXCEL() });
    const refused = page.locator('.sheet-import [role="alert"]');
    await refused.getByText('indicators.xlsx').waitFor();
    assert.equal(await refused.innerText(), 'indicators.xlsx is not a CSV file: it is an Excel workbook. In Excel, save it as “CSV UTF-8” (File › Save As), or copy its cells and paste them.');
    await refused.scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'sheet-not-a-table-390-en');
  } finally {
    await b.close();
  }
});
