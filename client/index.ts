/**
 * @commonweal/client: the contracts' `as const` ABIs and typed viem helpers for apps, wallets and scripts. Needs only
 * viem (a peer dependency), never the Hardhat runtime, and runs in browsers and in Node. The addresses of public
 * networks ship here (`knownDeployments`); local deployment records, which are read from files, are read by the
 * Node-only entry `@commonweal/client/node`.
 *
 * @example
 * import { listCircles, readCircle } from "@commonweal/client";
 * const { total, circles } = await listCircles(publicClient, { registry });
 * const circle = await readCircle(publicClient, { circle: circles[0]!.address });
 */
export * from "./abis.js";
export * from "./ballots.js";
export * from "./blockHeader.js";
export * from "./chain.js";
export * from "./charter.js";
export * from "./circles.js";
export * from "./credit.js";
export * from "./dryRun.js";
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
export * from "./actions/circle/createCircle.js";
export * from "./actions/circle/foundingConsentTypedData.js";
export * from "./actions/circle/leaveCircle.js";
export * from "./actions/circle/listCircles.js";
export * from "./actions/circle/prepareAdmit.js";
export * from "./actions/circle/prepareRatifyCharter.js";
export * from "./actions/circle/prepareRemove.js";
export * from "./actions/circle/readCircle.js";
export * from "./actions/circle/readRulesWithOverrides.js";
export * from "./actions/circle/readTemperature.js";
export * from "./actions/circle/recordTemperature.js";
export * from "./actions/circle/requestAdmission.js";
export * from "./actions/circle/resolveBody.js";
export * from "./actions/circle/signalReset.js";
export * from "./actions/circle/signFoundingConsent.js";
export * from "./actions/council/prepareAppointDelegate.js";
export * from "./actions/council/prepareCouncilAdmit.js";
export * from "./actions/council/prepareCreateCouncil.js";
export * from "./actions/council/prepareJoinCouncil.js";
export * from "./actions/council/prepareLeaveCouncil.js";
export * from "./actions/council/readDelegation.js";
export * from "./actions/council/readSeats.js";
export * from "./actions/council/resolveCouncil.js";
