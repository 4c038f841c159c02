/**
 * Money handlers: every event of the credit factory, the currencies, the income hub, the wrapper factory and the
 * wrappers is written to its own table as it happened (`indexer/schema/money.ts`), then the derived tables are
 * updated: currencies, credit accounts, payments with their memos, the pair ledger, jubilees, clearing lines, income
 * accounts, trust edges, groups, holdings and wrappers.
 *
 * Ponder runs handlers in chain order (block, then log index), so an event that completes an earlier one in the same
 * transaction (a `Memo` after its `Transfer`, `PaidAcross` after the payer's transfer, `Jubilee` after its
 * `BalanceCleared`s) finds that one already written. Derived rows are upserted: an event may come before the one that
 * creates its row (a currency's initializer emits `DefaultLimitsSet` before the factory's `CurrencyCreated`).
 */
import { ponder, type Context } from "ponder:registry";
import {
  clearingLine,
  creditAccount,
  creditAccountAdmitted,
  creditApproval,
  creditBalanceCleared,
  creditBalanceMovedToCommons,
  creditClearedIn,
  creditClearingClaimsKept,
  creditClearingLineClosed,
  creditClearingLineOpened,
  creditCurrencyCreated,
  creditDefaultLimitsSet,
  creditDepartedDebtKept,
  creditEip712DomainChanged,
  creditInitialized,
  creditJubilee,
  creditLimitsSet,
  creditMemo,
  creditPaidAcross,
  creditPair,
  creditPayment,
  creditTransfer,
  currency,
  incomeAccount,
  incomeApprovalForAll,
  incomeCircleRegistered,
  incomeClaim,
  incomeGroup,
  incomeGroupMinted,
  incomeGroupRedeemed,
  incomeHolding,
  incomePersonRegistered,
  incomeStopped,
  incomeTransferBatch,
  incomeTransferSingle,
  incomeTrust,
  incomeUri,
  incomeVouchOffered,
  incomeWrapper,
  jubilee,
  pathPayment,
  trustEdge,
  wrapperApproval,
  wrapperCreated,
  wrapperInitialized,
  wrapperTransfer,
  wrapperUnwrapped,
  wrapperWrapped,
} from "ponder:schema";
import { zeroAddress, type Address, type Hex } from "viem";

import { mutualCreditAbi } from "../../client/abis.js";
import { INCOME_WRAPPER_FLAVOURS, tokenOwnerOf } from "../../client/income.js";
import { logOf, type LogEvent } from "./log.js";

type Db = Context["db"];

/** A derived row's history columns, for a row created (and so last changed) by `event`. */
function created(event: LogEvent) {
  const { number, timestamp } = event.block;
  return { createdAtBlock: number, createdAt: timestamp, updatedAtBlock: number, updatedAt: timestamp };
}

/** A derived row's "last changed" columns. */
function updated(event: LogEvent) {
  return { updatedAtBlock: event.block.number, updatedAt: event.block.timestamp };
}

/** The id of the log `back` places before `event` in its transaction: how a `Memo` finds its `Transfer`. */
function logBefore(event: LogEvent, back = 1): string {
  return `${event.transaction.hash}-${event.log.logIndex - back}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutual credit: derived rows
// ---------------------------------------------------------------------------------------------------------------

type CurrencyRow = typeof currency.$inferSelect;
type AccountRow = typeof creditAccount.$inferSelect;

/** Applies `change` to a currency's row (by default the event's emitter), creating it first (zero totals) if new. */
async function changeCurrency(
  db: Db,
  event: LogEvent,
  change: (row: CurrencyRow) => Partial<CurrencyRow>,
  address: Address = event.log.address,
): Promise<CurrencyRow> {
  const fresh: CurrencyRow = {
    address,
    circle: null,
    name: null,
    symbol: null,
    decimals: null,
    defaultCreditLimit: 0n,
    defaultSaturationLimit: 0n,
    payments: 0,
    volume: 0n,
    jubilees: 0,
    ...created(event),
  };
  return db
    .insert(currency)
    .values({ ...fresh, ...change(fresh) })
    .onConflictDoUpdate((row) => ({ ...change(row), ...updated(event) }));
}

/** Applies `change` to an account of the event's currency, creating it first (zero balance, defaults) if new. */
async function changeAccount(
  db: Db,
  event: LogEvent,
  account: Address,
  change: (row: AccountRow) => Partial<AccountRow>,
): Promise<AccountRow> {
  const fresh: AccountRow = {
    currency: event.log.address,
    account,
    balance: 0n,
    creditLimit: null,
    saturationLimit: null,
    admitted: false,
    given: 0n,
    received: 0n,
    offLedger: 0n,
    departed: false,
    ...created(event),
  };
  return db
    .insert(creditAccount)
    .values({ ...fresh, ...change(fresh) })
    .onConflictDoUpdate((row) => ({ ...change(row), ...updated(event) }));
}

/** Adds to the jubilee being declared in this transaction: the currency's next one. */
async function changePendingJubilee(
  db: Db,
  event: LogEvent,
  change: (row: typeof jubilee.$inferSelect) => Partial<typeof jubilee.$inferSelect>,
) {
  const { jubilees } = await changeCurrency(db, event, () => ({}));
  const fresh = {
    currency: event.log.address,
    number: jubilees + 1,
    accounts: 0n,
    creditCleared: 0n,
    debtCleared: 0n,
    claimsKept: 0n,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
  await db
    .insert(jubilee)
    .values({ ...fresh, ...change(fresh) })
    .onConflictDoUpdate(change);
}

// ---------------------------------------------------------------------------------------------------------------
// CreditFactory
// ---------------------------------------------------------------------------------------------------------------

// A circle created its currency: Ponder follows it from here (factory pattern); its name and symbol are read once.
ponder.on("CreditFactory:CurrencyCreated", async ({ event, context }) => {
  const { circle, currency: address } = event.args;
  await context.db.insert(creditCurrencyCreated).values({
    ...logOf(event),
    circle,
    currency: address,
  });
  const read = { abi: mutualCreditAbi, address } as const;
  const [name, symbol, decimals] = await Promise.all([
    context.client.readContract({ ...read, functionName: "name" }),
    context.client.readContract({ ...read, functionName: "symbol" }),
    context.client.readContract({ ...read, functionName: "decimals" }),
  ]);
  // The row may exist already: the initializer's DefaultLimitsSet came first in this transaction.
  await changeCurrency(context.db, event, () => ({ circle, name, symbol, decimals }), address);
});

// ---------------------------------------------------------------------------------------------------------------
// MutualCredit
// ---------------------------------------------------------------------------------------------------------------

// A transfer. Only one that moves balances (non-zero, between two accounts) is a payment: it updates both accounts,
// the pair ledger and the currency's totals, exactly as the contract's `_transfer` does.
ponder.on("MutualCredit:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const { db } = context;
  await db.insert(creditTransfer).values({ ...logOf(event), from, to, value });
  if (value === 0n || from.toLowerCase() === to.toLowerCase()) return;

  // Paying or receiving means holding again: a departed account is back (it rejoined).
  const payer = await changeAccount(db, event, from, (a) => ({
    balance: a.balance - value,
    given: a.given + value,
    departed: false,
  }));
  const payee = await changeAccount(db, event, to, (a) => ({
    balance: a.balance + value,
    received: a.received + value,
    departed: false,
  }));
  await db
    .insert(creditPair)
    .values({ currency: event.log.address, giver: from, receiver: to, given: value, payments: 1, ...created(event) })
    .onConflictDoUpdate((p) => ({ given: p.given + value, payments: p.payments + 1, ...updated(event) }));
  await changeCurrency(db, event, (c) => ({ payments: c.payments + 1, volume: c.volume + value }));
  await db.insert(creditPayment).values({
    id: `${event.transaction.hash}-${event.log.logIndex}`,
    currency: event.log.address,
    payer: from,
    payee: to,
    amount: value,
    payerBalanceAfter: payer.balance,
    payeeBalanceAfter: payee.balance,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
});

// A memo: `transferWithMemo` emits it right after its Transfer, whose payment (if it moved balances) gets the memo.
ponder.on("MutualCredit:Memo", async ({ event, context }) => {
  const { from, to, amount, memoHash, memo } = event.args;
  await context.db.insert(creditMemo).values({ ...logOf(event), from, to, amount, memoHash, memo });
  const paymentId = logBefore(event);
  if (await context.db.find(creditPayment, { id: paymentId })) {
    await context.db.update(creditPayment, { id: paymentId }).set({ memo, memoHash });
  }
});

// An ERC-20 allowance: recorded, nothing derived (an allowance moves no balance).
ponder.on("MutualCredit:Approval", async ({ event, context }) => {
  const { owner, spender, value } = event.args;
  await context.db.insert(creditApproval).values({ ...logOf(event), owner, spender, value });
});

// The circle set an account's own limits: they replace the defaults for it.
ponder.on("MutualCredit:LimitsSet", async ({ event, context }) => {
  const { account, creditLimit, saturationLimit } = event.args;
  await context.db.insert(creditLimitsSet).values({ ...logOf(event), account, creditLimit, saturationLimit });
  await changeAccount(context.db, event, account, () => ({ creditLimit, saturationLimit }));
});

// The defaults for accounts without their own limits (first emitted by the initializer, before CurrencyCreated).
ponder.on("MutualCredit:DefaultLimitsSet", async ({ event, context }) => {
  const { creditLimit, saturationLimit } = event.args;
  await context.db.insert(creditDefaultLimitsSet).values({ ...logOf(event), creditLimit, saturationLimit });
  await changeCurrency(context.db, event, () => ({
    defaultCreditLimit: creditLimit,
    defaultSaturationLimit: saturationLimit,
  }));
});

// A non-member may hold: the commons at creation, another circle's commons when a clearing line opens.
ponder.on("MutualCredit:AccountAdmitted", async ({ event, context }) => {
  const { account } = event.args;
  await context.db.insert(creditAccountAdmitted).values({ ...logOf(event), account });
  await changeAccount(context.db, event, account, () => ({ admitted: true }));
});

// A member left: their whole balance moves to the commons, off the reciprocity ledger (no payment, no pair).
ponder.on("MutualCredit:BalanceMovedToCommons", async ({ event, context }) => {
  const { member, commons, balance } = event.args;
  await context.db.insert(creditBalanceMovedToCommons).values({ ...logOf(event), member, commons, balance });
  await changeAccount(context.db, event, member, (a) => ({
    balance: a.balance - balance,
    offLedger: a.offLedger - balance,
    departed: true,
  }));
  await changeAccount(context.db, event, commons, (a) => ({
    balance: a.balance + balance,
    offLedger: a.offLedger + balance,
  }));
});

// A jubilee cleared a balance: `balance` is what left it (all of it, but for the commons, which keeps the opposite
// of the other circles' clearing claims). Counted into the jubilee this transaction is declaring.
ponder.on("MutualCredit:BalanceCleared", async ({ event, context }) => {
  const { account, balance } = event.args;
  await context.db.insert(creditBalanceCleared).values({ ...logOf(event), account, balance });
  await changeAccount(context.db, event, account, (a) => ({
    balance: a.balance - balance,
    offLedger: a.offLedger - balance,
  }));
  await changePendingJubilee(context.db, event, (j) =>
    balance > 0n ? { creditCleared: j.creditCleared + balance } : { debtCleared: j.debtCleared + balance },
  );
});

// A circle left an open-join council in debt: the debt stays on its account, which no longer holds.
ponder.on("MutualCredit:DepartedDebtKept", async ({ event, context }) => {
  const { member, balance } = event.args;
  await context.db.insert(creditDepartedDebtKept).values({ ...logOf(event), member, balance });
  await changeAccount(context.db, event, member, () => ({ departed: true }));
});

// The jubilee being declared kept the other circles' clearing claims.
ponder.on("MutualCredit:ClearingClaimsKept", async ({ event, context }) => {
  const { claims } = event.args;
  await context.db.insert(creditClearingClaimsKept).values({ ...logOf(event), claims });
  await changePendingJubilee(context.db, event, () => ({ claimsKept: claims }));
});

// The jubilee itself, last of its events: its row is complete, and the currency counts it.
ponder.on("MutualCredit:Jubilee", async ({ event, context }) => {
  const { accounts } = event.args;
  await context.db.insert(creditJubilee).values({ ...logOf(event), accounts });
  await changePendingJubilee(context.db, event, () => ({ accounts }));
  await changeCurrency(context.db, event, (c) => ({ jubilees: c.jubilees + 1 }));
});

// This circle opened (or reopened) its side of a clearing line; what flowed before a close is kept.
ponder.on("MutualCredit:ClearingLineOpened", async ({ event, context }) => {
  const { other, council } = event.args;
  await context.db.insert(creditClearingLineOpened).values({ ...logOf(event), other, council });
  const opened = { council, open: true, openedAtBlock: event.block.number, openedAt: event.block.timestamp };
  await context.db
    .insert(clearingLine)
    .values({ currency: event.log.address, other, ...opened, paidOut: 0n, clearedIn: 0n })
    .onConflictDoUpdate({ ...opened, closedAtBlock: null, closedAt: null });
});

// This circle closed its side: no new payments. (Closing a line never opened is allowed, and changes nothing.)
ponder.on("MutualCredit:ClearingLineClosed", async ({ event, context }) => {
  const { other } = event.args;
  await context.db.insert(creditClearingLineClosed).values({ ...logOf(event), other });
  const key = { currency: event.log.address, other };
  if (await context.db.find(clearingLine, key)) {
    await context.db
      .update(clearingLine, key)
      .set({ open: false, closedAtBlock: event.block.number, closedAt: event.block.timestamp });
  }
});

// A payment across, this side: the payer's transfer to the other circle's commons came right before.
ponder.on("MutualCredit:PaidAcross", async ({ event, context }) => {
  const { from, other, to, amount } = event.args;
  await context.db.insert(creditPaidAcross).values({ ...logOf(event), from, other, to, amount });
  const paymentId = logBefore(event);
  if (await context.db.find(creditPayment, { id: paymentId })) {
    await context.db
      .update(creditPayment, { id: paymentId })
      .set({ across: "out", otherCurrency: other, acrossTo: to });
  }
  const line = { currency: event.log.address, other };
  if (await context.db.find(clearingLine, line)) {
    await context.db.update(clearingLine, line).set((l) => ({ paidOut: l.paidOut + amount }));
  }
});

// A payment across, the receiving side: this commons' transfer to the payee came right before.
ponder.on("MutualCredit:ClearedIn", async ({ event, context }) => {
  const { other, to, amount } = event.args;
  await context.db.insert(creditClearedIn).values({ ...logOf(event), other, to, amount });
  const paymentId = logBefore(event);
  if (await context.db.find(creditPayment, { id: paymentId })) {
    await context.db.update(creditPayment, { id: paymentId }).set({ across: "in", otherCurrency: other });
  }
  const line = { currency: event.log.address, other };
  if (await context.db.find(clearingLine, line)) {
    await context.db.update(clearingLine, line).set((l) => ({ clearedIn: l.clearedIn + amount }));
  }
});

// OpenZeppelin's initializer and EIP-5267 events: recorded so that every event of the contract is in the ledger.
ponder.on("MutualCredit:Initialized", async ({ event, context }) => {
  await context.db.insert(creditInitialized).values({ ...logOf(event), version: event.args.version });
});
ponder.on("MutualCredit:EIP712DomainChanged", async ({ event, context }) => {
  await context.db.insert(creditEip712DomainChanged).values(logOf(event));
});

// ---------------------------------------------------------------------------------------------------------------
// IncomeHub
// ---------------------------------------------------------------------------------------------------------------

type IncomeAccountRow = typeof incomeAccount.$inferSelect;

/** Applies `change` to a registered account's row (it exists from its registration on). */
async function changeIncomeAccount(
  db: Db,
  event: LogEvent,
  account: Address,
  change: (row: IncomeAccountRow) => Partial<IncomeAccountRow>,
) {
  const key = { hub: event.log.address, account };
  if (!(await db.find(incomeAccount, key))) return;
  await db.update(incomeAccount, key).set((row) => ({ ...change(row), ...updated(event) }));
}

/** A fresh registration row. */
function registration(event: LogEvent, account: Address, kind: "person" | "circle"): IncomeAccountRow {
  return {
    hub: event.log.address,
    account,
    kind,
    inviter: null,
    registeredBy: null,
    stopped: false,
    stoppedAtBlock: null,
    claims: 0,
    claimed: 0n,
    lastClaimAt: null,
    ...created(event),
  };
}

// A person registered: during the bootstrap (no inviter), invited by a person, or accepting a circle's vouching
// (the inviter is then a registered circle).
ponder.on("IncomeHub:PersonRegistered", async ({ event, context }) => {
  const { person, inviter } = event.args;
  const hub = event.log.address;
  await context.db.insert(incomePersonRegistered).values({ ...logOf(event), person, inviter });
  const inviterRow =
    inviter === zeroAddress ? undefined : await context.db.find(incomeAccount, { hub, account: inviter });
  const registeredBy = inviter === zeroAddress ? "bootstrap" : inviterRow?.kind === "circle" ? "vouch" : "invitation";
  await context.db.insert(incomeAccount).values({ ...registration(event, person, "person"), inviter, registeredBy });
});

// A circle offered to register a member (registered only when they accept): recorded as offered.
ponder.on("IncomeHub:VouchOffered", async ({ event, context }) => {
  const { circle, person, payer, cost } = event.args;
  await context.db.insert(incomeVouchOffered).values({ ...logOf(event), circle, person, payer, cost });
});

// A circle registered: an income account of kind "circle", and a group that can mint its own token.
ponder.on("IncomeHub:CircleRegistered", async ({ event, context }) => {
  const { circle } = event.args;
  const hub = event.log.address;
  await context.db.insert(incomeCircleRegistered).values({ ...logOf(event), circle });
  await context.db.insert(incomeAccount).values(registration(event, circle, "circle"));
  await context.db
    .insert(incomeGroup)
    .values({ hub, group: circle, minted: 0n, redeemed: 0n, mints: 0, redemptions: 0, ...created(event) });
});

// Trust given, renewed or ended (an expiry not in the future): the edge keeps the latest expiry.
ponder.on("IncomeHub:Trust", async ({ event, context }) => {
  const { truster, trustee, expiry } = event.args;
  const hub = event.log.address;
  await context.db.insert(incomeTrust).values({ ...logOf(event), truster, trustee, expiry });
  await context.db
    .insert(trustEdge)
    .values({ hub, truster, trustee, expiry, changes: 1, ...created(event) })
    .onConflictDoUpdate((e) => ({ expiry, changes: e.changes + 1, ...updated(event) }));
});

// A claim: its row, and the person's running count and sum.
ponder.on("IncomeHub:IncomeClaimed", async ({ event, context }) => {
  const { person, amount, from, to } = event.args;
  await context.db.insert(incomeClaim).values({ ...logOf(event), person, amount, from, to });
  await changeIncomeAccount(context.db, event, person, (a) => ({
    claims: a.claims + 1,
    claimed: a.claimed + amount,
    lastClaimAt: to,
  }));
});

// A person stopped their issuance for good.
ponder.on("IncomeHub:IncomeStopped", async ({ event, context }) => {
  const { person } = event.args;
  await context.db.insert(incomeStopped).values({ ...logOf(event), person });
  await changeIncomeAccount(context.db, event, person, () => ({ stopped: true, stoppedAtBlock: event.block.number }));
});

// A path payment: its hops are the TransferSingle logs of the same transaction right before it.
ponder.on("IncomeHub:PaidAlongTrust", async ({ event, context }) => {
  const { payer, to, amount, hops } = event.args;
  await context.db.insert(pathPayment).values({ ...logOf(event), payer, to, amount, hops });
});

// A group minted its token against collateral: the group's running totals.
ponder.on("IncomeHub:GroupMinted", async ({ event, context }) => {
  const { group, account, amount } = event.args;
  const hub = event.log.address;
  await context.db.insert(incomeGroupMinted).values({ ...logOf(event), group, account, amount });
  await context.db
    .update(incomeGroup, { hub, group })
    .set((g) => ({ minted: g.minted + amount, mints: g.mints + 1, ...updated(event) }));
});

// A group's token redeemed for collateral.
ponder.on("IncomeHub:GroupRedeemed", async ({ event, context }) => {
  const { group, account, amount } = event.args;
  const hub = event.log.address;
  await context.db.insert(incomeGroupRedeemed).values({ ...logOf(event), group, account, amount });
  await context.db
    .update(incomeGroup, { hub, group })
    .set((g) => ({ redeemed: g.redeemed + amount, redemptions: g.redemptions + 1, ...updated(event) }));
});

/** Notes that `holder` received (or sent) some of `tokenOwner`'s token; the zero address (mint, burn) holds nothing. */
async function noteHolding(db: Db, event: LogEvent, holder: Address, tokenOwner: Address, side: "received" | "sent") {
  if (holder === zeroAddress) return;
  const first = { received: side === "received" ? 1 : 0, sent: side === "sent" ? 1 : 0 };
  await db
    .insert(incomeHolding)
    .values({ hub: event.log.address, holder, tokenOwner, ...first, ...created(event) })
    .onConflictDoUpdate((h) => ({ [side]: h[side] + 1, ...updated(event) }));
}

// An ERC-1155 transfer (mint, burn, transfer or path-payment hop): its row, and who has held which token.
ponder.on("IncomeHub:TransferSingle", async ({ event, context }) => {
  const { operator, from, to, id, value } = event.args;
  const tokenOwner = tokenOwnerOf(id);
  await context.db
    .insert(incomeTransferSingle)
    .values({ ...logOf(event), operator, from, to, tokenId: id, tokenOwner, value });
  await noteHolding(context.db, event, to, tokenOwner, "received");
  await noteHolding(context.db, event, from, tokenOwner, "sent");
});

// An ERC-1155 batch transfer (the hub emits singles, but the standard's event is indexed all the same).
ponder.on("IncomeHub:TransferBatch", async ({ event, context }) => {
  const { operator, from, to, ids, values } = event.args;
  await context.db
    .insert(incomeTransferBatch)
    .values({ ...logOf(event), operator, from, to, tokenIds: [...ids], values: [...values] });
  for (const id of ids) {
    await noteHolding(context.db, event, to, tokenOwnerOf(id), "received");
    await noteHolding(context.db, event, from, tokenOwnerOf(id), "sent");
  }
});

// ERC-1155 operator approvals and URI changes: recorded, nothing derived.
ponder.on("IncomeHub:ApprovalForAll", async ({ event, context }) => {
  const { account, operator, approved } = event.args;
  await context.db.insert(incomeApprovalForAll).values({ ...logOf(event), account, operator, approved });
});
ponder.on("IncomeHub:URI", async ({ event, context }) => {
  const { value, id } = event.args;
  await context.db.insert(incomeUri).values({ ...logOf(event), value, tokenId: id });
});

// ---------------------------------------------------------------------------------------------------------------
// IncomeWrappers and IncomeWrapper (the wrappers' ERC-20s)
// ---------------------------------------------------------------------------------------------------------------

// A wrapper created: Ponder follows it from here (factory pattern).
ponder.on("IncomeWrappers:WrapperCreated", async ({ event, context }) => {
  const { id, flavour, wrapper } = event.args;
  const factory = event.log.address;
  await context.db.insert(wrapperCreated).values({ ...logOf(event), tokenId: id, flavour, wrapper });
  await context.db.insert(incomeWrapper).values({
    address: wrapper,
    factory,
    tokenId: id,
    tokenOwner: tokenOwnerOf(id),
    flavour: INCOME_WRAPPER_FLAVOURS[flavour] ?? `flavour ${flavour}`,
    supply: 0n,
    wrapped: 0n,
    unwrapped: 0n,
    ...created(event),
  });
});

/** Applies `change` to a wrapper's row (created by WrapperCreated, before any of its own events but Initialized). */
async function changeWrapper(
  db: Db,
  event: LogEvent,
  change: (row: typeof incomeWrapper.$inferSelect) => Partial<typeof incomeWrapper.$inferSelect>,
) {
  const key = { address: event.log.address };
  if (!(await db.find(incomeWrapper, key))) return;
  await db.update(incomeWrapper, key).set((row) => ({ ...change(row), ...updated(event) }));
}

// An ERC-20 transfer of a wrapper: a mint (wrapping) or burn (unwrapping) changes its supply.
ponder.on("IncomeWrapper:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  await context.db.insert(wrapperTransfer).values({ ...logOf(event), from, to, value });
  const minted = from === zeroAddress ? value : 0n;
  const burned = to === zeroAddress ? value : 0n;
  if (minted !== burned) await changeWrapper(context.db, event, (w) => ({ supply: w.supply + minted - burned }));
});

// Hub tokens wrapped, and unwrapped: the wrapper's totals in hub units.
ponder.on("IncomeWrapper:Wrapped", async ({ event, context }) => {
  const { account, hubAmount, minted } = event.args;
  await context.db.insert(wrapperWrapped).values({ ...logOf(event), account, hubAmount, minted });
  await changeWrapper(context.db, event, (w) => ({ wrapped: w.wrapped + hubAmount }));
});
ponder.on("IncomeWrapper:Unwrapped", async ({ event, context }) => {
  const { account, burned, hubAmount } = event.args;
  await context.db.insert(wrapperUnwrapped).values({ ...logOf(event), account, burned, hubAmount });
  await changeWrapper(context.db, event, (w) => ({ unwrapped: w.unwrapped + hubAmount }));
});

// A wrapper's allowances and its initializer: recorded, nothing derived.
ponder.on("IncomeWrapper:Approval", async ({ event, context }) => {
  const { owner, spender, value } = event.args;
  await context.db.insert(wrapperApproval).values({ ...logOf(event), owner, spender, value });
});
ponder.on("IncomeWrapper:Initialized", async ({ event, context }) => {
  await context.db.insert(wrapperInitialized).values({ ...logOf(event), version: event.args.version });
});
