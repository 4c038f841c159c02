// The usual ERC-20 and EIP-2612 expectations (the ones OpenZeppelin's ERC-20 suite checks), run one by one against
// a circle's mutual-credit currency. A test whose name carries "(adapted: ...)" is one where signed balances make
// the usual rule meaningless; the note says what is checked in its place. Everything else is checked as it stands.
import { expect } from "chai";
import { network } from "hardhat";

import { PERMIT_TYPES } from "../../client/ballots.js";
import { circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, decide } = circleFixtures(connection);

const NAME = "Elm hours";
const SYMBOL = "HRS";
const DECIMALS = 2n;
/** Default limits every account gets: how far below zero (credit) and above zero (saturation) it may go. */
const CREDIT = 100_00n;
const SATURATION = 200_00n;
/** What the holder starts with: the debtor paid it its whole credit limit. */
const START = 100_00n;
const INFINITE = ethers.MaxUint256;

/**
 * A six-member circle whose decision created its currency; then Cai paid Ana 100.00, so Ana holds 100.00, Cai owes
 * 100.00 (its whole credit limit), and Ben and Dee stand at zero. The spender is not a member: spending an allowance
 * needs no place in the circle.
 */
async function erc20World() {
  const world = await circleWorld();
  const factory = await ethers.deployContract("CreditFactory", [await world.registry.getAddress()]);
  const address = await factory.currencyOf(world.circle.target);
  await decide(
    world,
    [
      {
        target: factory.target as string,
        data: factory.interface.encodeFunctionData("createCurrency", [NAME, SYMBOL, DECIMALS, CREDIT, SATURATION]),
      },
      {
        target: world.rituals.target as string,
        data: world.rituals.interface.encodeFunctionData("addRoleModule", [address]),
      },
    ],
    "Start our hours currency",
  );
  const credit = await ethers.getContractAt("MutualCredit", address);
  const [ana, ben, cai, dee] = world.founders;
  await credit.connect(cai!).transfer(ana!.address, START);
  return {
    ...world,
    credit,
    holder: ana!,
    recipient: ben!,
    debtor: cai!,
    empty: dee!,
    spender: world.outsiders[0]!,
    stranger: world.outsiders[1]!,
  };
}

type World = Awaited<ReturnType<typeof erc20World>>;

async function signedBalances(world: World, accounts: { address: string }[]) {
  return Promise.all(accounts.map((a) => world.credit.signedBalanceOf(a.address)));
}

describe("MutualCredit: the ERC-20 behaviour", function () {
  describe("total supply", function () {
    it("returns the total token value (adapted: it is the outstanding credit, the sum of positive balances, so transfers move it and it can fall back to zero)", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const { credit, holder, recipient, debtor, empty } = world;
      expect(await credit.totalSupply()).to.equal(START);
      // Credit passed between two accounts in credit leaves it unchanged.
      await credit.connect(holder).transfer(recipient.address, 40_00n);
      expect(await credit.totalSupply()).to.equal(START);
      // A payment from an account at zero creates credit.
      await credit.connect(empty).transfer(recipient.address, 10_00n);
      expect(await credit.totalSupply()).to.equal(110_00n);
      // Repaying a debt retires credit.
      await credit.connect(recipient).transfer(debtor.address, 50_00n);
      expect(await credit.totalSupply()).to.equal(60_00n);
      await credit.connect(holder).transfer(debtor.address, 60_00n);
      await credit.connect(debtor).transfer(empty.address, 10_00n);
      expect(await signedBalances(world, [holder, recipient, debtor, empty])).to.deep.equal([0n, 0n, 0n, 0n]);
      expect(await credit.totalSupply()).to.equal(0n);
    });
  });

  describe("balanceOf", function () {
    it("returns zero when the account has no tokens", async function () {
      const { credit, empty } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.balanceOf(empty.address)).to.equal(0n);
      expect(await credit.signedBalanceOf(empty.address)).to.equal(0n);
    });

    it("returns the account's whole balance when it has tokens", async function () {
      const { credit, holder } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.balanceOf(holder.address)).to.equal(START);
      expect(await credit.signedBalanceOf(holder.address)).to.equal(START);
    });

    it("returns zero for an account in debt (adapted: balanceOf is the positive part; signedBalanceOf shows the debt)", async function () {
      const { credit, debtor } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.balanceOf(debtor.address)).to.equal(0n);
      expect(await credit.signedBalanceOf(debtor.address)).to.equal(-CREDIT);
    });
  });

  describe("transfer", function () {
    describe("when the recipient is not the zero address", function () {
      describe("when the sender does not have enough balance", function () {
        it("reverts (adapted: only a payment beyond the balance plus the credit limit reverts, with MutualCreditLimitExceeded)", async function () {
          const world = await networkHelpers.loadFixture(erc20World);
          const { credit, holder, debtor } = world;
          // The debtor has room to receive, so only the payer's limit is at stake.
          await expect(credit.connect(holder).transfer(debtor.address, START + CREDIT + 1n))
            .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
            .withArgs(holder.address, -(CREDIT + 1n), CREDIT);
          expect(await signedBalances(world, [holder, debtor])).to.deep.equal([START, -CREDIT]);
        });

        it("(adapted: a payment beyond the positive balance but within the credit limit succeeds and takes the payer below zero)", async function () {
          const { credit, holder, recipient } = await networkHelpers.loadFixture(erc20World);
          await expect(credit.connect(holder).transfer(recipient.address, START + 1n))
            .to.emit(credit, "Transfer")
            .withArgs(holder.address, recipient.address, START + 1n);
          expect(await credit.signedBalanceOf(holder.address)).to.equal(-1n);
          expect(await credit.balanceOf(holder.address)).to.equal(0n);
          expect(await credit.balanceOf(recipient.address)).to.equal(START + 1n);
        });

        it("(adapted: a payment of exactly the balance plus the credit limit succeeds, leaving the payer at its limit)", async function () {
          const { credit, holder, debtor } = await networkHelpers.loadFixture(erc20World);
          await expect(credit.connect(holder).transfer(debtor.address, START + CREDIT))
            .to.emit(credit, "Transfer")
            .withArgs(holder.address, debtor.address, START + CREDIT);
          expect(await credit.signedBalanceOf(holder.address)).to.equal(-CREDIT);
          expect(await credit.signedBalanceOf(debtor.address)).to.equal(START);
        });
      });

      describe("when the sender transfers its whole balance", function () {
        it("moves the value and updates both balances", async function () {
          const { credit, holder, recipient } = await networkHelpers.loadFixture(erc20World);
          await credit.connect(holder).transfer(recipient.address, START);
          expect(await credit.balanceOf(holder.address)).to.equal(0n);
          expect(await credit.balanceOf(recipient.address)).to.equal(START);
          expect(await credit.signedBalanceOf(holder.address)).to.equal(0n);
        });

        it("emits a Transfer event", async function () {
          const { credit, holder, recipient } = await networkHelpers.loadFixture(erc20World);
          await expect(credit.connect(holder).transfer(recipient.address, START))
            .to.emit(credit, "Transfer")
            .withArgs(holder.address, recipient.address, START);
        });
      });

      describe("when the sender transfers zero tokens", function () {
        it("changes no balance", async function () {
          const world = await networkHelpers.loadFixture(erc20World);
          const { credit, holder, recipient } = world;
          await credit.connect(holder).transfer(recipient.address, 0n);
          expect(await signedBalances(world, [holder, recipient])).to.deep.equal([START, 0n]);
          expect(await credit.totalSupply()).to.equal(START);
        });

        it("emits a Transfer event", async function () {
          const { credit, holder, recipient } = await networkHelpers.loadFixture(erc20World);
          await expect(credit.connect(holder).transfer(recipient.address, 0n))
            .to.emit(credit, "Transfer")
            .withArgs(holder.address, recipient.address, 0n);
        });
      });

      describe("when the recipient may not hold", function () {
        it("reverts (adapted: ERC-20 lets any non-zero address receive; here only members and admitted accounts, otherwise MutualCreditNotHolder)", async function () {
          const { credit, holder, stranger } = await networkHelpers.loadFixture(erc20World);
          await expect(credit.connect(holder).transfer(stranger.address, 1n))
            .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
            .withArgs(stranger.address);
        });
      });

      describe("when the recipient would pass its saturation limit", function () {
        it("reverts (adapted: ERC-20 has no ceiling on a balance; here a payee stops at its saturation limit, MutualCreditSaturationExceeded)", async function () {
          const { credit, holder, recipient, empty } = await networkHelpers.loadFixture(erc20World);
          // The recipient fills up to its limit: 100.00 from the holder, 100.00 on Dee's credit.
          await credit.connect(holder).transfer(recipient.address, START);
          await credit.connect(empty).transfer(recipient.address, SATURATION - START);
          // The holder, now at zero, has credit to spare: only the payee's limit is at stake.
          await expect(credit.connect(holder).transfer(recipient.address, 1n))
            .to.be.revertedWithCustomError(credit, "MutualCreditSaturationExceeded")
            .withArgs(recipient.address, SATURATION + 1n, SATURATION);
          expect(await credit.balanceOf(recipient.address)).to.equal(SATURATION);
        });
      });
    });

    describe("when the recipient is the zero address", function () {
      it("reverts", async function () {
        const world = await networkHelpers.loadFixture(erc20World);
        const { credit, holder } = world;
        await expect(credit.connect(holder).transfer(ethers.ZeroAddress, START)).to.be.revertedWithCustomError(
          credit,
          "MutualCreditZeroAddress",
        );
        expect(await credit.signedBalanceOf(holder.address)).to.equal(START);
      });
    });
  });

  describe("transferFrom", function () {
    describe("when the token owner is not the zero address", function () {
      describe("when the recipient is not the zero address", function () {
        describe("when the spender has enough allowance", function () {
          describe("when the token owner has enough balance", function () {
            it("moves the requested value", async function () {
              const world = await networkHelpers.loadFixture(erc20World);
              const { credit, holder, recipient, spender } = world;
              await credit.connect(holder).approve(spender.address, START);
              await credit.connect(spender).transferFrom(holder.address, recipient.address, START);
              expect(await signedBalances(world, [holder, recipient, spender])).to.deep.equal([0n, START, 0n]);
            });

            it("lowers the spender's allowance", async function () {
              const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
              await credit.connect(holder).approve(spender.address, START);
              await credit.connect(spender).transferFrom(holder.address, recipient.address, 30_00n);
              expect(await credit.allowance(holder.address, spender.address)).to.equal(START - 30_00n);
            });

            it("emits a Transfer event", async function () {
              const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
              await credit.connect(holder).approve(spender.address, START);
              await expect(credit.connect(spender).transferFrom(holder.address, recipient.address, START))
                .to.emit(credit, "Transfer")
                .withArgs(holder.address, recipient.address, START);
            });

            it("emits no Approval event", async function () {
              const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
              await credit.connect(holder).approve(spender.address, START);
              await expect(credit.connect(spender).transferFrom(holder.address, recipient.address, START)).not.to.emit(
                credit,
                "Approval",
              );
            });
          });

          describe("when the token owner does not have enough balance", function () {
            it("reverts (adapted: only a payment beyond the owner's balance plus its credit limit reverts, with MutualCreditLimitExceeded)", async function () {
              const { credit, holder, debtor, spender } = await networkHelpers.loadFixture(erc20World);
              const value = START + CREDIT + 1n;
              await credit.connect(holder).approve(spender.address, value);
              await expect(credit.connect(spender).transferFrom(holder.address, debtor.address, value))
                .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
                .withArgs(holder.address, -(CREDIT + 1n), CREDIT);
              expect(await credit.allowance(holder.address, spender.address)).to.equal(value);
            });

            it("(adapted: a payment beyond the owner's positive balance but within its credit limit succeeds and spends the allowance)", async function () {
              const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
              await credit.connect(holder).approve(spender.address, START + 1n);
              await expect(credit.connect(spender).transferFrom(holder.address, recipient.address, START + 1n))
                .to.emit(credit, "Transfer")
                .withArgs(holder.address, recipient.address, START + 1n);
              expect(await credit.signedBalanceOf(holder.address)).to.equal(-1n);
              expect(await credit.allowance(holder.address, spender.address)).to.equal(0n);
            });
          });
        });

        describe("when the spender does not have enough allowance", function () {
          describe("when the token owner has enough balance", function () {
            it("reverts", async function () {
              const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
              await credit.connect(holder).approve(spender.address, START - 1n);
              await expect(credit.connect(spender).transferFrom(holder.address, recipient.address, START))
                .to.be.revertedWithCustomError(credit, "MutualCreditInsufficientAllowance")
                .withArgs(spender.address, START - 1n, START);
            });
          });

          describe("when the token owner does not have enough balance", function () {
            it("reverts on the allowance first (adapted: 'not enough balance' means beyond the balance plus the credit limit)", async function () {
              const { credit, holder, debtor, spender } = await networkHelpers.loadFixture(erc20World);
              const value = START + CREDIT + 1n;
              await credit.connect(holder).approve(spender.address, value - 1n);
              await expect(credit.connect(spender).transferFrom(holder.address, debtor.address, value))
                .to.be.revertedWithCustomError(credit, "MutualCreditInsufficientAllowance")
                .withArgs(spender.address, value - 1n, value);
            });
          });
        });

        describe("when the spender has an infinite allowance", function () {
          it("does not lower the allowance", async function () {
            const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
            await credit.connect(holder).approve(spender.address, INFINITE);
            await credit.connect(spender).transferFrom(holder.address, recipient.address, START);
            expect(await credit.allowance(holder.address, spender.address)).to.equal(INFINITE);
            expect(await credit.balanceOf(recipient.address)).to.equal(START);
          });

          it("emits no Approval event", async function () {
            const { credit, holder, recipient, spender } = await networkHelpers.loadFixture(erc20World);
            await credit.connect(holder).approve(spender.address, INFINITE);
            await expect(credit.connect(spender).transferFrom(holder.address, recipient.address, START))
              .to.emit(credit, "Transfer")
              .withArgs(holder.address, recipient.address, START)
              .and.not.to.emit(credit, "Approval");
          });
        });
      });

      describe("when the recipient is the zero address", function () {
        it("reverts", async function () {
          const { credit, holder, spender } = await networkHelpers.loadFixture(erc20World);
          await credit.connect(holder).approve(spender.address, START);
          await expect(
            credit.connect(spender).transferFrom(holder.address, ethers.ZeroAddress, START),
          ).to.be.revertedWithCustomError(credit, "MutualCreditZeroAddress");
          expect(await credit.allowance(holder.address, spender.address)).to.equal(START);
        });
      });
    });

    describe("when the token owner is the zero address", function () {
      it("reverts (adapted: the zero address cannot hold, so a zero-value transferFrom reverts with MutualCreditNotHolder(0x0))", async function () {
        const { credit, recipient, spender } = await networkHelpers.loadFixture(erc20World);
        expect(await credit.isHolder(ethers.ZeroAddress)).to.equal(false);
        await expect(credit.connect(spender).transferFrom(ethers.ZeroAddress, recipient.address, 0n))
          .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
          .withArgs(ethers.ZeroAddress);
      });

      it("reverts (adapted: a non-zero value meets the allowance check first, MutualCreditInsufficientAllowance, since nobody can approve for the zero address)", async function () {
        const { credit, recipient, spender } = await networkHelpers.loadFixture(erc20World);
        expect(await credit.allowance(ethers.ZeroAddress, spender.address)).to.equal(0n);
        await expect(credit.connect(spender).transferFrom(ethers.ZeroAddress, recipient.address, 1n))
          .to.be.revertedWithCustomError(credit, "MutualCreditInsufficientAllowance")
          .withArgs(spender.address, 0n, 1n);
      });
    });
  });

  describe("approve", function () {
    describe("when the spender is not the zero address", function () {
      // Approving never looks at the owner's balance: the same three expectations hold for each kind of owner.
      const owners = [
        { when: "when the owner has enough balance", pick: (w: World) => w.holder, balance: START },
        { when: "when the owner has no balance", pick: (w: World) => w.empty, balance: 0n },
        {
          when: "when the owner does not have enough balance (in debt)",
          pick: (w: World) => w.debtor,
          balance: -CREDIT,
        },
      ];
      for (const { when, pick, balance } of owners) {
        describe(when, function () {
          it("emits an Approval event", async function () {
            const world = await networkHelpers.loadFixture(erc20World);
            const { credit, spender } = world;
            const owner = pick(world);
            expect(await credit.signedBalanceOf(owner.address)).to.equal(balance);
            await expect(credit.connect(owner).approve(spender.address, START))
              .to.emit(credit, "Approval")
              .withArgs(owner.address, spender.address, START);
          });

          it("sets the allowance when none was set", async function () {
            const world = await networkHelpers.loadFixture(erc20World);
            const { credit, spender } = world;
            const owner = pick(world);
            expect(await credit.allowance(owner.address, spender.address)).to.equal(0n);
            await credit.connect(owner).approve(spender.address, START);
            expect(await credit.allowance(owner.address, spender.address)).to.equal(START);
          });

          it("replaces a previous allowance", async function () {
            const world = await networkHelpers.loadFixture(erc20World);
            const { credit, spender } = world;
            const owner = pick(world);
            await credit.connect(owner).approve(spender.address, 1n);
            await credit.connect(owner).approve(spender.address, START);
            expect(await credit.allowance(owner.address, spender.address)).to.equal(START);
          });
        });
      }
    });

    describe("when the spender is the zero address", function () {
      it("reverts", async function () {
        const { credit, holder } = await networkHelpers.loadFixture(erc20World);
        await expect(credit.connect(holder).approve(ethers.ZeroAddress, START)).to.be.revertedWithCustomError(
          credit,
          "MutualCreditZeroAddress",
        );
      });
    });
  });

  describe("permit (EIP-2612)", function () {
    const types = { Permit: [...PERMIT_TYPES.Permit] };

    async function domainOf(world: World) {
      const { chainId } = await ethers.provider.getNetwork();
      return { name: NAME, version: "1", chainId, verifyingContract: await world.credit.getAddress() };
    }

    async function signedPermit(world: World, signer = world.holder, deadline?: bigint) {
      const domain = await domainOf(world);
      const message = {
        owner: world.holder.address,
        spender: world.spender.address,
        value: START,
        nonce: await world.credit.nonces(world.holder.address),
        deadline: deadline ?? BigInt(await time.latest()) + 3_600n,
      };
      const signature = ethers.Signature.from(await signer.signTypedData(domain, types, message));
      return { domain, message, signature };
    }

    function submit(world: World, message: { deadline: bigint }, signature: { v: number; r: string; s: string }) {
      const { credit, holder, spender, stranger } = world;
      // Anyone may relay a permit.
      return credit
        .connect(stranger)
        .permit(holder.address, spender.address, START, message.deadline, signature.v, signature.r, signature.s);
    }

    it("starts the owner's nonce at 0", async function () {
      const { credit, holder } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.nonces(holder.address)).to.equal(0n);
    });

    it("has a DOMAIN_SEPARATOR for the EIP-712 domain (currency name, version 1, chain id, this contract)", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const domain = await domainOf(world);
      expect(await world.credit.DOMAIN_SEPARATOR()).to.equal(ethers.TypedDataEncoder.hashDomain(domain));
      const [fields, name, version, chainId, verifyingContract] = await world.credit.eip712Domain();
      expect([fields, name, version, chainId, verifyingContract]).to.deep.equal([
        "0x0f",
        domain.name,
        domain.version,
        domain.chainId,
        domain.verifyingContract,
      ]);
    });

    it("accepts the owner's signature: the nonce moves on, the allowance is set and Approval is emitted", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const { credit, holder, spender } = world;
      const { message, signature } = await signedPermit(world);
      await expect(submit(world, message, signature))
        .to.emit(credit, "Approval")
        .withArgs(holder.address, spender.address, START);
      expect(await credit.nonces(holder.address)).to.equal(1n);
      expect(await credit.allowance(holder.address, spender.address)).to.equal(START);
    });

    it("rejects a signature used before", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const { credit, holder } = world;
      const { domain, message, signature } = await signedPermit(world);
      await submit(world, message, signature);
      // With the nonce spent, the same signature recovers to some unrelated address.
      const recovered = ethers.verifyTypedData(domain, types, { ...message, nonce: 1n }, signature);
      expect(recovered).to.not.equal(holder.address);
      await expect(submit(world, message, signature))
        .to.be.revertedWithCustomError(credit, "MutualCreditInvalidSigner")
        .withArgs(recovered, holder.address);
    });

    it("rejects a signature by anyone but the owner", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const { credit, holder, recipient, spender } = world;
      const { message, signature } = await signedPermit(world, recipient);
      await expect(submit(world, message, signature))
        .to.be.revertedWithCustomError(credit, "MutualCreditInvalidSigner")
        .withArgs(recipient.address, holder.address);
      expect(await credit.nonces(holder.address)).to.equal(0n);
      expect(await credit.allowance(holder.address, spender.address)).to.equal(0n);
    });

    it("rejects a permit past its deadline", async function () {
      const world = await networkHelpers.loadFixture(erc20World);
      const { credit, holder } = world;
      const deadline = BigInt(await time.latest()) - 1n;
      const { message, signature } = await signedPermit(world, holder, deadline);
      await expect(submit(world, message, signature))
        .to.be.revertedWithCustomError(credit, "MutualCreditPermitExpired")
        .withArgs(deadline);
      expect(await credit.nonces(holder.address)).to.equal(0n);
    });
  });

  describe("metadata", function () {
    it("has a name", async function () {
      const { credit } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.name()).to.equal(NAME);
    });

    it("has a symbol", async function () {
      const { credit } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.symbol()).to.equal(SYMBOL);
    });

    it("has decimals (adapted: chosen by the circle when it creates the currency, 2 here, instead of a fixed 18)", async function () {
      const { credit } = await networkHelpers.loadFixture(erc20World);
      expect(await credit.decimals()).to.equal(DECIMALS);
    });
  });
});
