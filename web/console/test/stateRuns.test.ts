import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "../src/api/types";
import { analyseHistory, statusByName, transitionKey } from "../src/execution/stateRuns";

let clock = 1_700_000_000;
/** An event in the API's shape; ids follow the array order, as AWS numbers them. */
function ev(id: number, previousEventId: number, type: string, details?: Record<string, unknown>, detailsKey?: string): HistoryEvent {
  clock += 0.25;
  const event: HistoryEvent = { id, previousEventId, type, timestamp: clock };
  if (details) event[detailsKey ?? `${type[0].toLowerCase()}${type.slice(1)}EventDetails`] = details;
  return event;
}
const entered = (id: number, prev: number, type: string, name: string, input = "{}") =>
  ev(id, prev, `${type}StateEntered`, { name, input, inputDetails: { truncated: false } }, "stateEnteredEventDetails");
const exited = (id: number, prev: number, type: string, name: string, output = "{}") =>
  ev(id, prev, `${type}StateExited`, { name, output, outputDetails: { truncated: false } }, "stateExitedEventDetails");

describe("analyseHistory", () => {
  it("marks a caught task, its handler succeeded, with error, cause and duration", () => {
    const history = [
      ev(1, 0, "ExecutionStarted", { input: "{}" }),
      entered(2, 0, "Task", "Charge"),
      ev(3, 2, "TaskScheduled", { resource: "invoke" }),
      ev(4, 3, "TaskStarted", { resource: "invoke" }),
      ev(5, 4, "TaskFailed", { error: "Card.Declined", cause: "<b>no</b>" }),
      exited(6, 5, "Task", "Charge", '{"e":1}'),
      entered(7, 6, "Pass", "Recover"),
      exited(8, 7, "Pass", "Recover"),
      ev(9, 8, "ExecutionSucceeded", { output: "{}" }),
    ];
    const runs = analyseHistory(history, "SUCCEEDED");
    const [charge] = runs.visitsByName.get("Charge")!;
    expect(charge).toMatchObject({ status: "caught", error: "Card.Declined", cause: "<b>no</b>", attempts: 1, output: '{"e":1}' });
    expect(charge.exitedAt! - charge.enteredAt).toBeCloseTo(1, 5);
    expect(runs.visitsByName.get("Recover")![0].status).toBe("succeeded");
    expect(runs.stateOfEvent.get(5)?.name).toBe("Charge");
    expect([...runs.transitions]).toEqual([transitionKey("Charge", "Recover")]);
    expect(runs.stateOfEvent.has(1)).toBe(false);
  });

  it("counts retries and keeps a task that finally succeeded green", () => {
    const history = [
      entered(2, 0, "Task", "Charge"),
      ev(3, 2, "TaskScheduled", {}),
      ev(4, 3, "TaskFailed", { error: "Throttled" }),
      ev(5, 4, "TaskScheduled", {}),
      ev(6, 5, "TaskFailed", { error: "Throttled" }),
      ev(7, 6, "TaskScheduled", {}),
      ev(8, 7, "TaskSucceeded", { output: "{}" }),
      exited(9, 8, "Task", "Charge"),
    ];
    const [charge] = analyseHistory(history, "SUCCEEDED").visitsByName.get("Charge")!;
    expect(charge.status).toBe("succeeded");
    expect(charge.attempts).toBe(3);
    expect(charge.error).toBe("Throttled");
  });

  it("puts the failure of a Parallel on the Parallel and its Fail state, with the execution's error", () => {
    // The shape AWS records for a Fail state inside a branch (conformance: test_parallel_state_fail).
    const history = [
      ev(1, 0, "ExecutionStarted", { input: "{}" }),
      entered(2, 0, "Parallel", "ParallelState"),
      ev(3, 2, "ParallelStateStarted"),
      entered(4, 3, "Fail", "Branch1"),
      ev(5, 4, "ParallelStateFailed"),
      ev(6, 5, "ExecutionFailed", { error: "FailureType" }),
    ];
    const runs = analyseHistory(history, "FAILED");
    expect(runs.visitsByName.get("ParallelState")![0]).toMatchObject({ status: "failed", error: "FailureType" });
    expect(runs.visitsByName.get("Branch1")![0].status).toBe("failed");
  });

  it("shows a running state as running and an unfinished one of a stopped execution as aborted", () => {
    const history = [entered(2, 0, "Wait", "Pause")];
    expect(analyseHistory(history, "RUNNING").visitsByName.get("Pause")![0].status).toBe("running");
    expect(analyseHistory(history, "ABORTED").visitsByName.get("Pause")![0].status).toBe("aborted");
  });

  it("attributes Map iterations by index even though AWS chains each iteration to the previous one", () => {
    const history = [
      entered(2, 0, "Map", "Items"),
      ev(3, 2, "MapStateStarted", { length: 2 }),
      ev(4, 3, "MapIterationStarted", { index: 0, name: "Items" }),
      entered(5, 4, "Task", "Work"),
      ev(6, 5, "TaskScheduled", {}),
      ev(7, 6, "TaskSucceeded", {}),
      exited(8, 7, "Task", "Work"),
      ev(9, 8, "MapIterationSucceeded", { index: 0, name: "Items" }),
      ev(10, 8, "MapIterationStarted", { index: 1, name: "Items" }),
      entered(11, 10, "Task", "Work"),
      ev(12, 11, "TaskScheduled", {}),
      ev(13, 12, "TaskFailed", { error: "Boom", cause: "bad item" }),
      ev(14, 13, "MapIterationFailed", { index: 1, name: "Items" }),
      ev(15, 14, "MapStateFailed"),
      ev(16, 15, "ExecutionFailed", { error: "Boom", cause: "bad item" }),
    ];
    const inParallel = analyseHistory([entered(1, 0, "Parallel", "Fan"), ...history.map((e) => (e.id === 2 ? { ...e, previousEventId: 1 } : e)), ev(17, 15, "ParallelStateFailed")], "FAILED");
    expect(inParallel.visitsByName.get("Items")![0].status).toBe("failed");
    const runs = analyseHistory(history, "FAILED");
    expect(runs.mapIterations.get("Items")).toBe(2);
    const work = runs.visitsByName.get("Work")!;
    expect(work.map((v) => [v.iteration?.index, v.status])).toEqual([
      [0, "succeeded"],
      [1, "failed"],
    ]);
    expect(work[1].iteration?.outer).toBeUndefined();
    expect(runs.visitsByName.get("Items")![0]).toMatchObject({ status: "failed", error: "Boom" });
    expect(statusByName(runs, new Map([["Items", 0]])).get("Work")).toBe("succeeded");
    expect(statusByName(runs, new Map()).get("Work")).toBe("failed");
  });

  it("reads 10,000 Map iterations (50,000 events) in linear time", () => {
    const history: HistoryEvent[] = [entered(1, 0, "Map", "Items"), ev(2, 1, "MapStateStarted", { length: 10_000 })];
    let last = 2;
    for (let index = 0; index < 10_000; index++) {
      const id = history.length + 1;
      // As AWS chains them: each iteration starts from the last event of the one before.
      history.push(
        ev(id, last, "MapIterationStarted", { index, name: "Items" }),
        entered(id + 1, id, "Pass", "Work"),
        exited(id + 2, id + 1, "Pass", "Work"),
        ev(id + 3, id + 2, "MapIterationSucceeded", { index, name: "Items" }),
      );
      last = id + 2;
    }
    const end = history.length + 1;
    history.push(ev(end, last, "MapStateSucceeded"), exited(end + 1, end, "Map", "Items"));
    const started = performance.now();
    const runs = analyseHistory(history, "SUCCEEDED");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(runs.mapIterations.get("Items")).toBe(10_000);
    expect(runs.visitsByName.get("Work")!.length).toBe(10_000);
    expect(runs.visitsByName.get("Work")![9_999].iteration).toEqual({ map: "Items", index: 9_999, outer: undefined });
    expect(runs.visitsByName.get("Items")![0].exitedEventId).toBe(end + 1);
  });

  it("links a distributed Map's visit to the Map Run its MapRunStarted event names", () => {
    const mapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:m/Fan:1";
    const history = [
      ev(1, 0, "ExecutionStarted", { input: "{}" }),
      entered(2, 0, "Map", "Fan"),
      ev(3, 2, "MapStateStarted", { length: 3 }),
      ev(4, 3, "MapRunStarted", { mapRunArn }),
      ev(5, 4, "MapRunSucceeded"),
      ev(6, 5, "MapStateSucceeded"),
      exited(7, 6, "Map", "Fan"),
      ev(8, 7, "ExecutionSucceeded", { output: "{}" }),
    ];
    const runs = analyseHistory(history, "SUCCEEDED");
    const [fan] = runs.visitsByName.get("Fan")!;
    expect(fan.mapRunArn).toBe(mapRunArn);
    expect(fan.status).toBe("succeeded");
    expect(runs.stateOfEvent.get(4)).toBe(fan);
  });
});
