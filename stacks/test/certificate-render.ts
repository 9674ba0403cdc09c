/** The certificate writer alone, bundled as a function is, to prove it finds its fonts there. */
export { certificatePdf } from "../../packages/core/src/certificate/document";
