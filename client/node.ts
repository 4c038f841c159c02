/**
 * @commonweal/client/node: what only runs in Node (reads files). The Ignition deployment records
 * (`<folder>/chain-<id>/deployed_addresses.json`), from a folder you name or `COMMONWEAL_DEPLOYMENTS`, after the
 * addresses shipped for public networks: `readDeployment(chainId, { folder })`.
 *
 * @example
 * import { readDeployment } from "@commonweal/client/node";
 * const folder = fileURLToPath(new URL("../deploy/deployments", import.meta.url));
 * const { registry } = readDeployment(await publicClient.getChainId(), { folder });
 */
export * from "./deployments.js";
