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
  const rest = shown < count.sections ? `；已显示前 ${shown} 节` : '';
  if (count.sections && count.exact)
    return `${asked}：${count.pages} 篇文档中的 ${count.sections} 节，共 ${count.hits} 处${rest}。`;
  if (count.sections)
    return `${asked}：至少 ${count.sections} 节（${count.pages} 篇文档中，共 ${count.hits} 处），另有 ${count.unchecked} 节尚待核对${rest}。点“更多结果”继续。`;
  if (!done)
    return `${asked}：已核对的各节中还没有找到，另有 ${count.unchecked} 节尚待核对。点“更多结果”继续。`;
  return `${partial ? '在已加载的文本中' : ''}没有找到与${asked}完全一致的文字。`;
}
