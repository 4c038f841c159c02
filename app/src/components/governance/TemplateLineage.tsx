/**
 * The lineage of a circle's rules (issue 17): the template it was founded from, that template's parent (verified: its
 * publisher is a circle founded from the parent; else only declared) and ancestors, how many circles adopted it, and
 * the result reports adopters sent back; and a form for members to propose their own circle's report. The reads are
 * the client's readFoundingTemplate and listTemplateReports; the proposal is prepareReportTemplateResult (which tries
 * the report as the circle would send it, so a circle not founded from the template, or one that already reported,
 * is refused now in the CLI's sentence) proposed with the client's propose.
 */
import { useState, type FormEvent } from "react";
import type { Address, Hex } from "viem";

import { prepareReportTemplateResult } from "../../../../client/actions/circle/prepareReportTemplateResult.js";
import type { ReadTemplateReturnType } from "../../../../client/actions/circle/readTemplate.js";
import type { TemplateReport } from "../../../../client/actions/circle/listTemplateReports.js";
import { propose } from "../../../../client/actions/proposal/propose.js";
import { useApp } from "../../context.js";
import { useWrite } from "../../hooks/governance.js";
import { useCircles, useFoundingTemplate } from "../../hooks/queries.js";
import { href } from "../../routes.js";
import { Loaded, PublishedUri, Refusal, Section, Time } from "../basics.js";
import { Person } from "../Person.js";
import { contentHash, Proposed, ReportInputs, text, type Fields } from "./ProposeForm.js";

/** Seconds since the epoch of an ISO date, for the Time component. */
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export function TemplateLineage({ circle }: { circle: Address }) {
  const founding = useFoundingTemplate(circle);
  return (
    <Section id="lineage" title="Lineage">
      <Loaded query={founding} what="the lineage of its rules">
        {({ template, reports }) =>
          template === null ? (
            <p>Founded with rules of its own, from no published template.</p>
          ) : (
            <>
              <Lineage template={template} />
              <Reports template={template} reports={reports} />
              {reports.some((r) => r.circle === circle) ? (
                <p data-testid="reported">This circle has reported back already: a circle reports once.</p>
              ) : null}
              <ReportTemplateForm circle={circle} templateId={template.templateId} name={template.name} />
            </>
          )
        }
      </Loaded>
    </Section>
  );
}

function Lineage({ template: t }: { template: ReadTemplateReturnType }) {
  const [parent] = t.ancestors;
  return (
    <>
      <p data-testid="founding-template">
        Founded from the template “{t.name}” (<code className="hash">{t.templateId}</code>), published by{" "}
        <Person account={t.publisher} /> on <Time at={seconds(t.publishedAt)} />.
      </p>
      <p data-testid="template-parent">
        {t.parent === null
          ? "The template names no parent: it was written from scratch."
          : t.parentVerified
            ? `Its parent is “${parent?.name ?? t.parent}”, verified: its publisher is a circle founded from that parent.`
            : `Its parent is “${parent?.name ?? t.parent}”, declared only: its publisher was not founded from it.`}
      </p>
      {t.ancestors.length > 1 ? (
        <p>
          Lineage: “{t.name}”{t.ancestors.map((a) => ` ← ${a.verified ? "" : "(declared) "}“${a.name}”`).join("")}.
        </p>
      ) : null}
      <p data-testid="template-counts">
        {t.adopters.toString()} circle(s) founded from it · {t.children.toString()} template(s) name it as parent ·{" "}
        {t.reports.toString()} result report(s) sent back.
      </p>
    </>
  );
}

function Reports({ template, reports }: { template: ReadTemplateReturnType; reports: TemplateReport[] }) {
  const circles = useCircles().data?.circles ?? [];
  const nameOf = (circle: Address) => circles.find((c) => c.address === circle)?.name;
  return (
    <>
      <h3>Result reports</h3>
      {reports.length === 0 ? (
        <p>No circle founded from “{template.name}” has reported back yet.</p>
      ) : (
        <ul data-testid="template-reports">
          {reports.map((r) => (
            <li key={r.circle}>
              <a href={href({ page: "circle", circle: r.circle })}>{nameOf(r.circle) ?? r.circle}</a> reported on{" "}
              <Time at={seconds(r.reportedAt)} />: <code className="hash">{r.reportHash}</code>
              {r.uri ? (
                <>
                  {", "}
                  <PublishedUri uri={r.uri} />
                </>
              ) : (
                ", no URI"
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A member's proposal that the circle report back to its template: a text (hashed) or a hash, and a URI. */
function ReportTemplateForm({ circle, templateId, name }: { circle: Address; templateId: Hex; name: string }) {
  const { publicClient, config } = useApp();
  const [fields, setFields] = useState<Fields>({});
  const [ownDescription, setOwnDescription] = useState<string | null>(null);
  const uri = text(fields, "reportURI");
  const description = ownDescription ?? `Report our result to the template “${name}”${uri ? ` (${uri})` : ""}`;
  const write = useWrite(async (wallet, input: { fields: Fields; description: string }) =>
    propose(
      wallet,
      await prepareReportTemplateResult(publicClient, {
        circle,
        registry: config.addresses.registry,
        templateId,
        reportHash: contentHash(input.fields, "reportHash", "reportText", "the report"),
        uri: text(input.fields, "reportURI"),
        description: input.description,
      }),
    ),
  );
  const set = (key: string) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ fields, description: description.trim() });
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="report-form-title">
      <h3 id="report-form-title">Propose our result report</h3>
      <p>
        Once living by “{name}” has taught the circle something, its members can decide to report back to the template,
        once: its hash and where it can be read are recorded for everyone who copies the rules.
      </p>
      {!write.ready ? <p>Connect a wallet above to propose.</p> : null}
      <ReportInputs id="report" fields={fields} set={set} hashIs="recorded" uriOptional={true} />
      <label htmlFor="report-description">What the members vote on</label>
      <textarea
        id="report-description"
        rows={2}
        value={description}
        onChange={(e) => setOwnDescription(e.target.value)}
      />
      <button type="submit" disabled={!write.ready || write.isPending}>
        {write.isPending ? "Putting it to a vote …" : "Put our report to a vote"}
      </button>
      {write.isError ? <Refusal error={write.error} /> : null}
      {write.isSuccess ? <Proposed circle={circle} made={write.data} /> : null}
    </form>
  );
}
