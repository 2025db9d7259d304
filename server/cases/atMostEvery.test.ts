import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { atMostEvery } from './atMostEvery';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('tells the first change at once and the latest of a burst once per window, never dropping the last', () => {
  const told: string[] = [];
  const changes = atMostEvery(100, (cursor: string) => told.push(cursor));
  changes.give('1:1');
  expect(told).toEqual(['1:1']);
  changes.give('2:5');
  changes.give('3:9');
  expect(told).toEqual(['1:1']);
  vi.advanceTimersByTime(100);
  expect(told).toEqual(['1:1', '3:9']);
  // Quiet for a window: the next change goes at once again.
  vi.advanceTimersByTime(100);
  changes.give('4:2');
  expect(told).toEqual(['1:1', '3:9', '4:2']);
  changes.stop();
  changes.give('5:1');
  vi.advanceTimersByTime(500);
  expect(told).toEqual(['1:1', '3:9', '4:2']);
});

it('spreads a steady stream of changes to one per window', () => {
  const told: number[] = [];
  const changes = atMostEvery(100, (n: number) => told.push(n));
  for (let n = 1; n <= 50; n++) {
    changes.give(n);
    vi.advanceTimersByTime(10);
  }
  vi.advanceTimersByTime(100);
  expect(told.length).toBeLessThanOrEqual(7);
  expect(told.at(-1)).toBe(50);
});
