import { SCHEMA_VERSION } from './types';

type Doc = Record<string, unknown>;

/**
 * `migrations[v]` turns a version-v document into version v+1. Each step must keep unknown
 * fields. Version 1 is the first published version, so the list is empty today; the first
 * incompatible change adds `migrations[1]` and bumps SCHEMA_VERSION.
 */
export const migrations: Record<number, (doc: Doc) => Doc> = {};

export type MigrationResult = { ok: true; doc: Doc; from: number } | { ok: false; message: string };

export function migrate(
  input: Doc,
  steps: Record<number, (doc: Doc) => Doc> = migrations,
  target = SCHEMA_VERSION,
): MigrationResult {
  const from = input.schemaVersion;
  if (!Number.isInteger(from) || (from as number) < 1) {
    return {
      ok: false,
      message: `文件缺少有效的版本号（schemaVersion 应为正整数，实际为 ${JSON.stringify(from) ?? '缺失'}）。`,
    };
  }
  if ((from as number) > target) {
    return {
      ok: false,
      message: `此文件由更新版本的年报编制助手创建（文件版本 ${from}，本软件支持到 ${target}）。请升级年报编制助手后再打开。`,
    };
  }
  let doc: Doc = JSON.parse(JSON.stringify(input)) as Doc;
  for (let v = from as number; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `无法把文件从版本 ${v} 升级到 ${v + 1}：缺少升级步骤。` };
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, from: from as number };
}
