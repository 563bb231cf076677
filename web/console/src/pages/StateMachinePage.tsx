import { useMemo, useState } from "react";
import { stringify } from "yaml";
import { api } from "../api/client";
import type { ExecutionStatus } from "../api/types";
import { CodeView } from "../components/CodeView";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, href, shortArn, STATUSES } from "../components/format";
import { useAsync } from "../components/useAsync";
import { GraphView } from "../graph/GraphView";
import { buildGraph } from "../graph/model";
import { JsonEditor } from "./JsonEditor";

type Tab = "graph" | "definition" | "executions" | "versions";

export function StateMachinePage({ arn }: { arn: string }) {
  const machine = useAsync(() => api.describeStateMachine(arn), [arn]);
  const [tab, setTab] = useState<Tab>("graph");
  const [starting, setStarting] = useState(false);
  const definition = useMemo(() => {
    try {
      return machine.value ? (JSON.parse(machine.value.definition) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }, [machine.value]);
  const model = useMemo(() => buildGraph(definition), [definition]);

  if (machine.error) return <ErrorBox error={machine.error} />;
  if (!machine.value) return <p className="muted">Loading…</p>;
  const m = machine.value;
  return (
    <section>
      <nav className="crumbs"><a href="#/">State machines</a> / {m.name}</nav>
      <div className="page-head">
        <h1>{m.name}</h1>
        <span className="pill">{m.type}</span>
        <button type="button" className="primary" onClick={() => setStarting(!starting)}>{starting ? "Cancel" : "Start execution"}</button>
      </div>
      <dl className="facts">
        <dt>ARN</dt><dd className="mono">{m.stateMachineArn}</dd>
        <dt>Created</dt><dd>{formatDate(m.creationDate)}</dd>
        {m.description && (<><dt>Description</dt><dd>{m.description}</dd></>)}
      </dl>
      {starting && <StartExecution arn={m.stateMachineArn} />}
      <div className="tabs" role="tablist">
        {(["graph", "definition", "executions", "versions"] as Tab[]).map((t) => (
          <button type="button" role="tab" key={t} aria-selected={tab === t} className={tab === t ? "active" : ""} onClick={() => setTab(t)}>
            {t === "versions" ? "Versions and aliases" : t[0].toUpperCase() + t.slice(1)}
          </button>
        ))}
      </div>
      {tab === "graph" && <GraphView model={model} />}
      {tab === "definition" && <DefinitionView text={m.definition} parsed={definition} />}
      {tab === "executions" && <Executions arn={m.stateMachineArn} />}
      {tab === "versions" && <VersionsAndAliases arn={m.stateMachineArn} />}
    </section>
  );
}

function DefinitionView({ text, parsed }: { text: string; parsed: unknown }) {
  const [format, setFormat] = useState<"json" | "yaml">("json");
  const shown = format === "json" ? (parsed === undefined ? text : JSON.stringify(parsed, null, 2)) : stringify(parsed ?? text);
  return (
    <div>
      <div className="filters">
        <button type="button" className={format === "json" ? "active" : ""} onClick={() => setFormat("json")}>JSON</button>
        <button type="button" className={format === "yaml" ? "active" : ""} onClick={() => setFormat("yaml")}>YAML</button>
      </div>
      <CodeView text={shown} language={format} testId="definition" />
    </div>
  );
}

function Executions({ arn }: { arn: string }) {
  const [status, setStatus] = useState<ExecutionStatus | "">("");
  const list = useAsync(() => api.listExecutions(arn, status || undefined), [arn, status]);
  return (
    <div>
      <div className="filters">
        <select value={status} onChange={(e) => setStatus(e.target.value as ExecutionStatus | "")} aria-label="Status">
          <option value="">All statuses</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <button type="button" onClick={list.reload}>Refresh</button>
      </div>
      {list.error && <ErrorBox error={list.error} />}
      {list.value && (
        <table className="table" data-testid="executions">
          <thead><tr><th>Name</th><th>Status</th><th>Started</th><th>Ended</th></tr></thead>
          <tbody>
            {list.value.map((e) => (
              <tr key={e.executionArn}>
                <td><a href={href("execution", e.executionArn)}>{e.name}</a></td>
                <td><span className={`status status-${e.status}`}>{e.status}</span></td>
                <td>{formatDate(e.startDate)}</td>
                <td>{formatDate(e.stopDate)}</td>
              </tr>
            ))}
            {list.value.length === 0 && <tr><td colSpan={4} className="muted">No executions.</td></tr>}
          </tbody>
        </table>
      )}
    </div>
  );
}

function VersionsAndAliases({ arn }: { arn: string }) {
  const versions = useAsync(() => api.listVersions(arn), [arn]);
  const aliases = useAsync(() => api.listAliases(arn), [arn]);
  return (
    <div className="two-columns">
      <div>
        <h2>Versions</h2>
        {versions.error && <ErrorBox error={versions.error} />}
        <ul>{versions.value?.map((v) => <li key={v.stateMachineVersionArn} className="mono">{shortArn(v.stateMachineVersionArn)} <span className="muted">{formatDate(v.creationDate)}</span></li>)}</ul>
        {versions.value?.length === 0 && <p className="muted">No versions published.</p>}
      </div>
      <div>
        <h2>Aliases</h2>
        {aliases.error && <ErrorBox error={aliases.error} />}
        <ul>{aliases.value?.map((a) => <li key={a.stateMachineAliasArn} className="mono">{shortArn(a.stateMachineAliasArn)} <span className="muted">{formatDate(a.creationDate)}</span></li>)}</ul>
        {aliases.value?.length === 0 && <p className="muted">No aliases.</p>}
      </div>
    </div>
  );
}

function StartExecution({ arn }: { arn: string }) {
  const [input, setInput] = useState('{\n  "Comment": "Insert your JSON here"\n}');
  const [valid, setValid] = useState(true);
  const [name, setName] = useState("");
  const [testCase, setTestCase] = useState("");
  const [error, setError] = useState<Error>();
  const start = async () => {
    setError(undefined);
    try {
      // Step Functions Local's convention: `<state machine ARN>#<test case>` answers Task states from the mock file.
      const target = testCase ? `${arn}#${testCase}` : arn;
      const started = await api.startExecution(target, input, name || undefined);
      location.hash = href("execution", started.executionArn);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="panel" data-testid="start-execution">
      <label>Name (optional) <input value={name} onChange={(e) => setName(e.target.value)} placeholder="a generated id" /></label>
      <label>Mock test case (optional) <input value={testCase} onChange={(e) => setTestCase(e.target.value)} placeholder="none" /></label>
      <JsonEditor label="Input" value={input} onChange={(text, ok) => (setInput(text), setValid(ok))} />
      {error && <ErrorBox error={error} />}
      <button type="button" className="primary" disabled={!valid} onClick={start}>Start</button>
    </div>
  );
}
