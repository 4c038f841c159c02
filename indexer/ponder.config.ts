/**
 * The ledger's Ponder configuration: the suite deployed on one network (see `deployment.ts` for how it is chosen), the
 * deployed contracts from their deployment blocks, and every contract the registry and the factories create
 * afterwards, followed by Ponder's factory pattern from their creation events.
 *
 * Ponder gives a contract one factory event: a council's parts (created by `CouncilCreated`) are the same contracts
 * as a circle's (created by `CircleCreated`) but need their own names here (Council, CouncilSeats, CouncilRituals,
 * CouncilMandates, CouncilBadges); their handlers are shared with the circle's. The parts sit in a static tuple
 * (`parts`), which Ponder reads as a factory parameter (`"parts.membership"`: an offset into the event's data).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createConfig, factory, mergeAbis } from "ponder";
import { getAbiItem } from "viem";

import {
  circleAbi,
  circleMembershipAbi,
  circleRegistryAbi,
  circleRitualsAbi,
  councilSeatsAbi,
  creditFactoryAbi,
  demurragedIncomeTokenAbi,
  incomeHubAbi,
  incomeWrappersAbi,
  mandateBadgesAbi,
  mandatesAbi,
  mutualCreditAbi,
  profilesAbi,
  staticIncomeTokenAbi,
} from "../client/abis.js";
import { resolveDeployment } from "./deployment.js";

const deployment = resolveDeployment();
const { addresses, startBlocks, network } = deployment;
const local = network === "localhost";

const circleCreated = getAbiItem({ abi: circleRegistryAbi, name: "CircleCreated" });
const councilCreated = getAbiItem({ abi: circleRegistryAbi, name: "CouncilCreated" });

/** A part of every circle (`parameter` "circle" or "parts.<part>" of CircleCreated), from the registry's block. */
const ofCircles = (parameter: "circle" | `parts.${"membership" | "rituals" | "mandates" | "badges"}`) => ({
  chain: network,
  startBlock: startBlocks.registry,
  address: factory({ address: addresses.registry, event: circleCreated, parameter }),
});
/** The same part of every council (CouncilCreated). */
const ofCouncils = (parameter: "council" | `parts.${"membership" | "rituals" | "mandates" | "badges"}`) => ({
  chain: network,
  startBlock: startBlocks.registry,
  address: factory({ address: addresses.registry, event: councilCreated, parameter }),
});

export default createConfig({
  // PostgreSQL when DATABASE_URL is set (a testnet, a shared server); otherwise PGlite files in the folder that
  // `npm run indexer` keys by the chain's genesis hash (a restarted local node is a new chain: a fresh folder).
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : {
        kind: "pglite",
        directory:
          process.env.COMMONWEAL_INDEXER_DATA ??
          join(fileURLToPath(new URL(".", import.meta.url)), ".data", deployment.deploymentId),
      },
  chains: {
    [network]: {
      id: deployment.chainId,
      // One URL, or its copies (COMMONWEAL_RPC_FANOUT): Ponder spreads its requests over them.
      rpc: deployment.rpcUrls.length === 1 ? deployment.rpcUrl : deployment.rpcUrls,
      // A local node mines on demand: poll often so the ledger follows within a fraction of a second.
      ...(local ? { pollingInterval: 200 } : {}),
    },
  },
  contracts: {
    // --- Governance: the registry, and each circle's and council's five parts ---
    CircleRegistry: {
      chain: network,
      abi: circleRegistryAbi,
      address: addresses.registry,
      startBlock: startBlocks.registry,
    },
    Circle: { abi: circleAbi, ...ofCircles("circle") },
    CircleMembership: { abi: circleMembershipAbi, ...ofCircles("parts.membership") },
    CircleRituals: { abi: circleRitualsAbi, ...ofCircles("parts.rituals") },
    Mandates: { abi: mandatesAbi, ...ofCircles("parts.mandates") },
    MandateBadges: { abi: mandateBadgesAbi, ...ofCircles("parts.badges") },
    Council: { abi: circleAbi, ...ofCouncils("council") },
    CouncilSeats: { abi: councilSeatsAbi, ...ofCouncils("parts.membership") },
    CouncilRituals: { abi: circleRitualsAbi, ...ofCouncils("parts.rituals") },
    CouncilMandates: { abi: mandatesAbi, ...ofCouncils("parts.mandates") },
    CouncilBadges: { abi: mandateBadgesAbi, ...ofCouncils("parts.badges") },

    // --- Money: mutual credit currencies, the income hub and its ERC-20 wrappers ---
    CreditFactory: {
      chain: network,
      abi: creditFactoryAbi,
      address: addresses.creditFactory,
      startBlock: startBlocks.creditFactory,
    },
    MutualCredit: {
      chain: network,
      abi: mutualCreditAbi,
      startBlock: startBlocks.creditFactory,
      address: factory({
        address: addresses.creditFactory,
        event: getAbiItem({ abi: creditFactoryAbi, name: "CurrencyCreated" }),
        parameter: "currency",
      }),
    },
    IncomeHub: { chain: network, abi: incomeHubAbi, address: addresses.incomeHub, startBlock: startBlocks.incomeHub },
    IncomeWrappers: {
      chain: network,
      abi: incomeWrappersAbi,
      address: addresses.incomeWrappers,
      startBlock: startBlocks.incomeWrappers,
    },
    // Both flavours (demurraged, static) emit the same events; merged so either ABI's reads type-check.
    IncomeWrapper: {
      chain: network,
      abi: mergeAbis([demurragedIncomeTokenAbi, staticIncomeTokenAbi]),
      startBlock: startBlocks.incomeWrappers,
      address: factory({
        address: addresses.incomeWrappers,
        event: getAbiItem({ abi: incomeWrappersAbi, name: "WrapperCreated" }),
        parameter: "wrapper",
      }),
    },

    // --- People: display names ---
    Profiles: { chain: network, abi: profilesAbi, address: addresses.profiles, startBlock: startBlocks.profiles },
  },
});
