// The core's calculations and messages as the page shows them: statuses, checks, and a
// stored plan the page cannot read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, screenshot, storePlan, audit, FILE_URL, ROOT, toEnglish, SAMPLE_TITLE } from './support.mjs';

const FIXTURE_000 = readFileSync(join(ROOT, 'tests/fixtures/plan-000-pevr.json'), 'utf8');

async function withStoredPlan(text, run) {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/structure`);
    await storePlan(b.page, text, 'stored');
    await b.page.reload();
    await b.page.waitForSelector('main#contenu');
    await run(b);
  } finally {
    await b.close();
  }
}

test('the sample plan shows each indicator\u2019s status and no warning', async () => {
  // Whatever the day, the sample is dated from its school year (src/sample.rs).
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/structure`);
    const main = b.page.locator('main');
    assert.ok(await main.locator('.badge.status-ontrack').count() > 0, 'an on-track badge');
    assert.match(await main.innerText(), /En retard/);
    await b.page.getByRole('link', { name: 'Tableau de bord' }).click();
    assert.match(await b.page.locator('section.checks').innerText(), /Vérifications \(0\)/);
  } finally {
    await b.close();
  }
});

test('a stored plan with a rate target of 592 and a moyen without responsible shows both warnings', async () => {
  await withStoredPlan(FIXTURE_000, async (b) => {
    await b.page.getByRole('link', { name: 'Tableau de bord' }).click();
    const checks = await b.page.locator('section.checks').innerText();
    // And its rates of « 2023 », the school year 2022-2023, too old for its bilan of June
    // 2024, which counts what was measured since December 2023 (issue 27).
    assert.match(checks, /Vérifications \(5\)/);
    assert.match(checks, /La cible 592 d'un indicateur en pourcentage sort de l'intervalle 0 à 100\u00a0%|La cible 592 d'un indicateur en pourcentage sort de l'intervalle 0 à 100 %/);
    assert.match(checks, /Aucun responsable n'est indiqué/);
    await toEnglish(b.page);
    assert.match(await b.page.locator('section.checks').innerText(), /No one is named responsible/);
    await screenshot(b.page, 'fixture-000-1366');
  });
});

test('a damaged stored plan is set aside untouched, explained, offered as a download, and the sample is shown', async () => {
  const broken = FIXTURE_000.slice(0, 5000);
  await withStoredPlan(broken, async (b) => {
    const notice = await b.page.getByRole('alert').innerText();
    assert.match(notice, /mis de côté/);
    assert.match(notice, /n'est pas un fichier JSON lisible/);
    assert.equal(await b.page.getByLabel('Titre du plan').inputValue(), SAMPLE_TITLE);
    // One key per distinct text set aside: `unreadable.<id>.<digest>`.
    const kept = await b.page.evaluate(() => {
      const keys = Object.keys(localStorage).filter((k) => k.startsWith('jalon.v1.unreadable.stored.'));
      return keys.length === 1 ? localStorage.getItem(keys[0]) : keys;
    });
    assert.equal(kept, broken, 'the unreadable text is kept untouched');
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByRole('button', { name: 'Télécharger les données mises de côté' }).click(),
    ]);
    assert.equal(readFileSync(await download.path(), 'utf8'), broken);
    assert.deepEqual(await audit(b.page), []);
  });
});

test('a plan stored by a newer version is left as it is, and said so', async () => {
  const newer = FIXTURE_000.replace('"version": 1', '"version": 7');
  await withStoredPlan(newer, async (b) => {
    assert.match(await b.page.getByRole('alert').innerText(), /version plus récente de Jalon \(format 7\).*laisse tel quel/s);
    // The plan shown instead is kept under its own id; then nothing else is due.
    await b.page.locator('.save-state').getByText(/^(Enregistré|Conservé) dans ce navigateur/).waitFor();
    const kept = await b.page.evaluate(() => localStorage.getItem('jalon.v1.plans.stored'));
    assert.equal(kept, newer, 'nothing overwrote it');
  });
});

test('text from a plan is shown as text, never as markup', async () => {
  const plan = JSON.parse(FIXTURE_000);
  plan.plan.title = '<script>window.pwned = 1</script>';
  plan.plan.elements[0].title = '<img src=x onerror="window.pwned = 2">';
  await withStoredPlan(JSON.stringify(plan, null, 2), async (b) => {
    assert.equal(await b.page.getByLabel('Titre du plan').inputValue(), '<script>window.pwned = 1</script>');
    assert.match(await b.page.locator('main').innerText(), /<img src=x onerror="window.pwned = 2">/);
    assert.equal(await b.page.evaluate(() => window.pwned), undefined);
    assert.equal(await b.page.locator('main img').count(), 0);
  });
});
