/**
 * What several mandate actions share and no one calls on its own (not exported from the package): preparing a
 * decision's spec and trying its call as the circle would make it, and ending a mandate as its holder.
 */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { mandatesAbi } from "../../abis.js";
import { mandateSpec, mandatesCallAbi, type MandateSpec, type MandateSpecParameters } from "../../mandates.js";
import { decisionCall } from "../../proposals.js";
import { submit, type SigningClient } from "../submit.js";
import { readMandate } from "./readMandate.js";
import { resolvePowers, type PowerParameters, type ResolvePowersReturnType } from "./resolvePowers.js";

/** The module call a decision about a spec makes. */
type SpecCall =
  | { functionName: "grant"; args: (spec: MandateSpec) => readonly [MandateSpec, Address] }
  | { functionName: "requestDraw"; args: (spec: MandateSpec) => readonly [MandateSpec] };

/**
 * The spec with its powers' caps read in units, tried as `mandates.<functionName>` made by the circle now: a refusal
 * is thrown as a DecisionWouldFailError. Returns the spec, the powers, the module's rules and the decision's call.
 */
export async function prepareSpecDecision<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
  parameters: Omit<MandateSpecParameters, "powers"> & { powers?: readonly PowerParameters[] },
  call: SpecCall,
) {
  const powers: ResolvePowersReturnType = await resolvePowers(client, { powers: parameters.powers ?? [] });
  const spec = mandateSpec({ ...parameters, powers: powers.map((p) => p.power) });
  const read = { address: mandates, abi: mandatesAbi } as const;
  const circle = await readContract(client, { ...read, functionName: "circle" });
  const decision = await decisionCall(client, {
    ...read,
    circle,
    functionName: call.functionName,
    args: call.args(spec),
  });
  const rules = await readContract(client, { ...read, functionName: "rules" });
  return { spec, powers, rules, call: decision };
}

/** What ending a mandate as its holder gives: whose mandate, for which role, in which transaction. */
export interface EndedMandate {
  mandateId: bigint;
  role: string;
  holder: Address;
  transaction: Hex;
}

/** Completes or hands back mandate `mandateId` as the client's account, after a simulation. */
export async function endAsHolder(
  client: SigningClient,
  parameters: { mandates: Address; mandateId: bigint },
  functionName: "complete" | "handBack",
): Promise<EndedMandate> {
  const { mandates, mandateId } = parameters;
  const { hash } = await submit(client, { address: mandates, abi: mandatesCallAbi, functionName, args: [mandateId] });
  const { role, holder } = await readMandate(client, { mandates, id: mandateId });
  return { mandateId, role, holder, transaction: hash };
}

/**
 * Draw `drawId` as stored, and its DrawRequested event (undefined when the draw was never requested): what readDraw
 * reads, and completeDraw takes the frozen pool from (leaving a refusal to the contract's own sentence).
 */
export async function drawRecord<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
  drawId: bigint,
) {
  const [draw, logs] = await Promise.all([
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "draw", args: [drawId] }),
    getContractEventsPaged(client, {
      address: mandates,
      abi: mandatesAbi,
      eventName: "DrawRequested",
      args: { drawId },
      fromBlock: 0n,
      strict: true,
    }),
  ]);
  return { draw, requested: logs.at(-1)?.args };
}
