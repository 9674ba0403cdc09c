import type { Operation } from "../http/operation";
import { accountOperations } from "./accounts";
import { authOperations } from "./auth";
import { certificateOperations } from "./certificates";
import { consultationOperations } from "./consultations";
import { digestOperations } from "./digests";
import { eventDeskOperations } from "./event-desk";
import { eventEditorOperations } from "./event-editor";
import { eventOperations } from "./events";
import { materialOperations } from "./materials";
import { memberOperations } from "./members";
import { reportOperations } from "./reports";
import { resourceOperations } from "./resources";
import { responseOperations } from "./responses";
import { searchOperations } from "./search";

/** Every operation of the API areas (meta documents itself). */
export const areaOperations: Operation[] = [
  ...Object.values(authOperations),
  ...Object.values(accountOperations),
  ...Object.values(memberOperations),
  ...Object.values(resourceOperations),
  ...Object.values(responseOperations),
  ...Object.values(consultationOperations),
  ...Object.values(eventOperations),
  ...Object.values(eventEditorOperations),
  ...Object.values(eventDeskOperations),
  ...Object.values(certificateOperations),
  ...Object.values(materialOperations),
  ...Object.values(digestOperations),
  ...Object.values(reportOperations),
  ...Object.values(searchOperations),
];
