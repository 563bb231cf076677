import { useState } from "react";
import { CodeView, prettyJson } from "../components/CodeView";
import { formatDuration, href } from "../components/format";
import { VirtualList } from "../components/VirtualList";
import { combinedStatus, inIterations, type ExecutionRuns, type RunStatus, type StateVisit } from "../execution/stateRuns";
import type { GraphNode } from "../graph/model";

interface Props {
  node: GraphNode;
  runs: ExecutionRuns;
  iterations: ReadonlyMap<string, number>;
  onIteration: (map: string, index: number | undefined) => void;
  onClose: () => void;
}

/** A state's visits (input, output, error, cause, retries, duration) and, for a Map, its iterations by index. */
export function StatePanel({ node, runs, iterations, onIteration, onClose }: Props) {
  const visits = (runs.visitsByName.get(node.name) ?? []).filter((v) => inIterations(v, iterations));
  const [index, setIndex] = useState(0);
  const visit: StateVisit | undefined = visits[Math.min(index, visits.length - 1)];
  return (
    <div data-testid="state-details">
      <div className="page-head">
        <h2>{node.name}</h2>
        <span className="pill">{node.type}</span>
        <button type="button" onClick={onClose} aria-label="Close">×</button>
      </div>
      {node.retry.length > 0 && (
        <p className="muted">Retry: {node.retry.map((r) => `${r.errors.join(", ")} up to ${r.maxAttempts} times (${r.intervalSeconds} s × ${r.backoffRate})`).join("; ")}</p>
      )}
      {node.type === "Map" && <MapIterations name={node.name} runs={runs} selected={iterations.get(node.name)} onSelect={(i) => onIteration(node.name, i)} />}
      {visits.length === 0 && <p className="muted">Not reached{iterations.size ? " in the selected iteration" : ""}.</p>}
      {visits.length > 1 && (
        <div className="filters">
          <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>‹</button>
          <span>Visit {Math.min(index, visits.length - 1) + 1} of {visits.length}</span>
          <button type="button" disabled={index >= visits.length - 1} onClick={() => setIndex(index + 1)}>›</button>
        </div>
      )}
      {visit && (
        <div>
          <dl className="facts">
            <dt>Status</dt><dd><span className={`status status-${visit.status}`} data-testid="state-status">{visit.status}</span></dd>
            {visit.iteration && (<><dt>Iteration</dt><dd>{visit.iteration.map} #{visit.iteration.index}</dd></>)}
            {visit.mapRunArn !== undefined && (<><dt>Map Run</dt><dd><a href={href("map-run", visit.mapRunArn)} data-testid="state-map-run">View Map Run</a></dd></>)}
            {visit.exitedAt !== undefined && (<><dt>Duration</dt><dd>{formatDuration(visit.exitedAt - visit.enteredAt)}</dd></>)}
            {visit.attempts > 1 && (<><dt>Retries</dt><dd>{visit.attempts - 1}</dd></>)}
            {visit.error !== undefined && (<><dt>Error</dt><dd className="mono failure" data-testid="state-error">{visit.error}</dd></>)}
            {visit.cause !== undefined && (<><dt>Cause</dt><dd className="mono failure" data-testid="state-cause">{visit.cause}</dd></>)}
          </dl>
          <h3>Input</h3>
          <CodeView text={prettyJson(visit.input)} language="json" />
          {visit.output !== undefined && (<><h3>Output</h3><CodeView text={prettyJson(visit.output)} language="json" /></>)}
        </div>
      )}
    </div>
  );
}

function MapIterations({ name, runs, selected, onSelect }: { name: string; runs: ExecutionRuns; selected?: number; onSelect: (index: number | undefined) => void }) {
  const count = runs.mapIterations.get(name) ?? 0;
  const statuses = iterationStatuses(name, runs, count);
  const [jump, setJump] = useState("");
  if (count === 0) return null;
  return (
    <div className="iterations">
      <h3>Iterations ({count})</h3>
      <div className="filters">
        <button type="button" className={selected === undefined ? "active" : ""} onClick={() => onSelect(undefined)}>All</button>
        <input
          type="number"
          min={0}
          max={count - 1}
          placeholder="index"
          value={jump}
          onChange={(e) => setJump(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && jump !== "" && onSelect(Math.max(0, Math.min(count - 1, Number(jump))))}
          aria-label="Iteration index"
        />
      </div>
      <VirtualList
        items={statuses}
        rowHeight={24}
        height={180}
        testId="iterations"
        render={(status, i) => (
          <button type="button" className={`iteration status-${status}${selected === i ? " active" : ""}`} onClick={() => onSelect(i)}>
            #{i} · {status}
          </button>
        )}
      />
    </div>
  );
}

/** The status of each iteration of a Map: the most telling status of the states it ran. */
function iterationStatuses(map: string, runs: ExecutionRuns, count: number): RunStatus[] {
  const byIndex: StateVisit[][] = Array.from({ length: count }, () => []);
  for (const visit of runs.visits) {
    for (let path = visit.iteration; path; path = path.outer) {
      if (path.map === map) {
        byIndex[path.index]?.push(visit);
        break;
      }
    }
  }
  return byIndex.map((visits) => combinedStatus(visits));
}
