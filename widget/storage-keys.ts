/** Set while a person is involved in the conversation: the loader then starts the chat at once. */
export const ACTIVE_KEY = "hfc:active";
