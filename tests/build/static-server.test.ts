/**
 * The static server of `npm start` and the tests (scripts/serve-site.ts) behaves like a real host
 * on the built site: a directory URL without its trailing slash is redirected, a directory serves
 * its index.html, a missing path gets the site's 404 page with status 404, and files go out with
 * their content type, the search index's gzip files as they are; idle keep-alive connections stay open.
 */
import { ENTRY_FILE, INDEX_DIR, textFile } from '../../src/lib/search/index-format.ts';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serveDist, distDir, type DistServer } from '../support/serve-dist.ts';

let site: DistServer;
before(async () => {
  site = await serveDist();
});
after(() => site?.close());

const get = (path: string, method = 'GET') => fetch(site.url + path, { method, redirect: 'manual' });

test('a directory URL without its trailing slash is redirected (301) to it, query kept', async () => {
  for (const path of ['/docs/cixi-shisiwu-guihua', '/district/beilun', '/search']) {
    const res = await get(path);
    assert.equal(res.status, 301, path);
    assert.equal(res.headers.get('location'), `${path}/`);
  }
  const res = await get('/search?q=%E5%8C%97%E4%BB%91');
  assert.equal(res.headers.get('location'), '/search/?q=%E5%8C%97%E4%BB%91');
  // Following the redirect reaches the page, as a browser does.
  const page = await fetch(`${site.url}/docs/cixi-shisiwu-guihua`);
  assert.equal(page.status, 200);
  assert.equal(page.url, `${site.url}/docs/cixi-shisiwu-guihua/`);
});

test('a directory serves its index.html as HTML', async () => {
  const res = await get('/docs/cixi-shisiwu-guihua/');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(
    await res.text(),
    readFileSync(join(distDir, 'docs', 'cixi-shisiwu-guihua', 'index.html'), 'utf8'),
  );
});

test("a missing path gets the site's 404 page with status 404", async () => {
  const notFound = readFileSync(join(distDir, '404.html'), 'utf8');
  for (const path of [
    '/docs/no-such-document/',
    '/docs/no-such-document',
    '/sources/001_c5556d77601bb796.txt/',
    '/%E0%A4%A',
    '/..%2F..%2Fpackage.json',
    '/%2e%2e/package.json',
  ]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', path);
    assert.equal(await res.text(), notFound, path);
  }
});

test('files go out with their content type; search index files unchanged, without Content-Encoding', async () => {
  const types: [string, RegExp][] = [
    [`/${INDEX_DIR}/${ENTRY_FILE}`, /^application\/json/],
    ['/sources/001_c5556d77601bb796.txt', /^text\/plain; charset=utf-8$/],
    ['/feed.xml', /^application\/xml/],
    ['/docs/cixi-shisiwu-guihua.md', /^text\/markdown; charset=utf-8$/],
    [`/${globSync('docs/**/*.csv', { cwd: distDir })[0]}`, /^text\/csv; charset=utf-8$/],
    ['/favicon.svg', /^image\/svg\+xml$/],
    [`/${INDEX_DIR}/${textFile(0)}`, /^application\/octet-stream$/],
  ];
  for (const [path, type] of types) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', type, path);
    assert.equal(res.headers.get('content-encoding'), null, path);
    const body = Buffer.from(await res.arrayBuffer());
    assert.deepEqual(body, readFileSync(join(distDir, path)), path);
  }
});

test('HEAD answers with the headers only; other methods are refused', async () => {
  const head = await get('/docs/cixi-shisiwu-guihua/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(
    Number(head.headers.get('content-length')),
    readFileSync(join(distDir, 'docs', 'cixi-shisiwu-guihua', 'index.html')).length,
  );
  assert.equal(await head.text(), '');
  assert.equal((await get('/', 'POST')).status, 405);
});

test('a keep-alive connection left idle for a few seconds still carries the next request', async () => {
  // Node's default keepAliveTimeout (5 s) closed idle connections as Node's fetch reused them: a
  // few text requests in ten thousand of bench:scale's recall check failed with ECONNRESET.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const request = () =>
    new Promise<{ status: number; reused: boolean }>((ok, fail) => {
      const req = httpGet(`${site.url}/search/`, { agent }, (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode!, reused: req.reusedSocket }));
      });
      req.on('error', fail);
    });
  try {
    assert.equal((await request()).status, 200);
    await new Promise((ok) => setTimeout(ok, 6_000));
    const second = await request();
    assert.equal(second.status, 200);
    assert.ok(second.reused, 'the server closed the idle connection');
  } finally {
    agent.destroy();
  }
});
