import { createContext, useContext } from 'react';
import type { NianbaoApi } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';
import type { SaveQueue } from '../logic/save-queue';
import type { Connection } from './connection';

/** What every screen needs: the service, the desktop shell when there is one, the autosave queue. */
export interface Services {
  api: NianbaoApi;
  shell: ShellBridge | null;
  saves: SaveQueue;
  /** Browser mode: whether the local server answers (null in Electron). */
  connection: Connection | null;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}

/** A service error as a sentence for the clerk (the service already writes Chinese messages). */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return '操作没有完成，请重试。如果问题持续，请重新启动程序。';
}
