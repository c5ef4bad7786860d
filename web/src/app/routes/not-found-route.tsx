import { Link } from "react-router";
import { useDocumentTitle } from "../../lib/use-document-title.ts";

export function NotFoundRoute() {
  useDocumentTitle("Page not found");
  return (
    <>
      <h1 className="heading-l">Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        If you pasted the web address, check you copied the entire address. You can also{" "}
        <Link to="/">go to the Plan overview</Link>.
      </p>
    </>
  );
}
