// The shapes of the AWS Step Functions API responses the console reads (AWS JSON 1.0; timestamps in epoch seconds).

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "PENDING_REDRIVE";

export interface StateMachineListItem {
  stateMachineArn: string;
  name: string;
  type: "STANDARD" | "EXPRESS";
  creationDate: number;
}

export interface StateMachineDescription {
  stateMachineArn: string;
  name: string;
  status?: string;
  definition: string;
  roleArn?: string;
  type: "STANDARD" | "EXPRESS";
  creationDate: number;
  description?: string;
  revisionId?: string;
}

export interface StateMachineVersionItem {
  stateMachineVersionArn: string;
  creationDate: number;
}

export interface StateMachineAliasItem {
  stateMachineAliasArn: string;
  creationDate: number;
}

export interface ExecutionListItem {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  redriveCount?: number;
  /** Set on the child executions of a Map Run (ListExecutions with `mapRunArn`, DescribeExecution). */
  mapRunArn?: string;
}

export interface ExecutionDescription extends ExecutionListItem {
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  redriveStatus?: string;
  redriveStatusReason?: string;
}

export interface HistoryEvent {
  timestamp: number;
  type: string;
  id: number;
  previousEventId?: number;
  // One `<kind>EventDetails` member per event type (stateEnteredEventDetails, taskFailedEventDetails…).
  [details: string]: unknown;
}

export interface ActivityListItem {
  activityArn: string;
  name: string;
  creationDate: number;
}

export type MapRunStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED";

export interface MapRunListItem {
  executionArn: string;
  mapRunArn: string;
  stateMachineArn: string;
  startDate: number;
  stopDate?: number;
}

/** A Map Run's items (`itemCounts`) or child executions (`executionCounts`) per status, as DescribeMapRun returns them. */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
  failuresNotRedrivable?: number;
  pendingRedrive?: number;
}

export interface MapRunDescription {
  mapRunArn: string;
  executionArn: string;
  status: MapRunStatus;
  startDate: number;
  stopDate?: number;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  toleratedFailureCount: number;
  itemCounts: MapRunCounts;
  executionCounts: MapRunCounts;
  redriveCount?: number;
  redriveDate?: number;
}

/** The limits UpdateMapRun changes; an absent member keeps its value. */
export interface MapRunUpdate {
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}
