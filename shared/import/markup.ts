import { DomHandler, Parser, type Handler } from 'htmlparser2';
import { ImportError, LIMITS } from './errors';

/**
 * HTML and XML parsing with the nesting depth and the number of elements limited *while* parsing.
 * htmlparser2 keeps its open elements in an array it shifts at the front, so each element costs
 * as much as the nesting is deep: a file nested a million levels (a few hundred KB) would take
 * minutes and gigabytes before any later depth check ran. Here the parse stops at the limit with
 * a Chinese message instead. Every reader of markup (HTML pages, every XML part of a .docx) uses
 * these two functions.
 */

/** The DOM node shape the readers walk (htmlparser2's nodes, loosely typed). */
export interface MarkupNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: MarkupNode[];
}

export interface MarkupOptions {
  /** XML (a .docx part) or HTML (a web page). */
  xml: boolean;
  /** What the text is, for the message (“网页”, “Word 文档正文”, “Word 样式表”). */
  what: string;
  maxDepth?: number;
  maxElements?: number;
}

class MarkupLimit extends Error {}

function limitError(o: MarkupOptions, kind: 'depth' | 'elements'): ImportError {
  return kind === 'depth'
    ? new ImportError(
        'corrupt',
        `${o.what}的结构嵌套超过 ${o.maxDepth ?? LIMITS.markupDepth} 层，不是正常的年报文件（可能已损坏或是特意构造的），无法导入。请改用网页版、Word 版或 PDF 版再试。`,
      )
    : new ImportError(
        'too-large',
        `${o.what}包含的元素超过 ${Math.round((o.maxElements ?? LIMITS.markupElements) / 10000)} 万个，远超正常年报，无法导入。请只保存年报正文，或改用其他版本再试。`,
      );
}

/** Counts open elements around any handler and stops the parse at a limit. */
function counting(
  o: MarkupOptions,
  inner: { open(name: string, attribs: Record<string, string>): void; close(): void },
) {
  const maxDepth = o.maxDepth ?? LIMITS.markupDepth;
  const maxElements = o.maxElements ?? LIMITS.markupElements;
  let depth = 0;
  let elements = 0;
  return {
    open(name: string, attribs: Record<string, string>) {
      if (++depth > maxDepth) throw new MarkupLimit('depth');
      if (++elements > maxElements) throw new MarkupLimit('elements');
      inner.open(name, attribs);
    },
    close() {
      depth--;
      inner.close();
    },
  };
}

function run(o: MarkupOptions, parse: () => void): void {
  try {
    parse();
  } catch (e) {
    if (e instanceof MarkupLimit) throw limitError(o, e.message as 'depth' | 'elements');
    throw e;
  }
}

const parserOptions = (o: MarkupOptions) =>
  o.xml
    ? { xmlMode: true, decodeEntities: true }
    : { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

/** DomHandler that counts as it builds (the parser calls these for every element). */
class BoundedDomHandler extends DomHandler {
  constructor(private readonly limits: ReturnType<typeof counting>) {
    super(undefined, { withStartIndices: false, withEndIndices: false });
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    this.limits.open(name, attribs);
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.limits.close();
    super.onclosetag();
  }
}

/** The whole document as a tree (what parseDocument gives), within the limits. */
export function parseMarkup(text: string, o: MarkupOptions): MarkupNode {
  const handler = new BoundedDomHandler(counting(o, { open: () => undefined, close: () => undefined }));
  run(o, () => new Parser(handler, parserOptions(o)).end(text));
  return handler.root as unknown as MarkupNode;
}

/** Streams the document through callbacks (no tree kept), within the limits. */
export function scanMarkup(text: string, callbacks: Partial<Handler>, o: MarkupOptions): void {
  const limits = counting(o, {
    open: (name, attribs) => callbacks.onopentag?.(name, attribs, false),
    close: () => undefined,
  });
  const handler: Partial<Handler> = {
    ...callbacks,
    onopentag: (name, attribs) => limits.open(name, attribs),
    onclosetag: (name, implied) => {
      limits.close();
      callbacks.onclosetag?.(name, implied);
    },
  };
  run(o, () => new Parser(handler, parserOptions(o)).end(text));
}
