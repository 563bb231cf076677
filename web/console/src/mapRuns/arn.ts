// Map Run ARNs: `arn:<partition>:states:<region>:<account>:mapRun:<machine>/<label or id>:<id>`. The part before the
// run's id names the labelled state machine its children run under (`…:stateMachine:<machine>/<label>`).

export interface MapRunArn {
  partition: string;
  region: string;
  account: string;
  /** The parent's state machine name. */
  stateMachineName: string;
  /** The Map state's `Label`, or the run's id when the state has none. */
  label: string;
  id: string;
  /** The parent's state machine. */
  stateMachineArn: string;
  /** The state machine ARN the children run under (`<machine>/<label>`). */
  labelledStateMachineArn: string;
}

/** Reads a Map Run ARN; undefined when the text is not one. */
export function parseMapRunArn(arn: string): MapRunArn | undefined {
  const parts = arn.split(":");
  if (parts.length < 8 || parts[0] !== "arn" || parts[2] !== "states" || parts[5] !== "mapRun") return undefined;
  const [, partition, , region, account] = parts;
  // The resource is `<machine>/<label>:<id>`; the id is the last segment, the machine ends at the first slash.
  const id = parts[parts.length - 1];
  const qualified = parts.slice(6, parts.length - 1).join(":");
  const slash = qualified.indexOf("/");
  if (slash <= 0 || slash === qualified.length - 1 || id === "") return undefined;
  const stateMachineName = qualified.slice(0, slash);
  const prefix = `arn:${partition}:states:${region}:${account}:stateMachine:`;
  return {
    partition,
    region,
    account,
    stateMachineName,
    label: qualified.slice(slash + 1),
    id,
    stateMachineArn: prefix + stateMachineName,
    labelledStateMachineArn: prefix + qualified,
  };
}
