import { describe, expect, it } from 'vitest';
import { fromWallTime, toWallTime } from './zonedTime';

// toWallTime reads offsets from a per-second cache instead of asking Intl each time: it must still say exactly
// what Intl says, across daylight-saving jumps, half-hour and 45-minute zones, and the odd offsets of the past.
describe('zoned time against Intl', () => {
  const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

  it('reads the same wall clock as Intl, every 5.6 days from 1900 to 2030', () => {
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
      for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 7919 * 61_000 + 137) {
        const parts = Object.fromEntries(intl.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
        const wall = toWallTime(ms, timeZone);
        expect([wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, wall.weekday], `${timeZone} ${new Date(ms).toISOString()}`).toEqual([
          Number(parts.year),
          Number(parts.month),
          Number(parts.day),
          Number(parts.hour) % 24,
          Number(parts.minute),
          Number(parts.second),
          ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!),
        ]);
        expect(wall.millisecond).toBe(((ms % 1000) + 1000) % 1000);
      }
    }
  });

  it('turns a wall clock back into the instant, on both sides of a daylight-saving jump', () => {
    // New York, 2026-03-08: 02:00 jumps to 03:00; 2026-11-01: 02:00 falls back to 01:00.
    expect(new Date(fromWallTime('America/New_York', 2026, 3, 8, 1, 30)).toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(new Date(fromWallTime('America/New_York', 2026, 3, 8, 3, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(fromWallTime('Asia/Jakarta', 2026, 12, 3, 8, 0)).toISOString()).toBe('2026-12-03T01:00:00.000Z');
  });
});
