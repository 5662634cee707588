/**
 * What the head of a Chinese official document prints about it: the salutation that opens a
 * speech (各位代表：), the day (2026年1月21日, 二〇二一年三月三十日, 2020-11-24), the meeting a report
 * was given at (…在宁波市第十六届人民代表大会第六次会议上), the speaker (宁波市市长 汤飞帆), the
 * document number (慈政发〔2021〕11号) and the issuing body of a 关于… title. Matched
 * width-insensitively: 各位代表: is 各位代表：.
 */
import { numeralValue } from './numerals.ts';
import { foldWidth } from './widths.ts';

// On width-folded text.
const SALUTATION = /^(?:各位(?:代表|委员|同志)|同志们|代表们)\s*:$/u;
const ARABIC_DAY = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const CHINESE_DAY =
  /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/u;
const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/u;
const MEETING = /在(.+?会议)上/u;
const ROLE = /^\p{Script=Han}*(?:市长|县长|区长|书记|主任|主席|局长)$/u;
const NAME = /^\p{Script=Han}{2,4}$/u;
const DOCUMENT_NUMBER =
  /\p{Script=Han}{1,10}[〔[](?:\d{4})[〕\]]\s*\d+\s*号|\p{Script=Han}*会议文件\s*\(\s*\d+\s*\)/u;
const ISSUER_OF_TITLE = /^(\p{Script=Han}{2,30}?)关于/u;

/** A line that opens a speech: 各位代表：, 同志们：. */
export function isSalutation(line: string): boolean {
  return SALUTATION.test(foldWidth(line).trim());
}

/** The day a line names, as YYYY-MM-DD, with the text that names it; undefined when none is a real day. */
export function dayIn(line: string): { day: string; text: string } | undefined {
  const folded = foldWidth(line);
  const found = [ARABIC_DAY, CHINESE_DAY, ISO_DAY]
    .map((pattern) => pattern.exec(folded))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!found) return undefined;
  const [year, month, date] = found
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : numeralValue(part.replace(/○/gu, '〇'))));
  if (year === undefined || month === undefined || date === undefined) return undefined;
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return undefined;
  const day = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return { day, text: line.slice(found.index, found.index + found[0].length) };
}

/** The meeting a report was given at: 在宁波市第十六届人民代表大会第六次会议上 → 宁波市第十六届人民代表大会第六次会议. */
export function meetingIn(line: string): string | undefined {
  const match = MEETING.exec(foldWidth(line));
  return match ? line.slice(match.index + 1, match.index + 1 + match[1].length).trim() : undefined;
}

/**
 * A speaker line: 宁波市市长 汤飞帆 → role 宁波市市长, name 汤飞帆. A letter-spaced line (代 县 长  李 晓 东)
 * separates role and name by a wider space; the letter spacing is not part of either.
 */
export function speakerLine(line: string): { role: string; name: string } | undefined {
  const text = foldWidth(line).trim();
  const parts = (/\s{2,}/u.test(text) ? text.split(/\s{2,}/u) : text.split(/\s+/u)).map((part) =>
    part.replace(/\s+/gu, ''),
  );
  if (parts.length !== 2 || !ROLE.test(parts[0]) || !NAME.test(parts[1])) return undefined;
  return { role: parts[0], name: parts[1] };
}

/** A document number as printed: 慈政发〔2021〕11号, 区十届人大一次会议文件（10）. */
export function documentNumberIn(line: string): string | undefined {
  const match = DOCUMENT_NUMBER.exec(foldWidth(line));
  return match ? line.slice(match.index, match.index + match[0].length) : undefined;
}

/** The body a 关于… title names before 关于: 中共宁波市奉化区委关于制定…的建议 → 中共宁波市奉化区委. */
export function issuerOfTitle(title: string): string | undefined {
  return ISSUER_OF_TITLE.exec(title.trim())?.[1];
}
