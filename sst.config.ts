import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api";
import { lambdaEsbuild } from "./stacks/bundling";
import { Database } from "./stacks/Database";
import { Email } from "./stacks/Email";
import { Files } from "./stacks/Files";
import { Jobs } from "./stacks/Jobs";
import { isProduction } from "./stacks/settings";
import { Web } from "./stacks/Web";

export default {
  config() {
    return {
      name: "kaluga-ngo-cluster",
      region: process.env.AWS_REGION ?? "eu-central-1",
    };
  },
  stacks(app) {
    app.setDefaultRemovalPolicy(isProduction(app.stage) ? "retain" : "destroy");
    app.setDefaultFunctionProps({
      runtime: "nodejs22.x",
      architecture: "arm_64",
      // Active tracing needs xray:Put* on every resource ("*"), and nothing reads the traces.
      tracing: "disabled",
      nodejs: { format: "esm", minify: true, esbuild: lambdaEsbuild },
    });
    app.stack(Database).stack(Email).stack(Files).stack(Api).stack(Jobs).stack(Web);
  },
} satisfies SSTConfig;
