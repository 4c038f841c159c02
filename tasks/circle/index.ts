// `npx hardhat circle <verb>`: founding and governing circles.
import { emptyTask, task } from "hardhat/config";

import { addCharterOptions, fromOption, jsonFlag, option, profilesOption } from "../options.js";
import { addRuleOptions } from "./ruleOptions.js";

const circleOption = option("circle", "The circle (address)");
const registryOption = option("registry", "The circle registry (default: this network's deployment record)");
const proposalOption = option(
  "proposal",
  "The proposal: its id, a unique prefix of it (as `proposals` lists), or latest",
);
const supportOption = option("support", "Your vote: for, against or abstain");
const descriptionOption = (what: string) => option("description", `The proposal's description (default: ${what})`);

export const circleTasks = [
  emptyTask(
    "circle",
    "Circles: create, consent, info, list, request-admission, admit, leave, propose, proposals, proposal, vote, vote-by-signature, execute, ratify-charter, hard-reset, temperature, mentorship, invert, reversal, thresholds, templates, template, publish-template, report-template, pair-links, audit, audit-draw, audit-publish, audit-missed, listening-session",
  ).build(),
  addRuleOptions(
    addCharterOptions(
      task(["circle", "create"], "Found a circle: default rules (override any with its option), or a template's")
        .addOption(option("name", "The circle's name"))
        .addOption(option("founders", "The founding members, comma-separated addresses (0x…,0x…)")),
    )
      .addOption(
        option("template", "Found from a published template (its name or id) instead of the defaults and options"),
      )
      .addOption(option("consents", "Founders' consents from `circle consent --json`, comma-separated files"))
      .addOption(option("deadline", "Until when the consents count, unix seconds (default: theirs, or a day)")),
  )
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./create.js"))
    .build(),
  addRuleOptions(
    addCharterOptions(
      task(["circle", "consent"], "Sign your consent, as a founder, to a circle someone else founds (same options)")
        .addOption(option("name", "The circle's name"))
        .addOption(option("founders", "The founding members, comma-separated addresses (0x…,0x…)")),
    )
      .addOption(option("template", "The published template the circle is founded from (its name or id)"))
      .addOption(option("deadline", "Until when the consent counts, unix seconds (default: a day from now)")),
  )
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./consent.js"))
    .build(),
  task(["circle", "request-admission"], "Ask to join a circle (or --withdraw the request): no one joins unasked")
    .addOption(circleOption)
    .addFlag({ name: "withdraw", description: "Withdraw your request instead" })
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./request-admission.js"))
    .build(),
  task(["circle", "info"], "Show a circle or council: members, rules, charter, reset epoch, mandates, role modules")
    .addOption(circleOption)
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./info.js"))
    .build(),
  task(["circle", "list"], "List the registry's circles and councils, a page at a time")
    .addOption(option("offset", "How many to skip (default: 0)"))
    .addOption(option("limit", "How many to show, 1 to 100 (default: 20)"))
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./list.js"))
    .build(),
  task(["circle", "templates"], "List the registry's templates: parent (verified or declared), adopters, reports")
    .addOption(option("offset", "How many to skip (default: 0)"))
    .addOption(option("limit", "How many to show, 1 to 100 (default: 20)"))
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./templates.js"))
    .build(),
  task(
    ["circle", "template"],
    "Show a template: its parent chain, children, the circles founded from it, their reports",
  )
    .addOption(option("id", "The template (its name or id)"))
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./template.js"))
    .build(),
  addRuleOptions(
    task(
      ["circle", "publish-template"],
      "Publish a rule set as a template (defaults + options), or propose that --circle publish its own rules",
    )
      .addOption(option("name", "The template's name (its id is the keccak256 of the name)"))
      .addOption(option("parent", "The template it grew from (name or id): verified when --circle was founded from it"))
      .addOption(option("circle", "Propose that this circle publish the rules it lives by (address)")),
  )
    .addOption(descriptionOption('"Publish our rules as the template "<name>""'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./publish-template.js"))
    .build(),
  task(["circle", "report-template"], "Propose that the circle report back to the template it was founded from")
    .addOption(circleOption)
    .addOption(option("template", "The template the circle was founded from (its name or id)"))
    .addOption(option("hash", "The report's content hash (0x and 64 hex digits)"))
    .addOption(option("uri", "Where the report can be read (default: none)"))
    .addOption(descriptionOption('"Report our result to template <id>"'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./report-template.js"))
    .build(),
  task(["circle", "admit"], "Propose admitting someone: the circle decides by vote, then anyone executes")
    .addOption(circleOption)
    .addOption(option("member", "Who to admit (address)"))
    .addOption(descriptionOption('"Admit <address>"'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./admit.js"))
    .build(),
  task(["circle", "leave"], "Leave a circle at once: no vote, no fee (the signer leaves)")
    .addOption(circleOption)
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./leave.js"))
    .build(),
  task(["circle", "propose"], "Propose any call of the circle's: raw calldata, or a function and its arguments")
    .addOption(circleOption)
    .addOption(option("target", "The contract the circle would call (address)"))
    .addOption(option("data", "The calldata (0x…); or use --function and --args"))
    .addOption(option("function", 'The function to call, e.g. "transfer(address,uint256)"'))
    .addOption(option("args", `Its arguments as a JSON array, e.g. '["0x…", "5"]'`))
    .addOption(option("value", "Ether the circle sends with the call (default: 0)"))
    .addOption(option("description", "What the proposal is for, in words"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./propose.js"))
    .build(),
  task(["circle", "proposals"], "List a circle's proposals: short id, state, tally and description")
    .addOption(option("circle", "The circle or council (address)"))
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./proposals-list.js"))
    .build(),
  task(["circle", "proposal"], "Show one proposal: state, tally, quorum, votes with reasons, schedule and next step")
    .addOption(option("circle", "The circle or council (address)"))
    .addOption(proposalOption)
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./proposal-show.js"))
    .build(),
  task(["circle", "vote"], "Vote on a proposal: for, against or abstain (one member, one vote)")
    .addOption(circleOption)
    .addOption(proposalOption)
    .addOption(supportOption)
    .addOption(option("reason", "Why, recorded with the vote"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./vote.js"))
    .build(),
  task(
    ["circle", "vote-by-signature"],
    "Sign a ballot for someone else to submit (--sign), or submit a signed ballot (--relay '<json>')",
  )
    .addFlag({ name: "sign", description: "Sign a ballot with --from and print it as JSON; nothing is sent" })
    .addOption(option("relay", "A signed ballot, the JSON --sign printed, to submit (castVoteBySig)"))
    .addOption(option("circle", "The circle (address; with --relay, taken from the ballot)"))
    .addOption(proposalOption)
    .addOption(supportOption)
    .addOption(
      option("from", "Who signs the ballot (--sign) or pays to submit it (--relay) (default: the first account)"),
    )
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./vote-by-signature.js"))
    .build(),
  task(["circle", "execute"], "Execute a passed proposal of a circle or council (anyone may)")
    .addOption(option("circle", "The circle or council (address)"))
    .addOption(proposalOption)
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./execute.js"))
    .build(),
  addCharterOptions(
    task(["circle", "ratify-charter"], "Propose ratifying a charter, which restarts its term").addOption(circleOption),
  )
    .addOption(descriptionOption('"Ratify the charter <hash>"'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./ratify-charter.js"))
    .build(),
  task(["circle", "hard-reset"], "Signal a hard reset; at the threshold the circle cancels everything pending")
    .addOption(circleOption)
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./hard-reset.js"))
    .build(),
  task(["circle", "temperature"], "Record how heard you felt last period (--heard 1-5), or show a period's readings")
    .addOption(circleOption)
    .addOption(option("heard", "Your reading of the period that just ended: 1 (not heard) to 5 (fully heard)"))
    .addOption(option("dominant", "The member whose voice dominated that period (address; optional)"))
    .addOption(option("period", "Without --heard: the period to show (default: the last one ended)"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./temperature.js"))
    .build(),
  task(["circle", "mentorship"], "Show the mentorship pairs (mentor → mentee), who is unpaired, the next inversion")
    .addOption(circleOption)
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./mentorship.js"))
    .build(),
  task(["circle", "invert"], "Move the mentorship inversion on: request it once due, complete it, or re-request it")
    .addOption(circleOption)
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./invert.js"))
    .build(),
  task(["circle", "reversal"], "Log a dependency reversal you took part in (a borrowed tool, a shared meal, …)")
    .addOption(circleOption)
    .addOption(option("kind", "tool, meal, dispute, care or other (or 0 to 4)"))
    .addOption(option("memo", "What happened, in your words (1 to 280 bytes)"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./reversal.js"))
    .build(),
  task(["circle", "pair-links"], "Show who votes with whom, proposes for whom, pays whom, holds roles after whom")
    .addOption(circleOption)
    .addOption(option("fromBlock", "The first block whose events count (default: the first)"))
    .addOption(option("toBlock", "The last block whose events count (default: the latest)"))
    .addOption(option("factory", "The credit factory, to find the circle's currency (default: the deployment record)"))
    .addOption(registryOption)
    .addOption(profilesOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./pair-links.js"))
    .build(),
  task(["circle", "thresholds"], "Show the scorecard thresholds, or propose changing them (give any threshold)")
    .addOption(circleOption)
    .addOption(option("maxTopMandateShareBps", "Most of the mandates one member may hold, 1-10000 basis points"))
    .addOption(option("maxTopProposerShareBps", "Most of the proposals one member may make, 1-10000 basis points"))
    .addOption(option("minParticipationBps", "Least average share of members voting, 1-10000 basis points"))
    .addOption(option("minHeardAverageCenti", "Least average temperature reading x 100, 100-500 (300 = 3.00)"))
    .addOption(option("maxOneSidedPairShareBps", "Most of a pair's exchange flowing one way, 1-10000 basis points"))
    .addOption(descriptionOption('"Set the scorecard thresholds: <changes>"'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./thresholds.js"))
    .build(),
  task(["circle", "audit"], "Show a circle's pair-link audits (newest first) and the audit period running now")
    .addOption(circleOption)
    .addOption(option("id", "Show this audit only (its id)"))
    .addOption(option("offset", "Skip this many of the newest audits (default 0)"))
    .addOption(option("limit", "Show at most this many (default 20, at most 100)"))
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./audit.js"))
    .build(),
  task(["circle", "audit-draw"], "Start this period's pair-link audit (anyone), or complete the draw of its auditors")
    .addOption(circleOption)
    .addOption(option("complete", "Complete the draw of this audit (its id) once its randomness is out; anyone may"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./audit-draw.js"))
    .build(),
  task(["circle", "audit-publish"], "Publish your report as an auditor, within the period: your mandate completes")
    .addOption(circleOption)
    .addOption(option("id", "The audit (its id)"))
    .addOption(option("file", "The report's file: its bytes are hashed"))
    .addOption(option("hash", "Or the report's content hash (0x and 64 hex digits)"))
    .addOption(option("uri", "Where the report can be read (at most 256 bytes)"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./audit-publish.js"))
    .build(),
  task(["circle", "audit-missed"], "Record an audit not published by both auditors by its period's end (anyone)")
    .addOption(circleOption)
    .addOption(option("id", "The audit (its id)"))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./audit-missed.js"))
    .build(),
  task(["circle", "listening-session"], "Record that a published audit's listening session was held (an auditor)")
    .addOption(circleOption)
    .addOption(option("id", "The audit (its id)"))
    .addOption(option("date", "When it was held: an ISO date (2026-03-02T18:00Z) or Unix seconds"))
    .addFlag({ name: "propose", description: "Propose the circle's decision recording it instead (any member)" })
    .addOption(descriptionOption('"Record the listening session of audit <id>, held <date>"'))
    .addOption(fromOption)
    .addOption(registryOption)
    .addFlag(jsonFlag)
    .setAction(() => import("./listening-session.js"))
    .build(),
];
