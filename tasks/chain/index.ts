// `npx hardhat chain <verb>`: conveniences for a local node (a Hardhat node or anvil), refused on live networks.
import { emptyTask, task } from "hardhat/config";

import { jsonFlag, option } from "../options.js";

export const chainTasks = [
  emptyTask("chain", "A local node's conveniences: move its clock (refused on live networks)").build(),
  task(["chain", "advance"], "Move a local node's clock forward by a duration (e.g. 8d) and mine, block by block")
    .addPositionalArgument({
      name: "duration",
      description: "How far: whole numbers with units s, m, h, d, w, largest first (e.g. 90m, 8d, 2w, 1d12h)",
    })
    .addOption(option("blocks", "How many blocks to mine, one at a time, the time split evenly (default 1)"))
    .addFlag(jsonFlag)
    .setAction(() => import("./advance.js"))
    .build(),
];
