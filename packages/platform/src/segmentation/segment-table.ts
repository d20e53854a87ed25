/**
 * Segments customers: select the configured features, drop rows missing any of them, scale
 * (population std, as the original), choose k (fixed, or silhouette search with elbow and BIC views),
 * fit k-means / Gaussian mixture / DBSCAN, then profile and label every segment and attach
 * recommendations. Pure: no database; `runSegmentation` persists the outcome.
 */
import {
  buildSegmentProfiles,
  chooseKParallel,
  fitDbscan,
  fitGaussianMixture,
  fitKMeansParallel,
  fitStandardScaler,
  profileSegments,
  recommendForSegments,
  selectRows,
  silhouetteScore,
  suggestEps,
  type ClusterProfile,
  type ChooseKResult,
  type Matrix,
  type SegmentRecommendation,
  type SerializedModel,
  type Table,
} from '@cohortlens/engine';
import { AppError } from '../errors/app-error.js';
import { requireFields } from '../datasets/customer-table.js';

export type SegmentationAlgorithm = 'kmeans' | 'gmm' | 'dbscan';

export interface SegmentTableOptions {
  algorithm: SegmentationAlgorithm;
  /** A fixed number of segments, or 'auto' for the silhouette search over kRange. */
  k: number | 'auto';
  features: readonly string[];
  /** [min, maxExclusive], as the original `silhouette_range`. */
  kRange: readonly [number, number];
  nInit: number;
  maxIterations: number;
  seed: number;
  dbscan: { eps: number; minSamples: number };
  /** Columns described in segment profiles (config `features`); default: every column of the table. */
  profileFeatures?: { numeric: readonly string[]; categorical: readonly string[] };
}

export interface KSelection {
  method: 'fixed' | 'silhouette' | 'density';
  /** Plain-language account of how k was chosen. */
  summary: string;
  candidates: { k: number; silhouette: number | null; inertia: number; bic: number | null }[];
  elbowK: number | null;
  bicK: number | null;
  disagreement: string | null;
}

/** What a fitted segmentation needs to assign new rows: the scaler and the clusterer. */
export interface SegmentationArtifact {
  features: string[];
  scaler: SerializedModel;
  clusterer: SerializedModel;
}

export interface SegmentationOutcome {
  algorithm: SegmentationAlgorithm;
  /** Segments found (DBSCAN noise excluded). */
  k: number;
  /** Mean silhouette on the scaled features (noise rows excluded); null when fewer than 2 segments. */
  silhouette: number | null;
  /** Within-segment sum of squares on the scaled features (k-means' objective, for any algorithm). */
  inertia: number;
  kSelection: KSelection;
  features: string[];
  rowsUsed: number;
  /** Rows left out because a segmentation feature was missing. */
  rowsExcluded: number;
  /** Table row index of every used row, in input order. */
  rowIndices: Int32Array;
  /** Segment per used row (DBSCAN noise = -1). */
  labels: Int32Array;
  profiles: ClusterProfile[];
  recommendations: SegmentRecommendation[];
  artifact: SegmentationArtifact;
  warnings: string[];
}

const SILHOUETTE_SAMPLE = 10_000;
const SEARCH_SAMPLE = 100_000;

export async function segmentTable(table: Table, options: SegmentTableOptions): Promise<SegmentationOutcome> {
  const features = [...options.features];
  requireFields(table, features, 'Segmentation');
  const { matrix: raw, rowIndices } = completeRows(table, features);
  if (rowIndices.length < 3) {
    throw new AppError(
      'SEGMENT_TOO_FEW_ROWS',
      'invalid_input',
      'Segmentation needs at least 3 complete rows',
      {
        details: { rowsUsed: rowIndices.length, features },
      },
    );
  }
  const scaler = fitStandardScaler(raw);
  const X = scaler.transform(raw);
  const warnings: string[] = [];

  const { labels, k, kSelection, clusterer } = await fitClusterer(X, options, warnings);
  const silhouette = k >= 2 ? scoreSilhouette(X, labels, options.seed) : null;
  const profiles = profileSegments(labels, featureTable(table, rowIndices, options.profileFeatures));
  const recommendations = recommend(table, rowIndices, labels, profiles);
  return {
    algorithm: options.algorithm,
    k,
    silhouette,
    inertia: withinSumOfSquares(X, labels),
    kSelection,
    features,
    rowsUsed: rowIndices.length,
    rowsExcluded: table.nRows - rowIndices.length,
    rowIndices,
    labels,
    profiles,
    recommendations,
    artifact: { features, scaler: scaler.toJSON(), clusterer },
    warnings,
  };
}

interface FittedClusterer {
  labels: Int32Array;
  k: number;
  kSelection: KSelection;
  clusterer: SerializedModel;
}

async function fitClusterer(X: Matrix, o: SegmentTableOptions, warnings: string[]): Promise<FittedClusterer> {
  if (o.algorithm === 'dbscan') {
    const model = fitDbscan(X, { eps: o.dbscan.eps, minSamples: o.dbscan.minSamples });
    warnings.push(...model.warnings);
    if (model.nClusters < 2) {
      const hint = suggestEps(X, o.dbscan.minSamples, { seed: o.seed });
      warnings.push(
        `DBSCAN found ${plural(model.nClusters, 'segment')} with eps ${o.dbscan.eps}; the k-distance curve suggests eps ≈ ${hint.eps.toFixed(3)}`,
      );
    }
    return {
      labels: model.labels,
      k: model.nClusters,
      kSelection: {
        method: 'density',
        summary: `DBSCAN with eps ${o.dbscan.eps} and min_samples ${o.dbscan.minSamples}: ${plural(model.nClusters, 'dense segment')}, ${plural(model.nNoise, 'outlier')}`,
        candidates: [],
        elbowK: null,
        bicK: null,
        disagreement: null,
      },
      clusterer: model.toJSON(),
    };
  }

  const kSelection = o.k === 'auto' ? await searchK(X, o) : fixedK(o.k);
  const k = o.k === 'auto' ? kSelection.chosen : o.k;
  if (k > X.rows) {
    throw new AppError(
      'SEGMENT_TOO_FEW_ROWS',
      'invalid_input',
      `Cannot make ${k} segments from ${X.rows} rows`,
      {
        details: { k, rowsUsed: X.rows },
      },
    );
  }
  if (o.algorithm === 'gmm') {
    const model = fitGaussianMixture(X, { nClusters: k, nInit: 1, seed: o.seed });
    warnings.push(...model.warnings);
    return { labels: model.labels, k, kSelection: kSelection.selection, clusterer: model.toJSON() };
  }
  const model =
    kSelection.reusableModel ??
    (await fitKMeansParallel(X, {
      nClusters: k,
      nInit: o.nInit,
      maxIterations: o.maxIterations,
      seed: o.seed,
    }));
  warnings.push(...model.warnings);
  return { labels: model.labels, k, kSelection: kSelection.selection, clusterer: model.toJSON() };
}

function fixedK(k: number): { chosen: number; selection: KSelection; reusableModel?: undefined } {
  return {
    chosen: k,
    selection: {
      method: 'fixed',
      summary: `k = ${k}, fixed by configuration`,
      candidates: [],
      elbowK: null,
      bicK: null,
      disagreement: null,
    },
  };
}

async function searchK(X: Matrix, o: SegmentTableOptions) {
  const [kMin, kMaxExclusive] = o.kRange;
  const kMax = Math.min(kMaxExclusive - 1, Math.floor(X.rows / 2));
  const result: ChooseKResult = await chooseKParallel(X, {
    kMin: Math.min(kMin, kMax),
    kMax,
    seed: o.seed,
    nInit: o.nInit,
    maxIterations: o.maxIterations,
    // Large tables: search k on a seeded subsample, then fit the chosen k on every row.
    searchSampleSize: SEARCH_SAMPLE,
  });
  const selection: KSelection = {
    method: 'silhouette',
    summary:
      `highest silhouette over k = ${Math.min(kMin, kMax)}..${kMax}` +
      (result.searchedRows < X.rows
        ? ` (searched on a sample of ${result.searchedRows.toLocaleString('en-US')} rows)`
        : result.silhouetteSampled
          ? ` (silhouette on a sample of ${SILHOUETTE_SAMPLE.toLocaleString('en-US')} rows)`
          : ''),
    candidates: result.candidates.map((c) => ({
      k: c.k,
      silhouette: Number.isNaN(c.silhouette) ? null : c.silhouette,
      inertia: c.inertia,
      bic: c.bic ?? null,
    })),
    elbowK: result.elbowK,
    bicK: result.bicK ?? null,
    disagreement: result.disagreement ?? null,
  };
  // chooseK's k-means for the winning k used the same restarts and seed: reuse it for k-means.
  const reusableModel = o.algorithm === 'kmeans' ? result.model : undefined;
  return { chosen: result.bestK, selection, reusableModel };
}

/** Rows with every feature present, as a matrix, with their table row indices. */
function completeRows(table: Table, features: readonly string[]): { matrix: Matrix; rowIndices: Int32Array } {
  const columns = features.map((name) => {
    const column = table.columns[name];
    if (column?.type !== 'numeric') {
      throw new AppError(
        'SEGMENT_FEATURE_NOT_NUMERIC',
        'invalid_input',
        `Segmentation feature ${name} must be numeric`,
        {
          details: { feature: name },
        },
      );
    }
    return column.values;
  });
  const keep: number[] = [];
  for (let i = 0; i < table.nRows; i++) {
    if (columns.every((c) => Number.isFinite(c[i]))) keep.push(i);
  }
  const d = columns.length;
  const data = new Float64Array(keep.length * d);
  keep.forEach((row, r) => columns.forEach((c, j) => (data[r * d + j] = c[row])));
  return { matrix: { data, rows: keep.length, cols: d }, rowIndices: Int32Array.from(keep) };
}

function featureTable(table: Table, rowIndices: Int32Array, only?: SegmentTableOptions['profileFeatures']) {
  const numeric: Record<string, Float64Array> = {};
  const categorical: Record<string, (string | null)[]> = {};
  const wanted = only ? new Set([...only.numeric, ...only.categorical]) : undefined;
  for (const name of table.columnNames) {
    const column = table.columns[name];
    if (wanted && !wanted.has(name)) continue;
    if (column.type === 'numeric') numeric[name] = Float64Array.from(rowIndices, (i) => column.values[i]);
    else categorical[name] = Array.from(rowIndices, (i) => column.values[i]);
  }
  return { numeric, categorical };
}

function recommend(
  table: Table,
  rowIndices: Int32Array,
  labels: Int32Array,
  profiles: readonly ClusterProfile[],
): SegmentRecommendation[] {
  const pick = (name: string): Float64Array | undefined => {
    const column = table.columns[name];
    return column?.type === 'numeric' ? Float64Array.from(rowIndices, (i) => column.values[i]) : undefined;
  };
  const labelOf = Object.fromEntries(profiles.map((p) => [p.segment, p.label]));
  const { segments, population } = buildSegmentProfiles(
    labels,
    {
      age: pick('age'),
      annualIncome: pick('annual_income'),
      spendingScore: pick('spending_score'),
      workExperience: pick('work_experience'),
      familySize: pick('family_size'),
    },
    labelOf,
  );
  return recommendForSegments(segments, population);
}

function scoreSilhouette(X: Matrix, labels: Int32Array, seed: number): number | null {
  const kept: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] !== -1) kept.push(i);
  const distinct = new Set(kept.map((i) => labels[i]));
  if (distinct.size < 2 || kept.length <= distinct.size) return null;
  const points = kept.length === labels.length ? X : selectRows(X, kept);
  const keptLabels = kept.length === labels.length ? labels : Int32Array.from(kept, (i) => labels[i]);
  return silhouetteScore(points, keptLabels, { sampleSize: SILHOUETTE_SAMPLE, seed });
}

function withinSumOfSquares(X: Matrix, labels: Int32Array): number {
  const d = X.cols;
  const sums = new Map<number, { n: number; sum: Float64Array; sumSq: number }>();
  for (let i = 0; i < X.rows; i++) {
    const label = labels[i];
    if (label === -1) continue;
    let s = sums.get(label);
    if (!s) sums.set(label, (s = { n: 0, sum: new Float64Array(d), sumSq: 0 }));
    s.n++;
    for (let j = 0; j < d; j++) {
      const v = X.data[i * d + j];
      s.sum[j] += v;
      s.sumSq += v * v;
    }
  }
  let total = 0;
  for (const s of sums.values()) {
    let centreSq = 0;
    for (let j = 0; j < d; j++) centreSq += s.sum[j] * s.sum[j];
    total += s.sumSq - centreSq / s.n;
  }
  return total;
}

const plural = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
