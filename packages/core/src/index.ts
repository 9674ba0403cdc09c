export * as Account from "./account";
export * from "./actor";
export * as Auth from "./auth";
export * from "./config";
export * from "./errors";
export * as Mail from "./mail";
export * as Member from "./member";
export * as Resource from "./resource";
