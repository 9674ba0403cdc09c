import { CertificateView } from "@cluster/core/certificate/schema";
import { operations } from "../http/operation";

const tag = "Сертификаты";

/**
 * Certificates: the PDF an attendee downloads and the public check of its code. Their own
 * function, so the fonts (90 KB) and the PDF writer stay out of the events' bundles.
 */
export const certificateOperations = operations({
  downloadEventCertificate: {
    method: "get",
    path: "/api/events/{id}/certificate",
    summary: "My certificate of attendance of an event held (PDF), issued on the first download",
    tag,
    access: "person",
    produces: ["application/pdf"],
    errors: { 409: ["not_held", "busy"] },
  },
  verifyCertificate: {
    method: "get",
    path: "/api/certificates/{code}",
    summary: "What a certificate with this code says (its public check; dashes and case do not matter)",
    tag,
    access: "guest",
    response: CertificateView,
  },
});
