import * as Search from "@cluster/core/search/index";
import { searchOperations as op } from "./contracts/search";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

bind(app, op.searchPortal, ({ query }) => Search.findEverywhere(query));

export const handler = handle(app);
