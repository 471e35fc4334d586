import { useCallback, useRef } from 'react';
import type { Report } from '../../../shared/model/types';
import type { Finding, TextSpan } from '../../../shared/checks/types';
import { jumpTo, useJumpRequest, type JumpRequest } from '../hooks/use-jump';
import type { CoverTextTarget } from './FieldFindings';
import { CoverAgencyFields } from './CoverAgencyFields';
import { CoverTitleFields } from './CoverTitleFields';
import { CoverSignatureFields } from './CoverSignatureFields';

/** 封面与落款: who, which year, the title, the opening paragraph, the signature and its date. */

export interface CoverSpanRequest extends JumpRequest {
  span: TextSpan;
}

export function CoverPage(props: {
  report: Report;
  findings: Finding[];
  update(fn: (r: Report) => Report): void;
  /** Replaces top-level fields as one undo step (the buttons). */
  replace(patch: Partial<Report>, label: string): void;
  spanRequest: CoverSpanRequest | null;
  onSpanHandled(): void;
}) {
  const refs = useRef<Partial<Record<CoverTextTarget, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const register = useCallback((target: CoverTextTarget, el: HTMLInputElement | HTMLTextAreaElement | null) => {
    refs.current[target] = el;
  }, []);

  useJumpRequest(
    props.spanRequest,
    (req) => {
      const el = refs.current[req.span.where as CoverTextTarget];
      if (el) jumpTo(el, req.span);
    },
    props.onSpanHandled,
  );

  const fields = {
    report: props.report,
    findings: props.findings,
    update: props.update,
    replace: props.replace,
    register,
  };
  return (
    <div className="cover-form">
      <CoverAgencyFields report={props.report} update={props.update} />
      <CoverTitleFields {...fields} />
      <CoverSignatureFields {...fields} />
    </div>
  );
}
