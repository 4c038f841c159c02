/**
 * Hash routes, so the static build works from any folder and any server (no rewrites): `#/`, `#/circle/<address>`,
 * `#/circle/<address>/proposal/<id>`, `#/circle/<address>/currency`, `#/circle/<address>/scorecard`,
 * `#/circle/<address>/pair-links`, `#/council/<address>`, `#/person/<address>`, `#/me`. New pages add a variant here and a case in App.
 */
import { useEffect, useState } from "react";
import { getAddress, isAddress, type Address } from "viem";

export type Route =
  | { page: "circles" }
  | { page: "circle"; circle: Address }
  | { page: "proposal"; circle: Address; proposalId: bigint }
  // --- Read pages (issue 15) ---
  | { page: "council"; council: Address }
  | { page: "currency"; circle: Address }
  | { page: "scorecard"; circle: Address }
  | { page: "person"; person: Address }
  // --- Rituals' data (issue 17) ---
  | { page: "pair-links"; circle: Address }
  // The member's own page (the connected wallet's account).
  | { page: "me" }
  | { page: "not found"; path: string };

/** The route a location hash names. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { page: "circles" };
  if (parts.length === 1 && parts[0] === "me") return { page: "me" };
  const [noun, address, sub, id] = parts;
  if (noun === "circle" && address && isAddress(address)) {
    const circle = getAddress(address);
    if (parts.length === 2) return { page: "circle", circle };
    if (sub === "proposal" && id && /^\d+$/.test(id) && parts.length === 4) {
      return { page: "proposal", circle, proposalId: BigInt(id) };
    }
    // --- Read pages (issue 15) ---
    if ((sub === "currency" || sub === "scorecard") && parts.length === 3) return { page: sub, circle };
    // --- Rituals' data (issue 17) ---
    if (sub === "pair-links" && parts.length === 3) return { page: sub, circle };
  }
  // --- Read pages (issue 15) ---
  if (noun === "council" && address && isAddress(address) && parts.length === 2) {
    return { page: "council", council: getAddress(address) };
  }
  if (noun === "person" && address && isAddress(address) && parts.length === 2) {
    return { page: "person", person: getAddress(address) };
  }
  return { page: "not found", path };
}

/** The hash link to a route. */
export function href(route: Exclude<Route, { page: "not found" }>): string {
  switch (route.page) {
    case "circles":
      return "#/";
    case "circle":
      return `#/circle/${route.circle}`;
    case "proposal":
      return `#/circle/${route.circle}/proposal/${route.proposalId}`;
    // --- Read pages (issue 15) ---
    case "council":
      return `#/council/${route.council}`;
    case "currency":
    case "scorecard":
    case "pair-links":
      return `#/circle/${route.circle}/${route.page}`;
    case "person":
      return `#/person/${route.person}`;
    case "me":
      return "#/me";
  }
}

/** The current route, following the location's hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
