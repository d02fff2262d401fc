// The HTML shell (search box, filter) paints first; the app, with search and the database,
// arrives in its own chunk right after. Anything typed meanwhile is kept and searched.
void import('../../lib/popup/app').then(({ startPopup }) => startPopup());
