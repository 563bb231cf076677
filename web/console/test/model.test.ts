import { describe, expect, it } from "vitest";
import pipeline from "../../../examples/order-pipeline/order-pipeline.asl.json";
import { choiceRuleLabel } from "../src/graph/choiceLabel";
import { buildGraph, END_ID, START_ID } from "../src/graph/model";

describe("buildGraph", () => {
  const model = buildGraph(pipeline);
  const node = (id: string) => model.nodes.find((n) => n.id === id);
  const edgesFrom = (id: string) => model.edges.filter((e) => e.source === id);

  it("has a node for every state, nested ones under their container", () => {
    expect(node("PrepareOrder")?.parent).toBeUndefined();
    expect(node("Fulfil")?.container).toBe(true);
    expect(node("Fulfil/0")?.kind).toBe("branch");
    expect(node("Fulfil/0")?.parent).toBe("Fulfil");
    expect(node("Fulfil/0/ReserveLines")?.parent).toBe("Fulfil/0");
    expect(node("Fulfil/0/ReserveLines/ReserveStock")?.parent).toBe("Fulfil/0/ReserveLines");
    expect(node("Fulfil/1/ChargeCard")?.parent).toBe("Fulfil/1");
  });

  it("labels Choice edges with their rules and the default", () => {
    const labels = edgesFrom("RouteByValue").map((e) => [e.target, e.kind, e.label]);
    expect(labels).toEqual([
      ["ManualReview", "choice", "$.total > 1000"],
      ["ApplyGoldDiscount", "choice", '$.customer.tier == "gold" && $.total >= 100'],
      ["Fulfil", "default", "Default"],
    ]);
  });

  it("links Start to StartAt and every successful end to End, but not Fail states", () => {
    expect(edgesFrom(START_ID).map((e) => e.target)).toEqual(["PrepareOrder"]);
    const toEnd = model.edges.filter((e) => e.target === END_ID).map((e) => e.source);
    expect(toEnd).toEqual(["Confirm"]);
    expect(node("Rejected")?.terminal).toBe(true);
    expect(node("Rejected")?.detail).toBe("OrderRejected");
  });

  it("marks the retriers of a state and the start of each scope", () => {
    expect(node("Fulfil/1/ChargeCard")?.retry).toEqual([
      { errors: ["Lambda.TooManyRequestsException"], maxAttempts: 3, intervalSeconds: 1, backoffRate: 2 },
    ]);
    expect(node("Fulfil/1/ChargeCard")?.start).toBe(true);
    expect(node("Fulfil/0/ReserveLines/ReserveStock")?.terminal).toBe(true);
    expect(node("ManualReview")?.detail).toBe("lambda:invoke");
  });

  it("keeps edges inside the container of their states", () => {
    const inner = buildGraph({
      StartAt: "P",
      States: {
        P: { Type: "Parallel", End: true, Branches: [{ StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } } }] },
      },
    });
    const edge = inner.edges.find((e) => e.source === "P/0/A");
    expect(edge?.target).toBe("P/0/B");
    expect(edge?.container).toBe("P/0");
  });

  it("draws Catch edges with their error names", () => {
    const graph = buildGraph({
      StartAt: "T",
      States: {
        T: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:1:function:F", Next: "Done", Catch: [{ ErrorEquals: ["States.Timeout", "Custom"], Next: "Recover" }] },
        Recover: { Type: "Pass", End: true },
        Done: { Type: "Succeed" },
      },
    });
    const catchEdge = graph.edges.find((e) => e.kind === "catch");
    expect(catchEdge).toMatchObject({ source: "T", target: "Recover", label: "States.Timeout, Custom" });
    expect(graph.nodes.find((n) => n.id === "T")?.detail).toBe("lambda: F");
  });

  it("skips transitions to states that do not exist instead of throwing", () => {
    const graph = buildGraph({ StartAt: "A", States: { A: { Type: "Pass", Next: "Missing" } } });
    expect(graph.edges.filter((e) => e.source === "A")).toEqual([]);
    expect(buildGraph("not a definition").nodes).toEqual([]);
  });
});

describe("choiceRuleLabel", () => {
  it("writes comparisons, paths, type tests and Not", () => {
    expect(choiceRuleLabel({ Variable: "$.a", StringEquals: "x" })).toBe('$.a == "x"');
    expect(choiceRuleLabel({ Variable: "$.a", NumericLessThanEqualsPath: "$.b" })).toBe("$.a <= $.b");
    expect(choiceRuleLabel({ Variable: "$.a", IsPresent: false })).toBe("$.a is not present");
    expect(choiceRuleLabel({ Not: { Variable: "$.a", BooleanEquals: true } })).toBe("!($.a == true)");
    expect(choiceRuleLabel({ Or: [{ Variable: "$.a", StringMatches: "x*" }, { And: [{ Variable: "$.b", IsNull: true }, { Variable: "$.c", TimestampGreaterThan: "2020" }] }] }))
      .toBe('$.a matches "x*" || ($.b is null && $.c > "2020")');
  });

  it("shows a JSONata Condition without its delimiters", () => {
    expect(choiceRuleLabel({ Condition: "{% $states.input.total > 100 %}", Next: "X" })).toBe("$states.input.total > 100");
  });
});
