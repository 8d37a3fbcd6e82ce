/* TrialLens: registered by the background worker (lib/nct.js siteOnSyncer) only for the sites the reader has not switched
 * off, at document_start: the content script (content/content.js), in the same isolated world, can then keep a
 * listing's badges their room as soon as the page is read, without waiting for storage to say the site is on. */
globalThis.TrialLensSiteOn = true;
