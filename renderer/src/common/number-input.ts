import { numberText } from '../../../shared/model/format';

/**
 * The `parser` of antd's InputNumber for numbers typed with a Chinese input method: full-width
 * digits (２０２５) and marks are read as the digits they are (antd's own parser drops them). Text
 * that is not a number gives NaN, which InputNumber ignores (the value stays as it was).
 */
export const parseTypedNumber = (text: string | undefined): number => {
  const t = numberText(text ?? '').replace(/[\s,]/g, '');
  return t === '' ? NaN : Number(t);
};
