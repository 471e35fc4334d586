import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * When a process of this machine started (ms since 1970), to tell a live holder of the data-folder
 * lock from an unrelated process that reuses its id. Linux reads /proc; macOS asks `ps`, Windows
 * PowerShell (only when another instance's lock is found, never on an ordinary start). null when
 * the system cannot say (the process is then taken to be the holder while it lives).
 */

/** This process's own start, in the same terms. */
export const ownStart = (): number => Math.round(Date.now() - process.uptime() * 1000);

/** Two readings of one start differ by rounding and clock steps; different processes by more. */
export const SAME_START_TOLERANCE_MS = 5000;

function linuxStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count from its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22: start time in clock ticks after boot
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || !btime) return null;
    // USER_HZ is 100 on every Linux the app runs on (x64, arm64).
    return Number(btime) * 1000 + ticks * 10;
  } catch {
    return null;
  }
}

function psStart(pid: number): number | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim();
    const t = Date.parse(out);
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
}

function windowsStart(pid: number): number | null {
  try {
    const out = execFileSync(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `(Get-Process -Id ${pid}).StartTime.ToUniversalTime().ToString('o')`,
      ],
      { encoding: 'utf8', timeout: 15_000, windowsHide: true },
    ).trim();
    const t = Date.parse(out);
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
}

export function processStart(pid: number, platform: string = process.platform): number | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (platform === 'linux') return linuxStart(pid);
  if (platform === 'win32') return windowsStart(pid);
  return psStart(pid);
}
