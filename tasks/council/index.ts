// `npx hardhat council <verb>`: councils of circles.
import { emptyTask, task } from "hardhat/config";

import { addRuleOptions } from "../circle/ruleOptions.js";
import { addCharterOptions, jsonFlag, option } from "../options.js";

const councilOption = option("council", "The council (address)");
const registryOption = option("registry", "The circle registry (default: this network's deployment record)");
const memberOption = option("from", "Which member of the circle proposes (address; default: the first account)");
const delegateOption = option(
  "from",
  "The delegate: who holds the circle's delegate mandate (address; default: the first account)",
);
const seatOption = option("circle", "Your circle, whose seat you exercise (default: the one whose delegate you are)");
const descriptionOption = (what: string) => option("description", `The proposal's description (default: ${what})`);

export const councilTasks = [
  emptyTask("council", "Councils of circles: create, join, admit, appoint, leave, seat, propose, vote").build(),
  addRuleOptions(
    addCharterOptions(
      task(
        ["council", "create"],
        "Propose that a circle found a council, holding its first seat; rules default to the registry's, with one founding seat",
      )
        .addOption(option("circle", "The founding circle (address)"))
        .addOption(option("name", "The council's name")),
    ).addFlag({
      name: "openJoin",
      description:
        "Seat any circle of 3+ members that asks, without a council vote, after a probation (closed if omitted)",
    }),
  )
    .addOption(descriptionOption('"Found the council <name>"'))
    .addOption(memberOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./create.js"))
    .build(),
  task(
    ["council", "join"],
    "Propose that a circle ask a council for a seat (then the council decides, unless open-join)",
  )
    .addOption(option("circle", "The circle asking (address)"))
    .addOption(councilOption)
    .addOption(descriptionOption('"Ask for a seat in the council <name>"'))
    .addOption(memberOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./join.js"))
    .build(),
  task(
    ["council", "admit"],
    "As a seated circle's delegate, propose that the council seat a circle that asked (closed join)",
  )
    .addOption(councilOption)
    .addOption(option("circle", "The circle to seat (address): it asked with council join"))
    .addOption(option("seat", "Your circle, whose seat proposes (default: the one whose delegate you are)"))
    .addOption(descriptionOption('"Seat <name> (<address>)"'))
    .addOption(delegateOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./admit.js"))
    .build(),
  task(
    ["council", "appoint"],
    "Propose that a circle appoint its delegate to a council: a mandate for the council's delegate role",
  )
    .addOption(option("circle", "The circle appointing (address)"))
    .addOption(councilOption)
    .addOption(option("delegate", "The member who will exercise the seat (address)"))
    .addOption(option("term", "The mandate's term, e.g. 90d (default: 90 days, or the circle's longest term)"))
    .addOption(descriptionOption('"Appoint <delegate> delegate to the council <name> for <n> day(s)"'))
    .addOption(memberOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./appoint.js"))
    .build(),
  task(["council", "leave"], "Propose that a circle leave a council: at once when executed, no penalty")
    .addOption(option("circle", "The circle leaving (address)"))
    .addOption(councilOption)
    .addOption(descriptionOption('"Leave the council <name>"'))
    .addOption(memberOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./leave.js"))
    .build(),
  task(["council", "seat"], "Show a council's seats: which circles, filled or vacant, and their delegates")
    .addOption(councilOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./seat.js"))
    .build(),
  task(["council", "propose"], "As a circle's delegate, propose a call in the council through the delegate mandate")
    .addOption(councilOption)
    .addOption(option("target", "The contract the council would call (address)"))
    .addOption(option("data", "The calldata (0x…); or use --function and --args"))
    .addOption(option("function", 'The function to call, e.g. "admit(address)"'))
    .addOption(option("args", `Its arguments as a JSON array, e.g. '["0x…"]'`))
    .addOption(option("value", "Ether the council sends with the call (default: 0)"))
    .addOption(option("description", "What the proposal is for, in words"))
    .addOption(seatOption)
    .addOption(delegateOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./propose.js"))
    .build(),
  task(["council", "vote"], "As a circle's delegate, cast the circle's vote in the council")
    .addOption(councilOption)
    .addOption(
      option(
        "proposal",
        "The proposal: its id, a unique prefix of it (as `circle proposals --circle <council>` lists), or latest",
      ),
    )
    .addOption(option("support", "The circle's vote: for, against or abstain"))
    .addOption(option("reason", "Why, recorded with the vote (the mandate must allow castVoteWithReason)"))
    .addOption(seatOption)
    .addOption(delegateOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./vote.js"))
    .build(),
];
