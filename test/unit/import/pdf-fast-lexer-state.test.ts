// The fast PDF reader's lexer and text state (shared/import/pdf/fast), tested on their own: what the
// reader's speed work changed there (keywords found by their bytes, a state copied field by field)
// must name every keyword and copy every field as before. The whole reader against pdf.js:
// pdf-fast.test.ts and pdf-fast-sameness.test.ts.
import { expect, it } from 'vitest';

it('the lexer names every keyword the same, the short ones found by their bytes the second time', async () => {
  const { Cmd, Lexer } = await import('../../../shared/import/pdf/fast/objects');
  // Every operator the reader knows, keywords of one to three letters that share bytes (T* TJ Tj TD
  // Td, f f* F, ' "), and words it never met (read by the slow path once, then by their bytes).
  const words = `q Q cm w J j M d ri i gs m l c v y h re S s f F f* B B* b b* n W W* BT ET Tc Tw Tz TL Tf Tr Ts Td TD Tm T* Tj TJ ' " d0 d1 CS cs SC SCN sc scn G g RG rg K k sh Do MP DP BMC BDC EMC BX EX R obj zz z9 xyz`;
  const expected = words.split(' ');
  for (let round = 0; round < 2; round++) {
    const lx = new Lexer(new TextEncoder().encode(`${words} 12 /Name`));
    const seen: string[] = [];
    for (const _ of expected) {
      const t = lx.object();
      expect(t).toBeInstanceOf(Cmd);
      seen.push((t as InstanceType<typeof Cmd>).cmd);
    }
    expect(seen).toEqual(expected);
    expect(lx.object()).toBe(12);
  }
});

it("a text state's copy (q, forms) has every field of the state and text matrices of its own", async () => {
  const { TextState } = await import('../../../shared/import/pdf/fast/text-state');
  const s = new TextState();
  expect({ ...s }).toEqual({
    ctm: [1, 0, 0, 1, 0, 0],
    fontName: null,
    fontSize: 0,
    font: null,
    textMatrix: [1, 0, 0, 1, 0, 0],
    textLineMatrix: [1, 0, 0, 1, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  });
  Object.assign(s, {
    fontName: 'F1',
    fontSize: 12,
    charSpacing: 1,
    wordSpacing: 2,
    leading: 14,
    textHScale: 0.9,
    textRise: 3,
  });
  s.ctm = [2, 0, 0, 2, 5, 5];
  s.translateTextMatrix(10, 20);
  s.translateTextLineMatrix(1, 2);
  const c = s.clone();
  expect({ ...c }).toEqual({ ...s });
  expect(c.ctm).toBe(s.ctm); // shared, as pdf.js' clone: never changed in place
  c.translateTextMatrix(5, 5);
  c.translateTextLineMatrix(5, 5);
  expect(s.textMatrix).toEqual([1, 0, 0, 1, 10, 20]);
  expect(s.textLineMatrix).toEqual([1, 0, 0, 1, 1, 2]);
  // A fresh state's matrices are its own too.
  new TextState().translateTextMatrix(3, 3);
  expect(new TextState().textMatrix).toEqual([1, 0, 0, 1, 0, 0]);
});

it('the lexer reads every name as its bytes, escapes decoded, wherever it ends', async () => {
  const { Lexer, Name } = await import('../../../shared/import/pdf/fast/objects');
  // Byte by byte, as PDF defines a name: #xx is one byte, any other byte stands for itself.
  const expectedName = (bytes: number[]) => {
    let s = '';
    for (let i = 0; i < bytes.length; i++)
      if (bytes[i] === 0x23) {
        s += String.fromCharCode(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
        i += 2;
      } else s += String.fromCharCode(bytes[i]!);
    return s;
  };
  const ascii = (t: string) => [...t].map((c) => c.charCodeAt(0));
  const names = [
    ascii('F1'),
    ascii('Span'),
    ascii(''),
    ascii('A#20B'),
    ascii('#23x'),
    ascii('Lime#2fGreen#41'),
    [0x46, 0xe9, 0xff, 0x80],
    ascii('x'.repeat(9000)),
    ascii('y'.repeat(9000) + '#41'),
  ];
  for (const after of [' ', '/', '[', '(a)', '<41>', '<<>>', '%c\n', '']) {
    for (const n of names) {
      const bytes = Uint8Array.from([0x2f, ...n, ...ascii(after)]);
      const lx = new Lexer(bytes);
      const t = lx.object();
      expect(t).toBeInstanceOf(Name);
      expect((t as InstanceType<typeof Name>).name).toBe(expectedName(n));
      // The lexer stands just after the name: the next token is what followed it.
      if (after === '/') expect((lx.object() as InstanceType<typeof Name>).name).toBe('');
      if (after === '(a)') expect(String(lx.object())).not.toBe('');
    }
  }
});
