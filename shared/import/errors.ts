/**
 * Why a file could not be imported. Every reader turns a bad file into one of these, with a
 * Chinese message that says what the file is and what to do; nothing else escapes `importReport`.
 */
export type ImportErrorCode =
  'empty' | 'too-large' | 'unsupported' | 'not-report' | 'encrypted' | 'scanned' | 'corrupt' | 'internal';

/** Marks ImportErrors of every copy of this module (see `Symbol.hasInstance` below). */
const IMPORT_ERROR = Symbol.for('nianbao.ImportError');

export class ImportError extends Error {
  /**
   * `instanceof ImportError` holds for an ImportError of any copy of this module: the CLI runs the
   * importers from a code-cached script of their own (electron/services/import/node-import.ts),
   * beside its bundle's copy, and errors cross between the two (pdf.js' refusals into importReport,
   * importReport's errors to the import worker).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && IMPORT_ERROR in value;
  }

  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly fileName = '',
  ) {
    super(message);
  }
}
Object.defineProperty(ImportError.prototype, IMPORT_ERROR, { value: true });

/** Size limits: a real report is a few MB at most; larger input is refused rather than parsed slowly. */
export const LIMITS = {
  /** Any file. */
  bytes: 60 * 1024 * 1024,
  /** Decoded text of an HTML or text file. */
  textChars: 8 * 1024 * 1024,
  /** Uncompressed document.xml of a .docx. */
  docxXmlChars: 40 * 1024 * 1024,
  /**
   * Zip (.docx) entries, inflated through a byte counter that stops at the cap (the sizes written
   * in the zip are never trusted): the body, any other part (styles, numbering, customXml…), all
   * parts together, and how many entries a package may list.
   */
  zipBodyBytes: 48 * 1024 * 1024,
  zipPartBytes: 8 * 1024 * 1024,
  zipTotalBytes: 80 * 1024 * 1024,
  zipEntries: 5000,
  /** HTML and XML: nesting depth and elements, limited while parsing (markup.ts). */
  markupDepth: 256,
  markupElements: 600_000,
  /**
   * PDF streams that pdf.js inflates to read text (contents, fonts, object streams; not images):
   * one stream, and all of them together (pdf/stream-guard.ts).
   */
  pdfStreamBytes: 64 * 1024 * 1024,
  pdfTotalStreamBytes: 256 * 1024 * 1024,
  /** PDF pages read (reports are 5–30 pages; the rest of a longer file is ignored with a warning). */
  pdfPages: 120,
  /** Text items per PDF page. */
  pdfItemsPerPage: 20000,
  /** Lines kept from any document. */
  lines: 20000,
  /** Characters of one line kept for matching. */
  lineChars: 20000,
  /** Table rows and cells. */
  tableRows: 400,
  tableCols: 64,
} as const;
