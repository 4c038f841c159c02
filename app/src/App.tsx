/** The app's frame: a header with the way home and the wallet, the page the hash names, and where data comes from. */
import { MeLink } from "./components/money/MeLink.js";
import { WalletPanel } from "./components/WalletPanel.js";
import { useApp } from "./context.js";
import { NamesProvider } from "./hooks/names.js";
import { CirclePage } from "./pages/CirclePage.js";
import { CirclesPage } from "./pages/CirclesPage.js";
import { MePage } from "./pages/MePage.js";
import { ProposalPage } from "./pages/ProposalPage.js";
import { href, useRoute, type Route } from "./routes.js";

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "circles":
      return <CirclesPage />;
    case "circle":
      return <CirclePage key={route.circle} circle={route.circle} />;
    case "proposal":
      return <ProposalPage circle={route.circle} proposalId={route.proposalId} />;
    case "me":
      return <MePage />;
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
