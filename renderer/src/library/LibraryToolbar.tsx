import { Button, Space } from 'antd';
// The Input alone: antd's `Input` export brings TextArea, Password, Search, OTP and Group with it
// into the library's first script, which needs none of them (the screens that do load them).
import Input from 'antd/es/input/Input';
import {
  FileSearchOutlined,
  ForwardOutlined,
  ImportOutlined,
  PlusOutlined,
  ReadOutlined,
  RestOutlined,
  SearchOutlined,
} from '@ant-design/icons';

/** The library's actions, its search box and the trash. */
export function LibraryToolbar(props: {
  query: string;
  onQuery(q: string): void;
  trashCount: number;
  onCreate(): void;
  onRollover(): void;
  onImport(): void;
  onBatch(): void;
  onSample(): void;
  onTrash(): void;
}) {
  return (
    <div className="library-toolbar">
      <Space wrap size={8}>
        <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate}>
          新建年报
        </Button>
        <Button icon={<ForwardOutlined />} onClick={props.onRollover}>
          以上年为基础新建
        </Button>
        <Button icon={<ImportOutlined />} onClick={props.onImport}>
          导入…
        </Button>
        <Button icon={<FileSearchOutlined />} onClick={props.onBatch}>
          批量检查…
        </Button>
        <Button icon={<ReadOutlined />} onClick={props.onSample}>
          打开示例年报
        </Button>
      </Space>
      <Space size={8}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden="true" />}
          placeholder="搜索机关、标题或年度"
          aria-label="搜索年报"
          value={props.query}
          onChange={(e) => props.onQuery(e.target.value)}
          style={{ width: 240 }}
        />
        <Button icon={<RestOutlined />} onClick={props.onTrash}>
          回收站{props.trashCount ? `（${props.trashCount}）` : ''}
        </Button>
      </Space>
    </div>
  );
}
