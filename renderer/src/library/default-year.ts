/**
 * The year a new report is most likely for. The report covers a calendar year and is due by 31
 * January of the next: from January to November the clerk writes last year's report; in December
 * the drafting of this year's begins (the figures are finished in January).
 */
export const defaultReportYear = (now = new Date()) =>
  now.getMonth() === 11 ? now.getFullYear() : now.getFullYear() - 1;
