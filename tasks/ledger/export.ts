/**
 * `npx hardhat ledger export --circle <address> [--format csv|json] [--out <folder>] [--ledger <url>] [--json]`
 *
 * A circle's full ledger for an audit, read from the indexer: the circle, its members over time, its decisions with
 * every vote and reason, its mandates, rotations and draws, its resets, its power temperature, and its money (its
 * currency, accounts, every payment with its memo, the pair ledger, jubilees, clearing lines). CSV writes one file
 * per kind of record (the README's "Audit export" lists their columns); JSON writes them all in `ledger.json`.
 * Reads the ledger only: no network, no signer. With `--json`, prints what it wrote (folder, files, counts) as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import { readLedgerExport } from "../../client/actions/ledger/readLedgerExport.js";
import { DEFAULT_LEDGER_URL } from "../../client/ledger.js";
import { ledgerExportFiles } from "../../client/ledgerExport.js";
import { CliError, report, requireAddress, runTask } from "../cli.js";

export interface ExportArgs {
  circle?: string;
  format?: string;
  out?: string;
  ledger?: string;
  json: boolean;
}

export interface ExportResult {
  circle: string;
  name: string;
  format: "csv" | "json";
  folder: string;
  files: string[];
  ledgerBlock: bigint;
  proposals: number;
  votes: number;
  mandates: number;
  /** The circle's currency's symbol, or null if it has none. */
  currency: string | null;
  payments: number;
}

/** Reads the circle's ledger and writes its files. */
export async function ledgerExport(args: ExportArgs): Promise<ExportResult> {
  const circle = requireAddress("circle", args.circle);
  const format = args.format ?? "csv";
  if (format !== "csv" && format !== "json") throw new CliError(`--format "${format}" is not csv or json.`);
  const url = args.ledger ?? (process.env.COMMONWEAL_LEDGER_URL || DEFAULT_LEDGER_URL);
  const full = await readLedgerExport({ url }, { circle });
  const folder = args.out ?? `ledger-${circle}`;
  mkdirSync(folder, { recursive: true });
  const files = ledgerExportFiles(full, format);
  for (const { file, content } of files) writeFileSync(join(folder, file), content);
  return {
    circle,
    name: full.circle.name,
    format,
    folder,
    files: files.map((f) => f.file),
    ledgerBlock: full.ledger.block,
    proposals: full.proposals.length,
    votes: full.proposals.reduce((n, p) => n + p.votes.length, 0),
    mandates: full.mandates.length,
    currency: full.currency?.symbol ?? null,
    payments: full.payments.length,
  };
}

export default async function exportTask(args: ExportArgs): Promise<void> {
  await runTask(args.json, async () => {
    const r = await ledgerExport(args);
    report(
      args.json,
      `The ledger of ${r.name} (${r.circle}) as of block ${r.ledgerBlock}: ${r.proposals} decision(s) with ` +
        `${r.votes} vote(s), ${r.mandates} mandate(s), ` +
        (r.currency === null ? "no currency. " : `${r.payments} payment(s) in ${r.currency}. `) +
        `Wrote ${r.files.length} ${r.format.toUpperCase()} file(s) ` +
        `to ${relative(process.cwd(), r.folder) || "."}: ${r.files.join(", ")}.`,
      { ...r },
    );
  });
}
