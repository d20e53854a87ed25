# scikit-learn twin of silhouette-100k-sample.bench.ts
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from bench_kit import SEGMENT_FEATURES, data_paths, load_numeric, print_report  # noqa: E402

from sklearn.metrics import silhouette_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

F = load_numeric(data_paths()[0], SEGMENT_FEATURES)
X = StandardScaler().fit_transform(F)
labels = np.minimum(4, np.floor((F[:, 2] - 1) / 20)).astype(int)
t0 = time.perf_counter()
score = silhouette_score(X, labels, sample_size=10000, random_state=42)
t1 = time.perf_counter()
print_report(t1 - t0, {"rows": int(X.shape[0]), "silhouette": float(score)})
