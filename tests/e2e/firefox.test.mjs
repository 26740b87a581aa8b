// Firefox ESR, which some school computers have: the page opened from a file renders
// the sample plan and keeps a change across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { FILE_URL } from './support.mjs';

const GECKODRIVER = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');

test('firefox: the file:// page renders the sample plan and keeps the title across a reload', async () => {
  const options = new firefox.Options().setBinary('/usr/bin/firefox-esr').addArguments('-headless');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  try {
    await driver.get(`${FILE_URL}#/structure`);
    await driver.wait(until.elementLocated(By.css('article.objective')), 20000);
    const main = await driver.findElement(By.css('main')).getText();
    assert.match(main, /Enjeu 1 — La réussite de chaque élève/);
    // WebDriver reports no-break spaces as plain spaces.
    assert.match(main, /79,7 %/);

    // The sample, new to this browser, is saved a moment after it shows; WebDriver's
    // clear() fires no input event, so the page would put the title back then.
    await driver.wait(until.elementTextContains(driver.findElement(By.css('.save-state')), 'Enregistré'), 20000);
    const title = await driver.findElement(By.id('plan-title'));
    await title.clear();
    await title.sendKeys('Plan revu dans Firefox');
    await driver.navigate().refresh();
    await driver.wait(until.elementLocated(By.css('article.objective')), 20000);
    const kept = await driver.findElement(By.id('plan-title')).getAttribute('value');
    assert.equal(kept, 'Plan revu dans Firefox');
  } finally {
    await driver.quit();
  }
});
