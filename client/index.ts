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
export * from "./time.js";
export * from "./units.js";
export * from "./actions/submit.js";
export * from "./actions/credit/payAcross.js";
export * from "./actions/credit/payInCredit.js";
export * from "./actions/credit/prepareCreateCurrency.js";
export * from "./actions/credit/prepareJubilee.js";
export * from "./actions/credit/prepareSetLimits.js";
export * from "./actions/credit/readCreditAccount.js";
export * from "./actions/credit/readCreditBetween.js";
export * from "./actions/credit/readCurrency.js";
export * from "./actions/credit/readCurrencyAddress.js";
export * from "./actions/income/acceptVouch.js";
export * from "./actions/income/claimIncome.js";
export * from "./actions/income/invitePerson.js";
export * from "./actions/income/payAlongTrust.js";
export * from "./actions/income/planPayment.js";
export * from "./actions/income/prepareRegisterCircle.js";
export * from "./actions/income/prepareVouch.js";
export * from "./actions/income/readIncomeAccount.js";
export * from "./actions/income/readIncomeGraph.js";
export * from "./actions/income/readIncomeHub.js";
export * from "./actions/income/readIncomeWrapper.js";
export * from "./actions/income/registerPerson.js";
export * from "./actions/income/sendIncome.js";
export * from "./actions/income/setTrust.js";
export * from "./actions/income/unwrapIncome.js";
export * from "./actions/income/wrapIncome.js";
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
export * from "./actions/proposal/castVote.js";
export * from "./actions/proposal/castVoteBySignature.js";
export * from "./actions/proposal/execute.js";
export * from "./actions/proposal/listProposals.js";
export * from "./actions/proposal/propose.js";
export * from "./actions/proposal/readProposal.js";
export * from "./actions/proposal/readSchedule.js";
export * from "./actions/proposal/readTally.js";
export * from "./actions/proposal/requireVotingOpen.js";
export * from "./actions/proposal/resolveProposalRef.js";
export * from "./actions/proposal/signBallot.js";
