# scikit-learn twin of kmeans-1m.bench.ts
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from bench_kit import SEGMENT_FEATURES, data_paths, load_numeric, print_report  # noqa: E402

from sklearn.cluster import KMeans  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

t0 = time.perf_counter()
X = StandardScaler().fit_transform(load_numeric(data_paths()[0], SEGMENT_FEATURES))
t1 = time.perf_counter()
model = KMeans(n_clusters=5, n_init=10, random_state=42).fit(X)
t2 = time.perf_counter()
print_report(t2 - t1, {"rows": int(X.shape[0]), "inertia": float(model.inertia_), "iterations": int(model.n_iter_), "loadSeconds": t1 - t0})
