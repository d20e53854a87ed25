/**
 * Solves A z = b for a small dense symmetric system (row-major n × n) by Gaussian elimination
 * with partial pivoting. A near-singular system gets a tiny ridge (1e-10 · mean diagonal) and is
 * solved again, like a least-squares fallback. O(n³); used on the Kernel SHAP and LIME normal
 * equations (n ≤ a few dozen).
 */
export function solveSymmetric(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const first = gauss(A, b, n, 0);
  if (first !== null) return first;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += Math.abs(A[i * n + i]);
  const ridge = Math.max(1e-10 * (trace / Math.max(1, n)), 1e-300);
  return gauss(A, b, n, ridge) ?? new Float64Array(n);
}

function gauss(A: Float64Array, b: Float64Array, n: number, ridge: number): Float64Array | null {
  const m = new Float64Array(A);
  const z = new Float64Array(b);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    m[i * n + i] += ridge;
    scale = Math.max(scale, Math.abs(m[i * n + i]));
  }
  const tiny = 1e-13 * (scale || 1);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[piv * n + c])) piv = r;
    if (Math.abs(m[piv * n + c]) <= tiny) return null;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = m[c * n + k];
        m[c * n + k] = m[piv * n + k];
        m[piv * n + k] = t;
      }
      const t = z[c];
      z[c] = z[piv];
      z[piv] = t;
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c] / m[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
      z[r] -= f * z[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = z[r];
    for (let k = r + 1; k < n; k++) s -= m[r * n + k] * z[k];
    z[r] = s / m[r * n + r];
  }
  return z;
}
