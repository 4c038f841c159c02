/**
 * `npx hardhat chain advance <duration> [--blocks <n>] [--network localhost] [--json]`
 *
 * Moves a local node's clock forward (past a proposal's notice or vote, say) and mines block by block. Refused on a
 * node that is not a Hardhat node or anvil, whatever its chain id.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { advanceChain, parseDuration, type AdvanceResult } from "../../client/chain.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";

export interface AdvanceArgs {
  duration: string;
  blocks?: string;
  json: boolean;
}

/** Parses the duration and block count, and advances the node's clock (see client/chain.ts advanceChain). */
export async function advance(c: Pick<Connection, "publicClient">, args: AdvanceArgs): Promise<AdvanceResult> {
  const seconds = parseDuration(args.duration);
  let blocks: number | undefined;
  if (args.blocks !== undefined) {
    if (!/^\d+$/.test(args.blocks)) throw new CliError(`--blocks "${args.blocks}" is not a whole number of blocks.`);
    blocks = Number(args.blocks);
  }
  return advanceChain(c.publicClient, { seconds, ...(blocks === undefined ? {} : { blocks }) });
}

export default async function chainAdvance(args: AdvanceArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await advance(await connect(hre), args);
    report(
      args.json,
      `Advanced the clock by ${args.duration} (${r.seconds} s) over ${r.blocks} block(s): block ${r.from.block} at ${r.from.timestamp} → block ${r.to.block} at ${r.to.timestamp} (unix seconds), on ${r.clientVersion}.`,
      { ...r },
    );
  });
}
