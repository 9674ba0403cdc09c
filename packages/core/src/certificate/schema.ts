import * as z from "zod/mini";

/** Twelve letters and digits without look-alikes; printed in groups of four, typed either way. */
export const CERTIFICATE_CODE = /^[A-HJ-NP-Z2-9]{12}$/;

/** A code as a person typed it (dashes, spaces, small letters) as it is stored. */
export const typedCode = (typed: string) => typed.replace(/[\s-]/g, "").toUpperCase();

/** «ABCD-EFGH-JK23»: as printed and read aloud. */
export const printedCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** What the public verification page confirms: the certificate's words as printed. */
export const CertificateView = z.object({
  code: z.string(),
  kind: z.enum(["event"]),
  name: z.string(),
  heading: z.string(),
  deed: z.string(),
  title: z.string(),
  details: z.string(),
  issuer: z.string(),
  issuedAt: z.string(),
  /** The page of what it certifies (the event). */
  subjectPath: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;
