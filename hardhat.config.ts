import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { ArgumentType } from "hardhat/types/arguments";
import { configVariable, defineConfig, emptyTask, task } from "hardhat/config";

const require = createRequire(import.meta.url);

const optional = (name: string, description: string) => ({
  name,
  description,
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
});

// The command line, grouped by noun: `npx hardhat <noun> <verb> --help` explains each.
const tasks = [
  emptyTask("income", "Basic income: register, trust, claim, pay along trust").build(),
  task(["income", "pay"], "Pay someone in basic income along paths of trust, in one transaction")
    .addOption(optional("to", "Who receives the payment (address)"))
    .addOption(optional("amount", "How much, in tokens (e.g. 25 or 0.5)"))
    .addOption(optional("from", "Which of the network's accounts pays (address; default: the first)"))
    .addOption(optional("hub", "The income hub (default: this network's deployment record)"))
    .addFlag({ name: "json", description: "Print the result as JSON" })
    .setAction(() => import("./tasks/income/pay.js"))
    .build(),
];

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
  typechain: {
    outDir: "typechain-types",
  },
  networks: {
    hardhatMainnet: {
      type: "edr-simulated",
      chainType: "l1",
    },
    localhost: {
      type: "http",
      chainType: "l1",
      url: "http://127.0.0.1:8545",
    },
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("SEPOLIA_PRIVATE_KEY")],
    },
  },
});
