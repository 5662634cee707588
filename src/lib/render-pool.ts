/**
 * Page bodies rendered on as many worker threads as the machine has cores (up to four), so that
 * rendering a large library's pages at content sync takes its share of the machine, not one core.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-mdx-worker.ts';

export interface RenderPool {
  /** How many threads render. */
  size: number;
  /** The body's HTML, or a rejection with the renderer's message. */
  render(body: string): Promise<string>;
  close(): Promise<void>;
}

// A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to publish.
const WORKER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'render-mdx-worker.ts');

export function createRenderPool({
  base,
  size = Math.min(availableParallelism(), 4),
}: {
  base: string;
  size?: number;
}): RenderPool {
  const waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();
  const pending = Array.from({ length: size }, () => 0);
  const workers = Array.from({ length: size }, (_, i) => {
    const worker = new Worker(WORKER_FILE, { workerData: { base } });
    worker.on('message', (reply: RenderReply) => {
      pending[i]!--;
      const request = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if ('html' in reply) request.resolve(reply.html);
      else request.reject(new Error(reply.error));
    });
    worker.on('error', (error) => {
      for (const request of waiting.values()) request.reject(error as Error);
      waiting.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    size,
    render(body) {
      const id = next++;
      // To the worker with the least work waiting: pages differ in length a hundredfold.
      const least = pending.indexOf(Math.min(...pending));
      pending[least]!++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[least]!.postMessage({ id, body } satisfies RenderRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
