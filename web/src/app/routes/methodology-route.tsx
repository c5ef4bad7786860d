import { Link } from "react-router";
import { paths } from "../../lib/paths.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";

/** How every comparison, interval, rank and suppression on the dashboard is made. */
export default function MethodologyRoute() {
  useDocumentTitle("Methodology");
  return (
    <article className="prose">
      <h1 className="heading-xl">How the figures are compared</h1>
      <p className="lead">
        The methods behind every verdict, interval, rank and hidden figure on Plan Outcomes, so that a figure can be
        checked rather than doubted.
      </p>

      <nav aria-label="On this page">
        <ul>
          <li>
            <a href="#intervals">Confidence intervals</a>
          </li>
          <li>
            <a href="#significance">Better, similar or worse than England</a>
          </li>
          <li>
            <a href="#not-compared">When figures are not compared</a>
          </li>
          <li>
            <a href="#change">Change since the last period</a>
          </li>
          <li>
            <a href="#ranks">Ranks and quartiles</a>
          </li>
          <li>
            <a href="#neighbours">Statistical neighbours</a>
          </li>
          <li>
            <a href="#targets">Targets</a>
          </li>
          <li>
            <a href="#suppression">Small numbers and suppression</a>
          </li>
          <li>
            <a href="#deprivation">Deprivation of a locality</a>
          </li>
          <li>
            <a href="#symbols">Symbols and labels</a>
          </li>
        </ul>
      </nav>

      <h2 className="heading-l" id="intervals">
        Confidence intervals
      </h2>
      <p>
        Every figure built from a count has a 95% confidence interval: the range the underlying rate probably lies in,
        given chance variation in small numbers. We use the methods of the Office for Health Improvement and
        Disparities&rsquo; Fingertips tool (z = 1.959964):
      </p>
      <ul>
        <li>
          <strong>Percentages and proportions</strong>: the Wilson score interval. For example 129 of 209 care leavers
          in education, employment or training gives 61.7%, with an interval of 54.98% to 68.04%.
        </li>
        <li>
          <strong>Rates and counts</strong>: Byar&rsquo;s method, or the exact Poisson interval when there are fewer
          than 10 events.
        </li>
        <li>Where a publisher gives its own interval, we show that one.</li>
      </ul>

      <h2 className="heading-l" id="significance">
        Better, similar or worse than England
      </h2>
      <p>
        An area is <strong>similar</strong> to England when England&rsquo;s value lies inside the area&rsquo;s 95%
        interval (touching a limit counts as similar). Otherwise it is <strong>better</strong> or <strong>worse</strong>
        , according to whether a higher value is better for that indicator, or <strong>higher</strong> or{" "}
        <strong>lower</strong> where neither direction is better. Each verdict is shown in words and with a shape (▲
        better, ● similar, ▼ worse), never by colour alone.
      </p>

      <h2 className="heading-l" id="not-compared">
        When figures are not compared
      </h2>
      <p>
        Some figures are published as rates only, without the numerator and denominator behind them (most of the Local
        Authority Interactive Tool&rsquo;s). We do not invent denominators: those figures say{" "}
        <strong>not compared</strong> and show the difference from England without a verdict. Overall absence is a rate
        over school sessions that are not independent of each other, so it has no interval and no verdict either.
      </p>

      <h2 className="heading-l" id="change">
        Change since the last period
      </h2>
      <p>
        &ldquo;Change since&rdquo; is the plain difference between the latest figure and the one before it. It is a
        change, not a tested trend: a trend is only tested statistically with five or more consecutive points, and Plan
        Outcomes does not yet claim one.
      </p>

      <h2 className="heading-l" id="ranks">
        Ranks and quartiles
      </h2>
      <p>
        A council&rsquo;s rank places it among the English councils with a published figure for the same period: 1st is
        the best, or the highest where neither direction is better, and councils with the same value share the better
        position. Quartiles split the ordered councils into four equal groups (top, second, third and bottom). A rank is
        a position, <strong>not a statistical test</strong>: councils a few places apart may not differ at all.
        Provisional figures are never ranked.
      </p>

      <h2 className="heading-l" id="neighbours">
        Statistical neighbours
      </h2>
      <p>
        Dorset&rsquo;s statistical neighbours are the ten councils the Department for Education judged most similar to
        it (April 2021 groupings). We show the median of those with a figure for the same period, and say how many that
        was.
      </p>

      <h2 className="heading-l" id="targets">
        Targets
      </h2>
      <p>
        A target is set for an area by a period. The latest figure is read against the first target due on or after its
        period: <strong>met</strong> when the figure is at or beyond the target in the better direction,{" "}
        <strong>not yet met</strong> while the target&rsquo;s period is still to come, and <strong>missed</strong> once
        it has passed. Targets on indicators with no better direction are shown but not judged.
      </p>

      <h2 className="heading-l" id="suppression">
        Small numbers and suppression
      </h2>
      <p>
        Figures about a few children could identify them. As the Department for Education does for children&rsquo;s
        social care, a count of 1 to 5 (or the threshold set for the indicator) is hidden, with any rate built on it,
        and shown as <strong>c: suppressed</strong>. This applies to the figures we work out for localities and LAG
        areas; council, regional and England figures are published already protected.
      </p>
      <p>
        A hidden figure must not be worked out by subtraction, so a second figure is hidden too (secondary suppression),
        each time saying why:
      </p>
      <ul>
        <li>
          among areas: where one locality&rsquo;s figure is hidden, the next-smallest locality (or LAG area) for the
          same indicator, period and group of children is hidden as well, so the total for the whole area cannot give it
          away;
        </li>
        <li>
          among the groups of a breakdown: where one group of an area&rsquo;s breakdown is hidden (for example its
          boys), the next-smallest group of the same breakdown (its girls) is hidden as well, so the area&rsquo;s total
          less the groups shown cannot give it away. The area&rsquo;s own total stays shown.
        </li>
      </ul>
      <p>
        One hidden figure can lead to another, in either direction, until no total gives any hidden figure away. Hidden
        figures are never drawn as zero, and the same figures are hidden in every view and download.
      </p>

      <h2 className="heading-l" id="deprivation">
        Deprivation of a locality
      </h2>
      <p>
        Localities and LAG areas are not official geographies, so no deprivation figure is published for them. Plan
        Outcomes builds one from the English Indices of Deprivation 2019: each LSOA (small area of about 1,500 people)
        has a national rank, 1 being the most deprived of England&rsquo;s 32,844. An area&rsquo;s figure is the average
        rank of the LSOAs that the locality lookup places in it, weighted by their population where the lookup gives it
        (otherwise each LSOA counts equally). A lower average means a more deprived area. It is an average of ranks, not
        an official score, and it is used only to place areas against each other in the profile&rsquo;s scatter chart,
        where a pattern is an association, never a cause.
      </p>
      <p>
        Which LSOAs form each locality is not published. Until analysts load the council&rsquo;s own lookup, the one
        used places each LSOA by the name of its 2011 district, so every figure built from it is marked{" "}
        <strong>illustrative</strong>. A lookup is dated: an area that has ended, such as the Chesil LAG, is built from
        the LSOAs it had on its last day.
      </p>

      <h2 className="heading-l" id="symbols">
        Symbols and labels
      </h2>
      <dl className="definition-list">
        <dt>c</dt>
        <dd>Suppressed to protect confidentiality.</dd>
        <dt>x</dt>
        <dd>Not available.</dd>
        <dt>z</dt>
        <dd>Not applicable.</dd>
        <dt>low</dt>
        <dd>Rounds to 0, but is not 0.</dd>
        <dt>u</dt>
        <dd>Low reliability.</dd>
        <dt>Provisional</dt>
        <dd>Not yet published; seen only by analysts and the leads of the area.</dd>
        <dt>Revised</dt>
        <dd>Changed since it was first published; earlier versions are kept.</dd>
        <dt>Illustrative</dt>
        <dd>An example figure for a locality, not a published statistic.</dd>
        <dt>Disputed</dt>
        <dd>Questioned in a meeting or by a reader; see the note beside it.</dd>
      </dl>

      <p>
        Questions about a figure or a method: see the <Link to={paths.accessibility()}>accessibility statement</Link>{" "}
        for how to contact the team.
      </p>
    </article>
  );
}
