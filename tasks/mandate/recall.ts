/**
 * `npx hardhat mandate recall --circle <address> --id 1 [--sign | --signatures <file.json>] [--from <address>]
 *   [--registry <address>] [--json]`
 *
 * A member signals to recall a mandate; the signal that makes a majority of the current members ends it at once.
 * Signals can also be signed off-chain (`--sign`, nothing is sent) and submitted together by anyone
 * (`--signatures`, a JSON array of the `{ "member", "signature" }` objects that `--sign --json` prints).
 */
import { readFileSync } from "node:fs";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, isHex, parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../client/abis.js";
import { CliError, connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import { circleOf, mandatesCallAbi, parseId } from "./common.js";

export interface RecallArgs {
  circle?: string;
  id?: string;
  sign: boolean;
  signatures?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** A recall signal signed off-chain (EIP-712 `Recall(uint256 mandateId,address member,uint256 nonce)`). */
export interface SignedRecall {
  member: Address;
  signature: Hex;
}

export type RecallResult =
  | {
      action: "signed";
      circle: Address;
      mandateId: bigint;
      member: Address;
      /** The member's recall nonce: the signature is valid until they sign or submit another recall signal. */
      nonce: bigint;
      signature: Hex;
    }
  | {
      action: "signalled";
      circle: Address;
      mandateId: bigint;
      /** The members whose signals this transaction recorded. */
      members: Address[];
      signals: bigint;
      needed: bigint;
      /** Whether the mandate ended by this recall. */
      recalled: boolean;
      transaction: Hex;
    };

/** EIP-712 types of an off-chain recall signal. */
export const RECALL_TYPES = {
  Recall: [
    { name: "mandateId", type: "uint256" },
    { name: "member", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** Reads and checks a file of signed recall signals. */
function readSignatures(path: string): SignedRecall[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`--signatures ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) throw new CliError(`--signatures ${path} holds no signatures.`);
  return list.map((entry: unknown, i) => {
    const { member, signature } = (entry ?? {}) as { member?: unknown; signature?: unknown };
    if (typeof signature !== "string" || !isHex(signature, { strict: true })) {
      throw new CliError(`--signatures: entry ${i + 1} has no "signature" (0x and hex digits).`);
    }
    return { member: requireAddress("signatures", typeof member === "string" ? member : undefined), signature };
  });
}

/** Signs, submits or signals a recall of mandate `--id`. Refusals (not a member, signalled already) are sentences. */
export async function recallMandate(c: Connection, args: RecallArgs): Promise<RecallResult> {
  const mandateId = parseId("id", args.id);
  if (args.sign && args.signatures !== undefined) throw new CliError("Give either --sign or --signatures, not both.");
  const batch = args.signatures !== undefined ? readSignatures(args.signatures) : undefined;
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const read = { address: mandates, abi: mandatesAbi } as const;

  if (args.sign) {
    // Checked as if the member signalled now, so that a signature that could never count is not handed out.
    await c.publicClient.simulateContract({
      address: mandates,
      abi: mandatesCallAbi,
      functionName: "signalRecall",
      args: [mandateId],
      account: wallet.account,
    });
    const member = getAddress(wallet.account.address);
    const nonce = await c.publicClient.readContract({ ...read, functionName: "nonces", args: [member] });
    const signature = await wallet.signTypedData({
      domain: { name: "Commonweal Mandates", version: "1", chainId: c.chainId, verifyingContract: mandates },
      types: RECALL_TYPES,
      primaryType: "Recall",
      message: { mandateId, member, nonce },
    });
    return { action: "signed", circle, mandateId, member, nonce, signature };
  }

  const { request } = batch
    ? await c.publicClient.simulateContract({
        address: mandates,
        abi: mandatesCallAbi,
        functionName: "signalRecallBySig",
        args: [mandateId, batch.map((s) => s.member), batch.map((s) => s.signature)],
        account: wallet.account,
      })
    : await c.publicClient.simulateContract({
        address: mandates,
        abi: mandatesCallAbi,
        functionName: "signalRecall",
        args: [mandateId],
        account: wallet.account,
      });
  const { hash: transaction, receipt } = await send(c, wallet, request);
  const signalled = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "RecallSignalled" });
  const ended = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "MandateEnded" });
  const last = signalled.at(-1)?.args;
  const [signals, needed] = last
    ? [last.signals, last.needed]
    : await c.publicClient.readContract({ ...read, functionName: "recallSignals", args: [mandateId] });
  return {
    action: "signalled",
    circle,
    mandateId,
    members: signalled.map((log) => log.args.member),
    signals,
    needed,
    recalled: ended.some((log) => log.args.mandateId === mandateId),
    transaction,
  };
}

export default async function recall(args: RecallArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(async () => {
    const r = await recallMandate(await connect(hre), args);
    const human =
      r.action === "signed"
        ? `${r.member} signed a recall signal for mandate ${r.mandateId} of circle ${r.circle} (nothing was sent): ${r.signature}. Anyone can submit it with --signatures; it stays valid until ${r.member} signals another recall.`
        : r.recalled
          ? `Mandate ${r.mandateId} of circle ${r.circle} is recalled: ${r.signals} of the ${r.needed} signals needed, a majority of the current members. Transaction ${r.transaction}.`
          : `Recorded ${r.members.length} recall signal(s) for mandate ${r.mandateId} of circle ${r.circle}: ${r.signals} so far, ${r.needed} make a majority. Transaction ${r.transaction}.`;
    report(args.json, human, { ...r });
  });
}
