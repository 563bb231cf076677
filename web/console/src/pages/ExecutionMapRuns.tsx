import { api, ApiError } from "../api/client";
import { formatDate, href, shortArn } from "../components/format";
import { useAsync } from "../components/useAsync";
import { ErrorBox } from "../components/ErrorBox";
import { parseMapRunArn } from "../mapRuns/arn";

/**
 * The Map Runs an execution's distributed Map states started (ListMapRuns), re-read whenever the history shows one
 * more `MapRunStarted`. Hidden when there are none, or when the server does not serve ListMapRuns.
 */
export function ExecutionMapRuns({ executionArn, started }: { executionArn: string; started: number }) {
  const runs = useAsync(() => (started > 0 ? api.listMapRuns(executionArn) : Promise.resolve([])), [executionArn, started]);
  if (runs.error) return runs.error instanceof ApiError && runs.error.type.startsWith("UnknownOperation") ? null : <ErrorBox error={runs.error} />;
  if (!runs.value || runs.value.length === 0) return null;
  return (
    <div className="map-runs">
      <h2>Map Runs</h2>
      <table className="table" data-testid="map-runs">
        <thead>
          <tr><th>Map Run</th><th>Started</th><th>Ended</th></tr>
        </thead>
        <tbody>
          {runs.value.map((r) => (
            <tr key={r.mapRunArn}>
              <td><a href={href("map-run", r.mapRunArn)}>{parseMapRunArn(r.mapRunArn)?.label ?? shortArn(r.mapRunArn)}</a></td>
              <td>{formatDate(r.startDate)}</td>
              <td>{formatDate(r.stopDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A child execution's Map Run and, through DescribeMapRun, the parent execution that started it. */
export function MapRunParent({ mapRunArn }: { mapRunArn: string }) {
  const run = useAsync(() => api.describeMapRun(mapRunArn), [mapRunArn]);
  return (
    <>
      <dt>Map Run</dt>
      <dd><a href={href("map-run", mapRunArn)} data-testid="child-map-run">{parseMapRunArn(mapRunArn)?.label ?? shortArn(mapRunArn)}</a></dd>
      {run.value && (<><dt>Parent execution</dt><dd><a href={href("execution", run.value.executionArn)} data-testid="child-parent">{shortArn(run.value.executionArn)}</a></dd></>)}
    </>
  );
}
