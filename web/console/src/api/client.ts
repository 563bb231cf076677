// Calls the AWS-compatible API of the server that served the console: POST / with X-Amz-Target, same origin.

import type {
  ActivityListItem,
  ExecutionDescription,
  ExecutionListItem,
  ExecutionStatus,
  HistoryEvent,
  MapRunDescription,
  MapRunListItem,
  MapRunUpdate,
  StateMachineAliasItem,
  StateMachineDescription,
  StateMachineListItem,
  StateMachineVersionItem,
} from "./types";

/** An error answer of the API, in AWS's shape: the exception name and its message. */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function call<T>(action: string, body: object = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch("./", {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": `AWSStepFunctions.${action}` },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError("NetworkError", `The server did not answer ${action}: ${(e as Error).message}`, 0);
  }
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError("InvalidResponse", `${action} answered with something that is not JSON (HTTP ${response.status}).`, response.status);
  }
  if (!response.ok) {
    // AWS writes the type as `__type`, sometimes prefixed with a namespace (`com.amazonaws.swf.base.model#…`).
    const type = String(parsed.__type ?? "UnknownError").split("#").pop()!;
    throw new ApiError(type, String(parsed.message ?? parsed.Message ?? `HTTP ${response.status}`), response.status);
  }
  return parsed as T;
}

/** Follows nextToken until the listing ends (or `limit` items are read). */
async function all<T>(action: string, body: object, key: string, limit = 10_000): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call<Record<string, unknown>>(action, { ...body, ...(nextToken ? { nextToken } : {}), maxResults: 1000 });
    items.push(...((page[key] as T[] | undefined) ?? []));
    nextToken = page.nextToken as string | undefined;
  } while (nextToken && items.length < limit);
  return items;
}

export const api = {
  listStateMachines: () => all<StateMachineListItem>("ListStateMachines", {}, "stateMachines"),
  describeStateMachine: (stateMachineArn: string) => call<StateMachineDescription>("DescribeStateMachine", { stateMachineArn }),
  createStateMachine: (name: string, definition: string, type: "STANDARD" | "EXPRESS") =>
    call<{ stateMachineArn: string }>("CreateStateMachine", {
      name,
      definition,
      type,
      roleArn: "arn:aws:iam::123456789012:role/stepwise",
    }),
  listVersions: (stateMachineArn: string) => all<StateMachineVersionItem>("ListStateMachineVersions", { stateMachineArn }, "stateMachineVersions"),
  listAliases: (stateMachineArn: string) => all<StateMachineAliasItem>("ListStateMachineAliases", { stateMachineArn }, "stateMachineAliases"),
  listExecutions: (stateMachineArn: string, statusFilter?: ExecutionStatus) =>
    all<ExecutionListItem>("ListExecutions", { stateMachineArn, ...(statusFilter ? { statusFilter } : {}) }, "executions"),
  startExecution: (stateMachineArn: string, input: string, name?: string) =>
    call<{ executionArn: string; startDate: number }>("StartExecution", { stateMachineArn, input, ...(name ? { name } : {}) }),
  describeExecution: (executionArn: string) => call<ExecutionDescription>("DescribeExecution", { executionArn }),
  stopExecution: (executionArn: string, error?: string, cause?: string) => call<{ stopDate: number }>("StopExecution", { executionArn, error, cause }),
  redriveExecution: (executionArn: string) => call<{ redriveDate: number }>("RedriveExecution", { executionArn }),
  /** One page of history, oldest first, from after `nextToken`. */
  historyPage: (executionArn: string, nextToken?: string) =>
    call<{ events: HistoryEvent[]; nextToken?: string }>("GetExecutionHistory", {
      executionArn,
      maxResults: 1000,
      includeExecutionData: true,
      ...(nextToken ? { nextToken } : {}),
    }),
  listMapRuns: (executionArn: string) => all<MapRunListItem>("ListMapRuns", { executionArn }, "mapRuns"),
  describeMapRun: (mapRunArn: string) => call<MapRunDescription>("DescribeMapRun", { mapRunArn }),
  updateMapRun: (mapRunArn: string, update: MapRunUpdate) => call<object>("UpdateMapRun", { mapRunArn, ...update }),
  /** One page of a Map Run's child executions (a run may have millions, so they are read a page at a time). */
  mapRunChildrenPage: (mapRunArn: string, statusFilter?: ExecutionStatus, nextToken?: string) =>
    call<{ executions: ExecutionListItem[]; nextToken?: string }>("ListExecutions", {
      mapRunArn,
      maxResults: 100,
      ...(statusFilter ? { statusFilter } : {}),
      ...(nextToken ? { nextToken } : {}),
    }),
  listActivities: () => all<ActivityListItem>("ListActivities", {}, "activities"),
};
