/**
 * The static server of `npm start` and the tests (scripts/serve-site.ts) behaves like a real host
 * on the built site: a directory URL without its trailing slash is redirected, a directory serves
 * its index.html, a missing path gets the site's 404 page with status 404, and files go out with
 * their content type, text gzip-compressed when the client accepts it (as static hosts send it), the
 * search index's gzip files as they are; idle keep-alive connections stay open.
 */
import { ENTRY_FILE, INDEX_DIR, textFile } from '../../src/lib/search/index-format.ts';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serveDist, distDir, type DistServer } from '../support/serve-dist.ts';
import { MIN_COMPRESSED_SIZE } from '../../scripts/serve-site.ts';

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

test('files go out with their content type; text compressed for a client that accepts gzip, search index files as they are', async () => {
  const types: [string, RegExp, 'gzip' | null][] = [
    [`/${INDEX_DIR}/${ENTRY_FILE}`, /^application\/json/, 'gzip'],
    ['/sources/001_c5556d77601bb796.txt', /^text\/plain; charset=utf-8$/, 'gzip'],
    ['/feed.xml', /^application\/xml/, 'gzip'],
    ['/docs/cixi-shisiwu-guihua.md', /^text\/markdown; charset=utf-8$/, 'gzip'],
    [`/${globSync('docs/**/*.csv', { cwd: distDir })[0]}`, /^text\/csv; charset=utf-8$/, 'gzip'],
    ['/favicon.svg', /^image\/svg\+xml$/, 'gzip'],
    [`/${globSync('_astro/*.css', { cwd: distDir })[0]}`, /^text\/css; charset=utf-8$/, 'gzip'],
    ['/search/index.html', /^text\/html; charset=utf-8$/, 'gzip'],
    [`/${INDEX_DIR}/${textFile(0)}`, /^application\/octet-stream$/, null],
  ];
  for (const [path, type, compressible] of types) {
    const file = readFileSync(join(distDir, path));
    const encoding = compressible && file.length >= MIN_COMPRESSED_SIZE ? compressible : null;
    // Node's fetch asks for gzip and unpacks what it gets.
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', type, path);
    assert.equal(res.headers.get('content-encoding'), encoding, path);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), file, path);
    if (encoding) assert.ok(Number(res.headers.get('content-length')) < file.length, path);
    // A client that does not accept gzip gets the file itself.
    const plain = await fetch(site.url + path, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null, path);
    assert.equal(Number(plain.headers.get('content-length')), file.length, path);
    assert.deepEqual(Buffer.from(await plain.arrayBuffer()), file, path);
  }
});

test('HEAD answers with the headers only; other methods are refused', async () => {
  const head = await fetch(`${site.url}/docs/cixi-shisiwu-guihua/`, {
    method: 'HEAD',
    headers: { 'accept-encoding': 'identity' },
  });
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
