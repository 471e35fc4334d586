import { reservedPart } from '../../shared/export/file-name';
import { stringOption, UsageError, type ParsedArgs } from './args';

/**
 * An option that names a file or folder to write: refused when a part of it is a name Windows
 * reserves for a device (CON, NUL, COM1…), which no file can have there.
 */
export function outputOption(args: ParsedArgs, name: string): string | undefined {
  const v = stringOption(args, name);
  const bad = v === undefined ? null : reservedPart(v);
  if (bad)
    throw new UsageError(
      `--${name} ${v}：“${bad}”是 Windows 保留的设备名（CON、NUL、COM1 等），不能用作文件或文件夹名。请换一个名字。`,
    );
  return v;
}
