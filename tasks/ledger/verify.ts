/**
 * `npx hardhat ledger verify [--circle <address>] [--ledger <url>] [--json]`
 *
 * Checks the ledger against the chain: for each circle and council (or the one given), its members, live mandates and
 * their holders, proposal states (those a reset, a defeat or an expiry ended included), whether it is dissolved and its
 * charter lapsed, a council's seats, its currency's balances and pair ledger, and the income hub's balances (every
 * one; with --circle, those of the circle and its members), as the ledger derives them, against the contracts' own
 * views read at the ledger's block (client action verifyLedger). Prints each mismatch in a sentence;
 * exit code 1 if there is any. With `--json`, prints `{ block, circles, checked, mismatches }`.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { ledgerMismatchSentence, verifyLedger } from "../../client/actions/ledger/verifyLedger.js";
import { DEFAULT_LEDGER_URL } from "../../client/ledger.js";
import { connect, report, requireAddress, runTask } from "../cli.js";

export interface VerifyArgs {
  circle?: string;
  ledger?: string;
  json: boolean;
}

export default async function verifyTask(args: VerifyArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const circle = args.circle === undefined ? undefined : requireAddress("circle", args.circle);
    const url = args.ledger ?? (process.env.COMMONWEAL_LEDGER_URL || DEFAULT_LEDGER_URL);
    const c = await connect(hre);
    const r = await verifyLedger({ url }, { client: c.publicClient, circle });
    const head =
      `The ledger at ${url} as of block ${r.block}, against the chain at that block: ${r.checked} value(s) ` +
      `compared over ${r.circles.length} circle(s) and council(s)`;
    report(
      args.json,
      r.mismatches.length === 0
        ? `${head}; they all match.`
        : `${head}; ${r.mismatches.length} mismatch(es):\n${r.mismatches.map((m) => `  ${ledgerMismatchSentence(m)}`).join("\n")}`,
      { ...r },
    );
    if (r.mismatches.length > 0) process.exitCode = 1;
  });
}
