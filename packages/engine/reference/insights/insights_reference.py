"""Reference values for the insights module (run with /usr/bin/python3; pandas 1.5.3, numpy 1.24).

pandas DataFrame.describe() (std ddof=1, linear quantiles), DataFrame.corr('pearson' / 'spearman')
with pairwise-complete NaN handling, the seed's savings metrics with NaN instead of ±inf, and
numpy.histogram of the savings percent. Writes insights-fixtures.json; tests read it.
"""
import json
import os

import numpy as np
import pandas as pd

rng = np.random.default_rng(11)
n = 240
age = np.round(rng.normal(40, 15, n)).clip(0, 99)
income = np.round(rng.lognormal(11, 0.6, n))
income[:6] = 0  # the public dataset has incomes of 0
spending = np.round(0.4 * (income / 3000) + rng.normal(40, 20, n)).clip(1, 100)
work = rng.integers(0, 17, n).astype(float)
family = rng.integers(1, 9, n).astype(float)
ties = np.round(rng.normal(0, 1, n), 1)  # many ties, for Spearman's average ranks
df = pd.DataFrame({"CustomerID": np.arange(1, n + 1, dtype=float), "Age": age, "Annual Income ($)": income,
                   "Spending Score (1-100)": spending, "Work Experience": work, "Family Size": family, "Ties": ties})
# missing values in different rows of different columns: pairwise-complete matters
df.loc[[3, 17, 40], "Age"] = np.nan
df.loc[[5, 17, 99, 120], "Work Experience"] = np.nan
df.loc[[7, 8], "Family Size"] = np.nan
df.loc[[200], "Annual Income ($)"] = np.nan

cols = [c for c in df.columns if c != "CustomerID"]
describe = df[cols].describe()
pearson = df[cols].corr(method="pearson")
spearman = df[cols].corr(method="spearman")

monthly = df["Annual Income ($)"] / 12
spend = df["Work Experience"] * 1000 + df["Family Size"] * 500
savings = (monthly - spend) / monthly * 100
savings[~(df["Annual Income ($)"] > 0)] = np.nan  # the seed gave ±inf here
valid = savings.dropna().values
counts, edges = np.histogram(valid, bins=12)

def clean(v):
    return None if v is None or (isinstance(v, float) and not np.isfinite(v)) else float(v)

out = {
    "pandas": pd.__version__,
    "columns": {c: [clean(x) for x in df[c].values] for c in df.columns},
    "numericColumns": cols,
    "describe": {c: {k: clean(describe.loc[k, c]) for k in describe.index} for c in cols},
    "pearson": [[clean(x) for x in row] for row in pearson.values],
    "spearman": [[clean(x) for x in row] for row in spearman.values],
    "savingsPercent": [clean(x) for x in savings.values],
    "monthlyIncome": [clean(x) for x in monthly.values],
    "estimatedMonthlySpend": [clean(x) for x in spend.values],
    "histogram": {"bins": 12, "counts": counts.tolist(), "edges": [float(e) for e in edges]},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "insights-fixtures.json"), "w") as f:
    json.dump(out, f)
