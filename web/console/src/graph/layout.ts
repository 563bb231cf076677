// Runs ELK on the model and flattens its answer into absolute coordinates for drawing.

import type { ElkNode } from "elkjs/lib/elk-api";
import { toElkGraph } from "./elkInput";
import type { GraphEdge, GraphModel, GraphNode } from "./model";

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode {
  node: GraphNode;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Nesting depth: containers are drawn before (under) what they hold. */
  depth: number;
}

export interface PositionedEdge {
  edge: GraphEdge;
  points: Point[];
  label?: { x: number; y: number; width: number; height: number; text: string };
}

export interface PositionedGraph {
  nodes: PositionedNode[];
  edges: PositionedEdge[];
  width: number;
  height: number;
}

/** What layoutGraph needs of an ELK instance (`new ELK()` from elkjs). */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export async function layoutGraph(model: GraphModel, elk: ElkLayouter): Promise<PositionedGraph> {
  const result = await elk.layout(toElkGraph(model));
  const nodesById = new Map(model.nodes.map((n) => [n.id, n]));
  const edgesById = new Map(model.edges.map((e) => [e.id, e]));
  const graph: PositionedGraph = { nodes: [], edges: [], width: result.width ?? 0, height: result.height ?? 0 };

  const visit = (elkNode: ElkNode, offsetX: number, offsetY: number, depth: number) => {
    for (const child of elkNode.children ?? []) {
      const x = offsetX + (child.x ?? 0);
      const y = offsetY + (child.y ?? 0);
      const node = nodesById.get(child.id);
      if (node) {
        graph.nodes.push({ node, x, y, width: child.width ?? 0, height: child.height ?? 0, depth });
      }
      visit(child, x, y, depth + 1);
    }
    for (const elkEdge of elkNode.edges ?? []) {
      const edge = edgesById.get(elkEdge.id);
      if (!edge) continue;
      // Edge coordinates are relative to the root (elk.json.edgeCoords = ROOT).
      const points: Point[] = [];
      for (const section of elkEdge.sections ?? []) {
        points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
      }
      const positioned: PositionedEdge = { edge, points };
      const label = elkEdge.labels?.[0];
      if (label && label.text !== undefined) {
        positioned.label = { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0, text: label.text };
      }
      graph.edges.push(positioned);
    }
  };
  visit(result, 0, 0, 0);
  graph.nodes.sort((a, b) => a.depth - b.depth);
  return graph;
}
