import { toHex, toRlp, type Chain, type Client, type Hex, type Transport } from "viem";
import { getBlockNumber } from "viem/actions";

/** The fields of an `eth_getBlockByNumber` result that make up a block header, as JSON-RPC returns them. */
export interface RpcBlockHeader {
  parentHash: string;
  sha3Uncles: string;
  miner: string;
  stateRoot: string;
  transactionsRoot: string;
  receiptsRoot: string;
  logsBloom: string;
  difficulty: string;
  number: string;
  gasLimit: string;
  gasUsed: string;
  timestamp: string;
  extraData: string;
  mixHash: string;
  nonce: string;
  baseFeePerGas?: string;
  withdrawalsRoot?: string;
  blobGasUsed?: string;
  excessBlobGas?: string;
  parentBeaconBlockRoot?: string;
  requestsHash?: string;
}

/** RLP wants integers as minimal big-endian bytes: zero is the empty string. */
function quantity(hex: string): Hex {
  const digits = BigInt(hex).toString(16);
  if (digits === "0") return "0x";
  return `0x${digits.length % 2 === 0 ? digits : `0${digits}`}`;
}

/** A byte-string field as JSON-RPC gives it (already 0x-prefixed hex). */
const bytes = (hex: string): Hex => hex as Hex;

/**
 * RLP-encodes a block header from its JSON-RPC form, so that `keccak256(result)` is the block hash. This is the
 * proof the default sortition randomness (`PrevrandaoRandomness.reveal`) takes. Fields added by later forks are
 * included when the node returns them.
 *
 * @example
 * const block = await provider.send("eth_getBlockByNumber", [toQuantity(ticket), false]);
 * await mandates.completeDraw(drawId, pool, blockHeaderRlp(block));
 */
export function blockHeaderRlp(block: RpcBlockHeader): Hex {
  const fields: Hex[] = [
    bytes(block.parentHash),
    bytes(block.sha3Uncles),
    bytes(block.miner),
    bytes(block.stateRoot),
    bytes(block.transactionsRoot),
    bytes(block.receiptsRoot),
    bytes(block.logsBloom),
    quantity(block.difficulty),
    quantity(block.number),
    quantity(block.gasLimit),
    quantity(block.gasUsed),
    quantity(block.timestamp),
    bytes(block.extraData),
    bytes(block.mixHash),
    bytes(block.nonce),
  ];
  const optional: [string | undefined, boolean][] = [
    [block.baseFeePerGas, true],
    [block.withdrawalsRoot, false],
    [block.blobGasUsed, true],
    [block.excessBlobGas, true],
    [block.parentBeaconBlockRoot, false],
    [block.requestsHash, false],
  ];
  for (const [value, isQuantity] of optional) {
    if (value === undefined) break;
    fields.push(isQuantity ? quantity(value) : bytes(value));
  }
  return toRlp(fields);
}

/**
 * The proof a randomness source takes for `ticket`: the RLP header of the ticket's block once it exists (what the
 * default `PrevrandaoRandomness` checks), else empty (sources that need no proof ignore it). Draws and mentorship
 * inversions both complete with it.
 *
 * @example
 * await mandates.completeDraw(drawId, pool, await randomnessProof(publicClient, ticket));
 */
export async function randomnessProof<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  ticket: bigint,
): Promise<Hex> {
  // The latest block read afresh (viem caches it for seconds): a retry just after the target block is mined must see it.
  if (ticket >= (await getBlockNumber(client, { cacheTime: 0 }))) return "0x";
  const block = await client.request({ method: "eth_getBlockByNumber", params: [toHex(ticket), false] });
  return block ? blockHeaderRlp(block as unknown as RpcBlockHeader) : "0x";
}
