"""Reference fixtures for the engine's prediction area (run once; outputs are committed).

1. synthetic-customers-3000.csv: 3,000 customers in the original CSV layout with a real,
   non-linear spending signal (so forests beat a linear model) and a few missing professions.
2. linear-reference.json: scikit-learn LinearRegression / Ridge coefficients on a small design
   matrix, plus a rank-deficient case (one-hot columns with an intercept) compared on predictions.

Usage: /usr/bin/python3 make_fixtures.py   (numpy + scikit-learn; deterministic seeds)
"""
import json
import os

import numpy as np
from sklearn.linear_model import LinearRegression, Ridge

HERE = os.path.dirname(os.path.abspath(__file__))
PROFESSIONS = ["Healthcare", "Engineer", "Lawyer", "Entertainment", "Artist",
               "Executive", "Doctor", "Homemaker", "Marketing"]
EFFECT = dict(zip(PROFESSIONS, [4, -6, 8, -3, 10, -9, 2, 6, -1]))


def synthetic_customers(n, seed):
    rng = np.random.default_rng(seed)
    income = rng.uniform(10_000, 190_000, n).round()
    age = rng.integers(18, 90, n)
    work = np.minimum(rng.integers(0, 18, n), np.maximum(age - 18, 0))
    family = rng.integers(1, 10, n)
    prof = rng.choice(PROFESSIONS, n)
    gender = rng.choice(["Male", "Female"], n)
    effect = np.array([EFFECT[p] for p in prof])
    spending = (50 + 22 * np.sin(income / 25_000) + 0.35 * (age - 50)
                + effect + 6 * (family > 5) * (income > 100_000)
                + rng.normal(0, 7, n))
    spending = np.clip(spending.round(), 1, 100).astype(int)
    prof = prof.astype(object)
    prof[rng.random(n) < 0.015] = ""  # missing professions, as in the real file
    lines = ["CustomerID,Gender,Age,Annual Income ($),Profession,Work Experience,Family Size,Spending Score (1-100)"]
    for i in range(n):
        lines.append(f"{i + 1},{gender[i]},{age[i]},{int(income[i])},{prof[i]},{work[i]},{family[i]},{spending[i]}")
    return "\n".join(lines) + "\n"


def linear_reference():
    rng = np.random.default_rng(7)
    n, p = 200, 5
    X = rng.normal(size=(n, p)) * np.array([1.0, 1000.0, 0.01, 5.0, 1.0]) + np.array([0, 5e4, 3, -2, 0])
    X[:, 4] = 0.7 * X[:, 0] + 0.3 * rng.normal(size=n)  # correlated column
    y = X @ np.array([1.5, 0.002, 40.0, -0.7, 3.0]) + 10 + rng.normal(0, 0.5, n)
    ols = LinearRegression().fit(X, y)
    ridge = Ridge(alpha=2.5).fit(X, y)
    # Rank-deficient: a 3-level one-hot block (sums to 1) plus an intercept.
    levels = rng.integers(0, 3, n)
    onehot = np.eye(3)[levels]
    Xd = np.hstack([X[:, :2], onehot])
    yd = Xd[:, :2] @ np.array([1.0, 0.001]) + onehot @ np.array([3.0, -1.0, 0.5]) + rng.normal(0, 0.1, n)
    deficient = LinearRegression().fit(Xd, yd)
    return {
        "X": X.tolist(), "y": y.tolist(),
        "ols": {"coef": ols.coef_.tolist(), "intercept": float(ols.intercept_)},
        "ridge": {"alpha": 2.5, "coef": ridge.coef_.tolist(), "intercept": float(ridge.intercept_)},
        "deficient": {"X": Xd.tolist(), "y": yd.tolist(), "predictions": deficient.predict(Xd).tolist()},
    }


if __name__ == "__main__":
    with open(os.path.join(HERE, "synthetic-customers-3000.csv"), "w") as f:
        f.write(synthetic_customers(3000, 2024))
    with open(os.path.join(HERE, "linear-reference.json"), "w") as f:
        json.dump(linear_reference(), f)
