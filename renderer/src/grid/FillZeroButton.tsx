import { useState } from 'react';
import { Button } from 'antd';
import { KeyConfirm } from '../common/KeyConfirm';

/**
 * 剩余空白填 0 with its confirmation. The number of blank cells is counted when the clerk opens
 * the confirmation, not on every keystroke (the button never re-renders while typing).
 */
export function FillZeroButton(props: { countBlanks(): number; onFill(): void; scope: string; small?: boolean }) {
  const [count, setCount] = useState(0);
  return (
    <KeyConfirm
      title={count > 0 ? `把${props.scope}剩余的 ${count} 个空白格填为 0？` : `${props.scope}没有空白格，都已填写。`}
      description={count > 0 ? '已填写的格不变；可以撤销。' : undefined}
      okText={count > 0 ? '填 0' : '知道了'}
      showCancel={count > 0}
      onOpen={() => setCount(props.countBlanks())}
      onConfirm={() => count > 0 && props.onFill()}
    >
      <Button size={props.small ? 'small' : undefined}>{props.small ? '剩余空白填 0' : '全部空白填 0'}</Button>
    </KeyConfirm>
  );
}
