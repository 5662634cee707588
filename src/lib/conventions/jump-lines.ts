/**
 * Newspaper jump lines: where a text continues from or on another page of the paper — 【紧接第1版】,
 * 【上接第2版】, 【下转第3版】, 【转第4版】. Printed in 【】, or in square or round brackets of either
 * width (［上接第２版］, (下转第3版)); Markdown bold markers may wrap the words.
 */
import { foldWidth } from './widths.ts';

// On width-folded text.
const JUMP = /[【[(]\s*(?:\*\*)?\s*((?:紧接|上接|下转|转)第\s*\S+?\s*版)\s*(?:\*\*)?\s*[】\])]/du;

export interface JumpLine {
  /** Where the jump line starts and ends in the text. */
  start: number;
  end: number;
  /** Its words as printed, without brackets or spaces: 上接第2版. */
  words: string;
  /** 'from': the text before it is on another page (紧接, 上接); 'to': the text after it is (下转, 转). */
  direction: 'from' | 'to';
}

/** The first jump line in `text`, if any. */
export function findJumpLine(text: string): JumpLine | undefined {
  const match = JUMP.exec(foldWidth(text));
  if (!match) return undefined;
  const [start, end] = match.indices![0];
  const words = text.slice(...match.indices![1]).replace(/\s+/g, '');
  return { start, end, words, direction: /^(?:紧接|上接)/u.test(words) ? 'from' : 'to' };
}

/** The text is a jump line and nothing else (spaces aside). */
export function isJumpLine(text: string): boolean {
  const jump = findJumpLine(text);
  return !!jump && text.slice(0, jump.start).trim() === '' && text.slice(jump.end).trim() === '';
}
