"""scikit-learn holdout R² bars for the engine's tree models (outputs forest-reference.json).

Features as the seed's config: numeric annual_income, age, work_experience, family_size (raw —
trees do not care about scaling) + one-hot profession (missing → "Unknown"); target spending score.
Split (identical in the TypeScript tests, no RNG to match): row i is a test row when i % 5 == 4.
Datasets: the committed synthetic fixture, and the real Customers.csv when it is present.

Usage: /usr/bin/python3 forest_reference.py
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data", "Customers.csv")
NUMERIC = ["Annual Income ($)", "Age", "Work Experience", "Family Size"]


def design(df):
    prof = df["Profession"].fillna("Unknown")
    onehot = pd.get_dummies(prof).astype(float)
    X = np.hstack([df[NUMERIC].to_numpy(float), onehot[sorted(onehot.columns)].to_numpy()])
    return X, df["Spending Score (1-100)"].to_numpy(float)


def scores(path):
    df = pd.read_csv(path)
    X, y = design(df)
    test = np.arange(len(y)) % 5 == 4
    out = {"rows": int(len(y)), "testRows": int(test.sum())}
    rf = RandomForestRegressor(n_estimators=100, random_state=42).fit(X[~test], y[~test])
    out["randomForestR2"] = r2_score(y[test], rf.predict(X[test]))
    hgb = HistGradientBoostingRegressor(random_state=42).fit(X[~test], y[~test])
    out["histGradientBoostingR2"] = r2_score(y[test], hgb.predict(X[test]))
    lin = LinearRegression().fit(X[~test], y[~test])
    out["linearR2"] = r2_score(y[test], lin.predict(X[test]))
    return out


if __name__ == "__main__":
    result = {"synthetic": scores(os.path.join(HERE, "synthetic-customers-3000.csv"))}
    if os.path.exists(REAL):
        result["customers"] = scores(REAL)
    with open(os.path.join(HERE, "forest-reference.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
