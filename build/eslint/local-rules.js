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

export default { rules: { 'disable-needs-reason': disableNeedsReason } };
