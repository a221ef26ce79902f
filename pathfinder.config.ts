// The composition root: the scheme plugins this Pathfinder runs. Authorities then enable the
// ones they use at run time (enablePlugin), each with its own settings.
import { defineConfig } from "@pathfinder/core/config";
import childrenInCare from "@pathfinder/plugin-children-in-care";
import configurable from "@pathfinder/plugin-configurable";
import derbyshire from "@pathfinder/plugin-derbyshire";
import devon from "@pathfinder/plugin-devon";
import dorset from "@pathfinder/plugin-dorset";
import leeds from "@pathfinder/plugin-leeds";

export default defineConfig({
  plugins: [dorset, derbyshire, leeds, devon, childrenInCare, configurable],
});
