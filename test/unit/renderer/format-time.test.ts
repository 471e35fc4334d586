import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatTime } from '../../../renderer/src/logic/format-time';

// formatTime drew its times with dayjs before; without it, every text must still read the same.
const dayjsTime = (iso: string) => {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '';
};

describe('formatTime', () => {
  it('reads stored times as dayjs did: with a zone, without one (local), partial, odd and invalid', () => {
    const texts = [
      new Date(2025, 0, 20, 14, 5).toISOString(),
      '2025-01-20T14:05:09.123Z',
      '2025-01-20t06:05:00z',
      '2025-12-31T23:59:59.999+08:00',
      '2025-06-01T00:30:00-05:00',
      '2025-01-20T14:05:09',
      '2025-01-20 14:05',
      '2025-01-20',
      '2025/1/2 3:4:5',
      '20250120',
      '2025-01',
      '2025',
      '2025-01-20T14:05:09.1234567',
      '2025-02-30T10:00:00',
      'Mon, 20 Jan 2025 14:05:00 GMT',
      'not a time',
      '2025-13-45T99:99',
    ];
    for (const text of texts) expect(formatTime(text), text).toBe(dayjsTime(text));
  });

  it('is blank without a time', () => {
    expect(formatTime(undefined)).toBe('');
    expect(formatTime('')).toBe('');
  });

  it('draws a known local time', () => {
    expect(formatTime(new Date(2025, 0, 2, 3, 4).toISOString())).toBe('2025-01-02 03:04');
  });
});
