import { api } from "../api/client";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate } from "../components/format";
import { useAsync } from "../components/useAsync";

export function ActivitiesPage() {
  const list = useAsync(() => api.listActivities(), []);
  return (
    <section>
      <div className="page-head">
        <h1>Activities</h1>
        <button type="button" onClick={list.reload}>Refresh</button>
      </div>
      <p className="muted">
        A worker takes an activity's pending tasks with GetActivityTask. The executions waiting on an activity show it as
        a running Task state with an ActivityScheduled event.
      </p>
      {list.error && <ErrorBox error={list.error} />}
      {list.value && (
        <table className="table" data-testid="activities">
          <thead><tr><th>Name</th><th>ARN</th><th>Created</th></tr></thead>
          <tbody>
            {list.value.map((a) => (
              <tr key={a.activityArn}><td>{a.name}</td><td className="mono">{a.activityArn}</td><td>{formatDate(a.creationDate)}</td></tr>
            ))}
            {list.value.length === 0 && <tr><td colSpan={3} className="muted">No activities.</td></tr>}
          </tbody>
        </table>
      )}
    </section>
  );
}
