import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fetchOrFail, indexFailureMessage, LoadError, partFailureReason } from './load-error.ts';

let origin = '';
const server = createServer((req, res) => {
  res.writeHead(req.url === '/ok' ? 200 : req.url === '/broken' ? 500 : 404);
  res.end('x');
});
before(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test('fetchOrFail tells a missing file, a server error and a network failure apart', async () => {
  assert.equal((await fetchOrFail(`${origin}/ok`)).status, 200);
  await assert.rejects(fetchOrFail(`${origin}/gone`), { failure: 'missing', status: 404 });
  await assert.rejects(fetchOrFail(`${origin}/broken`), { failure: 'status', status: 500 });
  await assert.rejects(fetchOrFail('http://127.0.0.1:1/'), { failure: 'network' });
});

test('only a network failure sends the reader to their network', () => {
  const url = 'https://site.example/search-index/index.json';
  assert.match(indexFailureMessage(new LoadError('network', url)), /网络/);
  assert.match(indexFailureMessage(new TypeError('x')), /网络/);
  for (const [failure, status] of [
    ['missing', 404],
    ['status', 503],
    ['corrupt', undefined],
  ] as const) {
    const text = indexFailureMessage(new LoadError(failure, url, status));
    assert.match(text, /加载失败/);
    assert.match(text, /\/search-index\/index\.json/, 'names the file');
    assert.match(text, /这不是您的网络问题|稍后/);
    assert.doesNotMatch(text, /检查网络/);
    if (status) assert.match(text, new RegExp(String(status)));
  }
  assert.match(partFailureReason(new LoadError('missing', `${url}x`, 404)), /缺少文件/);
});
