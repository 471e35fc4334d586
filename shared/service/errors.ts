/**
 * The one list of service error codes and the error every transport carries them in. The HTTP
 * client, the loopback server, the IPC handlers and the preload all take their codes from here.
 */

export const SERVICE_ERROR_CODES = [
  'not_found',
  'invalid',
  'damaged',
  'io',
  'conflict',
  'unsupported',
  'internal',
] as const;

export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export const isServiceErrorCode = (v: unknown): v is ServiceErrorCode =>
  typeof v === 'string' && (SERVICE_ERROR_CODES as readonly string[]).includes(v);

/** An error with a message for the clerk (Chinese) and a machine code. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code: ServiceErrorCode = 'internal',
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * Electron's contextBridge keeps only the `message` of an error that crosses it, so the preload
 * carries the code inside the message as `[nianbao:<code>] <message>`; `toServiceError` turns
 * whatever a transport rejected with back into a ServiceError (use it in the renderer's client).
 */
const CODED = new RegExp(`^\\[nianbao:(${SERVICE_ERROR_CODES.join('|')})\\] ([\\s\\S]*)$`);

export function encodeServiceErrorMessage(message: string, code: ServiceErrorCode): string {
  return `[nianbao:${code}] ${message}`;
}

export function toServiceError(e: unknown): ServiceError {
  if (e instanceof ServiceError) return e;
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : String(e);
  // Electron may prefix the message, e.g. "Error invoking remote method 'x': Error: …".
  const at = raw.indexOf('[nianbao:');
  const m = at >= 0 ? CODED.exec(raw.slice(at)) : null;
  if (m && isServiceErrorCode(m[1])) return new ServiceError(m[2] ?? '', m[1]);
  return new ServiceError(raw || '发生未知错误，请重试。', 'internal');
}

/**
 * A ServiceError, also one made by another copy of this module (a bundle, a worker): the
 * name and a known code identify it.
 */
export function isServiceError(e: unknown): e is ServiceError {
  return (
    e instanceof ServiceError ||
    (e instanceof Error && e.name === 'ServiceError' && isServiceErrorCode((e as { code?: unknown }).code))
  );
}
