// End-to-end tests of the console in a real browser: playwright-core driving Debian's chromium against a live
// `stepwise serve` (its URL in STEPWISE_URL). Prints one line per test and, last, "N passed, N failed, N skipped".

import { readFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, "../../../examples");
const base = process.env.STEPWISE_URL ?? "http://127.0.0.1:8083";
const artifacts = join(here, "artifacts");
mkdirSync(artifacts, { recursive: true });

/** Thrown by a test whose precondition the server cannot meet (an API action it does not serve yet). */
class Skip extends Error {}

async function call(action, body) {
  const response = await fetch(`${base}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": `AWSStepFunctions.${action}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    if (String(json.__type).endsWith("UnknownOperationException")) throw new Skip(`the server does not serve ${action} yet`);
    throw new Error(`${action}: ${json.__type}: ${json.message}`);
  }
  return json;
}

const suffix = Date.now().toString(36);
async function createMachine(name, definition) {
  const { stateMachineArn } = await call("CreateStateMachine", {
    name: `${name}-${suffix}`,
    definition: typeof definition === "string" ? definition : JSON.stringify(definition),
    roleArn: "arn:aws:iam::123456789012:role/stepwise",
  });
  return stateMachineArn;
}

/** A machine whose one state is a DISTRIBUTED Map labelled "Fan" with STANDARD children (so ListExecutions lists them). */
function createDistributedMap(name, mapFields, processor) {
  const itemProcessor = { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, ...processor };
  return createMachine(name, { StartAt: "Fan", States: { Fan: { Type: "Map", Label: "Fan", ...mapFields, ItemProcessor: itemProcessor, End: true } } });
}

const pipelineDefinition = readFileSync(join(examples, "order-pipeline/order-pipeline.asl.json"), "utf8");
const pipelineInput = readFileSync(join(examples, "order-pipeline/input.json"), "utf8");
let pipelineArn;
/** The order pipeline, named as its mock file names it (Step Functions Local picks mocks by state machine name). */
async function pipeline() {
  if (pipelineArn) return pipelineArn;
  try {
    ({ stateMachineArn: pipelineArn } = await call("CreateStateMachine", { name: "order-pipeline", definition: pipelineDefinition, roleArn: "arn:aws:iam::123456789012:role/stepwise" }));
  } catch (e) {
    if (!String(e.message).includes("StateMachineAlreadyExists")) throw e;
    pipelineArn = (await call("ListStateMachines", {})).stateMachines.find((m) => m.name === "order-pipeline").stateMachineArn;
  }
  return pipelineArn;
}

function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const tests = [
  ["the list shows the state machines, and search narrows it", async (page) => {
    await pipeline();
    await createMachine("other-machine", { StartAt: "A", States: { A: { Type: "Pass", End: true } } });
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "order-pipeline", exact: true }).waitFor();
    await page.getByLabel("Search state machines").fill("order-pipeline");
    await page.getByRole("link", { name: `other-machine-${suffix}` }).waitFor({ state: "detached" });
  }],

  ["the order pipeline's graph draws every state, nested, with no two nodes overlapping", async (page) => {
    await page.goto(`${base}/#/state-machine/${encodeURIComponent(await pipeline())}`);
    await page.locator('[data-state="Confirm"]').waitFor();
    const names = await page.locator("[data-state]").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
    for (const state of ["PrepareOrder", "RouteByValue", "ManualReview", "Rejected", "Fulfil", "ReserveLines", "ReserveStock", "ChargeCard", "Confirm"]) {
      if (!names.includes(state)) throw new Error(`no node for ${state}: ${names.join(", ")}`);
    }
    const boxes = await page.locator("g.node").evaluateAll((els) => els.map((e) => ({ name: e.getAttribute("data-state"), ...e.getBoundingClientRect().toJSON() })));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlap(boxes[i], boxes[j])) throw new Error(`${boxes[i].name} overlaps ${boxes[j].name}`);
    const labels = await page.locator(".edge-label text").allTextContents();
    if (!labels.includes("$.total > 1000") || !labels.includes("Default")) throw new Error(`Choice labels: ${labels.join(" | ")}`);
    await page.getByRole("tab", { name: "Definition" }).click();
    await page.getByTestId("definition").getByText('"RouteByValue"').first().waitFor();
  }],

  ["start an execution with a checked input and watch its states turn green", async (page) => {
    await page.goto(`${base}/#/state-machine/${encodeURIComponent(await pipeline())}`);
    await page.getByRole("button", { name: "Start execution" }).click();
    const input = page.getByTestId("start-execution").locator("textarea");
    await input.fill("{ not json");
    await page.getByText(/Invalid JSON/).waitFor();
    const start = page.getByTestId("start-execution").getByRole("button", { name: "Start" });
    if (await start.isEnabled()) throw new Error("Start is enabled with invalid JSON input");
    await input.fill(pipelineInput);
    await page.getByLabel("Mock test case (optional)").fill("Standard");
    await start.click();
    await page.waitForURL(/#\/execution\//);
    await page.locator('[data-state="PrepareOrder"][data-status="succeeded"]').waitFor();
    await page.locator('[data-state="Confirm"][data-status="succeeded"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("execution-status").getByText("SUCCEEDED").waitFor();
    const lit = await page.locator("g.edge.taken").evaluateAll((els) => els.map((e) => e.getAttribute("data-edge")));
    if (!lit.includes("RouteByValue->Fulfil") || lit.includes("RouteByValue->ManualReview")) throw new Error(`lit edges: ${lit.join(", ")}`);
    const notReached = await page.locator('[data-state="ManualReview"]').getAttribute("data-status");
    if (notReached !== "notReached") throw new Error(`ManualReview is ${notReached}`);
    await page.locator('[data-state="ChargeCard"]').click();
    await page.getByTestId("state-status").getByText("succeeded").waitFor();
    await page.screenshot({ path: join(artifacts, "execution-succeeded.png") });
  }],

  ["a failed execution shows the red state with its error and cause, as text", async (page) => {
    const arn = await createMachine("failing", {
      StartAt: "<b>Check</b>",
      States: {
        "<b>Check</b>": { Type: "Pass", Next: "Reject" },
        Reject: { Type: "Fail", Error: "Order.Rejected", Cause: "<img src=x onerror=\"window.__pwned=1\">" },
      },
    });
    const { executionArn } = await call("StartExecution", { stateMachineArn: arn, input: "{}" });
    await page.goto(`${base}/#/execution/${encodeURIComponent(executionArn)}`);
    await page.getByTestId("execution-status").getByText("FAILED").waitFor({ timeout: 20_000 });
    await page.locator('[data-state="Reject"][data-status="failed"]').waitFor();
    await page.locator('[data-state="<b>Check</b>"][data-status="succeeded"]').waitFor();
    await page.locator('[data-state="Reject"]').click();
    await page.getByTestId("state-error").getByText("Order.Rejected").waitFor();
    await page.getByTestId("execution-cause").getByText('<img src=x onerror="window.__pwned=1">').waitFor();
    if ((await page.locator("main img, main b").count()) !== 0) throw new Error("user text was rendered as HTML");
    if (await page.evaluate(() => window.__pwned)) throw new Error("user text ran as script");
    await page.getByRole("combobox", { name: "Event filter" }).selectOption("errors");
    await page.getByTestId("history").getByText("ExecutionFailed").click();
    await page.getByTestId("event-details").getByText("Order.Rejected").first().waitFor();
  }],

  ["the activities page lists an activity with the task an execution is waiting on", async (page) => {
    const { activityArn } = await call("CreateActivity", { name: "review-e2e" });
    const arn = await createMachine("waits-for-review", { StartAt: "Review", States: { Review: { Type: "Task", Resource: activityArn, End: true } } });
    const { executionArn } = await call("StartExecution", { stateMachineArn: arn, input: "{}" });
    await page.goto(`${base}/#/activities`);
    const row = page.getByTestId("activities").locator("tr", { hasText: "review-e2e" });
    await row.getByTestId("pending").getByText("1:").waitFor({ timeout: 20_000 });
    await call("StopExecution", { executionArn });
  }],

  ["a running Map Run's limits are edited with UpdateMapRun, and a bad value is explained before the call", async (page) => {
    // Children that wait a minute keep the run RUNNING while the page edits it; the parent is stopped at the end.
    const arn = await createDistributedMap("slow-fan-out", { MaxConcurrency: 1 }, { StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 60, End: true } } });
    const { executionArn } = await call("StartExecution", { stateMachineArn: arn, input: "[1, 2, 3]" });
    try {
      await page.goto(`${base}/#/execution/${encodeURIComponent(executionArn)}`);
      await page.getByTestId("event-map-run").click();
      await page.getByTestId("map-run-status").getByText("RUNNING").waitFor();
      await page.getByTestId("max-concurrency").getByText("1", { exact: true }).waitFor();
      await page.getByRole("button", { name: "Edit" }).click();
      const form = page.getByTestId("map-run-edit");
      const maxConcurrency = form.getByLabel("Max concurrency");
      await maxConcurrency.fill("-1");
      await form.getByText("MaxConcurrency must be a whole number from 0 to 2147483647, not '-1' (0 means no limit).").waitFor();
      if (await form.getByRole("button", { name: "Save" }).isEnabled()) throw new Error("Save is enabled with an invalid MaxConcurrency");
      await maxConcurrency.fill("2");
      await form.getByLabel("Tolerated failure percentage").fill("12.5");
      await form.getByRole("button", { name: "Save" }).click();
      await page.getByTestId("map-run-edit").waitFor({ state: "detached" });
      await page.getByTestId("max-concurrency").getByText("2", { exact: true }).waitFor();
      await page.getByTestId("tolerated-percentage").getByText("12.5%").waitFor();
      const run = await call("DescribeMapRun", { mapRunArn: decodeURIComponent(page.url().split("/map-run/")[1]) });
      if (run.maxConcurrency !== 2 || run.toleratedFailurePercentage !== 12.5) throw new Error(`DescribeMapRun says ${JSON.stringify(run)}`);
    } finally {
      await call("StopExecution", { executionArn });
    }
  }],

  ["a distributed Map links to its Map Run, which counts and lists the children, each linking back", async (page) => {
    // Four STANDARD children, one failing; one tolerated failure lets the run, and the parent, succeed.
    const arn = await createDistributedMap("fan-out", { ToleratedFailureCount: 1 }, {
      StartAt: "Check",
      States: {
        Check: { Type: "Choice", Choices: [{ Variable: "$.bad", BooleanEquals: true, Next: "Reject" }], Default: "Done" },
        Reject: { Type: "Fail", Error: "Item.Bad", Cause: "item <b>3</b> is bad" },
        Done: { Type: "Pass", End: true },
      },
    });
    const input = JSON.stringify([{ bad: false }, { bad: false }, { bad: true }, { bad: false }]);
    const { executionArn } = await call("StartExecution", { stateMachineArn: arn, input });
    await page.goto(`${base}/#/execution/${encodeURIComponent(executionArn)}`);
    await page.getByTestId("execution-status").getByText("SUCCEEDED").waitFor({ timeout: 30_000 });
    await page.getByTestId("map-runs").getByRole("link", { name: "Fan" }).waitFor();
    await page.getByTestId("event-map-run").waitFor();
    await page.locator('[data-state="Fan"]').first().click();
    await page.getByTestId("state-map-run").click();

    await page.waitForURL(/#\/map-run\//);
    await page.getByTestId("map-run-status").getByText("SUCCEEDED").waitFor();
    for (const [cell, expected] of [["executions-succeeded", "3"], ["executions-failed", "1"], ["executions-total", "4"], ["items-total", "4"]]) {
      await page.getByTestId(cell).getByText(expected, { exact: true }).waitFor();
    }
    await page.getByTestId("tolerated-count").getByText("1", { exact: true }).waitFor();
    await page.getByTestId("redrive-count").getByText("0", { exact: true }).waitFor();
    // The children list reads ListExecutions with mapRunArn: wait for all four rather than take a partial list.
    const children = page.getByTestId("children").getByRole("link");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="children"] a').length === 4, undefined, { timeout: 20_000 });
    await page.getByLabel("Child status").selectOption("FAILED");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="children"] a').length === 1);
    if ((await page.locator("main b").count()) !== 0) throw new Error("user text was rendered as HTML");
    await page.screenshot({ path: join(artifacts, "map-run.png") });

    await children.first().click();
    await page.waitForURL(/#\/execution\//);
    await page.getByTestId("execution-status").getByText("FAILED").waitFor();
    await page.getByTestId("execution-error").getByText("Item.Bad").waitFor();
    await page.getByTestId("child-parent").waitFor();
    await page.getByTestId("child-map-run").click();
    await page.waitForURL(/#\/map-run\//);
    await page.getByTestId("map-run-status").getByText("SUCCEEDED").waitFor();
    await page.getByTestId("parent-execution").click();
    await page.getByTestId("execution-status").getByText("SUCCEEDED").waitFor();
  }],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, test] of tests) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const started = Date.now();
  try {
    await test(page);
    if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    if (e instanceof Skip) {
      skipped++;
      console.log(`  - ${name}: skipped, ${e.message}`);
    } else {
      failed++;
      console.log(`  ✗ ${name}\n    ${String(e.message ?? e).split("\n").slice(0, 6).join("\n    ")}`);
      await page.screenshot({ path: join(artifacts, `failed-${passed + failed + skipped}.png`) }).catch(() => {});
    }
  }
  await context.close();
}
await browser.close();
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
