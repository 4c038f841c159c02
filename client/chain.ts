/**
 * A local node's clock: reading a duration (`90m`, `8d`, `2w`, `1d12h`) and moving the node's time forward, block by
 * block. Only for local nodes (a Hardhat node or anvil, told by its client, whatever its chain id): on a live
 * network time cannot be moved, and a script that tried would be sending test-only calls to a real node.
 *
 * @example
 * import { advanceChain, parseDuration } from "@commonweal/client";
 * await advanceChain(publicClient, { seconds: parseDuration("8d") });
 */
import type { Client } from "viem";
import { CommonwealError } from "./errors.js";

/** A duration, a node that is not local, or a clock that cannot move: said in a sentence. */
export class ChainError extends CommonwealError {
  override name = "ChainError";
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** The longest duration accepted by default, 10 years: a longer one is a typo, and the node's timestamps stay sane. */
export const MAX_DURATION_SECONDS = 10 * 365 * 86_400;

/** How parseDuration reads and bounds a duration, and how its refusals name it. */
export interface DurationOptions {
  /** How a refusal names the value, e.g. `--voting-period` (default: the value alone, quoted). */
  label?: string;
  /** Whether a bare number is seconds (`3600`); by default a unit is required. */
  bareSeconds?: boolean;
  /** Whether zero is a duration (default false). */
  zero?: boolean;
  /** The longest duration, in seconds (default MAX_DURATION_SECONDS), and how a refusal says it. */
  max?: number;
  maxText?: string;
}

/**
 * Seconds in a duration written as whole numbers with units, largest first, each unit once: `s`, `m` (minutes),
 * `h`, `d`, `w`, e.g. `90m`, `8d`, `2w`, `1d12h` (spaces are ignored). The one duration parser of every verb and
 * script. Anything else is refused with a ChainError saying how to write it.
 */
export function parseDuration(text: string, options: DurationOptions = {}): number {
  const { label, bareSeconds = false, zero = false, max = MAX_DURATION_SECONDS } = options;
  const maxText = options.maxText ?? (max === MAX_DURATION_SECONDS ? "10 years" : `${max} seconds`);
  const subject = label === undefined ? `"${text}"` : `${label} "${text}"`;
  const how = `write a duration as whole numbers with units s, m, h, d, w, largest first (e.g. ${bareSeconds ? "3600, " : ""}90m, 8d, 2w, 1d12h)`;
  const compact = text.replace(/\s+/g, "");
  const written = bareSeconds && /^\d+$/.test(compact) ? `${compact}s` : compact;
  if (!/^(\d+[smhdw])+$/.test(written)) throw new ChainError(`${subject} is not a duration: ${how}.`);
  const order = Object.keys(UNIT_SECONDS).reverse() as Unit[]; // w, d, h, m, s
  let seconds = 0;
  let last = -1;
  for (const [, digits, unit] of written.matchAll(/(\d+)([smhdw])/g)) {
    const rank = order.indexOf(unit as Unit);
    if (rank <= last) throw new ChainError(`${subject} is not a duration: ${how}.`);
    last = rank;
    seconds += Number(digits) * UNIT_SECONDS[unit as Unit];
  }
  if (seconds === 0 && !zero) throw new ChainError(`${subject} is no time at all: give a duration of at least 1s.`);
  if (!Number.isSafeInteger(seconds) || seconds > max)
    throw new ChainError(`${subject} is too long: at most ${maxText}.`);
  return seconds;
}

/** The clients that answer test calls (`evm_increaseTime`, `evm_mine`): a Hardhat node and anvil. */
const LOCAL_CLIENTS = ["HardhatNetwork", "anvil"] as const;

/** Whether a node is local, and its client as it names itself (`web3_clientVersion`). */
export interface NodeKind {
  local: boolean;
  clientVersion: string;
}

type RawRequest = (args: { method: string; params?: unknown[] }) => Promise<unknown>;
const raw = (client: Client): RawRequest => client.request as unknown as RawRequest;

/**
 * Whether the node is local, by its client (`web3_clientVersion` starting with "HardhatNetwork" or "anvil"),
 * whatever its chain id: a live network can use 31337, and a local node can use any id.
 */
export async function nodeKind(client: Client): Promise<NodeKind> {
  const version = await raw(client)({ method: "web3_clientVersion" });
  const clientVersion = typeof version === "string" ? version : String(version);
  const name = clientVersion.toLowerCase();
  return { local: LOCAL_CLIENTS.some((c) => name.startsWith(c.toLowerCase())), clientVersion };
}

/** Fails with a ChainError naming the node's client unless the node is local (see nodeKind). */
export async function requireLocalNode(client: Client): Promise<NodeKind> {
  const kind = await nodeKind(client);
  if (!kind.local) {
    throw new ChainError(
      `This node is not local: its client is "${kind.clientVersion}", not a Hardhat node or anvil, so its clock cannot be moved (only a local node's can, whatever its chain id).`,
    );
  }
  return kind;
}

/** The most blocks one advance mines, each in its own call: enough to step through a vote, and quick. */
export const MAX_ADVANCE_BLOCKS = 1_000;

export interface AdvanceParameters {
  /** How far to move the clock, in seconds (see parseDuration). */
  seconds: number;
  /** How many blocks to mine, one at a time, the time split evenly between them (default 1, at most 1,000). */
  blocks?: number;
}

export interface AdvanceResult {
  clientVersion: string;
  seconds: number;
  blocks: number;
  from: { block: bigint; timestamp: bigint };
  to: { block: bigint; timestamp: bigint };
}

async function head(client: Client) {
  const block = (await raw(client)({ method: "eth_getBlockByNumber", params: ["latest", false] })) as {
    number: `0x${string}`;
    timestamp: `0x${string}`;
  };
  return { block: BigInt(block.number), timestamp: BigInt(block.timestamp) };
}

/**
 * Moves a local node's clock forward by `seconds` and mines `blocks` blocks, one `evm_increaseTime` and one
 * `evm_mine` per block (never a jump of many blocks at once, so every block has a timestamp and the clock reads the
 * same to contracts as it would have had the time passed). Refused with a ChainError on a node that is not local.
 */
export async function advanceChain(client: Client, parameters: AdvanceParameters): Promise<AdvanceResult> {
  const { seconds, blocks = 1 } = parameters;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new ChainError(`${seconds} is not a number of seconds to advance: give a whole number of at least 1.`);
  }
  if (!Number.isSafeInteger(blocks) || blocks < 1 || blocks > MAX_ADVANCE_BLOCKS) {
    throw new ChainError(`${blocks} blocks cannot be mined: give a whole number from 1 to ${MAX_ADVANCE_BLOCKS}.`);
  }
  if (blocks > seconds) {
    throw new ChainError(`${blocks} blocks cannot fit in ${seconds} seconds: each block needs at least a second.`);
  }
  const { clientVersion } = await requireLocalNode(client);
  const request = raw(client);
  const from = await head(client);
  const step = Math.floor(seconds / blocks);
  for (let i = 0; i < blocks; i++) {
    // The last block takes the remainder, so the clock moves by `seconds` (plus the real time the calls take).
    const share = i === blocks - 1 ? seconds - step * (blocks - 1) : step;
    await request({ method: "evm_increaseTime", params: [share] });
    await request({ method: "evm_mine", params: [] });
  }
  return { clientVersion, seconds, blocks, from, to: await head(client) };
}
