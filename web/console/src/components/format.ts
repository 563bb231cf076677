import type { ExecutionStatus } from "../api/types";

export function formatDate(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined) return "";
  return new Date(epochSeconds * 1000).toLocaleString(undefined, { hour12: false });
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export const STATUSES: ExecutionStatus[] = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

/** The part of an ARN after its resource type (`…:stateMachine:Orders` → `Orders`). */
export function shortArn(arn: string): string {
  const parts = arn.split(":");
  return parts.slice(6).join(":") || arn;
}

export function href(page: "state-machine" | "execution" | "map-run", arn: string): string {
  return `#/${page}/${encodeURIComponent(arn)}`;
}
