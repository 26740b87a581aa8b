// Every screen at a school laptop's size (1366×768) and a phone's (390×844), in French
// and in English: no serious or critical accessibility violation, no sideways scroll,
// a screenshot to look at in tests/e2e/out/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, open, audit, screenshot, FILE_URL, toEnglish } from './support.mjs';

const SCREENS = ['tableau-de-bord', 'structure', 'objectif/objectif-1', 'indicateurs', 'actions', 'suivi', 'budget', 'plans'];
const SIZES = [[1366, 768], [390, 844]];

for (const [width, height] of SIZES) {
  test(`every screen at ${width}×${height}, in French and English`, async () => {
    const b = await browser({ width, height });
    try {
      // Opened on the last screen of the list, so that the first one asked for is another.
      await open(b.page, `${FILE_URL}#/plans`);
      const problems = [];
      for (const lang of ['fr', 'en']) {
        if (lang === 'en') await toEnglish(b.page);
        for (const screen of SCREENS) {
          // Every screen has a heading of its own: the screen asked for is shown once the
          // heading is no longer the previous screen's.
          const before = await b.page.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
          await b.page.evaluate((hash) => { location.hash = hash; }, `#/${screen}`);
          await b.page.waitForFunction((previous) => {
            const heading = document.querySelector('main h1');
            return heading && heading.textContent !== previous;
          }, before);
          const name = `screen-${screen.replace('/', '-')}-${width}-${lang}`;
          for (const violation of await audit(b.page)) problems.push(`${name}: ${violation}`);
          const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${name}: the page scrolls sideways by ${overflow}px`);
          assert.equal(await b.page.getAttribute('html', 'lang'), lang);
          await screenshot(b.page, name);
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
}
