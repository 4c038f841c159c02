/**
 * The charter options shared by `circle create`, `circle consent`, `circle ratify-charter` and `council create`:
 * exactly one of `--charter-hash`, `--charter-file` or `--charter-text`; the CLI hashes a file or text with the
 * client's `charterHash`, the hash the contracts expect.
 */
import { readFile } from "node:fs/promises";
import type { Hex } from "viem";

import { charterHash } from "../client/charter.js";
import { CliError } from "./cli.js";
import { parseBytes32 } from "./circle/shared.js";

export interface CharterArgs {
  charterHash?: string;
  charterFile?: string;
  charterText?: string;
}

/** The charter's content hash from whichever one of the three options was given. */
export async function resolveCharterHash(args: CharterArgs): Promise<Hex> {
  const given = [
    args.charterHash !== undefined && "--charter-hash",
    args.charterFile !== undefined && "--charter-file",
    args.charterText !== undefined && "--charter-text",
  ].filter((name): name is string => name !== false);
  if (given.length !== 1) {
    const which = given.length === 0 ? "none was given" : `${given.join(" and ")} were given`;
    throw new CliError(
      `Give the charter exactly one way: --charter-file <path> (its bytes are hashed), --charter-text "<text>" (hashed as UTF-8) or --charter-hash 0x… (its keccak256); ${which}.`,
    );
  }
  if (args.charterFile !== undefined) {
    const bytes = await readFile(args.charterFile).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`--charter-file: cannot read "${args.charterFile}" (${reason}).`);
    });
    return charterHash(new Uint8Array(bytes));
  }
  if (args.charterText !== undefined) {
    if (args.charterText === "") throw new CliError(`--charter-text is empty: give the charter's text.`);
    return charterHash(args.charterText);
  }
  return parseBytes32("charter-hash", args.charterHash, "the charter's content hash");
}
