import { countCjk, mainlandQuotes } from './text-utils';

/**
 * Traditional → simplified characters (opencc-js, loaded on first use). Reports from Hong Kong
 * style sites, traditional-character mirrors and 繁體 re-posts are converted as a whole, and only
 * when the text really is traditional: converting simplified text is not always a no-op.
 */

type Convert = (text: string) => string;

/** Traditional forms of characters every report uses many times (政府資訊公開, 報告, 申請, 機關 …). */
const TRADITIONAL =
  /[開關國資訊報們為與這會時發過經條務機構處請數據統計類項總體況問題進實現門網辦號區縣鎮鄉應於對說區際費權議]/;
let converter: Promise<Convert> | null = null;

function load(): Promise<Convert> {
  converter ??= import('opencc-js/t2cn').then((m) => {
    const mod = m as unknown as {
      Converter?: (o: { from: string; to: string }) => Convert;
      default?: { Converter: (o: { from: string; to: string }) => Convert };
    };
    const make = mod.Converter ?? mod.default?.Converter;
    if (!make) throw new Error('opencc-js: Converter missing');
    return make({ from: 't', to: 'cn' });
  });
  return converter;
}

export interface Simplifier {
  /** Whether the document was traditional (then every text goes through `convert`). */
  traditional: boolean;
  convert: Convert;
}

/** Decides on a sample of the document's text whether it is written in traditional characters. */
export async function simplifierFor(sample: string): Promise<Simplifier> {
  const text = sample.length > 60000 ? sample.slice(0, 60000) : sample;
  const cjk = countCjk(text);
  // A report in traditional characters cannot avoid these; without any, converting is not tried.
  if (cjk === 0 || !TRADITIONAL.test(text)) return { traditional: false, convert: mainlandQuotes };
  const convert = await load();
  const out = convert(text);
  let changed = 0;
  const len = Math.min(out.length, text.length);
  for (let i = 0; i < len; i++) if (out.charCodeAt(i) !== text.charCodeAt(i)) changed++;
  const traditional = changed >= 3 && changed / cjk >= 0.02;
  return { traditional, convert: traditional ? (t) => mainlandQuotes(convert(t)) : mainlandQuotes };
}
