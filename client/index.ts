/**
 * @commonweal/client: the contracts' `as const` ABIs and typed viem helpers for apps, wallets and scripts. Needs only
 * viem (a peer dependency), never the Hardhat runtime, and runs in browsers and in Node. The addresses of public
 * networks ship here (`knownDeployments`); local deployment records, which are read from files, are read by the
 * Node-only entry `@commonweal/client/node`.
 *
 * @example
 * import { circleRegistryAbi, listCircles, readCircle } from "@commonweal/client";
 * const count = await publicClient.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" });
 * const circle = await readCircle(publicClient, (await listCircles(publicClient, registry))[0]!);
 */
export * from "./abis.js";
export * from "./ballots.js";
export * from "./blockHeader.js";
export * from "./chain.js";
export * from "./charter.js";
export * from "./circles.js";
export * from "./credit.js";
export * from "./decisions.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./founding.js";
export * from "./income.js";
export * from "./mandates.js";
export * from "./networks.js";
export * from "./pathfinder.js";
export * from "./proposals.js";
export * from "./recalls.js";
export * from "./rules.js";
export * from "./actions/submit.js";
export * from "./actions/mandate/act.js";
export * from "./actions/mandate/complete.js";
export * from "./actions/mandate/completeDraw.js";
export * from "./actions/mandate/encodeMandateCall.js";
export * from "./actions/mandate/grantMandateCall.js";
export * from "./actions/mandate/handBack.js";
export * from "./actions/mandate/listMandates.js";
export * from "./actions/mandate/listPendingDraws.js";
export * from "./actions/mandate/readMandate.js";
export * from "./actions/mandate/readTokenUnits.js";
export * from "./actions/mandate/requestDrawCall.js";
export * from "./actions/mandate/requestFacilitatorDraw.js";
export * from "./actions/mandate/rerequestDraw.js";
export * from "./actions/mandate/resolvePowers.js";
export * from "./actions/mandate/signRecall.js";
export * from "./actions/mandate/signalRecall.js";
export * from "./actions/mandate/submitRecallSignatures.js";
