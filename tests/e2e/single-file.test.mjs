// The single file a user copies: pkg/jalon.html holds the module packed with Zstandard
// (its own unpacker reads it), its stylesheet and its main script gzipped (the browser
// inflates them), stays under a megabyte, and starts from file:// in Chromium and Firefox
// ESR, and served, with no console error and nothing refused by its security policy.
// Without DecompressionStream it says it cannot start, instead of staying blank; a
// damaged copy says it is damaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { homedir, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
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

/** Base 221 as the bundler writes it, read back here on its own, with big integers. */
function fromBase221(text) {
  const digits = [...Array(256)].map((_, i) => String.fromCharCode(i))
    .filter((c, i) => i !== 0 && i !== 13 && i !== 60 && (i < 0x80 || i >= 0xa0));
  const groups = [];
  for (let i = 0; i < text.length; i += 4) {
    let n = 0n;
    for (const c of text.slice(i, i + 4)) n = n * 221n + BigInt(digits.indexOf(c));
    groups.push(n);
  }
  const [length, ...rest] = groups;
  const bytes = [];
  let held = 0n;
  let count = 0n;
  for (const n of rest) {
    held = (held << 31n) | n;
    for (count += 31n; count >= 8n; count -= 8n) bytes.push(Number((held >> (count - 8n)) & 255n));
    held &= (1n << count) - 1n;
  }
  return Buffer.from(bytes.slice(0, Number(length)));
}

test('the page holds the module packed with Zstandard in base 221, not its raw bytes, and weighs under 1 MB', () => {
  const file = readFileSync(PAGE_FILE);
  // Latin-1 reads every byte as the character of its code (Node reads windows-1252 so).
  const html = file.toString('latin1');
  const wasm = readFileSync(join(PKG, 'jalon_bg.wasm'));
  const blocks = [...html.matchAll(/<script type="application\/zstd" id="jalon-module">([^<]*)<\/script>/g)];
  assert.equal(blocks.length, 1, 'one data block holds the module');
  const text = blocks[0][1];
  assert.match(text, /^[\x01-\x0c\x0e-\x3b\x3d-\x7f\xa0-\xff]+$/, 'base 221: Latin-1 without NUL, CR, < or 0x80 to 0x9F, which the parser would change, which could close the block, or which windows-1252 reads beyond Latin-1');
  assert.equal(text.length % 4, 0, 'whole groups of four digits');
  assert.ok(text.length < wasm.length, `the inlined text (${text.length} characters) is smaller than the raw module (${wasm.length} bytes)`);
  // Unpacked by the reference tool, not by the page's own unpacker.
  assert.ok(execFileSync('zstd', ['-d', '-c'], { input: fromBase221(text), maxBuffer: 64 << 20 }).equals(wasm), 'unpacked, it is the built module, byte for byte');
  const unpacker = html.match(/<script type="application\/wasm" id="jalon-unpack">([A-Za-z0-9+/=]+)<\/script>/);
  assert.ok(WebAssembly.validate(Buffer.from(unpacker[1], 'base64')), 'the unpacker, in base64, is a WebAssembly module');
  assert.ok(unpacker[1].length < 20_000, `the unpacker takes ${unpacker[1].length} characters`);
  // "\0asm" and version 1, the first bytes of any module, as they would read in base64.
  assert.ok(!html.replace(unpacker[0], '').includes(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).toString('base64').slice(0, 10)), 'no raw module in base64 but the unpacker');
  const style = html.match(/<script type="application\/gzip" id="jalon-style">([^<]*)<\/script>/);
  assert.match(gunzipSync(fromBase221(style[1])).toString('utf8'), /\.visually-hidden\{/, 'the stylesheet travels gzipped too');
  assert.doesNotMatch(html, /<style/, 'no stylesheet as text');
  const main = html.match(/<script type="application\/gzip" id="jalon-script">([^<]*)<\/script>/);
  assert.match(gunzipSync(fromBase221(main[1])).toString('utf8'), /__wbg_init\(\{ ?module_or_path/, 'the main script, the glue and its start, travels gzipped');
  const asText = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  assert.equal(asText.length, 1, 'one script as text, the start');
  assert.doesNotMatch(asText[0][1], /__wbg_init|__wbindgen/, 'the glue is not in the start');
  assert.equal(file.length, html.length, 'one byte a character');
  assert.ok(file.length <= 1_000_000, `pkg/jalon.html weighs ${file.length} bytes, more than 1 MB`);
  assert.match(html, /<div id="app"><p class="loading">Chargement de Jalon\x85 \/ Loading Jalon\x85<\/p><\/div>/, 'the loading message shows until the module starts, « … » as windows-1252 writes it');
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

test('chromium: a damaged copy of the page says it is damaged instead of staying blank', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-damaged-'));
  const b = await browser();
  try {
    // Digits changed in the middle of the module's block, as a bad copy would.
    const html = readFileSync(PAGE_FILE, 'latin1');
    const start = html.indexOf('id="jalon-module">') + 20;
    const middle = start + Math.floor((html.indexOf('</script>', start) - start) / 2);
    const damaged = html.slice(0, middle) + 'abcdefgh'.repeat(64) + html.slice(middle + 512);
    const file = join(dir, 'jalon.html');
    writeFileSync(file, damaged, 'latin1');
    await b.page.goto(`${pathToFileURL(file).href}#/structure`);
    const alert = b.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^Jalon n’a pas pu démarrer\u00a0: cette copie de la page est abîmée \(.+\)\. Reprenez-en une copie intacte\. \/ This copy of Jalon is damaged\.$/);
    assert.equal(await b.page.locator('.loading').count(), 0, 'the loading message is gone');
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
