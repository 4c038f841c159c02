/**
 * Recall signals signed off-chain (EIP-712), and the JSON that carries them from the members who sign to whoever
 * submits them: `mandate recall --sign` writes it, `mandate recall --signatures` reads it. A signature counts once
 * (its nonce is the member's), and only for the mandate, contract and chain it names.
 *
 * @example
 * const signed = await signRecall(publicClient, walletClient, { mandates, mandateId: 1n });
 * writeFileSync("recall.json", JSON.stringify([recallToJson(signed)]));
 * const batch = parseRecalls(JSON.parse(readFileSync("recall.json", "utf8")), { mandates, mandateId: 1n });
 */
import {
  getAddress,
  isAddress,
  isHex,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

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

/**
 * Checks that `account` could signal a recall of `mandateId` now (so a signature that could never count is not
 * handed out: a refusal is the contract's custom error, decoded with `abi`), then signs the signal off-chain.
 * Nothing is sent.
 */
export async function signRecall(
  publicClient: PublicClient,
  wallet: WalletClient<Transport, Chain | undefined, Account>,
  parameters: { mandates: Address; mandateId: bigint; abi?: Abi },
): Promise<SignedRecall> {
  const { mandates, mandateId, abi = mandatesAbi } = parameters;
  await publicClient.simulateContract({
    address: mandates,
    abi: abi as typeof mandatesAbi,
    functionName: "signalRecall",
    args: [mandateId],
    account: wallet.account,
  });
  const member = getAddress(wallet.account.address);
  const [chainId, nonce] = await Promise.all([
    publicClient.getChainId(),
    publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "nonces", args: [member] }),
  ]);
  const signature = await wallet.signTypedData({
    account: wallet.account,
    domain: { name: "Commonweal Mandates", version: "1", chainId, verifyingContract: mandates },
    types: RECALL_TYPES,
    primaryType: "Recall",
    message: { mandateId, member, nonce },
  });
  return { chainId, mandates, mandateId, member, nonce, signature };
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
