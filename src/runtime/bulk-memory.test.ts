import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapBudget, withBulkMemoryPolicy } from './bulk-memory.js';

describe('HeapBudget', () => {
  it('collects once the heap in use passes the budget, freeing what is no longer reachable', () => {
    let garbage: number[][] | null = Array.from({ length: 2_000 }, () => new Array<number>(2_000).fill(1));
    const before = getHeapStatistics().used_heap_size;
    garbage = null;
    new HeapBudget(1).check();
    expect(garbage).toBeNull();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 20 * 1024 * 1024);
  });

  it('raises the budget to twice the live data when the live data alone is over it', () => {
    const live = Array.from({ length: 2_000 }, () => new Array<number>(2_000).fill(1));
    const budget = new HeapBudget(1);
    budget.check();
    expect(live.length).toBe(2_000);
    expect(budget.bytes).toBeGreaterThanOrEqual(2 * 25 * 1024 * 1024);
  });
});

describe('withBulkMemoryPolicy', () => {
  it('gives the work a collection between its phases and a budget to check, and returns its result', async () => {
    const result = await withBulkMemoryPolicy({ heapBudgetMb: 1024 }, async (memory) => {
      let garbage: number[][] | null = Array.from({ length: 2_000 }, () => new Array<number>(2_000).fill(1));
      const before = getHeapStatistics().used_heap_size;
      garbage = null;
      memory.check();
      memory.collect();
      expect(garbage).toBeNull();
      expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 20 * 1024 * 1024);
      return Promise.resolve('done');
    });
    expect(result).toBe('done');
  });
});
