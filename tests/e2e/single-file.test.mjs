// The single file a user copies: pkg/jalon.html holds the module, its stylesheet and its
// main script gzipped (the browser inflates them), stays under a megabyte, and starts from file:// in Chromium and Firefox
// ESR, and served, with no console error and nothing refused by its security policy.
// Without DecompressionStream it says it cannot start, instead of staying blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import ScriptManager from 'selenium-webdriver/bidi/scriptManager.js';
import { browser, serve, FILE_URL, PAGE_FILE, PKG } from './support.mjs';

const GECKODRIVER = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');

// Run before the page's own scripts: every refusal by the policy is kept for the test.
function watchPolicy() {
  window.__refused = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__refused.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`));
}

/** Base 125 as the bundler writes it, read back here on its own, with big integers. */
function fromBase125(text) {
  const digits = [...Array(128)].map((_, i) => String.fromCharCode(i)).filter((c) => !'\0\r<'.includes(c));
  const bytes = [];
  for (let i = 0; i < text.length; i += 7) {
    const group = text.slice(i, i + 7);
    let n = 0n;
    for (let j = 0; j < 7; j++) n = n * 125n + BigInt(j < group.length ? digits.indexOf(group[j]) : 124);
    const six = [40n, 32n, 24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 255n));
    bytes.push(...six.slice(0, group.length - 1));
  }
  return Buffer.from(bytes);
}

test('the page holds the module gzipped in base 125, not its raw bytes, and weighs under 1 MB', () => {
  const html = readFileSync(PAGE_FILE, 'utf8');
  const wasm = readFileSync(join(PKG, 'jalon_bg.wasm'));
  const blocks = [...html.matchAll(/<script type="application\/gzip" id="jalon-module">([^<]*)<\/script>/g)];
  assert.equal(blocks.length, 1, 'one data block holds the module');
  const text = blocks[0][1];
  assert.match(text, /^[\x01-\x0c\x0e-\x3b\x3d-\x7f]+$/, 'base 125: ASCII without NUL, CR or <, which the parser would change or which could close the block');
  assert.notEqual(text.length % 7, 1, 'a last group holds two characters or more');
  assert.ok(text.length < wasm.length, `the inlined text (${text.length} characters) is smaller than the raw module (${wasm.length} bytes)`);
  assert.ok(gunzipSync(fromBase125(text)).equals(wasm), 'inflated, it is the built module, byte for byte');
  // "\0asm" and version 1, the first bytes of any module, as they would read in base64.
  assert.ok(!html.includes(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).toString('base64').slice(0, 10)), 'no raw module in base64');
  const style = html.match(/<script type="application\/gzip" id="jalon-style">([^<]*)<\/script>/);
  assert.match(gunzipSync(fromBase125(style[1])).toString('utf8'), /\.visually-hidden\{/, 'the stylesheet travels gzipped too');
  assert.doesNotMatch(html, /<style/, 'no stylesheet as text');
  const main = html.match(/<script type="application\/gzip" id="jalon-script">([^<]*)<\/script>/);
  assert.match(gunzipSync(fromBase125(main[1])).toString('utf8'), /__wbg_init\(\{ ?module_or_path/, 'the main script, the glue and its start, travels gzipped');
  const asText = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  assert.equal(asText.length, 1, 'one script as text, the start');
  assert.doesNotMatch(asText[0][1], /__wbg_init|__wbindgen/, 'the glue is not in the start');
  assert.ok(Buffer.byteLength(html) <= 1_000_000, `pkg/jalon.html weighs ${Buffer.byteLength(html)} bytes, more than 1 MB`);
  assert.match(html, /<div id="app"><p class="loading">Chargement de Jalon… \/ Loading Jalon…<\/p><\/div>/, 'the loading message shows until the module starts');
});

test('chromium: the page starts from file:// and served, with no error and nothing refused by its policy', async () => {
  const server = await serve();
  const b = await browser();
  try {
    await b.context.addInitScript(watchPolicy);
    for (const url of [FILE_URL, server.url]) {
      await b.page.goto(`${url}#/structure`);
      await b.page.locator('article.objective').first().waitFor();
      assert.match(await b.page.locator('main').innerText(), /Enjeu 1 — La réussite de chaque élève/, url);
      assert.deepEqual(await b.page.evaluate(() => window.__refused), [], `${url}: refused by the policy`);
      // The data blocks are read once, then gone from the document.
      assert.equal(await b.page.locator('#jalon-module, #jalon-style, #jalon-script').count(), 0, url);
      // The stylesheet applies: the page's frame is set to at most 1 400 px.
      assert.equal(await b.page.evaluate(() => getComputedStyle(document.querySelector('main')).maxWidth), '1400px', url);
    }
  } finally {
    await server.close();
    await b.close();
  }
});

test('chromium: without DecompressionStream the page says it cannot start', async () => {
  const b = await browser();
  try {
    await b.context.addInitScript(() => { delete window.DecompressionStream; });
    await b.page.goto(`${FILE_URL}#/structure`);
    const alert = b.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^Jalon n’a pas pu démarrer dans ce navigateur \(.*DecompressionStream.*\)\. Utilisez une version récente de Chrome, Edge ou Firefox\. \/ Jalon could not start in this browser\.$/);
    assert.equal(await b.page.locator('.loading').count(), 0, 'the loading message is gone');
  } finally {
    await b.close();
  }
});

test('firefox: the page starts from file:// with no error and nothing refused by its policy', async () => {
  const options = new firefox.Options().setBinary('/usr/bin/firefox-esr').addArguments('-headless').enableBidi();
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  let log;
  try {
    // Firefox reports a refusal by the policy as a JavaScript error in the log.
    const logged = [];
    log = await LogInspector(driver);
    await log.onLog((entry) => { if (entry.level === 'error') logged.push(entry.text); });
    const scripts = await ScriptManager(undefined, driver);
    await scripts.addPreloadScript(watchPolicy.toString());
    await driver.get(`${FILE_URL}#/structure`);
    await driver.wait(until.elementLocated(By.css('article.objective')), 20000);
    assert.match(await driver.findElement(By.css('main')).getText(), /Enjeu 1 — La réussite de chaque élève/);
    assert.deepEqual(await driver.executeScript('return window.__refused'), [], 'refused by the policy');
    assert.equal(await driver.executeScript('return getComputedStyle(document.querySelector("main")).maxWidth'), '1400px', 'the stylesheet applies');
    // Log entries come by their own channel: one more round trip lets any pending arrive.
    await driver.executeScript('return 0');
    assert.deepEqual(logged, [], 'the console');
  } finally {
    await log?.close();
    await driver.quit();
  }
});
