import { store } from "../db/store";
import { OutboxEntity } from "./entity";

export const db = store({ outbox: OutboxEntity });
