import { forwardToApi } from "../../../lib/api-proxy";

export const dynamic = "force-dynamic";

export const GET = forwardToApi;
