import { forwardToApi } from "../../../lib/api-proxy";

// The reports' CSV downloads (/reports/<name>.csv), streamed from the API with the session cookie.
export const dynamic = "force-dynamic";

export const GET = forwardToApi;
