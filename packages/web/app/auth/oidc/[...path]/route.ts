import { forwardToApi } from "../../../../lib/api-proxy";

// Single sign-on starts and finishes on the API; forwarded through this origin so that the
// session cookie the API sets on the way back is the portal's.
export const dynamic = "force-dynamic";

export const GET = forwardToApi;
