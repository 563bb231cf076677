import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { MapRunCounts, MapRunDescription } from "../api/types";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, formatDuration, href, shortArn } from "../components/format";
import { parseMapRunArn } from "../mapRuns/arn";
import { COUNT_LABELS, COUNT_ORDER, countSegments } from "../mapRuns/countBar";
import { MapRunChildren } from "./MapRunChildren";
import { MapRunEditForm } from "./MapRunEditForm";

const POLL_MS = 1000;

/** Reads the run, and again every second while it runs. */
function useMapRun(arn: string, generation: number): { run?: MapRunDescription; error?: Error } {
  const [state, setState] = useState<{ run?: MapRunDescription; error?: Error }>({});
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const run = await api.describeMapRun(arn);
        if (!live) return;
        setState({ run });
        if (run.status === "RUNNING") timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (live) setState((s) => ({ ...s, error: e as Error }));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [arn, generation]);
  return state;
}

/** A Map Run: status, dates, limits, item and execution counts, and its child executions (DescribeMapRun, ListExecutions). */
export function MapRunPage({ arn }: { arn: string }) {
  const [generation, setGeneration] = useState(0);
  const { run, error } = useMapRun(arn, generation);
  const [editing, setEditing] = useState(false);
  const parsed = parseMapRunArn(arn);

  if (error && !run) return <ErrorBox error={error} />;
  if (!run) return <p className="muted">Loading…</p>;
  const counts = run.executionCounts;
  return (
    <section>
      <nav className="crumbs">
        <a href="#/">State machines</a>
        {parsed && (<> / <a href={href("state-machine", parsed.stateMachineArn)}>{parsed.stateMachineName}</a></>)}
        {" / "}<a href={href("execution", run.executionArn)} data-testid="parent-execution">{shortArn(run.executionArn)}</a> / Map Run
      </nav>
      <div className="page-head">
        <h1>Map Run {parsed ? parsed.label : shortArn(arn)}</h1>
        <span className={`status status-${run.status}`} data-testid="map-run-status">{run.status}</span>
        {run.status === "RUNNING" && (
          <button type="button" onClick={() => setEditing(!editing)}>{editing ? "Cancel" : "Edit"}</button>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {editing && run.status === "RUNNING" && (
        <MapRunEditForm
          run={run}
          onUpdated={() => {
            setEditing(false);
            setGeneration((g) => g + 1);
          }}
        />
      )}
      <dl className="facts">
        <dt>Map Run ARN</dt><dd className="mono">{arn}</dd>
        <dt>Started</dt><dd>{formatDate(run.startDate)}</dd>
        {run.stopDate !== undefined && (<><dt>Ended</dt><dd>{formatDate(run.stopDate)} ({formatDuration(run.stopDate - run.startDate)})</dd></>)}
        <dt>Max concurrency</dt><dd data-testid="max-concurrency">{run.maxConcurrency === 0 ? "0 (no limit)" : run.maxConcurrency}</dd>
        <dt>Tolerated failure count</dt><dd data-testid="tolerated-count">{run.toleratedFailureCount}</dd>
        <dt>Tolerated failure percentage</dt><dd data-testid="tolerated-percentage">{run.toleratedFailurePercentage}%</dd>
        <dt>Redrive count</dt><dd data-testid="redrive-count">{run.redriveCount ?? 0}</dd>
        {run.redriveDate !== undefined && (<><dt>Last redriven</dt><dd>{formatDate(run.redriveDate)}</dd></>)}
      </dl>
      <CountBar counts={counts} />
      <CountsTable items={run.itemCounts} executions={counts} />
      <MapRunChildren mapRunArn={arn} refreshKey={countsKey(counts)} />
    </section>
  );
}

/** Changes whenever a child starts or ends, so the children list re-reads its first page only then. */
function countsKey(counts: MapRunCounts): string {
  return COUNT_ORDER.map((s) => counts[s]).join(",");
}

function CountBar({ counts }: { counts: MapRunCounts }) {
  const segments = countSegments(counts);
  return (
    <div className="count-bar" data-testid="count-bar" role="img" aria-label={segments.map((s) => `${s.count} ${COUNT_LABELS[s.status].toLowerCase()}`).join(", ") || "no executions yet"}>
      {segments.map((s) => (
        <span key={s.status} className={`count-${s.status}`} style={{ width: `${s.percent}%` }} title={`${COUNT_LABELS[s.status]}: ${s.count}`} />
      ))}
    </div>
  );
}

function CountsTable({ items, executions }: { items: MapRunCounts; executions: MapRunCounts }) {
  const columns = [...COUNT_ORDER, "total", "resultsWritten"] as const;
  const label = (c: (typeof columns)[number]) => (c === "total" ? "Total" : c === "resultsWritten" ? "Results written" : COUNT_LABELS[c]);
  const row = (name: string, key: string, counts: MapRunCounts) => (
    <tr>
      <th>{name}</th>
      {columns.map((c) => <td key={c} data-testid={`${key}-${c}`}>{counts[c]}</td>)}
    </tr>
  );
  return (
    <table className="table counts" data-testid="map-run-counts">
      <thead>
        <tr><th />{columns.map((c) => <th key={c}>{label(c)}</th>)}</tr>
      </thead>
      <tbody>
        {row("Items", "items", items)}
        {row("Child executions", "executions", executions)}
      </tbody>
    </table>
  );
}
