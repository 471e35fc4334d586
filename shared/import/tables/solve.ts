import type { Cells } from '../../model/types';

/**
 * The joint solver for rows whose numbers could be read in several ways (digits run together).
 * Each such row is a variable whose domain is its possible readings; the table's arithmetic
 * (row totals, column totals, the Table 3 balance, Table 4 group totals, last year's figures) are
 * linear equations over cells. A row keeps a reading only when every assignment of all rows that
 * satisfies every equation gives it that same reading — the cut is then the single one consistent
 * with the whole table. Anything less (several assignments differ, none at all, or the search was
 * too large to finish) leaves the row open and the caller blanks it.
 */

export interface RowVar {
  /** Cell keys of the row, in the order of each reading's values. */
  keys: string[];
  /** Possible readings (each already passing the row's own checks); an empty cell counts 0. */
  domain: (number | null)[][];
}

/** Σ coef · cell + constant = 0. */
export interface Equation {
  terms: { key: string; coef: number }[];
  constant?: number;
  /** Which rule this is (for messages). */
  name?: string;
}

export interface Solution {
  /**
   * 'ok': assignments were found and the search finished; 'none': no assignment satisfies every
   * equation; 'budget': too large to decide.
   */
  status: 'ok' | 'none' | 'budget';
  /** Per variable: the index of its reading when every assignment agrees on it. */
  unique: (number | null)[];
  /** Per variable: the distinct readings seen in assignments (up to a few), for messages. */
  seen: number[][];
  /** Equations that could be evaluated (all their cells known or in a variable). */
  used: number;
}

const EPS = 1e-6;
const MAX_NODES = 300_000;

/**
 * Solves the variables against the equations, with the cells of every other row fixed (`fixed`).
 * A cell printed empty counts 0 (what publishers who leave a cell empty mean, and how their totals
 * add up); a cell of a row not found at all (`missing`) is unknown, and an equation touching one
 * is left out.
 */
export function solveJointly(
  vars: RowVar[],
  fixed: Cells,
  equations: Equation[],
  missing: (key: string) => boolean = () => false,
): Solution {
  const owner = new Map<string, { v: number; pos: number }>();
  vars.forEach((rv, v) => rv.keys.forEach((k, pos) => owner.set(k, { v, pos })));

  // Each usable equation as: constant + Σ contribution(var, option).
  interface Lin {
    constant: number;
    vars: number[];
    /** contrib[j][option] for vars[j]. */
    contrib: number[][];
  }
  const lins: Lin[] = [];
  for (const eq of equations) {
    let constant = eq.constant ?? 0;
    let usable = true;
    const per = new Map<number, { pos: number; coef: number }[]>();
    for (const t of eq.terms) {
      const o = owner.get(t.key);
      if (o) {
        const list = per.get(o.v) ?? [];
        list.push({ pos: o.pos, coef: t.coef });
        per.set(o.v, list);
        continue;
      }
      const val = fixed[t.key];
      if (missing(t.key) || (val !== null && typeof val !== 'number')) {
        usable = false;
        break;
      }
      constant += t.coef * (val ?? 0);
    }
    if (!usable) continue;
    const lin: Lin = { constant, vars: [], contrib: [] };
    for (const [v, parts] of per) {
      lin.vars.push(v);
      lin.contrib.push(
        vars[v]!.domain.map((opt) => {
          let s = 0;
          for (const p of parts) s += p.coef * (opt[p.pos] ?? 0);
          return s;
        }),
      );
    }
    // One without any open row holds or not whatever the cuts (the checks say so).
    if (!lin.vars.length) continue;
    lins.push(lin);
  }

  const n = vars.length;
  const seen: Set<number>[] = vars.map(() => new Set());
  const unique: (number | null)[] = vars.map(() => null);
  if (n === 0) return { status: 'ok', unique, seen: [], used: lins.length };
  if (vars.some((v) => v.domain.length === 0))
    return { status: 'none', unique, seen: vars.map(() => []), used: lins.length };

  // Fewest options first; then the search order fixes, for each equation, where its last variable is.
  const order = vars.map((_, i) => i).sort((a, b) => vars[a]!.domain.length - vars[b]!.domain.length || a - b);
  const rank = new Array<number>(n);
  order.forEach((v, r) => (rank[v] = r));
  // Per equation and depth: the least and most the variables not yet assigned can still add.
  const linsOf: { lin: number; j: number }[][] = vars.map(() => []);
  const restMin: Float64Array[] = [];
  const restMax: Float64Array[] = [];
  lins.forEach((lin, li) => {
    const lo = new Float64Array(n + 1);
    const hi = new Float64Array(n + 1);
    const byRank = new Map<number, number>();
    lin.vars.forEach((v, j) => {
      linsOf[v]!.push({ lin: li, j });
      byRank.set(rank[v]!, j);
    });
    for (let r = n - 1; r >= 0; r--) {
      const j = byRank.get(r);
      let mn = 0;
      let mx = 0;
      if (j !== undefined) {
        mn = Infinity;
        mx = -Infinity;
        for (const c of lin.contrib[j]!) {
          mn = Math.min(mn, c);
          mx = Math.max(mx, c);
        }
      }
      lo[r] = lo[r + 1]! + mn;
      hi[r] = hi[r + 1]! + mx;
    }
    restMin.push(lo);
    restMax.push(hi);
  });

  const partial = new Float64Array(lins.length);
  lins.forEach((l, i) => (partial[i] = l.constant));
  const choice = new Int32Array(n);
  let nodes = 0;
  let solutions = 0;
  let budget = false;
  let settled = 0; // variables that have shown two different readings

  const feasible = (r: number, touched: { lin: number }[]): boolean => {
    for (const { lin } of touched) {
      const lo = partial[lin]! + restMin[lin]![r + 1]!;
      const hi = partial[lin]! + restMax[lin]![r + 1]!;
      if (lo > EPS || hi < -EPS) return false;
    }
    return true;
  };

  const search = (r: number): boolean => {
    if (++nodes > MAX_NODES) {
      budget = true;
      return true;
    }
    if (r === n) {
      solutions++;
      for (let v = 0; v < n; v++) {
        const s = seen[v]!;
        if (!s.has(choice[v]!)) {
          s.add(choice[v]!);
          if (s.size === 2) settled++;
        }
      }
      // Nothing more to learn once every variable has shown two readings.
      return settled === n;
    }
    const v = order[r]!;
    const touched = linsOf[v]!;
    const dom = vars[v]!.domain;
    for (let o = 0; o < dom.length; o++) {
      for (const { lin, j } of touched) partial[lin] = partial[lin]! + lins[lin]!.contrib[j]![o]!;
      choice[v] = o;
      const stop = feasible(r, touched) && search(r + 1);
      for (const { lin, j } of touched) partial[lin] = partial[lin]! - lins[lin]!.contrib[j]![o]!;
      if (stop) return true;
    }
    return false;
  };
  search(0);

  const seenList = seen.map((s) => [...s].slice(0, 4));
  if (budget) return { status: 'budget', unique, seen: seenList, used: lins.length };
  if (solutions === 0) return { status: 'none', unique, seen: seenList, used: lins.length };
  seen.forEach((s, v) => {
    if (s.size === 1) unique[v] = [...s][0]!;
  });
  return { status: 'ok', unique, seen: seenList, used: lins.length };
}
