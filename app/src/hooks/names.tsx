/**
 * People's names on a page: every <Person> on the page adds its account here, and one query reads all their profiles
 * at once (the client's readProfiles, one registry call per 100 accounts; ENS names where the chain has ENS). Each
 * account is then written as the client's displayName writes it, "Ana (0xf39F…2266)", and a name two accounts of the
 * page share is marked (markDuplicateNames): names are labels people chose, not proof of who they are.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { getAddress, type Address } from "viem";

import { readProfiles } from "../../../client/actions/profile/readProfiles.js";
import { labelsOf, type ProfileBook } from "../../../client/names.js";
import { useApp } from "../context.js";

interface NamesValue {
  /** Adds an account to the page's batch. */
  add: (account: Address) => void;
  /** The account's label on this page; its checksummed address until the names are read. */
  label: (account: Address) => string;
}

const NamesContext = createContext<NamesValue | undefined>(undefined);

const EMPTY: ProfileBook = new Map();

/** Reads the names of the accounts shown inside it, in one batch. */
export function NamesProvider({ children }: { children: ReactNode }) {
  const { publicClient, config } = useApp();
  const [accounts, setAccounts] = useState<Address[]>([]);
  const add = useCallback(
    (account: Address) =>
      setAccounts((known) =>
        known.includes(account) ? known : [...known, account].sort((a, b) => a.localeCompare(b)),
      ),
    [],
  );
  const profiles = useQuery({
    queryKey: ["profiles", ...accounts],
    queryFn: () => readProfiles(publicClient, { profiles: config.addresses.profiles, accounts }),
    enabled: accounts.length > 0,
    placeholderData: keepPreviousData,
  });
  const book = profiles.data ?? EMPTY;
  const value = useMemo<NamesValue>(() => {
    const labels = labelsOf(accounts, book);
    return { add, label: (account) => labels(account) };
  }, [accounts, book, add]);
  return <NamesContext.Provider value={value}>{children}</NamesContext.Provider>;
}

/** How `account` is written on this page ("Ana (0xf39F…2266)"; the address alone without a name), read in the page's batch. */
export function usePersonLabel(account: Address): string {
  const names = useContext(NamesContext);
  const checksummed = getAddress(account);
  useEffect(() => names?.add(checksummed), [names?.add, checksummed]);
  return names ? names.label(checksummed) : checksummed;
}

/** The labels of many accounts at once (for a list to pick from), read in the page's batch. */
export function usePersonLabels(accounts: readonly Address[]): (account: Address) => string {
  const names = useContext(NamesContext);
  const key = accounts.join(",");
  useEffect(() => {
    for (const a of accounts) names?.add(getAddress(a));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [names?.add, key]);
  return (account) => (names ? names.label(getAddress(account)) : getAddress(account));
}
