/**
 * Where a network's Commonweal contracts live: the Ignition deployment record of `deploy/modules/Circles.ts`
 * (`deploy/deployments/chain-<id>/deployed_addresses.json`). Node only (reads a file).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import type { Address } from "./pathfinder.js";

/** The contracts of the suite, by their name in the deployment record. */
export const DEPLOYED = {
  registry: "Circles#CircleRegistry",
  creditFactory: "Circles#CreditFactory",
  incomeHub: "Circles#IncomeHub",
  incomeWrappers: "Circles#IncomeWrappers",
} as const;

export class DeploymentRecordError extends Error {
  override name = "DeploymentRecordError";
}

/**
 * The addresses recorded for `chainId` (Ignition's default deployment id `chain-<id>`, or `deploymentId` if the
 * suite was deployed with `--deployment-id`); throws a DeploymentRecordError saying how to deploy if there are none.
 */
export function readDeployment(
  chainId: number,
  root = "deploy/deployments",
  deploymentId = `chain-${chainId}`,
): Record<keyof typeof DEPLOYED, Address> {
  const file = join(root, deploymentId, "deployed_addresses.json");
  if (!existsSync(file)) {
    throw new DeploymentRecordError(
      `No deployment record for chain ${chainId} (${file}). Deploy first: npx hardhat ignition deploy deploy/modules/Circles.ts --network <name>`,
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
