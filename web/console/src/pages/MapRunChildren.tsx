import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { ExecutionListItem, ExecutionStatus } from "../api/types";
import { ErrorBox } from "../components/ErrorBox";
import { formatDate, href, STATUSES } from "../components/format";
import { VirtualList } from "../components/VirtualList";

interface Listing {
  executions: ExecutionListItem[];
  nextToken?: string;
  loading: boolean;
  error?: Error;
}

/**
 * A Map Run's child executions (ListExecutions with `mapRunArn`), a page of 100 at a time with a status filter. A run
 * may start millions of children, so the list reads more only when asked and renders only the rows in view.
 */
export function MapRunChildren({ mapRunArn, refreshKey }: { mapRunArn: string; refreshKey: string }) {
  const [status, setStatus] = useState<ExecutionStatus | "">("");
  const [listing, setListing] = useState<Listing>({ executions: [], loading: true });

  useEffect(() => {
    let live = true;
    setListing((l) => ({ ...l, loading: true }));
    api.mapRunChildrenPage(mapRunArn, status || undefined).then(
      (page) => live && setListing({ executions: page.executions, nextToken: page.nextToken, loading: false }),
      (error: Error) => live && setListing({ executions: [], loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [mapRunArn, status, refreshKey]);

  const more = async () => {
    setListing((l) => ({ ...l, loading: true }));
    try {
      const page = await api.mapRunChildrenPage(mapRunArn, status || undefined, listing.nextToken);
      setListing((l) => ({ executions: l.executions.concat(page.executions), nextToken: page.nextToken, loading: false }));
    } catch (e) {
      setListing((l) => ({ ...l, loading: false, error: e as Error }));
    }
  };

  return (
    <div className="children">
      <div className="page-head">
        <h2>Child executions</h2>
        <span className="muted" data-testid="children-count">
          {listing.executions.length}{listing.nextToken ? "+" : ""} shown{listing.loading ? " (loading…)" : ""}
        </span>
      </div>
      <div className="filters">
        <select value={status} onChange={(e) => setStatus(e.target.value as ExecutionStatus | "")} aria-label="Child status">
          <option value="">All statuses</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      {listing.error && <ErrorBox error={listing.error} />}
      <div className="vrow-grid children-head"><span>Name</span><span>Status</span><span>Started</span><span>Ended</span></div>
      <VirtualList
        items={listing.executions}
        rowHeight={30}
        height={360}
        testId="children"
        render={(e) => (
          <div className="vrow-grid child-row">
            <a href={href("execution", e.executionArn)}>{e.name}</a>
            <span className={`status status-${e.status}`}>{e.status}</span>
            <span>{formatDate(e.startDate)}</span>
            <span>{formatDate(e.stopDate)}</span>
          </div>
        )}
      />
      {!listing.loading && listing.executions.length === 0 && !listing.error && (
        <p className="muted">{status ? `No ${status} children.` : "No child executions yet."}</p>
      )}
      {listing.nextToken && (
        <button type="button" disabled={listing.loading} onClick={more}>Load more</button>
      )}
    </div>
  );
}
