/**
 * The digest's fixed vocabularies, apart from the entity so that schemas (and the OpenAPI
 * document) can use them without loading ElectroDB.
 */
export const subscriberStatuses = ["pending", "active", "unsubscribed", "suppressed", "dormant"] as const;
export const frequencies = ["weekly", "daily", "off"] as const;
export const digestTopics = ["members", "resources", "consultations", "events", "news"] as const;
