// `npx hardhat ledger <verb>`: the public ledger the indexer keeps (`npm run indexer`), read over its HTTP API.
import { emptyTask, task } from "hardhat/config";

import { jsonFlag, option } from "../options.js";

const ledgerOption = option(
  "ledger",
  "The ledger's URL (default: COMMONWEAL_LEDGER_URL, else http://127.0.0.1:42069, where npm run indexer serves it)",
);

export const ledgerTasks = [
  emptyTask(
    "ledger",
    "The public ledger (npm run indexer): export a circle's full history for an audit, verify it against the chain, or read its sovereignty scorecard",
  ).build(),
  task(
    ["ledger", "export"],
    "Write a circle's full ledger (decisions and votes, mandates, rotations, resets, temperature)",
  )
    .addOption(option("circle", "The circle or council (address)"))
    .addOption(
      option("format", 'The files\' format: "csv" (one file per record kind, the default) or "json" (one file)'),
    )
    .addOption(option("out", "The folder to write to (default: ledger-<circle>; created if missing)"))
    .addOption(ledgerOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./export.js"))
    .build(),
  task(
    ["ledger", "verify"],
    "Check the ledger against the chain at the ledger's block: members, live mandates, proposal states, balances",
  )
    .addOption(option("circle", "One circle or council (address; default: every one the ledger holds)"))
    .addOption(ledgerOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./verify.js"))
    .build(),
  task(
    ["ledger", "scorecard"],
    "A circle's sovereignty scorecard: rotation, voice, reciprocity and autonomy per period, with drift alerts",
  )
    .addOption(option("circle", "The circle or council (address)"))
    .addOption(option("periods", `How many of the latest temperature periods (default 4), or "all"`))
    .addOption(
      option(
        "thresholds",
        'Judge by your own thresholds instead of the circle\'s, e.g. "minParticipationBps=4000,maxTopMandateShareBps=6000"',
      ),
    )
    .addOption(ledgerOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./scorecard.js"))
    .build(),
];
