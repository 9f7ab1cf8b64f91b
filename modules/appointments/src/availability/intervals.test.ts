import { describe, expect, it } from 'vitest';
import { contains, type Interval, intersect, mergeIntervals, overlaps, subtract } from './intervals';

/** Intervals written as minutes after a fixed instant: [10, 20] is [T+10min, T+20min). */
const T = Date.UTC(2026, 5, 2, 15, 0);
const iv = ([a, b]: [number, number]): Interval => ({ start: new Date(T + a * 60_000), end: new Date(T + b * 60_000) });
const back = (i: Interval): [number, number] => [(i.start.getTime() - T) / 60_000, (i.end.getTime() - T) / 60_000];

describe('subtract', () => {
  it.each<{ name: string; from: [number, number]; remove: [number, number][]; expected: [number, number][] }>([
    { name: 'nothing to remove', from: [0, 60], remove: [], expected: [[0, 60]] },
    {
      name: 'a hole in the middle',
      from: [0, 60],
      remove: [[20, 30]],
      expected: [
        [0, 20],
        [30, 60],
      ],
    },
    { name: 'overlapping the start', from: [0, 60], remove: [[-10, 15]], expected: [[15, 60]] },
    { name: 'overlapping the end', from: [0, 60], remove: [[50, 90]], expected: [[0, 50]] },
    { name: 'covering everything', from: [0, 60], remove: [[-5, 65]], expected: [] },
    {
      name: 'touching outside (half-open) removes nothing',
      from: [0, 60],
      remove: [
        [-10, 0],
        [60, 70],
      ],
      expected: [[0, 60]],
    },
    {
      name: 'unsorted, overlapping and touching holes',
      from: [0, 100],
      remove: [
        [40, 50],
        [10, 20],
        [15, 25],
        [25, 30],
      ],
      expected: [
        [0, 10],
        [30, 40],
        [50, 100],
      ],
    },
    {
      name: 'empty and inverted holes are ignored',
      from: [0, 60],
      remove: [
        [20, 20],
        [40, 30],
      ],
      expected: [[0, 60]],
    },
    { name: 'empty source', from: [30, 30], remove: [], expected: [] },
  ])('$name', ({ from, remove, expected }) => {
    expect(subtract(iv(from), remove.map(iv)).map(back)).toEqual(expected);
  });
});

describe('intersect, overlaps, contains, mergeIntervals', () => {
  it.each<{ a: [number, number]; b: [number, number]; common: [number, number] | null }>([
    { a: [0, 60], b: [30, 90], common: [30, 60] },
    { a: [0, 60], b: [10, 20], common: [10, 20] },
    { a: [0, 60], b: [60, 90], common: null },
    { a: [0, 60], b: [70, 90], common: null },
    { a: [0, 0], b: [-10, 10], common: null },
  ])('intersect $a ∩ $b = $common', ({ a, b, common }) => {
    const result = intersect(iv(a), iv(b));
    expect(result && back(result)).toEqual(common);
    expect(overlaps(iv(a), iv(b))).toBe(common !== null);
    expect(overlaps(iv(b), iv(a))).toBe(common !== null);
  });

  it.each<{ outer: [number, number]; inner: [number, number]; expected: boolean }>([
    { outer: [0, 60], inner: [0, 60], expected: true },
    { outer: [0, 60], inner: [10, 20], expected: true },
    { outer: [0, 60], inner: [50, 61], expected: false },
    { outer: [0, 60], inner: [-1, 10], expected: false },
    { outer: [0, 60], inner: [10, 10], expected: false },
  ])('contains $outer ⊇ $inner is $expected', ({ outer, inner, expected }) => {
    expect(contains(iv(outer), iv(inner))).toBe(expected);
  });

  it('merges overlapping and touching intervals, drops empty ones, sorts', () => {
    const merged = mergeIntervals(
      [
        [50, 60],
        [0, 10],
        [10, 20],
        [15, 18],
        [30, 30],
        [40, 35],
      ].map((p) => iv(p as [number, number])),
    );
    expect(merged.map(back)).toEqual([
      [0, 20],
      [50, 60],
    ]);
  });
});
