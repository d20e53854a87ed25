# scikit-learn twin of random-forest.bench.ts: RandomForestRegressor(n_estimators=100, random_state=42)
import os
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from bench_kit import data_paths, print_report  # noqa: E402

from sklearn.ensemble import RandomForestRegressor  # noqa: E402
from sklearn.metrics import r2_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

NUMERIC = ["Annual Income ($)", "Age", "Work Experience", "Family Size"]
TARGET = "Spending Score (1-100)"

df = pd.read_csv(data_paths()[0])
df = df[pd.to_numeric(df[TARGET], errors="coerce").notna()].reset_index(drop=True)
test = np.arange(len(df)) % 5 == 4
train_df, test_df = df[~test], df[test]

t0 = time.perf_counter()
num = train_df[NUMERIC].apply(pd.to_numeric, errors="coerce")
medians = num.median()
scaler = StandardScaler().fit(num.fillna(medians))
categories = sorted(train_df["Profession"].fillna("Unknown").unique())


def design(part):
    x = scaler.transform(part[NUMERIC].apply(pd.to_numeric, errors="coerce").fillna(medians))
    prof = part["Profession"].fillna("Unknown").to_numpy()
    onehot = (prof[:, None] == np.array(categories)[None, :]).astype(float)
    return np.hstack([x, onehot])


model = RandomForestRegressor(n_estimators=100, random_state=42).fit(design(train_df), train_df[TARGET].to_numpy(float))
pred = model.predict(design(test_df))
t1 = time.perf_counter()
print_report(t1 - t0, {"rows": int(len(df)), "r2": float(r2_score(test_df[TARGET].to_numpy(float), pred))})
