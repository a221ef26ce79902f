"use client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import Link from "next/link";
import { type FormEvent, type ReactNode, useState } from "react";
import { type AnyVariables, useMutation } from "urql";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../lib/api-errors";
import { graphql } from "../lib/generated";
import type { DecisionChoice, RequestDetailFragment } from "../lib/generated/graphql";
import { formatPence, parsePounds, penceToPounds } from "../lib/money";
import { rootFieldResult } from "../lib/operation-result";
import { ecmOutcomeWords } from "../lib/purchase-words";
import { useUploadAttachment } from "../lib/upload-attachment";
import { ErrorSummary } from "./error-summary";
import { Checkboxes, FileUpload, MoneyInput, Radios, Textarea, TextInput } from "./form-fields";
import { useSession } from "./session";

const DecideDocument = graphql(`
  mutation Decide($id: ID!, $decision: DecisionChoice!, $note: String) {
    decidePurchaseRequest(id: $id, decision: $decision, note: $note) {
      __typename
      ... on MutationDecidePurchaseRequestSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const FulfilDocument = graphql(`
  mutation Fulfil($id: ID!, $input: FulfilmentInput!) {
    recordFulfilment(id: $id, input: $input) {
      __typename
      ... on MutationRecordFulfilmentSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ReceiptDocument = graphql(`
  mutation RecordReceipt($id: ID!, $input: ReceiptInput!) {
    recordReceipt(id: $id, input: $input) {
      __typename
      ... on MutationRecordReceiptSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ReturnUnspentDocument = graphql(`
  mutation ReturnUnspent($id: ID!, $amount: Pence!) {
    returnUnspent(id: $id, amount: $amount) {
      __typename
      ... on MutationReturnUnspentSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ReconcileDocument = graphql(`
  mutation Reconcile($id: ID!) {
    reconcilePurchaseRequest(id: $id) {
      __typename
      ... on MutationReconcilePurchaseRequestSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ReviewDocument = graphql(`
  mutation RecordReview($id: ID!, $input: ReviewInput!) {
    recordReview(id: $id, input: $input) {
      __typename
      ... on MutationRecordReviewSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const SubmitDocument = graphql(`
  mutation SubmitFromPage($id: ID!) {
    submitPurchaseRequest(id: $id) {
      __typename
      ... on MutationSubmitPurchaseRequestSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
      ... on RulesBrokenError { message violations { code field message } }
    }
  }
`);

const WithdrawDocument = graphql(`
  mutation Withdraw($id: ID!, $reason: String!) {
    withdrawPurchaseRequest(id: $id, reason: $reason) {
      __typename
      ... on MutationWithdrawPurchaseRequestSuccess { data { ...RequestDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

type Outcome = { __typename: string } & Record<string, unknown>;

/** Runs one action's mutation; the errors it returns stay beside the form's fields. */
function useAction<Variables extends AnyVariables>(document: TypedDocumentNode<any, Variables>) {
  const [{ fetching }, run] = useMutation(document);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  async function perform(variables: Variables, problems: FieldError[] = []): Promise<boolean> {
    if (problems.length) {
      setErrors(problems);
      return false;
    }
    const result = await run(variables);
    const outcome = rootFieldResult<Outcome>(document, result.data);
    if (outcome?.__typename.endsWith("Success")) {
      setErrors([]);
      setDone(true);
      return true;
    }
    setErrors(outcome ? errorsOf(outcome as never) : networkErrorMessage(result.error));
    return false;
  }
  return { fetching, errors, done, perform, error: (field: string) => errorFor(errors, field) };
}

function ActionSection({
  title,
  children,
  errors,
  done,
}: {
  title: string;
  children: ReactNode;
  errors: FieldError[];
  /** Said once the action has succeeded, while the form stays for another go (receipts). */
  done?: string | false;
}) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-label={title}>
      <h2 className="govuk-heading-m">{title}</h2>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="govuk-inset-text" role="status">
          {done}
        </div>
      )}
      {children}
    </section>
  );
}

function DecideForm({ request }: { request: RequestDetailFragment }) {
  const { label } = useSession();
  const action = useAction(DecideDocument);
  const [decision, setDecision] = useState<DecisionChoice | "">("");
  const [note, setNote] = useState("");
  const can = request.viewerCan;
  const options = [
    can.approve.allowed && { value: "APPROVE", label: "Approve", hint: "" },
    can.returnForChanges.allowed && {
      value: "RETURN_FOR_CHANGES",
      label: "Return for changes",
      hint: "Say what needs to change.",
    },
    can.reject.allowed && { value: "REJECT", label: "Reject", hint: "Say why." },
  ].filter(Boolean) as { value: string; label: string; hint: string }[];
  const available = request.budget.available.pence;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!decision) problems.push({ field: "decision", message: "Choose a decision" });
    if (decision && decision !== "APPROVE" && !note.trim())
      problems.push({ field: "note", message: "Write a note saying why" });
    await action.perform({ id: request.id, decision: decision as DecisionChoice, note: note.trim() || null }, problems);
  }
  return (
    <ActionSection
      title={`Your decision${request.currentStep ? ` as ${request.currentStep.label}` : ` as ${label("APPROVER", "approver")}`}`}
      errors={action.errors}
    >
      <div className="govuk-inset-text">
        Approving commits {request.total.formatted} from {request.budget.name}: {request.budget.available.formatted} is
        available now, so{" "}
        {available >= request.total.pence
          ? `${formatPence(available - request.total.pence)} would be left.`
          : `it is ${formatPence(request.total.pence - available)} short.`}
      </div>
      <form onSubmit={submit} noValidate>
        <Radios
          name="decision"
          label="Decision"
          value={decision}
          onChange={(value) => setDecision(value as DecisionChoice)}
          options={options}
          error={action.error("decision")}
        />
        <Textarea
          name="note"
          label="Note"
          hint="Shown to the lead professional and kept with the decision."
          value={note}
          onChange={setNote}
          error={action.error("note")}
        />
        <button type="submit" className="govuk-button" disabled={action.fetching}>
          Record the decision
        </button>
      </form>
    </ActionSection>
  );
}

function FulfilForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(FulfilDocument);
  const cash = request.route === "CASH";
  const [orderReference, setOrderReference] = useState("");
  const [cashIssued, setCashIssued] = useState(penceToPounds(request.total.pence));
  const [signedBy, setSignedBy] = useState(request.requester.name);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (cash && parsePounds(cashIssued) === null)
      problems.push({ field: "cashIssued", message: "Enter the cash issued in pounds, like 150 or 150.00" });
    await action.perform(
      {
        id: request.id,
        input: cash
          ? { cashIssued: parsePounds(cashIssued), cashSignedForBy: signedBy.trim() }
          : { orderReference: orderReference.trim() },
      },
      problems,
    );
  }
  return (
    <ActionSection title={cash ? "Issue the cash" : "Place the order"} errors={action.errors}>
      <form onSubmit={submit} noValidate>
        {cash ? (
          <>
            <MoneyInput
              name="cashIssued"
              label="Cash issued"
              value={cashIssued}
              onChange={setCashIssued}
              error={action.error("cashIssued")}
            />
            <TextInput
              name="cashSignedForBy"
              label="Signed for by"
              value={signedBy}
              onChange={setSignedBy}
              error={action.error("cashSignedForBy")}
            />
          </>
        ) : (
          <TextInput
            name="orderReference"
            label="Order reference"
            value={orderReference}
            onChange={setOrderReference}
            error={action.error("orderReference")}
          />
        )}
        <button type="submit" className="govuk-button" disabled={action.fetching}>
          {cash ? "Record the cash issued" : "Record the order"}
        </button>
      </form>
    </ActionSection>
  );
}

function ReceiptForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(ReceiptDocument);
  const [amount, setAmount] = useState("");
  const [description, setDescription] = useState("");
  const [file, setFile] = useState<File | null>(null);
  // A new file input after each receipt recorded: the browser keeps a chosen file otherwise.
  const [fileInputKey, setFileInputKey] = useState(0);
  const { uploading, uploadFile } = useUploadAttachment();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const pence = parsePounds(amount);
    const problems =
      pence === null ? [{ field: "amount", message: "Enter the receipt's amount in pounds, like 42.99" }] : [];
    if (problems.length) return action.perform({ id: request.id, input: { amount: 0 } }, problems);
    // The file goes first, so the receipt can point at it; its problems (type, size) show beside it.
    let attachmentId: string | null = null;
    if (file) {
      const upload = await uploadFile(file, "RECEIPT", "attachmentId");
      if (!upload.attachmentId) return action.perform({ id: request.id, input: { amount: 0 } }, upload.errors);
      attachmentId = upload.attachmentId;
    }
    if (
      await action.perform({
        id: request.id,
        input: { amount: pence ?? 0, description: description.trim() || null, attachmentId },
      })
    ) {
      setAmount("");
      setDescription("");
      setFile(null);
      setFileInputKey((key) => key + 1);
    }
  }
  return (
    <ActionSection
      title={request.route === "CASH" ? "Record a receipt" : "Record the invoice"}
      errors={action.errors}
      done={action.done && "Receipt recorded. Record another if there is one."}
    >
      <form onSubmit={submit} noValidate>
        <MoneyInput name="amount" label="Amount" value={amount} onChange={setAmount} error={action.error("amount")} />
        <TextInput
          name="description"
          label="What it was for"
          value={description}
          onChange={setDescription}
          error={action.error("description")}
        />
        <FileUpload
          key={fileInputKey}
          name="attachmentId"
          label={request.route === "CASH" ? "A photo or scan of the receipt (optional)" : "The invoice (optional)"}
          hint="A PDF, PNG or JPEG file."
          accept=".pdf,.png,.jpg,.jpeg"
          onChange={setFile}
          error={action.error("attachmentId")}
        />
        <button type="submit" className="govuk-button" disabled={action.fetching || uploading}>
          Record the receipt
        </button>
      </form>
    </ActionSection>
  );
}

function ReturnUnspentForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(ReturnUnspentDocument);
  const spent = request.receipts.reduce((sum, receipt) => sum + receipt.amount.pence, 0);
  const change = Math.max(0, (request.cashIssued?.pence ?? 0) - spent);
  const [amount, setAmount] = useState(change ? penceToPounds(change) : "");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const pence = parsePounds(amount);
    const problems =
      pence === null ? [{ field: "amount", message: "Enter the cash handed back in pounds, like 7.50" }] : [];
    await action.perform({ id: request.id, amount: pence ?? 0 }, problems);
  }
  return (
    <ActionSection
      title="Hand back unspent cash"
      errors={action.errors}
      done={action.done && "The cash handed back is recorded and back in the budget."}
    >
      <p className="govuk-body">
        Cash issued {request.cashIssued?.formatted ?? "£0.00"}; receipts so far {formatPence(spent)}.
      </p>
      <form onSubmit={submit} noValidate>
        <MoneyInput
          name="returned-amount"
          label="Cash handed back"
          value={amount}
          onChange={setAmount}
          error={action.error("amount")}
        />
        <button type="submit" className="govuk-button" disabled={action.fetching}>
          Record the cash handed back
        </button>
      </form>
    </ActionSection>
  );
}

function ReconcileForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(ReconcileDocument);
  return (
    <ActionSection title="Reconcile" errors={action.errors}>
      <p className="govuk-body">
        Closes the money side: receipts and any change are in; an order's unused money goes back to the budget.
      </p>
      <button
        type="button"
        className="govuk-button"
        disabled={action.fetching}
        onClick={() => action.perform({ id: request.id })}
      >
        Reconcile this request
      </button>
    </ActionSection>
  );
}

function ReviewForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(ReviewDocument);
  const [outcomeAchieved, setOutcomeAchieved] = useState("");
  const [ecmAchieved, setEcmAchieved] = useState<string[]>([]);
  const [familyComments, setFamilyComments] = useState("");
  const [otherNotes, setOtherNotes] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = outcomeAchieved.trim()
      ? []
      : [{ field: "outcomeAchieved", message: "Say what difference the purchase made" }];
    await action.perform(
      {
        id: request.id,
        input: {
          outcomeAchieved: outcomeAchieved.trim(),
          ecmAchieved: ecmAchieved as never,
          familyComments: familyComments.trim() || null,
          otherNotes: otherNotes.trim() || null,
        },
      },
      problems,
    );
  }
  return (
    <ActionSection title="Record the outcome review" errors={action.errors}>
      {request.reviewDueOn && <p className="govuk-body">Due by {request.reviewDueOn}.</p>}
      <form onSubmit={submit} noValidate>
        <Textarea
          name="outcomeAchieved"
          label="What difference did it make?"
          value={outcomeAchieved}
          onChange={setOutcomeAchieved}
          error={action.error("outcomeAchieved")}
        />
        <Checkboxes
          name="ecmAchieved"
          label="Outcomes achieved"
          small
          values={ecmAchieved}
          onChange={setEcmAchieved}
          options={Object.entries(ecmOutcomeWords).map(([value, label]) => ({ value, label }))}
          error={action.error("ecmAchieved")}
        />
        <Textarea
          name="familyComments"
          label="The family's comments"
          value={familyComments}
          onChange={setFamilyComments}
          error={action.error("familyComments")}
        />
        <Textarea
          name="otherNotes"
          label="Other notes"
          value={otherNotes}
          onChange={setOtherNotes}
          error={action.error("otherNotes")}
        />
        <button type="submit" className="govuk-button" disabled={action.fetching}>
          Record the review
        </button>
      </form>
    </ActionSection>
  );
}

function SubmitForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(SubmitDocument);
  return (
    <ActionSection title="Submit for a decision" errors={action.errors}>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          disabled={action.fetching}
          onClick={() => action.perform({ id: request.id })}
        >
          Submit the request
        </button>
        {request.viewerCan.edit.allowed && (
          <Link className="govuk-link" href={`/requests/${encodeURIComponent(request.id)}/edit`}>
            Change the request
          </Link>
        )}
      </div>
    </ActionSection>
  );
}

function WithdrawForm({ request }: { request: RequestDetailFragment }) {
  const action = useAction(WithdrawDocument);
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="govuk-button govuk-button--warning" onClick={() => setOpen(true)}>
        Withdraw this request
      </button>
    );
  return (
    <ActionSection title="Withdraw this request" errors={action.errors}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          action.perform(
            { id: request.id, reason: reason.trim() },
            reason.trim() ? [] : [{ field: "reason", message: "Say why it is withdrawn" }],
          );
        }}
        noValidate
      >
        <Textarea name="reason" label="Why?" value={reason} onChange={setReason} error={action.error("reason")} />
        <button type="submit" className="govuk-button govuk-button--warning" disabled={action.fetching}>
          Withdraw
        </button>
      </form>
    </ActionSection>
  );
}

/** Every action this person may take on the request now, as the API's `viewerCan` says. */
export function RequestActions({ request }: { request: RequestDetailFragment }) {
  const can = request.viewerCan;
  const deciding = can.approve.allowed || can.reject.allowed || can.returnForChanges.allowed;
  return (
    <>
      {can.submit.allowed && <SubmitForm request={request} />}
      {deciding && <DecideForm request={request} />}
      {can.fulfil.allowed && <FulfilForm request={request} />}
      {can.recordReceipt.allowed && <ReceiptForm request={request} />}
      {can.returnUnspent.allowed && request.route === "CASH" && <ReturnUnspentForm request={request} />}
      {can.reconcile.allowed && <ReconcileForm request={request} />}
      {can.recordReview.allowed && <ReviewForm request={request} />}
      {can.withdraw.allowed && <WithdrawForm request={request} />}
    </>
  );
}
