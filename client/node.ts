/**
 * @commonweal/client/node: what only runs in Node (reads files). The Ignition deployment records
 * (`deploy/deployments/chain-<id>/deployed_addresses.json`): `readDeployment(chainId, root)`.
 *
 * @example
 * import { readDeployment } from "@commonweal/client/node";
 * const { registry } = readDeployment(await publicClient.getChainId());
 */
export * from "./deployments.js";
