// The printed bilan as a coordinator makes it: chosen from the plan at a checkpoint,
// printed to PDF by Chromium on Letter and A4 paper in French and English, its pages
// turned into PNG to be looked at; the same figures as the dashboard; its HTML copy
// read with scripts disabled; axe clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { browser, open, audit, screenshot, reopenWith, FILE_URL, ROOT, OUT, CHROMIUM_ARGS, toEnglish } from './support.mjs';

const fixture = (name) => readFileSync(join(ROOT, `tests/fixtures/${name}.json`), 'utf8');

/**
 * The three reference plans, each with two checkpoints: the regional plan has one of
 * its own, so a mid-year one is added the way the follow-up screen would.
 */
function referencePlans() {
  const regional = JSON.parse(fixture('plan-001-regional'));
  regional.plan.checkpoints.unshift({ id: 'bilan-2024-12', label: 'Bilan de mi-année', date: '2024-12-13' });
  return [
    ['pevr', fixture('plan-000-pevr')],
    ['regional', JSON.stringify(regional)],
    ['cooperative', fixture('plan-002-cooperative')],
  ];
}

const PAPER = {
  letter: { fr: 'Lettre', en: 'Letter', size: 'letter' },
  a4: { fr: 'A4', en: 'A4', size: 'A4' },
};

async function withPlan(text, run, options = {}) {
  const b = await browser(options);
  try {
    await open(b.page, `${FILE_URL}#/bilan`);
    await reopenWith(b.page, text);
    await run(b);
  } finally {
    await b.close();
  }
}

/** The bilan's preview once it shows the checkpoint asked for. */
async function chooseCheckpoint(page, id) {
  await page.locator('#bilan-checkpoint').selectOption(id);
  const date = await page.locator(`#bilan-checkpoint option[value="${id}"]`).innerText();
  const day = date.match(/\(([^)]+)\)$/)[1];
  await page.locator('.bilan-cover .kicker', { hasText: day }).waitFor();
}

function pdfInfo(file) {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

/** Text compared as printed: runs of spaces as one, a word cut after its hyphen at a line's end joined again. */
const flat = (text) => text.split(/\s+/).filter(Boolean).join(' ').replace(/- /g, '-');

const XML = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/**
 * Each printed page as pdftotext reads it: its words in order, where the lowest of them
 * ends, and its height; the page number at the foot (in the bottom margin) left out.
 */
function printedPages(file) {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).map((chunk) => {
    const height = Number(chunk.match(/height="([\d.]+)"/)[1]);
    const words = [...chunk.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, top, bottom, text]) => ({ top: Number(top), bottom: Number(bottom), text: text.replace(/&\w+;/g, (e) => XML[e] ?? e) }))
      .filter((w) => w.top < height - 40);
    return { height, words: words.map((w) => w.text), bottom: Math.max(0, ...words.map((w) => w.bottom)) };
  });
}

/** The bilan's headings as it shows them, each with the status line or table header under it. */
function headings(page) {
  return page.locator('article.bilan').evaluate((article) => {
    const shown = (e) => (getComputedStyle(e).textTransform === 'uppercase' ? e.textContent.toUpperCase() : e.textContent);
    return [...article.querySelectorAll('h2, h3, h4')].map((h) => {
      const next = h.nextElementSibling;
      const under = next?.matches('.meta') ? next.textContent : next?.matches('table') ? next.tHead.textContent : '';
      return { level: h.tagName, text: shown(h), under };
    });
  });
}

/**
 * What a board member would see wrong in a printed bilan: a column header cut inside a
 * word, a heading left alone at the foot of a page, a section printed twice, a page
 * left mostly empty before the last one (the cover stands alone by design).
 */
async function assertPrintedWell(page, file) {
  const pages = printedPages(file);
  const words = pages.flatMap((p) => p.words);
  const headerWords = new Set((await page.locator('article.bilan thead th').allTextContents()).flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 3));
  for (let i = 1; i < words.length; i += 1) {
    const joined = words[i - 1] + words[i];
    assert.ok(!headerWords.has(joined), `${file}: the header « ${joined} » is cut as « ${words[i - 1]}|${words[i]} »`);
  }
  const blocks = await headings(page);
  const printed = flat(words.join(' '));
  // Each section once: its heading printed, and no other section under the same one.
  const sections = blocks.filter((b) => b.level !== 'H4').map((b) => flat(b.text));
  assert.deepEqual(sections.filter((t, i) => sections.indexOf(t) !== i), [], `${file}: a section is printed twice`);
  for (const heading of sections) assert.ok(printed.includes(heading), `${file}: « ${heading} » is not printed`);
  pages.slice(0, -1).forEach((p, n) => {
    const text = flat(p.words.join(' '));
    for (const { text: heading, under } of blocks) {
      for (const end of [flat(heading), flat(`${heading} ${under}`)]) {
        assert.ok(!text.endsWith(end), `${file}: « ${flat(heading)} » is alone at the foot of page ${n + 1}`);
      }
    }
    if (n > 0) assert.ok(p.bottom > p.height / 2, `${file}: page ${n + 1} of ${pages.length} is less than half full`);
  });
}

test('every reference plan at two checkpoints, in French and English, on Letter and A4: PDF pages turned into PNG', async () => {
  const dir = join(OUT, 'bilan');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of referencePlans()) {
    const checkpoints = JSON.parse(text).plan.checkpoints.map((c) => c.id);
    assert.equal(checkpoints.length, 2, name);
    await withPlan(text, async ({ page }) => {
      for (const lang of ['fr', 'en']) {
        if (lang === 'en') {
          await toEnglish(page);
          await page.getByRole('heading', { name: 'Printable report' }).waitFor();
        }
        for (const checkpoint of checkpoints) {
          await chooseCheckpoint(page, checkpoint);
          for (const [paper, names] of Object.entries(PAPER)) {
            await page.getByRole('radio', { name: new RegExp(`^${names[lang]}`) }).check();
            await page.locator(`article.bilan.${paper}`).waitFor();
            const file = join(dir, `${name}-${checkpoint}-${lang}-${paper}.pdf`);
            // The paper the stylesheet names, as the print dialog would take it.
            await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
            const info = pdfInfo(file);
            assert.match(info, new RegExp(`Page size:.* pts \\(${names.size}\\)`), `${file}\n${info}`);
            const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
            assert.ok(pages >= 3, `${file}: ${pages} pages`);
            const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
            // Page numbers at the foot of every page; no navigation, no button.
            // (pdftotext lays out « 1 / 9 » with or without its spaces, as the line falls.)
            for (let n = 1; n <= pages; n += 1) assert.match(printed, new RegExp(`\\b${n} ?/ ?${pages}\\b`), `${file}: page ${n}`);
            for (const frame of lang === 'fr' ? ['Tableau de bord', 'Imprimer', 'Enregistrer en PDF', 'Aller au contenu'] : ['Dashboard', 'Save as PDF', 'Save an HTML copy']) {
              assert.ok(!printed.includes(frame), `${file} prints « ${frame} »`);
            }
            // Everything is printed, the plan's title and every objective.
            const plan = JSON.parse(text).plan;
            const flat = printed.replace(/-\n\s*/g, '-').replace(/\s+/g, ' ');
            const objectiveLevel = plan.objective_level;
            for (const title of [plan.title, ...plan.elements.filter((e) => e.level === objectiveLevel).map((e) => e.title)]) {
              assert.ok(flat.includes(title.replace(/\s+/g, ' ')), `${file}: « ${title} » is not printed`);
            }
            await assertPrintedWell(page, file);
            execFileSync('pdftoppm', ['-r', '60', '-png', file, file.replace(/\.pdf$/, '')]);
          }
        }
      }
    });
  }
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
  assert.ok(pngs.length >= 3 * 2 * 2 * 2 * 3, `${pngs.length} PNG pages`);
});

/** What the dashboard shows of each objective as of a checkpoint: its status and figures. */
async function dashboardObjectives(page, checkpoint) {
  await page.goto(`${FILE_URL}#/tableau-de-bord`);
  await page.locator('#as-of').selectOption(checkpoint);
  const section = page.locator('section.objectives-progress');
  await section.waitFor();
  const rows = [];
  for (;;) {
    for (const row of await section.locator('tbody tr').all()) {
      rows.push({
        title: await row.locator('th a').innerText(),
        status: await row.locator('td').first().innerText(),
        progress: await row.locator('td.progress-cell').innerText(),
        indicators: await row.locator('td').last().innerText(),
      });
    }
    const next = section.getByRole('button', { name: 'Suivant' });
    if (!(await next.count()) || await next.isDisabled()) break;
    const first = await section.locator('tbody tr th').first().innerText();
    await next.click();
    await section.locator('tbody tr th').first().filter({ hasNotText: first }).waitFor();
  }
  return rows;
}

test('the bilan holds every objective, indicator and action with the dashboard\'s figures at that checkpoint', async () => {
  for (const [, text] of referencePlans()) {
    const plan = JSON.parse(text).plan;
    await withPlan(text, async ({ page }) => {
      for (const checkpoint of plan.checkpoints) {
        const objectives = await dashboardObjectives(page, checkpoint.id);
        assert.ok(objectives.length > 0);
        await page.goto(`${FILE_URL}#/bilan`);
        await chooseCheckpoint(page, checkpoint.id);
        const bilan = page.locator('article.bilan');
        for (const objective of objectives) {
          const title = objective.title.replace(/^\S+\s/, '');
          const section = bilan.locator('section.bilan-objective', { has: page.getByRole('heading', { name: title, exact: false }) }).first();
          // textContent: far below, the screen lays a section out only when it comes near.
          const meta = await section.locator('.meta').first().textContent();
          assert.ok(meta.includes(objective.status.trim()), `${title}: ${meta} / ${objective.status}`);
          const figure = objective.progress.match(/-?[\d\u00a0]+(,\d+)?\u00a0%/);
          if (figure && !/→/.test(objective.progress)) assert.ok(meta.includes(figure[0]), `${title}: ${meta} / ${objective.progress}`);
          const body = await section.textContent();
          // Every value the dashboard gives its indicators is in the bilan's rows.
          for (const value of objective.indicators.match(/\d[\d\u00a0]*(,\d+)?\u00a0(%|\$)/g) ?? []) {
            assert.ok(body.includes(value), `${title}: ${value} missing`);
          }
        }
        const body = await bilan.textContent();
        for (const indicator of plan.indicators ?? []) assert.ok(body.includes(indicator.label), indicator.label);
        for (const action of plan.actions ?? []) assert.ok(body.includes(action.title.trim()), action.title);
      }
    });
  }
});

test('the HTML copy opens with scripts disabled and shows the same bilan; the screen is axe clean', async () => {
  await withPlan(fixture('plan-000-pevr'), async (b) => {
    const { page } = b;
    await chooseCheckpoint(page, 'bilan-2023-12');
    await page.getByRole('radio', { name: /^A4/ }).check();
    await page.locator('article.bilan.a4').waitFor();
    assert.deepEqual(await audit(page), []);
    await screenshot(page, 'bilan-pevr-1366-fr');
    // The print dialog names the PDF after the page's title.
    assert.equal(await page.title(), `${JSON.parse(fixture('plan-000-pevr')).plan.title} — Bilan au 12 décembre 2023`);
    const shown = await page.locator('article.bilan').evaluate((e) => e.outerHTML);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer une copie HTML' }).click(),
    ]);
    // Named after the plan and its checkpoint, as whoever receives it reads it.
    assert.equal(download.suggestedFilename(), 'plan-d-engagement-vers-la-reussite-2023-2027-bilan-de-mi-annee-2023-12-12.html');
    const saved = readFileSync(await download.path(), 'utf8');
    assert.ok(!/<script/i.test(saved), 'no script in the copy');
    assert.match(saved, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+';/);
    const copy = join(OUT, 'bilan-copy.html');
    writeFileSync(copy, saved);

    // Someone without Jalon: another browser, scripts disabled.
    const other = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const reader = await other.newContext({ javaScriptEnabled: false });
    const page2 = await reader.newPage();
    const violations = [];
    page2.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page2.goto(pathToFileURL(copy).href);
    const read = await page2.locator('article.bilan').evaluate((e) => e.outerHTML);
    assert.equal(read, shown, 'the copy holds the bilan the page shows, element for element');
    // Its stylesheet applies: statuses are drawn as badges, on A4 paper.
    const border = await page2.locator('.st').first().evaluate((e) => getComputedStyle(e).borderTopStyle);
    assert.equal(border, 'solid');
    assert.deepEqual(violations, []);
    // It prints as the page prints it: same paper, same pages.
    const pdf = join(OUT, 'bilan-copy.pdf');
    await page2.pdf({ path: pdf, preferCSSPageSize: true });
    const fromPage = join(OUT, 'bilan-page.pdf');
    await page.pdf({ path: fromPage, preferCSSPageSize: true });
    const pages = (file) => pdfInfo(file).match(/Pages:\s+(\d+)/)[1];
    assert.match(pdfInfo(pdf), /Page size:.* pts \(A4\)/);
    assert.equal(pages(pdf), pages(fromPage));
    // The same words on each page (the order a PDF keeps its runs of text in may differ).
    for (let n = 1; n <= Number(pages(pdf)); n += 1) {
      const words = (file) => execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, file, '-'], { encoding: 'utf8' }).split(/\s+/).sort().join(' ');
      assert.equal(words(pdf), words(fromPage), `page ${n}`);
    }
    await other.close();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.waitForFunction(() => document.title === 'Jalon');
  });
});

test('a short bilan without charts; sections left out; on a phone the sheet fits', async () => {
  await withPlan(fixture('plan-002-cooperative'), async ({ page }) => {
    await page.getByRole('radio', { name: /^Abrégé/ }).check();
    await page.locator('article.bilan.short').waitFor();
    assert.equal(await page.locator('article.bilan svg.indicator-chart').count(), 0);
    assert.ok(await page.locator('article.bilan .bilan-budget').count() === 1);
    await page.getByRole('checkbox', { name: 'Budget' }).uncheck();
    await page.locator('article.bilan .bilan-budget').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Vérifications' }).uncheck();
    await page.locator('article.bilan .bilan-findings').waitFor({ state: 'detached' });
    assert.deepEqual(await audit(page), []);
  }, { width: 390, height: 844 });
  await withPlan(fixture('plan-002-cooperative'), async ({ page }) => {
    await page.locator('article.bilan').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await screenshot(page, 'bilan-cooperative-390-fr');
  }, { width: 390, height: 844 });
});
