/** Text as it can appear in a .docx, and as the read-back compares it. */

const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Characters XML 1.0 cannot carry are dropped from the visible text (the embedded copy keeps them). */
export const printableText = (text: string): string => text.replace(INVALID_XML, '');

/**
 * What counts as the same paragraph text: line ends unified, leading and trailing white space
 * (including the ideographic space clerks type for indents) ignored.
 */
export const comparableText = (text: string): string => printableText(text).replace(/\r\n?/g, '\n').trim();
