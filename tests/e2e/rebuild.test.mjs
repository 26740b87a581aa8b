// A plan rebuilt from pasted tables: a PEVR's tables pasted on the library screen, the
// proposed counts checked, one unplaced row placed and another dropped, a level
// renamed, the plan created, opened and still there after a reload; axe clean, at
// desktop and phone widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, FILE_URL, ROOT } from './support.mjs';

const pasted = (name) => readFileSync(join(ROOT, 'tests/fixtures/pasted', name), 'utf8');

/** The proposal's counts as « name count » lines. */
async function counts(page) {
  const items = await page.locator('.rebuilt-counts .count').allInnerTexts();
  return items.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Pastes `text` and asks for the proposal; resolves once it is shown. */
async function propose(page, text) {
  await page.getByRole('textbox', { name: 'Tableaux collés' }).fill(text);
  await page.getByRole('button', { name: 'Proposer le plan' }).click();
  await page.locator('.rebuilt-counts').waitFor();
}

test('a PEVR pasted becomes a plan: rows placed and dropped, a level renamed, kept after a reload', async () => {
  const { page, close } = await browser();
  try {
    await open(page, `${FILE_URL}#/plans`);
    await page.getByRole('heading', { name: 'À partir de tableaux collés' }).waitFor();
    // Nothing pasted: said plainly, nothing proposed.
    await page.getByRole('button', { name: 'Proposer le plan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Collez d\'abord le texte des tableaux.' }).waitFor();

    const before = await page.locator('.plan-entry').count();
    await propose(page, pasted('pevr.txt'));
    assert.deepEqual(await counts(page), ['Enjeux 2', 'Orientations 3', 'Objectifs 4', 'Indicateurs 9', 'Moyens 11']);
    assert.equal(await page.locator('.plan-entry').count(), before, 'nothing kept before « Créer le plan »');
    const tree = await page.locator('.rebuilt-tree').innerText();
    assert.match(tree, /Enjeu 1 Des élèves qui lisent, comptent et persévèrent\./);
    assert.match(tree, /Objectif 3 D'ici juin 2027, offrir à chaque direction un accompagnement en leadership pédagogique\.\n2 indicateurs · 4 moyens/);
    await page.getByRole('heading', { name: 'Lignes à placer (18)' }).waitFor();
    const mise = page.locator('.unplaced-row', { hasText: 'Mise en commun des pratiques' });
    assert.match(await mise.innerText(), /Ligne 18\s+Texte hors de tout tableau et de tout niveau\./);
    assert.match(await page.locator('.unplaced-row', { hasText: 'Portrait de la réussite' }).innerText(), /Enjeu 1 porte déjà le titre «\u00a0Des élèves qui lisent, comptent et persévèrent\.\u00a0»/);

    // Placed: the line of prose as an objective under the first orientation.
    await page.getByRole('button', { name: 'Placer (Ligne 18)' }).click();
    await mise.scrollIntoViewIfNeeded();
    await screenshot(page, 'rebuild-unplaced-1366');
    const where = page.getByLabel('Où placer (Ligne 18)');
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    assert.equal(await where.evaluate((select) => select === document.activeElement), true, 'the list of places has the focus');
    const value = await where.evaluate((select) => [...select.options]
      .find((o) => o.text.startsWith('Élément sous «\u00a01 Soutenir chaque élève'))?.value);
    assert.ok(value, 'the first orientation is offered');
    await where.selectOption(value);
    await page.locator('.place-form').getByRole('button', { name: 'Placer' }).click();
    await page.getByRole('heading', { name: 'Lignes à placer (17)' }).waitFor();
    assert.deepEqual((await counts(page)).slice(0, 3), ['Enjeux 2', 'Orientations 3', 'Objectifs 5']);
    assert.match(await page.locator('.rebuilt-tree').innerText(), /Objectif [\d.]+ Mise en commun des pratiques/);

    // Dropped: the markdown rule; then every running header at once.
    const rule = await page.locator('.unplaced-row', { hasText: '----------------------' }).locator('.row-number').innerText();
    await page.getByRole('button', { name: `Ne pas garder (${rule})` }).click();
    await page.getByRole('heading', { name: 'Lignes à placer (16)' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'rows-to-place');
    await page.getByRole('button', { name: /^Ne pas garder les 11 lignes de ce genre/ }).click();
    await page.getByRole('heading', { name: 'Lignes à placer (5)' }).waitFor();
    assert.match(await page.locator('.rebuilt').innerText(), /12 lignes écartées/);

    // Renamed: the first level, seen at once in the counts and the tree.
    await page.locator('#rebuilt-level-0-s').fill('Défi');
    await page.locator('#rebuilt-level-0-p').fill('Défis');
    await page.waitForFunction(() => document.querySelector('.rebuilt-counts').innerText.replace(/\s+/g, ' ').startsWith('Défis 2'));
    assert.match(await page.locator('.rebuilt-tree').innerText(), /^Défi 1 Des élèves/);
    await page.locator('#rebuilt-plan-title').fill('PEVR du Lac-Tranquille');

    assert.deepEqual(await audit(page), []);
    await page.locator('.rebuilt').scrollIntoViewIfNeeded();
    await screenshot(page, 'rebuild-review-1366');

    await page.getByRole('button', { name: 'Créer le plan proposé' }).click();
    await page.getByRole('heading', { name: 'Structure du plan' }).waitFor();
    const structure = async () => page.locator('main#contenu').innerText();
    await page.waitForFunction(() => document.querySelector('main#contenu').innerText.includes('Mise en commun des pratiques'));
    assert.match(await structure(), /Des élèves qui lisent, comptent et persévèrent\./);
    assert.match(await structure(), /Défis/);
    await screenshot(page, 'rebuild-created-1366');

    // Kept: after a reload the plan is the open one, in the library, with its tree.
    await page.reload();
    await page.getByRole('heading', { name: 'Structure du plan' }).waitFor();
    await page.waitForFunction(() => document.querySelector('main#contenu').innerText.includes('Mise en commun des pratiques'));
    assert.match(await structure(), /Offrir un milieu de travail où chaque personne se sent reconnue\./);
    await open(page, `${FILE_URL}#/plans`);
    await page.locator('.plan-entry', { hasText: 'PEVR du Lac-Tranquille' }).waitFor();
    assert.equal(await page.locator('.plan-entry').count(), before + 1);
    assert.deepEqual(await audit(page), []);
  } finally {
    await close();
  }
});

test('a regional plan pasted at phone width: axes from the contents, activities, axe clean', async () => {
  const { page, close } = await browser({ width: 390, height: 844 });
  try {
    await open(page, `${FILE_URL}#/plans`);
    await propose(page, pasted('regional.txt'));
    assert.deepEqual(await counts(page), ['Axes 3', 'Niveaux 2 4', 'Niveaux 3 4', 'Indicateurs 0', 'Actions 10']);
    assert.match(await page.locator('.rebuilt-tree').innerText(), /Axe 3 Des transitions réussies après le secondaire\n\s*Niveau 2 Visites en milieu de travail/);
    await page.getByRole('heading', { name: 'Lignes à placer (11)' }).waitFor();
    await page.getByRole('button', { name: /^Ne pas garder les 7 lignes de ce genre/ }).click();
    await page.getByRole('heading', { name: 'Lignes à placer (4)' }).waitFor();
    assert.deepEqual(await audit(page), []);
    await page.locator('.rebuilt-counts').scrollIntoViewIfNeeded();
    await screenshot(page, 'rebuild-review-390');
  } finally {
    await close();
  }
});

// A table whose columns are the levels, pasted from Word: the paste event carries the
// HTML flavour (merged cells) beside the text, and the page reads the HTML.
const LEVELS_TEXT = 'VOLETS\tObjectifs\tActions ou moyens\tResponsable\r\n'
  + 'Volet 1\r\nDes quais sûrs\t1.1 Réparer les quais\t1.1.1 Remplacer les planches usées\tServices techniques\r\n'
  + '\t\t1.1.2 Poser des échelles de sortie\t\r\n'
  + '\t1.2 Éclairer les rampes\t1.2.1 Installer des lampes solaires\tComité du club\r\n';
const LEVELS_HTML = '<html><body><!--StartFragment--><table>'
  + '<tr><td><b>VOLETS</b></td><td><b>Objectifs</b></td><td><b>Actions ou moyens</b></td><td><b>Responsable</b></td></tr>'
  + '<tr><td rowspan="3"><p><b>Volet 1</b></p><p>Des quais sûrs</p></td><td rowspan="2">1.1 Réparer les quais</td>'
  + '<td>1.1.1 Remplacer les planches usées</td><td>Services techniques</td></tr>'
  + '<tr><td>1.1.2 Poser des échelles de sortie</td><td></td></tr>'
  + '<tr><td>1.2 Éclairer les rampes</td><td>1.2.1 Installer des lampes solaires</td><td>Comité du club</td></tr>'
  // One row more than the text says, so that the counts tell which flavour was read.
  + '<tr><td><b>Volet 2</b> Des rives propres</td><td>2.1 Ramasser les déchets</td><td>2.1.1 Tenir une corvée au printemps</td><td></td></tr>'
  + '</table><!--EndFragment--></body></html>';

test('a table of level columns pasted from Word is read from its HTML: levels named by the header', async () => {
  const { page, close } = await browser();
  try {
    await open(page, `${FILE_URL}#/plans`);
    const box = page.getByRole('textbox', { name: 'Tableaux collés' });
    // What a paste does: the event carries both flavours, the box receives the text.
    await box.evaluate((element, [text, html]) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      data.setData('text/html', html);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, [LEVELS_TEXT, LEVELS_HTML]);
    await box.fill(LEVELS_TEXT);
    await page.getByRole('button', { name: 'Proposer le plan' }).click();
    await page.locator('.rebuilt-counts').waitFor();
    assert.deepEqual(await counts(page), ['Volets 2', 'Objectifs 3', 'Indicateurs 0', 'Actions 4']);
    const tree = await page.locator('.rebuilt-tree').innerText();
    assert.match(tree, /Volet 1 Des quais sûrs/);
    assert.match(tree, /Objectif 1\.1 Réparer les quais\n0 indicateur · 2 actions/);
    assert.equal(await page.locator('.unplaced-row').count(), 0);
    await page.locator('.rebuilt-tree').scrollIntoViewIfNeeded();
    await screenshot(page, 'rebuild-level-columns-1366');
    // Typed over, the box is read as its text.
    await box.fill(`${LEVELS_TEXT}\t\t1.2.2 Baliser les rampes\tComité du club`);
    await page.getByRole('button', { name: 'Proposer le plan' }).click();
    await page.waitForFunction((wanted) => [...document.querySelectorAll('.rebuilt-counts .count')]
      .map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join('|') === wanted, 'Volets 1|Objectifs 2|Indicateurs 0|Actions 4');
    assert.deepEqual(await audit(page), []);
  } finally {
    await close();
  }
});

/** A ZIP archive of `entries` ({ name: text }) stored without compression. */
function storedZip(entries) {
  const parts = [];
  const directory = [];
  let offset = 0;
  const le = (size, value) => { const b = Buffer.alloc(size); b.writeUIntLE(value, 0, size); return b; };
  for (const [name, text] of Object.entries(entries)) {
    const [n, data] = [Buffer.from(name), Buffer.from(text)];
    const sizes = Buffer.concat([le(4, 0), le(4, data.length), le(4, data.length)]);
    const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), le(2, 20), le(2, 0), le(2, 0), le(4, 0), sizes, le(2, n.length), le(2, 0), n, data]);
    directory.push(Buffer.concat([Buffer.from('PK\x01\x02', 'latin1'), le(2, 20), le(2, 20), le(2, 0), le(2, 0), le(4, 0), sizes,
      le(2, n.length), le(2, 0), le(2, 0), le(2, 0), le(2, 0), le(4, 0), le(4, offset), n]));
    parts.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), le(4, 0), le(2, directory.length), le(2, directory.length), le(4, dir.length), le(4, offset), le(2, 0)]);
  return Buffer.concat([...parts, dir, end]);
}

const cell = (text, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const DOCX_XML = '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Plan du club nautique</w:t></w:r></w:p><w:tbl>'
  + `<w:tr>${cell('VOLETS')}${cell('Objectifs')}${cell('Actions ou moyens')}${cell('Responsable')}</w:tr>`
  + `<w:tr>${cell('Volet 1 Des quais sûrs', '<w:vMerge w:val="restart"/>')}${cell('1.1 Réparer les quais', '<w:vMerge w:val="restart"/>')}${cell('1.1.1 Remplacer les planches usées')}${cell('Services techniques')}</w:tr>`
  + `<w:tr>${cell('', '<w:vMerge/>')}${cell('', '<w:vMerge/>')}${cell('1.1.2 Poser des échelles de sortie')}${cell('')}</w:tr>`
  + `<w:tr>${cell('', '<w:vMerge/>')}${cell('1.2 Éclairer les rampes')}${cell('1.2.1 Installer des lampes solaires')}${cell('Comité du club')}</w:tr>`
  + '</w:tbl></w:body></w:document>';

test('a Word document or an HTML page chosen on the paste screen is read as its tables', async () => {
  const { page, close } = await browser();
  try {
    await open(page, `${FILE_URL}#/plans`);
    await page.getByRole('button', { name: 'Lire un fichier (.docx, .html, .txt)' }).waitFor();
    await page.locator('#pasted-file').setInputFiles({ name: 'quais.html', mimeType: 'text/html', buffer: Buffer.from(LEVELS_HTML) });
    await page.waitForFunction((wanted) => [...document.querySelectorAll('.rebuilt-counts .count')]
      .map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join('|') === wanted, 'Volets 2|Objectifs 3|Indicateurs 0|Actions 4');
    const docx = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': DOCX_XML });
    await page.locator('#pasted-file').setInputFiles({ name: 'quais.docx', mimeType: 'application/octet-stream', buffer: docx });
    await page.waitForFunction((wanted) => [...document.querySelectorAll('.rebuilt-counts .count')]
      .map((c) => c.innerText.replace(/\s+/g, ' ').trim()).join('|') === wanted, 'Volets 1|Objectifs 2|Indicateurs 0|Actions 3');
    assert.match(await page.locator('.rebuilt-tree').innerText(), /Objectif 1\.1 Réparer les quais\n0 indicateur · 2 actions/);
    await page.locator('#pasted-file').setInputFiles({ name: 'abîmé.docx', mimeType: 'application/octet-stream', buffer: docx.subarray(0, docx.length - 30) });
    await page.getByRole('alert').filter({ hasText: '«\u00a0abîmé.docx\u00a0» est endommagé' }).waitFor();
    assert.deepEqual(await audit(page), []);
    await page.locator('.pasted-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'rebuild-file-1366');
  } finally {
    await close();
  }
});
