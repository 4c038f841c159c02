/**
 * `npx hardhat mandate recall --circle <address> --id 1 [--sign [--out <file.json>] | --signatures <file.json>]
 *   [--from <address>] [--registry <address>] [--json]`
 *
 * A member signals to recall a mandate; the signal that makes a majority of the current members ends it at once.
 * Signals can also be signed off-chain (`--sign`, nothing is sent) and submitted together by anyone
 * (`--signatures`: the JSON that `--sign --json` prints, or the file `--sign --out <file>` writes, which collects
 * the signals of several members for one mandate).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { signalRecall } from "../../client/actions/mandate/signalRecall.js";
import { signRecall } from "../../client/actions/mandate/signRecall.js";
import { submitRecallSignatures } from "../../client/actions/mandate/submitRecallSignatures.js";
import {
  addRecall,
  parseRecalls,
  recallToJson,
  type RecallOutcome,
  type SignedRecallJson,
} from "../../client/recalls.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { circleOf, parseId } from "./common.js";

export interface RecallArgs {
  circle?: string;
  id?: string;
  sign: boolean;
  /** With --sign: the file to write the signed signal to (added to the signals already there for this mandate). */
  out?: string;
  signatures?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export type RecallResult =
  | {
      action: "signed";
      circle: Address;
      /** The signed signal: the JSON entry `--signatures` reads. */
      signed: SignedRecallJson;
      /** The file it was written to (with --out), and how many signals that file now holds. */
      out?: { file: string; signals: number };
    }
  | (RecallOutcome & {
      action: "signalled";
      circle: Address;
      transaction: Hex;
    });

/** The parsed JSON of a file, or a CliError naming the option. */
function readJson(option: string, path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`--${option} ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
}

/**
 * Writes `signed` to `file` as `--signatures` reads it, added to the signals already there for the same mandate (the
 * client's addRecall refuses a file for another mandate before it is overwritten); returns how many it now holds.
 */
function writeSignal(file: string, signed: SignedRecallJson): number {
  const list = addRecall(existsSync(file) ? readJson("out", file) : undefined, signed);
  writeFileSync(file, JSON.stringify(list, null, 2) + "\n");
  return list.length;
}

/** Signs, submits or signals a recall of mandate `--id`. Refusals (not a member, signalled already) are sentences. */
export async function recallMandate(c: Connection, args: RecallArgs): Promise<RecallResult> {
  const mandateId = parseId("id", args.id);
  if (args.sign && args.signatures !== undefined) throw new CliError("Give either --sign or --signatures, not both.");
  if (args.out !== undefined && !args.sign)
    throw new CliError("--out goes with --sign: it is where the signature is written.");
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);

  if (args.sign) {
    const signed = recallToJson(await signRecall(wallet, { mandates, mandateId }));
    if (args.out === undefined) return { action: "signed", circle, signed };
    return { action: "signed", circle, signed, out: { file: args.out, signals: writeSignal(args.out, signed) } };
  }

  const r =
    args.signatures !== undefined
      ? await submitRecallSignatures(wallet, {
          mandates,
          mandateId,
          signatures: parseRecalls(readJson("signatures", args.signatures), {
            mandates,
            mandateId,
            chainId: c.chainId,
          }),
        })
      : await signalRecall(wallet, { mandates, mandateId });
  return { action: "signalled", circle, ...r };
}

export default async function recall(args: RecallArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await recallMandate(await connect(hre), args);
    if (r.action === "signed") {
      const s = r.signed;
      // With --json, exactly the entry --signatures reads, so `--sign --json > signal.json` can be submitted as is.
      report(
        args.json,
        r.out
          ? `${s.member} signed a recall signal for mandate ${s.mandateId} of circle ${r.circle} (nothing was sent) and wrote it to ${r.out.file}, which now holds ${r.out.signals} signal(s). Anyone can submit them with --signatures ${r.out.file}; each stays valid until its member signals another recall.`
          : `${s.member} signed a recall signal for mandate ${s.mandateId} of circle ${r.circle} (nothing was sent): ${s.signature}. Save it with --out <file> (or --json) and anyone can submit it with --signatures; it stays valid until ${s.member} signals another recall.`,
        { ...s },
      );
      return;
    }
    const human = r.recalled
      ? `Mandate ${r.mandateId} of circle ${r.circle} is recalled: ${r.signals} of the ${r.needed} signals needed, a majority of the current members. Transaction ${r.transaction}.`
      : `Recorded ${r.members.length} recall signal(s) for mandate ${r.mandateId} of circle ${r.circle}: ${r.signals} so far, ${r.needed} make a majority. Transaction ${r.transaction}.`;
    report(args.json, human, { ...r });
  });
}
