// The messages.json translator lives in core (the CLI uses it too); the UI's tests import it from here.
export { type MessageEntry, type Messages, translatorFromMessages } from '../core/translate';
