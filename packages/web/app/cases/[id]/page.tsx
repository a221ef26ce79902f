"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useQuery } from "urql";
import { CaseFiles } from "../../../components/cases/case-files";
import { CaseMeetings } from "../../../components/cases/case-meetings";
import { CaseTimeline } from "../../../components/cases/case-timeline";
import { CaseUnmetNeeds } from "../../../components/cases/case-unmet-needs";
import { RequestTable } from "../../../components/request-table";
import { useSession } from "../../../components/session";
import { Empty, LoadFailed, Loading } from "../../../components/states";
import { formatDate } from "../../../lib/dates";
import { graphql } from "../../../lib/generated";

const CaseDocument = graphql(`
  query CasePage($id: ID!) {
    case(id: $id) {
      id
      reference
      status
      plan
      openedAt
      closedAt
      closureReason
      area { id name }
      leadProfessional { id name }
      children { id givenName familyName dateOfBirth ageInYears disabled lookedAfter household { name } }
      latestAssessment { id kind completedOn priorityNeeds document { id filename downloadPath } }
      assessments(first: 10) { edges { node { id kind completedOn priorityNeeds } } }
    }
    purchaseRequests(caseId: $id, first: 50) {
      edges { node { ...RequestSummary review { outcomeAchieved recordedAt } } }
    }
  }
`);

export default function CasePage() {
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const { me, label, hasRole } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: CaseDocument, variables: { id: caseId } });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the case" />;
  const theCase = data?.case;
  if (!theCase)
    return (
      <>
        <h1 className="govuk-heading-l">Case not found</h1>
        <p className="govuk-body">It does not exist, or your role does not let you see it.</p>
      </>
    );
  const mine = theCase.leadProfessional?.id === me?.id;
  const open = theCase.status === "OPEN";
  const casePath = `/cases/${encodeURIComponent(theCase.id)}`;
  // Who may hand over or close it (the API decides; this only saves offering what it would refuse):
  // its lead, a co-ordinator of its area, an authority administrator.
  const coordinatesArea = Boolean(
    me?.roles.some((role) => role.role === "APPROVER" && (!role.area || role.area.id === theCase.area.id)),
  );
  const mayManage = open && (mine || coordinatesArea || hasRole("AUTHORITY_ADMIN"));
  const requests = data.purchaseRequests.edges.map((edge) => edge.node);
  const names = theCase.children.map((child) => `${child.givenName} ${child.familyName}`).join(" and ");

  return (
    <>
      <span className="govuk-caption-l">
        Case {theCase.reference} · {theCase.area.name}
      </span>
      <h1 className="govuk-heading-l">{names}</h1>
      {!open && (
        <div className="govuk-inset-text">
          <strong className="govuk-tag govuk-tag--grey">Closed {formatDate(theCase.closedAt)}</strong>
          {theCase.closureReason && <p className="govuk-body govuk-!-margin-top-2">{theCase.closureReason}</p>}
        </div>
      )}

      <h2 className="govuk-heading-m">Child</h2>
      <dl className="govuk-summary-list">
        {theCase.children.map((child) => (
          <div className="govuk-summary-list__row" key={child.id}>
            <dt className="govuk-summary-list__key">
              {child.givenName} {child.familyName}
            </dt>
            <dd className="govuk-summary-list__value">
              Born {formatDate(child.dateOfBirth)} (age {child.ageInYears}){child.disabled ? ", disabled" : ""}
              {child.lookedAfter ? ", looked after" : ""}
              {child.household ? `. ${child.household.name}` : ""}
            </dd>
          </div>
        ))}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Lead professional</dt>
          <dd className="govuk-summary-list__value">{theCase.leadProfessional?.name ?? "None"}</dd>
          {mayManage ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" href={`${casePath}/hand-over`}>
                Hand over<span className="govuk-visually-hidden"> to another lead professional</span>
              </Link>
            </dd>
          ) : (
            <dd className="govuk-summary-list__actions" />
          )}
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Opened</dt>
          <dd className="govuk-summary-list__value">{formatDate(theCase.openedAt)}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Assessment</h2>
      {theCase.latestAssessment ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">
              {theCase.latestAssessment.kind === "CAF" ? "Common assessment (CAF)" : "Specialist assessment"}
            </dt>
            <dd className="govuk-summary-list__value">
              Completed {formatDate(theCase.latestAssessment.completedOn)}
              {theCase.latestAssessment.document && (
                <>
                  {". Form: "}
                  <a className="govuk-link" href={theCase.latestAssessment.document.downloadPath} download>
                    {theCase.latestAssessment.document.filename}
                  </a>
                </>
              )}
              <ol className="govuk-list govuk-list--number govuk-!-margin-top-2">
                {theCase.latestAssessment.priorityNeeds.map((need) => (
                  <li key={need}>{need}</li>
                ))}
              </ol>
            </dd>
          </div>
        </dl>
      ) : (
        <Empty>No assessment yet: a case needs one before it can ask for money.</Empty>
      )}
      {mine && open && (
        <p className="govuk-body">
          <Link className="govuk-link" href={`/cases/${encodeURIComponent(theCase.id)}/assessment`}>
            Record an assessment
          </Link>
        </p>
      )}

      <h2 className="govuk-heading-m">Plan</h2>
      {theCase.plan ? (
        <p className="govuk-body app-preserve-lines">{theCase.plan}</p>
      ) : (
        <Empty>No plan recorded yet.</Empty>
      )}
      {mine && open && (
        <p className="govuk-body">
          <Link className="govuk-link" href={`${casePath}/plan`}>
            {theCase.plan ? "Update the plan" : "Write the plan"}
          </Link>
        </p>
      )}

      <CaseMeetings caseId={theCase.id} recordHref={mine && open ? `${casePath}/meetings/new` : null} />
      <CaseUnmetNeeds caseId={theCase.id} recordHref={mine && open ? `${casePath}/unmet-needs/new` : null} />

      <h2 className="govuk-heading-m">{label("purchaseRequest", "Purchase request")}s</h2>
      {mine && open && theCase.latestAssessment && (
        <Link href={`/cases/${encodeURIComponent(theCase.id)}/requests/new`} className="govuk-button">
          Ask for money
        </Link>
      )}
      {requests.length === 0 ? (
        <Empty>No requests yet.</Empty>
      ) : (
        <RequestTable requests={requests} caption="Requests for this case" />
      )}

      <h2 className="govuk-heading-m">Reviews</h2>
      {requests.filter((request) => request.review).length === 0 ? (
        <Empty>No outcome reviews recorded yet.</Empty>
      ) : (
        <dl className="govuk-summary-list">
          {requests
            .filter((request) => request.review)
            .map((request) => (
              <div className="govuk-summary-list__row" key={request.id}>
                <dt className="govuk-summary-list__key">{request.reference}</dt>
                <dd className="govuk-summary-list__value">
                  {request.review?.outcomeAchieved} ({formatDate(request.review?.recordedAt)})
                </dd>
              </div>
            ))}
        </dl>
      )}

      <CaseFiles caseId={theCase.id} />

      <CaseTimeline caseId={theCase.id} />

      {mayManage && (
        <>
          <h2 className="govuk-heading-m">Hand over or close</h2>
          <div className="govuk-button-group">
            <Link href={`${casePath}/hand-over`} className="govuk-button govuk-button--secondary">
              Hand over the case
            </Link>
            <Link href={`${casePath}/close`} className="govuk-button govuk-button--warning">
              Close the case
            </Link>
          </div>
        </>
      )}
    </>
  );
}
