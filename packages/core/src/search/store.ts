import { store } from "../db/store";
import { SearchTermEntity } from "./entity";

/** The search's own reads; areas write its rows through their stores, in their transactions. */
export const db = store({ searchTerm: SearchTermEntity });
