import { Low } from 'lowdb';
import { ServiceError, type Settings } from '../../shared/service/api';
import { DurableJsonFile } from './adapters';
import type { StorageFs } from './fs-seam';

const MAX_SETTINGS_BYTES = 1_000_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSettings(value: unknown): { ok: true; value: Settings } | { ok: false; problem: string } {
  return isObject(value)
    ? { ok: true, value: value as Settings }
    : { ok: false, problem: '设置文件的内容应为一个 JSON 对象' };
}

export function openSettings(file: string, fs: StorageFs): Low<Settings> {
  return new Low<Settings>(new DurableJsonFile(file, fs, checkSettings), {});
}

/** Shallow merge; null removes a key (undefined cannot cross JSON transports). */
export function mergeSettings(current: Settings, patch: unknown): Settings {
  if (!isObject(patch)) throw new ServiceError('设置的格式不对：应为“名称: 值”的集合。请刷新后重试。', 'invalid');
  const next: Settings = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  let text: string;
  try {
    text = JSON.stringify(next);
  } catch {
    throw new ServiceError('设置中含有无法保存的值。请刷新后重试。', 'invalid');
  }
  if (text.length > MAX_SETTINGS_BYTES) throw new ServiceError('设置内容过大（超过 1 MB），未保存。', 'invalid');
  return JSON.parse(text) as Settings;
}
