/**
 * A charter's content hash: what a circle's `charterHash` (founding, `ratifyCharter`, a council's founding) commits
 * to. It is the keccak256 of the charter's bytes exactly as published (a file's bytes, or text as UTF-8), so anyone
 * holding the text can check it against the chain.
 *
 * @example
 * import { charterHash } from "@commonweal/client";
 * const hash = charterHash(await readFile("charter.md")); // or charterHash("We garden together.")
 */
import { keccak256, toBytes, type Hex } from "viem";

/** The keccak256 of a charter: bytes as given, a string as its UTF-8 bytes. */
export function charterHash(content: Uint8Array | string): Hex {
  return keccak256(typeof content === "string" ? toBytes(content) : content);
}
