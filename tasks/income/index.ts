// `npx hardhat income <verb>`: basic income.
import { emptyTask, task } from "hardhat/config";

import { fromOption, jsonFlag, option } from "../options.js";

const hubOption = option("hub", "The income hub (default: this network's deployment record)");

export const incomeTasks = [
  emptyTask(
    "income",
    "Basic income: register, register-circle, vouch, accept-vouch, invite, trust, claim, pay along trust, wrap, balance",
  ).build(),
  task(["income", "pay"], "Pay someone in basic income along paths of trust, in one transaction")
    .addOption(option("to", "Who receives the payment (address)"))
    .addOption(option("amount", "How much, in tokens (e.g. 25 or 0.5)"))
    .addOption(fromOption)
    .addOption(option("hub", "The income hub (default: this network's deployment record)"))
    .addFlag(jsonFlag)
    .setAction(() => import("./pay.js"))
    .build(),
  task(["income", "register"], "Register as a person: income then accrues at 1 token an hour")
    .addOption(option("inviter", "A registered person who trusts you (needed once the bootstrap period is over)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./register.js"))
    .build(),
  task(["income", "vouch"], "Propose that your circle vouch for members (each costs what an invitation costs)")
    .addOption(option("circle", "Your circle (address)"))
    .addOption(option("people", "Members to vouch for, comma-separated addresses"))
    .addOption(option("payers", "For each, the member whose token the circle burns (default: you)"))
    .addOption(option("fund", "First give the circle this many of your own tokens (e.g. 96)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addOption(option("registry", "The circle registry (default: this network's deployment record)"))
    .addFlag(jsonFlag)
    .setAction(() => import("./vouch.js"))
    .build(),
  task(["income", "register-circle"], "Propose that your circle register itself in the income hub")
    .addOption(option("circle", "Your circle (address)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addOption(option("registry", "The circle registry (default: this network's deployment record)"))
    .addFlag(jsonFlag)
    .setAction(() => import("./register-circle.js"))
    .build(),
  task(["income", "accept-vouch"], "Accept your circle's vouching: you become a registered person")
    .addOption(option("circle", "The circle that vouched for you (address)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./accept-vouch.js"))
    .build(),
  task(["income", "invite"], "Invite someone: trust them, then they register naming you as inviter")
    .addOption(option("person", "Who to invite (address)"))
    .addOption(option("for", "How long you trust them: a duration such as 90m, 8d, 2w (default: 365d)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./invite.js"))
    .build(),
  task(["income", "trust"], "Accept a person's token until a date, or withdraw that trust")
    .addOption(option("person", "Whose token to accept (address)"))
    .addOption(option("for", "For how long from now: a duration such as 90m, 8d, 2w, 1d12h"))
    .addOption(option("until", "Until this date (ISO, e.g. 2026-12-31)"))
    .addFlag({ name: "revoke", description: "Withdraw the trust now" })
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./trust.js"))
    .build(),
  task(["income", "claim"], "Claim your income since your last claim (1 token an hour, at most 14 days back)")
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./claim.js"))
    .build(),
  task(["income", "wrap"], "Wrap income tokens as an ERC-20 (creating the wrapper if needed), or unwrap them")
    .addOption(option("amount", "How much, in tokens (e.g. 25 or 0.5)"))
    .addOption(option("flavour", "demurraged (decays like the hub; default) or static (does not decay)"))
    .addOption(option("token", "Whose token to wrap: its owner's address (default: your own)"))
    .addFlag({ name: "unwrap", description: "Unwrap: burn ERC-20 tokens and get the hub tokens back" })
    .addOption(option("wrappers", "The wrapper factory (default: this network's deployment record)"))
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./wrap.js"))
    .build(),
  task(["income", "balance"], "Show an account's income: own token today and in static units, what it can claim")
    .addOption(option("account", "The account (address; default: the signer)"))
    .addFlag({ name: "all", description: "Also list every other person's token the account holds" })
    .addOption(fromOption)
    .addOption(hubOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./balance.js"))
    .build(),
];
