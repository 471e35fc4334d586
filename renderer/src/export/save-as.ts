import type { NianbaoApi } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';
import type { SaveQueue } from '../logic/save-queue';
import { saveBase64 } from './download';

/**
 * 另存为年报文件 (.nianbao): the saved report as a file to copy to a colleague or keep. Electron
 * shows the save dialog; browser mode downloads it. Returns the sentence to tell the clerk, or
 * null when the dialog was cancelled. Throws the service's error (Chinese) when it failed.
 */
export async function saveReportFileAs(
  deps: { api: NianbaoApi; shell: ShellBridge | null; saves: SaveQueue },
  id: string,
): Promise<string | null> {
  if (!(await deps.saves.flush())) {
    throw new Error(
      `年报还没有保存成功（${deps.saves.getState().error ?? '保存失败'}），暂时不能另存。请先按状态栏的提示解决保存问题。`,
    );
  }
  const file = await deps.api.renderReport(id, 'report');
  const done = await saveBase64(deps.shell, file.name, file.data, file.mime, 'report');
  if (!done) return null;
  return done.download ? `已生成年报文件“${file.name}”，请在浏览器的下载列表中查看。` : `已另存为 ${done.path}`;
}
