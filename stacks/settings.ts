/**
 * Deploy-time settings, read from the environment of whoever runs `sst deploy` (SST also
 * loads `.env.<stage>`). Read inside stack functions, after SST has loaded those files.
 */

/** The one stage whose data must outlive `sst remove`. */
export const isProduction = (stage: string) => stage === "prod";

export const mailDomain = () => process.env.MAIL_DOMAIN ?? "nko-kaluga.ru";

/**
 * Where people open the portal: links in mail and the Origin that writes must come from.
 * CloudFront's own domain is only known after the Web stack deploys, and the functions cannot
 * depend on it (Web already depends on Api), so a stage served from that domain sets
 * PUBLIC_URL to its SiteUrl output.
 */
export const publicUrl = () => process.env.PUBLIC_URL ?? `https://${mailDomain()}`;

/**
 * Whoever signs in with one of these addresses becomes a coordinator, so there is no default:
 * a guessed address would hand out the cluster's widest rights.
 */
export function coordinatorEmails(): string {
  const value = process.env.COORDINATOR_EMAILS?.trim();
  if (!value) {
    throw new Error(
      "Set COORDINATOR_EMAILS (comma-separated addresses, e.g. in .env.<stage>) before deploying.",
    );
  }
  return value;
}
