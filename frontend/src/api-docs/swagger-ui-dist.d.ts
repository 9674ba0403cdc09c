/** The part of Swagger UI's bundle the API page uses (the package ships no types). */
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  interface SwaggerUIOptions {
    spec: object;
    domNode: Element;
    deepLinking?: boolean;
    validatorUrl?: string | null;
    presets?: unknown[];
    layout?: string;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    displayOperationId?: boolean;
    filter?: boolean;
    syntaxHighlight?: { activated: boolean };
    tryItOutEnabled?: boolean;
    withCredentials?: boolean;
  }
  interface SwaggerUIBundle {
    (options: SwaggerUIOptions): unknown;
    presets: { apis: unknown };
  }
  const SwaggerUI: SwaggerUIBundle;
  export default SwaggerUI;
}
