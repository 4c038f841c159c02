/**
 * Builds a circle's decision to found a council (`registry.createCouncil`); the circle holds the first seat once the
 * decision is executed. The founding is tried first as the circle would make it, so a name or rules the registry would
 * refuse are refused now, before anything is proposed.
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Hex, type Transport } from "viem";

import { circleRegistryAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { dryRunAs } from "../../dryRun.js";
import type { CircleRules, MandateRules } from "../../rules.js";
import { resolveBody } from "../circle/resolveBody.js";

export interface PrepareCreateCouncilParameters {
  /** The founding circle. */
  circle: Address;
  registry: Address;
  name: string;
  charterHash: Hex;
  charterURI?: string;
  /** Seat any circle of 3+ members that asks, without a council vote, after a probation. */
  openJoin?: boolean;
  /** The council's rules (see `readRulesWithOverrides`; a council founded by one circle needs `minMembers: 1`). */
  rules: CircleRules;
  mandateRules: MandateRules;
  /** The proposal's description (default: 'Found the council "<name>"'). */
  description?: string;
}

export interface PrepareCreateCouncilReturnType extends PreparedProposal {
  name: string;
  openJoin: boolean;
  charterHash: Hex;
  rules: CircleRules;
  mandateRules: MandateRules;
}

/**
 * The proposal, in `circle`, that it found the council. Refuses a council as the founder: a council's decisions are
 * proposed by its delegates.
 *
 * @example
 * const { rules, mandateRules } = await readRulesWithOverrides(publicClient, { registry, base: { minMembers: 1 } });
 * const proposal = await prepareCreateCouncil(publicClient, { circle, registry, name: "Water council", charterHash, rules, mandateRules });
 */
export async function prepareCreateCouncil<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareCreateCouncilParameters,
): Promise<PrepareCreateCouncilReturnType> {
  const { registry, name, charterHash, charterURI = "", openJoin = false, rules, mandateRules } = parameters;
  const body = await resolveBody(client, {
    address: parameters.circle,
    registry,
    kind: "circle",
    hint: `its decisions are proposed by delegates (npx hardhat council propose --council ${parameters.circle} --target ${registry} …).`,
  });
  const founding = { name, charterHash, charterURI, openJoin };
  await dryRunAs(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "createCouncil",
    args: [founding, rules, mandateRules],
    account: body.circle,
  });
  const data = encodeFunctionData({
    abi: circleRegistryAbi,
    functionName: "createCouncil",
    args: [founding, rules, mandateRules],
  });
  return {
    circle: body.circle,
    calls: [{ target: registry, value: 0n, data }],
    description: parameters.description || `Found the council "${name}"`,
    name,
    openJoin,
    charterHash,
    rules,
    mandateRules,
  };
}
