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
