/**
 * The pair-link audit verbs (`circle audit`, `audit-draw`, `audit-publish`, `audit-missed`, `listening-session`):
 * option parsing, the client's audit actions, and each result in a sentence. The task files are thin faces over these.
 */
import { readFile } from "node:fs/promises";

import type { Address, Hex } from "viem";

import { completeAuditorDraw } from "../../client/actions/audit/completeAuditorDraw.js";
import { listAudits, type ListAuditsReturnType } from "../../client/actions/audit/listAudits.js";
import { prepareListeningSession } from "../../client/actions/audit/prepareListeningSession.js";
import { publishAudit } from "../../client/actions/audit/publishAudit.js";
import { readAudit, type Audit } from "../../client/actions/audit/readAudit.js";
import { recordAuditMissed } from "../../client/actions/audit/recordAuditMissed.js";
import { recordListeningSession } from "../../client/actions/audit/recordListeningSession.js";
import { requestAuditorDraw } from "../../client/actions/audit/requestAuditorDraw.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { charterHash } from "../../client/charter.js";
import { isoTime } from "../../client/time.js";
import { CliError, type Connection } from "../cli.js";
import { circleOf, parseId } from "../mandate/common.js";
import { nextSteps, parseBytes32, proposalMade, type ProposalMade } from "./shared.js";

/** Options every audit verb takes. */
export interface AuditCommonArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

// --- circle audit ---------------------------------------------------------------------------------------------------

export interface AuditShowArgs extends AuditCommonArgs {
  id?: string;
  offset?: string;
  limit?: string;
}

export type AuditShowResult =
  { action: "one"; circle: Address; audit: Audit } | ({ action: "list"; circle: Address } & ListAuditsReturnType);

function parseCount(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliError(`--${option} "${value}" is not a whole number.`);
  return Number(value);
}

/** One audit (`--id`), or a page of them, newest first, with the period running now. */
export async function showAudits(c: Connection, args: AuditShowArgs): Promise<AuditShowResult> {
  const { circle, mandates } = await circleOf(c, args);
  if (args.id !== undefined) {
    return {
      action: "one",
      circle,
      audit: await readAudit(c.publicClient, { mandates, auditId: parseId("id", args.id) }),
    };
  }
  const page = await listAudits(c.publicClient, {
    mandates,
    offset: parseCount("offset", args.offset, 0),
    limit: parseCount("limit", args.limit, 20),
  });
  return { action: "list", circle, ...page };
}

/** An audit in a line: period, state, auditors and what each did, the session. */
export function describeAudit(a: Audit): string {
  const auditors = a.auditors.length
    ? `; auditors ${a.auditors
        .map(
          (x) => `${x.address} (${x.publishedAt === null ? "not published" : `published ${isoTime(x.publishedAt)}`})`,
        )
        .join(" and ")}`
    : "";
  const session = a.session
    ? `; listening session held ${isoTime(a.session.heldAt)} (recorded by ${a.session.recordedBy})`
    : "";
  return `Audit ${a.auditId}, period ${a.period} (${isoTime(a.startsAt)} to ${isoTime(a.endsAt)}): ${a.status}, ${a.poolSize} eligible${auditors}${session}.`;
}

export function describeShow(r: AuditShowResult): string {
  if (r.action === "one") return describeAudit(r.audit);
  const now = r.current
    ? `Audit period ${r.current.period} runs until ${isoTime(r.current.endsAt)}${r.current.auditId === null ? ": its audit can be started (circle audit-draw)." : `, audit ${r.current.auditId}.`}`
    : "This circle holds no pair-link audits.";
  const lines = r.audits.map(describeAudit);
  return [`Circle ${r.circle} has ${r.total} audit(s). ${now}`, ...lines].join("\n");
}

// --- circle audit-draw ----------------------------------------------------------------------------------------------

export interface AuditDrawArgs extends AuditCommonArgs {
  complete?: string;
}

export type AuditDrawResult =
  | {
      action: "requested";
      circle: Address;
      auditId: bigint;
      period: bigint;
      drawId: bigint;
      pool: Address[];
      ticket: bigint;
      endsAt: number;
      transaction: Hex;
    }
  | { action: "skipped"; circle: Address; auditId: bigint; period: bigint; eligible: bigint; transaction: Hex }
  | { action: "completed"; circle: Address; audit: Audit; randomness: bigint; transaction: Hex };

/** Starts the running period's audit, or completes an audit's draw (`--complete <auditId>`). Anyone may. */
export async function auditDraw(c: Connection, args: AuditDrawArgs): Promise<AuditDrawResult> {
  const complete = args.complete !== undefined ? parseId("complete", args.complete) : undefined;
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  if (complete !== undefined) {
    return { action: "completed", circle, ...(await completeAuditorDraw(wallet, { mandates, auditId: complete })) };
  }
  const r = await requestAuditorDraw(wallet, { mandates });
  if (r.outcome === "skipped") {
    const { auditId, period, eligible, transaction } = r;
    return { action: "skipped", circle, auditId, period, eligible, transaction };
  }
  const { auditId, period, drawId, pool, ticket, endsAt, transaction } = r;
  return { action: "requested", circle, auditId, period, drawId, pool, ticket, endsAt, transaction };
}

export function describeDraw(r: AuditDrawResult): string {
  switch (r.action) {
    case "requested":
      return `Audit ${r.auditId} of period ${r.period} is requested in circle ${r.circle}: two auditors will be drawn from ${r.pool.join(", ")} with the randomness of ticket ${r.ticket} (draw ${r.drawId}). Complete it once that is out: circle audit-draw --complete ${r.auditId}. The auditors publish by ${isoTime(r.endsAt)}. Transaction ${r.transaction}.`;
    case "skipped":
      return `Audit ${r.auditId} of period ${r.period} is skipped in circle ${r.circle}: only ${r.eligible} member(s) could audit, and it takes two. Transaction ${r.transaction}.`;
    case "completed":
      return r.audit.status === "drawn"
        ? `Audit ${r.audit.auditId} of circle ${r.circle}: ${r.audit.auditors.map((a) => a.address).join(" and ")} are its auditors; each publishes a report by ${isoTime(r.audit.endsAt)} (circle audit-publish). Transaction ${r.transaction}.`
        : `Audit ${r.audit.auditId} of circle ${r.circle} is ${r.audit.status}: ${r.audit.status === "skipped" ? "fewer than two members were still eligible" : "its period ended before the draw completed"}. Transaction ${r.transaction}.`;
  }
}

// --- circle audit-publish -------------------------------------------------------------------------------------------

export interface AuditPublishArgs extends AuditCommonArgs {
  id?: string;
  hash?: string;
  file?: string;
  uri?: string;
}

export interface AuditPublishResult {
  circle: Address;
  auditId: bigint;
  period: bigint;
  auditor: Address;
  contentHash: Hex;
  uri: string;
  complete: boolean;
  transaction: Hex;
}

/** The report's hash: `--hash 0x…`, or the keccak256 of `--file`'s bytes. */
async function reportHash(args: AuditPublishArgs): Promise<Hex> {
  if ((args.hash === undefined) === (args.file === undefined)) {
    throw new CliError(
      `Give the report exactly one way: --file <path> (its bytes are hashed) or --hash 0x… (its keccak256).`,
    );
  }
  if (args.file === undefined) return parseBytes32("hash", args.hash, "the report's content hash");
  const bytes = await readFile(args.file).catch((error: unknown) => {
    throw new CliError(
      `--file: cannot read "${args.file}" (${error instanceof Error ? error.message : String(error)}).`,
    );
  });
  return charterHash(new Uint8Array(bytes));
}

/** Publishes the signer's report of an audit (an auditor's, within the period). */
export async function auditPublish(c: Connection, args: AuditPublishArgs): Promise<AuditPublishResult> {
  const auditId = parseId("id", args.id);
  const contentHash = await reportHash(args);
  if (!args.uri) throw new CliError(`--uri is required: give where the report can be read (e.g. ipfs://…).`);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const r = await publishAudit(wallet, { mandates, auditId, contentHash, uri: args.uri });
  return { circle, contentHash, uri: args.uri, ...r };
}

export function describePublish(r: AuditPublishResult): string {
  return `${r.auditor} published their report of audit ${r.auditId} (period ${r.period}) in circle ${r.circle}: ${r.contentHash} at ${r.uri}; their mandate is complete. ${r.complete ? "Both auditors have published: the audit is published, and its listening session can be recorded (circle listening-session)." : "The other auditor has not published yet."} Transaction ${r.transaction}.`;
}

// --- circle audit-missed --------------------------------------------------------------------------------------------

export interface AuditMissedArgs extends AuditCommonArgs {
  id?: string;
}

export interface AuditMissedResult {
  circle: Address;
  auditId: bigint;
  period: bigint;
  missing: Address[];
  transaction: Hex;
}

/** Records an audit left unpublished after its period as missed. Anyone may. */
export async function auditMissed(c: Connection, args: AuditMissedArgs): Promise<AuditMissedResult> {
  const auditId = parseId("id", args.id);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  return { circle, ...(await recordAuditMissed(wallet, { mandates, auditId })) };
}

export function describeMissed(r: AuditMissedResult): string {
  return `Audit ${r.auditId} (period ${r.period}) of circle ${r.circle} is recorded missed; not published by ${r.missing.join(" and ") || "anyone"}. Transaction ${r.transaction}.`;
}

// --- circle listening-session ---------------------------------------------------------------------------------------

export interface ListeningSessionArgs extends AuditCommonArgs {
  id?: string;
  date?: string;
  propose: boolean;
  description?: string;
}

export type ListeningSessionResult =
  | { action: "recorded"; circle: Address; auditId: bigint; heldAt: number; transaction: Hex }
  | (ProposalMade & { action: "proposed"; auditId: bigint; heldAt: number });

/** A date as an ISO 8601 time ("2026-03-02", "2026-03-02T18:00Z") or Unix seconds, in seconds. */
export function parseDate(option: string, value: string | undefined): number {
  if (value === undefined || value === "")
    throw new CliError(`--${option} is required: give a date such as 2026-03-02T18:00Z.`);
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new CliError(
      `--${option} "${value}" is not a date: give an ISO date such as 2026-03-02T18:00Z, or Unix seconds.`,
    );
  }
  return Math.floor(ms / 1000);
}

/** Records the listening session as an auditor, or proposes the circle's decision recording it (`--propose`). */
export async function listeningSession(c: Connection, args: ListeningSessionArgs): Promise<ListeningSessionResult> {
  const auditId = parseId("id", args.id);
  const heldAt = parseDate("date", args.date);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  if (args.propose) {
    const prepared = await prepareListeningSession(c.publicClient, {
      mandates,
      auditId,
      heldAt,
      ...(args.description !== undefined ? { description: args.description } : {}),
    });
    return { ...proposalMade(await propose(wallet, prepared)), action: "proposed", auditId, heldAt };
  }
  return { action: "recorded", circle, ...(await recordListeningSession(wallet, { mandates, auditId, heldAt })) };
}

export function describeSession(r: ListeningSessionResult): string {
  return r.action === "recorded"
    ? `The listening session of audit ${r.auditId} in circle ${r.circle} is recorded: held ${isoTime(r.heldAt)}. Transaction ${r.transaction}.`
    : `${r.proposer} proposed that circle ${r.circle} record the listening session of audit ${r.auditId}, held ${isoTime(r.heldAt)}: ${nextSteps(r)}`;
}
