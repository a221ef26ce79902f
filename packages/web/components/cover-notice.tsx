"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { formatDate, today } from "../lib/dates";
import { graphql } from "../lib/generated";
import { useSession } from "./session";

const CoverNoticeDocument = graphql(`
  query CoverNotice {
    myCover { startsOn endsOn delegator { id name } delegate { id name } }
  }
`);

/** Above an approver's queue: whose decisions they are covering today, who covers theirs, and where to arrange it. */
export function CoverNotice() {
  const { me } = useSession();
  const [{ data }] = useQuery({ query: CoverNoticeDocument });
  const inForce = (data?.myCover ?? []).filter((cover) => cover.startsOn <= today());
  const covering = inForce.filter((cover) => cover.delegate.id === me?.id);
  const coveredBy = inForce.filter((cover) => cover.delegator.id === me?.id);
  return (
    <div className="govuk-inset-text">
      {covering.map((cover) => (
        <p className="govuk-body" key={`covering-${cover.delegator.id}-${cover.startsOn}`}>
          You are covering {cover.delegator.name}'s decisions until {formatDate(cover.endsOn)}: their requests are in
          this queue.
        </p>
      ))}
      {coveredBy.map((cover) => (
        <p className="govuk-body" key={`covered-${cover.delegate.id}-${cover.startsOn}`}>
          {cover.delegate.name} is covering your decisions until {formatDate(cover.endsOn)}.
        </p>
      ))}
      <p className="govuk-body govuk-!-margin-bottom-0">
        Going on leave?{" "}
        <Link className="govuk-link" href="/decisions/cover">
          Arrange cover for your decisions
        </Link>
      </p>
    </div>
  );
}
