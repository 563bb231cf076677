import { describe, expect, it } from "vitest";
import type { MapRunCounts, MapRunDescription } from "../src/api/types";
import { parseMapRunArn } from "../src/mapRuns/arn";
import { COUNT_ORDER, countSegments } from "../src/mapRuns/countBar";
import { checkForm, formOf } from "../src/mapRuns/updateForm";

function counts(values: Partial<MapRunCounts>): MapRunCounts {
  const c = { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0, ...values };
  return { ...c, total: values.total ?? c.pending + c.running + c.succeeded + c.failed + c.timedOut + c.aborted };
}

function run(limits: Partial<MapRunDescription> = {}): MapRunDescription {
  return {
    mapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:orders/Fan:1",
    executionArn: "arn:aws:states:us-east-1:123456789012:execution:orders:e",
    status: "RUNNING",
    startDate: 1,
    maxConcurrency: 10,
    toleratedFailureCount: 2,
    toleratedFailurePercentage: 5,
    itemCounts: counts({}),
    executionCounts: counts({}),
    ...limits,
  };
}

describe("parseMapRunArn", () => {
  it("reads the machine, the label and the id, and the ARNs of the parent's and the children's machines", () => {
    const arn = parseMapRunArn("arn:aws:states:eu-west-1:111122223333:mapRun:orders/ProcessItems:6f9b1c2e-aaaa-bbbb-cccc-0123456789ab");
    expect(arn).toEqual({
      partition: "aws",
      region: "eu-west-1",
      account: "111122223333",
      stateMachineName: "orders",
      label: "ProcessItems",
      id: "6f9b1c2e-aaaa-bbbb-cccc-0123456789ab",
      stateMachineArn: "arn:aws:states:eu-west-1:111122223333:stateMachine:orders",
      labelledStateMachineArn: "arn:aws:states:eu-west-1:111122223333:stateMachine:orders/ProcessItems",
    });
  });

  it("takes the id as the label when the Map state has no Label", () => {
    const arn = parseMapRunArn("arn:aws:states:us-east-1:123456789012:mapRun:m/0a1b:0a1b");
    expect(arn?.label).toBe("0a1b");
    expect(arn?.id).toBe("0a1b");
  });

  it("refuses ARNs of other resources and run ARNs without a label", () => {
    expect(parseMapRunArn("arn:aws:states:us-east-1:123456789012:execution:m:e")).toBeUndefined();
    expect(parseMapRunArn("arn:aws:states:us-east-1:123456789012:mapRun:m:e")).toBeUndefined();
    expect(parseMapRunArn("arn:aws:states:us-east-1:123456789012:mapRun:/label:e")).toBeUndefined();
    expect(parseMapRunArn("not an arn")).toBeUndefined();
  });
});

describe("countSegments", () => {
  it("keeps the statuses that have a count, in the bar's order, sized by their share", () => {
    const segments = countSegments(counts({ pending: 1, running: 2, succeeded: 5, failed: 2 }));
    expect(segments.map((s) => s.status)).toEqual(["succeeded", "failed", "running", "pending"]);
    expect(segments.map((s) => s.count)).toEqual([5, 2, 2, 1]);
    expect(segments.map((s) => s.percent)).toEqual([50, 20, 20, 10]);
  });

  it("makes shares that add up to a full bar for awkward totals", () => {
    const segments = countSegments(counts({ succeeded: 1, failed: 1, timedOut: 1 }));
    let sum = 0;
    for (const s of segments) sum += s.percent;
    expect(sum).toBeCloseTo(100, 10);
    expect(segments.map((s) => s.status)).toEqual(COUNT_ORDER.filter((s) => s === "succeeded" || s === "failed" || s === "timedOut"));
  });

  it("draws nothing before any item is counted", () => {
    expect(countSegments(counts({}))).toEqual([]);
  });
});

describe("checkForm", () => {
  it("asks for nothing when no limit changed", () => {
    const current = run();
    expect(checkForm(formOf(current), current)).toEqual({ errors: {} });
  });

  it("sends only the limits that changed, as numbers", () => {
    const current = run();
    const result = checkForm({ ...formOf(current), maxConcurrency: " 25 ", toleratedFailurePercentage: "12.5" }, current);
    expect(result).toEqual({ update: { maxConcurrency: 25, toleratedFailurePercentage: 12.5 }, errors: {} });
  });

  it("names the field and the value for every limit that breaks UpdateMapRun's constraints", () => {
    const current = run();
    const result = checkForm({ maxConcurrency: "-1", toleratedFailureCount: "", toleratedFailurePercentage: "100.5" }, current);
    expect(result.update).toBeUndefined();
    expect(result.errors.maxConcurrency).toBe("MaxConcurrency must be a whole number from 0 to 2147483647, not '-1' (0 means no limit).");
    expect(result.errors.toleratedFailureCount).toBe("ToleratedFailureCount is required.");
    expect(result.errors.toleratedFailurePercentage).toBe("ToleratedFailurePercentage must be at most 100.");
  });

  it("refuses a MaxConcurrency past a 32-bit integer and a fractional failure count", () => {
    const current = run();
    const result = checkForm({ ...formOf(current), maxConcurrency: "2147483648", toleratedFailureCount: "1.5" }, current);
    expect(result.errors.maxConcurrency).toBe("MaxConcurrency must be at most 2147483647 (0 means no limit).");
    expect(result.errors.toleratedFailureCount).toBe("ToleratedFailureCount must be a whole number from 0 to 9007199254740991, not '1.5'.");
  });
});
