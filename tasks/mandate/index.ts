// `npx hardhat mandate <verb>`: mandates, the only authority in a circle — single-issue, expiring, recallable.
import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

import { fromOption, jsonFlag, option, profilesOption } from "../options.js";

const circleOption = option("circle", "The circle (address)");
const registryOption = option("registry", "The circle registry (default: this network's deployment record)");
const specOptions = [
  option("role", 'The role, e.g. "treasurer" (a role has one live holder; term limits count per role)'),
  option(
    "term",
    "How long the mandate runs, a duration such as 30d, 12h or 2w (with its unit), at most the circle's longest term",
  ),
  option("title", 'A short title of the issue (default: "Carry out: <role>")'),
  option("scope", "The full scope text; its keccak256 is recorded (default: the title)"),
  option(
    "powers",
    "Calls the holder may have the circle perform, comma-separated target:function[:amount=N][:value=ETH]; value caps the ether one call sends (e.g. 0.5; default 0), amount caps what one ERC-20 transfer/approve/transferFrom moves, in the token's units (raw if the target has no decimals()), required for them, e.g. 0xToken:transfer(address,uint256):amount=100",
  ),
  option("description", "The proposal's description (default: generated from the mandate)"),
] as const;

export const mandateTasks = [
  emptyTask("mandate", "Mandates: grant, act, complete, recall, draw by lot, list").build(),
  task(["mandate", "grant"], "Propose granting a mandate to a member (a decision of the circle)")
    .addOption(circleOption)
    .addOption(option("holder", "Who would hold the mandate (a member's address)"))
    .addOption(specOptions[0])
    .addOption(specOptions[1])
    .addOption(specOptions[2])
    .addOption(specOptions[3])
    .addOption(specOptions[4])
    .addOption(specOptions[5])
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./grant.js"))
    .build(),
  task(["mandate", "act"], "Have the circle perform a call your mandate allows")
    .addOption(circleOption)
    .addOption(option("id", "The mandate you hold (its id)"))
    .addOption(option("target", "The contract the circle calls (address)"))
    .addOption(option("call", 'The function, e.g. "transfer(address,uint256)" (or give --data)'))
    .addOption(
      option(
        "args",
        'The arguments as a JSON array, e.g. \'["0x…", "25"]\'; the amount of transfer, approve, transferFrom, mint or burn on an ERC-20 is in its units (25 tokens), other whole numbers raw',
      ),
    )
    .addOption(option("data", "Raw calldata (0x…) instead of --call and --args"))
    .addOption(option("value", "Ether the circle sends with the call (e.g. 0.1; default 0)"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./act.js"))
    .build(),
  task(["mandate", "complete"], "Mark your mandate's task done (it ends with it), or hand it back undone")
    .addOption(circleOption)
    .addOption(option("id", "The mandate you hold (its id)"))
    .addFlag({ name: "handBack", description: "Hand the mandate back undone instead of completing it" })
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./complete.js"))
    .build(),
  task(["mandate", "recall"], "Signal to recall a mandate; a majority of the current members ends it at once")
    .addOption(circleOption)
    .addOption(option("id", "The mandate (its id)"))
    .addFlag({ name: "sign", description: "Only sign the signal off-chain (EIP-712) and print it; nothing is sent" })
    .addOption(option("out", "With --sign: write the signal to this JSON file (collecting several members' signals)"))
    .addOption({
      name: "signatures",
      description: "Submit signals signed off-chain: the JSON that --sign --json prints or --sign --out writes",
      type: ArgumentType.FILE_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./recall.js"))
    .build(),
  task(["mandate", "draw"], "Propose a draw by lot for a mandate, or complete, re-request or start a draw")
    .addOption(circleOption)
    .addOption(specOptions[0])
    .addOption(specOptions[1])
    .addOption(specOptions[2])
    .addOption(specOptions[3])
    .addOption(specOptions[4])
    .addOption(specOptions[5])
    .addOption(option("complete", "Complete this draw (its id) once its randomness is out; anyone may"))
    .addOption(option("rerequest", "Give this draw (its id), whose randomness expired, a fresh ticket"))
    .addFlag({
      name: "facilitator",
      description: "Request the rotating facilitator's draw (anyone, when there is no live facilitator)",
    })
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./draw.js"))
    .build(),
  task(["mandate", "list"], "List a circle's live mandates (id, role, holder, expiry) and pending draws")
    .addOption(circleOption)
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./list.js"))
    .build(),
];
