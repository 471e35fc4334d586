import dayjs from 'dayjs';

/** A stored ISO time as the clerk reads it: 2025-01-20 14:05 (blank when missing or invalid). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '';
}
