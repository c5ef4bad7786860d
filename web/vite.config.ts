import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // The API contract only declares constants (schemas and route descriptors): letting the bundler treat it
      // as side-effect free keeps the schemas the web never uses (and TypeBox code they need) out of the bundle.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]server[\\/]src[\\/]contract[\\/]/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            // Long-lived vendor chunks, cached across releases of the app code.
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie)[\\/]/ },
            { name: "query", test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
            // Everything recharts pulls in; only the lazily loaded indicator page imports it.
            {
              name: "charts",
              test: /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|clsx|tiny-invariant|use-sync-external-store|react-is)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
