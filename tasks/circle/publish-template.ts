/**
 * `npx hardhat circle publish-template --name "…" [--parent <name or id>] [rule options] [--from <address>] [--json]`:
 * publishes a rule set (the registry's defaults and the options given) as a template anyone may found circles from;
 * a parent named this way is recorded as declared.
 *
 * `npx hardhat circle publish-template --circle <address> --name "…" [--parent <name or id>] [--description "…"]`:
 * proposes that the circle publish the rules it lives by; the parent is verified when the circle was founded from it.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Hex } from "viem";

import { preparePublishCircleRules } from "../../client/actions/circle/preparePublishCircleRules.js";
import {
  publishTemplate as publishTemplateAction,
  type PublishTemplateReturnType,
} from "../../client/actions/circle/publishTemplate.js";
import { readRulesWithOverrides } from "../../client/actions/circle/readRulesWithOverrides.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { templateId } from "./create.js";
import {
  describeRules,
  givenRuleOptions,
  nextSteps,
  parseRuleOverrides,
  proposalMade,
  registryOf,
  requireText,
  type ProposalMade,
  type RuleArgs,
} from "./shared.js";

export interface PublishTemplateArgs extends RuleArgs {
  name?: string;
  parent?: string;
  circle?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** A template published by a person (the sender). */
export type PublishedTemplate = PublishTemplateReturnType;

/** A circle's proposal to publish its own rules. */
export interface ProposedTemplate extends ProposalMade {
  name: string;
  templateId: Hex;
  parentId: Hex | null;
  parentVerified: boolean;
}

/** Publishes the options' rule set as a template from the sender's account. */
export async function publishTemplate(c: Connection, args: PublishTemplateArgs): Promise<PublishedTemplate> {
  if (args.circle) throw new CliError(`--circle proposes the circle's own rules: use proposeCircleTemplate.`);
  const name = requireText("name", args.name, "give the template's name");
  const registry = registryOf(c, args.registry);
  const { rules, mandateRules } = await readRulesWithOverrides(c.publicClient, {
    registry,
    overrides: parseRuleOverrides(args),
  });
  return publishTemplateAction(c.wallet(args.from), {
    registry,
    name,
    rules,
    mandateRules,
    ...(args.parent ? { parentId: templateId(args.parent) } : {}),
  });
}

/** Proposes that the circle publish the rules it lives by as a template (checked as the circle would send it now). */
export async function proposeCircleTemplate(c: Connection, args: PublishTemplateArgs): Promise<ProposedTemplate> {
  const circle = requireAddress("circle", args.circle);
  const name = requireText("name", args.name, "give the template's name");
  const overrides = givenRuleOptions(args);
  if (overrides.length > 0) {
    throw new CliError(
      `--circle publishes the rules the circle lives by; drop ${overrides.join(", ")} (change the circle's rules by a decision first).`,
    );
  }
  const prepared = await preparePublishCircleRules(c.publicClient, {
    circle,
    registry: registryOf(c, args.registry),
    name,
    ...(args.parent ? { parentId: templateId(args.parent) } : {}),
    description: args.description,
  });
  const made = proposalMade(await propose(c.wallet(args.from), prepared));
  return {
    ...made,
    name,
    templateId: templateId(name),
    parentId: prepared.parentId,
    parentVerified: prepared.parentVerified,
  };
}

function parentLine(parentId: Hex | null, verified: boolean, proposed: boolean): string {
  if (parentId === null) return "with no parent";
  if (verified) return `from parent ${parentId} (verified: the circle was founded from it)`;
  return proposed
    ? `from parent ${parentId} (declared only: the circle was not founded from it)`
    : `from parent ${parentId} (declared only: only a circle founded from it can publish with a verified parent)`;
}

export default async function publishTemplateTask(
  args: PublishTemplateArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runTask(args.json, async () => {
    const c = await connect(hre);
    if (args.circle) {
      const r = await proposeCircleTemplate(c, args);
      report(
        args.json,
        `${r.proposer} proposed that ${r.circle} publish its rules as the template "${r.name}" (${r.templateId}), ` +
          `${parentLine(r.parentId, r.parentVerified, true)}: ${nextSteps(r)}`,
        { ...r },
      );
      return;
    }
    const r = await publishTemplate(c, args);
    report(
      args.json,
      `${r.publisher} published the template "${r.name}" (${r.templateId}), ${parentLine(r.parentId, r.parentVerified, false)}. ` +
        `Rules: ${describeRules(r.rules)}. Found a circle from it: npx hardhat circle create --template "${r.name}" …`,
      { ...r },
    );
  });
}
