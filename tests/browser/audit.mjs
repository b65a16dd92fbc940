// Audit a built site: Lighthouse (its default, mobile) on a few pages in light and dark, and the Nu
// HTML Checker on every page. Prints one table and the reasons for every lost point; exits 1 when a
// score is below 100 or the checker finds an error.
//
//   node tests/browser/audit.mjs _build/html      (after: npm ci --prefix tests/browser)
//
// The site is served on 127.0.0.1, gzipped as Read the Docs serves it. Needs Chromium (CHROME_PATH,
// default /usr/bin/chromium) and Java.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {launch} from 'chrome-launcher';
import lighthouse from 'lighthouse';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
// Blink's preferred colour scheme: 0 is dark, 1 light. checkScheme() proves it takes effect.
const SCHEMES = {light: [], dark: ['--blink-settings=preferredColorScheme=0']};
const AUDITED = ['index.html', 'publications.html', 'research/physics-of-ai.html', 'papers/liu2023omnigrok.html'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TYPES = {'.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.json': 'application/json', '.txt': 'text/plain'};

const root = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !statSync(root, {throwIfNoEntry: false})?.isDirectory()) {
  console.error('usage: node audit.mjs BUILT_HTML_FOLDER');
  process.exit(2);
}

/** Serve `root` on 127.0.0.1 at a free port, gzipping text; resolve to the base URL and the server. */
function serve() {
  const server = createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const found = file.startsWith(root + path.sep) && statSync(file, {throwIfNoEntry: false})?.isFile();
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body = found ? readFileSync(file) : Buffer.from('not found');
    const headers = {'content-type': found ? type : 'text/plain'};
    if (/^text|svg|json/.test(headers['content-type']) && /gzip/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(found ? 200 : 404, headers).end(body);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () =>
    resolve({server, base: `http://127.0.0.1:${server.address().port}/`})));
}

/** Fail early unless the dark flags really make Chromium prefer a dark colour scheme. */
function checkScheme(scheme) {
  const profile = mkdtempSync(path.join(tmpdir(), 'audit-chromium-'));
  const page = "data:text/html,<script>document.write(matchMedia('(prefers-color-scheme: dark)').matches)</script>";
  const {stdout} = spawnSync(CHROME, [...FLAGS, ...SCHEMES[scheme], `--user-data-dir=${profile}`, '--dump-dom', page],
    {encoding: 'utf8', timeout: 60_000});
  rmSync(profile, {recursive: true, force: true});
  if (!stdout.includes(`<body>${scheme === 'dark'}</body>`)) {
    throw new Error(`Chromium did not prefer ${scheme}: ${stdout}`);
  }
}

/** Lighthouse on every audited page in one scheme: a row per page and the audits that lost points.
 *
 * Performance is a timing, which a busy machine disturbs; the other three categories are not. A run
 * that loses performance points is repeated twice and the median run counts, as Lighthouse CI's
 * numberOfRuns does; its lost audits say so.
 */
async function lighthouseRows(base, scheme) {
  checkScheme(scheme);
  const chrome = await launch({chromePath: CHROME, chromeFlags: [...FLAGS, ...SCHEMES[scheme]]});
  const rows = [];
  try {
    for (const page of AUDITED) {
      const first = await lighthouseRow(chrome, base, page, scheme);
      if (first.scores[0] === 100) {
        rows.push(first);
        continue;
      }
      const runs = [first, await lighthouseRow(chrome, base, page, scheme), await lighthouseRow(chrome, base, page, scheme)];
      const median = runs.sort((one, other) => (one.scores[0] ?? 0) - (other.scores[0] ?? 0))[1];
      median.lost.push(`performance: the median of 3 runs (${runs.map(run => run.scores[0]).join(', ')})`);
      rows.push(median);
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

/** One Lighthouse run of one page: its four scores, transfer size and the audits that lost points. */
async function lighthouseRow(chrome, base, page, scheme) {
  const {lhr} = await lighthouse(base + page, {port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES});
  const lost = Object.values(lhr.categories).flatMap(category => category.auditRefs
    .map(ref => lhr.audits[ref.id])
    .filter((audit, i) => category.auditRefs[i].weight > 0 && audit.score !== null && audit.score < 1)
    .map(audit => `${category.id}: ${audit.id}, score ${audit.score} (${audit.displayValue || audit.title})` +
      details(audit)));
  if (lhr.runtimeError) lost.push(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = CATEGORIES.map(id => lhr.categories[id].score)
    .map(score => score === null ? null : Math.round(score * 100));
  return {page, scheme, lost, scores, kb: lhr.audits['total-byte-weight'].numericValue / 1024};
}

/** The first few items an audit blames: elements' snippets, or URLs. */
function details(audit) {
  const items = audit.details?.items ?? [];
  const named = items.slice(0, 3).map(item => item.node?.snippet ?? item.url ?? item.source?.url ?? item.description)
    .filter(Boolean);
  if (items.length > 3) named.push(`(${items.length} in all)`);
  return named.map(line => `\n        ${line}`).join('');
}

/** The Nu HTML Checker on every page: its errors, by page. */
function vnuErrors() {
  const jar = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  const {stderr, error} = spawnSync('java', ['-jar', jar, '--format', 'json', '--errors-only', '--skip-non-html', root],
    {encoding: 'utf8', maxBuffer: 64 << 20});
  if (error || !stderr.startsWith('{')) throw new Error(`the Nu HTML Checker did not run: ${error?.message ?? stderr}`);
  const errors = {};
  for (const message of JSON.parse(stderr).messages) {
    const page = path.relative(root, fileURLToPath(message.url));
    (errors[page] ??= []).push(`${message.message} [${(message.extract ?? '').replace(/\s+/g, ' ').trim()}]`);
  }
  return errors;
}

/** The built pages, relative to the folder. */
function pages(folder) {
  return readdirSync(folder, {recursive: true}).filter(name => name.endsWith('.html')).sort();
}

/** Print each distinct finding once, followed by where it occurred (of `total` places). */
function report(title, total, findings) {
  const where = new Map();
  for (const [finding, place] of findings) where.set(finding, [...where.get(finding) ?? [], place]);
  if (where.size) console.log(`\n${title}:`);
  for (const [finding, places] of where) {
    console.log(`  ${finding}\n      ${places.length === total ? `all ${total}` : places.sort().join(', ')}`);
  }
}

/** One row per page and Lighthouse run: the four scores, the transfer size and the checker's errors. */
function printTable(names, vnu, runs) {
  const header = ['page', 'scheme', 'perf', 'a11y', 'best-pr', 'SEO', 'KB', 'vnu errors'];
  const table = names.flatMap(page => {
    const ofPage = runs.filter(row => row.page === page);
    const errors = String(vnu[page]?.length ?? 0);
    if (!ofPage.length) return [[page, '-', '-', '-', '-', '-', '-', errors]];
    return ofPage.map(row =>
      [page, row.scheme, ...row.scores.map(score => String(score ?? 'n/a')), row.kb.toFixed(1), errors]);
  });
  const widths = header.map((_, column) => Math.max(...[header, ...table].map(row => row[column].length)));
  for (const row of [header, widths.map(width => '-'.repeat(width)), ...table]) {
    const cells = row.map((cell, column) => column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]));
    console.log(cells.join(' | '));
  }
}

const started = Date.now();
const vnu = vnuErrors();
const {server, base} = await serve();
let lighthouseResults;
try {
  lighthouseResults = [...await lighthouseRows(base, 'light'), ...await lighthouseRows(base, 'dark')];
} finally {
  server.close();
}

printTable(pages(root), vnu, lighthouseResults);

const home = lighthouseResults.find(row => row.page === 'index.html' && row.scheme === 'light');
console.log(`\nHome page total transfer size (Lighthouse total-byte-weight, gzipped): ${home.kb.toFixed(1)} KB`);
report('Lighthouse audits that lost points, with the runs that lost them', lighthouseResults.length,
  lighthouseResults.flatMap(row => row.lost.map(line => [line, `${row.page} ${row.scheme}`])));
report('Nu HTML Checker errors, with their pages', pages(root).length,
  Object.entries(vnu).flatMap(([page, errors]) => errors.map(error => [error, page])));

const failed = lighthouseResults.some(row => row.scores.some(score => score !== 100)) || Object.keys(vnu).length > 0;
console.log(`\n${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
