/** `npx hardhat circle list [--offset 0] [--limit 20] [--registry <address>] [--json]`: read only, no signer needed. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { circleAbi, circleMembershipAbi, circleRegistryAbi } from "../../client/abis.js";
import { connect, report, requireContract, runTask, type Connection } from "../cli.js";
import { parseWhole, registryOf } from "./shared.js";

export interface ListArgs {
  offset?: string;
  limit?: string;
  registry?: string;
  json: boolean;
}

/** One page of the registry's circles, oldest first. */
export interface ListResult {
  registry: Address;
  total: bigint;
  offset: bigint;
  circles: { address: Address; name: string; council: boolean; members: bigint }[];
}

/** The most circles one page holds: the registry's MAX_PAGE_SIZE. */
export const MAX_PAGE = 100n;

/** Lists a page of the registry's circles and councils with their names and sizes. */
export async function listCircles(c: Connection, args: ListArgs): Promise<ListResult> {
  const offset = args.offset ? parseWhole("offset", args.offset, { example: "0" }) : 0n;
  const limit = args.limit ? parseWhole("limit", args.limit, { min: 1n, max: MAX_PAGE, example: "20" }) : 20n;
  const registry = registryOf(c, args.registry);
  await requireContract(c, "circle registry", registry);
  const on = { address: registry, abi: circleRegistryAbi } as const;
  const [total, page] = await Promise.all([
    c.publicClient.readContract({ ...on, functionName: "circleCount" }),
    c.publicClient.readContract({ ...on, functionName: "circles", args: [offset, limit] }),
  ]);
  const circles = await Promise.all(
    page.map(async (address) => {
      const [name, council, membership] = await Promise.all([
        c.publicClient.readContract({ address, abi: circleAbi, functionName: "name" }),
        c.publicClient.readContract({ ...on, functionName: "isCouncil", args: [address] }),
        c.publicClient.readContract({ address, abi: circleAbi, functionName: "membership" }),
      ]);
      const members = await c.publicClient.readContract({
        address: membership,
        abi: circleMembershipAbi,
        functionName: "memberCount",
      });
      return { address, name, council, members };
    }),
  );
  return { registry, total, offset, circles };
}

export default async function list(args: ListArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await listCircles(await connect(hre), args);
    const first = r.offset + 1n;
    const last = r.offset + BigInt(r.circles.length);
    const header =
      r.circles.length === 0
        ? `No circles at offset ${r.offset}: the registry ${r.registry} has ${r.total}.`
        : `Circles ${first}-${last} of ${r.total} at the registry ${r.registry}:`;
    const lines = r.circles.map(
      (x, i) =>
        `  ${r.offset + BigInt(i) + 1n}. ${x.address}  ${x.name}  (${x.council ? `council, ${x.members} seat(s)` : `${x.members} member(s)`})`,
    );
    report(args.json, [header, ...lines].join("\n"), { ...r });
  });
}
