import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIGHLIGHT_PARAM, highlightHref, highlightNeedles } from './highlight-param.ts';

test('what a result link carries, the page reads back', () => {
  const href = highlightHref('/docs/x/#s2', ['专精特新', '(二)'], 's2-p3');
  const url = new URL(href, 'http://site');
  assert.equal(url.pathname, '/docs/x/');
  assert.equal(url.hash, '#s2-p3');
  assert.ok(url.searchParams.has(HIGHLIGHT_PARAM));
  assert.deepEqual(highlightNeedles(url.search), ['专精特新', '(二)']);
});

test('needles are normalized like the search; a malformed escape never throws', () => {
  assert.deepEqual(highlightNeedles('?highlight=（二） 专精特新 专精特新'), ['(二)', '专精特新']);
  assert.deepEqual(highlightNeedles('?highlight=%E5%8C%97%E4%BB%91%'), ['北仑%']);
  assert.deepEqual(highlightNeedles('?highlight=%E4%B8'), ['\ufffd']);
  assert.deepEqual(highlightNeedles('?q=x'), []);
});
