/**
 * Mandate powers with their caps written as a person writes them: ether for `maxValue`, and for `maxAmount` the
 * target token's units where the target answers ERC-20 `decimals()` (raw where it does not). Each power comes back
 * as the contract takes it, with the units its amount cap was read in.
 */
import { formatEther, parseEther, type Address, type Chain, type Client, type Hex, type Transport } from "viem";

import { InvalidParameterError } from "../../errors.js";
import { amountFromUnits, TOKEN_AMOUNT_SELECTORS, type Power, type TokenUnits } from "../../mandates.js";
import { readTokenUnits } from "./readTokenUnits.js";

/** Caps are stored as uint128: a larger one is refused rather than cut. */
const CAP_LIMIT = 2n ** 128n;

/** One power as given: caps as bigints are raw (wei, smallest token unit); as text they are in units. */
export interface PowerParameters {
  target: Address;
  /** The function's selector; `0x00000000` allows plain ether transfers. */
  selector: Hex;
  /** The most ether one call may send: text in ether (`0.5`), a bigint in wei. Default: none. */
  maxValue?: string | bigint;
  /**
   * For ERC-20 transfer, approve and transferFrom (required for them): the most one call may move or approve. Text
   * is read in the target's units (`100` tokens) when it answers `decimals()`, as a raw integer otherwise; a bigint
   * is raw.
   */
  maxAmount?: string | bigint;
}

export interface ResolvePowersParameters {
  powers: readonly PowerParameters[];
}

/** Each power as the contract takes it, and the units its `maxAmount` was read in (undefined: raw). */
export type ResolvePowersReturnType = { power: Power; amountUnits?: TokenUnits }[];

/**
 * Resolves powers' caps into raw integers. Refused with an InvalidParameterError: a cap that is not an amount, one of
 * 2^128 or more, and a token-moving power (transfer, approve, transferFrom) without an amount cap.
 *
 * @example
 * const [{ power }] = await resolvePowers(publicClient, {
 *   powers: [{ target: token, selector: "0xa9059cbb", maxAmount: "100" }], // 100 tokens, in the token's decimals
 * });
 */
export async function resolvePowers<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ResolvePowersParameters,
): Promise<ResolvePowersReturnType> {
  return Promise.all(
    parameters.powers.map(async (given) => {
      const { target, selector } = given;
      const where = (cap: string) => ({ parameter: "powers", subject: `The ${cap} cap of the power over ${target}` });
      let maxValue = 0n;
      if (typeof given.maxValue === "string") {
        if (!/^\d+(\.\d{1,18})?$/.test(given.maxValue)) {
          throw new InvalidParameterError(
            "powers",
            `${where("value").subject} "${given.maxValue}" is not an amount of ether: write digits with at most 18 decimals, such as 0.5.`,
          );
        }
        maxValue = parseEther(given.maxValue);
      } else if (given.maxValue !== undefined) maxValue = given.maxValue;
      let maxAmount = 0n;
      let amountUnits: TokenUnits | undefined;
      if (typeof given.maxAmount === "string") {
        amountUnits = await readTokenUnits(client, { token: target });
        maxAmount = amountFromUnits(given.maxAmount, amountUnits, where("amount"));
      } else if (given.maxAmount !== undefined) maxAmount = given.maxAmount;
      for (const [cap, value, shown] of [
        ["value", maxValue, `${formatEther(maxValue)} ether`],
        ["amount", maxAmount, `${maxAmount} raw`],
      ] as const) {
        if (value < 0n || value >= CAP_LIMIT) {
          throw new InvalidParameterError(
            "powers",
            `${where(cap).subject} (${shown}) must be at least 0 and below 2^128.`,
          );
        }
      }
      if (TOKEN_AMOUNT_SELECTORS.includes(selector.toLowerCase() as Hex) && maxAmount === 0n) {
        throw new InvalidParameterError(
          "powers",
          `The power to call ${selector} on ${target} moves tokens: give the most one call may move or approve (its amount cap, maxAmount).`,
        );
      }
      return { power: { target, selector, maxValue, maxAmount }, ...(amountUnits ? { amountUnits } : {}) };
    }),
  );
}
