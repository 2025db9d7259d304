import type { SopDocument } from '../schemas/generated/sop.types';
import type { ValidationResult } from '../core/validation';

export interface ValidationTimings {
  /** Median milliseconds of one full validation (schema + semantic rules). */
  medianMs: number;
  p90Ms: number;
  samples: number;
  batch: number;
  errors: number;
}

const WARMUP_RUNS = 30;
const SAMPLES = 60;
// Browsers coarsen performance.now() (100 µs in Chromium without isolation),
// so each sample times a batch and divides.
const BATCH = 10;

export function measureValidation(
  validate: (doc: unknown) => ValidationResult,
  doc: SopDocument,
  now: () => number,
): ValidationTimings {
  let errors = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) validate(doc);
  const times: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const started = now();
    for (let b = 0; b < BATCH; b++) errors = validate(doc).diagnostics.filter((d) => d.severity === 'error').length;
    times.push((now() - started) / BATCH);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: round(times[Math.floor(times.length / 2)]!),
    p90Ms: round(times[Math.floor(times.length * 0.9)]!),
    samples: SAMPLES,
    batch: BATCH,
    errors,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

function round(ms: number): number {
  return Math.round(ms * 10000) / 10000;
}
