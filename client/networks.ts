/**
 * The suite's addresses on public networks, shipped inside the package by chain id, so an app needs no file to find
 * them. Browser-safe (no file access). Local deployments are not here: they are read from Ignition's records by
 * `readDeployment` (`@commonweal/client/node`), from a folder the caller names.
 */
import type { Address } from "./pathfinder.js";

/** The contracts of the suite, by their name in Ignition's deployment record of `deploy/modules/Circles.ts`. */
export const DEPLOYED = {
  registry: "Circles#CircleRegistry",
  creditFactory: "Circles#CreditFactory",
  incomeHub: "Circles#IncomeHub",
  incomeWrappers: "Circles#IncomeWrappers",
  profiles: "Circles#Profiles",
} as const;

/** Where the suite's contracts live on one network. */
export type DeploymentAddresses = Readonly<Record<keyof typeof DEPLOYED, Address>>;

/**
 * The suite on public networks, by chain id: empty until Commonweal is deployed publicly. An entry looks like
 * `11155111: { registry: "0x…", creditFactory: "0x…", incomeHub: "0x…", incomeWrappers: "0x…", profiles: "0x…" }` (checksummed,
 * copied from that network's `deployed_addresses.json`); `readDeployment` consults this table first.
 */
export const knownDeployments: Readonly<Partial<Record<number, DeploymentAddresses>>> = {};
