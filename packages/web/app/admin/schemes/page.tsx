"use client";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { type JsonSchema, SettingsForm } from "../../../components/settings-form";
import { LoadFailed, Loading } from "../../../components/states";
import { errorsOf, type FieldError, fieldId, networkErrorMessage } from "../../../lib/api-errors";
import { graphql } from "../../../lib/generated";
import type { SchemesAdminQuery } from "../../../lib/generated/graphql";

const SchemesAdminDocument = graphql(`
  query SchemesAdmin {
    schemes { id name version enabled settings settingsSchema settingsVersion roles }
  }
`);

// What each scheme mutation returns, so the cached scheme updates in place.
graphql(`
  fragment SchemeResult on Scheme { id enabled settings settingsVersion }
`);

const EnableDocument = graphql(`
  mutation EnableScheme($schemeId: String!, $settings: JSON) {
    enablePlugin(schemeId: $schemeId, settings: $settings) {
      __typename
      ... on MutationEnablePluginSuccess { data { ...SchemeResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ConfigureDocument = graphql(`
  mutation ConfigureScheme($schemeId: String!, $settings: JSON) {
    configurePlugin(schemeId: $schemeId, settings: $settings) {
      __typename
      ... on MutationConfigurePluginSuccess { data { ...SchemeResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const DisableDocument = graphql(`
  mutation DisableScheme($schemeId: String!) {
    disablePlugin(schemeId: $schemeId) {
      __typename
      ... on MutationDisablePluginSuccess { data { ...SchemeResult } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

type Scheme = SchemesAdminQuery["schemes"][number];

function SchemeSection({ scheme }: { scheme: Scheme }) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching: enabling }, enable] = useMutation(EnableDocument);
  const [{ fetching: configuring }, configure] = useMutation(ConfigureDocument);
  const [{ fetching: disabling }, disable] = useMutation(DisableDocument);

  async function save(settings: Record<string, unknown>, problems: FieldError[]) {
    setSaved(null);
    if (problems.length) return setErrors(problems);
    const result = scheme.enabled
      ? await configure({ schemeId: scheme.id, settings })
      : await enable({ schemeId: scheme.id, settings });
    // By name, not position: `data` may hold more than the one field (a root __typename, say).
    const outcome =
      result.data && ("configurePlugin" in result.data ? result.data.configurePlugin : result.data.enablePlugin);
    if (outcome?.__typename.endsWith("Success")) {
      setErrors([]);
      setSaved(scheme.enabled ? "Settings saved: they are in force from today." : `${scheme.name} is now running.`);
      return;
    }
    setErrors(outcome ? errorsOf(outcome as never) : networkErrorMessage(result.error));
  }

  const headingId = fieldId(`scheme-${scheme.id}`);
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {scheme.name}{" "}
        {scheme.enabled ? (
          <strong className="govuk-tag govuk-tag--green">Running</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--grey">Off</strong>
        )}
      </h2>
      <p className="govuk-body-s">
        Version {scheme.version}
        {scheme.settingsVersion ? ` · settings version ${scheme.settingsVersion}` : ""}
      </p>
      {saved && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{saved}</p>
          </div>
        </div>
      )}
      <details className="govuk-details" open={errors.length > 0 || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{scheme.enabled ? "Change its settings" : "Turn it on"}</span>
        </summary>
        <div className="govuk-details__text">
          <SettingsForm
            schemeId={scheme.id}
            schema={scheme.settingsSchema as JsonSchema}
            settings={scheme.settings as Record<string, unknown>}
            submitLabel={scheme.enabled ? "Save the settings" : `Turn on ${scheme.name}`}
            busy={enabling || configuring}
            errors={errors}
            onSubmit={save}
          />
        </div>
      </details>
      {scheme.enabled && (
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          disabled={disabling}
          onClick={async () => {
            const result = await disable({ schemeId: scheme.id });
            const outcome = result.data?.disablePlugin;
            if (outcome?.__typename !== "MutationDisablePluginSuccess")
              setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
          }}
        >
          Turn off {scheme.name}
        </button>
      )}
    </section>
  );
}

/** Which schemes the authority runs, each configured through a form built from its settings schema. */
export default function SchemesAdminPage() {
  const [{ data, fetching, error }] = useQuery({ query: SchemesAdminDocument });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="schemes" />;
  const schemes = data?.schemes ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Schemes</h1>
      <p className="govuk-body">
        Turn on the schemes your authority runs and set their rules. New settings apply from today; earlier decisions
        keep the rules they were made under.
      </p>
      {schemes.map((scheme) => (
        <SchemeSection key={scheme.id} scheme={scheme} />
      ))}
    </>
  );
}
