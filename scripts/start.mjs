// `npm start` / `pnpm start`: install, build the SPA if needed, then run the server
// (which migrates the database and seeds it when empty).
import { ensureInstalled, ensureWebBuilt, nodeIsSupported, pnpmCommand, run } from "./setup.mjs";

if (!nodeIsSupported()) {
  console.error(`Plan Outcomes needs Node 20.19 or later; this is ${process.version}.`);
  process.exit(1);
}
const pnpm = pnpmCommand();
try {
  ensureInstalled(pnpm);
  ensureWebBuilt(pnpm);
  // A quick start on one machine: production deployments set NODE_ENV=production and SESSION_SECRET themselves.
  run(pnpm, ["--filter", "@plan-outcomes/server", "start"]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
