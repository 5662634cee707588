import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUrlPart, fragmentId } from './url-part.ts';

test('well-formed parts decode as decodeURIComponent does', () => {
  for (const part of ['s2-1-p3', '%E5%8C%97%E4%BB%91', 'a%20b', '%25', ''])
    assert.equal(decodeUrlPart(part), decodeURIComponent(part));
});

test('a malformed escape stays as written and never throws; good escapes around it decode', () => {
  assert.equal(decodeUrlPart('%'), '%');
  assert.equal(decodeUrlPart('%E4%B8'), '%E4%B8');
  assert.equal(decodeUrlPart('%E5%8C%97%E4%BB%91%E4%B8'), '北仑%E4%B8');
  assert.equal(decodeUrlPart('%zz%E5%8C%97'), '%zz北');
  assert.equal(decodeUrlPart('%C0%80'), '%C0%80'); // overlong encoding: invalid UTF-8
});

test('fragmentId strips the # and decodes', () => {
  assert.equal(fragmentId('#s2-1'), 's2-1');
  assert.equal(fragmentId('#%'), '%');
  assert.equal(fragmentId(''), '');
});
