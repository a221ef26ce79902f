// The composition root: the scheme plugins this Pathfinder runs. Authorities then enable the
// ones they use at run time (enablePlugin), each with its own settings.
import { defineConfig } from "@pathfinder/core/config";
import devon from "@pathfinder/plugin-devon";

export default defineConfig({
  plugins: [devon],
});
