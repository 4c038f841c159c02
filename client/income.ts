/**
 * What the basic-income actions share (see `client/actions/income/`): token ids, registration kinds, wrapper
 * flavours, and the calls a circle proposes to register itself and to pay along trust.
 *
 * Income amounts are in the hub's tokens, 18 decimals, as `balanceOf` reads them (after demurrage): write them with
 * `formatTokens` ("96 tokens").
 *
 * @example
 * const flow = await planPayment(publicClient, { hub, payer: ana, to: dan, amount: parseEther("25") });
 * await walletClient.writeContract(payAlongTrustRequest(hub, flow, dan));
 */
import { encodeFunctionData, getAddress, type Address } from "viem";

import { incomeHubAbi } from "./abis.js";
import type { ProposalCall } from "./proposals.js";
import type { PaymentFlow } from "./pathfinder.js";

/** `IIncomeHub.AvatarKind`, in words, by its number: what an account is registered as. */
export const AVATAR_KINDS = ["not registered", "a person", "a circle"] as const;
/** `IIncomeHub.AvatarKind` of a registered person. */
export const AVATAR_KIND_PERSON = 1;
/** `IIncomeHub.AvatarKind` of a registered circle. */
export const AVATAR_KIND_CIRCLE = 2;

/** The wrapper flavours, by `IIncomeWrappers.Flavour` number: demurraged (decays like the hub) or static (does not). */
export const INCOME_WRAPPER_FLAVOURS = ["demurraged", "static"] as const;
/** A wrapper flavour. */
export type IncomeWrapperFlavour = (typeof INCOME_WRAPPER_FLAVOURS)[number];

/** The token id of a person (or group): their address as a number. */
export function tokenIdOf(owner: Address): bigint {
  return BigInt(owner);
}

/** The token owner of an income token id (a person's or a group's address), lower-case as the pathfinder keys it. */
export function tokenOwnerOf(id: bigint): Address {
  return getAddress(`0x${id.toString(16).padStart(40, "0")}`).toLowerCase() as Address;
}

/**
 * The call a circle proposes, as a decision, to register itself in the income hub (`registerCircle()`, made by the
 * circle itself once the decision passes).
 */
export function registerCircleCall(hub: Address): ProposalCall & { value: bigint } {
  return { target: hub, value: 0n, data: encodeFunctionData({ abi: incomeHubAbi, functionName: "registerCircle" }) };
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

// --- Demurrage, exactly as the hub computes it ----------------------------------------------------------------------

/** gamma = 0.93^(1/365.25), the factor a balance keeps per day, in 64.64 fixed point (contracts/income/Demurrage.sol). */
export const DEMURRAGE_GAMMA_64X64 = 18443079296116538654n;

/** ABDKMath64x64.pow for a base of at most 1 (gamma is): binary exponentiation in 128-bit fixed point, rounding down. */
function pow64x64(x: bigint, y: bigint): bigint {
  let absX = x << 63n;
  let result = 1n << 128n;
  for (let n = y; n !== 0n; n >>= 4n) {
    for (let bit = 0n; bit < 4n; bit++) {
      if ((n >> bit) & 1n) result = (result * absX) >> 127n;
      absX = (absX * absX) >> 127n;
    }
  }
  return result >> 64n;
}

/**
 * `value` after `elapsedDays` whole days of demurrage, to the wei the hub's `Demurrage.discount` gives (ABDK's
 * `pow` of gamma, then `mulu`, both rounding down): what a balance stored on one day is worth `elapsedDays` later.
 *
 * @example
 * demurrageDiscount(parseEther("100"), 365n); // a little over 93 tokens
 */
export function demurrageDiscount(value: bigint, elapsedDays: bigint): bigint {
  if (elapsedDays === 0n || value === 0n) return value;
  return (pow64x64(DEMURRAGE_GAMMA_64X64, elapsedDays) * value) >> 64n;
}

/** One ERC-1155 `TransferSingle` of the hub, as the ledger holds it: a mint has `from` zero, a burn `to` zero. */
export interface IncomeTransfer {
  from: Address;
  to: Address;
  /** Whose token (the token id as an address). */
  tokenOwner: Address;
  value: bigint;
  /** The block's timestamp. */
  timestamp: bigint;
}

/**
 * Every holder's balance of every income token at second `at`, replayed from the hub's transfers in chain order as the
 * hub keeps them: a balance is stored with its day, and each transfer first discounts it to the transfer's day
 * (`(timestamp - dayZero) / 1 day`), then adds or subtracts; reading discounts it to the day of `at`. The result is
 * the hub's `balanceOf` to the wei. Keys are `${holder}-${tokenOwner}` (checksummed); holders whose balance is zero
 * are kept (so a ledger that lost a transfer still shows the holder).
 *
 * @example
 * const balances = incomeBalancesFromTransfers(transfers, dayZero, status.timestamp);
 */
export function incomeBalancesFromTransfers(
  transfers: readonly IncomeTransfer[],
  dayZero: bigint,
  at: bigint,
): Map<string, bigint> {
  const dayOf = (second: bigint) => (second - dayZero) / 86_400n;
  const stored = new Map<string, { value: bigint; day: bigint }>();
  const zero = "0x0000000000000000000000000000000000000000";
  const move = (holder: Address, tokenOwner: Address, delta: bigint, day: bigint) => {
    const key = `${getAddress(holder)}-${getAddress(tokenOwner)}`;
    const before = stored.get(key) ?? { value: 0n, day };
    stored.set(key, { value: demurrageDiscount(before.value, day - before.day) + delta, day });
  };
  for (const t of transfers) {
    const day = dayOf(t.timestamp);
    if (t.from.toLowerCase() !== zero) move(t.from, t.tokenOwner, -t.value, day);
    if (t.to.toLowerCase() !== zero) move(t.to, t.tokenOwner, t.value, day);
  }
  const today = dayOf(at);
  return new Map([...stored].map(([key, b]) => [key, demurrageDiscount(b.value, today - b.day)]));
}
