// On a phone (390×844), in French and in English: the header takes one line and keeps
// its tools behind « Menu », the content starts high on the screen, the tabs show that
// they scroll, every checkbox and radio button stands beside its label, and the Excel
// import panel fits the width. At a laptop's width the header shows everything at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, open, audit, screenshot, FILE_URL, OUT } from './support.mjs';

const PHONE = { width: 390, height: 844 };

/** How far down the screen the heading of the content starts, in pixels. */
const headingTop = (page) => page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top);

/** Whether the tabs show a cue at their `side` ('before' or 'after'): an arrow drawn over that edge. */
const cue = (page, side) => page.evaluate((s) => {
  const style = getComputedStyle(document.querySelector('nav.tabs'), `::${s}`);
  return style.content !== 'none' && style.display !== 'none' && style.visibility !== 'hidden';
}, side);

/**
 * Every visible checkbox and radio button whose label does not begin right beside it, on
 * its line: « box: label » for each, so that a failure names them.
 */
const apart = (page) => page.evaluate(() => {
  const far = [];
  for (const box of document.querySelectorAll('main input[type=checkbox], main input[type=radio]')) {
    const label = box.labels?.[0];
    const b = box.getBoundingClientRect();
    if (!label || b.width === 0) continue;
    // The label's first line, where its text starts, against the middle of the box as
    // drawn (a box stretched to a field's width is drawn in the middle of it).
    const range = document.createRange();
    range.selectNodeContents(label);
    const centre = { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    const first = [...range.getClientRects()].find((r) => r.width > 0 && r.left > centre.x);
    if (!first || first.left - centre.x > 28 || centre.y < first.top || centre.y > first.bottom) {
      far.push(`${box.id || box.name}: ${label.innerText.slice(0, 40)}`);
    }
  }
  return far;
});

async function goTo(page, hash) {
  const before = await page.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((p) => document.querySelector('main h1')?.textContent !== p, before);
}

for (const lang of ['fr', 'en']) {
  const fr = lang === 'fr';
  test(`on a phone, in ${fr ? 'French' : 'English'}: a one-line header, tabs that say they scroll, labels beside their boxes`, async () => {
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await open(page, `${FILE_URL}#/tableau-de-bord`);
      if (!fr) {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await page.getByRole('button', { name: 'Menu' }).click();
      }
      const words = fr
        ? { export: 'Exporter le plan (.json)', other: 'English', undo: 'Défaire', dashboard: 'Tableau de bord' }
        : { export: 'Export the plan (.json)', other: 'Français', undo: 'Undo', dashboard: 'Dashboard' };
      await page.getByRole('heading', { level: 1, name: words.dashboard }).waitFor();

      // The header is one line: the plan's title and « Menu »; the content starts in
      // the first quarter of the screen (it started at 414 px).
      const banner = await page.locator('header.banner').boundingBox();
      assert.ok(banner.height <= 64, `the header is ${banner.height}px high`);
      assert.ok(await headingTop(page) < 211, `the content starts at ${await headingTop(page)}px`);
      assert.ok(await page.getByLabel(fr ? 'Titre du plan' : 'Plan title').isVisible());
      for (const hidden of [words.export, words.other]) {
        assert.equal(await page.getByRole('button', { name: hidden, exact: true }).isVisible(), false, `${hidden} waits behind Menu`);
      }
      await screenshot(page, `phone-header-${lang}`);

      // « Menu » shows the rest of the header, and hides it again.
      const menu = page.getByRole('button', { name: 'Menu' });
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await page.getByRole('button', { name: words.export }).waitFor();
      await page.getByRole('button', { name: words.undo, exact: true }).waitFor();
      assert.ok(await page.getByText(fr ? /Période\u00a0: 1er juillet 2025/ : /Period: July 1, 2025/).isVisible());
      assert.deepEqual(await audit(page), []);
      await screenshot(page, `phone-header-menu-${lang}`);
      await menu.click();
      await page.getByRole('button', { name: words.export }).waitFor({ state: 'hidden' });

      // The tabs run past the screen's edge: an arrow says so, at the end that has more.
      assert.ok(await cue(page, 'after'), 'a cue after the last visible tab');
      assert.equal(await cue(page, 'before'), false, 'nothing before the first tab');
      await page.locator('nav.tabs li').last().locator('a').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => getComputedStyle(document.querySelector('nav.tabs'), '::after').content === 'none');
      assert.ok(await cue(page, 'before'), 'once scrolled to the end, the cue is at the start');
      await screenshot(page, `phone-tabs-scrolled-${lang}`);
      // A screen opened by its tab, or by its address, shows its tab whole, clear of the arrows.
      const clear = () => page.waitForFunction(() => {
        const tab = document.querySelector('nav.tabs a[aria-current="page"]').getBoundingClientRect();
        return tab.left >= 40 && tab.right <= window.innerWidth - 40;
      });
      await page.locator('nav.tabs a').nth(3).click();
      await clear();
      await goTo(page, '#/structure');
      await clear();

      // Checkboxes and radio buttons beside their labels, on every screen that has some.
      const far = [];
      await page.locator('.tools').first().getByRole('button', { name: fr ? 'Modifier' : 'Edit', exact: true }).click();
      await page.locator('.element-form input[type=checkbox]').waitFor();
      await screenshot(page, `phone-element-form-${lang}`);
      far.push(...await apart(page));
      await goTo(page, '#/actions');
      await page.locator('.actions-toolbar button.primary').click();
      await page.locator('.action-form input[type=checkbox]').first().waitFor();
      far.push(...await apart(page));
      await page.locator('.column-picker summary').click();
      far.push(...await apart(page));
      for (const hash of ['#/bilan', '#/partenaires', '#/plans', '#/regions']) {
        await goTo(page, hash);
        far.push(...await apart(page));
      }
      assert.deepEqual(far, []);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
}

test('on a phone, the Excel import panel and its preview fit the width of the screen', async () => {
  const b = await browser(PHONE);
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/actions`);
    await page.getByRole('heading', { level: 1, name: 'Moyens' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter pour Excel (.csv)' }).click()]);
    const bytes = readFileSync(await download.path());
    await page.getByRole('button', { name: 'Importer d\'Excel' }).click();
    await page.locator('#sheet-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: bytes });
    await page.locator('p.sheet-summary').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0, `the page scrolls sideways by ${overflow}px`);
    const panel = await page.locator('.sheet-import').boundingBox();
    assert.ok(panel.x >= 0 && panel.x + panel.width <= PHONE.width, `the panel spans ${panel.x}–${panel.x + panel.width}px`);
    await page.locator('.sheet-import').screenshot({ path: join(OUT, 'phone-sheet-import.png') });
    assert.deepEqual(await audit(page), []);
  } finally {
    await b.close();
  }
});

test('at a laptop\'s width the header shows its tools at once, and the tabs need no cue', async () => {
  const b = await browser();
  try {
    const { page } = b;
    await open(page, `${FILE_URL}#/tableau-de-bord`);
    await page.getByRole('button', { name: 'Exporter le plan (.json)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
    assert.ok(await page.getByRole('button', { name: 'Switch to English' }).isVisible());
    assert.equal(await cue(page, 'after'), false);
    assert.equal(await cue(page, 'before'), false);
    await screenshot(page, 'laptop-header-fr');
  } finally {
    await b.close();
  }
});
