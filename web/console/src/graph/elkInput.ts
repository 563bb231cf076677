// Turns a GraphModel into ELK's input graph: sizes from the text each node and label shows, containers as compound
// nodes, each edge declared in the container of its ends (ASL transitions never leave their States scope).

import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { GraphModel, GraphNode } from "./model";

/** Width of one character of the 13px sans-serif text the drawing uses; generous so that labels never overflow. */
export const CHAR_WIDTH = 7.4;
export const NODE_HEIGHT = 40;
export const NODE_HEIGHT_WITH_DETAIL = 54;
export const MARKER_SIZE = 44;
/** Room above a container's children for its title. */
export const CONTAINER_HEADER = 30;
export const MAX_LABEL_CHARS = 40;

export function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH);
}

/** An edge label as drawn: long rules are cut, with the whole rule in the tooltip. */
export function shortLabel(text: string): string {
  return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

export function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === "start" || node.kind === "end") {
    return { width: MARKER_SIZE, height: MARKER_SIZE };
  }
  const retryBadge = node.retry.length > 0 ? 24 : 0;
  const text = Math.max(textWidth(node.name) + retryBadge, node.detail ? textWidth(shortLabel(node.detail)) * 0.85 : 0);
  return { width: Math.max(120, Math.ceil(text) + 28), height: node.detail ? NODE_HEIGHT_WITH_DETAIL : NODE_HEIGHT };
}

const ROOT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.spacing.nodeNodeBetweenLayers": "46",
  "elk.spacing.nodeNode": "36",
  "elk.spacing.edgeLabel": "4",
  "elk.spacing.edgeNode": "20",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.edgeLabels.inline": "false",
  // Edge points relative to the root, so drawing needs no per-container offsets for edges.
  "elk.json.edgeCoords": "ROOT",
};

const CONTAINER_OPTIONS: Record<string, string> = {
  "elk.padding": `[top=${CONTAINER_HEADER},left=16,bottom=16,right=16]`,
  "elk.direction": "DOWN",
};

/** The ELK graph of `model`. */
export function toElkGraph(model: GraphModel): ElkNode {
  const root: ElkNode = { id: "__root", layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>();
  for (const node of model.nodes) {
    const elkNode: ElkNode = { id: node.id, labels: [{ text: node.name }] };
    if (node.container) {
      elkNode.children = [];
      elkNode.edges = [];
      elkNode.layoutOptions = { ...CONTAINER_OPTIONS, "elk.nodeSize.minimum": `(${nodeSize(node).width},${NODE_HEIGHT})`, "elk.nodeSize.constraints": "MINIMUM_SIZE" };
    } else {
      Object.assign(elkNode, nodeSize(node));
    }
    elkNodes.set(node.id, elkNode);
  }
  for (const node of model.nodes) {
    const parent = node.parent !== undefined ? elkNodes.get(node.parent) : root;
    (parent ?? root).children!.push(elkNodes.get(node.id)!);
  }
  for (const edge of model.edges) {
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
    if (edge.label) {
      const text = shortLabel(edge.label);
      elkEdge.labels = [{ text, width: textWidth(text) * 0.85 + 8, height: 16 }];
    }
    const container = edge.container !== undefined ? elkNodes.get(edge.container) : root;
    (container ?? root).edges!.push(elkEdge);
  }
  return root;
}
