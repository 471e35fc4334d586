// pdf.js (pdfjs-dist legacy build) as our bundles use it: for text only, in Node. Its modules do
// work at load time that text reading never needs, and that a bundle can leave out:
//   - pdf.mjs requires the native @napi-rs/canvas (a .node library: ~50 ms) to polyfill DOMMatrix,
//     ImageData and Path2D for rendering. We render nothing: DOMMatrix is our own 2-D matrix
//     (electron/services/import/dom-matrix.ts, installed before pdf.js loads), the other two are
//     never used. Without the canvas pdf.js would print "Warning: Cannot polyfill…" on stdout.
//   - pdf.mjs and pdf.worker.mjs polyfill Response.prototype.bytes, and reading `Response` makes
//     Node load its whole fetch implementation (undici, ~20 ms). pdf.js fetches nothing here: the
//     PDF is handed over as bytes, CMaps are read from files.
//   - An embedded TrueType font is parsed, checked and rebuilt as an OpenType font for drawing
//     (Font.checkAndRepair: a third of the time of a typical Chinese report, whose fonts are CID
//     TrueType subsets). For a composite (CID) TrueType font that carries a ToUnicode map, the text
//     pdf.js extracts does not depend on that work: the characters come from ToUnicode (and the
//     fallback map made before and after it), the widths from /W and /DW, the font matrix from the
//     PDF; what checkAndRepair adds — glyph ids for drawing, ascent/descent for the text layer's
//     styles — is not part of a text item. So with font faces disabled (text only, as we always
//     ask) such a font is not rebuilt. Every other font (simple fonts, whose characters may come
//     from the font's own cmap; Type1/CFF, whose encoding may be built in) is read as before.
//   - Flate streams (page contents, fonts, object streams) are inflated through a web
//     DecompressionStream: streams, promises and an async iteration for every stream, a tenth of
//     the reading time. In Node, zlib's inflateSync does the same inflation at once (same format:
//     zlib with header; same output). Whatever it cannot inflate (damaged or cut-off data) takes
//     pdf.js' own way as before: the DecompressionStream, then pdf.js' JavaScript inflater.
//     Streams that could inflate past the reader limits are refused before pdf.js reads the file
//     (shared/import/pdf/stream-guard.ts); inflateSync is capped as well.
//     test/unit/cli/pdfjs-bundle.test.ts compares the bundle's text with unbundled pdf.js.
// Each change is an exact replacement; a pdfjs-dist whose text differs fails the build, so an
// update is looked at instead of silently bundled. Unbundled runs (tests, tsx) load pdf.js as
// shipped, which gives the same text.

const PATCHES = [
  {
    file: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/,
    find: `  let canvas;
  try {
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    try {
      canvas = require("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
  } catch (ex) {
    warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
  }`,
    replace: '  let canvas; // nianbao: text only, no canvas (build/scripts/pdfjs-bundle.mjs)',
  },
  {
    file: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/,
    find: `  if (!globalThis.ImageData) {
    if (canvas?.ImageData) {
      globalThis.ImageData = canvas.ImageData;
    } else {
      warn("Cannot polyfill \`ImageData\`, rendering may be broken.");
    }
  }
  if (!globalThis.Path2D) {
    if (canvas?.Path2D) {
      globalThis.Path2D = canvas.Path2D;
    } else {
      warn("Cannot polyfill \`Path2D\`, rendering may be broken.");
    }
  }`,
    replace: '',
  },
  {
    file: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/,
    find: `        case "CIDFontType2":
          this.mimetype = "font/opentype";
          data = this.checkAndRepair(name, file, properties);`,
    replace: `        case "CIDFontType2":
          this.mimetype = "font/opentype";
          if (this.disableFontFace && properties.composite && properties.hasIncludedToUnicodeMap) {
            data = null; // nianbao: text only (build/scripts/pdfjs-bundle.mjs)
            adjustWidths(properties);
            break;
          }
          data = this.checkAndRepair(name, file, properties);`,
  },
  {
    file: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/,
    find: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();`,
    replace: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    if (name === "deflate" && typeof process === "object" && typeof process.getBuiltinModule === "function") {
      try {
        const inflated = process.getBuiltinModule("zlib").inflateSync(bytes, { maxOutputLength: 256 * 1024 * 1024 });
        return { decompressed: new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength), compressed: bytes };
      } catch {}
    }`,
  },
  {
    file: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.mjs$/,
    find: `if (typeof Response.prototype.bytes !== "function") {`,
    replace: 'if (false) { // nianbao: nothing is fetched (build/scripts/pdfjs-bundle.mjs)',
  },
];

/** The esbuild plugin that applies PATCHES (and checks that each one applied exactly once). */
export function pdfjsTextOnly() {
  return {
    name: 'pdfjs-text-only',
    setup(build) {
      build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.mjs$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        let text = await readFile(args.path, 'utf8');
        for (const p of PATCHES.filter((x) => x.file.test(args.path))) {
          const at = text.indexOf(p.find);
          if (at < 0 || text.indexOf(p.find, at + 1) >= 0)
            throw new Error(
              `pdfjs-bundle.mjs: ${args.path} does not contain the expected text exactly once; check the patch against this pdfjs-dist version:\n${p.find.split('\n')[0]}`,
            );
          text = text.slice(0, at) + p.replace + text.slice(at + p.find.length);
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
}
