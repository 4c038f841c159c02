/**
 * What every ledger read shares. The ledger is the indexer (`npm run indexer`, Ponder): it serves every event of the
 * suite and the tables a person reads over HTTP. The ledger actions (`actions/ledger/`) read its GraphQL API at
 * `<url>/graphql` with `fetch` only, so they run in Node and in browsers alike: readLedgerStatus, readLedgerCircle,
 * listLedgerProposals, readMandateHistory, listMembersOverTime, listLedgerResets, listTemperatureReadings, the money
 * reads (readLedgerCurrency, listCreditAccounts, listLedgerPayments, listCreditPairs, listJubilees, listClearingLines)
 * and readLedgerExport. Each takes a {@link LedgerClient} first, as viem's actions take a client.
 *
 * Proposal states that no event marks (Pending, Active, Succeeded, Defeated, Expired) follow from the tally, the
 * quorum and the deadlines the ledger stored when the proposal was made, at a moment: {@link ledgerProposalState}.
 *
 * @example
 * const ledger = { url: "http://127.0.0.1:42069" };
 * const { proposals } = await listLedgerProposals(ledger, { circle });
 */
import { getAddress, type Address, type Hex } from "viem";

import { CommonwealError } from "./errors.js";
import type { ProposalStateName } from "./proposals.js";

/** Where `npm run indexer` serves the ledger by default. */
export const DEFAULT_LEDGER_URL = "http://127.0.0.1:42069";

/** The ledger to read: the indexer's base URL (default {@link DEFAULT_LEDGER_URL}). */
export interface LedgerClient {
  url?: string;
}

/** The ledger does not answer at all (nothing listens, or not an indexer). */
export class LedgerUnavailableError extends CommonwealError {
  override name = "LedgerUnavailableError";
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(`The ledger at ${url} does not answer (${detail}): start it with npm run indexer.`);
  }
}

/** The ledger answered, but refused a query: most often an indexer of another version than this client. */
export class LedgerQueryError extends CommonwealError {
  override name = "LedgerQueryError";
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(
      `The ledger at ${url} refused a query (${detail}): it may run another version of the indexer; restart it from this checkout with npm run indexer.`,
    );
  }
}

/** The base URL of `ledger`, without a trailing slash. */
export function ledgerUrl(ledger: LedgerClient): string {
  return (ledger.url ?? DEFAULT_LEDGER_URL).replace(/\/+$/, "");
}

/** GET or POST `path` on the ledger and parse its JSON; a refused connection is a {@link LedgerUnavailableError}. */
export async function fetchLedger<T>(ledger: LedgerClient, path: string, body?: unknown): Promise<T> {
  const url = ledgerUrl(ledger);
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new LedgerUnavailableError(url, cause?.code ?? cause?.message ?? (error as Error).message);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LedgerUnavailableError(url, `${path} answered HTTP ${response.status}, not JSON`);
  }
  if (!response.ok && !(parsed as { errors?: unknown }).errors) {
    throw new LedgerQueryError(url, `${path} answered HTTP ${response.status}`);
  }
  return parsed as T;
}

/** One GraphQL query against the ledger; its `errors` become a {@link LedgerQueryError}. */
export async function queryLedger<T>(
  ledger: LedgerClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const body = await fetchLedger<{ data?: T; errors?: { message: string }[] }>(ledger, "/graphql", {
    query,
    variables,
  });
  if (body.errors?.length) throw new LedgerQueryError(ledgerUrl(ledger), body.errors.map((e) => e.message).join("; "));
  return body.data as T;
}

/** Rows per page: Ponder's GraphQL serves at most 1,000. */
const PAGE = 1000;

/**
 * Every row of a plural GraphQL field (`field(where: $where, orderBy, orderDirection: "asc")`), page by page.
 * `selection` is the fields of one row; `where` a GraphQL filter object (addresses in lowercase).
 */
export async function listAll<Row>(
  ledger: LedgerClient,
  field: string,
  options: { filterType: string; where: Record<string, unknown>; orderBy: string; selection: string },
): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const query = `query ($where: ${options.filterType}, $after: String) {
      page: ${field}(where: $where, orderBy: "${options.orderBy}", orderDirection: "asc", limit: ${PAGE}, after: $after) {
        items { ${options.selection} }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const { page }: { page: { items: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await queryLedger(ledger, query, { where: options.where, after });
    rows.push(...page.items);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}

// --- Values as the API serves them (bigints as strings, hex in lowercase) -------------------------------------------

/** A GraphQL BigInt (a decimal string) as a bigint. */
export const big = (value: string | number): bigint => BigInt(value);
/** A nullable GraphQL BigInt. */
export const bigOrNull = (value: string | number | null | undefined): bigint | null =>
  value === null || value === undefined ? null : BigInt(value);
/** A lowercase address as a checksummed one. */
export const addr = (value: string): Address => getAddress(value);
/** An address for a GraphQL filter: Ponder stores hex in lowercase. */
export const filterAddress = (value: Address): Hex => value.toLowerCase() as Hex;

// --- Proposal states the ledger derives ----------------------------------------------------------------------------

/** What decides a proposal's state, as the ledger stores it. */
export interface LedgerProposalOutcome {
  /** Voting opens after this second (the proposal is Pending until then, inclusive). */
  voteStart: bigint;
  /** Voting closes after this second. */
  voteEnd: bigint;
  /** Votes needed, for + abstain. */
  quorum: bigint;
  /** The end of the execution window: a succeeded proposal not executed by then is Expired. */
  expiresAt: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  executedAt: bigint | null;
  canceledAt: bigint | null;
}

/**
 * A proposal's state at second `at`, as the circle's `state(proposalId)` reads it at a block of that time.
 * Executed and Canceled (by its proposer, or by a hard reset or dissolution while it was open) come from events the
 * ledger recorded. The others have no event of their own and cannot be stored when an event happens, because they
 * change with the clock alone: Pending until `voteStart` (inclusive), Active until `voteEnd` (inclusive), then
 * Defeated unless the quorum was reached (for + abstain ≥ quorum) and more voted for than against, else Succeeded
 * until `expiresAt` and Expired after it. The ledger stores what decides them (the tally, the quorum and the
 * deadlines, fixed when the proposal was made); `at` is usually the ledger's own clock (readLedgerStatus), so the
 * state is the one the chain had at the block the ledger reached.
 *
 * @example
 * ledgerProposalState(proposal, status.timestamp); // "Defeated"
 */
export function ledgerProposalState(p: LedgerProposalOutcome, at: bigint): ProposalStateName {
  if (p.executedAt !== null) return "Executed";
  if (p.canceledAt !== null) return "Canceled";
  if (at <= p.voteStart) return "Pending";
  if (at <= p.voteEnd) return "Active";
  const passed = p.forVotes + p.abstainVotes >= p.quorum && p.forVotes > p.againstVotes;
  if (!passed) return "Defeated";
  return at > p.expiresAt ? "Expired" : "Succeeded";
}
