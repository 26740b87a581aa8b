// A region's view: plans of several organisations chosen from the library and from
// files, seen together as of a date, their comparable indicators matched, one plan
// refreshed from a newer file, and the region exported as one plan and opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, saved, screenshot, FILE_URL, ROOT } from './support.mjs';

const fixture = (name) => readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8');
const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

const PEVR = fixture('plan-000-pevr.json');
const REGIONAL = fixture('plan-001-regional.json');
const SHARED_LABEL = JSON.parse(PEVR).plan.indicators[1].label;

/** The five-level plan, its first indicator labelled as one of the PEVR's. */
function fiveLevels() {
  const file = JSON.parse(fixture('plan-five-levels.json'));
  file.plan.indicators[0].label = SHARED_LABEL;
  return JSON.stringify(file, null, 2);
}

/** The regional plan as its organisations sent it later: one action fewer. */
function regionalLater() {
  const file = JSON.parse(REGIONAL);
  file.plan.actions.pop();
  return JSON.stringify(file, null, 2);
}

/** The members table's rows, as text, by organisation. */
async function memberRows(page) {
  return page.locator('.region-members tbody tr').allInnerTexts();
}

/** Creates a view named `name` following the open sample plan. */
async function createView(page, name) {
  await open(page, `${FILE_URL}#/regions`);
  await page.getByLabel('Nom de la vue').fill(name);
  await page.locator('.new-view input[type=checkbox]').first().check();
  await page.getByRole('button', { name: 'Créer la vue' }).click();
  await page.locator('h1', { hasText: name }).waitFor();
}

/** Chooses `files` in the view's file zone and waits until each is read. */
async function chooseFiles(page, files) {
  await page.locator('#region-files').setInputFiles(files);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('.file-rows li')];
    return rows.length === n && rows.every((r) => !r.textContent.includes('Lecture'));
  }, files.length);
  return page.locator('.file-rows li').allInnerTexts();
}

test('a view of three plans of different shapes: files taken, a match confirmed, a plan refreshed', async () => {
  const { page, close } = await browser();
  try {
    await open(page, `${FILE_URL}#/regions`);
    await page.getByText('Aucune vue régionale pour l\'instant.').waitFor();
    await createView(page, 'Partenariat de l\'Est');
    assert.equal((await memberRows(page)).length, 1, 'the sample plan ticked');

    const rows = await chooseFiles(page, [
      asFile('pevr.json', PEVR), asFile('regional.json', REGIONAL),
      asFile('five.json', fiveLevels()), asFile('pevr-again.json', PEVR),
    ]);
    assert.match(rows[0], /pevr\.json — «\u00a0Plan d'engagement vers la réussite 2023-2027\u00a0»\u00a0: nouveau plan, ajouté à ce navigateur et à la vue/);
    assert.match(rows[1], /nouveau plan/);
    assert.match(rows[2], /nouveau plan/);
    assert.match(rows[3], /«\u00a0Plan d'engagement vers la réussite 2023-2027\u00a0»\u00a0: même contenu que «\u00a0pevr\.json\u00a0», déjà parmi les fichiers choisis$/);
    assert.equal(await page.locator('.plan-entry').count(), 0, 'nothing kept before the files are taken');
    await page.getByRole('button', { name: 'Prendre ces fichiers' }).click();
    await page.getByText('3 fichiers pris en compte.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.region-members tbody tr').length === 4);
    const members = await memberRows(page);
    assert.match(members[1], /^Centre de services scolaire de la Rivière-aux-Hérons/);
    // A plan of four organisations is none of them in particular: its title, until the
    // coordinator names it.
    assert.match(members[2], /^Plan d'action régional 2024-2025/);
    assert.match(members[3], /^Regroupement des partenaires jeunesse du Haut-Bassin/);
    assert.match(await page.locator('.region-members tfoot').innerText(), /Région\s+4 plans/);
    const naming = page.getByLabel('Nom de « Plan d\'action régional 2024-2025 : apprentissage par l\'expérience et transitions » dans la région');
    await naming.fill('Table régionale des Outardes');
    await naming.press('Enter');
    await naming.blur();
    await page.locator('.region-members tbody tr th', { hasText: 'Table régionale des Outardes' }).waitFor();

    // What each plan holds, at its own levels under its own names, side by side.
    const held = await page.locator('.region-held tbody tr').allInnerTexts();
    assert.equal(held.length, 4);
    assert.match(held[1], /^Centre de services scolaire de la Rivière-aux-Hérons\s+2 enjeux\s+3 orientations\s+6 objectifs\s+11\s+8 moyens$/);
    assert.match(held[2], /^Table régionale des Outardes\s+5 axes\s+8 thèmes\s+8 objectifs\s+2\s+18 activités$/);
    assert.match(held[3], /^Regroupement des partenaires jeunesse du Haut-Bassin\s+2 enjeux\s+3 axes d'intervention\s+3 orientations\s+4 objectifs\s+3\s+5 actions$/);
    // The plans joined the library; the view never changes them.
    const stored = () => page.evaluate(() => localStorage.getItem('jalon.v1.plans.plan-cssrh-pevr-2023-2027'));
    const kept = await stored();
    assert.equal(JSON.parse(kept).plan.title, JSON.parse(PEVR).plan.title);

    // The indicator two plans share is proposed; the coordinator confirms it.
    const match = page.locator('article.match', { hasText: SHARED_LABEL });
    assert.equal(await match.locator('h3 .badge').innerText(), 'Proposé');
    const sides = await match.locator('tbody tr th').allInnerTexts();
    assert.deepEqual(sides.slice(1), ['Centre de services scolaire de la Rivière-aux-Hérons',
      'Regroupement des partenaires jeunesse du Haut-Bassin'], 'side by side, in the view\'s order');
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'region-1366');
    await match.getByRole('button', { name: `Confirmer « ${SHARED_LABEL} »` }).click();
    await match.locator('h3 .badge', { hasText: 'Confirmé' }).waitFor();

    // A newer file of the regional plan: said for what it is, then taken.
    const later = await chooseFiles(page, [asFile('regional-later.json', regionalLater())]);
    assert.match(later[0], /autre version du plan gardé, qu'elle remplacera \(1 activité de moins\)/);
    await page.getByRole('button', { name: 'Prendre ces fichiers' }).click();
    await page.getByText('1 fichier pris en compte.').waitFor();
    const row = page.locator('.region-members tbody tr', { hasText: 'Table régionale des Outardes' });
    await row.locator('.badge.changed').waitFor();
    assert.equal(await row.locator('.badge.changed').innerText(), 'changé depuis votre consultation du 28 novembre 2026');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'region-refreshed-1366');

    // All of it is kept: the view, its match, what changed since last looked at.
    await page.reload();
    await page.locator('h1', { hasText: 'Partenariat de l\'Est' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.region-members tbody tr').length === 4);
    assert.equal(await page.locator('article.match', { hasText: SHARED_LABEL }).locator('h3 .badge').innerText(), 'Confirmé');
    const again = page.locator('.region-members tbody tr', { hasText: 'Table régionale des Outardes' });
    await again.getByRole('button', { name: /^Marquer comme vu/ }).click();
    await again.locator('.badge.changed').waitFor({ state: 'detached' });
    assert.equal(await stored(), kept, 'a plan of the view is never changed by it');

    // The region as one plan: exported, then opened like any plan file.
    const unaligned = await page.locator('.region-export .unaligned li').allInnerTexts();
    assert.ok(unaligned.some((u) => /^Les plans appellent leurs actions /.test(u)), unaligned.join('\n'));
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter le plan régional (.json)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const region = JSON.parse(text).plan;
    assert.equal(region.title, 'Partenariat de l\'Est');
    assert.equal(region.levels[0].name.singular, 'Organisation');
    const tops = region.elements.filter((e) => !e.parent);
    assert.equal(tops.length, 4, 'one element per organisation at the top');
    assert.equal(region.sources.length, 4);
    // The plan of four organisations is the origin of its elements under the name given.
    const named = region.organisations.find((o) => o.name === 'Table régionale des Outardes');
    assert.ok(named, region.organisations.map((o) => o.name).join(', '));
    const fromIt = region.elements.filter((e) => e.meta.origin === named.id);
    assert.ok(fromIt.length > 5 + 8 + 8, 'its axes, themes and objectives, under its own element');
    const first = region.organisations.find((o) => o.name === 'Conseil scolaire catholique de la Rivière-des-Outardes');
    assert.ok(!region.elements.some((e) => e.meta.origin === first.id), 'none from its first partner');
    const origins = new Set(region.organisations.map((o) => o.id));
    for (const entity of [...region.elements, ...region.indicators, ...region.actions]) {
      assert.ok(origins.has(entity.meta.origin), `${entity.id} says where it comes from`);
    }
    const ids = [...region.elements, ...region.indicators, ...region.actions].map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no id used twice');
    await page.goto(`${FILE_URL}#/plans`);
    await page.locator('#import-file').setInputFiles(asFile(download.suggestedFilename(), text));
    await page.getByRole('button', { name: 'Ajouter ce plan' }).click();
    await page.locator('h1', { hasText: 'Tableau de bord' }).waitFor();
    await page.goto(`${FILE_URL}#/structure`);
    await page.getByText('Regroupement des partenaires jeunesse du Haut-Bassin').first().waitFor();
    // Each element says where it comes from.
    const origin = page.locator('.node > .origin', { hasText: 'Origine\u00a0: Table régionale des Outardes' });
    await origin.first().waitFor();
    assert.equal(await origin.count(), fromIt.length);
    assert.deepEqual(await audit(page), []);
  } finally {
    await close();
  }
});

test('files that are not plans are refused, each saying why, and nothing changes', async () => {
  const { page, close } = await browser();
  try {
    await createView(page, 'Région');
    // The sample, new to this browser, is saved on its own a moment after it shows.
    await saved(page);
    const rows = await chooseFiles(page, [
      asFile('cassé.json', '{"format": "jalon-plan", "version": 2, "plan": {'),
      asFile('pevr.json', PEVR),
    ]);
    assert.match(rows[0], /^cassé\.json — Ce fichier n'est pas un fichier JSON lisible\u00a0: la lecture s'arrête à la ligne 1, .*le fichier est peut-être incomplet/);
    assert.match(rows[1], /nouveau plan/);
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    await page.locator('#region-files').setInputFiles([asFile('cassé.json', 'pas du JSON')]);
    await page.waitForFunction(() => document.querySelectorAll('.file-rows li').length === 1
      && !document.querySelector('.file-rows li').textContent.includes('Lecture'));
    assert.ok(await page.getByRole('button', { name: 'Prendre ces fichiers' }).isDisabled());
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, 'nothing written');
    assert.equal((await memberRows(page)).length, 1);
  } finally {
    await close();
  }
});

/** Chooses `files` (name, text, last changed) as the browser gives them, dates included. */
async function chooseDated(page, files) {
  await page.evaluate((chosen) => {
    const transfer = new DataTransfer();
    for (const f of chosen) transfer.items.add(new File([f.text], f.name, { type: 'application/json', lastModified: f.at }));
    const input = document.querySelector('#region-files');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, files);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('.file-rows li')];
    return rows.length === n && rows.every((r) => !r.textContent.includes('Lecture'));
  }, files.length);
  return page.locator('.file-rows li').allInnerTexts();
}

test('two versions of one plan chosen together: both said, the one changed last taken unless the other is chosen', async () => {
  const { page, close } = await browser();
  try {
    await createView(page, 'Région');
    await saved(page);
    const later = JSON.parse(PEVR);
    later.plan.actions.pop();
    const files = [
      { name: 'pevr-janvier.json', text: PEVR, at: Date.parse('2026-01-15T09:00:00Z') },
      { name: 'pevr-mars.json', text: JSON.stringify(later, null, 2), at: Date.parse('2026-03-15T09:00:00Z') },
    ];
    let rows = await chooseDated(page, files);
    assert.match(rows[0], /^pevr-janvier\.json — «\u00a0Plan d'engagement vers la réussite 2023-2027\u00a0»\u00a0: autre version du même plan que «\u00a0pevr-mars\.json\u00a0» \(même identifiant, contenu différent\u00a0; par rapport à ce fichier-là\u00a0: 1 moyen de plus\)\u00a0; elle n'est pas prise, car «\u00a0pevr-mars\.json\u00a0» a été modifié plus récemment\./);
    assert.match(rows[1], /^pevr-mars\.json — .*: nouveau plan, ajouté à ce navigateur et à la vue\u00a0; version prise parmi 2 versions de ce plan \(son fichier est le plus récemment modifié\)$/);
    await page.locator('.file-rows').scrollIntoViewIfNeeded();
    await screenshot(page, 'region-two-versions');

    // The coordinator takes the other one.
    await page.getByRole('button', { name: /^Prendre plutôt cette version «\spevr-janvier\.json\s»$/ }).click();
    await page.locator('.file-rows li', { hasText: 'votre choix' }).waitFor();
    rows = await page.locator('.file-rows li').allInnerTexts();
    assert.match(rows[0], /version prise parmi 2 versions de ce plan \(votre choix\)$/);
    assert.match(rows[1], /^pevr-mars\.json — .*autre version du même plan que «\u00a0pevr-janvier\.json\u00a0» \(même identifiant, contenu différent\u00a0; par rapport à ce fichier-là\u00a0: 1 moyen de moins\)\u00a0; elle n'est pas prise, car vous avez pris «\u00a0pevr-janvier\.json\u00a0»\./);
    await page.getByRole('button', { name: 'Prendre ces fichiers' }).click();
    await page.getByText('1 fichier pris en compte.').waitFor();
    const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`jalon.v1.plans.${id}`)), JSON.parse(PEVR).plan.id);
    assert.equal(stored.plan.actions.length, JSON.parse(PEVR).plan.actions.length, 'the version chosen is the one kept');
  } finally {
    await close();
  }
});
