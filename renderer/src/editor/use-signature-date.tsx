import { useState } from 'react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { parseDateText } from '../../../shared/model/dates';

// The calendar in Chinese (month names, weeks from Monday). Set here, with the only date picker,
// rather than in the first script of every page.
dayjs.locale('zh-cn');

/**
 * 成文日期: typed in any of the ways clerks write a date (2026-01-20, 2026/1/20, 2026.1.20, 20260120,
 * 2026年1月20日, full-width digits) or picked in the calendar, which opens on January of the year
 * after the report's (when the report is signed) while no date is set. Text that is not a date is
 * refused with the reason (`note`, shown under the row by the cover page); the date already set stays.
 */
export function useSignatureDate(date: string, reportYear: number, onDate: (iso: string) => void) {
  const [note, setNote] = useState<string | null>(null);

  /** Reads what was typed (the picker itself reads only its display format). */
  const take = (text: string) => {
    const typed = text.trim();
    if (!typed) return;
    const iso = parseDateText(typed);
    if (!iso) {
      setNote(
        `“${typed}”不是有效的日期${date ? '，成文日期未修改' : ''}。请按“${reportYear + 1}年1月20日”或“${reportYear + 1}-01-20”的样子填写，也可以点日历选择。`,
      );
      return;
    }
    setNote(null);
    if (iso !== date) onDate(iso);
  };

  const field = (
    <DatePicker
      id="cover-date"
      value={date ? dayjs(date) : null}
      format="YYYY年M月D日"
      placeholder="如 2026-01-20"
      defaultPickerValue={dayjs(`${reportYear + 1}-01-01`)}
      style={{ width: 180 }}
      aria-describedby="cover-date-note"
      aria-invalid={note ? true : undefined}
      onChange={(d) => {
        setNote(null);
        onDate(d ? d.format('YYYY-MM-DD') : '');
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') take((e.target as HTMLInputElement).value);
      }}
      onBlur={(e) => take((e.target as HTMLInputElement).value)}
    />
  );
  const message = (
    <div id="cover-date-note" className={note ? 'field-error' : 'sr-only'} role={note ? 'alert' : undefined}>
      {note ?? '可以直接输入，如 2026-01-20、2026/1/20、20260120 或 2026年1月20日。'}
    </div>
  );
  return { field, message };
}
