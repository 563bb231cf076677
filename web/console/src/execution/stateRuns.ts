// What happened to each state of an execution, read from its history: AWS's events link to their cause through
// previousEventId, so every event is attributed to the state (and Map iteration) it belongs to without guessing
// from the order of concurrent branches.

import type { ExecutionStatus, HistoryEvent } from "../api/types";

export type RunStatus = "succeeded" | "failed" | "caught" | "running" | "aborted" | "notReached";

/** The Map iterations an event runs in, innermost first. */
export interface IterationPath {
  map: string;
  index: number;
  outer?: IterationPath;
}

/** One entry of a state into the execution (a state runs more than once in loops and Map iterations). */
export interface StateVisit {
  name: string;
  stateType: string;
  status: RunStatus;
  enteredEventId: number;
  exitedEventId?: number;
  enteredAt: number;
  exitedAt?: number;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Task attempts scheduled (1 + retries). */
  attempts: number;
  iteration?: IterationPath;
  /** The Map Run a distributed Map state started in this visit (its `MapRunStarted` event). */
  mapRunArn?: string;
}

export interface ExecutionRuns {
  visits: StateVisit[];
  visitsByName: Map<string, StateVisit[]>;
  /** Iterations started per Map state name. */
  mapIterations: Map<string, number>;
  /** The state each event belongs to, by event id (none for the execution's own first and last events). */
  stateOfEvent: Map<number, StateVisit>;
  /** The transitions taken, as `from\u0000to` state names: a state entered right after another one exited. */
  transitions: Set<string>;
}

/** The key of a transition in {@link ExecutionRuns.transitions}. */
export function transitionKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

interface EventInfo {
  event: HistoryEvent;
  /** The visit the event belongs to. */
  visit?: StateVisit;
  iteration?: IterationPath;
}

const STATE_EVENT = /^(\w+)State(Entered|Started|Succeeded|Failed|Aborted|Exited)$/;
const SCHEDULED = /Scheduled$/;

/** The `…EventDetails` member of an event, if any. */
export function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const key in event) {
    if (key.endsWith("EventDetails")) {
      const value = event[key];
      if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
    }
  }
  return undefined;
}

/** Reads the history (any order; the API pages it oldest first) of an execution whose status is `status`. */
export function analyseHistory(events: readonly HistoryEvent[], status: ExecutionStatus): ExecutionRuns {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const info = new Map<number, EventInfo>();
  const runs: ExecutionRuns = { visits: [], visitsByName: new Map(), mapIterations: new Map(), stateOfEvent: new Map(), transitions: new Set() };
  const pendingError = new Set<StateVisit>();
  // The latest entry of each Map state: AWS chains iteration N+1 to the last event of iteration N, so an iteration's
  // enclosing iterations are those of its Map state, not of its previous event.
  const mapEntries = new Map<string, EventInfo>();

  for (const event of sorted) {
    const previous = event.previousEventId ? info.get(event.previousEventId) : undefined;
    const details = detailsOf(event);
    const current: EventInfo = { event, visit: previous?.visit, iteration: previous?.iteration };
    const stateEvent = STATE_EVENT.exec(event.type);

    if (stateEvent && stateEvent[2] === "Entered") {
      const name = String(details?.name ?? "");
      const visit: StateVisit = {
        name,
        stateType: stateEvent[1],
        status: "running",
        enteredEventId: event.id,
        enteredAt: event.timestamp,
        input: details?.input as string | undefined,
        attempts: 0,
        iteration: previous?.iteration,
      };
      runs.visits.push(visit);
      if (previous && /StateExited$/.test(previous.event.type) && previous.visit) {
        runs.transitions.add(transitionKey(previous.visit.name, name));
      }
      const list = runs.visitsByName.get(name);
      if (list) list.push(visit);
      else runs.visitsByName.set(name, [visit]);
      current.visit = visit;
      if (stateEvent[1] === "Map") mapEntries.set(name, current);
    } else if (stateEvent) {
      // A Map's or Parallel's own events follow the last event of its children: walk back to the state itself.
      const owner = findEntered(info, event.previousEventId, `${stateEvent[1]}StateEntered`, details?.name as string | undefined);
      if (owner) {
        current.visit = owner.visit;
        current.iteration = owner.iteration;
      }
      // MapStateFailed and ParallelStateFailed carry no error (the execution's failure does): the state still failed.
      if (stateEvent[2] === "Failed" && current.visit) pendingError.add(current.visit);
      if (stateEvent[2] === "Exited" && current.visit) {
        const visit = current.visit;
        visit.exitedEventId = event.id;
        visit.exitedAt = event.timestamp;
        visit.output = details?.output as string | undefined;
        visit.status = pendingError.has(visit) ? "caught" : "succeeded";
        pendingError.delete(visit);
      }
    } else if (event.type === "MapIterationStarted") {
      const map = String(details?.name ?? "");
      const index = Number(details?.index ?? 0);
      const entry = mapEntries.get(map);
      current.visit = entry?.visit;
      current.iteration = { map, index, outer: entry?.iteration };
      runs.mapIterations.set(map, Math.max(runs.mapIterations.get(map) ?? 0, index + 1));
    } else if (event.type === "MapRunStarted" && current.visit) {
      current.visit.mapRunArn = details?.mapRunArn as string | undefined;
    } else if (current.visit) {
      if (SCHEDULED.test(event.type)) {
        current.visit.attempts++;
        pendingError.delete(current.visit);
      }
    }

    if (current.visit && details && typeof details.error === "string") {
      current.visit.error = details.error;
      current.visit.cause = typeof details.cause === "string" ? details.cause : undefined;
      pendingError.add(current.visit);
    }
    info.set(event.id, current);
    if (current.visit) runs.stateOfEvent.set(event.id, current.visit);
  }

  const ended = status !== "RUNNING";
  for (const visit of runs.visits) {
    if (visit.status !== "running") continue;
    if (pendingError.has(visit) || visit.stateType === "Fail") visit.status = "failed";
    else if (ended) visit.status = status === "SUCCEEDED" ? "succeeded" : "aborted";
  }
  return runs;
}

function findEntered(info: Map<number, EventInfo>, from: number | undefined, type: string, name: string | undefined): EventInfo | undefined {
  for (let id = from; id; ) {
    const entry = info.get(id);
    if (!entry) return undefined;
    if (entry.event.type === type && (name === undefined || entry.visit?.name === name) && entry.visit?.enteredEventId === id) {
      return entry;
    }
    id = entry.event.previousEventId;
  }
  return undefined;
}

const PRIORITY: RunStatus[] = ["failed", "running", "caught", "aborted", "succeeded", "notReached"];

/** The colour of a state over several visits: the most telling status wins (a failure over a success). */
export function combinedStatus(visits: readonly StateVisit[]): RunStatus {
  let best: RunStatus = "notReached";
  for (const visit of visits) {
    if (PRIORITY.indexOf(visit.status) < PRIORITY.indexOf(best)) best = visit.status;
  }
  return best;
}

/** Whether a visit ran in the chosen iteration of every Map named in `selected` that it ran in. */
export function inIterations(visit: StateVisit, selected: ReadonlyMap<string, number>): boolean {
  for (let path = visit.iteration; path; path = path.outer) {
    const index = selected.get(path.map);
    if (index !== undefined && index !== path.index) return false;
  }
  return true;
}

/** The status of every state name, counting only the visits in the selected Map iterations. */
export function statusByName(runs: ExecutionRuns, selected: ReadonlyMap<string, number>): Map<string, RunStatus> {
  const result = new Map<string, RunStatus>();
  for (const [name, visits] of runs.visitsByName) {
    result.set(name, combinedStatus(visits.filter((v) => inIterations(v, selected))));
  }
  return result;
}
