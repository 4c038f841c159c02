/** `npx hardhat circle hard-reset --circle <address> [--from <address>] [--json]`: the signer signals a hard reset. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";

import { circleAbi, circleRitualsAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import { iso, resolveBody, withSuiteErrors } from "./shared.js";

export interface HardResetArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface HardResetResult {
  circle: Address;
  member: Address;
  round: bigint;
  signals: bigint;
  threshold: number;
  roundEndsAt: string;
  /** Whether this signal reached the threshold and the circle was reset. */
  reset: boolean;
  /** The reset epoch now. */
  epoch: bigint;
  transaction: Hex;
}

/**
 * The signer, a member, signals for a hard reset. When the circle's threshold of distinct members have signalled
 * within the reset window, the circle is reset in the same transaction: every pending proposal is cancelled and
 * every role dissolved.
 */
export async function signalHardReset(c: Connection, args: HardResetArgs): Promise<HardResetResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const { request } = await c.publicClient.simulateContract({
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "signalReset",
    account: wallet.account,
  });
  const { hash, receipt } = await send(c, wallet, request);
  const [signalled] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "ResetSignalled" });
  if (!signalled) throw new CliError(`Transaction ${hash} recorded no reset signal.`);
  const [reset] = parseEventLogs({ abi: circleAbi, logs: receipt.logs, eventName: "HardReset" });
  const [rules, epoch] = await Promise.all([
    c.publicClient.readContract({ address: body.circle, abi: circleAbi, functionName: "rules" }),
    c.publicClient.readContract({ address: body.circle, abi: circleAbi, functionName: "resetEpoch" }),
  ]);
  return {
    circle: body.circle,
    member: getAddress(wallet.account.address),
    round: signalled.args.round,
    signals: signalled.args.signals,
    threshold: rules.resetThreshold,
    roundEndsAt: iso(signalled.args.roundEndsAt),
    reset: reset !== undefined,
    epoch,
    transaction: hash,
  };
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
