import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phraseBreaks, phraseParts } from './phrase-breaks.ts';

// Titles of the seed documents, and the words each must keep whole (the ones balance split before).
const TITLES: [string, string[]][] = [
  ['勇当进一步全面深化改革探路者 奋力谱写“双一流双示范”建设新篇章', ['奋力', '探路者', '谱写', '篇章']],
  ['第一章 提升能级，走前列当标兵开启现代化新征程', ['现代化', '征程', '标兵', '能级']],
  ['七、聚焦共同富裕，回应美好生活新期待', ['回应', '富裕', '期待']],
  ['第二节 加快数字经济提质增效', ['经济', '提质增效', '数字']],
  ['担当时代大任', ['时代', '大任']],
];

test('the parts are the text, and no break falls inside a word', () => {
  for (const [title, words] of TITLES) {
    assert.equal(phraseParts(title).join(''), title);
    const breaks = phraseBreaks(title);
    assert.ok(breaks.length > 0, `${title} has places to break`);
    for (const word of words) {
      const at = title.indexOf(word);
      assert.ok(at >= 0);
      const inside = breaks.filter((b) => b > at && b < at + word.length);
      assert.deepEqual(inside, [], `${word} is not split in ${phraseParts(title).join('/')}`);
    }
  }
});

test('breaks fall only between two Chinese characters (spaces and punctuation break by themselves)', () => {
  for (const [title] of TITLES)
    for (const b of phraseBreaks(title))
      assert.match(title.slice(b - 1, b + 1), /^\p{Script=Han}{2}$/u, `${title} at ${b}`);
});

test('a single character stays with a word: a one-word run or a lone character has no break', () => {
  assert.deepEqual(phraseBreaks('新'), []);
  assert.deepEqual(phraseBreaks(''), []);
  assert.deepEqual(phraseParts('政府工作报告'), ['政府', '工作', '报告']);
});
