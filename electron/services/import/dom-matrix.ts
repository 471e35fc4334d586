/**
 * A 2-D DOMMatrix for pdf.js in the Electron main process. pdf.js builds a DOMMatrix when its module
 * loads and polyfills it from @napi-rs/canvas when it can; the packaged app has no node_modules
 * (and no native canvas), so text extraction gets this pure affine matrix instead. Only the
 * operations pdf.js uses are provided; rendering to a canvas is never done in the main process.
 */
type Init = number[] | { a: number; b: number; c: number; d: number; e: number; f: number };

export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: Init) {
    if (Array.isArray(init) && init.length >= 6)
      [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
    else if (init && !Array.isArray(init))
      ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = init);
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  /** this = this × m */
  multiplySelf(m: Init = []): this {
    const o = new AffineMatrix(m);
    return this.set(
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    );
  }

  /** this = m × this */
  preMultiplySelf(m: Init = []): this {
    const o = new AffineMatrix(m);
    const r = o.multiplySelf(this);
    return this.set(r.a, r.b, r.c, r.d, r.e, r.f);
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }

  multiply(m?: Init) {
    return new AffineMatrix(this).multiplySelf(m);
  }
  translate(x?: number, y?: number) {
    return new AffineMatrix(this).translateSelf(x, y);
  }
  scale(sx?: number, sy?: number) {
    return new AffineMatrix(this).scaleSelf(sx, sy);
  }
  inverse() {
    return new AffineMatrix(this).invertSelf();
  }
  transformPoint(p: { x?: number; y?: number } = {}) {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

/** Installs the matrix as globalThis.DOMMatrix when the runtime has none. */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= AffineMatrix;
}
