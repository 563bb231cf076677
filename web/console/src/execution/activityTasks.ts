import type { HistoryEvent } from "../api/types";

/** An activity task an execution has scheduled and no worker has finished: waiting for a worker, or taken by one. */
export interface OpenActivityTask {
  activityArn: string;
  executionArn: string;
  scheduledAt: number;
  /** "pending" until a worker takes it with GetActivityTask, then "started". */
  status: "pending" | "started";
  workerName?: string;
}

const ENDS = new Set(["ActivitySucceeded", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed"]);

/**
 * The activity tasks of one execution that are still open, read from its history (oldest first). AWS's API has no
 * call that lists an activity's pending tasks, so the console derives them from the events every execution records:
 * ActivityScheduled opens a task, ActivityStarted (whose previousEventId is the scheduling event) marks it taken, and
 * ActivitySucceeded/Failed/TimedOut close it (their previousEventId is the start, or the scheduling for a timeout
 * before any worker took it).
 */
export function openActivityTasks(executionArn: string, events: HistoryEvent[]): OpenActivityTask[] {
  const open = new Map<number, OpenActivityTask>();
  const scheduledOfStart = new Map<number, number>();
  for (const event of events) {
    if (event.type === "ActivityScheduled") {
      const details = event.activityScheduledEventDetails as { resource?: string } | undefined;
      open.set(event.id, { activityArn: details?.resource ?? "", executionArn, scheduledAt: event.timestamp, status: "pending" });
    } else if (event.type === "ActivityStarted" && event.previousEventId !== undefined) {
      const task = open.get(event.previousEventId);
      if (task) {
        const details = event.activityStartedEventDetails as { workerName?: string } | undefined;
        task.status = "started";
        task.workerName = details?.workerName;
        scheduledOfStart.set(event.id, event.previousEventId);
      }
    } else if (ENDS.has(event.type) && event.previousEventId !== undefined) {
      open.delete(scheduledOfStart.get(event.previousEventId) ?? event.previousEventId);
    }
  }
  return [...open.values()];
}
