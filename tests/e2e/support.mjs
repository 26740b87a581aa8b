// What every end-to-end test needs: the built page served on 127.0.0.1, a fresh
// headless Chromium, a record of every request the page makes, and screenshots.
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PKG = join(ROOT, 'pkg');
export const PAGE_FILE = join(PKG, 'jalon.html');
export const FILE_URL = pathToFileURL(PAGE_FILE).href;
export const OUT = join(ROOT, 'tests/e2e/out');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

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
export async function browser({ width = 1366, height = 768, profile } = {}) {
  const dir = profile ?? await mkdtemp(join(tmpdir(), 'jalon-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width, height }, locale: 'fr-CA',
  });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    context, page, requests, errors, profile: dir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the page and waits for the application's first render. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('main#contenu');
}

export async function screenshot(page, name) {
  await mkdir(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}
