// `npx hardhat credit <verb>`: a circle's mutual credit — money created by trading, balances that sum to zero.
import { emptyTask, task } from "hardhat/config";

import { fromOption, jsonFlag, option } from "../options.js";

const circleOption = option("circle", "The circle whose currency it is (address)");
const currencyOption = option("currency", "The currency itself (address), instead of --circle");
const factoryOption = option("factory", "The credit factory (default: this network's deployment record)");
const descriptionOption = option("description", "The proposal's description (default: generated)");
const accountOption = option("account", "The account (address; default: the signer)");

export const creditTasks = [
  emptyTask("credit", "Mutual credit: create a circle's currency, pay, limits, ledger, jubilee").build(),
  task(["credit", "create"], "Propose creating the circle's currency (a decision: create it and register it)")
    .addOption(option("circle", "The circle (address)"))
    .addOption(option("name", 'The currency\'s name, e.g. "Elm hours"'))
    .addOption(option("symbol", "Its symbol, e.g. HRS"))
    .addOption(option("decimals", "Its decimals, 0 to 18 (default: 18)"))
    .addOption(option("credit", "How far below zero accounts may go by default (e.g. 100; 0 for none)"))
    .addOption(option("saturation", 'How far above zero accounts may go by default (e.g. 200; default "unlimited")'))
    .addOption(descriptionOption)
    .addOption(factoryOption)
    .addOption(fromOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./create.js"))
    .build(),
  task(["credit", "pay"], "Pay someone in a circle's mutual credit, optionally with a memo")
    .addOption(circleOption)
    .addOption(currencyOption)
    .addOption(option("to", "Who receives the payment (address)"))
    .addOption(option("amount", "How much, in the currency's own decimals (e.g. 12.5)"))
    .addOption(option("memo", "What the payment is for; recorded in the reciprocity ledger's event"))
    .addOption(factoryOption)
    .addOption(fromOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./pay.js"))
    .build(),
  task(["credit", "limits"], "Show an account's limits, or with --credit/--saturation propose new ones (a decision)")
    .addOption(circleOption)
    .addOption(currencyOption)
    .addOption(accountOption)
    .addOption(option("credit", "Propose this credit limit: how far below zero (e.g. 150; 0 for none)"))
    .addOption(option("saturation", 'Propose this saturation limit: how far above zero (e.g. 300, or "unlimited")'))
    .addOption(descriptionOption)
    .addOption(factoryOption)
    .addOption(fromOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./limits.js"))
    .build(),
  task(["credit", "ledger"], "Show an account's balance and what it has given and received")
    .addOption(circleOption)
    .addOption(currencyOption)
    .addOption(accountOption)
    .addOption(option("with", "Also show what the account and this one have given each other (address)"))
    .addOption(factoryOption)
    .addOption(fromOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./ledger.js"))
    .build(),
  task(["credit", "jubilee"], "Propose a jubilee: every balance back to zero (a decision of the circle)")
    .addOption(circleOption)
    .addOption(currencyOption)
    .addOption(descriptionOption)
    .addOption(factoryOption)
    .addOption(fromOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./jubilee.js"))
    .build(),
];
