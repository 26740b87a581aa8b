// What every end-to-end test needs: the built page served on 127.0.0.1, a fresh
// headless Chromium, a record of every request the page makes, and screenshots.
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PKG = join(ROOT, 'pkg');
export const PAGE_FILE = join(PKG, 'jalon.html');
export const FILE_URL = pathToFileURL(PAGE_FILE).href;
export const OUT = join(ROOT, 'tests/e2e/out');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves pkg/ on 127.0.0.1 at a free port. */
export async function serve(dir = PKG) {
  const server = createServer(async (req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: `${origin}/jalon.html`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/**
 * A headless Chromium with its own profile, kept across reloads and relaunches until
 * `close`. Every request any page makes is recorded in `requests`.
 */
/**
 * The day the page believes it is, unless a test says otherwise: statuses, stale
 * measurements and dates pre-filled with today depend on it, and a test must give the
 * same answer next year.
 */
export const TODAY = '2026-11-28';

/**
 * The sample plan's title as a page whose clock says TODAY creates it: its dates follow
 * the school year of that day (src/sample.rs), July 2025 to June 2029 for 2026-2027.
 */
export const SAMPLE_TITLE = "Plan d'engagement vers la réussite 2025-2029";

export async function browser({ width = 1366, height = 768, profile, today = TODAY } = {}) {
  const dir = profile ?? await mkdtemp(join(tmpdir(), 'jalon-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width, height }, locale: 'fr-CA',
  });
  // The clock stands still at ten in the morning of `today`; timers still run. The
  // benchmarks pass `today: null`: they need the browser's own clock and performance
  // marks, which the standing clock replaces.
  if (today !== null) await context.clock.setFixedTime(new Date(`${today}T10:00:00`));
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    context, page, requests, errors, profile: dir,
    /** Closes the browser; a page that logged an error fails the test that used it. */
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`the page logged errors:\n${errors.join('\n')}`);
    },
  };
}

/**
 * Puts a plan file's text into the page's local storage as the plan open last, as if
 * this browser had kept it; `id` names the storage key when the text is not readable.
 */
export async function storePlan(page, text, id) {
  let planId = id;
  try { planId ??= JSON.parse(text).plan.id; } catch { planId ??= 'stored'; }
  // The page records the plan it shows as the one open last once it has started: wait
  // for it, or that record could land after this one and open the page's plan instead.
  await page.waitForFunction(() => localStorage.getItem('jalon.v1.current') !== null);
  await page.evaluate(([t, i]) => {
    localStorage.setItem(`jalon.v1.plans.${i}`, t);
    localStorage.setItem('jalon.v1.current', i);
  }, [text, planId]);
  return planId;
}

/**
 * The one way to show a stored plan: the page is reloaded with `text` kept as the plan
 * open last, and is ready once its screen has a heading.
 */
export async function reopenWith(page, text, id) {
  const planId = await storePlan(page, text, id);
  await page.reload();
  await page.waitForSelector('main#contenu h1');
  return planId;
}

/** Opens the page and waits for the application's first render. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('main#contenu');
}

/**
 * Switches the page to English as a person would: on a phone the switch waits behind the
 * header's « Menu », opened for it and closed after.
 */
export async function toEnglish(page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  const folded = await menu.isVisible();
  if (folded) await menu.click();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  if (folded) await menu.click();
}

/** Waits until the header says the open plan is kept in this browser: no save waits. */
export async function saved(page) {
  await page.locator('.save-state').getByText('Enregistré dans ce navigateur').waitFor();
}

export async function screenshot(page, name) {
  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is (WCAG 2.1 A and AA rules) and returns the serious
 * and critical violations, each as "rule: target…" lines, so that a failure says where.
 */
export async function audit(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.targets.slice(0, 5).join(' | ')}`);
}
