import { api } from "../api/client";
import type { HistoryEvent } from "../api/types";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, href, shortArn } from "../components/format";
import { useAsync } from "../components/useAsync";
import { openActivityTasks, type OpenActivityTask } from "../execution/activityTasks";

/** How many running executions the page reads for open tasks, so a busy server is not asked for every history. */
const MAX_EXECUTIONS_READ = 200;

/** The open activity tasks of the running executions, read from their histories (the API has no call listing them). */
async function loadOpenTasks(): Promise<{ tasks: OpenActivityTask[]; truncated: boolean }> {
  const running = [];
  for (const machine of await api.listStateMachines()) {
    running.push(...(await api.listExecutions(machine.stateMachineArn, "RUNNING")));
  }

  const tasks: OpenActivityTask[] = [];
  for (const execution of running.slice(0, MAX_EXECUTIONS_READ)) {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await api.historyPage(execution.executionArn, nextToken);
      events.push(...page.events);
      nextToken = page.nextToken;
    } while (nextToken);
    tasks.push(...openActivityTasks(execution.executionArn, events));
  }
  return { tasks, truncated: running.length > MAX_EXECUTIONS_READ };
}

export function ActivitiesPage() {
  const list = useAsync(() => api.listActivities(), []);
  const open = useAsync(loadOpenTasks, []);
  const reload = () => {
    list.reload();
    open.reload();
  };
  return (
    <section>
      <div className="page-head">
        <h1>Activities</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </div>
      <p className="muted">
        A worker takes an activity's pending tasks with GetActivityTask and answers with SendTaskSuccess or
        SendTaskFailure. Open tasks are read from the histories of running executions.
      </p>
      {list.error && <ErrorBox error={list.error} />}
      {open.error && <ErrorBox error={open.error} />}
      {list.value && (
        <table className="table" data-testid="activities">
          <thead><tr><th>Name</th><th>ARN</th><th>Created</th><th>Pending</th><th>Taken by a worker</th></tr></thead>
          <tbody>
            {list.value.map((a) => {
              const tasks = open.value?.tasks.filter((t) => t.activityArn === a.activityArn) ?? [];
              const pending = tasks.filter((t) => t.status === "pending");
              const started = tasks.filter((t) => t.status === "started");
              return (
                <tr key={a.activityArn}>
                  <td>{a.name}</td>
                  <td className="mono">{a.activityArn}</td>
                  <td>{formatDate(a.creationDate)}</td>
                  <td data-testid="pending">{open.value ? <TaskLinks tasks={pending} /> : "…"}</td>
                  <td>{open.value ? <TaskLinks tasks={started} /> : "…"}</td>
                </tr>
              );
            })}
            {list.value.length === 0 && <tr><td colSpan={5} className="muted">No activities.</td></tr>}
          </tbody>
        </table>
      )}
      {open.value?.truncated && (
        <p className="muted">Only the first {MAX_EXECUTIONS_READ} running executions were read for open tasks.</p>
      )}
    </section>
  );
}

function TaskLinks({ tasks }: { tasks: OpenActivityTask[] }) {
  if (tasks.length === 0) {
    return <span className="muted">0</span>;
  }
  return (
    <span>
      {tasks.length}:{" "}
      {tasks.map((t, i) => (
        <span key={`${t.executionArn}-${t.scheduledAt}-${i}`}>
          {i > 0 && ", "}
          <a href={href("execution", t.executionArn)} title={t.workerName ? `worker ${t.workerName}` : undefined}>
            {shortArn(t.executionArn)}
          </a>
        </span>
      ))}
    </span>
  );
}
