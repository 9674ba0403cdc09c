import { handle } from "hono/aws-lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

export const handler = handle(app);
