/** `npx hardhat circle hard-reset --circle <address> [--from <address>] [--json]`: the signer signals a hard reset. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { signalReset, type SignalResetReturnType } from "../../client/actions/circle/signalReset.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { iso, registryOf } from "./shared.js";

export interface HardResetArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface HardResetResult extends Omit<SignalResetReturnType, "roundEndsAt"> {
  roundEndsAt: string;
}

/**
 * The signer, a member, signals for a hard reset (the client's signalReset). When the circle's threshold of distinct
 * members have signalled within the reset window, the circle is reset in the same transaction.
 */
export async function signalHardReset(c: Connection, args: HardResetArgs): Promise<HardResetResult> {
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  const r = await signalReset(wallet, { circle, registry: registryOf(c, args.registry) });
  return { ...r, roundEndsAt: iso(r.roundEndsAt) };
}

export default async function hardReset(args: HardResetArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await signalHardReset(await connect(hre), args);
    const outcome = r.reset
      ? `That reached the threshold: ${r.circle} was hard-reset (epoch ${r.epoch}); every pending proposal is cancelled and every role dissolved.`
      : `No reset yet: ${r.threshold - Number(r.signals)} more member(s) must signal before ${r.roundEndsAt}.`;
    report(
      args.json,
      `${r.member} signalled a hard reset of ${r.circle}: ${r.signals} of ${r.threshold} signal(s) in round ${r.round} (transaction ${r.transaction}). ${outcome}`,
      { ...r },
    );
  });
}
