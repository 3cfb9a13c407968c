import { type Bar, layoutBars, niceMax } from '../../../lovelace-cards/shared/bar-layout.js';

const seg = (value: number) => ({ value, colour: '#000', title: String(value) });
const bars: Bar[] = [
  { label: 'a', title: 'a', total: 3, segments: [seg(1), seg(2)], compare: 4 },
  { label: 'b', title: 'b', total: null, segments: [] },
  { label: 'c', title: 'c', total: 8, segments: [seg(8)] },
];
const format = (v: number) => String(v);

it('rounds the scale up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
  expect([0, 0.7, 3, 8, 9.1, 24, 180].map(niceMax)).toEqual([1, 1, 5, 10, 10, 25, 200]);
});

it('stacks segments in proportion, hatches missing buckets, places ticks and the threshold', () => {
  const l = layoutBars(bars, { format, threshold: 6 });
  expect(l.max).toBe(10);
  const [a, b, c] = l.bars;
  const plot = a!.segments[0]!.y + a!.segments[0]!.height - l.ticks[2]!.y; // zero line to the top tick
  expect(a!.segments.map((s) => s.height / plot)).toEqual([expect.closeTo(0.1), expect.closeTo(0.2)]);
  expect(a!.segments[1]!.y + a!.segments[1]!.height).toBeCloseTo(a!.segments[0]!.y); // on top of the first
  expect(c!.segments[0]!.height / plot).toBeCloseTo(0.8);
  expect(b!.missing).not.toBeNull();
  expect(a!.missing).toBeNull();
  expect(l.ticks.map((t) => t.text)).toEqual(['0', '5', '10']);
  expect((l.ticks[0]!.y - l.thresholdY!) / plot).toBeCloseTo(0.6);
  expect((l.ticks[0]!.y - a!.compareY!) / plot).toBeCloseTo(0.4);
});

it('fits the bars in the given width and labels at most one bar per 50 units (every n-th bar)', () => {
  const many: Bar[] = Array.from({ length: 30 }, (_, i) => ({
    label: `${i}`,
    title: '',
    total: 1,
    segments: [seg(1)],
  }));
  const wide = layoutBars(many, { format, width: 1000 });
  expect(wide.width).toBe(1000);
  expect(wide.bars.at(-1)!.x + wide.bars.at(-1)!.width).toBeLessThanOrEqual(1000);
  expect(wide.bars.filter((b) => b.label).length).toBe(15); // every 2nd bar: 30 bars, room for 20 labels
  expect(layoutBars(many, { format }).bars.filter((b) => b.label).length).toBe(10);
});
