"""Reference verdicts for detectDrift: Evidently's default column drift logic re-implemented with
scipy/pandas (evidently legacy stattests at commit a4aa4c2: registry._get_default_stattest, ks_stattest,
chisquare_stattest, z_stattest, wasserstein_distance_norm, jensenshannon_distance), plus the
reference-quantile PSI defined in population-stability-index.ts. Run with /usr/bin/python3.
Writes drift-fixtures.json (data rounded to 3 decimals and stored, so both sides see the same values).
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def z_test(ref, cur):
    if ref.nunique() == 1 and cur.nunique() == 1 and ref.unique()[0] == cur.unique()[0]:
        return 1.0, 0.0
    keys = sorted(set(ref.unique()) | set(cur.unique()))
    key = keys[0]
    r = (ref == key).astype(int)
    c = (cur == key).astype(int)
    n1, n2 = len(r), len(c)
    p1, p2 = r.sum() / n1, c.sum() / n2
    P = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(2 * stats.norm.sf(abs(z))), float(z)


def counts(ref, cur):
    keys = sorted(set(ref.unique()) | set(cur.unique()))
    rc = ref.value_counts()
    cc = cur.value_counts()
    return [float(rc.get(k, 0)) for k in keys], [float(cc.get(k, 0)) for k in keys]


def psi(ref, cur, bins=10):
    ref_sorted = np.sort(ref.values)
    edges = []
    for i in range(1, bins):
        e = float(np.quantile(ref_sorted, i / bins))
        if not edges or edges[-1] != e:
            edges.append(e)
    rc = np.bincount(np.searchsorted(edges, ref.values, side="right"), minlength=len(edges) + 1)
    cc = np.bincount(np.searchsorted(edges, cur.values, side="right"), minlength=len(edges) + 1)

    def shares(c):
        s = c / c.sum()
        mn = s[s > 0].min()
        fill = mn / 1e6 if mn <= 1e-4 else 1e-4
        return np.where(s == 0, fill, s)

    rs, cs = shares(rc), shares(cc)
    return float(np.sum((cs - rs) * np.log(cs / rs)))


def column_drift(ref, cur, numerical):
    ref = ref.replace([np.inf, -np.inf], np.nan).dropna()
    cur = cur.replace([np.inf, -np.inf], np.nan).dropna()
    n_values = pd.concat([ref, cur]).nunique()
    out = {}
    if ref.shape[0] <= 1000:
        if numerical and n_values > 5:
            res = stats.ks_2samp(ref, cur)
            out.update(test="ks", statistic=float(res.statistic), pValue=float(res.pvalue), drift=bool(res.pvalue <= 0.05))
        elif n_values > 2:
            r, c = counts(ref, cur)
            k = sum(c) / sum(r)
            res = stats.chisquare(c, [x * k for x in r])
            out.update(test="chisquare", statistic=float(res.statistic), pValue=float(res.pvalue), drift=bool(res.pvalue < 0.05))
        else:
            p, z = z_test(ref, cur)
            out.update(test="z", statistic=z, pValue=p, drift=bool(p < 0.05))
    else:
        if numerical and n_values > 5:
            w = stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
            out.update(test="wasserstein", statistic=float(w), pValue=None, drift=bool(w >= 0.1))
        else:
            r, c = counts(ref, cur)
            js = distance.jensenshannon(np.array(r) / len(ref), np.array(c) / len(cur))
            out.update(test="jensenshannon", statistic=float(js), pValue=None, drift=bool(js >= 0.1))
    if numerical:
        out["psi"] = psi(ref, cur)
        out["wassersteinNorm"] = float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
    return out


def make(rng, n, shift):
    return {
        "Age": np.round(rng.normal(40 + 8 * shift, 12, n), 3),
        "Income": np.round(rng.lognormal(11 + 0.2 * shift, 0.5, n), 3),
        "FamilySize": rng.choice([1, 2, 3, 4], n, p=[0.2, 0.3, 0.3, 0.2] if shift == 0 else [0.1, 0.2, 0.3, 0.4]).astype(float),
        "Gender": rng.choice(["Female", "Male"], n, p=[0.6, 0.4] if shift == 0 else [0.45, 0.55]).tolist(),
        "Profession": rng.choice(["Artist", "Doctor", "Engineer", "Lawyer"], n, p=[0.3, 0.2, 0.3, 0.2]).tolist(),
        "Flag": rng.choice([0.0, 1.0], n, p=[0.7, 0.3]),
        "CustomerID": np.arange(n, dtype=float),
    }


NUMERICAL = {"Age", "Income", "FamilySize", "Flag", "CustomerID"}
rng = np.random.default_rng(7)
scenarios = []
for name, n_ref, n_cur, shift in [("small-shifted", 400, 300, 1), ("small-same", 600, 500, 0), ("large-shifted", 1500, 1200, 1), ("large-same", 1800, 900, 0)]:
    ref = make(rng, n_ref, 0)
    cur = make(rng, n_cur, shift)
    # a few missing values and infinities, which must be dropped
    ref["Age"][:3] = np.nan
    cur["Income"][:2] = np.inf
    expected = {}
    for col in ref:
        if col == "CustomerID":
            continue
        numerical = col in NUMERICAL
        expected[col] = column_drift(pd.Series(ref[col]), pd.Series(cur[col]), numerical)
    share = sum(v["drift"] for v in expected.values()) / len(expected)
    enc = lambda d: {k: ([None if (isinstance(x, float) and np.isnan(x)) else (("inf" if x > 0 else "-inf") if isinstance(x, float) and np.isinf(x) else x) for x in (v.tolist() if hasattr(v, "tolist") else v)]) for k, v in d.items()}
    scenarios.append({"name": name, "reference": enc(ref), "current": enc(cur), "expected": expected,
                      "driftShare": share, "datasetDrift": bool(share >= 0.5)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift-fixtures.json"), "w") as f:
    json.dump({"numerical": sorted(NUMERICAL), "scenarios": scenarios}, f)
