import { afterEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../../../renderer/src/api/connection';

/** The page's view of its server: asks again by itself while away, says when a server answers. */
describe('Connection', () => {
  afterEach(() => vi.useRealTimers());

  it('probes every interval while away, stops when back, and tells once', async () => {
    vi.useFakeTimers();
    let up = false;
    const answers: string[] = [];
    // The probe's outcome reaches the connection through the transport, as createHttpApi does.
    const conn: Connection = new Connection(
      async () => conn.report(up ? 'ok' : 'offline'),
      () => answers.push(conn.getState()),
      1000,
    );
    const seen: string[] = [];
    conn.subscribe(() => seen.push(conn.getState()));
    conn.report('ok');
    expect(seen).toEqual([]);
    conn.report('offline');
    await vi.advanceTimersByTimeAsync(3500);
    expect(answers).toEqual([]);
    up = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['offline', 'ok']);
    expect(answers).toEqual(['ok']);
    // Back: no more probes.
    up = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual(['offline', 'ok']);
  });

  it('a server that no longer knows the page is told at once (the autosave then says so)', () => {
    vi.useFakeTimers();
    const answers: string[] = [];
    const conn = new Connection(
      async () => undefined,
      () => answers.push('answer'),
      1000,
    );
    conn.report('offline');
    conn.report('denied');
    conn.report('denied');
    expect(answers).toEqual(['answer']);
  });
});
