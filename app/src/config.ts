/**
 * Reads the app's runtime configuration (appConfig.ts) when the app starts: from `window.__COMMONWEAL_CONFIG__` if a
 * page set it (the browser tests do), else from config.json served beside index.html (`npm run app` serves it; a
 * deployment writes its own). Nothing about a network is built in, so one build serves any network.
 */
import { ConfigError, resolveConfig, type AppConfig, type ResolvedConfig } from "./appConfig.js";

export { CONFIG_EXAMPLE, ConfigError, type AppConfig, type ResolvedConfig } from "./appConfig.js";

declare global {
  interface Window {
    /** A configuration set before the app loads, preferred to config.json (the browser tests set it). */
    __COMMONWEAL_CONFIG__?: AppConfig;
  }
}

/** The configuration from the page's global, else config.json beside the app. */
export async function loadConfig(): Promise<ResolvedConfig> {
  if (window.__COMMONWEAL_CONFIG__) return resolveConfig(window.__COMMONWEAL_CONFIG__, "the page's configuration");
  const url = new URL("config.json", document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch (error) {
    throw new ConfigError(`The app could not fetch its configuration at ${url} (${(error as Error).message}).`);
  }
  if (!response.ok) {
    throw new ConfigError(
      `The app found no configuration at ${url} (HTTP ${response.status}). Run npm run app, which serves it, or serve a config.json beside index.html.`,
    );
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError(`${url} is not JSON.`);
  }
  return resolveConfig(raw, url);
}
