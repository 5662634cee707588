/**
 * Page bodies rendered on as many worker threads as the machine has cores (up to four), so that
 * rendering a large library's pages at content sync takes its share of the machine, not one core.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-mdx-worker.ts';

/** The renderer refused a body (its message says where in the body, and why). */
export class RenderError extends Error {
  override name = 'RenderError';
}

export interface RenderPool {
  /** How many threads render. */
  size: number;
  /**
   * The body's HTML; a RenderError when the renderer refuses the body, another Error when its
   * thread failed (then every body waiting on that thread fails with it).
   */
  render(body: string): Promise<string>;
  close(): Promise<void>;
}

// A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to publish.
const WORKER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'render-mdx-worker.ts');

interface Waiting {
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

export function createRenderPool({
  base,
  size = Math.min(availableParallelism(), 4),
}: {
  base: string;
  size?: number;
}): RenderPool {
  let closing = false;
  const threads = Array.from({ length: size }, () => {
    const waiting = new Map<number, Waiting>();
    const worker = new Worker(WORKER_FILE, { workerData: { base } });
    const failAll = (error: Error) => {
      for (const request of waiting.values()) request.reject(error);
      waiting.clear();
    };
    worker.on('message', (reply: RenderReply) => {
      const request = waiting.get(reply.id);
      if (!request) return;
      waiting.delete(reply.id);
      if ('html' in reply) request.resolve(reply.html);
      else request.reject(new RenderError(reply.error));
    });
    worker.on('error', (error) =>
      failAll(new Error(`a rendering thread failed: ${String(error)}`, { cause: error })),
    );
    worker.on('exit', (code) => {
      if (!closing)
        failAll(
          new Error(`a rendering thread stopped (exit code ${code}) before it had rendered every page`),
        );
    });
    return { worker, waiting };
  });
  let next = 0;
  return {
    size,
    render(body) {
      const id = next++;
      // To the thread with the least work waiting: pages differ in length a hundredfold.
      const thread = threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      return new Promise((resolve, reject) => {
        thread.waiting.set(id, { resolve, reject });
        thread.worker.postMessage({ id, body } satisfies RenderRequest);
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
  };
}
