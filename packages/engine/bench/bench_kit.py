"""Helpers for the scikit-learn side of a benchmark case (imported by cases/*.py)."""
import json
import resource
import sys

SEGMENT_FEATURES = ["Age", "Annual Income ($)", "Spending Score (1-100)"]


def data_paths():
    return sys.argv[1:]


def load_numeric(path, columns):
    import pandas as pd

    df = pd.read_csv(path, usecols=columns)
    return df[columns].apply(pd.to_numeric, errors="coerce").dropna().to_numpy(dtype=float)


def print_report(compute_seconds, metric):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"computeSeconds": compute_seconds, "peakRssMb": peak_mb, "metric": metric}))
