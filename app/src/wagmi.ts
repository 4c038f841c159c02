/**
 * wagmi and viem built from the runtime configuration: the chain it names, reads over its RPC URL, and any injected
 * wallet (EIP-6963 discovery lists every wallet that announces itself; `injected()` covers a lone window.ethereum).
 */
import { createPublicClient, defineChain, http, type Chain, type PublicClient } from "viem";
import { mainnet, sepolia } from "viem/chains";
import { createConfig, injected, type Config } from "wagmi";

import type { ResolvedConfig } from "./config.js";

/**
 * The chains with ENS, by id: on them the chain carries viem's ENS contracts, so the client's readProfiles also looks
 * up each person's primary ENS name (names.ts shows it where they set no display name).
 */
const ENS_CHAINS: Readonly<Record<number, Chain>> = { [mainnet.id]: mainnet, [sepolia.id]: sepolia };

/** The chain of the configuration, as viem and wagmi describe chains. */
export function chainOf(config: ResolvedConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName ?? `Chain ${config.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
    ...(ENS_CHAINS[config.chainId]?.contracts ? { contracts: ENS_CHAINS[config.chainId]!.contracts } : {}),
  });
}

/** wagmi's configuration: one chain, injected wallets discovered by EIP-6963. */
export function wagmiConfigOf(config: ResolvedConfig): Config {
  const chain = chainOf(config);
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(config.rpcUrl) },
  });
}

/** The client the pages read the chain with (the client's actions take it first). */
export function publicClientOf(config: ResolvedConfig): PublicClient {
  return createPublicClient({ chain: chainOf(config), transport: http(config.rpcUrl) });
}
