/**
 * Starts the app: reads the runtime configuration (config.ts), then renders the pages inside wagmi and TanStack
 * Query; a missing or wrong configuration is shown as a page that says what to do.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";

import { App } from "./App.js";
import { CONFIG_EXAMPLE, ConfigError, loadConfig } from "./config.js";
import { AppContext } from "./context.js";
import { publicClientOf, wagmiConfigOf } from "./wagmi.js";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

try {
  const config = await loadConfig();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: 1, staleTime: 5_000, refetchOnWindowFocus: false } },
  });
  const context = { config, publicClient: publicClientOf(config), ledger: { url: config.ledgerUrl } };
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmiConfigOf(config)}>
        <QueryClientProvider client={queryClient}>
          <AppContext.Provider value={context}>
            <App />
          </AppContext.Provider>
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main id="main">
      <h1>The app has no configuration</h1>
      <p role="alert" className="error">
        {error instanceof ConfigError ? error.message : String(error)}
      </p>
      <p>config.json, served beside index.html, names the chain, its node, the ledger and the suite's addresses:</p>
      <pre>{JSON.stringify(CONFIG_EXAMPLE, null, 2)}</pre>
    </main>,
  );
}
