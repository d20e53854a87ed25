"""Reference values for the engine's clustering tests (run: /usr/bin/python3 make_reference.py).

Writes clustering-reference.json beside this script (then run `npx prettier --write` on it): small datasets with scikit-learn's silhouette,
Calinski-Harabasz, Davies-Bouldin, adjusted Rand index, k-means inertia (n_init=10) and Gaussian
mixture log-likelihood / BIC / AIC. The Customers.csv inertia (standard-scaled Age, Annual Income,
Spending Score) is added when ../shared/data/Customers.csv exists next to the repository.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
CUSTOMERS = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data", "Customers.csv")


def r(a):
    return [float(x) for x in np.asarray(a).ravel()]


out = {"sklearnVersion": sklearn.__version__}

# 1. metrics on 300 rows with fixed labels (k-means labels with a few flipped so they are imperfect)
X, _ = make_blobs(n_samples=300, n_features=3, centers=4, cluster_std=1.6, random_state=7)
X = np.round(X, 6)
labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(X)
rng = np.random.RandomState(3)
flip = rng.choice(300, 20, replace=False)
labels[flip] = (labels[flip] + 1) % 4
other = KMeans(n_clusters=3, n_init=10, random_state=1).fit_predict(X)
out["metrics"] = {
    "rows": 300,
    "cols": 3,
    "X": r(X),
    "labels": [int(v) for v in labels],
    "otherLabels": [int(v) for v in other],
    "silhouette": float(silhouette_score(X, labels)),
    "calinskiHarabasz": float(calinski_harabasz_score(X, labels)),
    "daviesBouldin": float(davies_bouldin_score(X, labels)),
    "adjustedRand": float(adjusted_rand_score(labels, other)),
}

# 2. k-means inertia on overlapping blobs (1000×3), k = 2..7, n_init = 10
B, _ = make_blobs(n_samples=1000, n_features=3, centers=5, cluster_std=2.5, random_state=11)
B = np.round(B, 6)
out["kmeansBlobs"] = {
    "rows": 1000,
    "cols": 3,
    "X": r(B),
    "inertiaByK": {
        str(k): float(KMeans(n_clusters=k, n_init=10, random_state=42).fit(B).inertia_) for k in range(2, 8)
    },
}

# 3. Gaussian mixture on the same blobs, k = 5
gm = {}
for cov in ("full", "diag"):
    g = GaussianMixture(n_components=5, covariance_type=cov, n_init=3, random_state=42).fit(B)
    gm[cov] = {
        "meanLogLikelihood": float(g.score(B)),
        "bic": float(g.bic(B)),
        "aic": float(g.aic(B)),
    }
out["gmmBlobs"] = gm

# 3b. DBSCAN labels on the same blobs (exact labels, noise = -1)
from sklearn.cluster import DBSCAN

out["dbscanBlobs"] = {
    "eps": 2.0,
    "minSamples": 8,
    "labels": [int(v) for v in DBSCAN(eps=2.0, min_samples=8).fit_predict(B)],
}

# 4. Customers.csv (optional)
if os.path.exists(CUSTOMERS):
    import pandas as pd

    df = pd.read_csv(CUSTOMERS)
    F = df[["Age", "Annual Income ($)", "Spending Score (1-100)"]].dropna().to_numpy(dtype=float)
    Z = StandardScaler().fit_transform(F)
    out["customers"] = {
        "rows": int(Z.shape[0]),
        "inertiaByK": {
            str(k): float(KMeans(n_clusters=k, n_init=10, random_state=42).fit(Z).inertia_) for k in range(2, 11)
        },
    }

with open(os.path.join(HERE, "clustering-reference.json"), "w") as f:
    json.dump(out, f)
print("wrote clustering-reference.json")
