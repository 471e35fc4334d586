import type { ShellInvokeName } from '../../shared/service/ipc';
import {
  API_ARG_CHECKS,
  isBase64,
  isPath,
  isPlainObject,
  kindOf,
  type ArgCheck,
} from '../../shared/service/arg-checks';

/**
 * Shape checks of the arguments each channel accepts, before anything reaches the service.
 * The service validates content (a report's schema) itself; this layer only makes sure a
 * compromised or buggy page cannot hand the main process something of the wrong kind or size.
 * A checker returns null when the arguments are fine, else a Chinese message.
 */
type Check = ArgCheck;

/** The API methods' checks live in shared/service (the loopback server uses the same). */
export { API_ARG_CHECKS };

const arity =
  (min: number, max: number = min): Check =>
  (args) =>
    args.length < min || args.length > max
      ? `参数个数不对（应为 ${min === max ? min : `${min}–${max}`} 个，实际 ${args.length} 个）。`
      : null;

function all(...checks: Check[]): Check {
  return (args) => {
    for (const c of checks) {
      const problem = c(args);
      if (problem) return problem;
    }
    return null;
  };
}

const arg =
  (i: number, ok: (v: unknown) => boolean, what: string): Check =>
  (args) =>
    ok(args[i]) ? null : `第 ${i + 1} 个参数应为${what}，实际为${kindOf(args[i])}。`;

const KINDS_PICK = ['report', 'import'];
const KINDS_SAVE = ['report', 'docx', 'html', 'pdf', 'xlsx', 'csv'];

export const SHELL_ARG_CHECKS: Record<ShellInvokeName, Check> = {
  pickFile: all(
    arity(1),
    arg(0, (v) => KINDS_PICK.includes(v as string), '文件类型（report 或 import）'),
  ),
  saveFileAs: all(
    arity(3),
    arg(0, (v) => typeof v === 'string' && v.length <= 255 && !v.includes('\0'), '默认文件名'),
    arg(1, isBase64, 'base64 内容'),
    arg(2, (v) => KINDS_SAVE.includes(v as string), '文件类型（report、docx、html、pdf、xlsx 或 csv）'),
  ),
  pickFolder: all(
    arity(0, 1),
    arg(0, (v) => v === undefined || isPath(v), '文件夹路径'),
  ),
  revealPath: all(arity(1), arg(0, isPath, '文件或文件夹路径')),
  openExternal: all(
    arity(1),
    arg(0, (v) => typeof v === 'string' && v.length <= 2000, '网址'),
  ),
};

export function checkDocumentState(v: unknown): { dirty: boolean; title: string } | null {
  if (!isPlainObject(v) || typeof v.dirty !== 'boolean' || typeof v.title !== 'string') return null;
  return { dirty: v.dirty, title: v.title.slice(0, 200) };
}
