/**
 * `npx hardhat circle templates [--offset 0] [--limit 20] [--json]` and `npx hardhat circle template --id <name or id>
 * [--json]`: the registry's templates with their lineage (parent verified or only declared), adopters and reports.
 * Read only, no signer needed.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MAX_PAGE_SIZE } from "../../client/actions/circle/listCircles.js";
import {
  listTemplateAdopters,
  type ListTemplateAdoptersReturnType,
} from "../../client/actions/circle/listTemplateAdopters.js";
import {
  listTemplateChildren,
  type ListTemplateChildrenReturnType,
} from "../../client/actions/circle/listTemplateChildren.js";
import {
  listTemplateReports,
  type ListTemplateReportsReturnType,
} from "../../client/actions/circle/listTemplateReports.js";
import { listTemplates, type ListTemplatesReturnType } from "../../client/actions/circle/listTemplates.js";
import { readTemplate, type ReadTemplateReturnType } from "../../client/actions/circle/readTemplate.js";
import { describeMandateRules, describeRules } from "../../client/rules.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { templateId } from "./create.js";
import { parseWhole, registryOf } from "./shared.js";

export interface TemplatesArgs {
  offset?: string;
  limit?: string;
  registry?: string;
  json: boolean;
}

export interface TemplateArgs {
  id?: string;
  registry?: string;
  json: boolean;
}

/** A template with its ancestors and the first page of its children, adopters and reports. */
export interface TemplateResult extends ReadTemplateReturnType {
  childList: ListTemplateChildrenReturnType["children"];
  adopterList: ListTemplateAdoptersReturnType["adopters"];
  reportList: ListTemplateReportsReturnType["reports"];
}

/** One page of the registry's templates (the client's listTemplates). */
export async function templates(c: Connection, args: TemplatesArgs): Promise<ListTemplatesReturnType> {
  const offset = args.offset ? parseWhole("offset", args.offset, { example: "0" }) : 0n;
  const limit = args.limit ? parseWhole("limit", args.limit, { min: 1n, max: MAX_PAGE_SIZE, example: "20" }) : 20n;
  return listTemplates(c.publicClient, { registry: registryOf(c, args.registry), offset, limit });
}

/** One template: its parent chain, and the first {@link MAX_PAGE_SIZE} of its children, adopters and reports. */
export async function template(c: Connection, args: TemplateArgs): Promise<TemplateResult> {
  if (!args.id) throw new CliError(`--id is required: give the template's name or id (0x and 64 hex digits).`);
  const on = { registry: registryOf(c, args.registry), templateId: templateId(args.id) };
  const t = await readTemplate(c.publicClient, on);
  const [children, adopters, reports] = await Promise.all([
    listTemplateChildren(c.publicClient, on),
    listTemplateAdopters(c.publicClient, on),
    listTemplateReports(c.publicClient, on),
  ]);
  return { ...t, childList: children.children, adopterList: adopters.adopters, reportList: reports.reports };
}

/** "from Root (verified)", "from Root (declared only)" or "no parent". */
export function describeParent(t: ReadTemplateReturnType): string {
  if (!t.parent) return "no parent";
  const name = t.ancestors[0]?.name ?? t.parent;
  return `from "${name}" (${t.parentVerified ? "verified" : "declared only"})`;
}

function counts(t: ReadTemplateReturnType): string {
  return `${t.adopters} adopter(s), ${t.children} child(ren), ${t.reports} report(s)`;
}

/** The human text of `circle template`. */
export function describeTemplate(t: TemplateResult): string {
  const more = (total: bigint, shown: number) => (total > BigInt(shown) ? ` (first ${shown} shown)` : "");
  const lineage = [`"${t.name}"`, ...t.ancestors.map((a) => `"${a.name}"`)];
  const links = t.ancestors.map((a) => (a.verified ? " <- " : " <- (declared) "));
  return [
    `Template "${t.name}" (${t.templateId}), published by ${t.publisher} on ${t.publishedAt}, ${describeParent(t)}.`,
    `  lineage: ${lineage.map((name, i) => name + (links[i] ?? "")).join("")}`,
    `  rules: ${describeRules(t.rules)}`,
    `  mandates: ${describeMandateRules(t.mandateRules)}`,
    `  children: ${t.children}${more(t.children, t.childList.length)}`,
    ...t.childList.map(
      (x) => `    ${x.name} (${x.templateId}) by ${x.publisher}, ${x.parentVerified ? "verified" : "declared only"}`,
    ),
    `  adopters: ${t.adopters}${more(t.adopters, t.adopterList.length)}`,
    ...t.adopterList.map((x) => `    ${x.circle}  ${x.name}`),
    `  reports: ${t.reports}${more(t.reports, t.reportList.length)}`,
    ...t.reportList.map((x) => `    ${x.circle} on ${x.reportedAt}: ${x.reportHash}${x.uri ? ` ${x.uri}` : ""}`),
  ].join("\n");
}

export default async function templatesTask(args: TemplatesArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await templates(await connect(hre), args);
    const header =
      r.templates.length === 0
        ? `No templates at offset ${r.offset}: the registry ${r.registry} has ${r.total}.`
        : `Templates ${r.offset + 1n}-${r.offset + BigInt(r.templates.length)} of ${r.total} at the registry ${r.registry}:`;
    const lines = r.templates.map(
      (t, i) =>
        `  ${r.offset + BigInt(i) + 1n}. "${t.name}" (${t.templateId}) by ${t.publisher}, ${describeParent(t)}; ${counts(t)}`,
    );
    report(args.json, [header, ...lines].join("\n"), { ...r });
  });
}

export async function templateTask(args: TemplateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await template(await connect(hre), args);
    report(args.json, describeTemplate(r), { ...r });
  });
}
