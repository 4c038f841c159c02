/** The app's frame: a header with the way home and the wallet, the page the hash names, and where data comes from. */
import { MeLink } from "./components/money/MeLink.js";
import { WalletPanel } from "./components/WalletPanel.js";
import { useApp } from "./context.js";
import { NamesProvider } from "./hooks/names.js";
import { CirclePage } from "./pages/CirclePage.js";
import { CirclesPage } from "./pages/CirclesPage.js";
import { MePage } from "./pages/MePage.js";
import { ProposalPage } from "./pages/ProposalPage.js";
// --- Read pages (issue 15) ---
import { CouncilPage } from "./pages/CouncilPage.js";
import { CurrencyPage } from "./pages/CurrencyPage.js";
import { PersonPage } from "./pages/PersonPage.js";
import { ScorecardPage } from "./pages/ScorecardPage.js";
// --- Rituals' data (issue 17) ---
import { PairLinksPage } from "./pages/PairLinksPage.js";
import { href, useRoute, type Route } from "./routes.js";

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "circles":
      return <CirclesPage />;
    case "circle":
      return <CirclePage key={route.circle} circle={route.circle} />;
    case "proposal":
      return <ProposalPage circle={route.circle} proposalId={route.proposalId} />;
    // --- Read pages (issue 15) ---
    case "council":
      return <CouncilPage key={route.council} council={route.council} />;
    case "currency":
      return <CurrencyPage key={route.circle} circle={route.circle} />;
    case "scorecard":
      return <ScorecardPage key={route.circle} circle={route.circle} />;
    case "person":
      return <PersonPage key={route.person} person={route.person} />;
    case "me":
      return <MePage />;
    // --- Rituals' data (issue 17) ---
    case "pair-links":
      return <PairLinksPage key={route.circle} circle={route.circle} />;
    case "not found":
      return (
        <>
          <h1>Not found</h1>
          <p>
            Nothing lives at {route.path}. <a href={href({ page: "circles" })}>See the circles</a>.
          </p>
        </>
      );
  }
}

export function App() {
  const route = useRoute();
  const { config } = useApp();
  return (
    <>
      <a className="skip" href="#main">
        Skip to the page
      </a>
      <header className="top">
        <nav aria-label="Main">
          <a className="brand" href={href({ page: "circles" })}>
            Commonweal
          </a>
          <MeLink />
        </nav>
        <WalletPanel />
      </header>
      <main id="main" tabIndex={-1}>
        <NamesProvider key={route.page === "not found" ? route.path : href(route)}>
          <Page route={route} />
        </NamesProvider>
      </main>
      <footer>
        Chain {config.chainId} at {config.rpcUrl} · ledger at {config.ledgerUrl} · registry{" "}
        <code className="address">{config.addresses.registry}</code>
      </footer>
    </>
  );
}
