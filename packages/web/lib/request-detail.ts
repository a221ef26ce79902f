import { graphql } from "./generated";

/** Everything the request page shows and acts on; every action returns it, so the page updates in place. */
export const RequestDetail = graphql(`
  fragment RequestDetail on PurchaseRequest {
    id
    reference
    status
    route
    extensions
    intendedOutcomes
    otherFundingExplanation
    ecmOutcomes
    createdAt
    submittedAt
    decidedAt
    fulfilledAt
    reconciledAt
    closedAt
    receiptsDueOn
    reviewDueOn
    orderReference
    cashSignedForBy
    cashIssued { pence formatted }
    matchedFunding { pence formatted }
    total { pence formatted }
    requester { id name }
    budget { id name scheme available { pence formatted } committed { pence formatted } spent { pence formatted } }
    case { id reference area { id name } children { id givenName familyName ageInYears } latestAssessment { id priorityNeeds } }
    items { description category quantity unitCost { formatted } lineTotal { formatted } supplier { id name } }
    currentStep { label round position }
    steps { label position round status }
    decisions { outcome note decidedAt role decider { id name } onBehalfOf { id name } }
    history { from to at note actor { id name } }
    receipts { amount { pence formatted } description createdAt attachment { id filename size downloadPath } }
    review { outcomeAchieved ecmAchieved familyComments otherNotes recordedAt }
    viewerCan {
      approve { allowed reason }
      reject { allowed reason }
      returnForChanges { allowed reason }
      edit { allowed reason }
      submit { allowed reason }
      withdraw { allowed reason }
      fulfil { allowed reason }
      recordReceipt { allowed reason }
      returnUnspent { allowed reason }
      reconcile { allowed reason }
      recordReview { allowed reason }
    }
  }
`);
