import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldWidth, foldWidthChar } from './widths.ts';

test('full-width punctuation, letters and digits fold to ASCII', () => {
  assert.equal(foldWidth('（二）完善创新生态，：；％０９ＡＺａｚ'), '(二)完善创新生态,:;%09AZaz');
  assert.equal(foldWidth('６．７：４９．１'), '6.7:49.1');
});

test('curly quotes, the ideographic space and currency signs fold; CJK-only punctuation stays', () => {
  assert.equal(foldWidth('“两业融合”‘一’\u3000￥'), '"两业融合"\'一\' ¥');
  assert.equal(foldWidth('。、《》【】…—'), '。、《》【】…—');
});

test('folding keeps length, so offsets carry over', () => {
  const text = '（一）Ｍ０１４创新型“双一流”';
  assert.equal(foldWidth(text).length, text.length);
  for (const ch of text) assert.equal(foldWidthChar(ch).length, ch.length);
});

test('ASCII text and Chinese characters are unchanged', () => {
  const text = '(二) 6.7:49.1 宁波市鄞州区 abc';
  assert.equal(foldWidth(text), text);
});
