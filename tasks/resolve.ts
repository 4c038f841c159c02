/** Finding a circle or council and its parts from an address given on the command line, before anything is sent. */
import type { Address } from "viem";

import { circleAbi, circleRegistryAbi } from "../client/abis.js";
import { CliError, requireAddress, requireContract, type Connection } from "./cli.js";

/** A circle (or council) and the contracts that make it up. */
export interface CircleParts {
  circle: Address;
  membership: Address;
  rituals: Address;
  mandates: Address;
  /** True for a council (its members are circles), false for a circle of people. */
  council: boolean;
}

/**
 * The circle or council at `--<option>`: refused with a sentence if the address is malformed or is not a body of this
 * network's registry (`--registry` overrides the deployment record).
 */
export async function resolveCircle(
  c: Connection,
  option: string,
  value: string | undefined,
  registryOverride?: string,
): Promise<CircleParts> {
  const address = requireAddress(option, value);
  const registry = registryOverride ? requireAddress("registry", registryOverride) : c.deployment().registry;
  await requireContract(c, "circle registry", registry);
  const read = (functionName: "isCircle" | "isCouncil") =>
    c.publicClient.readContract({ address: registry, abi: circleRegistryAbi, functionName, args: [address] });
  const [isCircle, isCouncil] = await Promise.all([read("isCircle"), read("isCouncil")]);
  if (!isCircle && !isCouncil) {
    throw new CliError(`${address} is not a circle or council of the registry ${registry} on chain ${c.chainId}.`);
  }
  const part = (functionName: "membership" | "rituals" | "mandates") =>
    c.publicClient.readContract({ address, abi: circleAbi, functionName });
  const [membership, rituals, mandates] = await Promise.all([part("membership"), part("rituals"), part("mandates")]);
  return { circle: address, membership, rituals, mandates, council: isCouncil };
}
