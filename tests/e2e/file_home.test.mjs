// Where a plan lives: saved to a file and kept linked to it, written after each change,
// merged when a colleague wrote the same file, said when a write fails (and retried),
// and the download path where the browser cannot link a file. The pickers stand on
// files of the origin-private file system, which offers the same handles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { browser, open, audit, saved, serve, screenshot, FILE_URL, SAMPLE_TITLE } from './support.mjs';

const FILE = 'PEVR-2025-2029.json';

/** The pickers answer with the file FILE of the origin's private file system; writes
 * fail while `window.failWrites` counts above zero, as a file locked by another program.
 * A page without the API (about:blank) is left alone. */
const PICKERS = `
  if (typeof FileSystemFileHandle === 'function') {
  window.failWrites = 0;
  const home = async (create) => (await navigator.storage.getDirectory()).getFileHandle('${FILE}', { create });
  window.showSaveFilePicker = async () => home(true);
  window.showOpenFilePicker = async () => [await home(false)];
  const createWritable = FileSystemFileHandle.prototype.createWritable;
  FileSystemFileHandle.prototype.createWritable = function (...args) {
    if (window.failWrites > 0) {
      window.failWrites -= 1;
      return Promise.reject(new DOMException('locked', 'NoModificationAllowedError'));
    }
    return createWritable.apply(this, args);
  };
  }
`;

/** The file's text as the origin's private file system holds it ('' when absent). */
const fileText = (page) => page.evaluate(async (name) => {
  try {
    const dir = await navigator.storage.getDirectory();
    return await (await (await dir.getFileHandle(name)).getFile()).text();
  } catch { return ''; }
}, FILE);

/** Waits until the file holds a plan for which `check` is true, looking again and again. */
async function fileHolds(page, check) {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if (check(JSON.parse(await fileText(page)).plan)) return;
    } catch { /* not written yet */ }
    if (Date.now() > until) throw new Error(`the file never held what was awaited: ${check}`);
    await page.waitForTimeout(100);
  }
}

/** Writes a colleague's version into the file, from another page of the same origin:
 * the file's plan as `change` leaves it. */
async function colleagueWrites(context, url, change) {
  const other = await context.newPage();
  await other.goto(`${url}#/plans`);
  const file = JSON.parse(await fileText(other));
  change(file.plan);
  await other.evaluate(async ([name, text]) => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle(name);
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
  }, [FILE, JSON.stringify(file, null, 2) + '\n']);
  await other.close();
}

async function linkedPage() {
  const server = await serve();
  const b = await browser();
  await b.context.addInitScript(PICKERS);
  const { page } = b;
  await open(page, `${server.url}#/structure`);
  await saved(page);
  await page.getByRole('button', { name: 'Enregistrer dans un fichier…' }).click();
  await page.locator('.keeping').getByText(new RegExp(`^Enregistré dans ${FILE} à \\d+ h \\d{2}$`)).waitFor();
  await fileHolds(page, (plan) => plan.title.length > 0);
  return { b, page, server };
}

test('a plan saved to a file stays linked: each change is written to it, and the banner says where and when', async () => {
  const { b, page, server } = await linkedPage();
  try {
    assert.equal(JSON.parse(await fileText(page)).plan.title, SAMPLE_TITLE);
    await page.getByLabel('Titre du plan').fill('PEVR — écrit dans le fichier');
    await fileHolds(page, (plan) => plan.title === 'PEVR — écrit dans le fichier');
    await page.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();
    await page.getByRole('link', { name: 'Mes plans' }).first().click();
    await page.locator('.plan-home').getByText(`Fichier : ${FILE}`).waitFor();
    await screenshot(page, 'file-home-library');
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('a colleague\'s change to the file is merged in; a field both changed is shown with both values and decided', async () => {
  const { b, page, server } = await linkedPage();
  try {
    // Only they changed an element: taken without a question.
    const stored = () => page.evaluate(() =>
      JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)).plan);
    const first = (await stored()).elements[0].id;
    await colleagueWrites(b.context, server.url, (plan) => {
      plan.elements.find((e) => e.id === first).title = 'Intitulé revu par une collègue';
    });
    await page.getByRole('alert').getByText('modifié ailleurs').waitFor();
    await page.waitForFunction((id) => JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`))
      .plan.elements.find((e) => e.id === id).title === 'Intitulé revu par une collègue', first);

    // Both change the title while the file cannot be written here: a conflict.
    await page.evaluate(() => { window.failWrites = 1000; });
    await page.getByLabel('Titre du plan').fill('Titre écrit sur cette page');
    await page.locator('.keeping').getByText('Pas enregistré').waitFor();
    await colleagueWrites(b.context, server.url, (plan) => { plan.title = 'Titre écrit par la collègue'; });
    await page.evaluate(() => { window.failWrites = 0; });
    const review = page.locator('.file-review');
    await review.getByText('Titre écrit par la collègue').waitFor();
    await review.getByText('Titre écrit sur cette page').waitFor();
    assert.equal(await page.getByText('sans conflit').count(), 0, 'the earlier « sans conflit » is not left beside the conflict');
    await screenshot(page, 'file-home-review');
    assert.deepEqual(await audit(page), []);
    // On a phone, and in English, the review reads the same and stays accessible.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await review.getByRole('button', { name: 'Merge', exact: true }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'file-home-review-phone-en');
    assert.deepEqual(await audit(page), []);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Passer au français' }).click();
    assert.equal(JSON.parse(await fileText(page)).plan.title, 'Titre écrit par la collègue', 'nothing written until decided');
    await review.getByRole('button', { name: 'Fusionner' }).click();
    await review.getByRole('alert').getByText('Choisissez une version pour chaque conflit').waitFor();
    await review.getByLabel(/Prendre la leur/).check();
    await review.getByRole('button', { name: 'Fusionner' }).click();
    await review.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Titre écrit par la collègue');
    await fileHolds(page, (plan) => plan.title === 'Titre écrit par la collègue'
      && plan.elements.some((e) => e.title === 'Intitulé revu par une collègue'));
    // One undo takes the merge back.
    await page.getByRole('button', { name: /^Défaire/ }).click();
    await page.waitForFunction(() => document.querySelector('#plan-title').value === 'Titre écrit sur cette page');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('a change written to the file while the page is shown is merged as the browser tells of it (FileSystemObserver)', async () => {
  const { b, page, server } = await linkedPage();
  try {
    const first = await page.evaluate(() =>
      JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)).plan.elements[0].id);
    // Written from this very page, which stays shown: no return into view, and the
    // page's own look at the file comes only every minute while it is watched.
    await page.evaluate(async ([name, id]) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(name);
      const file = JSON.parse(await (await handle.getFile()).text());
      file.plan.elements.find((e) => e.id === id).title = 'Intitulé écrit par un autre programme';
      const writable = await handle.createWritable();
      await writable.write(JSON.stringify(file, null, 2) + '\n');
      await writable.close();
    }, [FILE, first]);
    await page.getByRole('alert').getByText('modifié ailleurs').waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('a write that fails is said at once and retried; the browser keeps the change meanwhile', async () => {
  const { b, page, server } = await linkedPage();
  try {
    await page.evaluate(() => { window.failWrites = 1; });
    await page.getByLabel('Titre du plan').fill('Titre à écrire malgré tout');
    await page.locator('.keeping').getByText('le fichier est ouvert dans un autre programme').waitFor();
    await page.locator('.keeping').getByText('Nouvel essai').waitFor();
    await fileHolds(page, (plan) => plan.title === 'Titre à écrire malgré tout');
    await page.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('without the file API, the banner says the plan exists only here and offers a copy to download', async () => {
  const b = await browser();
  try {
    await b.context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
    const { page } = b;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    const keeping = page.locator('.keeping');
    assert.equal(await keeping.innerText(), "Ce plan n'existe que dans ce navigateur — dernière copie dans un fichier\u00a0: jamais");
    assert.equal(await page.getByRole('button', { name: 'Enregistrer dans un fichier…' }).count(), 0);
    await downloadCopy(page);
    await keeping.getByText(/dernière copie dans un fichier\s: \d+ \S+ \d{4} à \d+ h \d{2}$/).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('after a reload, one click reopens the linked plan from its file', async () => {
  const { b, page, server } = await linkedPage();
  try {
    await page.reload();
    await page.waitForSelector('main#contenu');
    await page.getByLabel('Titre du plan').fill('Écrit après la réouverture');
    await page.locator('.keeping').getByText(`Lié à ${FILE}`).waitFor();
    // Chromium asks for the permission again with a choice to remember it: said.
    await page.locator('.keeping').getByText('Autoriser à chaque visite').waitFor();
    await page.getByRole('button', { name: 'Rouvrir le fichier' }).click();
    await fileHolds(page, (plan) => plan.title === 'Écrit après la réouverture');
    await page.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('after a reload, a file a colleague changed meanwhile is merged over the version this browser last wrote: nothing is asked', async () => {
  const { b, page, server } = await linkedPage();
  try {
    const stored = () => page.evaluate(() =>
      JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)).plan);
    const first = (await stored()).elements[0].id;
    await page.reload();
    await page.waitForSelector('main#contenu');
    // Changed here while the file is not reachable, and there by a colleague.
    await page.getByLabel('Titre du plan').fill('Titre écrit avant la réouverture');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`))
      .plan.title === 'Titre écrit avant la réouverture');
    await colleagueWrites(b.context, server.url, (plan) => {
      plan.elements.find((e) => e.id === first).title = 'Intitulé revu pendant la pause';
    });
    await page.getByRole('button', { name: 'Rouvrir le fichier' }).click();
    await fileHolds(page, (plan) => plan.title === 'Titre écrit avant la réouverture'
      && plan.elements.find((e) => e.id === first).title === 'Intitulé revu pendant la pause');
    await page.getByRole('alert').getByText('modifié ailleurs').waitFor();
    assert.equal(await page.locator('.file-review').count(), 0, 'each side changed its own field: nothing to decide');
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Titre écrit avant la réouverture');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('two tabs linked to the same file stay in step: each one\'s change reaches the file and the other tab, nothing asked', async () => {
  const { b, page, server } = await linkedPage();
  try {
    const second = await b.context.newPage();
    await open(second, `${server.url}#/structure`);
    await second.getByRole('button', { name: 'Rouvrir le fichier' }).click();
    await second.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();

    await page.getByLabel('Titre du plan').fill('Titre du premier onglet');
    await fileHolds(page, (plan) => plan.title === 'Titre du premier onglet');
    await second.waitForFunction(() => document.querySelector('#plan-title').value === 'Titre du premier onglet');

    await second.getByLabel('Titre du plan').fill('Titre du second onglet');
    await fileHolds(page, (plan) => plan.title === 'Titre du second onglet');
    await page.waitForFunction(() => document.querySelector('#plan-title').value === 'Titre du second onglet');
    for (const tab of [page, second]) {
      await tab.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();
      assert.equal(await tab.locator('.file-review').count(), 0);
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

/** Clicks « Télécharger une copie » and returns the downloaded file's text. */
async function downloadCopy(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger une copie' }).click()]);
  return readFile(await download.path(), 'utf8');
}

/** Chooses `text` as the file `name` in the plans' screen's zone. */
async function choose(page, name, text) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a copy a synchronisation service made is recognised when opened, and merged field by field', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/plans`);
    await saved(page);
    const mine = await page.evaluate(() =>
      JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)));
    const copy = structuredClone(mine);
    copy.plan.title = 'Titre de la copie du portable';
    await choose(page, 'PEVR-2025-2029-PORTABLE-12.json', JSON.stringify(copy, null, 2));
    await page.getByText('est une copie de PEVR-2025-2029.json').waitFor();
    await page.getByRole('button', { name: 'Fusionner avec la version de ce navigateur' }).click();
    // Without a version known to both (this plan is linked to no file), a field that
    // differs is asked, never taken silently.
    const review = page.locator('.file-review');
    await review.getByText('Titre de la copie du portable').waitFor();
    await review.getByLabel(/Prendre la leur/).check();
    await review.getByRole('button', { name: 'Fusionner' }).click();
    await review.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Titre du plan').inputValue(), 'Titre de la copie du portable');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a downloaded copy names the copy it comes from: changed in another browser, it is merged over that copy without asking', async () => {
  const mine = await browser();
  const colleague = await browser();
  try {
    const { page } = mine;
    await open(page, `${FILE_URL}#/structure`);
    await saved(page);
    const first = await downloadCopy(page);
    assert.equal(JSON.parse(first).base, undefined, 'a first copy comes from no copy');

    // A colleague opens that copy in another browser, changes the title, and downloads
    // a copy, which names the one it was opened from.
    const other = colleague.page;
    await open(other, `${FILE_URL}#/plans`);
    await saved(other);
    await choose(other, 'PEVR-2025-2029.json', first);
    await other.getByRole('button', { name: 'Remplacer par ce fichier' }).click();
    await other.goto(`${FILE_URL}#/structure`);
    await other.getByLabel('Titre du plan').fill('Titre revu par la collègue');
    await other.getByLabel('Titre du plan').blur();
    await saved(other);
    const theirs = await downloadCopy(other);
    assert.equal(JSON.parse(theirs).version, 5);
    assert.match(JSON.parse(theirs).base, /^[0-9a-f]{16}$/);

    // Meanwhile this browser changed an action; the colleague's copy brings the title.
    await page.goto(`${FILE_URL}#/actions`);
    await page.getByRole('button', { name: /^Modifier « Offrir une formation sur l'enseignement explicite/ }).click();
    await page.locator('form.action-form').getByLabel('Titre').fill('Offrir deux formations sur la lecture');
    await page.locator('form.action-form').getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await saved(page);
    await page.goto(`${FILE_URL}#/plans`);
    await choose(page, 'PEVR-2025-2029 (1).json', theirs);
    await page.getByRole('button', { name: 'Fusionner avec la version de ce navigateur' }).click();
    await page.getByText('ses modifications sont intégrées aux vôtres, sans conflit').waitFor();
    assert.equal(await page.locator('.file-review').count(), 0, 'nothing asked');
    await page.goto(`${FILE_URL}#/structure`);
    await page.waitForFunction(() => document.querySelector('#plan-title')?.value === 'Titre revu par la collègue');
    await saved(page);
    const plan = await page.evaluate(() =>
      JSON.parse(localStorage.getItem(`jalon.v1.plans.${localStorage.getItem('jalon.v1.current')}`)).plan);
    assert.ok(plan.actions.some((a) => a.title === 'Offrir deux formations sur la lecture'), 'this browser\'s change is kept');

    // The first copy again: it holds nothing this plan does not, and is said so.
    await page.goto(`${FILE_URL}#/plans`);
    await choose(page, 'PEVR-2025-2029.json', first);
    await page.getByRole('button', { name: 'Fusionner avec la version de ce navigateur' }).click();
    await page.getByText('ne contient rien que ce plan n\'ait déjà').waitFor();
    assert.equal(await page.locator('.file-review').count(), 0);
    await screenshot(page, 'copy-brought-nothing');
    assert.deepEqual(await audit(page), []);
    assert.deepEqual(mine.errors, []);
  } finally {
    await mine.close();
    await colleague.close();
  }
});

test('on a shared computer, nothing of a linked plan stays in the browser once the page closes; its file opens it again', async () => {
  const { b, page, server } = await linkedPage();
  try {
    await page.getByLabel('Titre du plan').fill('Plan du poste partagé');
    await fileHolds(page, (plan) => plan.title === 'Plan du poste partagé');
    const id = await page.evaluate(() => localStorage.getItem('jalon.v1.current'));
    await page.getByLabel(/Ordinateur partagé/).check();
    await page.locator('.keeping').getByText(`Enregistré dans ${FILE}`).waitFor();
    await page.goto('about:blank');
    await open(page, `${server.url}#/plans`);
    // An empty library starts again from the sample, which may take the same id: what
    // must be gone is this plan's text, wherever it would be kept.
    const kept = await page.evaluate((id) => Object.keys(localStorage)
      .filter((key) => key.includes(id) && localStorage.getItem(key).includes('Plan du poste partagé')), id);
    assert.deepEqual(kept, []);
    assert.equal(await page.locator('.plan-name', { hasText: 'Plan du poste partagé' }).count(), 0);
    await page.getByRole('button', { name: 'Ouvrir un fichier…' }).click();
    await page.waitForFunction(() => document.querySelector('#plan-title')?.value === 'Plan du poste partagé');
    await page.locator('.keeping').getByText(FILE).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});
