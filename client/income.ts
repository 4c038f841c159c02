/**
 * Basic income from an app: read the trust graph and holdings of an income hub from the chain, and plan a payment
 * along trust with the pathfinder. Uses viem only; works against any node.
 *
 * @example
 * const { graph, holdings } = await readIncomeGraph(publicClient, hub);
 * const flow = findPaymentFlow(graph, holdings, ana, dan, parseEther("25"));
 * await walletClient.writeContract(payAlongTrustRequest(hub, flow, dan));
 */
import { encodeFunctionData, getAddress, type Hex, type PublicClient } from "viem";

import { incomeHubAbi } from "./abis.js";
import { findPaymentFlow, type Address, type Holdings, type PaymentFlow, type TrustGraph } from "./pathfinder.js";

/** The token owner of an income token id (a person's or a group's address). */
export function tokenOwnerOf(id: bigint): Address {
  return getAddress(`0x${id.toString(16).padStart(40, "0")}`).toLowerCase() as Address;
}

const lower = (a: string) => a.toLowerCase() as Address;

/**
 * The hub's trust graph (trust that has not expired by the latest block) and every non-zero balance, rebuilt from
 * its `Trust` and `TransferSingle`/`TransferBatch` events and read back with `balanceOf` (balances decay daily, so
 * events alone cannot say what is held today).
 */
export async function readIncomeGraph(
  client: PublicClient,
  hub: Address,
  options: { fromBlock?: bigint } = {},
): Promise<{ graph: TrustGraph; holdings: Holdings }> {
  const fromBlock = options.fromBlock ?? 0n;
  const [trustLogs, singles, batches, block] = await Promise.all([
    client.getContractEvents({ address: hub, abi: incomeHubAbi, eventName: "Trust", fromBlock }),
    client.getContractEvents({ address: hub, abi: incomeHubAbi, eventName: "TransferSingle", fromBlock }),
    client.getContractEvents({ address: hub, abi: incomeHubAbi, eventName: "TransferBatch", fromBlock }),
    client.getBlock(),
  ]);

  // The last Trust event of a pair is its current state; logs come in chain order.
  const expiries = new Map<string, { truster: Address; trustee: Address; expiry: bigint }>();
  for (const log of trustLogs) {
    const { truster, trustee, expiry } = log.args;
    if (!truster || !trustee || expiry === undefined) continue;
    expiries.set(`${lower(truster)}:${lower(trustee)}`, { truster: lower(truster), trustee: lower(trustee), expiry });
  }
  const graph = new Map<Address, Set<Address>>();
  for (const { truster, trustee, expiry } of expiries.values()) {
    if (expiry <= block.timestamp) continue;
    if (!graph.has(truster)) graph.set(truster, new Set());
    graph.get(truster)!.add(trustee);
  }

  // Every (holder, id) that ever received tokens; what they hold now is read from the chain.
  const pairs = new Map<string, { holder: Address; id: bigint }>();
  const note = (holder: string | undefined, id: bigint | undefined) => {
    if (!holder || id === undefined || BigInt(holder) === 0n) return;
    pairs.set(`${lower(holder)}:${id}`, { holder: lower(holder), id });
  };
  for (const log of singles) note(log.args.to, log.args.id);
  for (const log of batches) for (const id of log.args.ids ?? []) note(log.args.to, id);
  const balances = await Promise.all(
    [...pairs.values()].map(({ holder, id }) =>
      client.readContract({ address: hub, abi: incomeHubAbi, functionName: "balanceOf", args: [holder, id] }),
    ),
  );
  const holdings = new Map<Address, Map<Address, bigint>>();
  [...pairs.values()].forEach(({ holder, id }, i) => {
    const balance = balances[i]!;
    if (balance === 0n) return;
    if (!holdings.has(holder)) holdings.set(holder, new Map());
    holdings.get(holder)!.set(tokenOwnerOf(id), balance);
  });
  return { graph, holdings };
}

/** Reads the graph and finds a flow paying `amount` from `payer` to `to` (throws a PathfinderError if it cannot). */
export async function planPayment(
  client: PublicClient,
  hub: Address,
  payer: Address,
  to: Address,
  amount: bigint,
  options: { fromBlock?: bigint; name?: (account: Address) => string } = {},
): Promise<PaymentFlow> {
  const { graph, holdings } = await readIncomeGraph(client, hub, options);
  return findPaymentFlow(graph, holdings, lower(payer), lower(to), amount, { name: options.name });
}

/** The `payAlongTrust` call for a planned flow, ready for viem's `writeContract` or `simulateContract`. */
export function payAlongTrustRequest(hub: Address, flow: PaymentFlow, to: Address) {
  return {
    address: hub,
    abi: incomeHubAbi,
    functionName: "payAlongTrust",
    args: [flow.vertices, flow.edges, to, flow.amount],
  } as const;
}

/** `IIncomeHub.AvatarKind` of a registered circle. */
export const AVATAR_KIND_CIRCLE = 2;

/**
 * The call a circle proposes, as a decision, to register itself in the income hub (`registerCircle()`, made by the
 * circle itself once the decision passes).
 */
export function registerCircleCall(hub: Address): { target: Address; value: bigint; data: Hex } {
  return { target: hub, value: 0n, data: encodeFunctionData({ abi: incomeHubAbi, functionName: "registerCircle" }) };
}
