"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, Suspense, useState } from "react";
import { useClient, useMutation } from "urql";
import { ErrorSummary } from "../../components/error-summary";
import { TextInput } from "../../components/form-fields";
import { MeDocument } from "../../components/session";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../lib/api-errors";
import { graphql } from "../../lib/generated";
import { signInOptions } from "../../lib/sign-in-options";

const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on MutationSignInSuccess { data { expiresAt } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

function SignInForm() {
  const router = useRouter();
  const next = useSearchParams().get("next");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  const client = useClient();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ field: "email", message: "Enter your email address" });
    if (!password) missing.push({ field: "password", message: "Enter your password" });
    if (missing.length) return setErrors(missing);
    const result = await signIn({ email: email.trim(), password });
    const outcome = result.data?.signIn;
    if (outcome?.__typename === "MutationSignInSuccess") {
      // Who is signed in, before the next page asks.
      await client.query(MeDocument, {}, { requestPolicy: "network-only" }).toPromise();
      router.replace(next?.startsWith("/") && !next.startsWith("//") ? next : "/");
      return;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in to Pathfinder</h1>
        <form onSubmit={submit} noValidate>
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errorFor(errors, "email")}
          />
          <TextInput
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errorFor(errors, "password")}
          />
          <button type="submit" className="govuk-button" disabled={fetching}>
            Sign in
          </button>
        </form>
        {signInOptions.length > 0 && (
          <>
            <h2 className="govuk-heading-m">Other ways to sign in</h2>
            <ul className="govuk-list">
              {signInOptions.map((option) => (
                <li key={option.href}>
                  <a className="govuk-link" href={option.href}>
                    {option.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

export default function SignInPage() {
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}
