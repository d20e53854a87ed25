"""Reference values for the drift statistics (run with /usr/bin/python3; scipy 1.10.1, numpy 1.24).

Writes stats-fixtures.json beside this script. The TypeScript tests read the JSON; they never run Python.
Samples are stored rounded so the JSON stays small; values are recomputed from the stored samples.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

rng = np.random.default_rng(20261122)
out = {"scipy": scipy.__version__, "numpy": np.__version__}


def r(a, nd=3):
    return [float(x) for x in np.round(np.asarray(a, dtype=float), nd)]


# --- special functions -------------------------------------------------------
out["gammaincc"] = [
    {"a": a, "x": x, "q": float(special.gammaincc(a, x)), "p": float(special.gammainc(a, x))}
    for a in [0.5, 1, 1.5, 2, 3.5, 4.5, 10, 24.5, 50, 120]
    for x in [1e-3, 0.1, 0.5, 1, 2, 5, 10, 30, 80, 200]
]
out["erfc"] = [{"x": x, "erfc": float(special.erfc(x))} for x in [-3, -1, -0.3, 0, 1e-5, 0.2, 0.7, 1.5, 3, 6, 10, 25]]
out["normSf"] = [{"z": z, "sf": float(stats.norm.sf(z)), "cdf": float(stats.norm.cdf(z))} for z in [-8, -2, -0.5, 0, 0.3, 1.96, 4, 9]]

# --- Kolmogorov distributions -----------------------------------------------
kstwo = []
for n in [1, 2, 5, 10, 37, 100, 140, 141, 500, 952, 5000, 20000, 150000]:
    for x in [0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3, 0.45, 0.6, 0.9]:
        kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
# points targeting each branch: n*x <= 1, nx^2 near the cut-offs
for n, x in [(50, 0.015), (200, 0.004), (300, 0.0045), (80, 0.097), (80, 0.2236), (1000, 0.0465), (1000, 0.05),
             (1000, 0.012), (1000, 0.02), (3000, 0.027)]:
    kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
out["kstwoSf"] = kstwo
out["smirnov"] = [{"n": n, "x": x, "sf": float(special.smirnov(n, x))}
                  for n in [1, 3, 20, 141, 1000, 40000] for x in [0.001, 0.01, 0.05, 0.2, 0.5, 0.8]]

# --- two-sample KS -------------------------------------------------------------
ks = []
cases = [
    ("equal-n", rng.normal(0, 1, 60), rng.normal(0.3, 1, 60)),
    ("equal-n-same", rng.normal(0, 1, 200), rng.normal(0, 1, 200)),
    ("unequal", rng.normal(0, 1, 105), rng.normal(0.5, 1, 95)),
    ("unequal-ties", rng.integers(0, 12, 300).astype(float), rng.integers(1, 12, 170).astype(float)),
    ("big-exact", rng.normal(0, 1, 1000), rng.normal(0.05, 1.1, 3000)),
    ("tiny", rng.normal(0, 1, 7), rng.normal(2, 1, 5)),
    ("asymp", rng.normal(0, 1, 10050), rng.normal(0.02, 1, 400)),
    ("asymp-shift", rng.normal(0, 1, 300), rng.normal(0.4, 1, 10500)),
]
for name, a, b in cases:
    a = np.round(a, 3)
    b = np.round(b, 3)
    res = stats.ks_2samp(a, b)
    ks.append({"name": name, "a": r(a), "b": r(b), "statistic": float(res.statistic), "pValue": float(res.pvalue)})
out["ks2samp"] = ks

# --- chi-square goodness of fit (Evidently's chi_stat_test shape) ----------------
chi = []
for obs, ref in [([30, 50, 20], [100, 150, 50]), ([5, 9, 13, 40], [25, 25, 25, 25]), ([120, 80, 10, 0, 5], [300, 200, 40, 10, 15])]:
    obs = np.array(obs, dtype=float)
    exp = np.array(ref, dtype=float) * obs.sum() / np.sum(ref)
    res = stats.chisquare(obs, exp)
    chi.append({"observed": obs.tolist(), "reference": ref, "statistic": float(res.statistic), "pValue": float(res.pvalue)})
out["chisquare"] = chi

# --- JS distance, Wasserstein --------------------------------------------------------
out["jensenshannon"] = [
    {"p": p, "q": q, "distance": float(distance.jensenshannon(p, q))}
    for p, q in [([0.2, 0.5, 0.3], [0.1, 0.6, 0.3]), ([0.5, 0.5, 0.0], [0.0, 0.2, 0.8]), ([1, 2, 3, 4], [4, 3, 2, 1])]
]
w = []
for a, b in [(rng.normal(0, 1, 50), rng.normal(0.5, 2, 80)), (rng.exponential(1, 300), rng.exponential(1.3, 120)),
             (rng.integers(0, 5, 40).astype(float), rng.integers(0, 6, 33).astype(float))]:
    a = np.round(a, 3)
    b = np.round(b, 3)
    w.append({"a": r(a), "b": r(b), "distance": float(stats.wasserstein_distance(a, b)), "stdA": float(np.std(a))})
out["wasserstein"] = w

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats-fixtures.json"), "w") as f:
    json.dump(out, f)
