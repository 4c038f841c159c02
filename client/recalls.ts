/**
 * Recall signals signed off-chain (EIP-712), and the JSON that carries them from the members who sign to whoever
 * submits them: `mandate recall --sign` writes it, `mandate recall --signatures` reads it. A signature counts once
 * (its nonce is the member's), and only for the mandate, contract and chain it names.
 *
 * @example
 * const signed = await signRecall(walletClient, { mandates, mandateId: 1n });
 * writeFileSync("recall.json", JSON.stringify([recallToJson(signed)]));
 * const batch = parseRecalls(JSON.parse(readFileSync("recall.json", "utf8")), { mandates, mandateId: 1n });
 * await submitRecallSignatures(walletClient, { mandates, mandateId: 1n, signatures: batch });
 */
import {
  getAddress,
  isAddress,
  isHex,
  parseEventLogs,
  type Address,
  type Chain,
  type Client,
  type Hex,
  type TransactionReceipt,
  type Transport,
} from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "./abis.js";
import { CommonwealError } from "./errors.js";

/** A recall file or entry that does not hold what `--signatures` needs: said in a sentence. */
export class RecallFileError extends CommonwealError {
  override name = "RecallFileError";
}

/** EIP-712 types of an off-chain recall signal. */
export const RECALL_TYPES = {
  Recall: [
    { name: "mandateId", type: "uint256" },
    { name: "member", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** A member's recall signal, signed off-chain, with what it is valid for. */
export interface SignedRecall {
  chainId: number;
  /** The circle's Mandates contract, which verifies the signature. */
  mandates: Address;
  mandateId: bigint;
  member: Address;
  /** The member's nonce: the signature is valid until they sign or submit another recall signal. */
  nonce: bigint;
  signature: Hex;
}

/** A SignedRecall as JSON (numbers as decimal strings): one entry of a recall file. */
export interface SignedRecallJson {
  chainId: number;
  mandates: Address;
  mandateId: string;
  member: Address;
  nonce: string;
  signature: Hex;
}

/** The JSON entry for a signed recall (what `--sign --json` prints and `--sign --out` writes). */
export function recallToJson(r: SignedRecall): SignedRecallJson {
  return {
    chainId: r.chainId,
    mandates: r.mandates,
    mandateId: r.mandateId.toString(),
    member: r.member,
    nonce: r.nonce.toString(),
    signature: r.signature,
  };
}

/**
 * The signals in a recall file's parsed JSON (one entry, or an array of them), checked against the mandate they
 * are submitted for: an entry signed for another mandate, contract or chain is refused rather than sent to fail.
 * Entries of only `{ member, signature }` are accepted as they are.
 */
export function parseRecalls(
  json: unknown,
  expected: { mandates: Address; mandateId: bigint; chainId?: number },
): { member: Address; signature: Hex }[] {
  const list: unknown[] = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw new RecallFileError("The recall file holds no signatures.");
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const e = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<Record<string, unknown>>;
    const n = `entry ${i + 1}`;
    if (typeof e.member !== "string" || !isAddress(e.member, { strict: false })) {
      throw new RecallFileError(`The recall file's ${n} has no "member" address (0x and 40 hex digits).`);
    }
    if (typeof e.signature !== "string" || !isHex(e.signature, { strict: true })) {
      throw new RecallFileError(`The recall file's ${n} has no "signature" (0x and hex digits).`);
    }
    const member = getAddress(e.member);
    if (e.mandateId !== undefined && String(e.mandateId) !== expected.mandateId.toString()) {
      throw new RecallFileError(
        `The recall file's ${n} (${member}) is signed for mandate ${String(e.mandateId)}, not mandate ${expected.mandateId}.`,
      );
    }
    if (
      e.mandates !== undefined &&
      (typeof e.mandates !== "string" || e.mandates.toLowerCase() !== expected.mandates.toLowerCase())
    ) {
      throw new RecallFileError(
        `The recall file's ${n} (${member}) is signed for the mandates of another circle (${String(e.mandates)}), not ${expected.mandates}.`,
      );
    }
    if (e.chainId !== undefined && expected.chainId !== undefined && Number(e.chainId) !== expected.chainId) {
      throw new RecallFileError(
        `The recall file's ${n} (${member}) is signed for chain ${String(e.chainId)}, not chain ${expected.chainId}.`,
      );
    }
    if (seen.has(member)) throw new RecallFileError(`The recall file holds ${member}'s signal twice.`);
    seen.add(member);
    return { member, signature: e.signature };
  });
}

/**
 * A recall file's entries with `signed` added, as `--signatures` reads them: the signals already there for the same
 * mandate are kept (so members can collect theirs in one file) and an earlier one of the same member is replaced.
 * `existing` is the file's parsed JSON (undefined for a new file); one for another mandate, contract or chain is
 * refused with a RecallFileError rather than overwritten.
 */
export function addRecall(existing: unknown, signed: SignedRecallJson): SignedRecallJson[] {
  if (existing === undefined) return [signed];
  parseRecalls(existing, { mandates: signed.mandates, mandateId: BigInt(signed.mandateId), chainId: signed.chainId });
  const list = (Array.isArray(existing) ? existing : [existing]) as SignedRecallJson[];
  return [...list.filter((e) => e.member.toLowerCase() !== signed.member.toLowerCase()), signed];
}

/** What a transaction of recall signals did: whose signals it recorded, the count, and whether the mandate ended. */
export interface RecallOutcome {
  mandateId: bigint;
  /** The members whose signals this transaction recorded. */
  members: Address[];
  signals: bigint;
  /** How many signals make a majority of the current members. */
  needed: bigint;
  /** Whether the mandate ended by this recall. */
  recalled: boolean;
}

/** The outcome of a recall transaction, from its events (the count read from the module if it emitted none). */
export async function readRecallOutcome<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: { mandates: Address; mandateId: bigint; receipt: TransactionReceipt },
): Promise<RecallOutcome> {
  const { mandates, mandateId, receipt } = parameters;
  const signalled = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "RecallSignalled" });
  const ended = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "MandateEnded" });
  const last = signalled.at(-1)?.args;
  const [signals, needed] = last
    ? [last.signals, last.needed]
    : await readContract(client, {
        address: mandates,
        abi: mandatesAbi,
        functionName: "recallSignals",
        args: [mandateId],
      });
  return {
    mandateId,
    members: signalled.map((log) => log.args.member),
    signals,
    needed,
    recalled: ended.some((log) => log.args.mandateId === mandateId),
  };
}
