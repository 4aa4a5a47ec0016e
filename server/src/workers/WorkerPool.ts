/**
 * A few worker threads for CPU-heavy requests (Word and PDF export, Word import), so a 100,000-word export
 * never stalls sync and the API for everyone else. Tasks wait in a bounded queue; past it the caller is told
 * the server is busy. A task that runs too long, or a worker that dies (out of memory, a bug), fails only
 * that task: the worker is replaced and the server goes on. Workers start on first use and stop when idle.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';
import { WORKER_BOOT } from '../runtimeLayout.ts';

export interface WorkerPoolOptions {
  /** Threads running tasks at once. */
  size: number;
  /** Tasks that may wait for a thread; one more is refused with WorkerPoolBusy. */
  maxQueued: number;
  /** A task running longer is stopped (its thread terminated) and fails with WorkerTaskTimeout. */
  taskTimeoutMs: number;
  /** An idle thread exits after this long. */
  idleMs: number;
  /** Heap limit of each thread, so one huge task cannot take the server's memory. */
  maxHeapMb: number;
}

export class WorkerPoolBusy extends Error {}
export class WorkerTaskTimeout extends Error {}
export class WorkerCrashed extends Error {}
export class WorkerPoolClosed extends Error {}

/** What a worker entry posts back for each task. */
export type WorkerReply<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: { name: string; message: string; code?: string; params?: Record<string, string | number> } };

/** An error thrown inside the worker, carried back with its class name and code. */
export class WorkerTaskError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly code: string | undefined,
    /** The values its message is built from (ImportError's params). */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

interface Job<T, R> {
  id: number;
  task: T;
  resolve(value: R): void;
  reject(err: Error): void;
}

interface Slot<T, R> {
  worker: Worker;
  job: Job<T, R> | null;
  /** The thread has loaded its entry (a task's time runs from then, not from the thread's start). */
  ready: boolean;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Job<T, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    /** URL of the worker's entry, TypeScript or compiled (it answers each message with a WorkerReply). */
    private readonly entry: URL,
    private readonly options: WorkerPoolOptions,
    private readonly log: Logger,
  ) {}

  /** Run one task (copied to the thread). */
  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(new WorkerPoolClosed('The server is shutting down.'));
    return new Promise<R>((resolve, reject) => {
      const job: Job<T, R> = { id: this.nextId++, task, resolve, reject };
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.options.size ? this.spawn() : null);
      if (slot) {
        this.start(slot, job);
        return;
      }
      if (this.queue.length >= this.options.maxQueued) {
        reject(new WorkerPoolBusy('The server is busy with other exports and imports; try again in a minute.'));
        return;
      }
      this.queue.push(job);
    });
  }

  /** Tasks running and waiting, for health and tests. */
  stats(): { threads: number; running: number; queued: number } {
    return { threads: this.slots.length, running: this.slots.filter((s) => s.job).length, queued: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkerPoolClosed('The server is shutting down.'));
    await Promise.all([...this.slots].map((slot) => this.stop(slot, new WorkerPoolClosed('The server is shutting down.'))));
  }

  private spawn(): Slot<T, R> {
    const worker = new Worker(WORKER_BOOT, {
      workerData: { entry: this.entry.href },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    const slot: Slot<T, R> = { worker, job: null, ready: false, timer: null, idleTimer: null };
    this.slots.push(slot);
    worker.on('message', (reply: WorkerReply<R> | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job) this.startClock(slot);
      } else {
        this.finish(slot, reply);
      }
    });
    worker.on('error', (err) => {
      this.log.error('worker failed', { err });
      void this.stop(slot, new WorkerCrashed('The task could not be completed: its thread failed (out of memory, or an error).'));
    });
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) {
        this.log.warn('worker exited', { code });
        void this.stop(slot, new WorkerCrashed('The task could not be completed: its thread stopped.'));
      }
    });
    return slot;
  }

  private start(slot: Slot<T, R>, job: Job<T, R>): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    try {
      slot.worker.postMessage({ id: job.id, task: job.task });
    } catch (err) {
      // A task that cannot be sent (not cloneable) fails alone; the thread stays free for the next one.
      job.reject(err instanceof Error ? err : new Error(String(err)));
      this.next(slot);
      return;
    }
    slot.job = job;
    if (slot.ready) this.startClock(slot);
  }

  private startClock(slot: Slot<T, R>): void {
    slot.timer = setTimeout(() => {
      this.log.warn('worker task timed out', { ms: this.options.taskTimeoutMs });
      void this.stop(slot, new WorkerTaskTimeout('This took too long and was stopped.'));
    }, this.options.taskTimeoutMs);
  }

  private finish(slot: Slot<T, R>, reply: WorkerReply<R>): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (reply.ok) job.resolve(reply.value);
    else job.reject(new WorkerTaskError(reply.error.name, reply.error.message, reply.error.code, reply.error.params));
    this.next(slot);
  }

  private next(slot: Slot<T, R>): void {
    const job = this.queue.shift();
    if (job) {
      this.start(slot, job);
      return;
    }
    slot.idleTimer = setTimeout(() => void this.stop(slot, null), this.options.idleMs);
    slot.idleTimer.unref();
  }

  /** Terminate a thread, failing its task with `reason`; queued tasks move to a fresh thread. */
  private async stop(slot: Slot<T, R>, reason: Error | null): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = null;
    if (job) job.reject(reason ?? new WorkerCrashed('The task could not be completed: its thread stopped.'));
    await slot.worker.terminate().catch(() => undefined);
    if (!this.closed && this.queue.length > 0 && this.slots.length < this.options.size) {
      const next = this.queue.shift()!;
      this.start(this.spawn(), next);
    }
  }
}
