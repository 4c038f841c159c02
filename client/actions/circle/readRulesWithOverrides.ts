/**
 * The rules a new circle or council is founded with: the registry's defaults, with whatever the founders change. The
 * registry checks whether the rules make sense together when the founding is simulated; this only assembles them.
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import {
  CIRCLE_RULE_KEYS,
  MANDATE_RULE_KEYS,
  mandateRulesFromChain,
  rulesFromChain,
  type CircleRules,
  type MandateRules,
} from "../../rules.js";
import { requireRegistry } from "./resolveBody.js";

export interface ReadRulesWithOverridesParameters {
  registry: Address;
  /** Rules that differ from the registry's defaults (durations in seconds). */
  overrides?: Partial<CircleRules & MandateRules>;
  /** Defaults of the caller's own, applied before `overrides` (a council starts with `minMembers: 1`). */
  base?: Partial<CircleRules>;
}

export interface ReadRulesWithOverridesReturnType {
  rules: CircleRules;
  mandateRules: MandateRules;
}

/**
 * The registry's default circle and mandate rules, with `base` and then `overrides` applied. Throws a
 * `NoContractError` if nothing answers at `registry`.
 *
 * @example
 * const { rules, mandateRules } = await readRulesWithOverrides(publicClient, { registry, overrides: { votingPeriod: 2 * 86_400 } });
 */
export async function readRulesWithOverrides<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadRulesWithOverridesParameters,
): Promise<ReadRulesWithOverridesReturnType> {
  const { registry, overrides = {}, base = {} } = parameters;
  await requireRegistry(client, registry);
  const [defaults, mandateDefaults] = await Promise.all([
    readContract(client, { address: registry, abi: circleRegistryAbi, functionName: "defaultRules" }),
    readContract(client, { address: registry, abi: circleRegistryAbi, functionName: "defaultMandateRules" }),
  ]);
  const rules: CircleRules = { ...rulesFromChain(defaults), ...base };
  for (const key of CIRCLE_RULE_KEYS) {
    const value = overrides[key];
    if (value !== undefined) rules[key] = value;
  }
  const mandateRules = mandateRulesFromChain(mandateDefaults);
  for (const key of MANDATE_RULE_KEYS) {
    if (overrides[key] !== undefined) Object.assign(mandateRules, { [key]: overrides[key] });
  }
  return { rules, mandateRules };
}
