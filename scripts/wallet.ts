// An example wallet: connects to a running node, lists the circles of a Commonweal registry with their names and
// members (marking yours), and the live mandates of the first circle. It uses only the client package
// (`@commonweal/client`, imported here by path) and viem: no Hardhat runtime, so it works against any node.
//
//   npx hardhat node      # terminal 1
//   npm run deploy:local  # terminal 2, then:
//   npm run wallet        # = npx tsx scripts/wallet.ts
//
// Environment:
//   COMMONWEAL_RPC_URL      the node's JSON-RPC URL (default http://127.0.0.1:8545)
//   COMMONWEAL_REGISTRY     the CircleRegistry address (default: the deployment record of the node's chain id,
//                           deploy/deployments/chain-<id>/deployed_addresses.json)
//   COMMONWEAL_PRIVATE_KEY  the wallet's key (default: the first Hardhat/anvil development account).
//                           DEV ONLY: that default key is public; anyone can take what it holds on a real chain.
//
// tsx runs it because the imports name the compiled `.js` files of the TypeScript sources, as Node's ESM needs.
import { fileURLToPath } from "node:url";

import { createPublicClient, formatEther, http, isAddress, isHex, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { MAX_PAGE_SIZE, describeRevert, listCircles, listMandates, readCircle, type Address } from "../client/index.js";
import { DeploymentRecordError, readDeployment } from "../client/node.js";

/** The first account of Hardhat's and anvil's development mnemonic: public, for local nodes only. */
const DEV_PRIVATE_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** A failure to explain in one sentence, without a stack trace. */
class WalletError extends Error {
  override name = "WalletError";
}

function setting(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

const date = (seconds: number): string =>
  new Date(seconds * 1000)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

async function main(): Promise<void> {
  const url = setting("COMMONWEAL_RPC_URL") ?? "http://127.0.0.1:8545";
  const key = setting("COMMONWEAL_PRIVATE_KEY") ?? DEV_PRIVATE_KEY;
  if (!isHex(key) || key.length !== 66) {
    throw new WalletError("COMMONWEAL_PRIVATE_KEY must be 0x and 64 hex digits.");
  }
  const account = privateKeyToAccount(key);
  const client = createPublicClient({ transport: http(url) });

  const chainId = await client.getChainId().catch((error: unknown) => {
    throw new WalletError(
      `Cannot reach a node at ${url} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): start one with \`npx hardhat node\`, or set COMMONWEAL_RPC_URL.`,
    );
  });
  const given = setting("COMMONWEAL_REGISTRY");
  if (given !== undefined && !isAddress(given, { strict: false })) {
    throw new WalletError(`COMMONWEAL_REGISTRY "${given}" is not an address (0x and 40 hex digits).`);
  }
  const registry: Address = given ?? readDeployment(chainId, { folder: DEPLOYMENTS }).registry;

  const balance = await client.getBalance({ address: account.address });
  console.log(`Wallet ${account.address} on chain ${chainId} (${url}): ${formatEther(balance)} ETH`);

  const first = await listCircles(client, { registry });
  console.log(`Registry ${registry}: ${first.total} circle(s)`);

  const circles: Address[] = first.circles.map((c) => c.address);
  for (let offset = MAX_PAGE_SIZE; offset < first.total; offset += MAX_PAGE_SIZE) {
    circles.push(...(await listCircles(client, { registry, offset })).circles.map((c) => c.address));
  }
  const you = account.address.toLowerCase();
  const label = (a: Address) => (a.toLowerCase() === you ? `${a} (you)` : a);

  for (const [i, address] of circles.entries()) {
    const circle = await readCircle(client, { circle: address });
    const status = circle.dissolved ? ", dissolved" : circle.charterLapsed ? ", charter lapsed" : "";
    console.log(
      `\n${i + 1}. ${circle.name} (${address}): ${circle.memberCount} of at most ${circle.maxMembers} members${status}`,
    );
    for (const member of circle.members) console.log(`   - ${label(member)}`);

    if (i === 0) {
      const mandates = await listMandates(client, { mandates: circle.mandates });
      console.log(`   Live mandates: ${mandates.length === 0 ? "none" : mandates.length}`);
      for (const m of mandates) {
        console.log(
          `   - #${m.id} ${m.role}${m.title ? ` ("${m.title}")` : ""}: held by ${label(m.holder)} until ${date(m.expiresAt)}${m.drawn ? ", drawn by lot" : ""}`,
        );
      }
    }
  }
}

try {
  await main();
} catch (error) {
  const sentence =
    error instanceof WalletError || error instanceof DeploymentRecordError
      ? error.message
      : (describeRevert(error) ?? (error instanceof Error ? error.message : String(error)));
  console.error(`Error: ${sentence}`);
  process.exitCode = 1;
}
