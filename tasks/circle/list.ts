/** `npx hardhat circle list [--offset 0] [--limit 20] [--registry <address>] [--json]`: read only, no signer needed. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  MAX_PAGE_SIZE,
  listCircles as list,
  type ListCirclesReturnType,
} from "../../client/actions/circle/listCircles.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { parseWhole, registryOf } from "./shared.js";

export interface ListArgs {
  offset?: string;
  limit?: string;
  registry?: string;
  json: boolean;
}

/** One page of the registry's circles, oldest first. */
export type ListResult = ListCirclesReturnType;

/** Lists a page of the registry's circles and councils with their names and sizes (the client's listCircles). */
export async function listCircles(c: Connection, args: ListArgs): Promise<ListResult> {
  const offset = args.offset ? parseWhole("offset", args.offset, { example: "0" }) : 0n;
  const limit = args.limit ? parseWhole("limit", args.limit, { min: 1n, max: MAX_PAGE_SIZE, example: "20" }) : 20n;
  return list(c.publicClient, { registry: registryOf(c, args.registry), offset, limit });
}

export default async function listTask(args: ListArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
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
        `  ${r.offset + BigInt(i) + 1n}. ${x.address}  ${x.name}  (${x.council ? `council, ${x.memberCount} seat(s)` : `${x.memberCount} member(s)`})`,
    );
    report(args.json, [header, ...lines].join("\n"), { ...r });
  });
}
