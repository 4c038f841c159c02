/**
 * People's names as every face shows them: a display name (set by the person in the Profiles registry, or their ENS
 * name where the network has ENS) next to a short checksummed address, never instead of it. A name is a label its owner
 * chose and proves nothing: anyone can call themselves "Ana". So a name is always shown with the address, and a list
 * in which two accounts use the same name says so ({@link markDuplicateNames}). Pure functions, browser-safe.
 *
 * @example
 * const book = await readProfiles(publicClient, { profiles, accounts: members });
 * members.map((m) => displayName(m, book)); // ["Ana (0xf39F…2266)", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]
 */
import { getAddress, type Address } from "viem";

/** What a face needs to name an account: its own display name ("" for none) and, where known, its ENS name. */
export interface Named {
  /** The display name the account set in the Profiles registry; "" when it has none. */
  name: string;
  /** The account's primary ENS name, when the network has ENS and the name resolves back to the account. */
  ensName?: string;
}

/** Names by account, keyed by checksummed address (build one from any list with {@link profileBook}). */
export type ProfileBook = ReadonlyMap<Address, Named>;

/**
 * A ProfileBook from a list of profiles whose `account` may be in any case (the ledger's are lower case).
 *
 * @example
 * const book = profileBook(await listLedgerProfiles(api));
 */
export function profileBook<P extends Named & { account: string }>(profiles: Iterable<P>): ReadonlyMap<Address, P> {
  const book = new Map<Address, P>();
  for (const p of profiles) book.set(getAddress(p.account), p);
  return book;
}

/**
 * `0xAbC1…89Ef`: the checksummed address's first four and last four hex digits. Enough to tell two accounts of one
 * list apart at a glance; not enough to type an address from (print the whole address where one is to be copied).
 *
 * @example
 * shortAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"); // "0xf39F…2266"
 */
export function shortAddress(address: string): string {
  const checksummed = getAddress(address);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}

/**
 * `text` safe to print on one line: control characters (C0, DEL, C1) and Unicode format characters (right-to-left
 * overrides, zero-width joiners and the like, which could reverse or hide text) become U+FFFD, and whitespace runs one
 * space. The Profiles contract already refuses bytes below 0x20 and 0x7f; the rest is caught here.
 */
export function printableName(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "\uFFFD")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The name an account goes by in `profiles` (its own display name first, else its ENS name), made printable; undefined
 * when it has neither.
 *
 * @example
 * nameOf(ana, book); // "Ana"
 */
export function nameOf(account: string, profiles: ProfileBook): string | undefined {
  const entry = profiles.get(getAddress(account));
  const name = printableName(entry?.name ?? "") || printableName(entry?.ensName ?? "");
  return name === "" ? undefined : name;
}

/**
 * How a face shows an account: `Ana (0xAbC1…89Ef)`, its name and short checksummed address; the whole checksummed
 * address when it has no name.
 *
 * @example
 * displayName(ana, book); // "Ana (0xf39F…2266)"
 * displayName(ben, new Map()); // "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
 */
export function displayName(account: string, profiles: ProfileBook): string {
  const name = nameOf(account, profiles);
  return name === undefined ? getAddress(account) : `${name} (${shortAddress(account)})`;
}

/** How names are compared for sameness: Unicode-normalised (NFKC), case-folded, whitespace collapsed. */
const sameNameKey = (name: string) => printableName(name.normalize("NFKC")).toLowerCase();

/** One account of a list, as {@link markDuplicateNames} shows it. */
export interface MarkedName {
  account: Address;
  /** The account's name (display or ENS), if it has one. */
  name?: string;
  /** The other accounts of the list that go by the same name (compared without case or Unicode variants). */
  sharedWith: Address[];
  /** `displayName`, and for a shared name " — same name as 0x1234…abcd": what to print. */
  label: string;
}

/**
 * Every account of `accounts` (duplicates of one account once) with its display name, flagging those whose name another
 * account of the same list also uses: names prove nothing, so "Ana" twice in one list is shown as a warning, not as
 * one person.
 *
 * @example
 * markDuplicateNames([ana, impostor], book).map((m) => m.label);
 * // ["Ana (0xf39F…2266) — same name as 0x7099…79C8", "Ana (0x7099…79C8) — same name as 0xf39F…2266"]
 */
export function markDuplicateNames(accounts: readonly string[], profiles: ProfileBook): MarkedName[] {
  const unique = [...new Set(accounts.map((a) => getAddress(a)))];
  const byKey = new Map<string, Address[]>();
  for (const account of unique) {
    const name = nameOf(account, profiles);
    if (name === undefined) continue;
    const key = sameNameKey(name);
    byKey.set(key, [...(byKey.get(key) ?? []), account]);
  }
  return unique.map((account) => {
    const name = nameOf(account, profiles);
    const sharedWith = name === undefined ? [] : byKey.get(sameNameKey(name))!.filter((a) => a !== account);
    const label =
      displayName(account, profiles) +
      (sharedWith.length ? ` — same name as ${sharedWith.map(shortAddress).join(", ")}` : "");
    return { account, ...(name === undefined ? {} : { name }), sharedWith, label };
  });
}

/**
 * The labels of {@link markDuplicateNames} by account, for a face that prints accounts in its own order.
 *
 * @example
 * const label = labelsOf(members, book);
 * members.map((m) => label(m));
 */
export function labelsOf(accounts: readonly string[], profiles: ProfileBook): (account: string) => string {
  const labels = new Map(markDuplicateNames(accounts, profiles).map((m) => [m.account, m.label]));
  return (account) => labels.get(getAddress(account)) ?? displayName(account, profiles);
}

/**
 * The names of the named accounts among `accounts`, by checksummed address: what a `--json` result adds next to its
 * addresses (an account without a name is left out).
 *
 * @example
 * namesOf([ana, ben], book); // { "0xf39F…": "Ana" }
 */
export function namesOf(accounts: readonly string[], profiles: ProfileBook): Record<Address, string> {
  const names: Record<Address, string> = {};
  for (const account of accounts) {
    const name = nameOf(account, profiles);
    if (name !== undefined) names[getAddress(account)] = name;
  }
  return names;
}
