/**
 * `tsx e2e/serveDemoStack.ts <file>`: one demo stack (e2e/demoStack.ts: a hardhat node, the suite deployed, the ledger,
 * the demo story) for several suites. Once the ledger has caught up with the story, it describes the stack in `<file>`
 * (JSON, `SharedDemoStack`), which the suites read when `COMMONWEAL_DEMO_STACK=<file>`; if the stack cannot start,
 * `<file>` says why (`{ "error": … }`) and this exits with 1. It keeps the stack running until SIGTERM or SIGINT, then
 * stops it and removes `<file>`. .ci/run starts it for e2e/demoLedger.ts and the browser tests.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";

import { describeDemoStack, startDemoStack } from "./demoStack.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx e2e/serveDemoStack.ts <file>");
  process.exit(2);
}
// Written whole, then renamed: a reader never sees half a description.
const describe = (value: unknown) => {
  writeFileSync(`${file}.partial`, JSON.stringify(value));
  renameSync(`${file}.partial`, file);
};

const started = Date.now();
const say = (line: string) => console.log(`[demo stack] ${line} (${Math.round((Date.now() - started) / 1000)} s)`);
let stack;
try {
  stack = await startDemoStack({ deploymentId: `shared-demo-${process.pid}`, onStep: say });
} catch (error) {
  describe({ error: error instanceof Error ? error.message : String(error) });
  console.error(error);
  process.exit(1);
}
describe(describeDemoStack(stack));
say(`ready: node ${stack.node.url}, ledger ${stack.ledger.api}, described in ${file}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  rmSync(file, { force: true });
  say("stopped");
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
