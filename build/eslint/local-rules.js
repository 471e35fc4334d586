// Rules of this project that no plugin offers. Used by eslint.config.js.

/** Every eslint-disable comment says why: `// eslint-disable-next-line rule -- reason`. */
const disableNeedsReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'An eslint-disable comment must give its reason after `--`.' },
    messages: { reason: 'Say why this rule is disabled here: `eslint-disable… {{rules}} -- <reason>`.' },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const d of context.sourceCode.getDisableDirectives().directives) {
          if (!d.type.startsWith('disable') || d.justification?.trim()) continue;
          context.report({ loc: d.node.loc, messageId: 'reason', data: { rules: d.value || '' } });
        }
      },
    };
  },
};

/**
 * A file longer than `max` lines (300) says why in a `Length:` line of its opening comment: a long
 * file is allowed when it is one thing (a table of data, one algorithm), not by accident.
 */
const longFileNeedsReason = {
  meta: {
    type: 'suggestion',
    docs: { description: 'A file over the line limit gives its reason in a `Length:` line of its opening comment.' },
    messages: {
      reason:
        'This file has {{lines}} lines (limit {{max}}): split it into modules named for what they do, or say why it is one thing in a `Length:` line of its opening comment.',
    },
    schema: [{ type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
  },
  create(context) {
    const max = context.options[0]?.max ?? 300;
    return {
      Program(node) {
        const source = context.sourceCode;
        const lines = source.lines.length - (source.lines.at(-1) === '' ? 1 : 0);
        if (lines <= max) return;
        // The opening comments: those before the first statement (or the first 40 lines of an empty file).
        const first = node.body[0]?.range[0] ?? Infinity;
        const opening = source.getAllComments().filter((c) => c.range[0] < first && c.loc.start.line <= 40);
        if (opening.some((c) => /\bLength: \S/.test(c.value))) return;
        context.report({ loc: { line: 1, column: 0 }, messageId: 'reason', data: { lines, max } });
      },
    };
  },
};

export default { rules: { 'disable-needs-reason': disableNeedsReason, 'long-file-needs-reason': longFileNeedsReason } };
