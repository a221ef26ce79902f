"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorFor, errorsOf, type FieldError, fieldId, networkErrorMessage } from "../lib/api-errors";
import { graphql } from "../lib/generated";
import type { EcmOutcome, PurchaseCategory, PurchaseRoute, RequestFormRequestFragment } from "../lib/generated/graphql";
import { formatPence, parsePounds, penceToPounds } from "../lib/money";
import { categoryWords, ecmOutcomeWords, routeWords } from "../lib/purchase-words";
import { type PortalField, readPath, schemePortal, writePath } from "../lib/scheme-portal";
import { ErrorSummary } from "./error-summary";
import { Checkboxes, MoneyInput, Radios, Select, SingleCheckbox, Textarea, TextInput } from "./form-fields";
import { LoadFailed, Loading } from "./states";

export const RequestFormRequest = graphql(`
  fragment RequestFormRequest on PurchaseRequest {
    id
    status
    route
    extensions
    intendedOutcomes
    otherFundingExplanation
    ecmOutcomes
    matchedFunding { pence }
    budget { id }
    items { description category quantity unitCost { pence } supplier { id } }
  }
`);

const RequestFormContextDocument = graphql(`
  query RequestFormContext($caseId: ID!) {
    case(id: $caseId) {
      id
      reference
      area { id name }
      children { id givenName familyName }
      latestAssessment { id priorityNeeds }
    }
    budgets(first: 50, status: OPEN) {
      edges { node { id name scheme area { id } available { pence formatted } } }
    }
    schemes { id name enabled portal }
    suppliers(first: 100) { edges { node { id name preferred } } }
  }
`);

export const RequestResult = graphql(`
  fragment RequestResult on PurchaseRequest {
    id
    status
    reference
    total { pence formatted }
    budget { id available { pence formatted } committed { pence formatted } }
  }
`);

const CreateRequestDocument = graphql(`
  mutation CreateRequest($input: CreatePurchaseRequestInput!) {
    createPurchaseRequest(input: $input) {
      __typename
      ... on MutationCreatePurchaseRequestSuccess { data { ...RequestResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const UpdateRequestDocument = graphql(`
  mutation UpdateRequest($id: ID!, $input: UpdatePurchaseRequestInput!) {
    updatePurchaseRequest(id: $id, input: $input) {
      __typename
      ... on MutationUpdatePurchaseRequestSuccess { data { ...RequestResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const SubmitRequestDocument = graphql(`
  mutation SubmitRequest($id: ID!) {
    submitPurchaseRequest(id: $id) {
      __typename
      ... on MutationSubmitPurchaseRequestSuccess { data { ...RequestResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
      ... on RulesBrokenError { message violations { code field message } }
    }
  }
`);

interface ItemState {
  /** Stable across removals, for React's key. */
  key: number;
  description: string;
  category: PurchaseCategory | "";
  unitCost: string;
  quantity: string;
  supplierId: string;
}

let nextItemKey = 0;
const blankItem = (): ItemState => ({
  key: nextItemKey++,
  description: "",
  category: "",
  unitCost: "",
  quantity: "1",
  supplierId: "",
});

type ExtensionValues = Record<string, string | boolean>;

function extensionValuesFrom(fields: PortalField[], stored: Record<string, unknown>): ExtensionValues {
  const values: ExtensionValues = {};
  for (const field of fields) {
    const value = readPath(stored, field.name);
    if (field.kind === "checkbox") values[field.name] = value === true;
    else if (field.kind === "pence") values[field.name] = typeof value === "number" ? penceToPounds(value) : "";
    else if (field.kind === "list") values[field.name] = Array.isArray(value) ? value.join("\n") : "";
    else values[field.name] = typeof value === "string" ? value : "";
  }
  return values;
}

function extensionFrom(fields: PortalField[], values: ExtensionValues): Record<string, unknown> {
  let extension: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "checkbox") extension = writePath(extension, field.name, value === true);
    else if (typeof value !== "string" || !value.trim()) continue;
    else if (field.kind === "pence") extension = writePath(extension, field.name, parsePounds(value));
    else if (field.kind === "list")
      extension = writePath(
        extension,
        field.name,
        value
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      );
    else extension = writePath(extension, field.name, value.trim());
  }
  return extension;
}

/**
 * The purchase request form: the scheme's rules in words and the budget left beside it, the
 * scheme's own sections from its portal contribution, and every problem shown at its field.
 * A draft is saved first and then submitted; if the scheme refuses it, the draft and everything
 * typed stay on the form.
 */
export function RequestForm({ caseId, existing }: { caseId: string; existing?: RequestFormRequestFragment }) {
  const router = useRouter();
  const [{ data, fetching, error: loadError }] = useQuery({ query: RequestFormContextDocument, variables: { caseId } });
  const [draftId, setDraftId] = useState(existing?.id ?? null);
  const [budgetId, setBudgetId] = useState(existing?.budget.id ?? "");
  const [route, setRoute] = useState<PurchaseRoute>(existing?.route ?? "SUPPLIER_ORDER");
  const [items, setItems] = useState<ItemState[]>(
    existing?.items.length
      ? existing.items.map((item) => ({
          key: nextItemKey++,
          description: item.description,
          category: item.category,
          unitCost: penceToPounds(item.unitCost.pence),
          quantity: String(item.quantity),
          supplierId: item.supplier?.id ?? "",
        }))
      : [blankItem()],
  );
  const [intendedOutcomes, setIntendedOutcomes] = useState(existing?.intendedOutcomes ?? "");
  const [otherFunding, setOtherFunding] = useState(existing?.otherFundingExplanation ?? "");
  const [matchedFunding, setMatchedFunding] = useState(
    existing?.matchedFunding.pence ? penceToPounds(existing.matchedFunding.pence) : "",
  );
  const [ecmOutcomes, setEcmOutcomes] = useState<string[]>(existing?.ecmOutcomes ?? []);
  const [extensionValues, setExtensionValues] = useState<ExtensionValues | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateRequestDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateRequestDocument);
  const [{ fetching: submitting }, submitRequest] = useMutation(SubmitRequestDocument);

  if (loadError && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the form" />;
  const theCase = data?.case;
  if (!theCase) return <p className="govuk-body">This case does not exist, or your role does not let you see it.</p>;

  const enabledSchemes = new Map(
    (data?.schemes ?? []).filter((scheme) => scheme.enabled).map((scheme) => [scheme.id, scheme]),
  );
  const budgets = (data?.budgets.edges ?? [])
    .map((edge) => edge.node)
    .filter(
      (budget) =>
        (!budget.area || budget.area.id === theCase.area.id) &&
        (budget.scheme === "core" || enabledSchemes.has(budget.scheme)),
    );
  const chosenBudgetId = budgetId || budgets[0]?.id || "";
  const budget = budgets.find((candidate) => candidate.id === chosenBudgetId);
  const scheme = budget ? enabledSchemes.get(budget.scheme) : undefined;
  const portal = schemePortal(scheme?.portal);
  const schemeFields = portal.requestFormSections.flatMap((section) => section.fields);
  const stored =
    (existing?.extensions as Record<string, Record<string, unknown>> | undefined)?.[budget?.scheme ?? ""] ?? {};
  const extensionState = extensionValues ?? extensionValuesFrom(schemeFields, stored);
  const word = (key: string, fallback: string) => portal.labels[key] ?? fallback;

  const itemTotals = items.map(
    (item) => (parsePounds(item.unitCost) ?? 0) * Math.max(0, Number.parseInt(item.quantity, 10) || 0),
  );
  const total = itemTotals.reduce((sum, value) => sum + value, 0);
  const available = budget?.available.pence ?? 0;

  const setItem = (index: number, change: Partial<ItemState>) =>
    setItems(items.map((item, at) => (at === index ? { ...item, ...change } : item)));

  /** Problems a person can see before the API is asked: amounts that are not money. */
  function formProblems(): FieldError[] {
    const problems: FieldError[] = [];
    if (!chosenBudgetId) problems.push({ field: "budgetId", message: "Choose the budget to ask from" });
    items.forEach((item, index) => {
      if (!item.description.trim())
        problems.push({ field: `items.${index}.description`, message: `Say what item ${index + 1} is` });
      if (!item.category)
        problems.push({ field: `items.${index}.category`, message: `Choose what kind of help item ${index + 1} is` });
      if (parsePounds(item.unitCost) === null)
        problems.push({
          field: `items.${index}.unitCost`,
          message: `Enter item ${index + 1}'s cost in pounds, like 120 or 120.50`,
        });
      if (!/^[1-9]\d*$/.test(item.quantity.trim()))
        problems.push({
          field: `items.${index}.quantity`,
          message: `Enter how many of item ${index + 1}, a whole number`,
        });
    });
    if (matchedFunding.trim() && parsePounds(matchedFunding) === null)
      problems.push({
        field: "matchedFunding",
        message: "Enter the family's contribution in pounds, like 20 or 20.50",
      });
    return problems;
  }

  function input() {
    return {
      budgetId: chosenBudgetId,
      route,
      items: items.map((item) => ({
        description: item.description.trim(),
        category: item.category as PurchaseCategory,
        unitCost: parsePounds(item.unitCost) ?? 0,
        quantity: Number.parseInt(item.quantity, 10),
        supplierId: item.supplierId || null,
      })),
      intendedOutcomes: intendedOutcomes.trim(),
      otherFundingExplanation: otherFunding.trim(),
      matchedFunding: parsePounds(matchedFunding) ?? 0,
      ecmOutcomes: ecmOutcomes as EcmOutcome[],
      extensions: budget && schemeFields.length ? { [budget.scheme]: extensionFrom(schemeFields, extensionState) } : {},
    };
  }

  /** Saves the draft (creating it the first time); its id, or null with the errors shown. */
  async function save(): Promise<string | null> {
    const problems = formProblems();
    if (problems.length) {
      setErrors(problems);
      return null;
    }
    if (draftId) {
      const result = await update({ id: draftId, input: input() });
      const outcome = result.data?.updatePurchaseRequest;
      if (outcome?.__typename === "MutationUpdatePurchaseRequestSuccess") return draftId;
      setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
      return null;
    }
    const result = await create({ input: { caseId, ...input() } });
    const outcome = result.data?.createPurchaseRequest;
    if (outcome?.__typename === "MutationCreatePurchaseRequestSuccess") {
      setDraftId(outcome.data.id);
      return outcome.data.id;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const id = await save();
    if (!id) return;
    const result = await submitRequest({ id });
    const outcome = result.data?.submitPurchaseRequest;
    if (outcome?.__typename === "MutationSubmitPurchaseRequestSuccess")
      return router.push(`/requests/${encodeURIComponent(id)}`);
    setSaved("Your draft is saved. Put the problems right and submit it again.");
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  async function saveDraft() {
    setSaved(null);
    const id = await save();
    if (id) {
      setErrors([]);
      setSaved("Your draft is saved. You can come back to it from your home page.");
    }
  }

  const error = (field: string) => errorFor(errors, field);
  const names = theCase.children.map((child) => `${child.givenName} ${child.familyName}`).join(" and ");
  const busy = creating || updating || submitting;
  const title = word("purchaseRequest", "Purchase request");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} title={saved ? "This request cannot be submitted yet" : undefined} />
        {saved && (
          <div className="govuk-inset-text" role="status">
            {saved}
          </div>
        )}
        <span className="govuk-caption-l">
          {theCase.reference} · {names}
        </span>
        <h1 className="govuk-heading-l">{existing ? `Change: ${title}` : title}</h1>
        <form onSubmit={submit} noValidate>
          <Select
            name="budgetId"
            label="Budget"
            value={chosenBudgetId}
            onChange={(value) => {
              setBudgetId(value);
              setExtensionValues(null);
            }}
            options={budgets.map((option) => ({
              value: option.id,
              label: `${option.name} (${option.available.formatted} available)`,
            }))}
            error={error("budgetId")}
          />
          <Radios
            name="route"
            label="How will the money reach the need?"
            value={route}
            onChange={(value) => setRoute(value as PurchaseRoute)}
            options={[
              { value: "SUPPLIER_ORDER", label: word("SUPPLIER_ORDER", "Order"), hint: routeWords.SUPPLIER_ORDER },
              { value: "CASH", label: word("CASH", "Cash"), hint: routeWords.CASH },
            ]}
            error={error("route")}
          />

          <h2 className="govuk-heading-m">What to buy</h2>
          {error("items") && !items.some((_, index) => error(`items.${index}`)) && (
            <p className="govuk-error-message" id={fieldId("items")}>
              <span className="govuk-visually-hidden">Error:</span> {error("items")}
            </p>
          )}
          {items.map((item, index) => (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={item.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Item {index + 1}</legend>
              <TextInput
                name={`items.${index}.description`}
                label="What it is"
                value={item.description}
                onChange={(value) => setItem(index, { description: value })}
                error={error(`items.${index}.description`)}
              />
              <Select
                name={`items.${index}.category`}
                label="Kind of help"
                value={item.category}
                onChange={(value) => setItem(index, { category: value as PurchaseCategory })}
                options={[
                  { value: "", label: "Choose one" },
                  ...Object.entries(categoryWords).map(([value, label]) => ({ value, label })),
                ]}
                error={error(`items.${index}.category`)}
              />
              <MoneyInput
                name={`items.${index}.unitCost`}
                label="Cost of one"
                value={item.unitCost}
                onChange={(value) => setItem(index, { unitCost: value })}
                error={error(`items.${index}.unitCost`)}
              />
              <TextInput
                name={`items.${index}.quantity`}
                label="How many"
                width="3"
                inputMode="numeric"
                value={item.quantity}
                onChange={(value) => setItem(index, { quantity: value })}
                error={error(`items.${index}.quantity`)}
              />
              <Select
                name={`items.${index}.supplierId`}
                label="Supplier (optional)"
                value={item.supplierId}
                onChange={(value) => setItem(index, { supplierId: value })}
                options={[
                  { value: "", label: "Not chosen yet" },
                  ...(data?.suppliers.edges ?? []).map(({ node }) => ({
                    value: node.id,
                    label: node.preferred ? `${node.name} (preferred provider)` : node.name,
                  })),
                ]}
                error={error(`items.${index}.supplierId`)}
              />
              {items.length > 1 && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setItems(items.filter((_, at) => at !== index))}
                >
                  Remove item {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setItems([...items, blankItem()])}
          >
            Add another item
          </button>

          <h2 className="govuk-heading-m">Why</h2>
          <Textarea
            name="intendedOutcomes"
            label="What difference should this make for the child?"
            value={intendedOutcomes}
            onChange={setIntendedOutcomes}
            error={error("intendedOutcomes")}
          />
          <Checkboxes
            name="ecmOutcomes"
            label="Outcomes this helps towards"
            hint="Tick every one that applies."
            small
            values={ecmOutcomes}
            onChange={setEcmOutcomes}
            options={Object.entries(ecmOutcomeWords).map(([value, label]) => ({ value, label }))}
            error={error("ecmOutcomes")}
          />
          <Textarea
            name="otherFundingExplanation"
            label="Why can statutory funding, benefits or charities not pay?"
            value={otherFunding}
            onChange={setOtherFunding}
            error={error("otherFundingExplanation")}
          />
          <MoneyInput
            name="matchedFunding"
            label="What the family puts in (optional)"
            value={matchedFunding}
            onChange={setMatchedFunding}
            error={error("matchedFunding")}
          />

          {budget &&
            portal.requestFormSections.map((section) => (
              <div key={section.title}>
                <h2 className="govuk-heading-m">{section.title}</h2>
                {section.fields.map((field) => (
                  <SchemeField
                    key={field.name}
                    field={field}
                    name={`extensions.${budget.scheme}.${field.name}`}
                    value={extensionState[field.name] ?? ""}
                    onChange={(value) => setExtensionValues({ ...extensionState, [field.name]: value })}
                    error={error(`extensions.${budget.scheme}.${field.name}`)}
                  />
                ))}
              </div>
            ))}

          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy}>
              Submit the request
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={saveDraft}>
              Save as a draft
            </button>
          </div>
        </form>
      </div>

      <aside className="govuk-grid-column-one-third" aria-labelledby="rules-heading">
        <div className="app-side-panel">
          <h2 className="govuk-heading-m" id="rules-heading">
            {scheme ? `${scheme.name}: the rules` : "The rules"}
          </h2>
          {portal.guidance.length > 0 ? (
            <ul className="govuk-list govuk-list--bullet">
              {portal.guidance.map((rule) => (
                <li key={rule}>{rule}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">The budget must cover the request, and the case needs an assessment.</p>
          )}
          {theCase.latestAssessment && (
            <>
              <h3 className="govuk-heading-s">Priority needs from the assessment</h3>
              <ol className="govuk-list govuk-list--number">
                {theCase.latestAssessment.priorityNeeds.map((need) => (
                  <li key={need}>{need}</li>
                ))}
              </ol>
            </>
          )}
          <h3 className="govuk-heading-s">Budget</h3>
          <dl className="app-budget-figures">
            <div>
              <dt>Available now</dt>
              <dd>{budget?.available.formatted ?? "No budget chosen"}</dd>
            </div>
            <div>
              <dt>This request</dt>
              <dd aria-live="polite">{formatPence(total)}</dd>
            </div>
            <div>
              <dt>Left after it</dt>
              <dd>
                {total > available ? (
                  <strong className="govuk-tag govuk-tag--red">Over by {formatPence(total - available)}</strong>
                ) : (
                  formatPence(available - total)
                )}
              </dd>
            </div>
          </dl>
        </div>
      </aside>
    </div>
  );
}

function SchemeField({
  field,
  name,
  value,
  onChange,
  error,
}: {
  field: PortalField;
  name: string;
  value: string | boolean;
  onChange(value: string | boolean): void;
  error?: string;
}) {
  const common = { name, label: field.label, hint: field.hint, error };
  switch (field.kind) {
    case "checkbox":
      return <SingleCheckbox {...common} checked={value === true} onChange={onChange} />;
    case "textarea":
      return <Textarea {...common} value={String(value)} onChange={onChange} />;
    case "list":
      return <Textarea {...common} hint={field.hint ?? "One a line."} value={String(value)} onChange={onChange} />;
    case "pence":
      return <MoneyInput {...common} value={String(value)} onChange={onChange} />;
    case "date":
      return <TextInput {...common} type="date" value={String(value)} onChange={onChange} />;
    default:
      return <TextInput {...common} value={String(value)} onChange={onChange} />;
  }
}
