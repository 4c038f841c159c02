// The command line, grouped by noun: `npx hardhat <noun> <verb> --help` explains each task.
import { chainTasks } from "./chain/index.js";
import { circleTasks } from "./circle/index.js";
import { councilTasks } from "./council/index.js";
import { creditTasks } from "./credit/index.js";
import { incomeTasks } from "./income/index.js";
import { ledgerTasks } from "./ledger/index.js";
import { mandateTasks } from "./mandate/index.js";
import { profileTasks } from "./profile/index.js";

export const tasks = [
  ...circleTasks,
  ...mandateTasks,
  ...councilTasks,
  ...creditTasks,
  ...incomeTasks,
  ...profileTasks,
  ...ledgerTasks,
  ...chainTasks,
];
