/** Small pieces every page uses: an address, a time, a titled section, and a query's loading and error states. */
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Address as Addr } from "viem";
import { useConnection } from "wagmi";

import { errorSentence } from "../../../client/errors.js";
import { isoTime } from "../../../client/time.js";

/** An account or contract, in full (checksummed); "(you)" after the connected wallet's account. */
export function Address({ value }: { value: Addr }) {
  const { address } = useConnection();
  return (
    <>
      <code className="address">{value}</code>
      {address && address.toLowerCase() === value.toLowerCase() ? <span className="you"> (you)</span> : null}
    </>
  );
}

/** A chain time (seconds), written as the CLI writes it: an ISO date in UTC. */
export function Time({ at }: { at: bigint | number }) {
  const text = isoTime(at);
  return Number(at) === 0 ? <>{text}</> : <time dateTime={text}>{text.replace("T", " ").replace("Z", " UTC")}</time>;
}

/** URIs a published report may link to; any other scheme (javascript:, data:) is shown as text, never followed. */
const LINKABLE = /^(https?|ipfs|ipns|ar):\/\//i;

/** A URI someone published on chain (a report's, a charter's): a link for the safe schemes, text otherwise. */
export function PublishedUri({ uri }: { uri: string }) {
  return LINKABLE.test(uri) ? <a href={uri}>{uri}</a> : <code>{uri}</code>;
}

/** A titled part of a page, a landmark named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A sentence for a failure, as the CLI would print it. */
export function Refusal({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {errorSentence(error)}
    </p>
  );
}

/** Renders `children` with a query's data; "Loading …" until then, the failure's sentence if it fails. */
export function Loaded<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p role="status">Loading {what} …</p>;
  if (query.isError) return <Refusal error={query.error} />;
  return <>{children(query.data)}</>;
}
