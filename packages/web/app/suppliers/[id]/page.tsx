"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { LoadFailed, Loading } from "../../../components/states";
import { type SupplierDraft, SupplierForm } from "../../../components/supplier-form";
import { errorsOf, type FieldError, networkErrorMessage } from "../../../lib/api-errors";
import { graphql } from "../../../lib/generated";

const SupplierDocument = graphql(`
  query SupplierEdit($id: ID!) {
    node(id: $id) { __typename id ... on Supplier { name onSupplierList preferred invoicesCouncil } }
  }
`);

const UpdateSupplierDocument = graphql(`
  mutation UpdateSupplier($id: ID!, $input: UpdateSupplierInput!) {
    updateSupplier(id: $id, input: $input) {
      __typename
      ... on MutationUpdateSupplierSuccess { data { id name onSupplierList preferred invoicesCouncil } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** Changes one supplier's name or what finance knows of it. */
export default function SupplierPage() {
  const { id } = useParams<{ id: string }>();
  const supplierId = decodeURIComponent(id);
  const [{ data, fetching, error }] = useQuery({ query: SupplierDocument, variables: { id: supplierId } });
  const [{ fetching: saving }, update] = useMutation(UpdateSupplierDocument);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the supplier" />;
  const supplier = data?.node?.__typename === "Supplier" ? data.node : null;
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" href="/suppliers">
        Back to suppliers
      </Link>
    </p>
  );
  if (!supplier)
    return (
      <>
        <h1 className="govuk-heading-l">Supplier not found</h1>
        {back}
      </>
    );

  async function save(draft: SupplierDraft) {
    setSaved(false);
    const result = await update({ id: supplierId, input: draft });
    const outcome = result.data?.updateSupplier;
    if (outcome?.__typename === "MutationUpdateSupplierSuccess") {
      setErrors([]);
      setSaved(true);
      return true;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
    return false;
  }

  return (
    <>
      <span className="govuk-caption-l">Suppliers</span>
      <h1 className="govuk-heading-l">{supplier.name}</h1>
      {saved && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Saved.</p>
          </div>
        </div>
      )}
      <SupplierForm
        initial={{
          name: supplier.name,
          onSupplierList: supplier.onSupplierList,
          preferred: supplier.preferred,
          invoicesCouncil: supplier.invoicesCouncil,
        }}
        submitLabel="Save the changes"
        busy={saving}
        errors={errors}
        onSubmit={save}
      />
      {back}
    </>
  );
}
