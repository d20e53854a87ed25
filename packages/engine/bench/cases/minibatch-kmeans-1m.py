# scikit-learn twin of minibatch-kmeans-1m.bench.ts
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from bench_kit import SEGMENT_FEATURES, data_paths, load_numeric, print_report  # noqa: E402

from sklearn.cluster import MiniBatchKMeans  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

X = StandardScaler().fit_transform(load_numeric(data_paths()[0], SEGMENT_FEATURES))
t0 = time.perf_counter()
model = MiniBatchKMeans(n_clusters=5, batch_size=1024, n_init=3, random_state=42).fit(X)
t1 = time.perf_counter()
inertia = float(-model.score(X))
print_report(t1 - t0, {"rows": int(X.shape[0]), "inertia": inertia, "steps": int(model.n_steps_)})
