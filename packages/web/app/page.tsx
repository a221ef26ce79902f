const graphiqlUrl = "http://localhost:4000/graphql";

export default function HomePage() {
  return (
    <main id="main-content" tabIndex={-1}>
      <h1>Pathfinder</h1>
      <p>
        This is the staff portal for budget-holding lead professional schemes; signing in arrives with the portal issue.
      </p>
      <p>
        Until then, you can explore the API in <a href={graphiqlUrl}>GraphiQL at {graphiqlUrl}</a>.
      </p>
    </main>
  );
}
