import { store } from "../db/store";
import { EventEntity, RegistrationEntity } from "../event/entity";
import { CertificateEntity } from "./entity";

export const db = store({
  certificate: CertificateEntity,
  event: EventEntity,
  registration: RegistrationEntity,
});
