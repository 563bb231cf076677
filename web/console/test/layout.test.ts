import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import pipeline from "../../../examples/order-pipeline/order-pipeline.asl.json";
import { nodeSize, shortLabel, toElkGraph } from "../src/graph/elkInput";
import { layoutGraph, type PositionedNode } from "../src/graph/layout";
import { buildGraph, type GraphModel } from "../src/graph/model";

const elk = new ELK();

function overlaps(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies inside `outer`. */
function contains(outer: PositionedNode, inner: PositionedNode): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function isAncestor(model: GraphModel, ancestor: string, id: string): boolean {
  for (let node = model.nodes.find((n) => n.id === id); node?.parent !== undefined; node = model.nodes.find((n) => n.id === node!.parent)) {
    if (node.parent === ancestor) return true;
  }
  return false;
}

function assertNoOverlap(model: GraphModel, nodes: PositionedNode[]) {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (isAncestor(model, a.node.id, b.node.id)) {
        expect(contains(a, b), `${a.node.id} holds ${b.node.id}`).toBe(true);
      } else if (isAncestor(model, b.node.id, a.node.id)) {
        expect(contains(b, a), `${b.node.id} holds ${a.node.id}`).toBe(true);
      } else {
        expect(overlaps(a, b), `${a.node.id} overlaps ${b.node.id}`).toBe(false);
      }
    }
  }
}

describe("toElkGraph", () => {
  const model = buildGraph(pipeline);
  const root = toElkGraph(model);

  it("nests containers as compound nodes with edges declared inside them", () => {
    const fulfil = root.children!.find((c) => c.id === "Fulfil")!;
    expect(fulfil.children!.map((c) => c.id)).toEqual(["Fulfil/0", "Fulfil/1"]);
    const map = fulfil.children![0].children!.find((c) => c.id === "Fulfil/0/ReserveLines")!;
    expect(map.children!.map((c) => c.id)).toEqual(["Fulfil/0/ReserveLines/ReserveStock"]);
    expect(root.edges!.some((e) => e.sources[0] === "Fulfil" && e.targets[0] === "Confirm")).toBe(true);
    expect(root.layoutOptions!["elk.hierarchyHandling"]).toBe("INCLUDE_CHILDREN");
  });

  it("sizes leaves from their text and leaves containers to ELK", () => {
    const prepare = root.children!.find((c) => c.id === "PrepareOrder")!;
    expect(prepare.width).toBe(nodeSize(model.nodes.find((n) => n.id === "PrepareOrder")!).width);
    expect(prepare.width!).toBeGreaterThanOrEqual(120);
    expect(root.children!.find((c) => c.id === "Fulfil")!.width).toBeUndefined();
  });

  it("gives labelled edges a label box wide enough for the shortened text", () => {
    const edge = root.edges!.find((e) => e.sources[0] === "RouteByValue" && e.targets[0] === "ApplyGoldDiscount")!;
    expect(edge.labels![0].text).toBe(shortLabel('$.customer.tier == "gold" && $.total >= 100'));
    expect(edge.labels![0].text!.length).toBeLessThanOrEqual(40);
    expect(edge.labels![0].width!).toBeGreaterThan(100);
  });
});

describe("layoutGraph", () => {
  it("places every node of the order pipeline without overlaps, children inside their containers", async () => {
    const model = buildGraph(pipeline);
    const graph = await layoutGraph(model, elk);
    expect(graph.nodes.length).toBe(model.nodes.length);
    assertNoOverlap(model, graph.nodes);
    for (const edge of graph.edges) {
      expect(edge.points.length, edge.edge.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("lays out 120 states with Choice fan-out and catches readably", async () => {
    const states: Record<string, unknown> = {};
    // A long pipeline: every tenth step a Choice that skips ahead, every Task caught by the handler of its block.
    for (let i = 0; i < 120; i++) {
      const next = i === 119 ? undefined : `Step ${i + 1}`;
      const handler = `Step ${Math.min(119, Math.floor(i / 10) * 10 + 9)}`;
      states[`Step ${i}`] =
        i % 10 === 5
          ? { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: i, Next: `Step ${i + 3}` }], Default: next }
          : next
            ? { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: next, Catch: [{ ErrorEquals: ["States.ALL"], Next: handler }] }
            : { Type: "Succeed" };
    }
    const model = buildGraph({ StartAt: "Step 0", States: states });
    const graph = await layoutGraph(model, elk);
    expect(graph.nodes.length).toBe(122);
    assertNoOverlap(model, graph.nodes);
  });
});
