/**
 * Where Chinese sentences end. A line that does not end one was broken mid-sentence (by a page or
 * column break); a title line holds no sentence punctuation at all. Matched width-insensitively:
 * ; : ! ? end a sentence like ；：！？.
 */
import { foldWidth } from './widths.ts';

// On width-folded text (，；：！？ → , ; : ! ?, ”’ → " ', ） → )).
/** Ends a sentence, or a clause a line may end with (；before the next item, ：before a list). */
const FINAL = '。…!?;:';
/** Closes a quotation or bracket after the final punctuation: 。” 。） */
const CLOSING = `"')」』`;
const ENDS = new RegExp(`[${FINAL}][${CLOSING}]*$`, 'u');
/** A full stop with more text after it: the line holds more than a title. */
const STOP_INSIDE = /[。;!?]./u;
const SENTENCE_PUNCTUATION = /[,。;:!?]/u;

/** The text ends a sentence (or a clause a line may end with); trailing spaces are ignored. */
export function endsSentence(text: string): boolean {
  return ENDS.test(foldWidth(text).trimEnd());
}

/** A sentence ends inside the text and more text follows it. */
export function continuesAfterSentenceEnd(text: string): boolean {
  return STOP_INSIDE.test(foldWidth(text));
}

/** The text holds sentence punctuation (，。；：！？), which a title line never does. */
export function hasSentencePunctuation(text: string): boolean {
  return SENTENCE_PUNCTUATION.test(foldWidth(text));
}
