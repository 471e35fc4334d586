import { describe, expect, it } from 'vitest';
import {
  SERVICE_ERROR_CODES,
  ServiceError,
  encodeServiceErrorMessage,
  isServiceError,
  toServiceError,
} from '../../../shared/service/errors';
import { createHttpApi, type FetchLike } from '../../../shared/service/http-client';
import { toIpcError } from '../../../electron/main/ipc';

/** One list of error codes, carried unchanged by every transport (HTTP, IPC, the preload's message encoding). */

const answering =
  (code: unknown): FetchLike =>
  async () => ({ status: 200, text: async () => JSON.stringify({ ok: false, error: { message: '出错了', code } }) });

describe('service error codes', () => {
  it('are the seven documented codes', () => {
    expect([...SERVICE_ERROR_CODES].sort()).toEqual(
      ['conflict', 'damaged', 'internal', 'invalid', 'io', 'not_found', 'unsupported'].sort(),
    );
  });

  it.each(SERVICE_ERROR_CODES)('%s survives the HTTP client, the IPC answer and the preload message', async (code) => {
    const http = createHttpApi('', answering(code));
    const e = await http.listReports().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServiceError);
    expect(e).toMatchObject({ code, message: '出错了' });

    expect(toIpcError(new ServiceError('找不到', code))).toEqual({ message: '找不到', code });

    const crossed = new Error(
      `Error invoking remote method 'nianbao:x': Error: ${encodeServiceErrorMessage('找不到', code)}`,
    );
    expect(toServiceError(crossed)).toMatchObject({ code, message: '找不到' });
  });

  it('an unknown code becomes internal everywhere', async () => {
    const e = await createHttpApi('', answering('exploded'))
      .listReports()
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'internal', message: '出错了' });
    expect(toServiceError(new Error('[nianbao:exploded] 坏了')).code).toBe('internal');
    const foreign = Object.assign(new Error('坏了'), { name: 'ServiceError', code: 'exploded' });
    expect(isServiceError(foreign)).toBe(false);
    expect(toIpcError(foreign).code).toBe('internal');
  });

  it('a ServiceError made by another copy of the module (a bundle) keeps its code over IPC', () => {
    const copy = Object.assign(new Error('文件已损坏'), { name: 'ServiceError', code: 'damaged' });
    expect(isServiceError(copy)).toBe(true);
    expect(toIpcError(copy)).toEqual({ message: '文件已损坏', code: 'damaged' });
  });
});
