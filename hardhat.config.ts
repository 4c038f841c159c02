import { createRequire, enableCompileCache } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { configVariable, defineConfig } from "hardhat/config";

import { tasks } from "./tasks/index.js";

const require = createRequire(import.meta.url);

// Every CLI call loads the same few hundred modules (viem's most of them): Node keeps their compiled code in its cache
// folder (in the system's temporary folder) and reuses it from the second call on, a tenth of a call's start-up.
enableCompileCache();

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, hardhatViem],
  tasks,
  solidity: {
    // Compiled offline with solcjs from the npm `solc` package: no compiler download needed.
    version: "0.8.30",
    path: require.resolve("solc/soljson.js"),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "prague",
    },
  },
  paths: {
    ignition: "deploy",
  },
  test: {
    solidity: {
      // Invariant suites (test/invariants): every `invariant_*` function gets its own campaign of `runs` random call
      // sequences, each `depth` calls long, checked after every call. The default profile is what CI's tests run;
      // `npm run test:deep` selects the deep one for a longer search; `npm run coverage` a light one, since line
      // coverage needs the paths, not the search (instrumented, the default campaigns take minutes).
      profiles: {
        default: {
          invariant: { runs: 256, depth: 100 },
        },
        deep: {
          fuzz: { runs: 1024 },
          invariant: { runs: 1024, depth: 200 },
        },
        coverage: {
          invariant: { runs: 32, depth: 100 },
        },
      },
    },
  },
  // Ignition waits for 5 blocks on a public network and for one on a node that mines every transaction at once
  // (Hardhat's node, anvil: it asks them). A local node with automine off (interval mining, as e2e/resume.ts sets)
  // looks like a public chain: COMMONWEAL_CONFIRMATIONS=1 spares it minutes of waiting. Left unset, Ignition chooses.
  ...(process.env.COMMONWEAL_CONFIRMATIONS
    ? { ignition: { requiredConfirmations: Number(process.env.COMMONWEAL_CONFIRMATIONS) } }
    : {}),
  typechain: {
    outDir: "typechain-types",
  },
  networks: {
    hardhatMainnet: {
      type: "edr-simulated",
      chainType: "l1",
    },
    // A node on this machine: `npx hardhat node` or anvil. COMMONWEAL_RPC_URL points it elsewhere (the e2e suite
    // starts its nodes on free ports).
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.COMMONWEAL_RPC_URL ?? "http://127.0.0.1:8545",
    },
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("SEPOLIA_PRIVATE_KEY")],
    },
  },
});
