// `npx hardhat profile <verb>`: people's display names (the Profiles registry).
import { emptyTask, task } from "hardhat/config";

import { fromOption, jsonFlag, option, profilesOption } from "../options.js";

export const profileTasks = [
  emptyTask("profile", "Your display name, shown next to your address: set, clear, show").build(),
  task(["profile", "set"], "Set your display name (and a profile URI) that others see next to your address")
    .addOption(option("name", "Your display name: 1 to 64 bytes, no line breaks or other control characters"))
    .addOption(option("uri", "Where more about you can be read (ipfs://… or https://…, up to 256 bytes)"))
    .addOption(fromOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./set.js"))
    .build(),
  task(["profile", "clear"], "Clear your display name and profile URI")
    .addOption(fromOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./clear.js"))
    .build(),
  task(["profile", "show"], "Show an account's display name and profile URI (default: the first account)")
    .addOption(option("account", "Whose profile (address; default: the network's first account)"))
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./show.js"))
    .build(),
];
