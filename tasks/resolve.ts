/** Finding a circle or council and its parts from an address given on the command line, before anything is sent. */
import { resolveBody, type ResolveBodyReturnType } from "../client/actions/circle/resolveBody.js";
import { requireAddress, type Connection } from "./cli.js";

/** A circle (or council) and the contracts that make it up. */
export type CircleParts = ResolveBodyReturnType;

/**
 * The circle or council at `--<option>`: refused with a sentence if the address is malformed, or (by the client's
 * `resolveBody`) is not a body of this network's registry (`--registry` overrides the deployment record).
 */
export async function resolveCircle(
  c: Connection,
  option: string,
  value: string | undefined,
  registryOverride?: string,
): Promise<CircleParts> {
  const address = requireAddress(option, value);
  const registry = registryOverride ? requireAddress("registry", registryOverride) : c.deployment().registry;
  return resolveBody(c.publicClient, { address, registry });
}
