/**
 * The audit export of a circle's ledger (`readLedgerExport`) as files: one CSV per kind of record, or one JSON
 * document. Columns are named as the JSON fields are; times are seconds since the epoch (UTC), amounts and ids
 * decimal integers (money in the currency's smallest unit: `currency.csv` gives its decimals and symbol), lists joined
 * with ";", and an empty cell means none (not ended yet, no holder, no memo). The README's
 * "Audit export" lists each file's columns.
 *
 * @example
 * const full = await readLedgerExport({ url }, { circle });
 * for (const { file, content } of ledgerExportFiles(full, "csv")) writeFileSync(join(dir, file), content);
 */
import type { ReadLedgerExportReturnType } from "./actions/ledger/readLedgerExport.js";
import { toJson } from "./json.js";
import { SCORECARD_THRESHOLD_FIELDS } from "./scorecardThresholds.js";

/** One CSV file of the export: its name, header and rows. */
export interface LedgerExportTable {
  file: string;
  columns: readonly string[];
  rows: (string | number | bigint | boolean | null)[][];
}

const list = (values: readonly (string | bigint)[]) => values.map(String).join(";");

/** The export's tables, in the order the README lists them. */
export function ledgerExportTables(x: ReadLedgerExportReturnType): LedgerExportTable[] {
  const c = x.circle;
  return [
    {
      file: "circle.csv",
      columns: [
        "circle",
        "kind",
        "name",
        "creator",
        "createdAt",
        "createdAtBlock",
        "memberCount",
        "resetEpoch",
        "dissolvedAt",
        "ledgerBlock",
        "ledgerTime",
      ],
      rows: [
        [
          c.circle,
          c.kind,
          c.name,
          c.creator,
          c.createdAt,
          c.createdAtBlock,
          c.memberCount,
          c.resetEpoch,
          c.dissolvedAt,
          x.ledger.block,
          x.ledger.timestamp,
        ],
      ],
    },
    {
      file: "charters.csv",
      columns: ["contentHash", "uri", "ratifiedAt", "expiresAt", "supersededAt", "lapsedAt", "current"],
      rows: x.charters.map((c) => [
        c.contentHash,
        c.uri,
        c.ratifiedAt,
        c.expiresAt,
        c.supersededAt,
        c.lapsedAt,
        c.current,
      ]),
    },
    {
      file: "members.csv",
      columns: ["member", "joinedAt", "joinedAtBlock", "leftAt", "leftAtBlock", "leftHow"],
      rows: x.members.map((m) => [m.member, m.joinedAt, m.joinedAtBlock, m.leftAt, m.leftAtBlock, m.leftHow]),
    },
    {
      file: "proposals.csv",
      columns: [
        "proposalId",
        "proposer",
        "description",
        "createdAt",
        "createdAtBlock",
        "voteStart",
        "voteEnd",
        "quorum",
        "expiresAt",
        "for",
        "against",
        "abstain",
        "voters",
        "state",
        "executedAt",
        "canceledAt",
        "endedByResetAt",
        "targets",
        "values",
        "calldatas",
      ],
      rows: x.proposals.map((p) => [
        p.proposalId,
        p.proposer,
        p.description,
        p.createdAt,
        p.createdAtBlock,
        p.voteStart,
        p.voteEnd,
        p.quorum,
        p.expiresAt,
        p.tally.for,
        p.tally.against,
        p.tally.abstain,
        p.voters,
        p.state,
        p.executedAt,
        p.canceledAt,
        p.endedByResetAt,
        list(p.calls.map((call) => call.target)),
        list(p.calls.map((call) => call.value)),
        list(p.calls.map((call) => call.data)),
      ]),
    },
    {
      file: "votes.csv",
      columns: ["proposalId", "voter", "support", "weight", "reason", "castAt", "castAtBlock"],
      rows: x.proposals.flatMap((p) =>
        p.votes.map((v) => [p.proposalId, v.voter, v.supportName, v.weight, v.reason, v.castAt, v.castAtBlock]),
      ),
    },
    {
      file: "mandates.csv",
      columns: [
        "mandateId",
        "role",
        "title",
        "holder",
        "proposer",
        "drawn",
        "grantedAt",
        "grantedAtBlock",
        "expiresAt",
        "endedAt",
        "status",
        "actions",
        "recallSignals",
        "roleId",
      ],
      rows: x.mandates.map((m) => [
        m.mandateId,
        m.role,
        m.title,
        m.holder,
        m.proposer,
        m.drawn,
        m.grantedAt,
        m.grantedAtBlock,
        m.expiresAt,
        m.endedAt,
        m.status,
        m.actions,
        m.recallSignals,
        m.roleId,
      ]),
    },
    {
      file: "rotations.csv",
      columns: ["role", "tenure", "holder", "mandateId", "from", "until", "status", "roleId"],
      rows: x.roles.flatMap((r) =>
        r.tenures.map((t, i) => [r.role, i + 1, t.holder, t.mandateId, t.from, t.until, t.status, r.roleId]),
      ),
    },
    {
      file: "draws.csv",
      columns: ["drawId", "role", "pool", "requestedAt", "status", "mandateId", "holder", "settledAt", "roleId"],
      rows: x.draws.map((d) => [
        d.drawId,
        d.role,
        list(d.pool),
        d.requestedAt,
        d.status,
        d.mandateId,
        d.holder,
        d.settledAt,
        d.roleId,
      ]),
    },
    {
      file: "resets.csv",
      columns: ["epoch", "at", "block", "triggeredBy", "proposalsEnded", "mandatesEnded", "transactionHash"],
      rows: x.resets.map((r) => [
        r.epoch,
        r.at,
        r.block,
        list(r.triggeredBy),
        list(r.proposalsEnded),
        r.mandatesEnded,
        r.transactionHash,
      ]),
    },
    {
      file: "reset-signals.csv",
      columns: ["round", "member", "signals", "roundEndsAt", "at", "block"],
      rows: x.resetSignals.map((s) => [s.round, s.member, s.signals, s.roundEndsAt, s.at, s.block]),
    },
    {
      file: "temperature.csv",
      columns: ["period", "member", "heard", "dominant", "at", "block"],
      rows: x.temperature.map((t) => [t.period, t.member, t.heard, t.dominant, t.at, t.block]),
    },
    {
      file: "cooldowns.csv",
      columns: ["member", "period", "until", "at", "block"],
      rows: x.cooldowns.map((d) => [d.member, d.period, d.until, d.at, d.block]),
    },
    {
      file: "reversals.csv",
      columns: ["period", "member", "kind", "memo", "at", "block", "transactionHash"],
      rows: x.reversals.map((r) => [r.period, r.member, r.kindName, r.memo, r.at, r.block, r.transactionHash]),
    },
    {
      file: "thresholds.csv",
      columns: [...SCORECARD_THRESHOLD_FIELDS.map((f) => f.name), "at", "block", "transactionHash"],
      rows: x.thresholdChanges.map((c) => [
        ...SCORECARD_THRESHOLD_FIELDS.map((f) => c.thresholds[f.name]),
        c.at,
        c.block,
        c.transactionHash,
      ]),
    },
    ...moneyTables(x),
    {
      file: "profiles.csv",
      columns: ["account", "name", "uri", "updatedAt"],
      rows: x.profiles.map((p) => [p.account, p.name, p.uri, p.updatedAt]),
    },
  ];
}

/** The money part of the export: the currency (its units) and its records, amounts in its smallest unit. */
function moneyTables(x: ReadLedgerExportReturnType): LedgerExportTable[] {
  const u = x.currency;
  return [
    {
      file: "currency.csv",
      columns: [
        "currency",
        "name",
        "symbol",
        "decimals",
        "defaultCreditLimit",
        "defaultSaturationLimit",
        "payments",
        "volume",
        "jubilees",
        "createdAt",
        "createdAtBlock",
      ],
      rows: u
        ? [
            [
              u.currency,
              u.name,
              u.symbol,
              u.decimals,
              u.defaultCreditLimit,
              u.defaultSaturationLimit,
              u.payments,
              u.volume,
              u.jubilees,
              u.createdAt,
              u.createdAtBlock,
            ],
          ]
        : [],
    },
    {
      file: "accounts.csv",
      columns: [
        "account",
        "balance",
        "creditLimit",
        "saturationLimit",
        "admitted",
        "given",
        "received",
        "offLedger",
        "departed",
        "createdAt",
        "createdAtBlock",
        "updatedAt",
        "updatedAtBlock",
      ],
      rows: x.accounts.map((a) => [
        a.account,
        a.balance,
        a.creditLimit,
        a.saturationLimit,
        a.admitted,
        a.given,
        a.received,
        a.offLedger,
        a.departed,
        a.createdAt,
        a.createdAtBlock,
        a.updatedAt,
        a.updatedAtBlock,
      ]),
    },
    {
      file: "payments.csv",
      columns: [
        "payer",
        "payee",
        "amount",
        "memo",
        "payerBalanceAfter",
        "payeeBalanceAfter",
        "across",
        "otherCurrency",
        "acrossTo",
        "at",
        "block",
        "transactionHash",
        "logIndex",
        "memoHash",
      ],
      rows: x.payments.map((p) => [
        p.payer,
        p.payee,
        p.amount,
        p.memo,
        p.payerBalanceAfter,
        p.payeeBalanceAfter,
        p.across,
        p.otherCurrency,
        p.acrossTo,
        p.at,
        p.block,
        p.transactionHash,
        p.logIndex,
        p.memoHash,
      ]),
    },
    {
      file: "pairs.csv",
      columns: ["giver", "receiver", "given", "payments", "firstAt", "firstAtBlock", "lastAt", "lastAtBlock"],
      rows: x.pairs.map((p) => [
        p.giver,
        p.receiver,
        p.given,
        p.payments,
        p.firstAt,
        p.firstAtBlock,
        p.lastAt,
        p.lastAtBlock,
      ]),
    },
    {
      file: "jubilees.csv",
      columns: ["number", "accounts", "creditCleared", "debtCleared", "claimsKept", "at", "block", "transactionHash"],
      rows: x.jubilees.map((j) => [
        j.number,
        j.accounts,
        j.creditCleared,
        j.debtCleared,
        j.claimsKept,
        j.at,
        j.block,
        j.transactionHash,
      ]),
    },
    {
      file: "clearing-lines.csv",
      columns: [
        "other",
        "council",
        "open",
        "openedAt",
        "openedAtBlock",
        "closedAt",
        "closedAtBlock",
        "paidOut",
        "clearedIn",
      ],
      rows: x.clearingLines.map((l) => [
        l.other,
        l.council,
        l.open,
        l.openedAt,
        l.openedAtBlock,
        l.closedAt,
        l.closedAtBlock,
        l.paidOut,
        l.clearedIn,
      ]),
    },
  ];
}

/** One CSV cell (RFC 4180): quoted if it holds a comma, a quote or a line break; null is an empty cell. */
function cell(value: string | number | bigint | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text: a header line, then one line per row, each ended by CRLF as RFC 4180 writes it. */
export function toCsv(table: LedgerExportTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(",") + "\r\n").join("");
}

/** The export as JSON text: bigints as decimal strings (they exceed a JSON number's precision). */
export function toLedgerJson(x: ReadLedgerExportReturnType): string {
  return toJson(x, 2) + "\n";
}

/** The export's files in `format`: twenty-one CSV files, or one `ledger.json`. */
export function ledgerExportFiles(
  x: ReadLedgerExportReturnType,
  format: "csv" | "json",
): { file: string; content: string }[] {
  if (format === "json") return [{ file: "ledger.json", content: toLedgerJson(x) }];
  return ledgerExportTables(x).map((table) => ({ file: table.file, content: toCsv(table) }));
}
