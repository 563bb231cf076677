// The AWS SDK for JavaScript v3 against the live server (STEPWISE_ENDPOINT): a start-execution round trip, an
// activity worker's round trip, and a synchronous Express start. Run by suite.sh with `node --test`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';

const sfn = new SFNClient({
  endpoint: process.env.STEPWISE_ENDPOINT ?? 'http://127.0.0.1:8083',
  region: process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
  credentials: { accessKeyId: 'compat', secretAccessKey: 'compat' },
  // StartSyncExecution and TestState carry the host prefix "sync-", which a loopback address cannot take.
  disableHostPrefix: true,
  maxAttempts: 1,
});
const roleArn = 'arn:aws:iam::123456789012:role/stepwise-compat';
const unique = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function createMachine(states, type = 'STANDARD') {
  const definition = JSON.stringify({ StartAt: Object.keys(states)[0], States: states });
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: unique('js'), definition, roleArn, type }));
  return stateMachineArn;
}

async function waitForExecution(executionArn) {
  for (let i = 0; i < 200; i++) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${executionArn} still RUNNING after 10 s`);
}

test('an execution started with the JS SDK runs to success', async () => {
  const stateMachineArn = await createMachine({ Double: { Type: 'Pass', Parameters: { 'twice.$': 'States.MathAdd($.n, $.n)' }, End: true } });

  const { executionArn, startDate } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":21}' }));

  assert.ok(startDate instanceof Date);
  const described = await waitForExecution(executionArn);
  assert.equal(described.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(described.output), { twice: 42 });
});

test('an activity worker built on the JS SDK completes the task', async () => {
  const { activityArn } = await sfn.send(new CreateActivityCommand({ name: unique('js-activity') }));
  const stateMachineArn = await createMachine({ Work: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 60, End: true } });
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"job":"resize"}' }));

  const task = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'js-worker' }), { abortSignal: AbortSignal.timeout(10000) });
  assert.ok(task.taskToken, 'GetActivityTask returned no task');
  assert.deepEqual(JSON.parse(task.input), { job: 'resize' });
  await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"resized":true}' }));

  const described = await waitForExecution(executionArn);
  assert.equal(described.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(described.output), { resized: true });
});

test('StartSyncExecution returns an Express result', async () => {
  const stateMachineArn = await createMachine({ Echo: { Type: 'Pass', End: true } }, 'EXPRESS');

  const response = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"echo":true}' }));

  assert.equal(response.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(response.output), { echo: true });
});
