"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Pagination, useCursorPages } from "../../components/pagination";
import { Empty, LoadFailed, Loading } from "../../components/states";
import { emptySupplier, type SupplierDraft, SupplierForm } from "../../components/supplier-form";
import { errorsOf, type FieldError, networkErrorMessage } from "../../lib/api-errors";
import { graphql } from "../../lib/generated";

const SuppliersDocument = graphql(`
  query SuppliersAdmin($after: String, $search: String) {
    suppliers(first: 25, after: $after, search: $search) {
      edges { node { id name onSupplierList preferred invoicesCouncil } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CreateSupplierDocument = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      __typename
      ... on MutationCreateSupplierSuccess { data { id name onSupplierList preferred invoicesCouncil } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const yes = (value: boolean) => (value ? "Yes" : "No");

/** Finance's and administrators' list of the authority's suppliers: find one, add one, change one. */
export default function SuppliersPage() {
  const pages = useCursorPages();
  const [search, setSearch] = useState("");
  const [{ data, fetching, error }] = useQuery({
    query: SuppliersDocument,
    variables: { after: pages.after, search: search.trim() || null },
  });
  const [{ fetching: adding }, create] = useMutation(CreateSupplierDocument);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const suppliers = data?.suppliers.edges.map((edge) => edge.node) ?? [];

  async function add(draft: SupplierDraft) {
    setAdded(null);
    const result = await create({ input: draft });
    const outcome = result.data?.createSupplier;
    if (outcome?.__typename === "MutationCreateSupplierSuccess") {
      setErrors([]);
      setAdded(`${outcome.data.name} added.`);
      return true;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
    return false;
  }

  return (
    <>
      <h1 className="govuk-heading-l">Suppliers</h1>
      <p className="govuk-body">
        The businesses and services your authority buys from. Lead professionals choose from this list when they ask for
        an order.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="supplier-search">
          Find a supplier
        </label>
        <input
          id="supplier-search"
          className="govuk-input govuk-input--width-20"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            pages.reset();
          }}
        />
      </div>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="suppliers" />
      ) : suppliers.length === 0 ? (
        <Empty>{search.trim() ? "No supplier's name matches." : "No suppliers yet."}</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Suppliers</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                On the supplier list
              </th>
              <th scope="col" className="govuk-table__header">
                Preferred
              </th>
              <th scope="col" className="govuk-table__header">
                Invoices the council
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {suppliers.map((supplier) => (
              <tr className="govuk-table__row" key={supplier.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/suppliers/${encodeURIComponent(supplier.id)}`}>
                    {supplier.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{yes(supplier.onSupplierList)}</td>
                <td className="govuk-table__cell">{yes(supplier.preferred)}</td>
                <td className="govuk-table__cell">{yes(supplier.invoicesCouncil)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={data?.suppliers.pageInfo} label="Suppliers" />

      <h2 className="govuk-heading-m">Add a supplier</h2>
      {added && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{added}</p>
          </div>
        </div>
      )}
      <SupplierForm
        initial={emptySupplier}
        submitLabel="Add the supplier"
        busy={adding}
        errors={errors}
        onSubmit={add}
      />
    </>
  );
}
