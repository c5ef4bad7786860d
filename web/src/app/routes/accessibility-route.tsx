import { Link } from "react-router";
import { paths } from "../../lib/paths.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";

/** The accessibility statement UK public sector websites must publish (PSBAR 2018). */
export default function AccessibilityRoute() {
  useDocumentTitle("Accessibility statement");
  return (
    <article className="prose">
      <h1 className="heading-xl">Accessibility statement for Plan Outcomes</h1>
      <p className="lead">
        Plan Outcomes is run by Dorset&rsquo;s Strategic Alliance for Children and Young People. We want as many people
        as possible to be able to use it.
      </p>
      <p>You should be able to:</p>
      <ul>
        <li>zoom in up to 400% without the text spilling off the screen;</li>
        <li>navigate every page, chooser and table using just a keyboard;</li>
        <li>use every page with a screen reader: every chart has a table with the same figures;</li>
        <li>understand every comparison without seeing colour: verdicts are written in words and shapes;</li>
        <li>download the figures behind any table as CSV.</li>
      </ul>

      <h2 className="heading-l">How accessible this website is</h2>
      <p>
        We test every page against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA with automated checks
        (axe) in a real browser on every change, and by keyboard. Automated checks find only part of the problems; we
        know of these limits:
      </p>
      <ul>
        <li>Charts are images to a screen reader: their figures are in the table beneath each chart.</li>
        <li>
          Documents linked as sources (annual reports, meeting minutes) are PDFs published elsewhere and may not be
          accessible.
        </li>
      </ul>

      <h2 className="heading-l">Feedback and contact information</h2>
      <p>
        If you need information on this website in a different format, or find a problem not listed here, tell the
        Strategic Alliance&rsquo;s data team through your Local Alliance Group or the Board secretariat. We will reply
        within 10 working days. (A public contact address is to be confirmed by the service owner before launch.)
      </p>

      <h2 className="heading-l">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your
        complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2 className="heading-l">Compliance status</h2>
      <p>
        This website is partially compliant with WCAG 2.2 AA, because of the limits listed above. Read{" "}
        <Link to={paths.methodology()}>how the figures are compared</Link> for what every label means.
      </p>

      <h2 className="heading-l">Preparation of this statement</h2>
      <p>This statement was prepared on 22 November 2026. The website is tested on every change to it.</p>
    </article>
  );
}
