/**
 * Proposing a decision from a template of the common ones: admit a person who asked, remove a member, grant a mandate,
 * start a draw by lot, ratify the charter, create the circle's currency, ask a council for a seat. Each is built by
 * the client's prepare… or …Call action (which tries the decision as the circle would make it, so a refusal comes
 * now, in the CLI's sentence) and proposed with the client's propose; the description is prefilled and editable.
 */
import { useState, type FormEvent } from "react";
import {
  getAddress,
  isAddress,
  isHex,
  parseUnits,
  toFunctionSelector,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";

import { prepareAdmit } from "../../../../client/actions/circle/prepareAdmit.js";
import { prepareRatifyCharter } from "../../../../client/actions/circle/prepareRatifyCharter.js";
import { prepareRemove } from "../../../../client/actions/circle/prepareRemove.js";
import { prepareJoinCouncil } from "../../../../client/actions/council/prepareJoinCouncil.js";
import { prepareCreateCurrency } from "../../../../client/actions/credit/prepareCreateCurrency.js";
import { grantMandateCall } from "../../../../client/actions/mandate/grantMandateCall.js";
import { requestDrawCall } from "../../../../client/actions/mandate/requestDrawCall.js";
import type { PowerParameters } from "../../../../client/actions/mandate/resolvePowers.js";
import {
  propose,
  type ProposeParameters,
  type ProposeReturnType,
} from "../../../../client/actions/proposal/propose.js";
import { parseDuration } from "../../../../client/chain.js";
import { charterHash } from "../../../../client/charter.js";
import { InvalidParameterError } from "../../../../client/errors.js";
import { describeSpec, mandateSpec } from "../../../../client/mandates.js";
import { useApp } from "../../context.js";
import { useWrite } from "../../hooks/governance.js";
import { useCircles } from "../../hooks/queries.js";
import { href } from "../../routes.js";
import { Refusal, Time } from "../basics.js";
import { MemberSelect, useNameOf } from "./MemberSelect.js";

const TEMPLATES = {
  admit: "Admit a person who asked to join",
  remove: "Remove a member",
  grant: "Grant a mandate",
  draw: "Start a draw by lot for a mandate",
  charter: "Ratify the charter",
  currency: "Create the circle's currency",
  council: "Ask a council for a seat",
} as const;
type TemplateId = keyof typeof TEMPLATES;
export type Fields = Partial<Record<string, string>>;

/** The text of a field, trimmed ("" when empty). */
export const text = (fields: Fields, key: string) => (fields[key] ?? "").trim();

function address(fields: Fields, key: string, what: string): Address {
  const value = text(fields, key);
  if (!isAddress(value, { strict: false })) {
    throw new InvalidParameterError(
      key,
      `${value ? `"${value}" is not an address` : `No ${what} given`}: give ${what}'s address (0x and 40 hex digits).`,
    );
  }
  return getAddress(value);
}

/** The term of a mandate in seconds, written as the CLI's --term (30d, 12h, 2w). */
const term = (fields: Fields) => parseDuration(text(fields, "term") || "30d", { label: "term" });

/** The optional power of a grant: a target, a function (selector or signature), a cap in the target's units. */
function powers(fields: Fields): PowerParameters[] {
  const target = text(fields, "powerTarget");
  const fn = text(fields, "powerFunction");
  if (!target && !fn) return [];
  let selector: Hex;
  if (/^0x[0-9a-fA-F]{8}$/.test(fn)) selector = fn.toLowerCase() as Hex;
  else {
    try {
      selector = toFunctionSelector(fn);
    } catch {
      throw new InvalidParameterError(
        "powerFunction",
        `"${fn}" is not a function: give a selector (0x and 8 hex digits) or a signature such as transfer(address,uint256).`,
      );
    }
  }
  const cap = text(fields, "powerCap");
  return [
    { target: address(fields, "powerTarget", "the power's target"), selector, ...(cap ? { maxAmount: cap } : {}) },
  ];
}

/**
 * A content hash from a form: the hash given in `fields[hashKey]`, else the hash of the text in `fields[textKey]`
 * (charterHash); refused in a sentence naming `what` ("the charter") when neither is given or the hash is no hash.
 */
export function contentHash(fields: Fields, hashKey: string, textKey: string, what: string): Hex {
  const hash = text(fields, hashKey);
  if (hash) {
    if (!isHex(hash) || hash.length !== 66) {
      throw new InvalidParameterError(hashKey, `"${hash}" is not a content hash: give 0x and 64 hex digits.`);
    }
    return hash;
  }
  const body = text(fields, textKey);
  if (!body) throw new InvalidParameterError(textKey, `Give ${what}'s text, or its content hash.`);
  return charterHash(body);
}

/** The content hash of the charter: the hash given, else the hash of the text. */
const charter = (fields: Fields): Hex => contentHash(fields, "charterHash", "charterText", "the charter");

interface Context {
  publicClient: PublicClient;
  registry: Address;
  creditFactory: Address;
  circle: Address;
  mandates: Address;
  proposer: Address;
}

/** The decision a template makes, as propose takes it (the description is the form's). */
async function build(
  ctx: Context,
  template: TemplateId,
  fields: Fields,
  description: string,
): Promise<ProposeParameters> {
  const { publicClient, registry, circle, mandates, proposer } = ctx;
  const role = text(fields, "role");
  switch (template) {
    case "admit":
      return prepareAdmit(publicClient, {
        circle,
        registry,
        member: address(fields, "person", "the person"),
        description,
      });
    case "remove":
      return prepareRemove(publicClient, {
        circle,
        registry,
        member: address(fields, "member", "the member"),
        description,
      });
    case "grant": {
      const holder = address(fields, "holder", "the holder");
      const grant = await grantMandateCall(publicClient, {
        mandates,
        holder,
        proposer,
        role,
        duration: term(fields),
        powers: powers(fields),
        description,
      });
      return { circle, calls: [grant.call], description };
    }
    case "draw": {
      const draw = await requestDrawCall(publicClient, {
        mandates,
        proposer,
        role,
        duration: term(fields),
        description,
      });
      return { circle, calls: [draw.call], description };
    }
    case "charter": {
      const uri = text(fields, "charterURI");
      return prepareRatifyCharter(publicClient, {
        circle,
        registry,
        charterHash: charter(fields),
        charterURI: uri,
        description,
      });
    }
    case "currency": {
      const decimals = Number(text(fields, "decimals") || "2");
      const credit = text(fields, "credit") || "0";
      if (!/^\d+(\.\d+)?$/.test(credit)) {
        throw new InvalidParameterError("credit", `"${credit}" is not an amount: write it as 100 or 12.5.`);
      }
      const made = await prepareCreateCurrency(publicClient, {
        factory: ctx.creditFactory,
        circle,
        name: text(fields, "name"),
        symbol: text(fields, "symbol"),
        decimals,
        defaultCredit: parseUnits(credit, decimals),
      });
      return { circle, calls: made.calls, description };
    }
    case "council":
      return prepareJoinCouncil(publicClient, {
        circle,
        registry,
        council: address(fields, "council", "the council"),
        description,
      });
  }
}

/** The description a template proposes when the member writes none of their own. */
function autoDescription(template: TemplateId, fields: Fields, nameOf: (a: string) => string, councilName: string) {
  const role = text(fields, "role") || "…";
  const spec = () => {
    try {
      return describeSpec(mandateSpec({ role, duration: term(fields) }));
    } catch {
      return `"${role}"`;
    }
  };
  switch (template) {
    case "admit":
      return `Admit ${text(fields, "person") || "…"}`;
    case "remove":
      return `Remove ${fields.member ? nameOf(fields.member) : "…"}`;
    case "grant":
      return `Grant the mandate ${spec()} to ${fields.holder ? nameOf(fields.holder) : "…"}`;
    case "draw":
      return `Draw by lot the mandate ${spec()}`;
    case "charter": {
      let hash = "…";
      try {
        hash = charter(fields);
      } catch {
        // not yet given
      }
      const uri = text(fields, "charterURI");
      return `Ratify the charter ${hash}${uri ? ` (${uri})` : ""}`;
    }
    case "currency":
      return `Create our currency "${text(fields, "name") || "…"}" (${text(fields, "symbol") || "…"})`;
    case "council":
      return `Ask for a seat in the council "${councilName || "…"}"`;
  }
}

export function ProposeForm({
  circle,
  members,
  mandates,
}: {
  circle: Address;
  members: readonly Address[];
  mandates: Address;
}) {
  const { publicClient, config } = useApp();
  const [template, setTemplate] = useState<TemplateId>("admit");
  const [fields, setFields] = useState<Fields>({});
  const [ownDescription, setOwnDescription] = useState<string | null>(null);
  const nameOf = useNameOf(members);
  const councils = (useCircles().data?.circles ?? []).filter((c) => c.council);
  const councilName = councils.find((c) => c.address === fields.council)?.name ?? "";
  const description = ownDescription ?? autoDescription(template, fields, nameOf, councilName);
  const write = useWrite(async (wallet, input: { template: TemplateId; fields: Fields; description: string }) => {
    const ctx = {
      publicClient,
      registry: config.addresses.registry,
      creditFactory: config.addresses.creditFactory,
      circle,
      mandates,
      proposer: wallet.account.address,
    };
    return propose(wallet, await build(ctx, input.template, input.fields, input.description));
  });

  const set = (key: string) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const input = (key: string, label: string, hint?: string) => (
    <>
      <label htmlFor={`propose-${key}`}>{label}</label>
      <input
        id={`propose-${key}`}
        value={fields[key] ?? ""}
        placeholder={hint}
        onChange={(e) => set(key)(e.target.value)}
      />
    </>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ template, fields, description: description.trim() });
  };

  return (
    <form onSubmit={submit} className="act" aria-labelledby="propose-title">
      <h3 id="propose-title">Propose a decision</h3>
      {!write.ready ? <p>Connect a wallet above to propose.</p> : null}
      <label htmlFor="propose-template">Template</label>
      <select
        id="propose-template"
        value={template}
        onChange={(e) => {
          setTemplate(e.target.value as TemplateId);
          setOwnDescription(null);
          write.reset();
        }}
      >
        {Object.entries(TEMPLATES).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      {template === "admit" ? input("person", "Their address (they asked with request-admission)", "0x…") : null}
      {template === "remove" ? (
        <MemberSelect
          id="propose-member"
          label="Member"
          members={members}
          value={fields.member ?? ""}
          onChange={set("member")}
        />
      ) : null}
      {template === "grant" || template === "draw" ? (
        <>
          {input("role", "Role", "treasurer")}
          {input("term", "Term (30d, 12h, 2w)", "30d")}
        </>
      ) : null}
      {template === "grant" ? (
        <>
          <MemberSelect
            id="propose-holder"
            label="Holder"
            members={members}
            value={fields.holder ?? ""}
            onChange={set("holder")}
          />
          <fieldset>
            <legend>A power (optional): a call the holder may have the circle make</legend>
            {input("powerTarget", "Target contract", "0x…")}
            {input("powerFunction", "Function (selector or signature)", "transfer(address,uint256)")}
            {input("powerCap", "Most one call may move, in the target's units", "100")}
          </fieldset>
        </>
      ) : null}
      {template === "charter" ? (
        <>
          <label htmlFor="propose-charterText">Charter text (its hash is recorded)</label>
          <textarea
            id="propose-charterText"
            rows={3}
            value={fields.charterText ?? ""}
            onChange={(e) => set("charterText")(e.target.value)}
          />
          {input("charterHash", "Or its content hash", "0x…")}
          {input("charterURI", "Where it can be read (URI, optional)", "ipfs://…")}
        </>
      ) : null}
      {template === "currency" ? (
        <>
          {input("name", "Name", "Elm hours")}
          {input("symbol", "Symbol", "HRS")}
          {input("decimals", "Decimals", "2")}
          {input("credit", "How far below zero a member may go, in the currency", "100")}
        </>
      ) : null}
      {template === "council" ? (
        <>
          <label htmlFor="propose-council">Council</label>
          <select id="propose-council" value={fields.council ?? ""} onChange={(e) => set("council")(e.target.value)}>
            <option value="">Choose a council</option>
            {councils.map((c) => (
              <option key={c.address} value={c.address}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor="propose-description">Description (what the members vote on)</label>
      <textarea
        id="propose-description"
        rows={2}
        value={description}
        onChange={(e) => setOwnDescription(e.target.value)}
      />
      <button type="submit" disabled={!write.ready || write.isPending}>
        {write.isPending ? "Proposing …" : "Propose"}
      </button>
      {write.isError ? <Refusal error={write.error} /> : null}
      {write.isSuccess ? <Proposed circle={circle} made={write.data} /> : null}
    </form>
  );
}

/** What a proposal form says once the proposal is made: a link to it, and when voting opens and closes. */
/**
 * The inputs of a published report: its text (hashed in the page) or its content hash, and where it can be read.
 * Ids are `${id}-text`, `${id}-hash`, `${id}-uri`; fields `${id}Text`, `${id}Hash`, `${id}URI` (read by contentHash).
 */
export function ReportInputs({
  id,
  fields,
  set,
  hashIs,
  uriOptional,
}: {
  id: string;
  fields: Fields;
  set: (key: string) => (value: string) => void;
  /** What becomes of the hash: "published", "recorded". */
  hashIs: string;
  uriOptional: boolean;
}) {
  return (
    <>
      <label htmlFor={`${id}-text`}>Report text (its hash is {hashIs})</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={fields[`${id}Text`] ?? ""}
        onChange={(e) => set(`${id}Text`)(e.target.value)}
      />
      <label htmlFor={`${id}-hash`}>Or the report's content hash</label>
      <input
        id={`${id}-hash`}
        value={fields[`${id}Hash`] ?? ""}
        placeholder="0x…"
        onChange={(e) => set(`${id}Hash`)(e.target.value)}
      />
      <label htmlFor={`${id}-uri`}>Where the report can be read (URI{uriOptional ? ", optional" : ""})</label>
      <input
        id={`${id}-uri`}
        value={fields[`${id}URI`] ?? ""}
        placeholder="ipfs://…"
        onChange={(e) => set(`${id}URI`)(e.target.value)}
      />
    </>
  );
}

export function Proposed({ circle, made }: { circle: Address; made: ProposeReturnType }) {
  return (
    <p role="status" className="ok">
      Proposed: <a href={href({ page: "proposal", circle, proposalId: made.proposalId })}>{made.description}</a>. Voting
      opens <Time at={made.schedule.votingOpensAt} /> and closes <Time at={made.schedule.deadline} />.
    </p>
  );
}
