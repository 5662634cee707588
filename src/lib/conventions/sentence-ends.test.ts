import assert from 'node:assert/strict';
import { test } from 'node:test';
import { continuesAfterSentenceEnd, endsSentence, hasSentencePunctuation } from './sentence-ends.ts';

test('a line ends a sentence at 。！？…, or at ；： before the next item or a list', () => {
  for (const text of [
    '推动共同富裕。',
    '好不好？',
    '等等……',
    '主要目标：',
    '加快发展；',
    '“双一流”。”',
    '（见表1。）  ',
  ])
    assert.ok(endsSentence(text), text);
});

test('half-width punctuation ends a sentence like full-width', () => {
  for (const text of ['主要目标:', '加快发展;', 'Really!', '为什么?', '"完成。"'])
    assert.ok(endsSentence(text), text);
});

test('a line broken mid-sentence does not end one', () => {
  for (const text of ['推动共同富裕。推', '促进民营经济，', '加快发展,', '“两业融合”', '第二章 发展'])
    assert.ok(!endsSentence(text), text);
});

test('a full stop with more text after it: a run-in heading, not a title alone', () => {
  assert.ok(continuesAfterSentenceEnd('（一）聚力科技创新大突破。把创新摆在首位。'));
  assert.ok(continuesAfterSentenceEnd('(二)完善创新生态;加快'));
  assert.ok(!continuesAfterSentenceEnd('三、分类引导施策。'));
});

test('a title holds no sentence punctuation, in either width', () => {
  assert.ok(!hasSentencePunctuation('本届政府工作回顾'));
  assert.ok(hasSentencePunctuation('促进民营经济，弘'));
  assert.ok(hasSentencePunctuation('促进民营经济,弘'));
  assert.ok(hasSentencePunctuation('目标:'));
});
