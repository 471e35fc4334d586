import { Button } from 'antd';
import { PlusOutlined, ImportOutlined, ForwardOutlined, ReadOutlined } from '@ant-design/icons';

/** First run: what the app is for and the four ways to begin. */
export function WelcomePanel(props: {
  onCreate(): void;
  onSample(): void;
  onRollover(): void;
  onImport(): void;
  onBatch(): void;
  trashCount: number;
  onTrash(): void;
}) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">开始编写政府信息公开工作年度报告</h2>
      <p className="welcome-lead">
        {/* One string: a line break inside JSX text would print a space after “、”. */}
        {'按国办公开办函〔2021〕30号规定的格式，逐节填写六个部分和三张统计表。表格的合计自动计算，' +
          '数字是否勾稽平衡、文字是否与表格一致，会在填写时随时提示。所有内容自动保存在本机。'}
      </p>
      <div className="welcome-actions">
        <button type="button" className="welcome-card primary" onClick={props.onCreate}>
          <PlusOutlined aria-hidden="true" />
          <strong>新建年报</strong>
          <span>填写机关名称和年度，从空白报告开始。</span>
        </button>
        <button type="button" className="welcome-card" onClick={props.onRollover}>
          <ForwardOutlined aria-hidden="true" />
          <strong>以上年为基础新建</strong>
          <span>选择上一年度的年报文件，沿用其文字和结转数据。</span>
        </button>
        <button type="button" className="welcome-card" onClick={props.onImport}>
          <ImportOutlined aria-hidden="true" />
          <strong>导入…</strong>
          <span>导入已有的 Word 文档、网页、PDF 或年报文件，也可以把文件拖到这里。</span>
        </button>
        <button type="button" className="welcome-card" onClick={props.onSample}>
          <ReadOutlined aria-hidden="true" />
          <strong>打开示例年报</strong>
          <span>一份填写完整的示例，先看看成品的样子。</span>
        </button>
      </div>
      <p className="muted">
        要检查下级单位已发布的年报？
        <Button type="link" onClick={props.onBatch}>
          批量检查…
        </Button>
      </p>
      {props.trashCount > 0 ? (
        <p className="muted">
          回收站里有 {props.trashCount} 份年报。
          <Button type="link" onClick={props.onTrash}>
            打开回收站
          </Button>
        </p>
      ) : null}
    </section>
  );
}
