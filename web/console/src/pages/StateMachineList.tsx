import { useState } from "react";
import { api } from "../api/client";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, href } from "../components/format";
import { useAsync } from "../components/useAsync";
import { JsonEditor } from "./JsonEditor";

export function StateMachineList() {
  const { value, error, loading, reload } = useAsync(() => api.listStateMachines(), []);
  const [search, setSearch] = useState("");
  const [type, setType] = useState("");
  const [creating, setCreating] = useState(false);
  const machines = (value ?? []).filter((m) => m.name.toLowerCase().includes(search.toLowerCase()) && (type === "" || m.type === type));
  return (
    <section>
      <div className="page-head">
        <h1>State machines</h1>
        <button type="button" onClick={() => setCreating(!creating)}>{creating ? "Cancel" : "Create state machine"}</button>
      </div>
      {creating && <CreateForm onCreated={(arn) => (location.hash = href("state-machine", arn))} />}
      <div className="filters">
        <input type="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search state machines" />
        <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Type">
          <option value="">All types</option>
          <option value="STANDARD">Standard</option>
          <option value="EXPRESS">Express</option>
        </select>
        <button type="button" onClick={reload}>Refresh</button>
      </div>
      {error && <ErrorBox error={error} />}
      {loading && !value && <p className="muted">Loading…</p>}
      {value && (
        <table className="table" data-testid="state-machines">
          <thead>
            <tr><th>Name</th><th>Type</th><th>Created</th></tr>
          </thead>
          <tbody>
            {machines.map((m) => (
              <tr key={m.stateMachineArn}>
                <td><a href={href("state-machine", m.stateMachineArn)}>{m.name}</a></td>
                <td>{m.type}</td>
                <td>{formatDate(m.creationDate)}</td>
              </tr>
            ))}
            {machines.length === 0 && (
              <tr><td colSpan={3} className="muted">{value.length === 0 ? "No state machines yet." : "None match."}</td></tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateForm({ onCreated }: { onCreated: (arn: string) => void }) {
  const [name, setName] = useState("");
  const [type, setType] = useState<"STANDARD" | "EXPRESS">("STANDARD");
  const [definition, setDefinition] = useState('{\n  "StartAt": "Hello",\n  "States": {\n    "Hello": { "Type": "Pass", "End": true }\n  }\n}');
  const [valid, setValid] = useState(true);
  const [error, setError] = useState<Error>();
  const create = async () => {
    setError(undefined);
    try {
      onCreated((await api.createStateMachine(name, definition, type)).stateMachineArn);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="panel">
      <label>Name <input value={name} onChange={(e) => setName(e.target.value)} /></label>
      <label>
        Type{" "}
        <select value={type} onChange={(e) => setType(e.target.value as "STANDARD" | "EXPRESS")}>
          <option value="STANDARD">Standard</option>
          <option value="EXPRESS">Express</option>
        </select>
      </label>
      <JsonEditor label="Definition (JSON)" value={definition} onChange={(text, ok) => (setDefinition(text), setValid(ok))} rows={12} />
      {error && <ErrorBox error={error} />}
      <button type="button" disabled={!valid || name === ""} onClick={create}>Create</button>
    </div>
  );
}
