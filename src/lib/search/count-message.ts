/**
 * What the search page says about how many results there are. The count is exact when the index
 * decides it (terms of up to three characters) or once every candidate has been checked; until
 * then it is a lower bound and says so ("至少"), with the number of sections still to check.
 */
import type { ResultCount } from './core.ts';

/** Results shown at first, and added by each "更多结果". */
export const PAGE_SIZE = 20;
/** Of the first page, the results painted first, before the texts of the rest are in. */
export const FIRST_PAINT = 5;

export function countMessage(
  q: string,
  scope: string,
  count: ResultCount,
  shown: number,
  done: boolean,
  partial: boolean,
): string {
  const asked = `“${q}”${scope}`;
  const rest = shown < count.sections ? `；已显示其中 ${shown} 节` : '';
  if (count.sections && count.exact)
    return `${asked}：${count.pages} 篇文档中的 ${count.sections} 节，共 ${count.hits} 处${rest}。`;
  // Every result is shown, but some sections were not checked (only counted as may-be): counting goes on on request.
  const go = done ? '点“核对其余各节”继续计数。' : '点“更多结果”继续。';
  if (count.sections)
    return `${asked}：至少 ${count.sections} 节（${count.pages} 篇文档中，共 ${count.hits} 处），另有 ${count.unchecked} 节尚待核对${rest}。${go}`;
  if (count.unchecked) return `${asked}：已核对的各节中还没有找到，另有 ${count.unchecked} 节尚待核对。${go}`;
  return `${partial ? '在已加载的文本中' : ''}没有找到与${asked}完全一致的文字。`;
}

/** Sections of a document shown in its group before "查看本文档全部". */
export const PER_DOCUMENT = 3;

/** A share is exact once none of its sections is left to check; until then it is a lower bound and says so. */
const share = (counted: string, unchecked: number) =>
  unchecked ? `至少 ${counted}，另有 ${unchecked} 节待核对` : counted;

/** A facet value's share: "2 篇，14 处". */
export const valueLabel = (c: { documents: number; hits: number; unchecked: number }): string =>
  share(`${c.documents} 篇，${c.hits} 处`, c.unchecked);

/** A document's share: "5 节，12 处". */
export const documentLabel = (c: { sections: number; hits: number; unchecked: number }): string =>
  share(`${c.sections} 节，${c.hits} 处`, c.unchecked);
