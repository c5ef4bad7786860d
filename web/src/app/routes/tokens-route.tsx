import { TokensPage } from "../../features/access/components/tokens-page.tsx";

/** `/account/tokens`: loaded only when someone opens it. */
export default function TokensRoute() {
  return <TokensPage />;
}
