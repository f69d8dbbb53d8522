// End-to-end test of `chronicle serve` in a real browser.
//
// Ingests examples/articles into a fresh database, starts `chronicle serve` on a free loopback
// port, drives Debian's chromium (/usr/bin/chromium) through playwright-core, and checks that
// the timeline shows the stored events, that clicking an event opens its article with the
// event's sentence highlighted, that the network and search views work, that the page logs no
// error (a CSP violation counts), and that SIGTERM stops the server cleanly. Screenshots go to
// target/e2e-screenshots/ (or $E2E_SCREENSHOTS).
//
//   CHRONICLE_BIN=target/release/chronicle node crates/chronicle-server/e2e/serve.e2e.mjs

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const bin = process.env.CHRONICLE_BIN
  ? resolve(process.env.CHRONICLE_BIN)
  : ['release', 'debug'].map((p) => join(repo, 'target', p, 'chronicle')).filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]; // the newest build
const shots = resolve(process.env.E2E_SCREENSHOTS || join(repo, 'target', 'e2e-screenshots'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const deadline = setTimeout(() => fail(new Error('the end-to-end test took over 150 s')), 150_000);

let server, browser, work;

function fail(err) {
  console.error(`e2e: FAILED: ${err.stack || err}`);
  cleanup().finally(() => process.exit(1));
}

async function cleanup() {
  clearTimeout(deadline);
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
}

/** Starts the server and resolves with its base URL, read from its first line. */
function startServer(db) {
  return new Promise((ok, no) => {
    server = spawn(bin, ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'inherit', 'pipe'] });
    let log = '';
    server.stderr.on('data', (chunk) => {
      log += chunk;
      process.stderr.write(chunk);
      const m = log.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) ok(m[1]);
    });
    server.on('exit', (code) => no(new Error(`chronicle serve exited early (${code}): ${log}`)));
    server.log = () => log;
  });
}

async function getJson(base, path) {
  const response = await fetch(new URL(path, base));
  assert.equal(response.status, 200, `${path}: HTTP ${response.status}`);
  return response.json();
}

/** Runs `action` and waits until the page has finished routing once more. */
async function andWait(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.routed || 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.routed || 0) > n, before, { timeout: 15_000 });
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, name), fullPage: false });
  console.log(`e2e: screenshot ${join(shots, name)}`);
}

async function main() {
  assert.ok(bin && existsSync(bin), 'build chronicle first (cargo build --release) or set CHRONICLE_BIN');
  assert.ok(existsSync(browserPath), `${browserPath} is missing: apt-get install chromium`);
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'chronicle-e2e-'));
  const db = join(work, 'e2e.db');
  execFileSync(bin, ['ingest', join(repo, 'examples', 'articles'), '--db', db], { stdio: 'inherit' });
  const base = await startServer(db);

  const stats = await getJson(base, '/api/stats');
  const timeline = await getJson(base, '/api/timeline');
  const dated = timeline.rows.reduce((s, w) => s + w.events, 0);
  assert.ok(stats.events > 0 && dated > 0, 'the example articles give events');

  // A fresh, empty profile: playwright passes it to chromium as --user-data-dir.
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || await browser.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });

  // 1. The timeline shows every dated event, and the first page of events.
  await andWait(page, () => page.goto(base));
  const bars = await page.$$eval('#timeline-chart g.bar', (gs) => gs.map((g) => Number(g.dataset.count)));
  assert.ok(bars.length > 0, 'the timeline draws bars');
  assert.equal(bars.reduce((a, b) => a + b, 0), dated, 'the bars add up to the dated events');
  const rows = await page.$$('#events-table tbody tr[data-event]');
  assert.equal(rows.length, Math.min(50, stats.events), 'the first page lists the events');
  await shot(page, '01-timeline.png');

  // 2. The actor filter narrows the list to that actor's events.
  await page.fill('#filters input[name=actor]', 'USA');
  await andWait(page, () => page.click('#filters button[type=submit]'));
  const sources = await page.$$eval('#events-table tbody tr[data-event] td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  assert.ok(sources.length > 0 && sources.every((s) => s.startsWith('USA')), `only USA events: ${sources}`);
  await shot(page, '02-timeline-filtered.png');

  // 3. Clicking an event opens its article with the event's sentence highlighted.
  const first = await getJson(base, '/api/events?actor=USA&limit=1');
  const event = first.events[0];
  await andWait(page, () => page.click('#events-table tbody tr[data-event]'));
  await page.waitForSelector('.sent.selected', { timeout: 10_000 });
  const selected = await page.$eval('.sent.selected', (s) => ({ n: Number(s.dataset.sentence), text: s.textContent }));
  assert.equal(selected.n, event.sentence, 'the highlighted sentence is the event\'s sentence');
  const article = await getJson(base, `/api/articles/${encodeURIComponent(event.article_id)}`);
  const chars = Array.from(article.body);
  const span = article.sentences[event.sentence];
  assert.equal(selected.text, chars.slice(span.start, span.end).join(''), 'the highlight covers exactly the sentence');
  assert.equal(await page.$eval('#article-events li.selected', (li) => Number(li.dataset.ordinal)), event.ordinal);
  assert.ok(await page.isVisible('.sent.selected'), 'the sentence is scrolled into view');
  const ruleText = await page.$eval('#article-events li.selected .rule', (r) => r.textContent);
  assert.ok(ruleText.includes(event.rule), 'the event shows its rule');
  assert.ok((await page.$$('#article-body .ent')).length > 0, 'entities are highlighted');
  await shot(page, '03-article-event.png');

  // 4. Another event's "sentence" link moves the highlight.
  const other = article.events.findIndex((e) => e.sentence !== event.sentence);
  if (other >= 0) {
    await page.click(`#article-events li[data-ordinal="${other}"] .sentence-link`);
    const now = await page.$$eval('.sent.selected', (ss) => ss.map((s) => Number(s.dataset.sentence)));
    assert.deepEqual(now, [article.events[other].sentence], 'one sentence highlighted, the new one');
    await shot(page, '04-article-other-event.png');
  }

  // 5. The network draws actors; clicking one filters the timeline by it.
  await andWait(page, () => page.click('nav a[data-view=network]'));
  const nodes = await page.$$('#network g.node');
  assert.ok(nodes.length >= 2, 'the network has actors');
  await shot(page, '05-network.png');
  const actor = await nodes[0].getAttribute('data-actor');
  await andWait(page, () => page.click(`#network g.node[data-actor="${actor}"] circle`));
  assert.equal(await page.inputValue('#filters input[name=actor]'), actor);

  // 6. Search finds the summit articles and opens one.
  await page.fill('#quick-search input', 'summit');
  await andWait(page, () => page.press('#quick-search input', 'Enter'));
  const results = await page.$$('#search-results li');
  assert.ok(results.length >= 1, 'search finds articles');
  assert.ok((await page.$$('#search-results mark')).length >= 1, 'hits are marked');
  await shot(page, '06-search.png');
  await andWait(page, () => page.click('#search-results li a.title'));
  assert.ok(await page.isVisible('#view-article'), 'a result opens its article');

  assert.deepEqual(problems, [], 'the page logs no errors');
  await browser.close();
  browser = null;

  // 7. SIGTERM stops the server cleanly.
  const exited = new Promise((ok) => server.on('exit', (code, signal) => ok({ code, signal })));
  server.kill('SIGTERM');
  const { code } = await exited;
  assert.equal(code, 0, 'the server exits 0 on SIGTERM');
  assert.match(server.log(), /stopped/);
  await cleanup();
  console.log('e2e: passed');
}

main().catch(fail);
