/**
 * Event reads that public RPCs answer. A node of one's own serves `eth_getLogs` from block 0 to the head in one call;
 * public and provider RPCs refuse a range that spans too many blocks or would return too many logs. The one helper
 * here, {@link getContractEventsPaged}, asks for the whole range first and halves it only when the node refuses it as
 * too large, so a local node still costs one call.
 */
import type { Abi, Address, Chain, Client, ContractEventArgs, ContractEventName, Transport } from "viem";
import type { GetContractEventsParameters, GetContractEventsReturnType } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";

import { CommonwealError } from "./errors.js";

/**
 * How nodes refuse an `eth_getLogs` range as too large, matched against the error's message and details (and those
 * of its causes), case-insensitively. Each names where it was seen; providers differ and change their wording.
 */
export const LOG_RANGE_REFUSALS: readonly { pattern: RegExp; source: string }[] = [
  // geth's result cap and Infura's documented one (code -32005); the same sentence from Aurora's relayer.
  { pattern: /query returned more than [\d,]+ results/i, source: "geth, Infura (-32005), Aurora" },
  // Infura's live range check (-32602): "range 1000000 exceeds limit of 10000" (INFURA/infura#237).
  { pattern: /range [\d,]+ exceeds limit/i, source: "Infura (-32602)" },
  // Tenderly (-32602, in data.payload): "range 9009594 is bigger than range limit 2000" (bobanetwork/boba_legacy#827).
  { pattern: /is bigger than range limit/i, source: "Tenderly (-32602)" },
  // reth (-32602): "query exceeds max block range 100000", "query exceeds max results 20000, retry with the range …"
  // (foundry-rs/foundry#12687, paradigmxyz/reth#23810); "exceed maximum block range: 5000" from other nodes.
  { pattern: /exceeds? (?:the )?max(?:imum)? (?:block range|results)/i, source: "reth, op-reth/Base (-32602)" },
  // Moonbeam/Frontier "block range is too wide (maximum 1024)"; Scroll's geth "block range is bigger than
  // maxBlockRange" (-32000, scroll-tech/go-ethereum#529).
  { pattern: /block range is (?:too wide|too large|bigger than)/i, source: "Moonbeam/Frontier, Scroll" },
  // "eth_getLogs range is too large, max is 1k blocks" (-32603, foundry-rs/foundry#12687).
  { pattern: /range is too large/i, source: "foundry-rs/foundry#12687 (-32603)" },
  // BlockPI "eth_getLogs is limited to 1024 block range" (-32602); Blast "eth_getLogs is limited to a 10,000 range"
  // (ponder-sh/ponder getLogsRetryHelper tests).
  { pattern: /limited to (?:a )?[\d,]+ (?:block )?range/i, source: "BlockPI, Blast" },
  // "ranges over 10000 blocks are not supported on freetier" (code 35, foundry-rs/foundry#12687).
  { pattern: /ranges over [\d,]+ blocks are not supported/i, source: "foundry-rs/foundry#12687 (35)" },
  // Alchemy "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range …".
  { pattern: /log response size exceeded/i, source: "Alchemy (bancorprotocol/webapp#523)" },
  // thirdweb "Maximum allowed number of requested blocks is 1000" (-32005, ponder-sh/ponder thirdweb test).
  { pattern: /maximum allowed number of requested blocks/i, source: "thirdweb (-32005)" },
];

/**
 * The JSON-RPC codes that mean "too large" on `eth_getLogs` whatever the words: -32005 "limit exceeded" (EIP-1474;
 * Infura, thirdweb, Filecoin's Forest `BlockRangeExceeded`) unless it speaks of a rate, and -32602 "invalid params"
 * when its message speaks of a range or of results (Infura, reth, BlockPI, Tenderly).
 */
const LIMIT_EXCEEDED = -32005;
const INVALID_PARAMS = -32602;

/** Whether `error` (or one of its causes) is a node refusing an `eth_getLogs` range as too large. */
export function isLogRangeRefusal(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 8; depth++) {
    const { code, message, details, data } = e as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
      data?: unknown;
    };
    const text = [message, details, typeof data === "string" ? data : JSON.stringify(data ?? null)]
      .filter((t): t is string => typeof t === "string")
      .join(" ");
    if (LOG_RANGE_REFUSALS.some(({ pattern }) => pattern.test(text))) return true;
    if (code === LIMIT_EXCEEDED && !/rate/i.test(text)) return true;
    if (code === INVALID_PARAMS && /range|results/i.test(text)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A node refused the logs of a single block as too many: no smaller range exists to ask for. */
export class LogRangeRefusedError extends CommonwealError {
  override name = "LogRangeRefusedError";
  constructor(
    readonly block: bigint,
    override readonly cause: unknown,
  ) {
    super(
      `The node refused the events of block ${block} alone as too many: use an RPC with a higher eth_getLogs limit ` +
        `(or a node of your own).`,
    );
  }
}

export type GetContractEventsPagedParameters<
  abi extends Abi | readonly unknown[] = Abi,
  eventName extends ContractEventName<abi> | undefined = ContractEventName<abi> | undefined,
  strict extends boolean | undefined = undefined,
> = {
  /** The address of the contract (or several). */
  address?: Address | Address[] | undefined;
  abi: abi;
  args?:
    ContractEventArgs<abi, eventName extends ContractEventName<abi> ? eventName : ContractEventName<abi>> | undefined;
  eventName?: eventName | ContractEventName<abi> | undefined;
  /** Whether the logs must match the event's indexed and non-indexed arguments (viem's `strict`; default false). */
  strict?: strict | boolean | undefined;
  /** The first block (default 0). */
  fromBlock?: bigint | undefined;
  /** The last block (default: the current block, read once). */
  toBlock?: bigint | undefined;
};

export type GetContractEventsPagedReturnType<
  abi extends Abi | readonly unknown[] = readonly unknown[],
  eventName extends ContractEventName<abi> | undefined = ContractEventName<abi> | undefined,
  strict extends boolean | undefined = undefined,
> = GetContractEventsReturnType<abi, eventName, strict, bigint, bigint>;

/**
 * viem's `getContractEvents` over `[fromBlock, toBlock]` on any RPC: it asks for the whole range, and when the node
 * refuses it as too large (see {@link LOG_RANGE_REFUSALS}) asks for halves, halving again while refused, then goes on
 * with the span that was served for the rest of the range. Logs come in block order, each once, as one call would
 * return them. Any other error is thrown as it came; a single block refused throws a {@link LogRangeRefusedError}.
 *
 * @example
 * const created = await getContractEventsPaged(publicClient, {
 *   address: circle,
 *   abi: circleAbi,
 *   eventName: "ProposalCreated",
 *   strict: true,
 * }); // created[0].args.proposalId: bigint
 */
export async function getContractEventsPaged<
  chain extends Chain | undefined,
  const abi extends Abi | readonly unknown[],
  eventName extends ContractEventName<abi> | undefined = undefined,
  strict extends boolean | undefined = undefined,
>(
  client: Client<Transport, chain>,
  parameters: GetContractEventsPagedParameters<abi, eventName, strict>,
): Promise<GetContractEventsPagedReturnType<abi, eventName, strict>> {
  const { fromBlock = 0n, toBlock: last, ...query } = parameters;
  const toBlock = last ?? (await getBlockNumber(client, { cacheTime: 0 }));
  const logs: GetContractEventsPagedReturnType<abi, eventName, strict> = [];
  let span = toBlock - fromBlock + 1n; // the widest range to ask for next: the whole, until the node refuses it
  for (let from = fromBlock; from <= toBlock;) {
    const to = from + span - 1n < toBlock ? from + span - 1n : toBlock;
    const window = { ...query, fromBlock: from, toBlock: to } as GetContractEventsParameters<
      abi,
      eventName,
      strict,
      bigint,
      bigint
    >;
    try {
      logs.push(...(await getContractEvents(client, window)));
      from = to + 1n;
    } catch (error) {
      if (!isLogRangeRefusal(error)) throw error;
      if (to === from) throw new LogRangeRefusedError(from, error);
      span = (to - from + 2n) / 2n; // the first half (the larger one when odd); at least 1, so this ends
    }
  }
  return logs;
}
