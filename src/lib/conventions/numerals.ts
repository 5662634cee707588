/**
 * Chinese numerals as official documents print them in numbering (第十二章, 二十三、, （一百零一）)
 * and in years written digit by digit (二〇三五).
 */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A run of Chinese numeral characters, as a regular-expression source. */
export const CHINESE_NUMERAL = '[〇零一二两三四五六七八九十百]+';

const POSITIONAL = /^[〇零一二两三四五六七八九]+$/u;
// [hundreds 百] [零 before a last digit] [tens 十] [units]: 十, 十二, 二十, 一百零一, 一百一十, 两百
const COUNTED =
  /^(?:([一二两三四五六七八九])百)?(?:[零〇](?=[一二三四五六七八九]$))?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/u;

/**
 * The value of a numeral: counted (一 … 九十九, 一百零一 …), digit by digit (二〇三五), or ASCII
 * digits. Undefined when the text is not one well-formed numeral.
 */
export function numeralValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (POSITIONAL.test(text)) return Number([...text].map((ch) => DIGIT[ch]).join(''));
  const match = COUNTED.exec(text);
  if (!match || text === '') return undefined;
  const [, hundreds, tens, ten, units] = match;
  if (!hundreds && !ten) return undefined;
  return (
    (hundreds ? DIGIT[hundreds] * 100 : 0) +
    (ten ? (tens ? DIGIT[tens] : 1) * 10 : 0) +
    (units ? DIGIT[units] : 0)
  );
}

const DIGITS = '〇一二三四五六七八九';

/** A number (1–999) written as numbering counts it: 3 → 三, 12 → 十二, 21 → 二十一, 101 → 一百零一. */
export function countedNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999)
    throw new RangeError(`countedNumeral: ${value} is not a whole number from 1 to 999`);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  let text = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) text += `${tens === 1 && !hundreds ? '' : DIGITS[tens]}十`;
  else if (hundreds && units) text += '零';
  if (units) text += DIGITS[units];
  return text;
}
