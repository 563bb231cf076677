import { useMemo, useState } from "react";
import type { HistoryEvent } from "../api/types";
import { CodeView } from "../components/CodeView";
import { formatDate, href } from "../components/format";
import { VirtualList } from "../components/VirtualList";
import { detailsOf, type ExecutionRuns } from "../execution/stateRuns";

type Filter = "all" | "states" | "tasks" | "errors";

function matchesFilter(event: HistoryEvent, filter: Filter): boolean {
  switch (filter) {
    case "states":
      return /State(Entered|Exited)$/.test(event.type);
    case "tasks":
      return /^(Task|LambdaFunction|Activity)/.test(event.type);
    case "errors":
      return /(Failed|TimedOut|Aborted)$/.test(event.type);
    default:
      return true;
  }
}

/** The text a search looks in: the type, the state name, and the details' JSON. */
function searchText(event: HistoryEvent): string {
  const details = detailsOf(event);
  return `${event.id} ${event.type} ${details ? JSON.stringify(details) : ""}`.toLowerCase();
}

/** Every event of the history, virtualised; a click shows the event's details below the list. */
export function HistoryTable({ events, runs, loading }: { events: readonly HistoryEvent[]; runs: ExecutionRuns; loading: boolean }) {
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState<HistoryEvent>();
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return events.filter((e) => matchesFilter(e, filter) && (needle === "" || searchText(e).includes(needle)));
  }, [events, search, filter]);
  const start = events.length ? events[0].timestamp : 0;

  return (
    <div className="history">
      <div className="page-head">
        <h2>Event history</h2>
        <span className="muted" data-testid="event-count">{shown.length} of {events.length} events{loading ? " (loading…)" : ""}</span>
      </div>
      <div className="filters">
        <input type="search" placeholder="Search events" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search events" />
        <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} aria-label="Event filter">
          <option value="all">All events</option>
          <option value="states">State transitions</option>
          <option value="tasks">Tasks</option>
          <option value="errors">Failures</option>
        </select>
      </div>
      <div className="history-head vrow-grid"><span>ID</span><span>Type</span><span>Step</span><span>Elapsed</span><span>Time</span></div>
      <VirtualList
        items={shown}
        rowHeight={28}
        height={360}
        testId="history"
        render={(event) => {
          const visit = runs.stateOfEvent.get(event.id);
          const name = visit ? `${visit.name}${visit.iteration ? ` #${visit.iteration.index}` : ""}` : "";
          const toggle = () => setOpen(open?.id === event.id ? undefined : event);
          const mapRunArn = event.type === "MapRunStarted" ? (detailsOf(event)?.mapRunArn as string | undefined) : undefined;
          // A div acting as a button, so a MapRunStarted row can hold a link (a link inside a button is not allowed).
          return (
            <div
              role="button"
              tabIndex={0}
              className={`vrow-grid event${open?.id === event.id ? " active" : ""}${/(Failed|TimedOut)$/.test(event.type) ? " failure" : ""}`}
              onClick={toggle}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), toggle())}
            >
              <span>{event.id}</span>
              <span>{event.type}</span>
              <span>
                {name}
                {mapRunArn !== undefined && (
                  <> · <a href={href("map-run", mapRunArn)} onClick={(e) => e.stopPropagation()} data-testid="event-map-run">Map Run</a></>
                )}
              </span>
              <span>{Math.round((event.timestamp - start) * 1000)} ms</span>
              <span>{formatDate(event.timestamp)}</span>
            </div>
          );
        }}
      />
      {open && (
        <div className="panel" data-testid="event-details">
          <h3>Event {open.id}: {open.type}</h3>
          <CodeView text={JSON.stringify(expandPayloads(open), null, 2)} language="json" />
        </div>
      )}
    </div>
  );
}

/** The event with its JSON-string payloads (input, output, parameters…) shown as the JSON they hold. */
function expandPayloads(event: HistoryEvent): unknown {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && typeof value === "object" && value !== null) {
      const details: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        details[k] = typeof v === "string" && /^(input|output|parameters|result)$/.test(k) ? tryParse(v) : v;
      }
      copy[key] = details;
    } else {
      copy[key] = value;
    }
  }
  return copy;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
