/** Fixtures for rehype-phrase-breaks in both shapes the plugin meets (tests/support/rehype-shapes.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtmlShape, fromMdxShape } from '../../tests/support/rehype-shapes.ts';
import rehypePhraseBreaks from './rehype-phrase-breaks.ts';

const input =
  '<h2 id="s1">七、聚焦共同富裕，回应<strong>美好生活</strong><a class="cite" href="#s1"></a></h2>' +
  '<p>政府工作报告</p>';
const output =
  '<h2 id="s1">七、聚焦<wbr>共同<wbr>富裕，回应<strong>美好<wbr>生活</strong><a class="cite" href="#s1"></a></h2>' +
  '<p>政府工作报告</p>';

test('headings get <wbr> between words, inline elements too; paragraphs do not (hast elements)', () => {
  assert.equal(fromHtmlShape(rehypePhraseBreaks, input), output);
});
test('headings get <wbr> between words, inline elements too; paragraphs do not (MDX JSX elements)', async () => {
  assert.equal(await fromMdxShape(rehypePhraseBreaks, input), output);
});
