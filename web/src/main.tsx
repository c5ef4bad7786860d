import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./app/providers.tsx";
import { AppRouter } from "./app/router.tsx";
import { ApiError } from "./lib/api-client.ts";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container, {
  // Expected API errors (a 404 for a mistyped address) are shown to the user; they are not bugs to log.
  onCaughtError: (error, info) => {
    if (!(error instanceof ApiError)) console.error(error, info.componentStack);
  },
}).render(
  <StrictMode>
    <AppProviders>
      <AppRouter />
    </AppProviders>
  </StrictMode>,
);
