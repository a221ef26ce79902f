// The V8 settings the API process runs with in production (`npm run start:prod`, the Dockerfile's
// CMD, core's `start:prod`), and the benchmark's servers with it (bench/layers.ts).
//
// A young generation of up to 64 MB semi-spaces instead of Node 20's 16 MB: under load V8 grows
// it (and shrinks it when idle), scavenges run a quarter as often, and fewer of a busy request's
// objects live through two of them into the old generation. Measured at saturation, interleaved
// (bench/README.md, "Young generation and maps made per request"): Pathfinder's lists and the
// child's record 2-15% more requests a second, the hand-written yoga server (L2) unchanged,
// for up to ~200 MB more resident memory under load (peaks of 394-598 MB against 330-374).
export const API_NODE_FLAGS = ["--max-semi-space-size=64"];
