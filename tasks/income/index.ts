// `npx hardhat income <verb>`: basic income.
import { emptyTask, task } from "hardhat/config";

import { fromOption, jsonFlag, option } from "../options.js";

export const incomeTasks = [
  emptyTask("income", "Basic income: register, invite, trust, claim, pay along trust, wrap").build(),
  task(["income", "pay"], "Pay someone in basic income along paths of trust, in one transaction")
    .addOption(option("to", "Who receives the payment (address)"))
    .addOption(option("amount", "How much, in tokens (e.g. 25 or 0.5)"))
    .addOption(fromOption)
    .addOption(option("hub", "The income hub (default: this network's deployment record)"))
    .addFlag(jsonFlag)
    .setAction(() => import("./pay.js"))
    .build(),
];
