/**
 * Option builders for task definitions. Loaded with the Hardhat config, so it imports nothing heavy: each task's
 * action is imported lazily, only when the task runs.
 */
import { ArgumentType } from "hardhat/types/arguments";

/** A string option without a default; the action checks it and explains what is missing or malformed. */
export const option = <Name extends string>(name: Name, description: string) =>
  ({ name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined }) as const;

/** `--from`: which of the network's accounts signs. */
export const fromOption = option("from", "Which of the network's accounts signs (address; default: the first)");

/** `--profiles`: the registry of display names (people are listed by name when it can be read). */
export const profilesOption = option(
  "profiles",
  "The Profiles registry of display names (default: this network's deployment record)",
);

/** `--json`: print the result as JSON for scripts. */
export const jsonFlag = { name: "json", description: "Print the result as JSON" } as const;

/** The charter, given one of three ways (the action checks exactly one is given and hashes a file or text). */
const charterOptions = [
  option("charterFile", "The charter as a file: the CLI hashes its bytes (keccak256)"),
  option("charterText", "The charter as text: the CLI hashes it (keccak256 of the UTF-8)"),
  option("charterHash", "Or the charter's content hash, if you have it (0x and 64 hex digits)"),
  option("charterUri", "Where the charter can be read (e.g. ipfs://…)"),
] as const;

/** Anything the charter options can be added to: a task builder. */
interface CharterOptionAdder {
  addOption(option: (typeof charterOptions)[number]): CharterOptionAdder;
}

/**
 * Adds the charter options (`--charter-file`, `--charter-text`, `--charter-hash`, `--charter-uri`) to a task builder.
 * They are all optional strings the action checks, so the builder's type need not track them one by one.
 */
export function addCharterOptions<B>(builder: B): B {
  let b = builder as unknown as CharterOptionAdder;
  for (const o of charterOptions) b = b.addOption(o);
  return b as unknown as B;
}
