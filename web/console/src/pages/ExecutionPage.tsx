import { useMemo, useState } from "react";
import { api, ApiError, call } from "../api/client";
import type { StateMachineDescription } from "../api/types";
import { CodeView, prettyJson } from "../components/CodeView";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, formatDuration, href } from "../components/format";
import { useAsync } from "../components/useAsync";
import { analyseHistory, statusByName, transitionKey, type RunStatus } from "../execution/stateRuns";
import { useExecution } from "../execution/useExecution";
import { GraphView } from "../graph/GraphView";
import { buildGraph, END_ID, START_ID } from "../graph/model";
import { ExecutionMapRuns, MapRunParent } from "./ExecutionMapRuns";
import { HistoryTable } from "./HistoryTable";
import { StatePanel } from "./StatePanel";

/** The definition the execution runs: DescribeStateMachineForExecution, or the state machine's current one. */
async function definitionFor(executionArn: string, stateMachineArn: string): Promise<StateMachineDescription> {
  try {
    return await call<StateMachineDescription>("DescribeStateMachineForExecution", { executionArn });
  } catch (e) {
    if (e instanceof ApiError && e.type.startsWith("UnknownOperation")) return api.describeStateMachine(stateMachineArn);
    throw e;
  }
}

export function ExecutionPage({ arn }: { arn: string }) {
  const [generation, setGeneration] = useState(0);
  const data = useExecution(arn, generation);
  const execution = data.execution;
  const machine = useAsync(
    () => (execution ? definitionFor(arn, execution.stateMachineArn) : Promise.resolve(undefined)),
    [arn, execution?.stateMachineArn],
  );
  const model = useMemo(() => {
    try {
      return buildGraph(machine.value ? JSON.parse(machine.value.definition) : undefined);
    } catch {
      return buildGraph(undefined);
    }
  }, [machine.value]);
  const runs = useMemo(() => analyseHistory(data.events, execution?.status ?? "RUNNING"), [data.events, execution?.status]);
  const mapRunsStarted = useMemo(() => {
    let count = 0;
    for (const visit of runs.visits) if (visit.mapRunArn !== undefined) count++;
    return count;
  }, [runs]);
  const [iterations, setIterations] = useState<ReadonlyMap<string, number>>(new Map());
  const [selected, setSelected] = useState<string>();
  const [actionError, setActionError] = useState<Error>();

  const statuses = useMemo(() => {
    const byName = statusByName(runs, iterations);
    const result = new Map<string, RunStatus>();
    for (const [name, status] of byName) {
      for (const id of model.byName.get(name) ?? []) result.set(id, status);
    }
    return result;
  }, [runs, iterations, model]);

  // The path lit up: transitions the history shows, the start, and the end when the execution succeeded.
  const taken = useMemo(() => {
    const result = new Set<string>();
    const names = new Map(model.nodes.map((n) => [n.id, n.name]));
    for (const edge of model.edges) {
      const from = names.get(edge.source)!;
      const to = names.get(edge.target)!;
      const lit =
        edge.source === START_ID ? runs.visitsByName.has(to)
        : edge.target === END_ID ? statuses.get(edge.source) === "succeeded" && execution?.status === "SUCCEEDED"
        : runs.transitions.has(transitionKey(from, to));
      if (lit) result.add(edge.id);
    }
    return result;
  }, [model, runs, statuses, execution?.status]);

  if (data.error) return <ErrorBox error={data.error} />;
  if (!execution) return <p className="muted">Loading…</p>;

  const act = async (action: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await action();
      setGeneration((g) => g + 1);
    } catch (e) {
      setActionError(e as Error);
    }
  };
  const selectedNode = model.nodes.find((n) => n.id === selected);
  const canRedrive = execution.status === "FAILED" || execution.status === "TIMED_OUT" || execution.status === "ABORTED";

  return (
    <section>
      <nav className="crumbs">
        <a href="#/">State machines</a> / <a href={href("state-machine", execution.stateMachineArn)}>{machine.value?.name ?? "state machine"}</a> / {execution.name}
      </nav>
      <div className="page-head">
        <h1>{execution.name}</h1>
        <span className={`status status-${execution.status}`} data-testid="execution-status">{execution.status}</span>
        {execution.status === "RUNNING" && (
          <button type="button" onClick={() => act(() => api.stopExecution(arn))}>Stop</button>
        )}
        {canRedrive && (
          <button type="button" onClick={() => act(() => api.redriveExecution(arn))}>Redrive</button>
        )}
      </div>
      {actionError && <ErrorBox error={actionError} />}
      <dl className="facts">
        {execution.mapRunArn !== undefined && <MapRunParent mapRunArn={execution.mapRunArn} />}
        <dt>Started</dt><dd>{formatDate(execution.startDate)}</dd>
        {execution.stopDate !== undefined && (<><dt>Ended</dt><dd>{formatDate(execution.stopDate)} ({formatDuration(execution.stopDate - execution.startDate)})</dd></>)}
        {execution.error !== undefined && (<><dt>Error</dt><dd className="mono failure" data-testid="execution-error">{execution.error}</dd></>)}
        {execution.cause !== undefined && (<><dt>Cause</dt><dd className="mono failure" data-testid="execution-cause">{execution.cause}</dd></>)}
      </dl>
      {machine.error && <ErrorBox error={machine.error} />}
      <div className="execution-body">
        <div className="execution-graph">
          <Legend />
          <GraphView model={model} statuses={statuses} taken={taken} selected={selected} onSelect={setSelected} />
        </div>
        <aside className="side" data-testid="state-panel">
          {selectedNode ? (
            <StatePanel
              node={selectedNode}
              runs={runs}
              iterations={iterations}
              onIteration={(map, index) => {
                const next = new Map(iterations);
                if (index === undefined) next.delete(map);
                else next.set(map, index);
                setIterations(next);
              }}
              onClose={() => setSelected(undefined)}
            />
          ) : (
            <div>
              <h2>Execution</h2>
              <p className="muted">Click a state to see its input, output and errors.</p>
              <h3>Input</h3>
              <CodeView text={prettyJson(execution.input)} language="json" />
              {execution.output !== undefined && (<><h3>Output</h3><CodeView text={prettyJson(execution.output)} language="json" /></>)}
            </div>
          )}
        </aside>
      </div>
      <ExecutionMapRuns executionArn={arn} started={mapRunsStarted} />
      <HistoryTable events={data.events} runs={runs} loading={data.loadingHistory} />
    </section>
  );
}

function Legend() {
  const items: [RunStatus, string][] = [
    ["succeeded", "Succeeded"],
    ["failed", "Failed"],
    ["caught", "Caught error"],
    ["running", "Running"],
    ["aborted", "Aborted"],
    ["notReached", "Not reached"],
  ];
  return (
    <div className="legend">
      {items.map(([status, label]) => (
        <span key={status} className={`legend-item status-${status}`}><i />{label}</span>
      ))}
    </div>
  );
}
