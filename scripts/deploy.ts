// Deploys the whole suite (the Ignition module deploy/modules/Circles.ts) to a node, in one command that says what it
// does: `npm run deploy:local` runs it against `npx hardhat node` on http://127.0.0.1:8545 (COMMONWEAL_RPC_URL names
// another node, anvil say). It builds once, with the build profile Ignition is given (`--build-profile default`, the
// one `npm run build` and the tests compile, so after a build nothing is compiled), deploys, or resumes or confirms an
// existing deployment from Ignition's journal, and never waits for an answer on a local node: Ignition asks "Confirm
// deploy to network …?" on any chain id but 31337 (anvil --chain-id 1337, say), which blocks a script.
//
// Without `--build-profile`, Ignition builds the "production" profile: isolated builds, one compilation per file,
// which takes minutes with solcjs. This script then builds that profile, and says so.
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import hre from "hardhat";

const MODULE = "deploy/modules/Circles.ts";
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const networkName = hre.globalOptions.network ?? "default";
const networkConfig = hre.config.networks[networkName];
if (networkConfig === undefined) throw new Error(`There is no network "${networkName}" in hardhat.config.ts.`);
const url = networkConfig.type === "http" ? await networkConfig.url.getUrl() : undefined;
const { provider } = await hre.network.getOrCreate();
const chainId = Number(await provider.request({ method: "eth_chainId" }));
const [deployer] = (await provider.request({ method: "eth_accounts" })) as string[];
if (deployer === undefined) throw new Error(`Network "${networkName}" has no account to deploy from.`);
// The same record the CLI reads: COMMONWEAL_DEPLOYMENT_ID names one, else Ignition's chain-<id>.
const deploymentId = process.env.COMMONWEAL_DEPLOYMENT_ID || `chain-${chainId}`;
const record = relative(
  process.cwd(),
  `${hre.config.paths.ignition}/deployments/${deploymentId}/deployed_addresses.json`,
);

console.log(
  `Deploying the Commonweal suite (${MODULE}) to network "${networkName}"` +
    `${url ? ` at ${url}` : " (in-process: gone when this command ends; use --network localhost)"}, chain ${chainId}, ` +
    `deployment "${deploymentId}".`,
);

// --- Build: once, with the profile Ignition's deploy will check ------------------------------------------------------
const buildProfile = hre.globalOptions.buildProfile ?? "production";
const roots: string[] = [];
for (const root of await hre.solidity.getRootFilePaths()) {
  // What Ignition builds: the contracts, not the Solidity tests.
  if (root.startsWith("npm:") || (await hre.solidity.getScope(root)) === "contracts") roots.push(root);
}
console.log(
  `Building ${roots.length} contract files with the "${buildProfile}" build profile (compiling only what changed since ` +
    `the last build with it)…`,
);
// One build at a time on this machine: Hardhat writes its compile cache through a temporary file that a second build
// running at the same moment (another deployment, a test run) can rename away under it. A lock directory beside the
// cache serialises them; a lock older than ten minutes is a crashed build's and is taken over.
const lock = join(hre.config.paths.cache, "commonweal-build.lock");
mkdirSync(hre.config.paths.cache, { recursive: true });
const lockWaitStarted = Date.now();
for (;;) {
  try {
    mkdirSync(lock, { recursive: false });
    break;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 600_000) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() - lockWaitStarted > 600_000) throw new Error(`Another build has held ${lock} for 10 minutes.`);
    else await sleep(100);
  }
}
const built = await hre.solidity
  .build(roots, { buildProfile, quiet: true })
  .finally(() => rmSync(lock, { recursive: true, force: true }));
if (!hre.solidity.isSuccessfulBuildResult(built)) {
  throw new Error(`The contracts cannot be compiled: ${built.formattedReason}`);
}
const results = [...built.values()];
if (results.some((r) => r.type === "BUILD_FAILURE")) {
  throw new Error("The contracts do not compile: the compiler's errors are printed above.");
}
const compiled = results.filter((r) => r.type === "BUILD_SUCCESS").length;
console.log(
  compiled === 0
    ? `Nothing to compile: all ${results.length} files are up to date (${seconds()}).`
    : `Compiled ${compiled} of ${results.length} files (${seconds()}).`,
);

// --- Deploy ---------------------------------------------------------------------------------------------------------
// A node on this machine (Hardhat's, anvil) is the deployer's own: deploy without asking, whatever its chain id. Any
// other node keeps Ignition's question unless HARDHAT_IGNITION_CONFIRM_DEPLOYMENT is set.
const local = url !== undefined && ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
if (local) process.env.HARDHAT_IGNITION_CONFIRM_DEPLOYMENT ??= "true";
const nonce = async () =>
  Number(await provider.request({ method: "eth_getTransactionCount", params: [deployer, "pending"] }));
const nonceBefore = await nonce();
console.log(`Deploying with Ignition from ${deployer} (resumes or confirms an existing deployment)…`);
const result = (await hre.tasks.getTask(["ignition", "deploy"]).run({
  modulePath: MODULE,
  deploymentId: process.env.COMMONWEAL_DEPLOYMENT_ID || undefined,
})) as { type: string; contracts?: Record<string, { address: string }> } | null;
if (result?.type !== "SUCCESSFUL_DEPLOYMENT") {
  console.error(
    `The deployment did not complete (${result?.type ?? "cancelled"}): fix what Ignition printed above and run the same ` +
      `command again; it resumes from ${relative(process.cwd(), `${hre.config.paths.ignition}/deployments/${deploymentId}`)}.`,
  );
  process.exitCode = 1;
} else {
  const sent = (await nonce()) - nonceBefore;
  const contracts = Object.keys(result.contracts ?? {}).length;
  console.log();
  console.log(
    sent === 0
      ? `The deployment already exists: nothing new to deploy, ${contracts} contracts in place (${seconds()}).`
      : `Deployed: ${contracts} contracts in place, ${sent} transaction(s) sent (${seconds()}).`,
  );
  if (existsSync(record)) console.log(`Record: ${record} (the CLI reads it).`);
  const env = [
    process.env.COMMONWEAL_RPC_URL ? `COMMONWEAL_RPC_URL=${process.env.COMMONWEAL_RPC_URL}` : "",
    process.env.COMMONWEAL_DEPLOYMENT_ID ? `COMMONWEAL_DEPLOYMENT_ID=${process.env.COMMONWEAL_DEPLOYMENT_ID}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  // A circle needs six founders: the node's first six accounts, which it signs for.
  const accounts = (await provider.request({ method: "eth_accounts" })) as string[];
  console.log(
    `Next: ${env ? `${env} ` : ""}npx hardhat circle create --network ${networkName} --name "Elm Street Garden" ` +
      `--founders ${accounts.slice(0, 6).join(",")} --charter-text "We share the garden."` +
      ` (npx hardhat circle --help lists every verb).`,
  );
}
