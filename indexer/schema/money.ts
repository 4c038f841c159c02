/**
 * The ledger of money: the circles' mutual-credit currencies (CreditFactory, MutualCredit), the basic-income hub
 * (IncomeHub) and the ERC-20 wrappers of its tokens (IncomeWrappers, IncomeWrapper).
 *
 * Two kinds of tables:
 * - One table per event kind, one row per log, named for what a person reads (`credit_transfer`, `income_trust`,
 *   `path_payment`, …). Each row starts with the shared `logColumns` (`id`: Ponder's event id, which sorts in chain
 *   order; `contract`: the currency, hub, factory or wrapper that emitted it; block number, timestamp, transaction
 *   hash, log index), then the event's own arguments under their Solidity names.
 * - Tables derived from them, kept by the handlers in `indexer/src/money.ts`: currencies, credit accounts, every
 *   payment with its memo, the pair ledger, jubilees, clearing lines, income accounts (registrations), trust edges
 *   with their expiry, groups, wrappers and who has held which income token.
 *
 * Amounts are the contracts' integers (`numeric(78)`): credit in the currency's smallest unit (signed where a balance),
 * income in the hub's 18-decimal units of the day of the event (they decay daily: today's value is `balanceOf`).
 * Addresses are lower-case hex.
 */
import { index, onchainTable, primaryKey, type PgColumnsBuilders } from "ponder";

import { logColumns } from "./columns.js";

/** When a derived row was created and last changed (block number and timestamp). */
const historyColumns = (t: PgColumnsBuilders) => ({
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  updatedAtBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
});

// ---------------------------------------------------------------------------------------------------------------
// CreditFactory and MutualCredit: one table per event
// ---------------------------------------------------------------------------------------------------------------

/** CreditFactory `CurrencyCreated`: a circle created its currency. */
export const creditCurrencyCreated = onchainTable("credit_currency_created", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
  currency: t.hex().notNull(),
}));

/** MutualCredit `Transfer`: every ERC-20 transfer, zero and self transfers included (see `credit_payment`). */
export const creditTransfer = onchainTable(
  "credit_transfer",
  (t) => ({
    ...logColumns(t),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    value: t.bigint().notNull(),
  }),
  (table) => ({ contractIdx: index().on(table.contract) }),
);

/** MutualCredit `Memo`: the memo of a `transferWithMemo`, right after its `Transfer`. */
export const creditMemo = onchainTable("credit_memo", (t) => ({
  ...logColumns(t),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
  memoHash: t.hex().notNull(),
  memo: t.text().notNull(),
}));

/** MutualCredit `Approval`: an ERC-20 allowance set (by `approve` or a permit). */
export const creditApproval = onchainTable("credit_approval", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  spender: t.hex().notNull(),
  value: t.bigint().notNull(),
}));

/** MutualCredit `LimitsSet`: the circle set an account's own limits. */
export const creditLimitsSet = onchainTable("credit_limits_set", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
  creditLimit: t.bigint().notNull(),
  saturationLimit: t.bigint().notNull(),
}));

/** MutualCredit `DefaultLimitsSet`: the limits of accounts without their own (first at creation). */
export const creditDefaultLimitsSet = onchainTable("credit_default_limits_set", (t) => ({
  ...logColumns(t),
  creditLimit: t.bigint().notNull(),
  saturationLimit: t.bigint().notNull(),
}));

/** MutualCredit `AccountAdmitted`: a non-member account (the commons, another circle's commons) may hold. */
export const creditAccountAdmitted = onchainTable("credit_account_admitted", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
}));

/** MutualCredit `BalanceMovedToCommons`: a departed member's balance went to the commons. */
export const creditBalanceMovedToCommons = onchainTable("credit_balance_moved_to_commons", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  commons: t.hex().notNull(),
  balance: t.bigint().notNull(),
}));

/** MutualCredit `BalanceCleared`: a jubilee cleared a balance (for the commons: the part not kept). */
export const creditBalanceCleared = onchainTable("credit_balance_cleared", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
  balance: t.bigint().notNull(),
}));

/** MutualCredit `DepartedDebtKept`: a circle left an open-join council in debt; the debt stays on its account. */
export const creditDepartedDebtKept = onchainTable("credit_departed_debt_kept", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  balance: t.bigint().notNull(),
}));

/** MutualCredit `ClearingClaimsKept`: a jubilee kept the other circles' clearing claims (their sum). */
export const creditClearingClaimsKept = onchainTable("credit_clearing_claims_kept", (t) => ({
  ...logColumns(t),
  claims: t.bigint().notNull(),
}));

/** MutualCredit `Jubilee`: the circle declared a jubilee (see `jubilee` for what it cleared). */
export const creditJubilee = onchainTable("credit_jubilee", (t) => ({
  ...logColumns(t),
  accounts: t.bigint().notNull(),
}));

/** MutualCredit `ClearingLineOpened`: this circle opened its side of a clearing line with `other`. */
export const creditClearingLineOpened = onchainTable("credit_clearing_line_opened", (t) => ({
  ...logColumns(t),
  other: t.hex().notNull(),
  council: t.hex().notNull(),
}));

/** MutualCredit `ClearingLineClosed`: this circle closed its side of the line with `other`. */
export const creditClearingLineClosed = onchainTable("credit_clearing_line_closed", (t) => ({
  ...logColumns(t),
  other: t.hex().notNull(),
}));

/** MutualCredit `PaidAcross`: a member paid a member of another circle, through the two commons. */
export const creditPaidAcross = onchainTable("credit_paid_across", (t) => ({
  ...logColumns(t),
  from: t.hex().notNull(),
  other: t.hex().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
}));

/** MutualCredit `ClearedIn`: the receiving side of a payment across: this circle's commons paid `to`. */
export const creditClearedIn = onchainTable("credit_cleared_in", (t) => ({
  ...logColumns(t),
  other: t.hex().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
}));

/** MutualCredit `Initialized`: the factory initialized the currency (OpenZeppelin's initializer). */
export const creditInitialized = onchainTable("credit_initialized", (t) => ({
  ...logColumns(t),
  version: t.bigint().notNull(),
}));

/** MutualCredit `EIP712DomainChanged` (EIP-5267; the currency declares it but never changes its domain). */
export const creditEip712DomainChanged = onchainTable("credit_eip712_domain_changed", (t) => ({
  ...logColumns(t),
}));

// ---------------------------------------------------------------------------------------------------------------
// Mutual credit: derived tables
// ---------------------------------------------------------------------------------------------------------------

/** A circle's currency: its circle, ERC-20 metadata, default limits and running totals. */
export const currency = onchainTable("currency", (t) => ({
  address: t.hex().primaryKey(),
  /** The circle (its commons account); null only between the initializer's events and `CurrencyCreated`. */
  circle: t.hex(),
  name: t.text(),
  symbol: t.text(),
  decimals: t.integer(),
  defaultCreditLimit: t.bigint().notNull(),
  defaultSaturationLimit: t.bigint().notNull(),
  /** Payments that moved a balance (not zero or self transfers), and their sum. */
  payments: t.integer().notNull(),
  volume: t.bigint().notNull(),
  /** Jubilees declared so far: the next one is number `jubilees + 1` in `jubilee`. */
  jubilees: t.integer().notNull(),
  ...historyColumns(t),
}));

/** An account of a currency: its signed balance, its own limits (null: the defaults), what it gave and received. */
export const creditAccount = onchainTable(
  "credit_account",
  (t) => ({
    currency: t.hex().notNull(),
    account: t.hex().notNull(),
    /** Signed: below zero is credit used. Sums to zero over a currency's accounts. */
    balance: t.bigint().notNull(),
    /** The account's own limits from `LimitsSet`; null while the currency's defaults apply. */
    creditLimit: t.bigint(),
    saturationLimit: t.bigint(),
    /** Admitted by the circle to hold though not a member (the commons, another circle's commons). */
    admitted: t.boolean().notNull(),
    /** Paid out and received in payments, ever (kept through departures and jubilees, like `totals`). */
    given: t.bigint().notNull(),
    received: t.bigint().notNull(),
    /** Balance changes outside payments: departures to the commons and jubilees (the contract's off-ledger sum). */
    offLedger: t.bigint().notNull(),
    /** Left with its balance moved to the commons, or its debt kept (until it pays or receives again). */
    departed: t.boolean().notNull(),
    ...historyColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.currency, table.account] }) }),
);

/** A payment that moved balances (a `Transfer` of a non-zero amount between two accounts), with its memo. */
export const creditPayment = onchainTable(
  "credit_payment",
  (t) => ({
    /** `<tx hash>-<log index>` of its `Transfer`. */
    id: t.text().primaryKey(),
    currency: t.hex().notNull(),
    payer: t.hex().notNull(),
    payee: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** From the `Memo` that follows a `transferWithMemo`; null for a plain transfer. */
    memo: t.text(),
    memoHash: t.hex(),
    /** The two balances right after the payment. */
    payerBalanceAfter: t.bigint().notNull(),
    payeeBalanceAfter: t.bigint().notNull(),
    /**
     * Part of a payment across two currencies: "out" (payer to the other circle's commons, `PaidAcross`) or "in"
     * (this commons to the payee, `ClearedIn`); null otherwise.
     */
    across: t.text(),
    /** For a payment across: the other currency, and (for "out") the payee there. */
    otherCurrency: t.hex(),
    acrossTo: t.hex(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    currencyIdx: index().on(table.currency),
    payerIdx: index().on(table.payer),
    payeeIdx: index().on(table.payee),
  }),
);

/** The reciprocity ledger: per currency and ordered pair, what `giver` has given `receiver`, ever (`givenTo`). */
export const creditPair = onchainTable(
  "credit_pair",
  (t) => ({
    currency: t.hex().notNull(),
    giver: t.hex().notNull(),
    receiver: t.hex().notNull(),
    given: t.bigint().notNull(),
    payments: t.integer().notNull(),
    ...historyColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.currency, table.giver, table.receiver] }) }),
);

/** A jubilee: what it cleared (from its `BalanceCleared` events) and the clearing claims it kept. */
export const jubilee = onchainTable(
  "jubilee",
  (t) => ({
    currency: t.hex().notNull(),
    /** 1 for a currency's first jubilee, and so on. */
    number: t.integer().notNull(),
    /** The event's count: balances cleared or changed, the commons included. */
    accounts: t.bigint().notNull(),
    /** Sum of the positive balances cleared, and of the debts cleared (negative). */
    creditCleared: t.bigint().notNull(),
    debtCleared: t.bigint().notNull(),
    /** The other circles' clearing claims kept (their sum), carried by the commons as their opposite. */
    claimsKept: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.currency, table.number] }) }),
);

/** One side of a clearing line: `currency`'s line to `other`, in `council`, with what flowed across it. */
export const clearingLine = onchainTable(
  "clearing_line",
  (t) => ({
    currency: t.hex().notNull(),
    other: t.hex().notNull(),
    council: t.hex().notNull(),
    open: t.boolean().notNull(),
    openedAtBlock: t.bigint().notNull(),
    openedAt: t.bigint().notNull(),
    closedAtBlock: t.bigint(),
    closedAt: t.bigint(),
    /** Paid out from here to the other circle (`PaidAcross`), and cleared in here from it (`ClearedIn`). */
    paidOut: t.bigint().notNull(),
    clearedIn: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.currency, table.other] }) }),
);

// ---------------------------------------------------------------------------------------------------------------
// IncomeHub: one table per event
// ---------------------------------------------------------------------------------------------------------------

/** IncomeHub `PersonRegistered`: a person registered (inviter: a person, a circle that vouched, or zero). */
export const incomePersonRegistered = onchainTable("income_person_registered", (t) => ({
  ...logColumns(t),
  person: t.hex().notNull(),
  inviter: t.hex().notNull(),
}));

/** IncomeHub `VouchOffered`: a circle offered to register a member, burning a member's token. */
export const incomeVouchOffered = onchainTable("income_vouch_offered", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
  person: t.hex().notNull(),
  payer: t.hex().notNull(),
  cost: t.bigint().notNull(),
}));

/** IncomeHub `CircleRegistered`: a circle registered (it may vouch, and is a group). */
export const incomeCircleRegistered = onchainTable("income_circle_registered", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
}));

/** IncomeHub `Trust`: `truster` accepts `trustee`'s token until `expiry` (see `trust_edge` for the latest). */
export const incomeTrust = onchainTable("income_trust", (t) => ({
  ...logColumns(t),
  truster: t.hex().notNull(),
  trustee: t.hex().notNull(),
  expiry: t.bigint().notNull(),
}));

/** IncomeHub `IncomeClaimed`: the claims. A person minted their income for the time `from` → `to`. */
export const incomeClaim = onchainTable(
  "income_claim",
  (t) => ({
    ...logColumns(t),
    person: t.hex().notNull(),
    amount: t.bigint().notNull(),
    from: t.bigint().notNull(),
    to: t.bigint().notNull(),
  }),
  (table) => ({ personIdx: index().on(table.person) }),
);

/** IncomeHub `IncomeStopped`: a person ended their issuance for good. */
export const incomeStopped = onchainTable("income_stopped", (t) => ({
  ...logColumns(t),
  person: t.hex().notNull(),
}));

/**
 * IncomeHub `PaidAlongTrust`: the path payments. Its `hops` transfers are the `income_transfer_single` rows of the
 * same transaction with the `hops` log indexes right before it.
 */
export const pathPayment = onchainTable("path_payment", (t) => ({
  ...logColumns(t),
  payer: t.hex().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
  hops: t.bigint().notNull(),
}));

/** IncomeHub `GroupMinted`: someone minted a group's token against personal tokens the group trusts. */
export const incomeGroupMinted = onchainTable("income_group_minted", (t) => ({
  ...logColumns(t),
  group: t.hex().notNull(),
  account: t.hex().notNull(),
  amount: t.bigint().notNull(),
}));

/** IncomeHub `GroupRedeemed`: someone redeemed a group's token for personal tokens from its treasury. */
export const incomeGroupRedeemed = onchainTable("income_group_redeemed", (t) => ({
  ...logColumns(t),
  group: t.hex().notNull(),
  account: t.hex().notNull(),
  amount: t.bigint().notNull(),
}));

/** IncomeHub `TransferSingle` (ERC-1155): mints (from zero), burns (to zero), transfers and path-payment hops. */
export const incomeTransferSingle = onchainTable(
  "income_transfer_single",
  (t) => ({
    ...logColumns(t),
    operator: t.hex().notNull(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    /** The token id (a person's or group's address as a number) and its owner's address. */
    tokenId: t.bigint().notNull(),
    tokenOwner: t.hex().notNull(),
    value: t.bigint().notNull(),
  }),
  (table) => ({ transactionIdx: index().on(table.transactionHash) }),
);

/** IncomeHub `TransferBatch` (ERC-1155; this hub emits one `TransferSingle` per token instead, so none is expected). */
export const incomeTransferBatch = onchainTable("income_transfer_batch", (t) => ({
  ...logColumns(t),
  operator: t.hex().notNull(),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  tokenIds: t.bigint().array().notNull(),
  values: t.bigint().array().notNull(),
}));

/** IncomeHub `ApprovalForAll` (ERC-1155): an operator approved or revoked. */
export const incomeApprovalForAll = onchainTable("income_approval_for_all", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
  operator: t.hex().notNull(),
  approved: t.boolean().notNull(),
}));

/** IncomeHub `URI` (ERC-1155; the hub's URI is fixed at deployment, so none is expected). */
export const incomeUri = onchainTable("income_uri", (t) => ({
  ...logColumns(t),
  value: t.text().notNull(),
  tokenId: t.bigint().notNull(),
}));

// ---------------------------------------------------------------------------------------------------------------
// IncomeHub: derived tables
// ---------------------------------------------------------------------------------------------------------------

/** The registrations: a person or circle registered in the hub, how, and their income so far. */
export const incomeAccount = onchainTable(
  "income_account",
  (t) => ({
    hub: t.hex().notNull(),
    account: t.hex().notNull(),
    /** "person" or "circle". */
    kind: t.text().notNull(),
    /** A person's inviter: a person, the circle that vouched, or zero (the bootstrap period); null for a circle. */
    inviter: t.hex(),
    /** How a person came in: "bootstrap", "invitation" or "vouch"; null for a circle. */
    registeredBy: t.text(),
    stopped: t.boolean().notNull(),
    stoppedAtBlock: t.bigint(),
    /** Claims made and their sum (each in units of its own day), and the last claim's time. */
    claims: t.integer().notNull(),
    claimed: t.bigint().notNull(),
    lastClaimAt: t.bigint(),
    ...historyColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.hub, table.account] }) }),
);

/** The latest trust from `truster` to `trustee`: live while `expiry` is after now (a past expiry ended it). */
export const trustEdge = onchainTable(
  "trust_edge",
  (t) => ({
    hub: t.hex().notNull(),
    truster: t.hex().notNull(),
    trustee: t.hex().notNull(),
    expiry: t.bigint().notNull(),
    /** How many `Trust` events set this edge. */
    changes: t.integer().notNull(),
    ...historyColumns(t),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.hub, table.truster, table.trustee] }),
    trusteeIdx: index().on(table.trustee),
  }),
);

/** A group (a registered circle) and its token minted against collateral and redeemed. */
export const incomeGroup = onchainTable(
  "income_group",
  (t) => ({
    hub: t.hex().notNull(),
    group: t.hex().notNull(),
    minted: t.bigint().notNull(),
    redeemed: t.bigint().notNull(),
    mints: t.integer().notNull(),
    redemptions: t.integer().notNull(),
    ...historyColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.hub, table.group] }) }),
);

/**
 * Who has held which income token: every (holder, token) that ever received some, with its transfers. Amounts decay
 * daily, so today's balance is the hub's `balanceOf(holder, tokenId)`, read at the block wanted.
 */
export const incomeHolding = onchainTable(
  "income_holding",
  (t) => ({
    hub: t.hex().notNull(),
    holder: t.hex().notNull(),
    tokenOwner: t.hex().notNull(),
    received: t.integer().notNull(),
    sent: t.integer().notNull(),
    ...historyColumns(t),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.hub, table.holder, table.tokenOwner] }) }),
);

// ---------------------------------------------------------------------------------------------------------------
// IncomeWrappers and the wrappers' ERC-20s
// ---------------------------------------------------------------------------------------------------------------

/** IncomeWrappers `WrapperCreated`: an ERC-20 wrapper of a hub token, in a flavour. */
export const wrapperCreated = onchainTable("wrapper_created", (t) => ({
  ...logColumns(t),
  tokenId: t.bigint().notNull(),
  /** `IIncomeWrappers.Flavour`: 0 demurraged, 1 static. */
  flavour: t.integer().notNull(),
  wrapper: t.hex().notNull(),
}));

/** IncomeWrapper `Transfer` (ERC-20): mints on wrapping (from zero), burns on unwrapping (to zero), transfers. */
export const wrapperTransfer = onchainTable("wrapper_transfer", (t) => ({
  ...logColumns(t),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  value: t.bigint().notNull(),
}));

/** IncomeWrapper `Approval` (ERC-20). */
export const wrapperApproval = onchainTable("wrapper_approval", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  spender: t.hex().notNull(),
  value: t.bigint().notNull(),
}));

/** IncomeWrapper `Wrapped`: hub tokens in, wrapper tokens minted. */
export const wrapperWrapped = onchainTable("wrapper_wrapped", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
  hubAmount: t.bigint().notNull(),
  minted: t.bigint().notNull(),
}));

/** IncomeWrapper `Unwrapped`: wrapper tokens burned, hub tokens out. */
export const wrapperUnwrapped = onchainTable("wrapper_unwrapped", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
  burned: t.bigint().notNull(),
  hubAmount: t.bigint().notNull(),
}));

/** IncomeWrapper `Initialized`: the factory initialized the clone. */
export const wrapperInitialized = onchainTable("wrapper_initialized", (t) => ({
  ...logColumns(t),
  version: t.bigint().notNull(),
}));

/** A wrapper: the token it wraps, its flavour, and what is wrapped in it now. */
export const incomeWrapper = onchainTable("income_wrapper", (t) => ({
  address: t.hex().primaryKey(),
  factory: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
  tokenOwner: t.hex().notNull(),
  /** "demurraged" or "static". */
  flavour: t.text().notNull(),
  /** Wrapper tokens minted less burned (the ERC-20's supply, in its own units). */
  supply: t.bigint().notNull(),
  /** Hub tokens wrapped and unwrapped, ever (each in units of its day). */
  wrapped: t.bigint().notNull(),
  unwrapped: t.bigint().notNull(),
  ...historyColumns(t),
}));
