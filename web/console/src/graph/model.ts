// The graph model of an ASL definition: states as nodes, transitions as edges, Parallel branches and Map item
// processors as nested containers. Pure data, independent of layout and drawing, so it is unit-tested directly.

import { choiceRuleLabel } from "./choiceLabel";

export type StateType = "Task" | "Pass" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map" | string;

export interface RetrySummary {
  errors: string[];
  maxAttempts: number;
  intervalSeconds: number;
  backoffRate: number;
}

/** A state, a branch of a Parallel state, or the Start/End markers of the machine. */
export interface GraphNode {
  /** Unique within the graph: the path of the state through its containers (`Fulfil/1/ChargeCard`). */
  id: string;
  /** The state's name as written in the definition (or `Start`/`End` for the markers). */
  name: string;
  kind: "state" | "branch" | "start" | "end";
  type?: StateType;
  /** The container node (a Parallel branch or a Map state) holding this node; undefined at the top level. */
  parent?: string;
  /** Whether this node contains other nodes (Parallel state, Parallel branch, Map state). */
  container: boolean;
  /** Ends its scope: `End: true`, Succeed or Fail. */
  terminal: boolean;
  /** Where the state's branch or processor starts. */
  start: boolean;
  retry: RetrySummary[];
  /** A short line under the name: the resource of a Task, the seconds of a Wait, the error of a Fail. */
  detail?: string;
}

export type EdgeKind = "next" | "choice" | "default" | "catch" | "start" | "end";

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Choice rule, `Default`, or the error names of a Catcher. */
  label?: string;
  /** The container both ends live in; undefined at the top level. */
  container?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The node ids of each state name (a name can appear more than once only in an invalid definition). */
  byName: Map<string, string[]>;
}

type Json = unknown;
type JsonObject = Record<string, Json>;

export const START_ID = "__start";
export const END_ID = "__end";

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: Json): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Builds the graph of a parsed definition. Malformed parts are skipped rather than thrown on: the console shows what it can. */
export function buildGraph(definition: Json): GraphModel {
  const model: GraphModel = { nodes: [], edges: [], byName: new Map() };
  if (!isObject(definition)) {
    return model;
  }
  model.nodes.push(marker(START_ID, "Start", "start"));
  const startAt = str(definition.StartAt);
  const terminals = addScope(model, definition, "", undefined);
  if (startAt !== undefined && hasState(definition, startAt)) {
    model.edges.push({ id: `${START_ID}->${startAt}`, source: START_ID, target: startAt, kind: "start" });
  }
  model.nodes.push(marker(END_ID, "End", "end"));
  for (const id of terminals) {
    model.edges.push({ id: `${id}->${END_ID}`, source: id, target: END_ID, kind: "end" });
  }
  return model;
}

function marker(id: string, name: string, kind: "start" | "end"): GraphNode {
  return { id, name, kind, container: false, terminal: false, start: false, retry: [] };
}

function hasState(scope: JsonObject, name: string): boolean {
  return isObject(scope.States) && isObject(scope.States[name]);
}

/**
 * Adds the states of one `States` object under `prefix`, nested in `parent`; returns the ids of the states that end
 * the scope successfully (End or Succeed), which the caller links to its End marker at the top level.
 */
function addScope(model: GraphModel, scope: JsonObject, prefix: string, parent: string | undefined): string[] {
  const terminals: string[] = [];
  const states = scope.States;
  if (!isObject(states)) {
    return terminals;
  }
  const startAt = str(scope.StartAt);
  const idOf = (name: string) => prefix + name;
  for (const [name, raw] of Object.entries(states)) {
    if (!isObject(raw)) {
      continue;
    }
    const type = str(raw.Type) ?? "?";
    const id = idOf(name);
    const ends = raw.End === true || type === "Succeed";
    const node: GraphNode = {
      id,
      name,
      kind: "state",
      type,
      parent,
      container: type === "Parallel" || type === "Map",
      terminal: ends || type === "Fail",
      start: name === startAt,
      retry: retriers(raw.Retry),
      detail: detailOf(type, raw),
    };
    model.nodes.push(node);
    const names = model.byName.get(name);
    if (names) names.push(id);
    else model.byName.set(name, [id]);
    if (ends) {
      terminals.push(id);
    }

    const link = (target: Json, kind: EdgeKind, label?: string) => {
      const targetName = str(target);
      if (targetName === undefined || !isObject(states[targetName])) {
        return;
      }
      const edgeId = `${id}->${idOf(targetName)}#${model.edges.length}`;
      model.edges.push({ id: edgeId, source: id, target: idOf(targetName), kind, label, container: parent });
    };

    if (type === "Choice") {
      const choices = Array.isArray(raw.Choices) ? raw.Choices : [];
      for (const rule of choices) {
        if (isObject(rule)) {
          link(rule.Next, "choice", choiceRuleLabel(rule));
        }
      }
      link(raw.Default, "default", "Default");
    } else {
      link(raw.Next, "next");
    }
    if (Array.isArray(raw.Catch)) {
      for (const catcher of raw.Catch) {
        if (isObject(catcher)) {
          const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.filter((e) => typeof e === "string") : [];
          link(catcher.Next, "catch", errors.join(", "));
        }
      }
    }

    if (type === "Parallel" && Array.isArray(raw.Branches)) {
      raw.Branches.forEach((branch, index) => {
        if (!isObject(branch)) return;
        const branchId = `${id}/${index}`;
        model.nodes.push({
          id: branchId,
          name: `Branch ${index + 1}`,
          kind: "branch",
          parent: id,
          container: true,
          terminal: false,
          start: false,
          retry: [],
        });
        addScope(model, branch, `${branchId}/`, branchId);
      });
    } else if (type === "Map") {
      const processor = isObject(raw.ItemProcessor) ? raw.ItemProcessor : isObject(raw.Iterator) ? raw.Iterator : undefined;
      if (processor) {
        addScope(model, processor, `${id}/`, id);
      }
    }
  }
  return terminals;
}

function retriers(value: Json): RetrySummary[] {
  if (!Array.isArray(value)) return [];
  const result: RetrySummary[] = [];
  for (const r of value) {
    if (!isObject(r)) continue;
    result.push({
      errors: Array.isArray(r.ErrorEquals) ? r.ErrorEquals.filter((e): e is string => typeof e === "string") : [],
      // ASL's defaults (Retry field reference): 3 attempts, 1 second, rate 2.
      maxAttempts: typeof r.MaxAttempts === "number" ? r.MaxAttempts : 3,
      intervalSeconds: typeof r.IntervalSeconds === "number" ? r.IntervalSeconds : 1,
      backoffRate: typeof r.BackoffRate === "number" ? r.BackoffRate : 2,
    });
  }
  return result;
}

function detailOf(type: string, state: JsonObject): string | undefined {
  switch (type) {
    case "Task": {
      const resource = str(state.Resource) ?? "";
      // `arn:aws:states:::lambda:invoke` reads best as its service and action; a function ARN as its name.
      const service = /^arn:[^:]+:states:::(.+)$/.exec(resource);
      if (service) return service[1];
      const fn = /:function:([^:]+)/.exec(resource);
      if (fn) return `lambda: ${fn[1]}`;
      const activity = /:activity:(.+)$/.exec(resource);
      if (activity) return `activity: ${activity[1]}`;
      return resource || undefined;
    }
    case "Wait":
      if (state.Seconds !== undefined) return `${typeof state.Seconds === "string" ? state.Seconds : `${state.Seconds} s`}`;
      if (state.SecondsPath !== undefined) return `${state.SecondsPath}`;
      if (state.Timestamp !== undefined) return `until ${state.Timestamp}`;
      if (state.TimestampPath !== undefined) return `until ${state.TimestampPath}`;
      return undefined;
    case "Fail":
      return str(state.Error) ?? str(state.ErrorPath);
    default:
      return undefined;
  }
}
