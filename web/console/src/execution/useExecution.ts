// Loads an execution and its whole history (paged, 1,000 events a call), then, while it runs, polls for the events
// added since: newest first until a known event, so a 25,000-event history is read once, not on every poll.

import { useEffect, useRef, useState } from "react";
import { api, call } from "../api/client";
import type { ExecutionDescription, HistoryEvent } from "../api/types";

export interface ExecutionData {
  execution?: ExecutionDescription;
  events: HistoryEvent[];
  error?: Error;
  loadingHistory: boolean;
}

const POLL_MS = 1000;

export function useExecution(arn: string, generation: number): ExecutionData {
  const [data, setData] = useState<ExecutionData>({ events: [], loadingHistory: true });
  const events = useRef<HistoryEvent[]>([]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    events.current = [];
    setData({ events: [], loadingHistory: true });

    const loadAll = async () => {
      let nextToken: string | undefined;
      do {
        const page = await api.historyPage(arn, nextToken);
        if (!live) return;
        events.current = events.current.concat(page.events);
        nextToken = page.nextToken;
        setData((d) => ({ ...d, events: events.current, loadingHistory: nextToken !== undefined }));
      } while (nextToken);
    };

    const loadNew = async () => {
      const known = events.current.length ? events.current[events.current.length - 1].id : 0;
      const fresh: HistoryEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call<{ events: HistoryEvent[]; nextToken?: string }>("GetExecutionHistory", {
          executionArn: arn,
          reverseOrder: true,
          maxResults: 200,
          includeExecutionData: true,
          ...(nextToken ? { nextToken } : {}),
        });
        let reachedKnown = false;
        for (const e of page.events) {
          if (e.id <= known) {
            reachedKnown = true;
            break;
          }
          fresh.push(e);
        }
        nextToken = reachedKnown ? undefined : page.nextToken;
      } while (nextToken && live);
      if (fresh.length && live) {
        fresh.reverse();
        events.current = events.current.concat(fresh);
      }
    };

    const poll = async () => {
      try {
        const execution = await api.describeExecution(arn);
        if (!live) return;
        const first = events.current.length === 0;
        if (first) await loadAll();
        else await loadNew();
        if (!live) return;
        setData({ execution, events: events.current, loadingHistory: false });
        // The history is read after the status: once the status is final, that read holds the closing events.
        if (execution.status === "RUNNING") timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (live) setData((d) => ({ ...d, error: e as Error, loadingHistory: false }));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arn, generation]);

  return data;
}
