/**
 * Where a Chinese title may break between lines. Titles are set with `word-break: keep-all`, which
 * breaks only at spaces and punctuation; inside a run of characters the places between words are
 * marked (<wbr>) from the platform's dictionary word segmentation (Intl.Segmenter, ICU), so that a
 * balanced heading never splits a word (奋/力, 经/济). `word-break: auto-phrase` would do this in
 * the browser, but Chromium applies it to Japanese only.
 *
 * The dictionary cuts some words into single characters (新/征/程, 提/质/增/效, 探路/者, 现代/化):
 * a single character, or a row of them, stays with the word before it in the run, or at the run's
 * start with the word after it. That loses a few places a line could break, never splits a word.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_WORD = /^\p{Script=Han}+$/u;

/** Offsets in `text` where a line may break between two words of a run of Chinese characters. */
export function phraseBreaks(text: string): number[] {
  const breaks: number[] = [];
  let run: { start: number; length: number }[] = [];
  const flush = () => {
    // Before a word of two or more characters that has one before it in the run: single characters
    // then stay with the word before them, or at the run's start with the word after them.
    const first = run.findIndex((w) => w.length > 1);
    if (first >= 0) breaks.push(...run.slice(first + 1).flatMap((w) => (w.length > 1 ? [w.start] : [])));
    run = [];
  };
  for (const { segment, index } of segmenter.segment(text)) {
    if (HAN_WORD.test(segment)) run.push({ start: index, length: segment.length });
    else flush();
  }
  flush();
  return breaks;
}

/** The text cut at its phrase breaks: joined, the parts are the text. */
export function phraseParts(text: string): string[] {
  const cuts = [0, ...phraseBreaks(text), text.length];
  return cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
}
