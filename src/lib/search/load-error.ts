/**
 * Why a search file did not load, and what to tell the reader. A file missing on the server (404)
 * or a server error is not the reader's network, and a file that arrives but cannot be read is
 * neither: each gets its own message.
 */

export type LoadFailure = 'missing' | 'status' | 'network' | 'corrupt';

export class LoadError extends Error {
  readonly failure: LoadFailure;
  readonly url: string;
  /** The HTTP status, for 'missing' and 'status'. */
  readonly status?: number;

  constructor(failure: LoadFailure, url: string, status?: number, options?: { cause?: unknown }) {
    const why = status ? `HTTP ${status}` : failure === 'network' ? 'network error' : 'unreadable file';
    super(`${url}: ${why}`, options);
    this.name = 'LoadError';
    this.failure = failure;
    this.url = url;
    this.status = status;
  }
}

/** GET url; a missing file, an HTTP error or a network failure becomes a LoadError saying which. */
export async function fetchOrFail(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (cause) {
    throw new LoadError('network', url, undefined, { cause });
  }
  if (!res.ok) throw new LoadError(res.status === 404 ? 'missing' : 'status', url, res.status);
  return res;
}

const pathOf = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+/iu, '');

/** The search page's message when the index itself did not load. */
export function indexFailureMessage(e: unknown): string {
  if (!(e instanceof LoadError) || e.failure === 'network')
    return '搜索索引加载失败，请检查网络后刷新页面重试。';
  if (e.failure === 'missing')
    return `搜索索引加载失败：服务器上缺少文件 ${pathOf(e.url)}（HTTP 404）。这不是您的网络问题，请告知网站管理员。`;
  if (e.failure === 'status')
    return `搜索索引加载失败：服务器出错（HTTP ${e.status}，${pathOf(e.url)}）。请稍后刷新页面重试；若仍出错，请告知网站管理员。`;
  return `搜索索引加载失败：文件 ${pathOf(e.url)} 已损坏，无法读取。这不是您的网络问题，请告知网站管理员。`;
}

/** Why part of the texts is missing from a result list (one shard of section texts), in a few words. */
export function partFailureReason(e: LoadError): string {
  if (e.failure === 'missing') return `服务器上缺少文件 ${pathOf(e.url)}`;
  if (e.failure === 'status') return `服务器出错，HTTP ${e.status}`;
  if (e.failure === 'corrupt') return `文件 ${pathOf(e.url)} 已损坏`;
  return '网络中断';
}
