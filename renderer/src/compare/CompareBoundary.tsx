import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';

/**
 * The comparison view loads as a separate file; if that fails (the program was updated while
 * open, the local service restarted), the editor stays usable and says what to do instead of
 * going blank.
 */
export class CompareBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert
        type="warning"
        showIcon
        title="对比页面没有打开"
        description="可能是程序刚刚更新过。填写的内容已自动保存，请点“重新加载”；其他部分可以照常填写。"
        action={
          <Button size="small" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
}
