// What every part of the bench measures with: one row of the operations table, and a transaction's gas.
import type { ContractTransactionResponse } from "ethers";

/** One row of BENCHMARKS.md's operations table: the circle's gas, its reference's if it has one, and a note. */
export interface OperationRow {
  operation: string;
  circle: bigint;
  reference?: bigint;
  note?: string;
}

/** The gas a sent transaction used, once mined. */
export async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt.gasUsed;
}
