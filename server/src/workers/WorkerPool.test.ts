import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { WorkerCrashed, WorkerPool, WorkerPoolBusy, WorkerPoolClosed, WorkerTaskError, WorkerTaskTimeout, type WorkerPoolOptions } from './WorkerPool.ts';

type Task = { kind: 'echo'; value: string } | { kind: 'wait'; ms: number; value: string } | { kind: 'fail'; code: string } | { kind: 'exit' };

const ENTRY = new URL('./poolTestWorker.fixture.ts', import.meta.url);
const quiet = createLogger('error', 'test', () => undefined);
const pools: WorkerPool<Task, string>[] = [];

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<Task, string> {
  const p = new WorkerPool<Task, string>(ENTRY, { size: 1, maxQueued: 4, taskTimeoutMs: 10_000, idleMs: 60_000, maxHeapMb: 256, ...options }, quiet);
  pools.push(p);
  return p;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool (exports and imports off the event loop)', () => {
  it('runs tasks on a thread and answers each in turn, queueing what waits for the thread', async () => {
    const p = pool();
    const answers = await Promise.all([p.run({ kind: 'wait', ms: 50, value: 'first' }), p.run({ kind: 'echo', value: 'second' }), p.run({ kind: 'echo', value: 'third' })]);
    expect(answers).toEqual(['first', 'second', 'third']);
    expect(p.stats()).toEqual({ threads: 1, running: 0, queued: 0 });
  });

  it('refuses a task when the queue is full, without disturbing those already taken', async () => {
    const p = pool({ maxQueued: 1 });
    const running = p.run({ kind: 'wait', ms: 100, value: 'running' });
    const queued = p.run({ kind: 'echo', value: 'queued' });
    await expect(p.run({ kind: 'echo', value: 'refused' })).rejects.toBeInstanceOf(WorkerPoolBusy);
    expect(await Promise.all([running, queued])).toEqual(['running', 'queued']);
  });

  it('carries an error raised in the worker back with its code', async () => {
    const p = pool();
    const err = await p.run({ kind: 'fail', code: 'not_a_zip' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTaskError);
    expect((err as WorkerTaskError).code).toBe('not_a_zip');
    expect(await p.run({ kind: 'echo', value: 'after' })).toBe('after');
  });

  it('fails a task that cannot be sent to a thread, and runs the next one', async () => {
    const p = pool();
    const notCloneable = { kind: 'echo', value: 'x', callback: () => undefined } as unknown as Task;
    await expect(p.run(notCloneable)).rejects.toThrow();
    expect(await p.run({ kind: 'echo', value: 'after' })).toBe('after');
  });

  it('stops a task that runs too long and goes on with the next one on a fresh thread', async () => {
    const p = pool({ taskTimeoutMs: 200 });
    const slow = p.run({ kind: 'wait', ms: 5_000, value: 'never' });
    const next = p.run({ kind: 'echo', value: 'next' });
    await expect(slow).rejects.toBeInstanceOf(WorkerTaskTimeout);
    expect(await next).toBe('next');
  });

  it('fails only the task whose thread died, and replaces the thread', async () => {
    const p = pool();
    const dead = p.run({ kind: 'exit' });
    const next = p.run({ kind: 'echo', value: 'still here' });
    await expect(dead).rejects.toBeInstanceOf(WorkerCrashed);
    expect(await next).toBe('still here');
  });

  it('lets idle threads exit, and starts one again when work comes', async () => {
    const p = pool({ idleMs: 50 });
    expect(await p.run({ kind: 'echo', value: 'a' })).toBe('a');
    await new Promise((r) => setTimeout(r, 300));
    expect(p.stats().threads).toBe(0);
    expect(await p.run({ kind: 'echo', value: 'b' })).toBe('b');
  });

  it('on close, fails queued tasks with a clear reason and takes no more', async () => {
    const p = pool();
    const running = p.run({ kind: 'wait', ms: 2_000, value: 'x' }).catch((e: unknown) => e);
    const queued = p.run({ kind: 'echo', value: 'y' }).catch((e: unknown) => e);
    await p.close();
    expect(await queued).toBeInstanceOf(WorkerPoolClosed);
    expect(await running).toBeInstanceOf(WorkerPoolClosed);
    await expect(p.run({ kind: 'echo', value: 'z' })).rejects.toBeInstanceOf(WorkerPoolClosed);
  });
});
