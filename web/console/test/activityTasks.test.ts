import { describe, expect, it } from "vitest";
import { openActivityTasks } from "../src/execution/activityTasks";
import type { HistoryEvent } from "../src/api/types";

const activity = "arn:aws:states:us-east-1:123456789012:activity:review";
const execution = "arn:aws:states:us-east-1:123456789012:execution:m:e";

function scheduled(id: number, resource = activity): HistoryEvent {
  return { id, previousEventId: id - 1, timestamp: 1000 + id, type: "ActivityScheduled", activityScheduledEventDetails: { resource } };
}

describe("openActivityTasks", () => {
  it("lists a scheduled task no worker has taken as pending", () => {
    const tasks = openActivityTasks(execution, [scheduled(3)]);
    expect(tasks).toEqual([{ activityArn: activity, executionArn: execution, scheduledAt: 1003, status: "pending" }]);
  });

  it("marks a task a worker took as started, with the worker's name", () => {
    const tasks = openActivityTasks(execution, [
      scheduled(3),
      { id: 4, previousEventId: 3, timestamp: 1004, type: "ActivityStarted", activityStartedEventDetails: { workerName: "w1" } },
    ]);
    expect(tasks.map((t) => [t.status, t.workerName])).toEqual([["started", "w1"]]);
  });

  it("drops tasks that succeeded after a start or timed out before one", () => {
    const tasks = openActivityTasks(execution, [
      scheduled(3),
      { id: 4, previousEventId: 3, timestamp: 1004, type: "ActivityStarted", activityStartedEventDetails: {} },
      { id: 5, previousEventId: 4, timestamp: 1005, type: "ActivitySucceeded" },
      scheduled(7),
      { id: 8, previousEventId: 7, timestamp: 1008, type: "ActivityTimedOut" },
      scheduled(10, activity + "-other"),
    ]);
    expect(tasks.map((t) => t.activityArn)).toEqual([activity + "-other"]);
  });
});
