// The stacked bar of a Map Run's counts: one segment per status that has any, in a fixed order, sized by its share.

import type { MapRunCounts } from "../api/types";

export type CountStatus = "succeeded" | "failed" | "timedOut" | "aborted" | "running" | "pending";

export interface CountSegment {
  status: CountStatus;
  count: number;
  /** The segment's share of the bar, in percent; the segments of a non-empty bar add up to 100. */
  percent: number;
}

/** Finished outcomes first, then the work still going on, so the bar fills from the left as the run progresses. */
export const COUNT_ORDER: readonly CountStatus[] = ["succeeded", "failed", "timedOut", "aborted", "running", "pending"];

export const COUNT_LABELS: Readonly<Record<CountStatus, string>> = {
  succeeded: "Succeeded",
  failed: "Failed",
  timedOut: "Timed out",
  aborted: "Aborted",
  running: "Running",
  pending: "Pending",
};

/** The bar's segments; empty when nothing is counted yet. */
export function countSegments(counts: MapRunCounts): CountSegment[] {
  let sum = 0;
  for (const status of COUNT_ORDER) sum += Math.max(0, counts[status] ?? 0);
  const segments: CountSegment[] = [];
  if (sum === 0) return segments;
  for (const status of COUNT_ORDER) {
    const count = Math.max(0, counts[status] ?? 0);
    if (count > 0) segments.push({ status, count, percent: (count * 100) / sum });
  }
  return segments;
}
