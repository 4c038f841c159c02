/**
 * Where a network's Commonweal contracts live: the addresses shipped for public networks (`knownDeployments`), else
 * the Ignition deployment record of `deploy/modules/Circles.ts` (`<folder>/chain-<id>/deployed_addresses.json`) in a
 * folder the caller names, or the one the `COMMONWEAL_DEPLOYMENTS` environment variable names. Never the current
 * folder by accident. Node only (reads a file).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { DEPLOYED, knownDeployments, type DeploymentAddresses } from "./networks.js";
import type { Address } from "./pathfinder.js";
import { CommonwealError } from "./errors.js";

export { DEPLOYED, knownDeployments, type DeploymentAddresses } from "./networks.js";

/** The environment variable naming the folder of local deployment records when the caller names none. */
export const DEPLOYMENTS_ENV = "COMMONWEAL_DEPLOYMENTS";

export class DeploymentRecordError extends CommonwealError {
  override name = "DeploymentRecordError";
}

export interface ReadDeploymentOptions {
  /**
   * The folder of Ignition's deployment records (in this repository, `deploy/deployments` at its root; resolve it
   * from your own module, e.g. `fileURLToPath(new URL("../deploy/deployments", import.meta.url))`). Without it, the
   * folder `COMMONWEAL_DEPLOYMENTS` names.
   */
  folder?: string;
  /**
   * The record's deployment id, if the suite was deployed with `--deployment-id` (default `chain-<id>`). Naming one
   * reads the local record even on a network whose addresses are shipped.
   */
  deploymentId?: string;
}

/**
 * The suite's addresses on `chainId`: those shipped in `knownDeployments` first (unless `deploymentId` is named),
 * else the local record in `folder` (or `COMMONWEAL_DEPLOYMENTS`). Throws a DeploymentRecordError saying what to do
 * if neither folder is given or there is no record.
 */
export function readDeployment(chainId: number, options: ReadDeploymentOptions = {}): DeploymentAddresses {
  const shipped = knownDeployments[chainId];
  if (shipped && options.deploymentId === undefined) return shipped;
  const folder = options.folder ?? (process.env[DEPLOYMENTS_ENV] || undefined);
  if (folder === undefined) {
    throw new DeploymentRecordError(
      `No Commonweal addresses ship for chain ${chainId}, and no folder of deployment records is named: ` +
        `pass readDeployment(${chainId}, { folder }) or set ${DEPLOYMENTS_ENV} to the folder ` +
        `(in the Commonweal repository, deploy/deployments).`,
    );
  }
  const deploymentId = options.deploymentId ?? `chain-${chainId}`;
  const file = join(folder, deploymentId, "deployed_addresses.json");
  if (!existsSync(file)) {
    throw new DeploymentRecordError(
      `No deployment record for chain ${chainId} (${file}). Deploy first, in the Commonweal repository: npm run deploy:local for a local node, or npx hardhat ignition deploy deploy/modules/Circles.ts --network <name> --build-profile default for another network.`,
    );
  }
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const addresses = {} as Record<keyof typeof DEPLOYED, Address>;
  for (const [key, name] of Object.entries(DEPLOYED) as [keyof typeof DEPLOYED, string][]) {
    const address = recorded[name];
    if (!address) throw new DeploymentRecordError(`The record ${file} has no ${name}: redeploy the module.`);
    addresses[key] = address as Address;
  }
  return addresses;
}
