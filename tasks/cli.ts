/**
 * What every Commonweal task shares: checking input before anything is sent, printing for people or for scripts
 * (`--json`), and failing with one readable sentence and a non-zero exit code.
 */
import { getAddress, isAddress, parseUnits, type Address } from "viem";

import { describeRevert } from "../client/errors.js";
import { DeploymentRecordError } from "../client/deployments.js";
import { PathfinderError } from "../client/pathfinder.js";

/** A mistake in the input, or a refusal explained in a sentence: printed without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
}

/** `value` as a checksummed address, or a CliError naming the option. */
export function requireAddress(option: string, value: string | undefined): Address {
  if (value === undefined || value === "") throw new CliError(`--${option} is required: give an address (0x…).`);
  if (!isAddress(value, { strict: false }))
    throw new CliError(`--${option} "${value}" is not an address (0x and 40 hex digits).`);
  return getAddress(value);
}

/** A decimal token amount (e.g. "25" or "0.5") in the smallest unit, or a CliError. */
export function parseAmount(option: string, value: string | undefined, decimals = 18): bigint {
  if (value === undefined || value === "")
    throw new CliError(`--${option} is required: give an amount such as 25 or 0.5.`);
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(value)) {
    throw new CliError(
      `--${option} "${value}" is not an amount: use digits, and at most ${decimals} decimals (e.g. 25 or 0.5).`,
    );
  }
  const amount = parseUnits(value, decimals);
  if (amount === 0n) throw new CliError(`--${option} must be more than zero.`);
  return amount;
}

/** Prints `result` as JSON (bigints as strings) with --json, else the human sentence. */
export function report(json: boolean, human: string, result: Record<string, unknown>): void {
  if (json) {
    console.log(JSON.stringify(result, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
  } else {
    console.log(human);
  }
}

/** Runs a task's body: any failure becomes one sentence on stderr and exit code 1; nothing else is printed. */
export async function runTask(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(`Error: ${explain(error)}`);
    process.exitCode = 1;
  }
}

/** The readable sentence for a failure: our own errors, a contract's custom error, or the library's message. */
export function explain(error: unknown): string {
  if (error instanceof CliError || error instanceof PathfinderError || error instanceof DeploymentRecordError) {
    return error.message;
  }
  const revert = describeRevert(error);
  if (revert) return revert;
  if (error instanceof Error) return (error as { shortMessage?: string }).shortMessage ?? error.message;
  return String(error);
}
