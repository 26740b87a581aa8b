// The budget as a treasurer keeps it: starting one on a plan that has none, lines added
// and totals updated, an amount that cannot be read explained and refused, the checks of
// a real budget shown beside the lines they concern, and everything kept across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, reopenWith, serve, FILE_URL, ROOT, toEnglish } from './support.mjs';

/** Back to French, through « Menu » where a phone folds the header. */
async function toFrench(page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Passer au français' }).click();
}

const money = (text) => text.replaceAll(' $', `\u00a0$`).replace(/(\d) (\d{3})/g, '$1\u00a0$2');

const COOPERATIVE = readFileSync(join(ROOT, 'tests/fixtures/plan-002-cooperative.json'), 'utf8');
const NBSP = '\u00a0';

async function fill(form, values) {
  for (const [label, value] of Object.entries(values)) {
    const field = form.getByLabel(label, { exact: true });
    if (await field.evaluate((e) => e.tagName) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

async function submit(page, formName, values) {
  const form = page.getByRole('form', { name: formName });
  await fill(form, values);
  await form.locator('button[type="submit"]').click();
  return form;
}

test('a budget is started on the sample plan, its totals follow the lines, and it survives a reload', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/budget`);
    const main = b.page.locator('main');
    assert.match(await main.innerText(), /Ce plan n'a pas encore de budget/);
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'budget-empty-1366-fr');

    // An amount that cannot be read is explained beside its field, and nothing is added.
    const revenue = await submit(b.page, 'Nouvelle ligne de revenus', { 'Libellé': 'Allocation du ministère', 'Montant': 'douze' });
    assert.match(await revenue.getByRole('alert').innerText(), /^Montant\u00a0: «\u00a0douze\u00a0» ne se lit pas comme un montant/);
    assert.equal(await revenue.getByLabel('Montant').getAttribute('aria-invalid'), 'true');
    assert.match(await main.innerText(), /Aucune ligne de revenus/);
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'budget-bad-amount-1366-fr');

    await fill(revenue, { 'Montant': '25 000 $' });
    await revenue.locator('button[type="submit"]').click();
    await main.getByRole('row', { name: /Allocation du ministère/ }).waitFor();
    assert.equal(await revenue.getByRole('alert').count(), 0);

    await submit(b.page, 'Nouvelle catégorie de dépenses', { 'Nom de la catégorie': 'Projets' });
    await submit(b.page, 'Nouveau taux', { 'Catégorie de personnel': 'Professionnels', 'Taux par jour': '280' });
    await submit(b.page, 'Nouvelle ligne de dépenses — Projets', { 'Libellé': 'Formation en numératie', 'Prévu (dépenses directes)': '2000,50', 'Dépensé (facultatif)': '' });
    await main.getByRole('button', { name: 'Ajouter une contribution en personnel à « Formation en numératie »' }).click();
    await submit(b.page, 'Nouvelle contribution en personnel — Formation en numératie', { 'Participants': '3', 'Jours': '2,5' });

    const line = main.getByRole('row', { name: /Formation en numératie/ }).first();
    await main.getByText('3 × 2,5 jours × 280,00 $ = 2 100,00 $'.replaceAll(' $', `${NBSP}$`).replace('2 100', `2${NBSP}100`)).waitFor();
    assert.match(await line.innerText(), new RegExp(`2${NBSP}000,50${NBSP}\\$\\s+2${NBSP}100,00${NBSP}\\$\\s+4${NBSP}100,50${NBSP}\\$`));
    const summary = main.locator('section.budget-summary');
    const totals = await summary.innerText();
    assert.match(totals, new RegExp(`Revenus\\s+25${NBSP}000,00${NBSP}\\$`));
    assert.match(totals, new RegExp(`Total des dépenses prévues\\s+4${NBSP}100,50${NBSP}\\$`));
    assert.match(totals, new RegExp(`Solde \\(revenus − dépenses\\)\\s+20${NBSP}899,50${NBSP}\\$`));
    assert.equal(await summary.locator('svg[role="img"] title').textContent(), 'Dépenses prévues et dépensées');
    assert.deepEqual(await audit(b.page), []);

    // Spending reported on the line: planned against spent follows.
    await line.getByRole('button', { name: 'Modifier « Formation en numératie »' }).click();
    const edit = await submit(b.page, 'Modifier « Formation en numératie »', { 'Dépensé (facultatif)': '5 000' });
    await edit.waitFor({ state: 'detached' });
    assert.match(await summary.innerText(), new RegExp(`Reste à dépenser\\s+-899,50${NBSP}\\$`));

    await b.page.reload();
    await b.page.waitForSelector('main#contenu h1');
    const kept = await b.page.locator('section.budget-summary').innerText();
    assert.match(kept, new RegExp(`Solde \\(revenus − dépenses\\)\\s+20${NBSP}899,50${NBSP}\\$`));
    assert.match(kept, new RegExp(`Dépensé\\s+5${NBSP}000,00${NBSP}\\$`));
    assert.match(await b.page.locator('main').innerText(), /Professionnels\u00a0: 3 × 2,5 jours/);
    await screenshot(b.page, 'budget-started-1366-fr');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('the cooperative budget shows its three anomalies beside the lines and totals they concern', async () => {
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/budget`);
    await reopenWith(b.page, COOPERATIVE);
    const main = b.page.locator('main');

    // 10 professionals × 5 days × 280 $ = 14 000 $, stated 8 400 $: under the Bien-être line.
    const bienEtre = main.locator('tr.line-details').first();
    const details = await bienEtre.innerText();
    assert.match(details, new RegExp(`10 × 5 jours × 280,00${NBSP}\\$ = 14${NBSP}000,00${NBSP}\\$\\s; indiqué 8${NBSP}400,00${NBSP}\\$`));
    assert.match(details, new RegExp(`La contribution en personnel n°${NBSP}1 est indiquée à 8${NBSP}400,00${NBSP}\\$, alors que participants × jours × taux donne 14${NBSP}000,00${NBSP}\\$`));
    assert.equal(await main.locator('tr.line-details .notes').count(), 1, 'only that line has a warning');

    // The staff total: 243 040 $ computed from the lines against 220 640 $ stated.
    const summary = await main.locator('section.budget-summary').innerText();
    assert.match(summary, new RegExp(`Le total des contributions en personnel indiqué \\(220${NBSP}640,00${NBSP}\\$\\) diffère de la somme des lignes \\(243${NBSP}040,00${NBSP}\\$\\)`));

    // The allocation's stated parts: 343 800,01 $ for 343 800,00 $.
    const allocation = main.locator('section.allocation');
    assert.match(await allocation.innerText(), new RegExp(`totalisent 343${NBSP}800,01${NBSP}\\$ pour un montant à répartir de 343${NBSP}800,00${NBSP}\\$`));
    assert.match(await allocation.getByRole('row', { name: /CSSPO/ }).innerText(), new RegExp(`74${NBSP}056,88${NBSP}\\$\\s+74${NBSP}056,89${NBSP}\\$\\s+0,01${NBSP}\\$`));
    assert.deepEqual(await audit(b.page), []);
    await screenshot(b.page, 'budget-cooperative-1366-fr');

    // Correcting the stated amount to the computed one clears that warning; the line's
    // stated total of 13 400 $ then disagrees with 5 000 $ + 14 000 $, and says so.
    await bienEtre.getByRole('button', { name: /Modifier la contribution n°\s1/ }).click();
    await submit(b.page, /Contribution en personnel n°\s1 — Bien-être/, { 'Montant indiqué (facultatif)': '14 000,00 $' });
    await main.locator('tr.line-details').first().getByText(`indiqué 14${NBSP}000,00${NBSP}$`).waitFor();
    const notes = await main.locator('tr.line-details .notes').allInnerTexts();
    assert.equal(notes.length, 1);
    assert.doesNotMatch(notes[0], /contribution en personnel/);
    assert.match(notes[0], new RegExp(`Le total de la ligne indiqué \\(13${NBSP}400,00${NBSP}\\$\\) diffère de la somme des lignes \\(19${NBSP}000,00${NBSP}\\$\\)`));
    assert.deepEqual(await audit(b.page), []);

    await toEnglish(b.page);
    await main.getByRole('heading', { name: 'Expenses by category' }).waitFor();
    assert.match(await main.locator('section.allocation').innerText(), /The stated parts add up to \$343,800\.01 for an amount to allocate of \$343,800\.00/);
    await screenshot(b.page, 'budget-cooperative-1366-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('served, on a phone, in French and English: the budget does not scroll sideways', async () => {
  const server = await serve();
  const b = await browser({ width: 390, height: 844 });
  try {
    await open(b.page, `${server.url}#/budget`);
    await reopenWith(b.page, COOPERATIVE);
    const narrow = () => b.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    assert.ok(await narrow());
    assert.deepEqual(await audit(b.page), []);
    await b.page.locator('section.budget-summary').scrollIntoViewIfNeeded();
    await screenshot(b.page, 'budget-390-fr');
    await toEnglish(b.page);
    await b.page.getByRole('heading', { name: 'Expenses by category' }).waitFor();
    assert.ok(await narrow());
    await b.page.getByRole('heading', { name: 'Expenses by category' }).scrollIntoViewIfNeeded();
    await screenshot(b.page, 'budget-390-en');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('an action\u2019s own budget counts on the budget screen, and a budget line says which action it funds', async () => {
  const file = JSON.parse(COOPERATIVE);
  const action = file.plan.actions[0];
  action.budget_planned = 1_250_000;
  action.budget_spent = 400_000;
  const line = file.plan.budget.expenses[1];
  const b = await browser();
  try {
    await open(b.page, `${FILE_URL}#/budget`);
    await reopenWith(b.page, JSON.stringify(file));
    const section = b.page.locator('section', { has: b.page.locator('#action-budgets-title') });
    assert.equal(await section.getByRole('heading').innerText(), 'Budgets des actions');
    const row = section.getByRole('row', { name: new RegExp(action.title) });
    assert.match(await row.innerText(), new RegExp(`12${NBSP}500,00${NBSP}\\$\\s+—\\s+4${NBSP}000,00${NBSP}\\$\\s+8${NBSP}500,00${NBSP}\\$`));

    const name = `Modifier « ${line.label} »`;
    await b.page.getByRole('button', { name }).click();
    await submit(b.page, name, { Finance: action.title });
    await row.getByText(line.label).waitFor();
    await screenshot(b.page, 'budget-actions-1366-fr');
    assert.deepEqual(await audit(b.page), []);

    await b.page.reload();
    await section.getByRole('row', { name: new RegExp(action.title) }).getByText(line.label).waitFor();
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('one budget: an action is granted its amount, its lines say what they plan and spend, the table adds up to the budget\u2019s lines, and a line left funding a deleted action is said', async () => {
  const server = await serve();
  const b = await browser();
  try {
    const { page } = b;
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await open(page, `${server.url}#/budget`);
    await reopenWith(page, COOPERATIVE);
    const main = page.locator('main');
    const section = main.locator('section', { has: page.locator('#action-budgets-title') });
    const title = 'Mener les projets-pilotes de transition';
    const line = 'Transitions (8 CP) 5 J et planification de la transition (8 CP) 3 J';
    /** A row's cells as shown: its name, then each figure under its column. */
    const cells = async (row) => Promise.all([row.locator('th a, th:not(:has(a))').first().innerText(), ...['Accordé', 'Prévu aux lignes', 'Dépensé', 'Reste à dépenser', 'Financé par']
      .map(async (label) => { const cell = row.locator(`td[data-label="${label}"]`); return (await cell.count()) ? cell.innerText() : ''; })]);
    const row = section.locator('tbody tr', { hasText: title });
    await row.waitFor();

    // Granted 80 000 $ in its form; its line plans 80 000 $ and 17 920 $ of staff; what
    // its form says was spent, while the line reports nothing.
    assert.deepEqual(await cells(row), [title, ...['80 000,00 $', '97 920,00 $', '21 500,00 $', '58 500,00 $'].map(money), line]);
    const foot = section.locator('tfoot tr');
    assert.deepEqual(await cells(foot.nth(0)), ['Total', ...['80 000,00 $', '97 920,00 $', '21 500,00 $', '58 500,00 $'].map(money), '']);
    assert.deepEqual(await cells(foot.nth(1)), ['Autres lignes du budget', '', ...['578 720,00 $', '0,00 $'].map(money), '', '']);
    assert.deepEqual(await cells(foot.nth(2)), ['Toutes les lignes du budget', '', ...['676 640,00 $', '0,00 $'].map(money), '', '']);
    assert.match(await main.locator('section.budget-summary').innerText(), new RegExp(`Total des dépenses prévues\\s+${money('676 640,00 $').replace('$', '\\$')}`));

    // The treasurer reports 30 000 $ spent on the line: that is what is spent on the
    // action, and its form's 21 500 $ is said to differ.
    const name = `Modifier « ${line} »`;
    await main.getByRole('button', { name }).click();
    await submit(page, name, { 'Dépensé (facultatif)': '30 000' });
    await row.locator('td[data-label="Dépensé"]').getByText(money('30 000,00 $')).waitFor();
    assert.deepEqual((await cells(row)).slice(3, 5), ['30 000,00 $', '50 000,00 $'].map(money));
    assert.match((await row.locator('.notes').innerText()).replaceAll(NBSP, ' '), /Le budget dépensé indiqué \(21 500,00 \$\) diffère de la somme des lignes \(30 000,00 \$\) : écart de -8 500,00 \$\.$/);
    assert.deepEqual(await audit(page), []);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'budget-one-model-1366-fr');

    // « Copier le tableau » gives the rows and totals as shown, without the checks.
    await section.getByRole('button', { name: 'Copier le tableau — Budgets des actions' }).click();
    await section.getByText('Tableau copié').waitFor();
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\r\n').map((l) => l.split('\t'));
    assert.deepEqual(copied[0], ['Action', 'Accordé', 'Prévu aux lignes', 'Dépensé', 'Reste à dépenser', 'Financé par']);
    assert.deepEqual(copied[1], [title, '80 000,00 $', '97 920,00 $', '30 000,00 $', '50 000,00 $', line]);
    assert.deepEqual(copied.slice(2).map((r) => r[0]), ['Total', 'Autres lignes du budget', 'Toutes les lignes du budget']);

    await toEnglish(page);
    await section.getByRole('heading', { name: 'Budgets of the actions' }).waitFor();
    assert.match(await section.locator('thead').innerText(), /Granted\s+Planned on lines\s+Spent\s+Left to spend\s+Funded by/);
    assert.match(await row.locator('.notes').innerText(), /The budget spent stated \(\$21,500\.00\) differs from the sum of the lines \(\$30,000\.00\)/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'budget-one-model-1366-en');
    await toFrench(page);
    await section.getByRole('heading', { name: 'Budgets des actions' }).waitFor();

    // The action is deleted: its line now funds nothing in the plan, and says so,
    // named by its category among the plan's checks.
    await page.evaluate(() => { location.hash = '#/actions'; });
    await page.getByRole('button', { name: `Supprimer « ${title} »` }).click();
    const asked = page.getByRole('group', { name: new RegExp(`Supprimer « ${title}`) });
    // The question says which budget lines would be left funding nothing.
    assert.equal((await asked.locator('p').innerText()).replaceAll(NBSP, ' '),
      'Supprimer cette ligne, avec son état d\'avancement à chaque suivi ? 1 ligne du budget y est rattachée (97 920,00 $ prévus) : elle restera au budget, sans rien à financer.');
    await screenshot(page, 'actions-delete-funded-1366');
    assert.deepEqual(await audit(page), []);
    await asked.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.locator('table.actions-table').getByText(title).waitFor({ state: 'detached' });
    await page.evaluate(() => { location.hash = '#/budget'; });
    const said = `Cette ligne finance «${NBSP}action-transitions${NBSP}», qui n'est plus dans le plan${NBSP}: choisissez ce qu'elle finance, ou «${NBSP}(aucun en particulier)${NBSP}».`;
    await main.locator('tr.line-details .notes').getByText(said).waitFor();
    assert.deepEqual(await audit(page), []);
    await page.evaluate(() => { location.hash = '#/tableau-de-bord'; });
    const check = page.locator('section.checks li li', { hasText: said });
    await check.first().waitFor();
    assert.equal(await check.first().getByRole('link').innerText(), `Budget › Projets stratégiques › ligne « ${line} »`);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    await server.close();
  }
});

test('on a phone, the actions\u2019 budgets and the steps editor fit the screen', async () => {
  const file = JSON.parse(COOPERATIVE);
  const action = file.plan.actions[0];
  action.budget_planned = 1_250_000;
  action.budget_spent = 400_000;
  const b = await browser({ width: 390, height: 844 });
  const narrow = () => b.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  try {
    await open(b.page, `${FILE_URL}#/budget`);
    await reopenWith(b.page, JSON.stringify(file));
    const section = b.page.locator('section', { has: b.page.locator('#action-budgets-title') });
    await section.getByRole('row', { name: new RegExp(action.title) }).waitFor();
    await section.scrollIntoViewIfNeeded();
    assert.ok(await narrow(), 'the budget screen scrolls sideways');
    const card = await section.locator('table').evaluate((table) => ({
      fits: table.scrollWidth <= table.closest('.table-scroll').clientWidth,
      card: getComputedStyle(table.querySelector('tbody tr')).display === 'block',
    }));
    assert.deepEqual(card, { fits: true, card: true }, 'each action\u2019s budget is a card');
    await screenshot(b.page, 'budget-actions-390-fr');
    assert.deepEqual(await audit(b.page), []);
    await toEnglish(b.page);
    await section.getByRole('heading', { name: 'Budgets of the actions' }).waitFor();
    await section.locator('tfoot').scrollIntoViewIfNeeded();
    assert.ok(await narrow(), 'the budget screen scrolls sideways in English');
    await screenshot(b.page, 'budget-actions-390-en');
    await toFrench(b.page);
    await section.getByRole('heading', { name: 'Budgets des actions' }).waitFor();

    await b.page.evaluate(() => { location.hash = '#/actions'; });
    await b.page.getByRole('button', { name: /^Modifier/ }).first().click();
    const form = b.page.locator('form.action-form');
    await form.getByRole('button', { name: 'Ajouter une année' }).click();
    await form.getByLabel('Année', { exact: true }).last().fill('2026-2027');
    await form.getByLabel('Étapes (une par ligne)').last().fill('Diffuser le guide\nMesurer son usage');
    await form.getByLabel('Étapes (une par ligne)').last().scrollIntoViewIfNeeded();
    assert.ok(await narrow(), 'the steps editor scrolls sideways');
    await screenshot(b.page, 'forms-action-steps-390');
    assert.deepEqual(await audit(b.page), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
